import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceQuery } from '../../preload/contract'
import { pageIdsSql } from '../../main/db/invoice-filter-sql'
import { queryPlan } from '../helpers/query-plan'
import { smallCache, unifiedInvoice as invoice } from '../helpers/small-cache'

/**
 * What clerks type: the digits of an invoice number without its prefix or leading zeros, and
 * amounts without their cents or rounded to them. While amounts are hidden, an amount typed
 * must not confirm a value.
 */
const TODAY = '2026-11-20'

describe('search as clerks type it', () => {
  async function filled() {
    const cache = smallCache('hoursmith')
    onTestFinished(cache.close)
    await cache.sync(
      invoice('a', { number: 'INV-02305', total: '5385.27', currency: 'GBP' }),
      invoice('b', { number: 'INV-02306', total: '1513.9526', currency: 'USD' }),
      invoice('c', { number: 'HS/2026/17', total: '-40.00' }),
      invoice('d', { number: 'INV-99999', total: '5385.77', notes: 'ref 2305' }),
      invoice('e', { number: 'INV-00500', total: '12.50' })
    )
    const search = (text: string, extra: object = {}) =>
      cache
        .query()
        .list(InvoiceQuery.parse({ search: text, limit: 50, sort: { column: 'number', direction: 'asc' }, ...extra }), TODAY)
        .items.map((item) => item.remoteId)
        .sort()
    return { ...cache, search }
  }

  it('finds a number by its trailing digits, without prefix or leading zeros', async () => {
    const { search } = await filled()
    expect(search('2305')).toEqual(['a', 'd'])
    expect(search('02305')).toEqual(['a'])
    expect(search('305')).toEqual(['a'])
    expect(search('INV-02305')).toEqual(['a'])
    // Two digits are too few to mean a number's end (nor an amount here).
    expect(search('05')).toEqual([])
  })

  it('finds an amount typed without its cents, or rounded to the places typed', async () => {
    const { search } = await filled()
    expect(search('5385')).toEqual(['a', 'd'])
    expect(search('5386')).toEqual(['d'])
    expect(search('5385.3')).toEqual(['a'])
    expect(search('£5,385.27')).toEqual(['a'])
    expect(search('1513.95')).toEqual(['b'])
    expect(search('1.513,95')).toEqual(['b'])
    expect(search('1513.96')).toEqual([])
    expect(search('1513.9526')).toEqual(['b'])
    expect(search('1513.9525')).toEqual([])
    expect(search('-40')).toEqual(['c'])
    expect(search('12.5')).toEqual(['e'])
  })

  it('lets no typed amount or total range confirm a value while amounts are hidden', async () => {
    const { search } = await filled()
    expect(search('1513.9526', { amountsHidden: true })).toEqual([])
    expect(search('5385', { amountsHidden: true })).toEqual([])
    // Text and number digits still match: they are on screen anyway.
    expect(search('2305', { amountsHidden: true })).toEqual(['a', 'd'])
    expect(search('', { total: { min: '1000' } })).toEqual(['a', 'b', 'd'])
    expect(search('', { total: { min: '1000' }, amountsHidden: true })).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('seeks number endings through the index of their last three characters and amounts through the total index', async () => {
    const { db } = await filled()
    const { sql, params } = pageIdsSql(InvoiceQuery.parse({ search: '2305' }), TODAY)
    const plan = queryPlan(db, sql, params)
    expect(plan).toContain('SEARCH invoices USING INDEX invoices_by_number_end (<expr>=?)')
    expect(plan).not.toContain('SCAN invoices USING COVERING INDEX invoices_by_number')
    expect(plan).toContain('invoices_by_total')
  })
})
