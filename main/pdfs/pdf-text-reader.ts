import type { Clock } from '../base/clock'
import { isoNow } from '../base/clock'
import { checkPdfText } from './pdf-check'
import type { PdfStore } from './pdf-store'
import { DEFAULT_TEXT_LIMITS, extractPdfText, type TextLimits } from './pdf-text'
import type { PdfTextRepo } from '../db/pdf-text.repo'

const BATCH = 50

/**
 * Reads cached provider PDFs into the search index and checks each against the synced data.
 * One pass at a time, in the background (a PDF opens before its text is read); a request made
 * during a pass runs another pass after it, so nothing stored meanwhile is missed. What a pass
 * reads is whatever the database says is unread, so a new file, a re-download, a re-sync that
 * changed the number or total, and PDFs cached before this existed are all handled alike.
 */
export class PdfTextReader {
  private running: Promise<void> | null = null
  private again = false

  constructor(
    private readonly repo: PdfTextRepo,
    private readonly store: PdfStore,
    private readonly clock: Clock,
    /** Called after a batch changed what searches find. */
    private readonly changed: () => void,
    private readonly limits: TextLimits = DEFAULT_TEXT_LIMITS
  ) {}

  /** Starts a pass (or asks for one more); resolves when no pass is running. */
  readUnread(signal?: AbortSignal): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.passes(signal).finally(() => {
      this.running = null
    })
    return this.running
  }

  private async passes(signal?: AbortSignal): Promise<void> {
    do {
      this.again = false
      await this.pass(signal)
    } while (this.again && !signal?.aborted)
  }

  private async pass(signal?: AbortSignal): Promise<void> {
    let after = 0
    for (let batch = this.repo.unread(after, BATCH); batch.length > 0; batch = this.repo.unread(after, BATCH)) {
      let wrote = false
      for (const pdf of batch) {
        if (signal?.aborted) return
        after = pdf.invoiceId
        // A missing or damaged file is left for the next open to fetch again; it is then read anew.
        const bytes = await this.store.readVerified(pdf.sha256)
        if (!bytes) continue
        const text = await extractPdfText(bytes, this.limits)
        const finding = text.readable
          ? checkPdfText(text.text, pdf)
          : { outcome: 'notChecked' as const, numberFound: null, totalFound: null, pdfShows: null, detail: text.reason }
        wrote = this.repo.record(pdf, text.readable ? text.text : null, finding, isoNow(this.clock)) || wrote
      }
      if (wrote) this.changed()
    }
  }
}
