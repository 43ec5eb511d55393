import { z } from 'zod'
import { AccountId, IsoInstant } from './models'

/** A file in the PDF cache is named by its content only: the SHA-256 of its bytes, in hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest in lowercase hex')

/** provider: the provider's own document, downloaded and verified; generated: rendered by Quire from the cache. */
export const PdfSource = z.enum(['provider', 'generated'])
export type PdfSource = z.infer<typeof PdfSource>

export const InvoiceRef = z.object({ accountId: AccountId, remoteId: z.string().min(1).max(512) })
export type InvoiceRef = z.infer<typeof InvoiceRef>

/** An invoice's PDF in the cache, as the viewer and the CLI describe it. */
export const PdfFile = z.object({
  source: PdfSource,
  sha256: Sha256,
  size: z.number().int().positive(),
  /** When Quire downloaded it, or rendered it. */
  storedAt: IsoInstant,
  /** Why the provider's own PDF is not the one given (none yet, offline, rejected…); null when it is, or when the provider has none to give. */
  notice: z.string().nullable()
})
export type PdfFile = z.infer<typeof PdfFile>

export const PdfDocument = PdfFile.extend({
  /**
   * The bytes, base64. IPC bytes rather than a URL: the same call works over Electron IPC and
   * the test host's HTTP bridge, and the renderer is never given a path or a URL to fetch.
   */
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
  /** Whether this host can hand the file to the system viewer and a save dialog (the desktop app can). */
  desktop: z.boolean()
})
export type PdfDocument = z.infer<typeof PdfDocument>

/** Names the exact cached file the viewer shows, so the action applies to what the person saw. */
export const PdfFileRef = InvoiceRef.extend({ sha256: Sha256 })
export type PdfFileRef = z.infer<typeof PdfFileRef>

/**
 * onOpen: a provider PDF is downloaded the first time someone opens the invoice (nothing is
 * fetched that nobody reads). prefetch: after each successful sync, the provider PDFs of open
 * and recent invoices are downloaded at once, so they open offline later, and a provider link
 * that expires (Lynkwell's pdfUrl may) is used while it is fresh.
 */
export const PdfPolicy = z.enum(['onOpen', 'prefetch'])
export type PdfPolicy = z.infer<typeof PdfPolicy>

/** Disk space for cached PDFs; beyond it, the least recently opened are removed. */
export const PdfQuotaMb = z.number().int().min(10).max(100_000)

export const PdfCacheSettings = z.object({ policy: PdfPolicy, quotaMb: PdfQuotaMb, usedBytes: z.number().int().nonnegative() })
export type PdfCacheSettings = z.infer<typeof PdfCacheSettings>
