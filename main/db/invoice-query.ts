import type { Database, Statement } from 'better-sqlite3'
import type {
  CurrencyTotal,
  InvoiceDetail,
  InvoiceFilter,
  InvoiceFlag,
  InvoicePage,
  InvoiceQuery,
  InvoiceSort,
  InvoiceSummary,
  LineItem
} from '../../preload/contract'
import { fromScaled } from '../money/decimal'
import { daysOverdue } from '../../preload/contract/overdue'
import { BALANCE_SCALED, DUE_ON } from './derived-columns'
import { DEFAULT_TOTALS_RULE, foldTotals, leftOutOfTotalsSql, type StatusSums, type TotalsOptions, type TotalsRule } from './totals-rule'
import {
  countSql,
  DEFAULT_SORT,
  filterSql,
  leftOutCountSql,
  narrows,
  openWithoutDueDateSql,
  orderedIdsSql,
  pageIdsSql,
  pdfOnlyHitsSql,
  totalsSql,
  walkedWindowSql,
  type SqlParams
} from './invoice-filter-sql'
import type { Log } from '../log/log'
import { MoneyColumnsKeeper } from './money-columns-keeper'
import { PdfTextRepo } from './pdf-text.repo'
import { SearchTally } from './search-tally'
import { readTotal } from './invoices.repo'
import { selectionWithoutAmountSql, withoutAmountSql, withWithoutAmount } from './unknown-amounts'
import { rollupCountSql, rollupLeftOutCountSql, rollupOpenWithoutDueDateSql, rollupTotalsSql } from './totals-rollup-sql'

interface SummaryRow {
  id: number
  account_id: string
  account: string
  provider: InvoiceSummary['provider']
  remote_id: string
  number: string | null
  status: InvoiceSummary['status']
  raw_status: string | null
  payment_status: string | null
  counterparty: string | null
  currency: string
  total: string
  paid: string | null
  balance_scaled: number
  issue_date: string | null
  due_date: string | null
  due_derived: 0 | 1
  paid_at: string | null
  sent_at: string | null
  removed: 0 | 1
  line_item_count: number
  has_pdf: 0 | 1
  is_duplicate: 0 | 1
  wont_claim: 0 | 1
  has_errors: 0 | 1
}

interface DetailRow extends SummaryRow {
  notes: string | null
  subtotal: string | null
  discount: string | null
  tax: string | null
  period_start: string | null
  period_end: string | null
  remote_created_at: string | null
  remote_updated_at: string | null
  synced_at: string
  raw: string
}

const SUMMARY_COLUMNS = `
  i.id, i.account_id, a.name AS account, a.provider, i.remote_id, i.number, i.status, i.raw_status,
  i.payment_status, i.counterparty, i.currency, i.total, i.paid, ${BALANCE_SCALED} AS balance_scaled, i.issue_date,
  ${DUE_ON} AS due_date, i.due_date IS NULL AND i.derived_due_date IS NOT NULL AS due_derived, i.removed, i.line_item_count, i.has_pdf,
  i.is_duplicate, i.wont_claim, i.has_errors, i.paid_at, i.sent_at`

/** Enough distinct filter shapes for any session; past it the oldest statements are dropped. */
const MAX_STATEMENTS = 200
/** Whole orders kept (8 bytes an invoice): the current list and the one before it. */
const KEPT_ORDERS = 2
/**
 * How far into the unfiltered list a window is still walked to. Each index entry walked costs
 * a test against the tombstones (about 0.2 µs), so a window deeper than this (from both ends) is
 * a slice of the whole order instead: one walk of the index, then every window at once.
 */
const WALKED_WINDOW_DEPTH = 20_000
/**
 * Index entries a narrowing filter's first windows may walk before the filter's own indexes
 * are used instead: a filter matching at least 1 in 25 rows fills a 200-row window within it.
 * Each entry walked reads its row (a few µs), so the walk costs at most ~10 ms on a warm cache.
 */
const WALK_BUDGET = 5_000
/**
 * A filter matching 1 row in 25 to 1 in 200 does not fill a 200-row window within WALK_BUDGET,
 * yet at a million invoices finding all its matches (tens of thousands) and sorting them costs
 * several times more than walking on: what the first walk found says how far to go, up to this
 * many entries (each reads its row, as above).
 */
const LONG_WALK_BUDGET = 60_000

/**
 * The read side of the invoice cache: windows of the list, counts, totals per currency and
 * one invoice's detail. Counts, totals and whole orders over a large cache cost a scan of an
 * index, so they are remembered until the owner says the invoices changed (`invalidate`, after
 * each sync page and account change) or another process commits (`PRAGMA data_version`). A
 * trigger would say it more directly, but any trigger on invoices makes every sync write about
 * three times slower.
 */
export class InvoiceQueryRepo {
  private readonly statements = new Map<string, Statement>()
  private readonly memo = new Map<string, unknown>()
  private readonly orders = new Map<string, Float64Array>()
  private memoVersion = ''
  private changes = 0
  private readonly rowsByIdStmt
  private readonly detailStmt
  private readonly linesStmt
  private readonly dataVersionStmt
  private readonly currenciesStmt
  private readonly pdfTexts
  /** In-memory money of every invoice, for word searches' totals; null where no host keeps them. */
  readonly moneyColumns: MoneyColumnsKeeper | null
  private readonly searchTally: SearchTally | null

  /** `columns`: the cache's file, for the money columns' builds on their own connection. */
  constructor(
    private readonly db: Database,
    columns?: { file: string; log: Pick<Log, 'info' | 'error'> }
  ) {
    this.pdfTexts = new PdfTextRepo(db)
    this.moneyColumns = columns ? new MoneyColumnsKeeper(columns.file, () => this.version(), columns.log) : null
    this.searchTally = this.moneyColumns ? new SearchTally(db, this.moneyColumns) : null
    this.rowsByIdStmt = db.prepare<[string], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM invoices i JOIN accounts a ON a.id = i.account_id WHERE i.id IN (SELECT value FROM json_each(?))`
    )
    this.detailStmt = db.prepare<[string, string], DetailRow>(`
      SELECT ${SUMMARY_COLUMNS}, i.notes, i.subtotal, i.discount, i.tax, i.period_start, i.period_end,
        i.remote_created_at, i.remote_updated_at, i.synced_at, i.raw
      FROM invoices i JOIN accounts a ON a.id = i.account_id
      WHERE i.account_id = ? AND i.remote_id = ?`)
    this.linesStmt = db.prepare<
      [number],
      { position: number; description: string; quantity: string | null; unit_price: string | null; amount: string | null }
    >(`SELECT position, description, quantity, unit_price, amount FROM line_items WHERE invoice_id = ? ORDER BY position`)
    this.dataVersionStmt = db.prepare<[], number>(`PRAGMA data_version`).pluck()
    this.currenciesStmt = db.prepare<[], { currency: string }>(`SELECT DISTINCT currency FROM invoice_totals ORDER BY currency`)
  }

  /**
   * One window of the list. `total` is null when counting would cost more than finding the
   * window: the first windows of a new query come back without waiting for a count (ask
   * `count`, or any deeper window, for it). Unfiltered, the sort column's index is walked
   * straight to a window near either end, and a deeper window is a slice of the whole order.
   * Filtered, a window near the top is first sought by walking the sort's index (enough for any
   * broad filter); failing that, the matching ids are found through the filter's own indexes and
   * sorted once, and every window is a slice of that order.
   */
  list(query: InvoiceQuery, today: string): InvoicePage {
    let total: number | null
    let ids: number[]
    if (narrows(query)) {
      const walked = this.keptOrder(query, today) ? null : this.walkedWindow(query, today)
      if (walked) {
        total = this.knownCount(query, today)
        ids = walked
      } else {
        const order = this.wholeOrder(query, today)
        total = order.length
        ids = [...order.subarray(query.offset, query.offset + query.limit)]
      }
    } else if (query.offset + query.limit <= WALKED_WINDOW_DEPTH && this.knownCount(query, today) === null) {
      const { sql, params } = pageIdsSql(query, today)
      total = null
      ids = this.ids(sql, params)
    } else {
      total = this.count(query, today)
      ids = this.unfilteredWindow(query, today, total)
    }
    // A window that ends short of its limit is the list's end: that is the count, for free.
    if (total === null && ids.length < query.limit && (ids.length > 0 || query.offset === 0)) total = query.offset + ids.length
    const rows = ids.length === 0 ? [] : this.rowsByIdStmt.all(JSON.stringify(ids))
    const byId = new Map(rows.map((row) => [row.id, row]))
    const pdfOnly = this.pdfOnlyHits(query.search, ids)
    return {
      total,
      items: ids.map((id) => ({ ...toSummary(byId.get(id)!, today), ...(pdfOnly && { searchHit: pdfOnly.has(id) ? 'pdf' : 'data' }) }))
    }
  }

  /** Which of this window's invoices the search found only in their provider PDF; null without search words. */
  private pdfOnlyHits(search: string | undefined, ids: number[]): Set<number> | null {
    const hits = pdfOnlyHitsSql(search)
    if (hits === null || ids.length === 0) return null
    return new Set(this.ids(hits.sql, { ...hits.params, ids: JSON.stringify(ids) }))
  }

  /**
   * The window from a bounded walk of the sort's index, or null when the walk did not fill it.
   * A first short walk fills the window for a broad filter; for a sparser one its finds give
   * the filter's density, and a second walk goes as far as that says the window needs.
   */
  private walkedWindow(query: InvoiceQuery, today: string): number[] | null {
    const wanted = query.offset + query.limit
    if (wanted > WALK_BUDGET / 4) return null
    const walk = (budget: number): number[] => {
      const { sql, params } = walkedWindowSql({ ...query, offset: 0, limit: wanted }, today, budget)
      return this.ids(sql, params)
    }
    let found = walk(WALK_BUDGET)
    if (found.length < wanted && found.length > 0) {
      // Half as far again as the density found says, so that a window is rarely just missed.
      const budget = Math.ceil((WALK_BUDGET * wanted * 1.5) / found.length)
      if (budget <= LONG_WALK_BUDGET) found = walk(budget)
    }
    return found.length === wanted ? found.slice(query.offset) : null
  }

  private unfilteredWindow(query: InvoiceQuery, today: string, total: number): number[] {
    const end = Math.min(total, query.offset + query.limit)
    if (query.offset >= end) return []
    const deep = Math.min(query.offset, total - end) > WALKED_WINDOW_DEPTH
    const order = deep ? this.wholeOrder(query, today) : this.keptOrder(query, today)
    if (order) return [...order.subarray(query.offset, end)]
    if (query.offset <= total - end) {
      const { sql, params } = pageIdsSql(query, today)
      return this.prepared(sql).pluck().all(params) as number[]
    }
    // Past the middle: the same window counted from the other end, in the exact reverse order.
    const window = { ...query, sort: reversed(query.sort ?? DEFAULT_SORT), offset: total - end, limit: end - query.offset }
    const { sql, params } = pageIdsSql(window, today)
    return (this.prepared(sql).pluck().all(params) as number[]).reverse()
  }

  /** The whole order of the list, if it is remembered. */
  private keptOrder(query: InvoiceQuery, today: string): Float64Array | undefined {
    this.checkVersion()
    return this.orders.get(orderKey(orderedIdsSql(query, today)))
  }

  private wholeOrder(query: InvoiceQuery, today: string): Float64Array {
    const ordered = orderedIdsSql(query, today)
    this.checkVersion()
    const key = orderKey(ordered)
    let order = this.orders.get(key)
    if (!order) {
      order = narrows(query) ? Float64Array.from(this.ids(ordered.sql, ordered.params)) : this.walkedOrder(query, today)
      if (this.orders.size >= KEPT_ORDERS) this.orders.delete(this.orders.keys().next().value!)
      this.orders.set(key, order)
    }
    return order
  }

  /**
   * The unfiltered order, walked with the tombstones in (no test per entry) and then without
   * them, which takes half the time of leaving them out entry by entry.
   */
  private walkedOrder(query: InvoiceQuery, today: string): Float64Array {
    const { sql, params } = orderedIdsSql({ ...query, includeRemoved: true }, today)
    const all = this.ids(sql, params)
    if (query.includeRemoved) return Float64Array.from(all)
    const tombstones = new Set(this.ids(`SELECT id FROM invoices WHERE removed = 1`, {}))
    const live = new Float64Array(all.length - tombstones.size)
    let next = 0
    for (const id of all) if (!tombstones.has(id)) live[next++] = id
    return live
  }

  /** All at once: stepping through a statement row by row from JS costs twice as much. */
  private ids(sql: string, params: SqlParams): number[] {
    return this.prepared(sql).pluck().all(params) as number[]
  }

  /** From the pre-aggregated totals (totals-rollup-sql.ts) when the filter is plain enough. */
  count(filter: InvoiceFilter, today: string): number {
    const tallied = this.searchTally?.count(filter) ?? null
    if (tallied !== null) return tallied
    const { sql, params } = rollupCountSql(filter, today) ?? countSql(filter, today)
    return this.remembered(sql, params, () => this.prepared(sql).pluck().get(params) as number)
  }

  /** Open invoices the Overdue filter can never show: no due date, sent or derived. */
  openWithoutDueDate(filter: InvoiceFilter, today: string): number {
    const { sql, params } = rollupOpenWithoutDueDateSql(filter, today) ?? openWithoutDueDateSql(filter, today)
    return this.remembered(sql, params, () => this.prepared(sql).pluck().get(params) as number)
  }

  /** The count if it is already known (remembered, or the length of a kept order); never computes one. */
  private knownCount(filter: InvoiceFilter, today: string): number | null {
    const { sql, params } = rollupCountSql(filter, today) ?? countSql(filter, today)
    this.checkVersion()
    const key = `${sql} ${paramsKey(params)}`
    if (this.memo.has(key)) return this.memo.get(key) as number
    return this.keptOrder({ ...filter, offset: 0, limit: 1 }, today)?.length ?? null
  }

  /**
   * Per currency, never mixed: how many invoices and their exact sums, under the totals rule
   * (totals-rule.ts). The sums are read per status and remembered whatever `includeVoidAndDraft`
   * is, so that switch is applied here without a query.
   */
  totals(filter: InvoiceFilter & TotalsOptions, today: string, options: TotalsOptions = {}): CurrencyTotal[] {
    const rule: TotalsOptions = {
      includeDuplicatesAndWontClaim: options.includeDuplicatesAndWontClaim ?? filter.includeDuplicatesAndWontClaim,
      includeVoidAndDraft: options.includeVoidAndDraft ?? filter.includeVoidAndDraft
    }
    const tallied = this.searchTally?.totals(filter, rule) ?? null
    if (tallied !== null) return tallied
    // A plain filter's sums are read from the pre-aggregated totals (totals-rollup-sql.ts).
    const rolled = rollupTotalsSql(filter, today, rule)
    const { sql, params } = rolled?.sums ?? totalsSql(filter, today, rule)
    const unknown = rolled?.withoutAmount ?? withoutAmountSql(filterSql(filter, today), leftOutOfTotalsSql(filter, rule))
    const [sums, withoutAmount] = this.remembered(
      sql,
      params,
      () =>
        [
          sumRows(this.prepared(sql), params),
          this.prepared(unknown.sql).all(unknown.params) as { currency: string; status: string; n: number }[]
        ] as const
    )
    return withWithoutAmount(foldTotals(sums, rule), withoutAmount, rule)
  }

  /** How many matching invoices `totals` leaves out unless asked to count them. */
  leftOutOfTotals(filter: InvoiceFilter, today: string): number {
    const direct = leftOutCountSql(filter, today)
    if (direct === null) return 0
    const tallied = this.searchTally?.leftOut(filter) ?? null
    if (tallied !== null) return tallied
    const query = rollupLeftOutCountSql(filter, today) ?? direct
    return this.remembered(query.sql, query.params, () => this.prepared(query.sql).pluck().get(query.params) as number)
  }

  /** Totals of the invoices a person picked, named as the contract names them. */
  selectionTotals(keys: { accountId: string; remoteId: string }[], rule: TotalsRule = DEFAULT_TOTALS_RULE): CurrencyTotal[] {
    const unique = [...new Map(keys.map((key) => [`${key.accountId}/${key.remoteId}`, [key.accountId, key.remoteId]])).values()]
    const statement = this.prepared(
      `SELECT i.currency, i.status, count(*) AS n, sum(i.total_scaled) AS total, sum(${BALANCE_SCALED}) AS balance
       FROM json_each(@keys) k JOIN invoices i ON i.account_id = k.value ->> 0 AND i.remote_id = k.value ->> 1
       GROUP BY i.currency, i.status ORDER BY i.currency`
    )
    const unknown = selectionWithoutAmountSql(keys)
    return withWithoutAmount(
      foldTotals(sumRows(statement, { keys: JSON.stringify(unique) }), rule),
      this.prepared(unknown.sql).all(unknown.params) as { currency: string; status: string; n: number }[],
      rule
    )
  }

  /** The picked invoices' rows, in the order given; keys no longer in the cache are left out. */
  byKeys(keys: { accountId: string; remoteId: string }[], today: string): InvoiceSummary[] {
    const statement = this.prepared(
      `SELECT ${SUMMARY_COLUMNS} FROM json_each(@keys) k
       JOIN invoices i ON i.account_id = k.value ->> 0 AND i.remote_id = k.value ->> 1
       JOIN accounts a ON a.id = i.account_id ORDER BY k.key`
    )
    return (statement.all({ keys: JSON.stringify(keys.map((key) => [key.accountId, key.remoteId])) }) as SummaryRow[]).map((row) =>
      toSummary(row, today)
    )
  }

  /** The currencies in the cache, for the filter's choices. */
  currencies(): string[] {
    return this.remembered('currencies', {}, () => this.currenciesStmt.all().map((row) => row.currency))
  }

  get(accountId: string, remoteId: string, today: string): InvoiceDetail | null {
    const row = this.detailStmt.get(accountId, remoteId)
    if (!row) return null
    const lineItems: LineItem[] = this.linesStmt.all(row.id).map((line) => ({
      position: line.position,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      amount: line.amount
    }))
    return {
      ...toSummary(row, today),
      notes: row.notes,
      subtotal: row.subtotal,
      discount: row.discount,
      tax: row.tax,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      remoteCreatedAt: row.remote_created_at,
      remoteUpdatedAt: row.remote_updated_at,
      syncedAt: row.synced_at,
      lineItems,
      history: [],
      rawJson: JSON.stringify(JSON.parse(row.raw), null, 2),
      pdfCheck: this.pdfTexts.check(row.id)
    }
  }

  /** Filter shapes are few, so their statements are prepared once and kept. */
  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!)
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /** The invoices or accounts changed on this connection: what was remembered is stale. */
  invalidate(): void {
    this.changes++
  }

  /** Changes whenever the invoices do, on this connection (`invalidate`) or another. */
  version(): string {
    return `${this.dataVersionStmt.get()}:${this.changes}`
  }

  private checkVersion(): void {
    const version = this.version()
    if (version !== this.memoVersion) {
      this.memo.clear()
      this.orders.clear()
      this.memoVersion = version
    }
  }

  private remembered<T>(shape: string, params: SqlParams, compute: () => T): T {
    this.checkVersion()
    const key = `${shape} ${paramsKey(params)}`
    if (!this.memo.has(key)) {
      if (this.memo.size >= MAX_STATEMENTS) this.memo.clear()
      this.memo.set(key, compute())
    }
    return this.memo.get(key) as T
  }
}

function orderKey({ sql, params }: { sql: string; params: SqlParams }): string {
  return `${sql} ${paramsKey(params)}`
}

function paramsKey(params: SqlParams): string {
  return JSON.stringify(params, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
}

/** The exact reverse order: ascending puts NULLs first and descending last, ids break ties. */
function reversed(sort: InvoiceSort): InvoiceSort {
  return { column: sort.column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
}

/** Sums come back as BigInt: a million totals in 1/10,000ths can pass 2^53. */
function sumRows(statement: Statement, params: object): StatusSums[] {
  return statement.safeIntegers(true).all(params) as StatusSums[]
}

function toSummary(row: SummaryRow, today: string): InvoiceSummary {
  return {
    accountId: row.account_id,
    account: row.account,
    provider: row.provider,
    remoteId: row.remote_id,
    number: row.number,
    status: row.status,
    rawStatus: row.raw_status,
    paymentStatus: row.payment_status,
    counterparty: row.counterparty,
    currency: row.currency,
    total: readTotal(row.total),
    paid: row.paid,
    // An unknown total leaves the balance unknown too.
    balance: row.total === '' ? null : fromScaled(BigInt(row.balance_scaled)),
    daysOverdue: daysOverdue({ status: row.status, dueDate: row.due_date }, today),
    issueDate: row.issue_date,
    dueDate: row.due_date,
    dueDateDerived: row.due_derived === 1,
    paidAt: row.paid_at,
    sentAt: row.sent_at,
    removed: row.removed === 1,
    lineItemCount: row.line_item_count,
    hasPdf: row.has_pdf === 1,
    flags: flagsOf(row)
  }
}

function flagsOf(row: SummaryRow): InvoiceFlag[] {
  const flags: InvoiceFlag[] = []
  if (row.is_duplicate === 1) flags.push('duplicate')
  if (row.wont_claim === 1) flags.push('wontClaim')
  if (row.has_errors === 1) flags.push('errors')
  return flags
}
