import { z } from 'zod'

/** Where Quire's log is, and whether this host can open its folder (only the desktop app can). */
export const LogLocation = z.object({
  dir: z.string(),
  file: z.string(),
  canOpenFolder: z.boolean()
})
export type LogLocation = z.infer<typeof LogLocation>

export const diagnosticsMethods = {
  'logs.location': {
    input: z.object({}).strict(),
    output: LogLocation
  },
  /** Opens the logs folder in the system's file manager (desktop app only). */
  'logs.openFolder': {
    input: z.object({}).strict(),
    output: z.object({ opened: z.literal(true) })
  },
  /**
   * Writes a diagnostics ZIP (versions, accounts' sync state and errors, skipped records, the
   * recent log) where the person chooses in the desktop app (null path: they cancelled), else
   * to the Downloads folder. Amounts, counterparties and notes are masked unless
   * `includeInvoiceDetails`.
   */
  'diagnostics.save': {
    input: z.object({ includeInvoiceDetails: z.boolean().default(false) }).strict(),
    output: z.object({ path: z.string().nullable() })
  }
} as const
