import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceQuery } from '../../preload/contract'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { InvoiceChangesRepo } from '../../main/db/invoice-changes.repo'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { InvoicesRepo } from '../../main/db/invoices.repo'
import { openDatabase } from '../../main/db/open-database'
import { exportSql } from '../../main/db/invoice-filter-sql'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { tempDir } from '../helpers/temp-dir'

const TODAY = '2026-11-20'

function invoice(remoteId: string, currency: string, total: string | null): UnifiedInvoice {
  return {
    remoteId,
    number: remoteId,
    status: 'open',
    rawStatus: null,
    paymentStatus: null,
    counterparty: null,
    notes: null,
    issueDate: '2026-11-01',
    dueDate: null,
    periodStart: null,
    periodEnd: null,
    currency,
    subtotal: null,
    tax: null,
    total,
    paid: null,
    hasPdf: false,
    remoteCreatedAt: null,
    remoteUpdatedAt: null,
    removed: false,
    lineItems: [],
    raw: {}
  }
}

describe('invoices whose total is unknown', () => {
  function cache(...invoices: UnifiedInvoice[]) {
    const dir = tempDir()
    const db = openDatabase(join(dir.path, 'quire.sqlite3'))
    onTestFinished(() => dir.remove())
    onTestFinished(() => void db.close())
    const accounts = new AccountsRepo(db)
    const accountId = randomUUID()
    accounts.insert({
      id: accountId,
      provider: 'hoursmith',
      name: 'Studio',
      baseUrl: 'http://127.0.0.1:9/api/v1',
      options: {},
      createdAt: '2026-11-20T08:00:00Z'
    })
    const repo = new InvoicesRepo(db)
    db.transaction(() =>
      repo.writingPage(accountId, invoices, () => invoices.forEach((item) => repo.upsert(accountId, 1, '2026-11-20T08:00:00Z', item, null)))
    )()
    return { db, accountId, repo, query: new InvoiceQueryRepo(db) }
  }

  it('count as invoices, add nothing to a sum, and are counted apart per currency', () => {
    const { query } = cache(invoice('a', 'EUR', '10.00'), invoice('b', 'EUR', null), invoice('c', 'EUR', null), invoice('d', 'USD', '5.25'))
    expect(query.totals(InvoiceQuery.parse({}), TODAY)).toEqual([
      { currency: 'EUR', count: 3, total: '10.00', balance: '10.00', leftOut: 0, withoutAmount: 2 },
      { currency: 'USD', count: 1, total: '5.25', balance: '5.25', leftOut: 0 }
    ])
    expect(query.totals(InvoiceQuery.parse({ search: 'b' }), TODAY)).toEqual([
      { currency: 'EUR', count: 1, total: '0.00', balance: '0.00', leftOut: 0, withoutAmount: 1 }
    ])
  })

  it('show as no amount, never as 0, in the list, the detail and the export', () => {
    const { db, accountId, query } = cache(invoice('a', 'EUR', '10.00'), invoice('b', 'EUR', null))
    const rows = query.list(InvoiceQuery.parse({ sort: { column: 'total', direction: 'asc' } }), TODAY).items
    expect(rows.find((row) => row.remoteId === 'b')!.total).toBeNull()
    expect(query.get(accountId, 'b', TODAY)!.total).toBeNull()
    const { sql, params } = exportSql(InvoiceQuery.parse({}), 'invoice', TODAY)
    const exported = db.prepare(sql).all(params) as { remote_id: string; total: string }[]
    expect(exported.find((row) => row.remote_id === 'b')!.total).toBe('')
    expect(
      query.selectionTotals([
        { accountId, remoteId: 'a' },
        { accountId, remoteId: 'b' }
      ])
    ).toEqual([{ currency: 'EUR', count: 2, total: '10.00', balance: '10.00', leftOut: 0, withoutAmount: 1 }])
  })

  it('are not matched by a total range or an amount search that takes in 0', () => {
    const { query } = cache(invoice('a', 'EUR', '0.00'), invoice('b', 'EUR', null), invoice('c', 'EUR', '7.00'))
    const ids = (filter: object) =>
      query
        .list(InvoiceQuery.parse(filter), TODAY)
        .items.map((row) => row.remoteId)
        .sort()
    expect(ids({ total: { max: '5' } })).toEqual(['a'])
    expect(ids({ total: { min: '-1', max: '1' } })).toEqual(['a'])
    expect(ids({ total: { min: '5' } })).toEqual(['c'])
    expect(ids({ search: '0.00' })).toEqual(['a'])
    expect(query.count(InvoiceQuery.parse({ total: { max: '5' } }), TODAY)).toBe(1)
  })

  it('log the change when a later sync reads the total, and back', () => {
    const { db, accountId, repo } = cache(invoice('a', 'EUR', null))
    const changes = new InvoiceChangesRepo(db)
    db.transaction(() => {
      const before = repo.cached(accountId, [invoice('a', 'EUR', '3.00')]).get('a')!
      expect(before.total).toBeNull()
      changes.recordUpsert('2026-11-21T08:00:00Z', before, invoice('a', 'EUR', '3.00'))
    })()
    expect(changes.history(accountId, 'a')).toEqual([{ at: '2026-11-21T08:00:00Z', field: 'total', before: null, after: '3.00' }])
  })
})
