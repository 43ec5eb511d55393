import { z } from 'zod'
import { AccountId, DecimalString, IsoDate, ProviderId } from './models'

/**
 * Likely duplicates: invoices that look like the same bill (same normalised counterparty,
 * currency and total, and the same number or issue dates within a week), across accounts and
 * providers. Only ever shown for review: nothing is merged or hidden.
 */
export const DuplicateReason = z.enum(['sameNumber', 'closeDates'])
export type DuplicateReason = z.infer<typeof DuplicateReason>

export const DuplicateInvoice = z.object({
  accountId: AccountId,
  account: z.string(),
  provider: ProviderId,
  remoteId: z.string(),
  number: z.string().nullable(),
  counterparty: z.string().nullable(),
  total: DecimalString,
  currency: z.string(),
  issueDate: IsoDate.nullable()
})
export type DuplicateInvoice = z.infer<typeof DuplicateInvoice>

export const DuplicateGroupKey = z.string().regex(/^[0-9a-f]{64}$/, 'expected a duplicate group key')

export const DuplicateGroup = z.object({
  /** Stable for the same set of invoices: what "not duplicates" remembers. */
  key: DuplicateGroupKey,
  /** sameNumber when every invoice carries the same number; else closeDates. */
  reason: DuplicateReason,
  invoices: z.array(DuplicateInvoice).min(2)
})
export type DuplicateGroup = z.infer<typeof DuplicateGroup>

/** Spread into the contract's method table (methods.ts). */
export const duplicateMethods = {
  'duplicates.list': {
    input: z.object({}).strict(),
    output: z.object({ groups: z.array(DuplicateGroup), dismissed: z.number().int().nonnegative() })
  },
  /** "Not duplicates": remembered for exactly this set of invoices. */
  'duplicates.dismiss': {
    input: z.object({ key: DuplicateGroupKey }).strict(),
    output: z.object({ dismissed: z.literal(true) })
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
