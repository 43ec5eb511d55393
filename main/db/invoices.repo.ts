import type { Database } from 'better-sqlite3'
import { toScaled } from '../money/decimal'
import type { UnifiedInvoice } from '../providers/unified-invoice'

export class InvoicesRepo {
  private readonly upsertStmt
  private readonly ftsDeleteStmt
  private readonly ftsInsertStmt
  private readonly linesDeleteStmt
  private readonly lineInsertStmt
  private readonly markUnseenStmt

  constructor(db: Database) {
    this.upsertStmt = db.prepare<Record<string, unknown>>(`
      INSERT INTO invoices (
        account_id, remote_id, number, status, raw_status, payment_status, counterparty, notes,
        issue_date, due_date, period_start, period_end, currency, subtotal, tax, total, paid,
        total_scaled, has_pdf, line_item_count, remote_created_at, remote_updated_at, removed,
        seen_walk, raw, synced_at)
      VALUES (
        @accountId, @remoteId, @number, @status, @rawStatus, @paymentStatus, @counterparty, @notes,
        @issueDate, @dueDate, @periodStart, @periodEnd, @currency, @subtotal, @tax, @total, @paid,
        @totalScaled, @hasPdf, @lineItemCount, @remoteCreatedAt, @remoteUpdatedAt, @removed,
        @walk, @raw, @syncedAt)
      ON CONFLICT (account_id, remote_id) DO UPDATE SET
        number = excluded.number, status = excluded.status, raw_status = excluded.raw_status,
        payment_status = excluded.payment_status, counterparty = excluded.counterparty,
        notes = excluded.notes, issue_date = excluded.issue_date, due_date = excluded.due_date,
        period_start = excluded.period_start, period_end = excluded.period_end,
        currency = excluded.currency, subtotal = excluded.subtotal, tax = excluded.tax,
        total = excluded.total, paid = excluded.paid, total_scaled = excluded.total_scaled,
        has_pdf = excluded.has_pdf, line_item_count = excluded.line_item_count,
        remote_created_at = excluded.remote_created_at, remote_updated_at = excluded.remote_updated_at,
        removed = excluded.removed, seen_walk = excluded.seen_walk, raw = excluded.raw,
        synced_at = excluded.synced_at`)
    this.ftsDeleteStmt = db.prepare<[number]>(`DELETE FROM invoice_fts WHERE rowid = ?`)
    this.ftsInsertStmt = db.prepare(
      `INSERT INTO invoice_fts (rowid, number, counterparty, notes, lines) VALUES (?, ?, ?, ?, ?)`
    )
    this.linesDeleteStmt = db.prepare<[number]>(`DELETE FROM line_items WHERE invoice_id = ?`)
    this.lineInsertStmt = db.prepare(
      `INSERT INTO line_items (invoice_id, position, description, quantity, unit_price, amount) VALUES (@invoiceId, @position, @description, @quantity, @unitPrice, @amount)`
    )
    this.markUnseenStmt = db.prepare<[string, number]>(
      `UPDATE invoices SET removed = 1 WHERE account_id = ? AND seen_walk < ? AND removed = 0`
    )
  }

  /**
   * Call inside the page's transaction: the rows, their lines and their search entries change
   * together. `existingId` is the row's id when the cache already has it (the change log looks
   * it up anyway): a new row then needs no clearing, and no RETURNING, which better-sqlite3
   * runs about three times slower than a plain write.
   */
  upsert(accountId: string, walk: number, syncedAt: string, invoice: UnifiedInvoice, existingId: number | null): void {
    const written = this.upsertStmt.run({
      accountId,
      walk,
      syncedAt,
      remoteId: invoice.remoteId,
      number: invoice.number,
      status: invoice.status,
      rawStatus: invoice.rawStatus,
      paymentStatus: invoice.paymentStatus,
      counterparty: invoice.counterparty,
      notes: invoice.notes,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      currency: invoice.currency,
      subtotal: invoice.subtotal,
      tax: invoice.tax,
      total: invoice.total,
      paid: invoice.paid,
      totalScaled: toScaled(invoice.total),
      hasPdf: invoice.hasPdf ? 1 : 0,
      lineItemCount: invoice.lineItems.length,
      remoteCreatedAt: invoice.remoteCreatedAt,
      remoteUpdatedAt: invoice.remoteUpdatedAt,
      removed: invoice.removed ? 1 : 0,
      raw: JSON.stringify(invoice.raw)
    })
    const id = existingId ?? Number(written.lastInsertRowid)
    if (existingId !== null) {
      this.linesDeleteStmt.run(id)
      this.ftsDeleteStmt.run(id)
    }
    for (const line of invoice.lineItems) this.lineInsertStmt.run({ invoiceId: id, ...line })
    this.ftsInsertStmt.run(
      id,
      invoice.number,
      invoice.counterparty,
      invoice.notes,
      invoice.lineItems.map((line) => line.description).join('\n')
    )
  }

  /** Tombstones every invoice of the account that the finished walk did not list. */
  markUnseenRemoved(accountId: string, walk: number): number {
    return this.markUnseenStmt.run(accountId, walk).changes
  }
}
