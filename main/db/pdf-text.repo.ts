import type { Database } from 'better-sqlite3'
import type { PdfCheck, PdfCheckOutcome } from '../../preload/contract'

/** What checking a provider PDF's text against the synced invoice found (main/pdfs/pdf-check.ts). */
export interface PdfCheckFinding {
  outcome: PdfCheckOutcome
  /** null: the invoice has no number to look for. */
  numberFound: boolean | null
  /** null: the invoice has no readable total to look for. */
  totalFound: boolean | null
  /** The figure printed where the total was expected, as printed; null when none stands out. */
  pdfShows: string | null
  detail: string | null
}

/** A cached provider PDF whose text is not indexed and checked against the data as it is now. */
export interface UnreadPdf {
  invoiceId: number
  sha256: string
  number: string | null
  /** null: the provider's total could not be read (stored as ''). */
  total: string | null
  currency: string
}

interface CheckRow {
  outcome: 'match' | 'mismatch' | 'not_checked'
  sha256: string
  number_found: 0 | 1 | null
  total_found: 0 | 1 | null
  pdf_shows: string | null
  detail: string | null
  checked_at: string
}

/**
 * The text index of provider PDFs (pdf_text_fts) and what checking them found (pdf_checks).
 * The migration's triggers drop a text when its file record goes or changes; this writes it.
 */
export class PdfTextRepo {
  private readonly deleteTextStmt
  private readonly insertTextStmt
  private readonly putCheckStmt
  private readonly checkStmt
  private readonly unreadStmt
  private readonly stillCurrentStmt
  private readonly write

  constructor(db: Database) {
    this.deleteTextStmt = db.prepare<[number]>(`DELETE FROM pdf_text_fts WHERE rowid = ?`)
    this.insertTextStmt = db.prepare<[number, string]>(`INSERT INTO pdf_text_fts (rowid, text) VALUES (?, ?)`)
    this.putCheckStmt = db.prepare(`
      INSERT INTO pdf_checks (invoice_id, sha256, checked_number, checked_total, outcome, number_found, total_found, pdf_shows, detail, checked_at, text_current)
      VALUES (@invoiceId, @sha256, @number, @total, @outcome, @numberFound, @totalFound, @pdfShows, @detail, @checkedAt, 1)
      ON CONFLICT (invoice_id) DO UPDATE SET
        sha256 = excluded.sha256, checked_number = excluded.checked_number, checked_total = excluded.checked_total,
        outcome = excluded.outcome, number_found = excluded.number_found, total_found = excluded.total_found,
        pdf_shows = excluded.pdf_shows, detail = excluded.detail, checked_at = excluded.checked_at, text_current = 1`)
    this.checkStmt = db.prepare<[number], CheckRow>(
      `SELECT outcome, sha256, number_found, total_found, pdf_shows, detail, checked_at FROM pdf_checks WHERE invoice_id = ?`
    )
    this.unreadStmt = db.prepare<
      [number, number],
      { invoice_id: number; sha256: string; number: string | null; total: string; currency: string }
    >(`
      SELECT p.invoice_id, p.sha256, i.number, i.total, i.currency
      FROM invoice_pdfs p JOIN invoices i ON i.id = p.invoice_id
      LEFT JOIN pdf_checks c ON c.invoice_id = p.invoice_id
      WHERE p.source = 'provider' AND p.invoice_id > ?
        AND (c.invoice_id IS NULL OR c.text_current = 0 OR c.sha256 <> p.sha256 OR c.checked_total <> i.total OR c.checked_number IS NOT i.number)
      ORDER BY p.invoice_id
      LIMIT ?`)
    // The file may have been evicted or replaced while its text was being read.
    this.stillCurrentStmt = db
      .prepare<[number, string], number>(`SELECT 1 FROM invoice_pdfs WHERE invoice_id = ? AND source = 'provider' AND sha256 = ?`)
      .pluck()
    this.write = db.transaction((pdf: UnreadPdf, text: string | null, finding: PdfCheckFinding, at: string): boolean => {
      if (this.stillCurrentStmt.get(pdf.invoiceId, pdf.sha256) === undefined) return false
      this.deleteTextStmt.run(pdf.invoiceId)
      if (text !== null) this.insertTextStmt.run(pdf.invoiceId, text)
      this.putCheckStmt.run({
        invoiceId: pdf.invoiceId,
        sha256: pdf.sha256,
        number: pdf.number,
        total: pdf.total ?? '',
        outcome: finding.outcome === 'notChecked' ? 'not_checked' : finding.outcome,
        numberFound: flag(finding.numberFound),
        totalFound: finding.outcome === 'notChecked' ? null : flag(finding.totalFound),
        pdfShows: finding.pdfShows,
        detail: finding.detail,
        checkedAt: at
      })
      return true
    })
  }

  /** Up to `limit` provider PDFs to read, by invoice id after `afterId`: never read, replaced since, or the data changed since. */
  unread(afterId: number, limit: number): UnreadPdf[] {
    return this.unreadStmt.all(afterId, limit).map((row) => ({
      invoiceId: row.invoice_id,
      sha256: row.sha256,
      number: row.number,
      total: row.total === '' ? null : row.total,
      currency: row.currency
    }))
  }

  /**
   * The text (null: none readable) and the finding, in one transaction, only if the file is still
   * the invoice's provider PDF. False when it is not: nothing was written.
   */
  record(pdf: UnreadPdf, text: string | null, finding: PdfCheckFinding, at: string): boolean {
    // Takes the write lock first: a transaction that reads before it writes cannot wait for
    // another connection's writer (a CLI sync beside the app) and fails as busy when that one
    // commits in between.
    return this.write.immediate(pdf, text, finding, at)
  }

  check(invoiceId: number): PdfCheck | null {
    const row = this.checkStmt.get(invoiceId)
    if (!row) return null
    return {
      outcome: row.outcome === 'not_checked' ? 'notChecked' : row.outcome,
      sha256: row.sha256,
      checkedAt: row.checked_at,
      numberFound: row.number_found === null ? null : row.number_found === 1,
      totalFound: row.total_found === null ? null : row.total_found === 1,
      pdfShows: row.pdf_shows,
      detail: row.detail
    }
  }
}

function flag(value: boolean | null): 0 | 1 | null {
  return value === null ? null : value ? 1 : 0
}
