import type { Database } from 'better-sqlite3'
import type { InvoiceChange } from '../../preload/contract'
import type { UnifiedInvoice } from '../providers/unified-invoice'
import type { CachedInvoice } from './invoices.repo'

/**
 * The local change log. Called inside the page's transaction, before the upsert overwrites the
 * row, so the before-values are the cache's own and the log commits with the change.
 */
export class InvoiceChangesRepo {
  private readonly insertStmt
  private readonly logVanishedStmt
  private readonly historyStmt

  constructor(db: Database) {
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

  /** Logs what `next` changes in the cached invoice `cached`. */
  recordUpsert(at: string, cached: CachedInvoice, next: UnifiedInvoice): void {
    const pairs: [InvoiceChange['field'], string | null, string | null][] = [
      ['status', cached.status, next.status],
      ['paymentStatus', cached.paymentStatus, next.paymentStatus],
      ['total', cached.total, next.total],
      ['paid', cached.paid, next.paid],
      ['removed', String(cached.removed), String(next.removed)]
    ]
    for (const [field, before, after] of pairs) {
      if (before !== after) this.insertStmt.run(cached.id, at, field, before, after)
    }
  }

  /** Logs the tombstones a finished walk is about to set; call just before marking them. */
  recordVanished(accountId: string, at: string, walk: number): void {
    this.logVanishedStmt.run(at, accountId, walk)
  }

  history(accountId: string, remoteId: string): InvoiceChange[] {
    return this.historyStmt.all(accountId, remoteId)
  }
}
