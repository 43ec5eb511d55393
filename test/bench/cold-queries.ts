/**
 * What a person meets: each search or filter asked once, never before in this process. For
 * every query, the time to its first 200 rows and then to its totals per currency (which carry
 * the count), through the contract on one core that stays open, as the app's does. Beside each,
 * the raw SQLite time of the same request: a fresh query layer (nothing remembered, and without
 * the in-memory money columns, so SQLite alone) answers it over its own connection, and only the
 * time inside SQLite's steps is counted.
 */
import Database from 'better-sqlite3'
import { InvoiceFilter, InvoiceQuery, type MethodInput } from '../../preload/contract'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import type { Dispatch } from '../../main/ipc/dispatch'
import { percentiles, round, timed } from './stats'

type Listing = Omit<MethodInput<'invoices.list'>, 'offset' | 'limit'>

export const FIRST_WINDOW = 200

/**
 * 52 distinct queries as people type them: 40 searches (words, word prefixes, a name and a
 * word, a number, a retainer reference) and 12 filters with the sorts people pick. No two are
 * the same request, so nothing the query layer remembers can answer one of them.
 */
export function coldQueries(): [string, Listing][] {
  const words = [
    'north',
    'zo',
    'acme',
    'glob',
    'init',
    'umbrella',
    'stark',
    'wayne',
    'blue',
    'kook',
    'müller',
    'sunrise',
    'brien',
    'magots',
    'harbour',
    'tide'
  ]
  const searches: [string, Listing][] = [
    ...words.map((w): [string, Listing] => [`search "${w}"`, { search: w }]),
    ...['n', 'h', 's', 't'].map((w): [string, Listing] => [`search "${w}"`, { search: w }]),
    ...[23, 770, 5, 918].map((n): [string, Listing] => [`search "retainer ${n}"`, { search: `retainer ${n}` }]),
    ...['INV-000345', 'INV-00042', 'INV-01234', 'INV-099', 'INV-0777777', 'inv 0500'].map((n): [string, Listing] => [
      `search "${n}"`,
      { search: n }
    ]),
    ...['travel', 'consult', 'quarterly', 'ref 12'].map((w): [string, Listing] => [`search "${w}"`, { search: w }]),
    ...[
      ['zoë café', { search: 'zoë café', sort: { column: 'total', direction: 'desc' } }],
      ['acme travel', { search: 'acme travel', sort: { column: 'dueDate', direction: 'asc' } }],
      ['north retainer', { search: 'north retainer' }],
      ['harbour consult', { search: 'harbour consult', sort: { column: 'counterparty', direction: 'asc' } }],
      ['wayne, open', { search: 'wayne', status: 'open' }],
      ['glob, EUR', { search: 'glob', currency: 'EUR' }]
    ].map(([label, listing]): [string, Listing] => [`search "${label as string}"`, listing as Listing])
  ]
  const filters: [string, Listing][] = [
    ['status open, by date', { status: 'open' }],
    ['status overdue, by due date', { status: 'overdue', sort: { column: 'dueDate', direction: 'asc' } }],
    ['status paid, by total', { status: 'paid', sort: { column: 'total', direction: 'desc' } }],
    ['currency GBP, by counterparty', { currency: 'GBP', sort: { column: 'counterparty', direction: 'asc' } }],
    ['currency USD, by date', { currency: 'USD' }],
    ['issued 2024, by date', { issued: { from: '2024-01-01', to: '2024-12-31' } }],
    ['issued March 2022, by total', { issued: { from: '2022-03-01', to: '2022-03-31' }, sort: { column: 'total', direction: 'asc' } }],
    ['total 1,000–2,000, by total', { total: { min: '1000', max: '2000' }, sort: { column: 'total', direction: 'asc' } }],
    ['total over 90,000, by date', { total: { min: '90000' } }],
    ['provider yeti, by due date', { provider: 'yeti', sort: { column: 'dueDate', direction: 'desc' } }],
    [
      'provider lynkwell + open, by counterparty',
      { provider: 'lynkwell', status: 'open', sort: { column: 'counterparty', direction: 'desc' } }
    ],
    [
      'AUD + issued 2023, by total',
      { currency: 'AUD', issued: { from: '2023-01-01', to: '2023-12-31' }, sort: { column: 'total', direction: 'desc' } }
    ]
  ]
  return [...searches, ...filters]
}

export interface ColdFigure {
  query: string
  matches: number
  firstRowsMs: number
  totalsMs: number
  rawFirstRowsMs: number
  rawTotalsMs: number
}

type Spread = { p50: number; p95: number; max: number }

export interface ColdFigures {
  queries: number
  firstRows: { contract: Spread; rawSql: Spread }
  totals: { contract: Spread; rawSql: Spread }
  each: ColdFigure[]
}

/**
 * Asks every query once through `dispatch` (first rows, then totals, as the grid does), and the
 * same request once more on a fresh query layer over `rawFile` for the SQLite-only time.
 */
export async function measureColdQueries(dispatch: Dispatch, rawFile: string, today: string): Promise<ColdFigures> {
  const queries = coldQueries()
  if (new Set(queries.map(([, listing]) => JSON.stringify(listing))).size !== queries.length)
    throw new Error('cold queries must be distinct')
  const raw = new Database(rawFile, { readonly: true })
  try {
    const each: ColdFigure[] = []
    for (const [label, listing] of queries) {
      const first = await timed(() => dispatch('invoices.list', { ...listing, offset: 0, limit: FIRST_WINDOW }))
      if (!first.value.ok) throw new Error(`${label}: ${first.value.error.message}`)
      const totals = await timed(() => dispatch('invoices.getTotals', filterOf(listing)))
      if (!totals.value.ok) throw new Error(`${label}: ${totals.value.error.message}`)
      const rawRepo = timedRepo(raw)
      rawRepo.repo.list(InvoiceQuery.parse({ ...listing, offset: 0, limit: FIRST_WINDOW }), today)
      const rawFirstRowsMs = rawRepo.take()
      rawRepo.repo.totals(InvoiceFilter.parse(filterOf(listing)), today)
      each.push({
        query: label,
        matches: (totals.value.value as { count: number }[]).reduce((sum, t) => sum + t.count, 0),
        firstRowsMs: round(first.ms),
        totalsMs: round(totals.ms),
        rawFirstRowsMs: round(rawFirstRowsMs),
        rawTotalsMs: round(rawRepo.take())
      })
    }
    const spread = (values: number[]): Spread => {
      const { p50, p95 } = percentiles(values)
      return { p50, p95, max: round(Math.max(...values)) }
    }
    return {
      queries: each.length,
      firstRows: { contract: spread(each.map((f) => f.firstRowsMs)), rawSql: spread(each.map((f) => f.rawFirstRowsMs)) },
      totals: { contract: spread(each.map((f) => f.totalsMs)), rawSql: spread(each.map((f) => f.rawTotalsMs)) },
      each
    }
  } finally {
    raw.close()
  }
}

function filterOf(listing: Listing): MethodInput<'invoices.getTotals'> {
  const { sort: _sort, ...filter } = listing
  return filter
}

/**
 * A query layer over `db` that adds up the time spent inside statement steps (all/get/iterate),
 * the part SQLite does; `take()` returns it and starts again.
 */
function timedRepo(db: Database.Database): { repo: InvoiceQueryRepo; take(): number } {
  let spent = 0
  const stepping = new Set<PropertyKey>(['all', 'get', 'run', 'iterate'])
  const wrap = (statement: Database.Statement): Database.Statement => {
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          const started = performance.now()
          const result = (value as (...a: unknown[]) => unknown).apply(target, args)
          if (stepping.has(key)) spent += performance.now() - started
          return result === target ? proxy : result
        }
      }
    })
    return proxy
  }
  const timing = new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key, target)
      return (sql: string) => wrap(target.prepare(sql))
    }
  })
  return {
    repo: new InvoiceQueryRepo(timing),
    take() {
      const value = spent
      spent = 0
      return value
    }
  }
}
