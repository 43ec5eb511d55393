import { z } from 'zod'

/**
 * What checking a provider's PDF against the synced data found. Only zod here: models.ts
 * (InvoiceDetail) imports it, and pdfs.ts imports models.ts.
 *
 * match: the PDF prints the invoice's number and total. mismatch: it does not (detail says
 * which). notChecked: its text could not be read (a scan, a damaged or oversized document), so
 * nothing is claimed either way.
 */
export const PdfCheckOutcome = z.enum(['match', 'mismatch', 'notChecked'])
export type PdfCheckOutcome = z.infer<typeof PdfCheckOutcome>

export const PdfCheck = z.object({
  outcome: PdfCheckOutcome,
  /** The provider file that was read. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  checkedAt: z.string(),
  /** null when not checked, or when the invoice has no number to look for. */
  numberFound: z.boolean().nullable(),
  totalFound: z.boolean().nullable(),
  /** The figure the PDF prints where the total was expected, as printed ("12,345.00"). */
  pdfShows: z.string().nullable(),
  /** For people: what differs, or why it was not checked. */
  detail: z.string().nullable()
})
export type PdfCheck = z.infer<typeof PdfCheck>
