/**
 * The storage limit: the same unified rows, every column the sync stores for an invoice, upserted
 * with one prepared statement per page-sized transaction into a fresh cache opened as Quire opens
 * it (real schema, indexes and pragmas). Only the invoice rows: the line items, search index and
 * change log the real sync also maintains are Quire's own work and count against its ratio.
 */
import { join } from 'node:path'
import { openDatabase } from '../../main/db/open-database'
import { toScaled } from '../../main/money/decimal'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'

export function rawUpserts(dir: string, pages: UnifiedInvoice[][]): number {
  const db = openDatabase(join(dir, 'raw.sqlite3'))
  db.prepare(`INSERT INTO accounts (id, provider, name, base_url, created_at) VALUES ('raw', 'hoursmith', 'raw', 'x', 'x')`).run()
  const upsert = db.prepare(`
    INSERT INTO invoices (account_id, remote_id, number, status, raw_status, payment_status, counterparty, notes, issue_date,
      due_date, period_start, period_end, currency, subtotal, tax, total, paid, total_scaled, has_pdf, line_item_count,
      remote_created_at, remote_updated_at, removed, seen_walk, raw, synced_at)
    VALUES ('raw', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'now')
    ON CONFLICT (account_id, remote_id) DO UPDATE SET number = excluded.number, status = excluded.status,
      raw_status = excluded.raw_status, payment_status = excluded.payment_status, counterparty = excluded.counterparty,
      notes = excluded.notes, issue_date = excluded.issue_date, due_date = excluded.due_date,
      period_start = excluded.period_start, period_end = excluded.period_end, currency = excluded.currency,
      subtotal = excluded.subtotal, tax = excluded.tax, total = excluded.total, paid = excluded.paid,
      total_scaled = excluded.total_scaled, has_pdf = excluded.has_pdf, line_item_count = excluded.line_item_count,
      remote_created_at = excluded.remote_created_at, remote_updated_at = excluded.remote_updated_at,
      removed = excluded.removed, seen_walk = excluded.seen_walk, raw = excluded.raw, synced_at = excluded.synced_at`)
  const writePage = db.transaction((page: UnifiedInvoice[]) => {
    for (const i of page) {
      upsert.run(
        i.remoteId,
        i.number,
        i.status,
        i.rawStatus,
        i.paymentStatus,
        i.counterparty,
        i.notes,
        i.issueDate,
        i.dueDate,
        i.periodStart,
        i.periodEnd,
        i.currency,
        i.subtotal,
        i.tax,
        i.total ?? '',
        i.paid,
        i.total === null ? 0n : toScaled(i.total),
        i.hasPdf ? 1 : 0,
        i.lineItems.length,
        i.remoteCreatedAt,
        i.remoteUpdatedAt,
        i.removed ? 1 : 0,
        JSON.stringify(i.raw)
      )
    }
  })
  let rows = 0
  for (const page of pages) {
    writePage(page)
    rows += page.length
  }
  db.close()
  return rows
}
