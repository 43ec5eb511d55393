import type { Database } from 'better-sqlite3'
import type { AgingFilter, InvoiceStatus } from '../../preload/contract'
import type { LoggedChange } from './as-of-state'
import type { OverviewGroup } from './overview'
import { filterSql } from '../db/invoice-filter-sql'
import { countedInSumsSql } from '../db/totals-rule'
import { DUE_ON } from '../db/derived-columns'

export interface AgingSourceRow {
  id: number
  account: string
  counterparty: string | null
  currency: string
  status: InvoiceStatus
  /** Null where the provider sent no total Quire could read. */
  total: string | null
  paid: string | null
  removed: 0 | 1
  issue_date: string | null
  due_date: string | null
  first_seen_at: string | null
}

/**
 * The rows behind the Overview and the aging report; the arithmetic lives in main/reports. An
 * invoice whose total could not be read (stored as '') has no amount to add: the Overview leaves
 * it out, as the totals do, and the aging report counts it apart.
 */
export class ReportSourceRepo {
  private readonly changesAfterStmt
  private readonly openStmt
  private readonly becamePaidStmt
  private readonly issuedStmt
  private readonly lastSyncStmt

  constructor(private readonly db: Database) {
    this.changesAfterStmt = db.prepare<[string], LoggedChange & { invoice_id: number }>(
      `SELECT invoice_id, at, field, before, after FROM invoice_changes WHERE at >= ? ORDER BY id`
    )
    // Duplicates and won't-claim invoices are not money owed: left out as the totals leave them out.
    // An unknown total ('') cannot be summed; reports count those apart.
    const counted = `${countedInSumsSql('i')} AND i.total <> ''`
    const rolledUp = `removed = 0 AND is_duplicate = 0 AND wont_claim = 0`
    // Open and unknown invoices' sums come from the pre-aggregated totals (totals-rollup.ts),
    // whose balance is what is owed, so paid is total less balance; the days are its due day
    // (the grid's effective due date) and issue day. A paid invoice's balance is 0 there, so
    // what was paid of those (paid, else the total) is summed from the invoices themselves.
    const fromRollup = (where: string, group: string, dueDate: string, issueDate: string): string =>
      `SELECT currency, status, sum(n - without_amount) AS count, sum(total) AS total, sum(balance) AS owed,
         sum(total - balance) AS paid, ${dueDate} AS dueDate, ${issueDate} AS issueDate
       FROM invoice_totals WHERE ${where} AND ${rolledUp} GROUP BY ${group} HAVING sum(n - without_amount) > 0`
    const paidInvoices = (where: string, group: string, issueDate: string): string =>
      `SELECT i.currency, i.status, count(*) AS count, sum(i.total_scaled) AS total, 0 AS owed,
         sum(coalesce(i.paid_scaled, i.total_scaled)) AS paid, NULL AS dueDate, ${issueDate} AS issueDate
       FROM invoices i WHERE i.status = 'paid' AND i.removed = 0 AND ${counted} AND ${where} GROUP BY ${group}`
    this.openStmt = db
      .prepare<[], GroupRow>(fromRollup(`status = 'open'`, 'currency, due_day', `nullif(due_day, '')`, 'NULL'))
      .safeIntegers(true)
    this.becamePaidStmt = db
      .prepare<[string], GroupRow>(
        paidInvoices(
          `i.id IN (SELECT invoice_id FROM invoice_changes WHERE at >= ? AND field = 'status' AND after = 'paid')`,
          'i.currency',
          'NULL'
        )
      )
      .safeIntegers(true)
    this.issuedStmt = db
      .prepare<{ from: string; to: string }, GroupRow>(
        `${fromRollup(`issue_day BETWEEN @from AND @to AND status NOT IN ('draft', 'void', 'paid')`, 'currency, status, issue_day', 'NULL', 'issue_day')}
         UNION ALL ${paidInvoices('i.issue_date BETWEEN @from AND @to', 'i.currency, i.issue_date', 'i.issue_date')}`
      )
      .safeIntegers(true)
    this.lastSyncStmt = db.prepare<[], string | null>(`SELECT max(last_synced_at) FROM accounts`).pluck()
  }

  /**
   * Invoices that may have been owed on `asOf`: issued by then (or undated), and open now or
   * changed since `cutoff` (any other invoice was as it is now, and is not open).
   */
  agingCandidates(filter: AgingFilter, asOf: string, cutoff: string, today: string): AgingSourceRow[] {
    const { where, params } = filterSql({ ...filter, includeRemoved: true }, today)
    // Two arms, each found through its own index (status; the log by time), rather than an OR
    // that would read every invoice.
    const select = (condition: string) =>
      `SELECT i.id, a.name AS account, i.counterparty, i.currency, i.status, nullif(i.total, '') AS total, i.paid, i.removed, i.issue_date, ${DUE_ON} AS due_date, i.first_seen_at
       FROM invoices i JOIN accounts a ON a.id = i.account_id
       ${where ? `${where} AND` : 'WHERE'} (i.issue_date IS NULL OR i.issue_date <= @agingAsOf) AND ${countedInSumsSql('i')} AND ${condition}`
    const changed = `i.id IN (SELECT invoice_id FROM invoice_changes WHERE at >= @agingCutoff)`
    return this.db
      .prepare<Record<string, unknown>, AgingSourceRow>(`${select(`i.status = 'open' AND i.removed = 0`)} UNION ${select(changed)}`)
      .all({ ...params, agingAsOf: asOf, agingCutoff: cutoff })
  }

  /** Every change recorded at or after `cutoff`, per invoice, in the order recorded. */
  changesAfter(cutoff: string): Map<number, LoggedChange[]> {
    const byInvoice = new Map<number, LoggedChange[]>()
    for (const { invoice_id, ...change } of this.changesAfterStmt.iterate(cutoff)) {
      let list = byInvoice.get(invoice_id)
      if (!list) byInvoice.set(invoice_id, (list = []))
      list.push(change)
    }
    return byInvoice
  }

  /** Open invoices by currency and due date, tombstones aside. */
  openGroups(): OverviewGroup[] {
    return this.openStmt.all().map(toGroup)
  }

  /** Invoices paid now whose status Quire saw become paid at or after `since`, by currency. */
  becamePaidSince(since: string): OverviewGroup[] {
    return this.becamePaidStmt.all(since).map(toGroup)
  }

  /** Invoices issued between two dates (inclusive) by currency, status and day, drafts, voids and tombstones aside. */
  issuedBetween(from: string, to: string): OverviewGroup[] {
    return this.issuedStmt.all({ from, to }).map(toGroup)
  }

  lastSyncedAt(): string | null {
    return this.lastSyncStmt.get() ?? null
  }
}

/** Sums as BigInt (a million totals in 1/10,000ths can pass 2^53); the count as a number. */
type GroupRow = Omit<OverviewGroup, 'count'> & { count: bigint }

function toGroup(row: GroupRow): OverviewGroup {
  return { ...row, count: Number(row.count) }
}
