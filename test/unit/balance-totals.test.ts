import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceFilter, InvoiceQuery } from '../../preload/contract'
import { BALANCE_SCALED, DUE_ON, OVERDUE_KEY } from '../../main/db/derived-columns'
import { orderedIdsSql, totalsSql } from '../../main/db/invoice-filter-sql'
import { queryPlan } from '../helpers/query-plan'
import { smallCache, unifiedInvoice as invoice } from '../helpers/small-cache'

/**
 * Balance (what is still owed) beside the gross total, days overdue, and the rule that keeps
 * void and draft invoices out of totals unless asked, saying how many it left out.
 */
const TODAY = '2026-11-20'

describe('balance, days overdue and what counts in totals', () => {
  async function filled() {
    const cache = smallCache()
    onTestFinished(cache.close)
    await cache.sync(
      invoice('half', { total: '1780.12', paid: '890.06', dueDate: '2026-11-10' }),
      invoice('unpaid', { total: '100.00', paid: null, dueDate: '2026-12-01' }),
      invoice('paid-no-amount', { status: 'paid', total: '50.00', paid: null }),
      invoice('void', { status: 'void', total: '11191.39', paid: '0', currency: 'CAD' }),
      invoice('draft', { status: 'draft', total: '20.00' }),
      invoice('precise', { total: '1513.9526', paid: '13.9526', currency: 'USD', dueDate: '2026-08-01' }),
      invoice('credit', { total: '-40.00', paid: null, currency: 'USD' })
    )
    return cache
  }

  it('gives each row its balance and, for an open invoice past due, its days overdue', async () => {
    const cache = await filled()
    const rows = cache.query().list(InvoiceQuery.parse({ limit: 50, sort: { column: 'number', direction: 'asc' } }), TODAY).items
    const byId = Object.fromEntries(rows.map((row) => [row.remoteId, [row.balance, row.daysOverdue]]))
    expect(byId).toEqual({
      half: ['890.06', 10],
      unpaid: ['100.00', null],
      'paid-no-amount': ['0.00', null],
      void: ['0.00', null],
      draft: ['20.00', null],
      precise: ['1500.00', 111],
      credit: ['-40.00', null]
    })
  })

  it('leaves void and draft out of the filter and selection totals by default, counting them apart, and in when asked', async () => {
    const cache = await filled()
    const repo = cache.query()
    const all = InvoiceFilter.parse({})
    expect(repo.totals(all, TODAY)).toEqual([
      { currency: 'CAD', count: 0, total: '0.00', balance: '0.00', leftOut: 1 },
      { currency: 'EUR', count: 3, total: '1930.12', balance: '990.06', leftOut: 1 },
      { currency: 'USD', count: 2, total: '1473.9526', balance: '1460.00', leftOut: 0 }
    ])
    expect(repo.totals(all, TODAY, { includeVoidAndDraft: true })).toEqual([
      { currency: 'CAD', count: 1, total: '11191.39', balance: '0.00', leftOut: 0 },
      { currency: 'EUR', count: 4, total: '1950.12', balance: '1010.06', leftOut: 0 },
      { currency: 'USD', count: 2, total: '1473.9526', balance: '1460.00', leftOut: 0 }
    ])
    // A filter that narrows takes the other path through the SQL, with the same rule.
    expect(repo.totals(InvoiceFilter.parse({ currency: 'EUR' }), TODAY)).toEqual([
      { currency: 'EUR', count: 3, total: '1930.12', balance: '990.06', leftOut: 1 }
    ])
    const picked = ['half', 'void'].map((remoteId) => ({ accountId: cache.accountId, remoteId }))
    expect(repo.selectionTotals(picked)).toEqual([
      { currency: 'CAD', count: 0, total: '0.00', balance: '0.00', leftOut: 1 },
      { currency: 'EUR', count: 1, total: '1780.12', balance: '890.06', leftOut: 0 }
    ])
    expect(repo.selectionTotals(picked, { includeVoidAndDraft: true })[0]).toEqual({
      currency: 'CAD',
      count: 1,
      total: '11191.39',
      balance: '0.00',
      leftOut: 0
    })
  })

  it('sorts by balance and by days overdue, most overdue first with the rest after', async () => {
    const cache = await filled()
    const order = (column: 'balance' | 'daysOverdue', direction: 'asc' | 'desc') =>
      cache
        .query()
        .list(InvoiceQuery.parse({ limit: 50, sort: { column, direction } }), TODAY)
        .items.map((row) => row.remoteId)
    expect(order('balance', 'desc')).toEqual(['precise', 'half', 'unpaid', 'draft', 'void', 'paid-no-amount', 'credit'])
    expect(order('daysOverdue', 'desc').slice(0, 3)).toEqual(['precise', 'half', 'unpaid'])
  })

  it('indexes exactly the expressions the queries use, so totals and these sorts never read the rows', async () => {
    const cache = await filled()
    const migrations = ['0014_add_payment_terms.sql', '0015_add_balance_and_days_overdue.sql']
      .map((file) => readFileSync(join(__dirname, '../../main/db/migrations', file), 'utf8'))
      .join('\n')
      .replace(/\s+/g, ' ')
    for (const expression of [DUE_ON, BALANCE_SCALED, OVERDUE_KEY])
      expect(migrations).toContain(expression.replace(/\bi\./g, '').replace(/\s+/g, ' '))
    const plan = ({ sql, params }: { sql: string; params: object }) => queryPlan(cache.db, sql, params)
    expect(plan(totalsSql(InvoiceFilter.parse({}), TODAY))).toContain('COVERING INDEX invoices_totals')
    for (const [column, index] of [
      ['balance', 'invoices_by_balance'],
      ['daysOverdue', 'invoices_by_overdue'],
      ['dueDate', 'invoices_by_due_on'],
      ['paidAt', 'invoices_by_paid_at'],
      ['sentAt', 'invoices_by_sent_at']
    ] as const) {
      const steps = plan(orderedIdsSql(InvoiceQuery.parse({ sort: { column, direction: 'desc' } }), TODAY))
      expect(steps).toContain(`COVERING INDEX ${index}`)
      expect(steps).not.toContain('TEMP B-TREE')
    }
  })
})
