import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceFilter, InvoiceQuery } from '../../preload/contract'
import { smallCache, unifiedInvoice as invoice } from '../helpers/small-cache'

/**
 * Payment terms derive a due date where the provider sends none; the provider's own due date
 * always wins, and "Overdue", the due-date filter and sort, and the count of open invoices
 * without any due date all read the same effective date.
 */
const TODAY = '2026-11-20'

describe('payment terms', () => {
  function cache() {
    const cache = smallCache()
    onTestFinished(cache.close)
    const list = (filter: object = {}) =>
      cache.query().list(InvoiceQuery.parse({ limit: 100, sort: { column: 'number', direction: 'asc' }, ...filter }), TODAY).items
    const due = (filter: object = {}) =>
      Object.fromEntries(list(filter).map((item) => [item.remoteId, [item.dueDate, item.dueDateDerived]]))
    const withoutDue = (filter: object = {}) => cache.query().openWithoutDueDate(InvoiceFilter.parse(filter), TODAY)
    return { ...cache, list, due, withoutDue }
  }

  it('derives nothing without terms, and counts the open invoices that can never be overdue', async () => {
    const { sync, due, list, withoutDue } = cache()
    await sync(invoice('a', { issueDate: '2026-09-01' }), invoice('b', { status: 'paid' }), invoice('c', { dueDate: '2026-10-01' }))
    expect(due()).toEqual({ a: [null, false], b: [null, false], c: ['2026-10-01', false] })
    expect(list({ status: 'overdue' }).map((item) => item.remoteId)).toEqual(['c'])
    // Whatever status the filter asks for, the count is of open invoices: the paid one and the one with a due date are not counted.
    expect(withoutDue()).toBe(1)
    expect(withoutDue({ status: 'overdue' })).toBe(1)
    expect(withoutDue({ currency: 'USD' })).toBe(0)
  })

  it('derives net N days from the issue date, keeps a provider due date, and makes old open invoices overdue', async () => {
    const { accountId, terms, sync, due, list, withoutDue } = cache()
    await sync(
      invoice('a', { issueDate: '2026-09-01' }),
      invoice('b', { issueDate: '2026-11-15' }),
      invoice('c', { issueDate: '2026-01-31', dueDate: '2026-12-31' }),
      invoice('d', { issueDate: null })
    )
    terms.set(accountId, { netDays: 30, basis: 'issueDate' })
    expect(terms.get(accountId)).toEqual({ netDays: 30, basis: 'issueDate' })
    expect(due()).toEqual({ a: ['2026-10-01', true], b: ['2026-12-15', true], c: ['2026-12-31', false], d: [null, false] })
    expect(list({ status: 'overdue' }).map((item) => [item.remoteId, item.daysOverdue])).toEqual([['a', 50]])
    expect(list({ due: { to: '2026-12-15' } }).map((item) => item.remoteId)).toEqual(['a', 'b'])
    expect(list({ sort: { column: 'dueDate', direction: 'asc' } }).map((item) => item.remoteId)).toEqual(['d', 'a', 'b', 'c'])
    // Only the invoice with no issue date is left without any due date.
    expect(withoutDue()).toBe(1)
  })

  it('derives from the period end, falling back to the issue date where there is no period', async () => {
    const { accountId, terms, sync, due } = cache()
    await sync(
      invoice('a', { issueDate: '2026-10-02', periodStart: '2026-09-01T00:00:00Z', periodEnd: '2026-09-30T23:59:59Z' }),
      invoice('b', { issueDate: '2026-10-05' })
    )
    terms.set(accountId, { netDays: 14, basis: 'periodEnd' })
    expect(due()).toEqual({ a: ['2026-10-14', true], b: ['2026-10-19', true] })
  })

  it('derives for invoices a later sync brings or changes, and clears everything when the terms go', async () => {
    const { accountId, terms, sync, due } = cache()
    await sync(invoice('a', { issueDate: '2026-09-01' }))
    terms.set(accountId, { netDays: 7, basis: 'issueDate' })
    await sync(
      invoice('a', { issueDate: '2026-09-10' }),
      invoice('b', { issueDate: '2026-11-01' }),
      invoice('c', { issueDate: '2026-11-01', dueDate: '2026-11-30' })
    )
    expect(due()).toEqual({ a: ['2026-09-17', true], b: ['2026-11-08', true], c: ['2026-11-30', false] })
    terms.set(accountId, null)
    expect(terms.get(accountId)).toBeNull()
    expect(due()).toEqual({ a: [null, false], b: [null, false], c: ['2026-11-30', false] })
  })

  it('refuses terms outside what the table allows, changing nothing', async () => {
    const { accountId, terms } = cache()
    expect(() => terms.set(accountId, { netDays: 400, basis: 'issueDate' })).toThrow(/CHECK/)
    expect(terms.get(accountId)).toBeNull()
  })
})
