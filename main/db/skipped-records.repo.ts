import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { SkippedRecordView } from '../../preload/contract'
import type { SkippedRecord } from '../providers/record-reader'

interface Row {
  account_id: string
  account: string
  remote_id: string | null
  page: number
  field: string
  reason: string
  raw: string
  first_seen_at: string
  last_seen_at: string
}

/**
 * The records each account's provider sent that could not be kept as invoices. Written inside
 * the page's transaction, so a skipped record and the page's invoices commit together.
 */
export class SkippedRecordsRepo {
  private readonly upsertStmt
  private readonly fixedStmt
  private readonly dropUnseenStmt
  private readonly listStmt

  constructor(db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO skipped_records (account_id, record_key, remote_id, page, field, reason, raw, first_seen_at, last_seen_at, seen_walk)
       VALUES (@accountId, @key, @remoteId, @page, @field, @reason, @raw, @at, @at, @walk)
       ON CONFLICT (account_id, record_key) DO UPDATE SET
         page = excluded.page, field = excluded.field, reason = excluded.reason, raw = excluded.raw,
         last_seen_at = excluded.last_seen_at, seen_walk = excluded.seen_walk`
    )
    this.fixedStmt = db.prepare<[string, string]>(
      `DELETE FROM skipped_records WHERE account_id = ? AND record_key IN (SELECT 'id:' || value FROM json_each(?))`
    )
    this.dropUnseenStmt = db.prepare<[string, number]>(`DELETE FROM skipped_records WHERE account_id = ? AND seen_walk < ?`)
    this.listStmt = db.prepare<{ accountId: string | null; limit: number }, Row>(
      `SELECT s.account_id, a.name AS account, s.remote_id, s.page, s.field, s.reason, s.raw, s.first_seen_at, s.last_seen_at
       FROM skipped_records s JOIN accounts a ON a.id = s.account_id
       WHERE @accountId IS NULL OR s.account_id = @accountId
       ORDER BY a.name, s.id LIMIT @limit`
    )
  }

  /** Call inside the page's transaction. */
  record(accountId: string, walk: number, page: number, at: string, records: readonly SkippedRecord[]): void {
    for (const record of records) {
      this.upsertStmt.run({
        accountId,
        key: recordKey(record),
        remoteId: record.remoteId,
        page,
        field: record.field,
        reason: record.reason,
        raw: record.raw,
        at,
        walk
      })
    }
  }

  /** The listed invoices were read this time: whatever was held back of them is resolved. */
  resolve(accountId: string, remoteIds: readonly string[]): void {
    if (remoteIds.length > 0) this.fixedStmt.run(accountId, JSON.stringify(remoteIds))
  }

  /** A finished full walk: records it no longer saw were fixed or removed upstream. */
  dropUnseen(accountId: string, walk: number): void {
    this.dropUnseenStmt.run(accountId, walk)
  }

  list(accountId: string | null, limit: number): SkippedRecordView[] {
    return this.listStmt.all({ accountId, limit }).map((row) => ({
      accountId: row.account_id,
      account: row.account,
      remoteId: row.remote_id,
      page: row.page,
      field: row.field,
      reason: row.reason,
      raw: row.raw,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at
    }))
  }
}

function recordKey(record: SkippedRecord): string {
  return record.remoteId !== null ? `id:${record.remoteId}` : `raw:${createHash('sha256').update(record.raw).digest('hex')}`
}
