import { z } from 'zod'
import { InvoiceListing } from './browsing'

/**
 * The auditor bundle: one ZIP with a PDF per invoice of the filtered set (the provider's own
 * where it has one, else one Quire generates), manifest.csv and README.txt. Its progress is
 * pushed as `export.progress` and `invoices.cancelExport` stops it, like the CSV export's.
 */
export const PdfBundleRequest = z.object({ query: InvoiceListing.strict() }).strict()
export type PdfBundleRequest = z.infer<typeof PdfBundleRequest>

export const PdfBundleResult = z.object({
  path: z.string(),
  invoices: z.number().int().nonnegative(),
  /** How many are the provider's own PDFs, and how many Quire generated. */
  provider: z.number().int().nonnegative(),
  generated: z.number().int().nonnegative()
})
export type PdfBundleResult = z.infer<typeof PdfBundleResult>

/** Spread into the contract's method table (methods.ts). */
export const pdfBundleMethods = {
  'invoices.exportPdfZip': {
    input: PdfBundleRequest,
    output: PdfBundleResult
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
