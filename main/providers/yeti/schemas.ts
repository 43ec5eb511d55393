/**
 * Yeti-Switch customer API v1 wire format (yeti-web, JSON:API via jsonapi-resources; seed 002).
 * Attribute keys are dasherized; decimals are strings; ids are UUIDs. Self-hosted installs run
 * different versions, so unknown fields are ignored and fields that came and went are optional.
 */
import { z } from 'zod'
import { wireDateTimeInstant, wireDecimal } from '../wire-patterns'
import { readable, orUnreadable } from '../unreadable'

const decimal = wireDecimal('12.5')
const count = z.number().int().nonnegative()

export const YetiInvoiceAttributes = z
  .object({
    reference: z.string().nullish(),
    'start-date': wireDateTimeInstant,
    'end-date': wireDateTimeInstant,
    'has-pdf': z.boolean(),
    'amount-spent': orUnreadable(decimal),
    /** The total before yeti-web split it into spent/earned counters (2023-12). */
    amount: orUnreadable(decimal),
    // Per-side breakdown, added in 2023-12: absent on older installs. Durations are seconds.
    'originated-amount-spent': decimal.nullish(),
    'originated-calls-count': count.nullish(),
    'originated-successful-calls-count': count.nullish(),
    'originated-calls-duration': count.nullish(),
    'originated-billing-duration': count.nullish(),
    // Null when the period had no calls on that side.
    'originated-first-call-at': wireDateTimeInstant.nullish(),
    'originated-last-call-at': wireDateTimeInstant.nullish(),
    'terminated-amount-spent': decimal.nullish(),
    'terminated-calls-count': count.nullish(),
    'terminated-successful-calls-count': count.nullish(),
    'terminated-calls-duration': count.nullish(),
    'terminated-billing-duration': count.nullish(),
    'terminated-first-call-at': wireDateTimeInstant.nullish(),
    'terminated-last-call-at': wireDateTimeInstant.nullish(),
    'services-amount-spent': decimal.nullish(),
    'service-transactions-count': count.nullish()
  })
  // Null when neither total is readable: the invoice is kept with its amount unknown.
  .transform((attributes) => ({ ...attributes, total: readable(attributes['amount-spent']) ?? readable(attributes.amount) }))
export type YetiInvoiceAttributes = z.infer<typeof YetiInvoiceAttributes>

export const YetiInvoice = z.object({
  id: z.string().min(1).max(512),
  type: z.literal('invoices'),
  attributes: YetiInvoiceAttributes,
  relationships: z
    .object({
      // `data` is there only when the account was asked for with include=account.
      account: z.object({ data: z.object({ type: z.literal('accounts'), id: z.string().min(1) }).nullish() }).nullish()
    })
    .nullish()
})
export type YetiInvoice = z.infer<typeof YetiInvoice>

export const YetiAccount = z.object({
  id: z.string().min(1),
  type: z.literal('accounts'),
  attributes: z.object({
    name: z.string().max(1024).nullish(),
    // The currency's name as the operator set it up (normally an ISO 4217 code); absent on old installs.
    currency: z.string().max(16).nullish()
  })
})
export type YetiAccount = z.infer<typeof YetiAccount>

/** Just enough of any resource to tell what it is, so `included` can hold other types. */
export const YetiResourceRef = z.object({ type: z.string(), id: z.string() })

export const YetiInvoiceList = z.object({
  data: z.array(z.unknown()),
  included: z.array(z.unknown()).optional(),
  meta: z.object({ 'total-count': count.optional() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish()
})

export const YetiAuthToken = z.object({ jwt: z.string().min(1) })

export const YetiErrors = z.object({
  errors: z
    .array(
      z.object({
        title: z.string().nullish(),
        detail: z.string().nullish(),
        code: z.string().nullish(),
        status: z.string().nullish()
      })
    )
    .min(1)
})
export type YetiErrors = z.infer<typeof YetiErrors>
