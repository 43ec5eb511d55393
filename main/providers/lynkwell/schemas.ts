/**
 * Lynkwell's wire format (billing API v1, docs.lynkwell.com; seed 004) and its Auth0 token
 * endpoint. Unknown fields are ignored. The seed shows no nullability, so every field we do not
 * depend on may be null or absent; its own placeholder values ("string" for ids, currencies
 * and item timestamps) must still parse, because they are what the reference promises.
 */
import { z } from 'zod'
import { wireInstant } from '../wire-patterns'
import { orUnreadable } from '../unreadable'

const amount = z.number('expected an amount (a JSON number)')

export const LynkwellSubscriptionItem = z.object({
  id: z.string().nullish(),
  network: z.string().nullish(),
  total: amount.nullish(),
  currency: z.string().nullish(),
  paymentProfileId: z.string().nullish(),
  priceId: z.string().nullish(),
  invoiceId: z.string().nullish(),
  subscriptionId: z.string().nullish(),
  description: z.string().nullish(),
  // Untyped strings in the reference (no date-time format), unlike the invoice's own dates.
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish()
})
export type LynkwellSubscriptionItem = z.infer<typeof LynkwellSubscriptionItem>

/** An invoice as the reference documents it: what the simulator serves. */
export const LynkwellWireInvoice = z.object({
  id: z.string().min(1).max(512),
  paymentProfileId: z.string().nullish(),
  network: z.string().nullish(),
  pdfUrl: z.string().nullish(),
  status: z.string().min(1).max(64),
  totalPaymentAttempts: z.number().nullish(),
  subTotal: amount,
  taxTotal: amount,
  currency: z.string().min(1).max(16),
  invoiceItems: z.array(z.string()).nullish(),
  subscriptionItems: z.array(LynkwellSubscriptionItem).nullish(),
  lastPaymentAttemptDate: wireInstant.nullish(),
  periodStart: wireInstant.nullish(),
  periodEnd: wireInstant.nullish(),
  createdAt: wireInstant.nullish()
})
export type LynkwellWireInvoice = z.infer<typeof LynkwellWireInvoice>

/**
 * What Quire reads: the same, with an unreadable status or currency kept as unknown, and an
 * unreadable subTotal or taxTotal making the total (their sum) unknown.
 */
export const LynkwellInvoice = LynkwellWireInvoice.extend({
  status: orUnreadable(LynkwellWireInvoice.shape.status),
  subTotal: orUnreadable(amount),
  taxTotal: orUnreadable(amount),
  currency: orUnreadable(LynkwellWireInvoice.shape.currency)
})
export type LynkwellInvoice = z.infer<typeof LynkwellInvoice>

/** Items stay unknown here: each is parsed on its own so an error names its index. */
export const LynkwellInvoiceList = z.object({
  data: z.object({
    hasMore: z.boolean(),
    items: z.array(z.unknown())
  })
})

/** Auth0's client-credentials answer (docs.lynkwell.com/api, Getting Started). */
export const LynkwellToken = z.object({
  access_token: z.string().min(1),
  token_type: z
    .string()
    .refine((t) => t.toLowerCase() === 'bearer', 'expected token_type "Bearer"')
    .optional(),
  expires_in: z.number().positive(),
  scope: z.string().nullish()
})
export type LynkwellToken = z.infer<typeof LynkwellToken>

/**
 * What an error body may say. Auth0 answers `{error, error_description}`; the billing API's own
 * error body is undocumented, so the usual `message` / `error.message` shapes are read too.
 */
export const LynkwellErrorBody = z.object({
  error: z.union([z.string(), z.object({ message: z.string().optional(), code: z.string().optional() })]).optional(),
  error_description: z.string().optional(),
  message: z.string().optional()
})
export type LynkwellErrorBody = z.infer<typeof LynkwellErrorBody>
