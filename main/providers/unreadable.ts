/**
 * Fields an invoice can be kept without (its total, currency and status): when the provider
 * sends one Quire cannot read, the field parses as UNREADABLE instead of failing the record,
 * and the invoice is kept with that value unknown. The README's "Records Quire cannot read"
 * lists which fields are tolerated this way; every other field that fails skips the record.
 */
import { z } from 'zod'

export const UNREADABLE = Object.freeze({ unreadable: true as const })
export type Unreadable = typeof UNREADABLE

/** The field as its schema reads it, null or absent as null, and anything else as UNREADABLE. */
export function orUnreadable<T extends z.ZodType>(schema: T) {
  // optional() first: a transform alone would make zod require the key to be present.
  return z
    .unknown()
    .optional()
    .transform((value): z.infer<T> | null | Unreadable => {
      if (value === undefined || value === null) return null
      const parsed = schema.safeParse(value)
      return parsed.success ? parsed.data : UNREADABLE
    })
}

/** The value when it was readable; null when absent, null or unreadable. */
export function readable<T>(value: T | Unreadable | null): T | null {
  return value === null || value === UNREADABLE ? null : (value as T)
}

export function isUnreadable(value: unknown): value is Unreadable {
  return value === UNREADABLE
}

/**
 * ISO 4217's code for "no currency": an invoice whose currency is missing or unreadable is
 * summed under it, apart from every real currency, rather than under a guessed one.
 */
export const UNKNOWN_CURRENCY = 'XXX'
