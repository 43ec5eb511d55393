import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceFilter, type InvoiceStatus } from '../../preload/contract'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { MoneyColumnsKeeper } from '../../main/db/money-columns-keeper'
import { SearchTally } from '../../main/db/search-tally'
import type { TotalsOptions } from '../../main/db/totals-rule'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { smallCache } from '../helpers/small-cache'
import { unifiedInvoice } from '../helpers/unified-invoice'

/**
 * Word searches' count and totals from the in-memory money columns must be exactly what SQLite
 * says of the same invoices, whatever the search, status, currency, tombstone setting and totals
 * rule; and the columns must never answer for a cache that has changed since they were read.
 */
const TODAY = '2026-11-20'
const WORDS = ['harbour', 'north', 'travel', 'zoë']
const STATUSES: InvoiceStatus[] = ['draft', 'open', 'paid', 'void', 'unknown']
const CURRENCIES = ['EUR', 'AUD', 'JPY']
/** Amounts whose sums pass 2^53 in 1/10,000ths: a double would round them. */
const AMOUNTS = ['5.00', '-120.5', '912345678901.2345', '0.0001', '-912345678901.2345', '77777777777.7777', null]

function invoices(count: number): UnifiedInvoice[] {
  return Array.from({ length: count }, (_, n) => {
    const total = AMOUNTS[n % AMOUNTS.length]!
    return unifiedInvoice(`r${n}`, {
      status: STATUSES[n % STATUSES.length],
      currency: CURRENCIES[(n >> 1) % CURRENCIES.length],
      counterparty: `${WORDS[n % 4]} ${WORDS[(n >> 2) % 4]} Pty`,
      notes: n % 3 === 0 ? 'travel claim' : null,
      total,
      paid: total !== null && n % 5 === 0 ? '1.2345' : null,
      removed: n % 11 === 0,
      flags: [...(n % 7 === 0 ? ['duplicate' as const] : []), ...(n % 13 === 0 ? ['wontClaim' as const] : [])]
    })
  })
}

async function cacheWithColumns(list: UnifiedInvoice[]) {
  const cache = smallCache('caresquare', `${TODAY}T08:00:00Z`)
  onTestFinished(cache.close)
  await cache.sync(...list)
  const sql = new InvoiceQueryRepo(cache.db)
  const failures: unknown[] = []
  const columns = new MoneyColumnsKeeper(
    cache.db.name,
    () => sql.version(),
    { info: () => undefined, error: (_, error) => void failures.push(error) },
    0
  )
  onTestFinished(() => columns.stop())
  return { cache, sql, columns, tally: new SearchTally(cache.db, columns), failures }
}

describe('word search totals from the money columns', () => {
  it('are exactly the SQL totals for every search, filter and totals rule', async () => {
    const { cache, sql, columns, tally } = await cacheWithColumns(invoices(400))
    // A word only in some invoices' provider PDF: those are found through the PDF's index, once.
    const pdfText = cache.db.prepare('INSERT INTO pdf_text_fts (rowid, text) VALUES (?, ?)')
    for (const id of cache.db.prepare('SELECT id FROM invoices WHERE id % 9 = 0').pluck().all() as number[])
      pdfText.run(id, id % 2 === 0 ? 'kestrel harbour' : 'kestrel')
    columns.start()
    await columns.ready()

    const searches = [undefined, ...WORDS, 'har', 'kestrel', 'harbour north', 'travel zoe', 'nothing-like-it']
    const ranges = [
      undefined,
      { min: '0' },
      { min: '-200', max: '10' },
      { max: '-0.0001' },
      { min: '912345678901.2345' },
      { min: '77777777777.7777', max: '77777777777.7777' }
    ]
    const narrowings = [{}, { status: 'open' }, { status: 'void' }, { currency: 'jpy' }, { includeRemoved: true }, { onlyRemoved: true }]
    const rules: TotalsOptions[] = [{}, { includeVoidAndDraft: true }, { includeDuplicatesAndWontClaim: true }]
    let compared = 0
    for (const [s, search] of searches.entries())
      for (const [n, narrowing] of narrowings.entries())
        for (const [r, total] of ranges.entries()) {
          // A range while amounts are hidden is not applied: the columns must not apply it either.
          const hidden = (s + n + r) % 5 === 0 ? { amountsHidden: true } : {}
          const filter = InvoiceFilter.parse({ search, total, ...narrowing, ...hidden })
          // Without words or an applied range the rollup answers (null here), as the repo does.
          const count = tally.count(filter)
          if (count === null) continue
          expect(count, JSON.stringify(filter)).toBe(sql.count(filter, TODAY))
          expect(tally.leftOut(filter), JSON.stringify(filter)).toBe(sql.leftOutOfTotals(filter, TODAY))
          for (const rule of rules) {
            const expected = sql.totals({ ...filter, ...rule }, TODAY)
            expect(tally.totals(filter, rule), `${JSON.stringify(filter)} ${JSON.stringify(rule)}`).toEqual(expected)
            compared += expected.length
          }
        }
    expect(compared).toBeGreaterThan(1000)
  })

  it('answer nothing for a filter they do not hold (an amount searched, a date, overdue) or the rollup answers', async () => {
    const { columns, tally } = await cacheWithColumns(invoices(20))
    columns.start()
    await columns.ready()
    for (const filter of [
      { search: 'harbour 5' },
      { search: 'harbour', issued: { from: '2026-01-01' } },
      { search: 'harbour', status: 'overdue' },
      { status: 'open' },
      { total: { min: '1' }, amountsHidden: true }
    ])
      expect(tally.totals(InvoiceFilter.parse(filter), {}), JSON.stringify(filter)).toBeNull()
    expect(tally.totals(InvoiceFilter.parse({ search: 'harbour' }), {})).not.toBeNull()
    expect(tally.totals(InvoiceFilter.parse({ total: { min: '1' } }), {})).not.toBeNull()
  })

  it('are never read once the cache has changed, and are read again once rebuilt', async () => {
    const { cache, sql, columns, tally } = await cacheWithColumns(invoices(40))
    columns.start()
    await columns.ready()
    const filter = InvoiceFilter.parse({ search: 'harbour' })
    const before = tally.totals(filter, {})
    expect(before).toEqual(sql.totals(filter, TODAY))

    await cache.sync(...invoices(40), unifiedInvoice('late', { counterparty: 'Harbour Late', total: '1000.00' }))
    // What the app does after every sync page (the 'invoices.changed' event).
    sql.invalidate()
    expect(tally.totals(filter, {})).toBeNull()
    await columns.ready()
    const after = tally.totals(filter, {})
    expect(after).toEqual(sql.totals(filter, TODAY))
    expect(after).not.toEqual(before)
  })

  it('refuse an amount they cannot sum exactly, and SQLite answers instead', async () => {
    const { sql, columns, failures } = await cacheWithColumns([
      unifiedInvoice('huge', { counterparty: 'Harbour', total: '99999999999999.0000' }),
      unifiedInvoice('small', { counterparty: 'Harbour', total: '1.00' })
    ])
    columns.start()
    await expect(columns.ready()).rejects.toThrow(/too large/)
    expect(failures).toHaveLength(1)
    expect(columns.current()).toBeNull()
    expect(sql.totals(InvoiceFilter.parse({ search: 'harbour' }), TODAY)).toMatchObject([{ currency: 'EUR', total: '100000000000000.00' }])
  })
})
