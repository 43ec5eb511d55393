import type { Database } from 'better-sqlite3'
import type { AgingFilter, InvoiceStatus } from '../../preload/contract'
import type { LoggedChange } from './as-of-state'
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

export interface AmountRow {
  currency: string
  status: InvoiceStatus
  total: string
  paid: string | null
  due_date: string | null
  issue_date: string | null
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
    // The due date the grid's Overdue judges by: the provider's, else the payment terms'.
    const amounts = `SELECT i.currency, i.status, i.total, i.paid, ${DUE_ON} AS due_date, i.issue_date FROM invoices i`
    this.openStmt = db.prepare<[], AmountRow>(`${amounts} WHERE i.status = 'open' AND i.removed = 0 AND ${counted}`)
    this.becamePaidStmt = db.prepare<[string], AmountRow>(
      `${amounts}
       WHERE i.status = 'paid' AND i.removed = 0 AND ${counted}
         AND i.id IN (SELECT invoice_id FROM invoice_changes WHERE at >= ? AND field = 'status' AND after = 'paid')`
    )
    this.issuedStmt = db.prepare<[string, string], AmountRow>(
      `${amounts}
       WHERE i.issue_date BETWEEN ? AND ? AND i.removed = 0 AND i.status NOT IN ('draft', 'void') AND ${counted}`
    )
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

  openInvoices(): IterableIterator<AmountRow> {
    return this.openStmt.iterate()
  }

  /** Invoices paid now whose status Quire saw become paid at or after `since`. */
  becamePaidSince(since: string): IterableIterator<AmountRow> {
    return this.becamePaidStmt.iterate(since)
  }

  /** Invoices issued between two dates (inclusive), drafts, voids and tombstones aside. */
  issuedBetween(from: string, to: string): IterableIterator<AmountRow> {
    return this.issuedStmt.iterate(from, to)
  }

  lastSyncedAt(): string | null {
    return this.lastSyncStmt.get() ?? null
  }
}
