import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceQuery } from '../../preload/contract'
import { daysOverdue, isOverdue } from '../../preload/contract/overdue'
import { ReportSourceRepo } from '../../main/reports/report-source.repo'
import { smallCache, unifiedInvoice as invoice } from '../helpers/small-cache'

/**
 * "Overdue" is one rule (preload/contract/overdue.ts) with a SQL twin (the list's status filter
 * and its days-overdue column). These hold the two together, and hold the Overview and aging to
 * the same effective due date (the provider's, else the payment terms').
 */
const TODAY = '2026-11-20'

describe('the overdue rule', () => {
  it('is open and due before today: not on the due date, never when paid or void, never without a due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-11-19' }, TODAY)).toBe(true)
    expect(daysOverdue({ status: 'open', dueDate: '2026-11-19' }, TODAY)).toBe(1)
    expect(isOverdue({ status: 'open', dueDate: TODAY }, TODAY)).toBe(false)
    expect(daysOverdue({ status: 'open', dueDate: TODAY }, TODAY)).toBeNull()
    expect(isOverdue({ status: 'paid', dueDate: '2026-01-01' }, TODAY)).toBe(false)
    expect(isOverdue({ status: 'void', dueDate: '2026-01-01' }, TODAY)).toBe(false)
    expect(isOverdue({ status: 'open', dueDate: null }, TODAY)).toBe(false)
  })

  it('agrees with the list’s Overdue filter and days overdue, sent and derived due dates alike', async () => {
    const cache = smallCache()
    onTestFinished(cache.close)
    await cache.sync(
      invoice('sent-past', { dueDate: '2026-10-01' }),
      invoice('sent-today', { dueDate: TODAY }),
      invoice('sent-future', { dueDate: '2026-12-01' }),
      invoice('paid-past', { status: 'paid', dueDate: '2026-10-01' }),
      invoice('derived-past', { issueDate: '2026-09-01' }),
      invoice('derived-future', { issueDate: '2026-11-15' }),
      invoice('no-due', { issueDate: null })
    )
    cache.terms.set(cache.accountId, { netDays: 30, basis: 'issueDate' })
    const list = (filter: object) => cache.query().list(InvoiceQuery.parse({ limit: 100, ...filter }), TODAY).items
    const overdue = new Set(list({ status: 'overdue' }).map((item) => item.remoteId))
    expect([...overdue].sort()).toEqual(['derived-past', 'sent-past'])
    for (const item of list({})) {
      expect(isOverdue(item, TODAY), item.remoteId).toBe(overdue.has(item.remoteId))
      expect(item.daysOverdue, item.remoteId).toBe(daysOverdue(item, TODAY))
    }

    // The Overview and aging read the same effective due date as the grid.
    const reports = new ReportSourceRepo(cache.db)
    const overdueInOverview = reports.openGroups().filter((group) => isOverdue(group, TODAY))
    expect(overdueInOverview.reduce((count, group) => count + group.count, 0)).toBe(overdue.size)
  })
})
