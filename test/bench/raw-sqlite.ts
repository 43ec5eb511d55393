/**
 * The storage limit: the same unified rows upserted with one prepared statement per page-sized
 * transaction into a fresh cache with the real schema — no change log, line items or search
 * index, which the real sync also maintains.
 */
import { join } from 'node:path'
import { openDatabase } from '../../main/db/open-database'
import { toScaled } from '../../main/money/decimal'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'

export function rawUpserts(dir: string, pages: UnifiedInvoice[][]): number {
  const db = openDatabase(join(dir, 'raw.sqlite3'))
  db.prepare(`INSERT INTO accounts (id, provider, name, base_url, created_at) VALUES ('raw', 'hoursmith', 'raw', 'x', 'x')`).run()
  const upsert = db.prepare(`
    INSERT INTO invoices (account_id, remote_id, number, status, currency, total, total_scaled, issue_date, due_date, counterparty, removed, seen_walk, raw, synced_at)
    VALUES ('raw', @remoteId, @number, @status, @currency, @total, @totalScaled, @issueDate, @dueDate, @counterparty, @removed, 1, @raw, 'now')
    ON CONFLICT (account_id, remote_id) DO UPDATE SET number = excluded.number, status = excluded.status, total = excluded.total,
      total_scaled = excluded.total_scaled, raw = excluded.raw`)
  const writePage = db.transaction((page: UnifiedInvoice[]) => {
    for (const i of page) {
      upsert.run({
        remoteId: i.remoteId,
        number: i.number,
        status: i.status,
        currency: i.currency,
        total: i.total,
        totalScaled: toScaled(i.total),
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        counterparty: i.counterparty,
        removed: i.removed ? 1 : 0,
        raw: JSON.stringify(i.raw)
      })
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
