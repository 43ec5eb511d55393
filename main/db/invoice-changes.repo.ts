import type { Database } from 'better-sqlite3'
import type { InvoiceChange } from '../../preload/contract'
import type { UnifiedInvoice } from '../providers/unified-invoice'

interface TrackedRow {
  id: number
  status: string
  payment_status: string | null
  total: string
  paid: string | null
  removed: 0 | 1
}

/**
 * The local change log. Called inside the page's transaction, before the upsert overwrites the
 * row, so the before-values are the cache's own and the log commits with the change.
 */
export class InvoiceChangesRepo {
  private readonly currentStmt
  private readonly insertStmt
  private readonly logVanishedStmt
  private readonly historyStmt

  constructor(db: Database) {
    this.currentStmt = db.prepare<[string, string], TrackedRow>(
      `SELECT id, status, payment_status, total, paid, removed FROM invoices WHERE account_id = ? AND remote_id = ?`
    )
    this.insertStmt = db.prepare(`INSERT INTO invoice_changes (invoice_id, at, field, before, after) VALUES (?, ?, ?, ?, ?)`)
    this.logVanishedStmt = db.prepare<[string, string, number]>(
      `INSERT INTO invoice_changes (invoice_id, at, field, before, after)
       SELECT id, ?, 'removed', 'false', 'true' FROM invoices WHERE account_id = ? AND seen_walk < ? AND removed = 0`
    )
    this.historyStmt = db.prepare<[string, string], InvoiceChange>(
      `SELECT c.at, c.field, c.before, c.after FROM invoice_changes c JOIN invoices i ON i.id = c.invoice_id
       WHERE i.account_id = ? AND i.remote_id = ? ORDER BY c.id`
    )
  }

  /** Logs what `next` changes and returns the cached row's id, or null for an invoice new to the cache. */
  recordUpsert(accountId: string, at: string, next: UnifiedInvoice): number | null {
    const row = this.currentStmt.get(accountId, next.remoteId)
    if (!row) return null
    const pairs: [InvoiceChange['field'], string | null, string | null][] = [
      ['status', row.status, next.status],
      ['paymentStatus', row.payment_status, next.paymentStatus],
      ['total', row.total, next.total],
      ['paid', row.paid, next.paid],
      ['removed', String(row.removed === 1), String(next.removed)]
    ]
    for (const [field, before, after] of pairs) {
      if (before !== after) this.insertStmt.run(row.id, at, field, before, after)
    }
    return row.id
  }

  /** Logs the tombstones a finished walk is about to set; call just before marking them. */
  recordVanished(accountId: string, at: string, walk: number): void {
    this.logVanishedStmt.run(at, accountId, walk)
  }

  history(accountId: string, remoteId: string): InvoiceChange[] {
    return this.historyStmt.all(accountId, remoteId)
  }
}
