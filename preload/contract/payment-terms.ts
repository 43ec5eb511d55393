import { z } from 'zod'
import { AccountId, InvoiceFilter } from './models'

/**
 * Payment terms per account: "net N days" from the issue date or from the end of the service
 * period. They derive a due date where the provider sends none, marked as derived wherever it
 * shows; a due date the provider sends is never replaced.
 */
export const PaymentTermsBasis = z.enum(['issueDate', 'periodEnd'])
export type PaymentTermsBasis = z.infer<typeof PaymentTermsBasis>

export const PaymentTerms = z
  .object({
    netDays: z.number().int().min(0, 'at least 0 days').max(366, 'at most 366 days'),
    basis: PaymentTermsBasis
  })
  .strict()
export type PaymentTerms = z.infer<typeof PaymentTerms>

export const AccountPaymentTerms = z.object({ accountId: AccountId, terms: PaymentTerms.nullable() })
export type AccountPaymentTerms = z.infer<typeof AccountPaymentTerms>

/** Spread into the contract's method table (methods.ts). */
export const paymentTermsMethods = {
  /** Every account's terms (null: none set). */
  'terms.list': {
    input: z.object({}).strict(),
    output: z.array(AccountPaymentTerms)
  },
  /** Sets or clears an account's terms and re-derives its invoices' due dates at once. */
  'terms.set': {
    input: AccountPaymentTerms.strict(),
    output: AccountPaymentTerms
  },
  /** Open invoices matching the filter (whatever its status) that have no due date at all. */
  'invoices.countOpenWithoutDueDate': {
    input: InvoiceFilter.strict(),
    output: z.object({ count: z.number().int().nonnegative() })
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
