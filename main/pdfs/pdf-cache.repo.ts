import type { Database } from 'better-sqlite3'
import type { PdfSource } from '../../preload/contract'

export interface PdfRecord {
  invoiceId: number
  source: PdfSource
  sha256: string
  size: number
  storedAt: string
  renderedFrom: string | null
  lastOpenedAt: string | null
}

/** What the PDF service needs of a cached invoice beyond its public detail. */
export interface InvoiceKey {
  id: number
  remoteId: string
  hasPdf: boolean
  syncedAt: string
  raw: unknown
}

interface RecordRow {
  invoice_id: number
  source: PdfSource
  sha256: string
  size: number
  stored_at: string
  rendered_from: string | null
  last_opened_at: string | null
}

export class PdfCacheRepo {
  private readonly invoiceStmt
  private readonly recordStmt
  private readonly putStmt
  private readonly touchStmt
  private readonly deleteStmt
  private readonly shaUsesStmt
  private readonly totalStmt
  private readonly byLastUseStmt
  private readonly shasStmt
  private readonly prefetchStmt

  constructor(db: Database) {
    this.invoiceStmt = db.prepare<[string, string], { id: number; remote_id: string; has_pdf: 0 | 1; synced_at: string; raw: string }>(
      `SELECT id, remote_id, has_pdf, synced_at, raw FROM invoices WHERE account_id = ? AND remote_id = ?`
    )
    this.recordStmt = db.prepare<[number, PdfSource], RecordRow>(`SELECT * FROM invoice_pdfs WHERE invoice_id = ? AND source = ?`)
    this.putStmt = db.prepare(`
      INSERT INTO invoice_pdfs (invoice_id, source, sha256, size, stored_at, rendered_from, last_opened_at)
      VALUES (@invoiceId, @source, @sha256, @size, @storedAt, @renderedFrom, @lastOpenedAt)
      ON CONFLICT (invoice_id, source) DO UPDATE SET
        sha256 = excluded.sha256, size = excluded.size, stored_at = excluded.stored_at,
        rendered_from = excluded.rendered_from, last_opened_at = excluded.last_opened_at`)
    this.touchStmt = db.prepare<[string, number, PdfSource]>(
      `UPDATE invoice_pdfs SET last_opened_at = ? WHERE invoice_id = ? AND source = ?`
    )
    this.deleteStmt = db.prepare<[number, PdfSource]>(`DELETE FROM invoice_pdfs WHERE invoice_id = ? AND source = ?`)
    this.shaUsesStmt = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM invoice_pdfs WHERE sha256 = ?`)
    // A file shared by several rows takes its space once.
    this.totalStmt = db.prepare<[], { total: number | null }>(
      `SELECT sum(size) AS total FROM (SELECT max(size) AS size FROM invoice_pdfs GROUP BY sha256)`
    )
    this.byLastUseStmt = db.prepare<[], RecordRow>(`SELECT * FROM invoice_pdfs ORDER BY coalesce(last_opened_at, stored_at), stored_at`)
    this.shasStmt = db.prepare<[], { sha256: string }>(`SELECT DISTINCT sha256 FROM invoice_pdfs`)
    this.prefetchStmt = db.prepare<{ accountId: string; since: string; limit: number }, { remote_id: string }>(`
      SELECT i.remote_id FROM invoices i
      WHERE i.account_id = @accountId AND i.has_pdf = 1 AND i.removed = 0
        AND (i.status = 'open' OR i.issue_date >= @since)
        AND NOT EXISTS (SELECT 1 FROM invoice_pdfs p WHERE p.invoice_id = i.id AND p.source = 'provider')
      ORDER BY i.issue_date DESC, i.id DESC
      LIMIT @limit`)
  }

  invoice(accountId: string, remoteId: string): InvoiceKey | null {
    const row = this.invoiceStmt.get(accountId, remoteId)
    return row
      ? { id: row.id, remoteId: row.remote_id, hasPdf: row.has_pdf === 1, syncedAt: row.synced_at, raw: JSON.parse(row.raw) as unknown }
      : null
  }

  record(invoiceId: number, source: PdfSource): PdfRecord | null {
    const row = this.recordStmt.get(invoiceId, source)
    return row ? toRecord(row) : null
  }

  put(record: PdfRecord): void {
    this.putStmt.run(record)
  }

  touch(invoiceId: number, source: PdfSource, at: string): void {
    this.touchStmt.run(at, invoiceId, source)
  }

  delete(invoiceId: number, source: PdfSource): void {
    this.deleteStmt.run(invoiceId, source)
  }

  /** How many records name this file: it may be deleted only at zero. */
  uses(sha256: string): number {
    return this.shaUsesStmt.get(sha256)!.n
  }

  totalBytes(): number {
    return this.totalStmt.get()!.total ?? 0
  }

  /** Every record, least recently opened (or stored, if never opened) first. */
  byLastUse(): PdfRecord[] {
    return this.byLastUseStmt.all().map(toRecord)
  }

  referenced(): Set<string> {
    return new Set(this.shasStmt.all().map((row) => row.sha256))
  }

  /** Open or recently issued invoices whose provider PDF is not cached yet, newest first. */
  prefetchCandidates(accountId: string, since: string, limit: number): string[] {
    return this.prefetchStmt.all({ accountId, since, limit }).map((row) => row.remote_id)
  }
}

function toRecord(row: RecordRow): PdfRecord {
  return {
    invoiceId: row.invoice_id,
    source: row.source,
    sha256: row.sha256,
    size: row.size,
    storedAt: row.stored_at,
    renderedFrom: row.rendered_from,
    lastOpenedAt: row.last_opened_at
  }
}
