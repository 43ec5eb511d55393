import {
  InvoiceFilter,
  type ExportLevel,
  type InvoiceFlag,
  type InvoiceKey,
  type InvoiceListing,
  type InvoiceQuery,
  type InvoiceSort
} from '../../preload/contract'
import { toScaled } from '../money/decimal'
import { BALANCE_SCALED, DUE_ON, OVERDUE_KEY } from './derived-columns'
import { searchTerms } from './fts-query'
import { FLAGGED, leftOutOfTotalsSql, type TotalsOptions } from './totals-rule'
import { excludesUnknownTotals } from './unknown-amounts'

/**
 * The one translation of the contract's filter and sort into SQL, shared by the grid, the
 * totals, the CLI and the export so they can never disagree about which invoices match.
 * Values always travel as bound parameters; only the shape of the SQL varies with the filter.
 */

export type SqlParams = Record<string, string | number | bigint>

interface FilterSql {
  /** A WHERE clause over `invoices i` (no join needed), or '' for everything. */
  where: string
  params: SqlParams
}

/**
 * How a list is read. `walk`: the sort column's index is walked in order, which is right for the
 * unfiltered list (tombstones are excluded by id, without reading rows). `drive`: a narrowing
 * filter finds its rows through its own indexes and they are sorted, which beats walking a whole
 * index and reading each row to test it.
 */
type FilterMode = 'drive' | 'walk'

function filterMode(filter: InvoiceFilter): FilterMode {
  return narrows(filter) ? 'drive' : 'walk'
}

export const DEFAULT_SORT: InvoiceSort = { column: 'issueDate', direction: 'desc' }

export const FTS = 'SELECT rowid FROM invoice_fts WHERE invoice_fts MATCH'
const FLAG_COLUMNS: Record<InvoiceFlag, string> = { duplicate: 'is_duplicate', wontClaim: 'wont_claim', errors: 'has_errors' }
/** The text of cached provider PDFs, in its own index (see the add_pdf_text migration). */
export const PDF_FTS = 'SELECT rowid FROM pdf_text_fts WHERE pdf_text_fts MATCH'
const PERIOD_START = 'substr(coalesce(i.period_start, i.period_end), 1, 10)'
const PERIOD_END = 'substr(coalesce(i.period_end, i.period_start), 1, 10)'

/** Whether anything but the tombstone setting narrows the list (a search with no words does not). */
export function narrows(filter: InvoiceFilter): boolean {
  const search = filter.search ? searchTerms(filter.search) : null
  return Boolean(
    filter.onlyRemoved ||
    filter.accountId ||
    filter.provider ||
    filter.status ||
    filter.currency ||
    filter.hasPdf !== undefined ||
    filter.issued?.from ||
    filter.issued?.to ||
    filter.due?.from ||
    filter.due?.to ||
    filter.period?.from ||
    filter.period?.to ||
    filter.total?.min !== undefined ||
    filter.total?.max !== undefined ||
    filter.changedSince ||
    filter.counterparty ||
    (search && (search.match !== null || search.amounts.length > 0)) ||
    Object.values(filter.flags ?? {}).some((wanted) => wanted !== undefined)
  )
}

/**
 * `today` (YYYY-MM-DD, the user's calendar) decides which open invoices are overdue.
 * `lists`: how a search's two full-text indexes are asked. `merged` (one list, their UNION)
 * for a query driven from them: two lists would be a MULTI-INDEX OR, which reads each row.
 * `separate` where given ids are only tested (a walked window): the union's merge costs a third
 * more for a common word (450,000 ids), and an id in both lists still passes once.
 * `id`: the column the id tests read (a walked window's own ids, so no row is joined for them).
 */
export function filterSql(
  filter: InvoiceFilter,
  today: string,
  { lists = 'merged', id = 'i.id' }: { lists?: 'merged' | 'separate'; id?: string } = {}
): FilterSql {
  const where: string[] = []
  const params: SqlParams = {}
  const bind = (name: string, value: string | number | bigint): string => {
    params[name] = value
    return `@${name}`
  }

  if (filter.onlyRemoved) where.push(`${id} IN (SELECT id FROM invoices WHERE removed = 1)`)
  // Tombstones are few and sit in a partial index: excluding them probes that small set with the
  // id every index entry already carries, so walking a sort index never has to read the rows.
  else if (!filter.includeRemoved) where.push(`${id} NOT IN (SELECT id FROM invoices WHERE removed = 1)`)
  if (filter.accountId) where.push(`i.account_id = ${bind('accountId', filter.accountId)}`)
  if (filter.provider) where.push(`i.account_id IN (SELECT id FROM accounts WHERE provider = ${bind('provider', filter.provider)})`)
  // due_on: the provider's due date, else one derived from the account's payment terms.
  if (filter.status === 'overdue') where.push(`i.status = 'open' AND ${DUE_ON} < ${bind('today', today)}`)
  else if (filter.status) where.push(`i.status = ${bind('status', filter.status)}`)
  if (filter.currency) where.push(`i.currency = ${bind('currency', filter.currency.toUpperCase())}`)
  if (filter.hasPdf !== undefined) where.push(`i.has_pdf = ${bind('hasPdf', filter.hasPdf ? 1 : 0)}`)
  for (const [flag, column] of Object.entries(FLAG_COLUMNS) as [InvoiceFlag, string][]) {
    const wanted = filter.flags?.[flag]
    // "With the flag" probes the flag's small partial index; "without" is a plain test.
    if (wanted === true) where.push(`${id} IN (SELECT id FROM invoices WHERE ${column} = 1)`)
    else if (wanted === false) where.push(`i.${column} = 0`)
  }
  if (filter.issued?.from) where.push(`i.issue_date >= ${bind('issuedFrom', filter.issued.from)}`)
  if (filter.issued?.to) where.push(`i.issue_date <= ${bind('issuedTo', filter.issued.to)}`)
  if (filter.due?.from) where.push(`${DUE_ON} >= ${bind('dueFrom', filter.due.from)}`)
  if (filter.due?.to) where.push(`${DUE_ON} <= ${bind('dueTo', filter.due.to)}`)
  // A period overlaps the range. Both bounds are always set so the period index has a range.
  if (filter.period?.from || filter.period?.to) {
    where.push(`${PERIOD_START} <= ${bind('periodTo', filter.period.to ?? '9999-12-31')}`)
    where.push(`${PERIOD_END} >= ${bind('periodFrom', filter.period.from ?? '0000-01-01')}`)
  }
  const hiddenRange = filter.amountsHidden === true
  if (filter.total?.min !== undefined && !hiddenRange) where.push(`i.total_scaled >= ${bind('totalMin', toScaled(filter.total.min))}`)
  if (filter.total?.max !== undefined && !hiddenRange) where.push(`i.total_scaled <= ${bind('totalMax', toScaled(filter.total.max))}`)
  const rangeTakesInZero =
    (filter.total?.min === undefined || toScaled(filter.total.min) <= 0n) &&
    (filter.total?.max === undefined || toScaled(filter.total.max) >= 0n)
  if ((filter.total?.min !== undefined || filter.total?.max !== undefined) && rangeTakesInZero && !hiddenRange)
    where.push(excludesUnknownTotals())

  if (filter.changedSince) where.push(changedSinceSql(filter.changedSince, id, bind))
  // NOCASE, as the counterparty index is built, so the index answers.
  if (filter.counterparty) where.push(`i.counterparty = ${bind('counterparty', filter.counterparty)} COLLATE NOCASE`)

  if (filter.search) {
    const terms = searchTerms(filter.search)
    // With an amount in the search ("retainer 23"), the amount's matches are the few rows to
    // start from: its text joined with the other words in one FTS5 query (FTS5 intersects them
    // itself), plus the totals it stands for and the numbers ending in it. The other words alone
    // ("retainer" is on every tenth invoice) are then only tested (`+` keeps the planner from
    // reading every row they match). Words match the synced data or the provider's PDF: each
    // index answers with row ids.
    const words = terms.amounts.length > 0 ? `+${id}` : id
    if (terms.match !== null) {
      const match = bind('match', terms.match)
      where.push(
        lists === 'separate'
          ? `(${words} IN (${FTS} ${match}) OR ${words} IN (${PDF_FTS} ${match}))`
          : `${words} IN (${FTS} ${match} UNION ${PDF_FTS} ${match})`
      )
    }
    terms.amounts.forEach((amount, k) => {
      const text = terms.match === null ? amount.match : `${terms.match} AND ${amount.match}`
      // Each reading of the amount is found through its own index and the ids united: the text
      // (with the other words, in one FTS5 query), totals near it, and number endings.
      const found = [`${FTS} ${bind(`amountText${k}`, text)}`]
      // While amounts are hidden, a typed amount must not confirm a value: it matches as text only.
      if (!filter.amountsHidden) {
        const ranges = amount.ranges.map(
          ([low, high], r) => `total_scaled BETWEEN ${bind(`amount${k}_${r}_low`, low)} AND ${bind(`amount${k}_${r}_high`, high)}`
        )
        // An unknown total is stored as '' with total_scaled 0: a range taking in 0 must not find those.
        const zero = amount.ranges.some(([low, high]) => low <= 0n && high >= 0n) ? ` AND total <> ''` : ''
        found.push(`SELECT id FROM invoices WHERE (${ranges.join(' OR ')})${zero}`)
      }
      // Digits anywhere at the end of a number (leading zeros and prefixes aside), sought through
      // the index of numbers' last three characters (every suffix has at least three digits).
      if (amount.numberSuffix !== null)
        found.push(
          `SELECT id FROM invoices WHERE substr(number, -3) = ${bind(`numberEnd${k}`, amount.numberSuffix.slice(-3))} AND number LIKE ${bind(`numberSuffix${k}`, `%${amount.numberSuffix}`)}`
        )
      where.push(`${id} IN (${found.join(' UNION ALL ')})`)
    })
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params }
}

/**
 * Of these invoices, those a search found only through their provider PDF's text (the grid
 * says so, and the viewer's find shows where). Null without a search; none when it holds only
 * amounts, which are matched against the data alone.
 */
export function pdfOnlyHitsSql(search: string | undefined): { sql: string; params: SqlParams } | null {
  const terms = search ? searchTerms(search) : null
  if (terms === null || (terms.match === null && terms.amounts.length === 0)) return null
  const match = terms.match
  if (match === null) return { sql: `SELECT value FROM json_each(@ids) WHERE 0`, params: {} }
  return {
    sql: `SELECT value FROM json_each(@ids) WHERE value IN (${PDF_FTS} @match) AND value NOT IN (${FTS} @match)`,
    params: { match }
  }
}

/** Both sides read an index by time: the log's, or first sightings'. */
function changedSinceSql(
  { since, field }: NonNullable<InvoiceFilter['changedSince']>,
  id: string,
  bind: (name: string, value: string) => string
): string {
  // The log's instants are all toISOString's form; text comparison needs the same form.
  const at = bind('changedSince', new Date(since).toISOString())
  const added = `i.first_seen_at >= ${at}`
  const logged = (condition: string): string => `${id} IN (SELECT invoice_id FROM invoice_changes WHERE at >= ${at}${condition})`
  switch (field) {
    case undefined:
      return `(${added} OR ${logged('')})`
    case 'added':
      return added
    case 'removed':
      return logged(` AND field = 'removed' AND after = 'true'`)
    case 'restored':
      return logged(` AND field = 'removed' AND after = 'false'`)
    default:
      return logged(` AND field = ${bind('changedField', field)}`)
  }
}

const INVOICE_ORDER: Record<Exclude<InvoiceSort['column'], 'provider' | 'account'>, string> = {
  number: 'i.number',
  counterparty: 'i.counterparty COLLATE NOCASE',
  issueDate: 'i.issue_date',
  dueDate: DUE_ON,
  status: 'i.status',
  currency: 'i.currency',
  total: 'i.total_scaled',
  paid: 'i.paid_scaled',
  hasPdf: 'i.has_pdf',
  balance: BALANCE_SCALED,
  daysOverdue: OVERDUE_KEY,
  paidAt: 'i.paid_at',
  sentAt: 'i.sent_at'
}

interface OrderSql {
  /** FROM clause joining `invoices i` and `accounts a` in the order that serves the sort. */
  from: string
  /** The least FROM clause the ORDER BY needs: `invoices i`, unless it sorts by account fields. */
  idsFrom: string
  orderBy: string
  /** The sort's key expressions, before the row id that breaks ties. */
  keys: string[]
  direction: 'ASC' | 'DESC'
}

/**
 * Each sort column has an index ending in the row id, walked in order (ascending or backwards).
 * Provider and account live on the few account rows: those are walked first, in their own
 * unique index's order, then each account's invoices by id (CROSS JOIN fixes that loop order).
 * In `drive` mode the few matching rows are sorted instead, so the sort keys are hidden from the
 * planner (unary `+`) to keep it from walking a whole index in search of them.
 */
function orderSql(requested: InvoiceSort | undefined, mode: FilterMode): OrderSql {
  const sort = requested ?? DEFAULT_SORT
  const d = sort.direction === 'asc' ? 'ASC' : 'DESC'
  const c = (expression: string): string => (mode === 'drive' ? `+${expression}` : expression)
  if (sort.column === 'provider' || sort.column === 'account') {
    const keys = sort.column === 'provider' ? ['a.provider', 'a.name COLLATE NOCASE'] : ['a.name COLLATE NOCASE']
    const from =
      mode === 'drive' ? 'invoices i JOIN accounts a ON a.id = i.account_id' : 'accounts a CROSS JOIN invoices i ON i.account_id = a.id'
    return { from, idsFrom: from, orderBy: [...keys.map(c), 'i.id'].map((k) => `${k} ${d}`).join(', '), keys, direction: d }
  }
  const key = INVOICE_ORDER[sort.column]
  return {
    from: 'invoices i JOIN accounts a ON a.id = i.account_id',
    idsFrom: 'invoices i',
    orderBy: `${c(key)} ${d}, i.id ${d}`,
    keys: [key],
    direction: d
  }
}

/** The ids of every matching invoice, in the list's order. */
export function orderedIdsSql(listing: InvoiceListing, today: string): { sql: string; params: SqlParams } {
  const { where, params } = filterSql(listing, today)
  const { idsFrom, orderBy } = orderSql(listing.sort, filterMode(listing))
  return { sql: `SELECT i.id FROM ${idsFrom} ${where} ORDER BY ${orderBy}`, params }
}

/**
 * The ids of one window of the list. Only ids: with no row columns to read, skipping to an
 * offset walks index entries, and the page's rows are then read by id.
 */
export function pageIdsSql(query: InvoiceQuery, today: string): { sql: string; params: SqlParams } {
  const { sql, params } = orderedIdsSql(query, today)
  return { sql: `${sql} LIMIT @limit OFFSET @offset`, params: { ...params, limit: query.limit, offset: query.offset } }
}

/**
 * One window near the top of a narrowing filter's list, found by walking the sort's own index
 * (at most `budget` entries, within any range the filter sets on the sort column itself) and
 * testing each entry's row against the filter, in the walk's own order. A broad
 * filter (a status, a currency, a common word) fills the window within a few hundred entries
 * whatever the size of its result, where finding every match and sorting them costs in
 * proportion to the result. A narrow filter may not fill it: the caller then drives from the
 * filter's own indexes (orderedIdsSql), which is cheap exactly because the result is small.
 */
export function walkedWindowSql(query: InvoiceQuery, today: string, budget: number): { sql: string; params: SqlParams } {
  // A filter testing only ids (a search, the tombstones) tests the walked ids themselves: joining
  // the rows would read each one for nothing.
  const onIds = filterSql(query, today, { lists: 'separate', id: 'w.id' })
  const readsRows = /\bi\./.test(onIds.where)
  const { where, params } = readsRows ? filterSql(query, today, { lists: 'separate' }) : onIds
  const walk = orderSql(query.sort, 'walk')
  const bounds = sortColumnBounds(query)
  // The walk hands on its sort keys, so the outer ORDER BY is the very order the walk yields:
  // SQLite then sorts nothing and stops reading rows at the window's end, not at the budget's.
  const keys = walk.keys.map((key, k) => `${key} AS k${k}`).join(', ')
  const walked = `SELECT i.id, ${keys} FROM ${walk.idsFrom}${bounds.length > 0 ? ` WHERE ${bounds.join(' AND ')}` : ''} ORDER BY ${walk.orderBy} LIMIT @budget`
  const orderBy = [...walk.keys.map((_, k) => `w.k${k}`), 'w.id'].map((key) => `${key} ${walk.direction}`).join(', ')
  const rows = readsRows
    ? ` CROSS JOIN ${walk.idsFrom === 'invoices i' ? 'invoices i ON i.id = w.id' : 'invoices i ON i.id = w.id JOIN accounts a ON a.id = i.account_id'}`
    : ''
  return {
    sql: `SELECT w.id FROM (${walked}) w${rows} ${where} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`,
    params: { ...params, budget, limit: query.limit, offset: query.offset }
  }
}

/** The filter's own range on the column the list is sorted by, which bounds the walk of its index. */
function sortColumnBounds(query: InvoiceQuery): string[] {
  const column = (query.sort ?? DEFAULT_SORT).column
  const bounds: string[] = []
  if (column === 'issueDate' && query.issued?.from) bounds.push('i.issue_date >= @issuedFrom')
  if (column === 'issueDate' && query.issued?.to) bounds.push('i.issue_date <= @issuedTo')
  if (column === 'dueDate' && query.due?.from) bounds.push(`${DUE_ON} >= @dueFrom`)
  if (column === 'dueDate' && query.due?.to) bounds.push(`${DUE_ON} <= @dueTo`)
  // Overdue is due before today: ascending, the walk starts past the invoices with no due date.
  if (column === 'dueDate' && query.status === 'overdue') bounds.push(`${DUE_ON} < @today`)
  // While amounts are hidden the total range is not applied (filterSql binds no @totalMin).
  if (column === 'total' && query.total?.min !== undefined && !query.amountsHidden) bounds.push('i.total_scaled >= @totalMin')
  if (column === 'total' && query.total?.max !== undefined && !query.amountsHidden) bounds.push('i.total_scaled <= @totalMax')
  return bounds
}

/**
 * How many invoices match. Unfiltered, the count is of every row less the tombstones: SQLite
 * counts a whole table from its b-tree pages without visiting entries, where testing each
 * entry against the tombstones costs a tenth of a second at a million.
 */
export function countSql(filter: InvoiceFilter, today: string): { sql: string; params: SqlParams } {
  if (filterMode(filter) === 'walk') {
    const everything = 'SELECT count(*) FROM invoices'
    return { sql: filter.includeRemoved ? everything : `SELECT (${everything}) - (${everything} WHERE removed = 1)`, params: {} }
  }
  const { where, params } = filterSql(filter, today)
  return { sql: `SELECT count(*) FROM invoices i ${where}`, params }
}

/**
 * Count and exact sums (gross and balance) per currency and status, less the flagged invoices
 * the totals leave out (totals-rule.ts); which statuses count in totals is decided afterwards
 * (foldTotals), so the void-and-draft switch costs no query. Unfiltered, the
 * (currency, status, total, balance) index answers alone,
 * less the tombstones' own sums (read through their small index; `+` keeps the planner off the
 * currency index, which would visit every row), for the reason given at countSql. Within one
 * currency the same index answers; a narrowing filter drives from its own index instead and
 * groups the few currencies afterwards (`+` again keeps the planner off the grouping index).
 */
export function totalsSql(filter: InvoiceFilter, today: string, options: TotalsOptions = {}): { sql: string; params: SqlParams } {
  const sums = (where: string, group: string, from = 'invoices i'): string =>
    `SELECT i.currency, i.status, count(*) AS n, sum(i.total_scaled) AS total, sum(${BALANCE_SCALED}) AS balance FROM ${from} ${where} GROUP BY ${group}, i.status`
  const less = (sql: string): string => `SELECT currency, status, -n, -total, -balance FROM (${sql})`
  // Flagged invoices are few: always found through their own partial index, never a broad one.
  const flaggedSums = (where: string): string => sums(where, '+i.currency', 'invoices i INDEXED BY invoices_left_out_of_totals')
  const leftOut = leftOutOfTotalsSql(filter, options)
  if (filterMode(filter) === 'walk' && !filter.includeRemoved) {
    // The flagged invoices left out are few too: their sums come from their own partial index
    // (tombstones among them are already subtracted with the tombstones).
    const flagged = leftOut === null ? '' : ` UNION ALL ${less(flaggedSums(`WHERE ${throughFlaggedIndex(leftOut)} AND i.removed = 0`))}`
    return {
      sql: `SELECT currency, status, sum(n) AS n, sum(total) AS total, sum(balance) AS balance
        FROM (${sums('', 'i.currency')} UNION ALL ${less(sums('WHERE i.removed = 1', '+i.currency'))}${flagged})
        GROUP BY currency, status HAVING sum(n) > 0 ORDER BY currency`,
      params: {}
    }
  }
  const { where, params } = filterSql(filter, today)
  const group = filterMode(filter) === 'drive' && !filter.currency ? '+i.currency' : 'i.currency'
  // Without statistics the planner reads a search's matches from the table by rowid, whose rows
  // carry the raw payload; the (id, status, currency, total) entries answer the same lookups.
  const from = searchOnly(filter) ? 'invoices i INDEXED BY invoices_money_by_id' : 'invoices i'
  if (leftOut === null) return { sql: `${sums(where, group, from)} ORDER BY ${group}`, params }
  // Everything matching less the flagged part of it: each side keeps its own index (a NOT on
  // the flags would read every matching row instead of the covering index).
  const flaggedWhere = `${where === '' ? 'WHERE' : `${where} AND`} ${throughFlaggedIndex(leftOut)}`
  return {
    sql: `SELECT currency, status, sum(n) AS n, sum(total) AS total, sum(balance) AS balance
      FROM (${sums(where, group, from)} UNION ALL ${less(flaggedSums(flaggedWhere))})
      GROUP BY currency, status HAVING sum(n) > 0 ORDER BY currency`,
    params
  }
}

/** How many matching invoices the totals leave out by default (totals-rule.ts). */
export function leftOutCountSql(filter: InvoiceFilter, today: string): { sql: string; params: SqlParams } | null {
  const leftOut = leftOutOfTotalsSql(filter, {})
  if (leftOut === null) return null
  const { where, params } = filterSql(filter, today)
  return { sql: `SELECT count(*) FROM invoices i ${where === '' ? 'WHERE' : `${where} AND`} ${throughFlaggedIndex(leftOut)}`, params }
}

/** A condition on flagged rows, with the partial index's own WHERE beside it so the planner sees it applies. */
function throughFlaggedIndex(leftOut: string): string {
  return leftOut === FLAGGED ? FLAGGED : `${leftOut} AND ${FLAGGED}`
}

/** Filter fields whose columns are all in invoices_money_by_id (overdue also reads due_date). */
const MONEY_INDEX_FIELDS = new Set(['search', 'status', 'currency', 'includeRemoved', 'onlyRemoved', 'amountsHidden'])

/** A search, with at most a status or currency beside it: every column it reads is in invoices_money_by_id. */
function searchOnly(filter: InvoiceFilter): boolean {
  const search = filter.search ? searchTerms(filter.search) : null
  if (!search || (search.match === null && search.amounts.length === 0) || filter.status === 'overdue') return false
  return Object.keys(InvoiceFilter.shape).every(
    (field) => MONEY_INDEX_FIELDS.has(field) || filter[field as keyof InvoiceFilter] === undefined
  )
}

/** What the money columns (money-columns.ts) are asked: a search's words, an amount range. */
export interface MoneyColumnsQuery {
  /** The FTS5 query; null for every invoice. */
  match: string | null
  /** 1/10,000ths, both inclusive; an invoice with an unknown total is never in a range. */
  total: { min?: bigint; max?: bigint } | null
}

/** Filter fields whose values the money columns hold (overdue also reads due dates). */
const MONEY_COLUMNS_FIELDS = new Set([...MONEY_INDEX_FIELDS, 'total'])

/**
 * A filter the money columns can answer: words (no amount), an amount range, or both, with
 * nothing beside them but a status (not overdue), a currency and the tombstone setting. Null for
 * any other filter, and for one without words or range, which the pre-aggregated totals answer.
 */
export function moneyColumnsQuery(filter: InvoiceFilter): MoneyColumnsQuery | null {
  const held = Object.keys(InvoiceFilter.shape).every(
    (field) => MONEY_COLUMNS_FIELDS.has(field) || filter[field as keyof InvoiceFilter] === undefined
  )
  if (!held || filter.status === 'overdue') return null
  const terms = filter.search ? searchTerms(filter.search) : null
  if (terms !== null && terms.amounts.length > 0) return null
  // While amounts are hidden a range is not applied, as in filterSql.
  const range = filter.amountsHidden === true || filter.total === undefined ? null : filter.total
  const total = range && {
    ...(range.min !== undefined && { min: toScaled(range.min) }),
    ...(range.max !== undefined && { max: toScaled(range.max) })
  }
  const match = terms?.match ?? null
  return match === null && total === null ? null : { match, total }
}

/**
 * The export's rows: every matching invoice, or only the picked ones among them. Picked rows are
 * few next to the cache, so they drive the query through the (account, remote id) key instead of
 * a sort index being walked in search of them.
 */
function exportWhere(query: InvoiceListing, today: string, selection: InvoiceKey[] | undefined): FilterSql & { mode: FilterMode } {
  const { where, params } = filterSql(query, today)
  if (!selection) return { where, params, mode: filterMode(query) }
  const picked = `i.id IN (SELECT p.id FROM json_each(@selection) k JOIN invoices p ON p.account_id = k.value ->> 0 AND p.remote_id = k.value ->> 1)`
  return {
    where: where ? `${where} AND ${picked}` : `WHERE ${picked}`,
    params: { ...params, selection: JSON.stringify(selection.map((key) => [key.accountId, key.remoteId])) },
    mode: 'drive'
  }
}

/** How many invoices an export will write: its progress bar's end. */
export function exportCountSql(query: InvoiceListing, today: string, selection?: InvoiceKey[]): { sql: string; params: SqlParams } {
  const { where, params } = exportWhere(query, today, selection)
  return { sql: `SELECT count(*) FROM invoices i ${where}`, params }
}

/** Every matching invoice (or line item, or only the picked invoices) in the list's order, for a streamed export. */
export function exportSql(
  query: InvoiceListing,
  level: ExportLevel,
  today: string,
  selection?: InvoiceKey[]
): { sql: string; params: SqlParams } {
  const { where, params, mode } = exportWhere(query, today, selection)
  const { from, orderBy } = orderSql(query.sort, mode)
  const lines = level === 'line'
  return {
    sql: `SELECT i.id, i.account_id, a.name AS account, a.provider, i.remote_id, i.number, i.status, i.raw_status, i.payment_status,
        i.counterparty, i.issue_date, ${DUE_ON} AS due_date, i.due_date IS NULL AND i.derived_due_date IS NOT NULL AS due_derived, i.period_start, i.period_end,
        i.currency, i.subtotal, i.discount, i.tax, i.total, i.paid, ${BALANCE_SCALED} AS balance_scaled, i.has_pdf, i.removed,
        i.is_duplicate, i.wont_claim, i.has_errors, i.line_item_count, i.notes, i.synced_at, i.paid_at, i.sent_at
        ${lines ? ', l.position, l.description, l.quantity, l.unit_price, l.amount' : ''}
      FROM ${from} ${lines ? 'LEFT JOIN line_items l ON l.invoice_id = i.id' : ''}
      ${where} ORDER BY ${orderBy}${lines ? ', l.position' : ''}`,
    params
  }
}

/**
 * Open invoices matching the filter, whatever status it asks for, that have no due date from
 * the provider nor from payment terms: the ones "Overdue" can never show.
 */
export function openWithoutDueDateSql(filter: InvoiceFilter, today: string): { sql: string; params: SqlParams } {
  const { where, params } = filterSql({ ...filter, status: 'open' }, today)
  return { sql: `SELECT count(*) FROM invoices i ${where} AND ${DUE_ON} IS NULL`, params }
}
