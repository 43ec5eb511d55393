import { z } from 'zod'
import { DecimalString, InvoiceFlag, InvoiceStatus, IsoDate, IsoInstant, LineItem } from '../../preload/contract'

/**
 * What every connector produces from its provider's wire format: one shape for the cache,
 * whatever the source. Dates stay dates and instants stay instants, as the provider meant them.
 */
export const UnifiedInvoice = z.object({
  remoteId: z.string().min(1),
  number: z.string().nullable(),
  status: InvoiceStatus,
  rawStatus: z.string().nullable(),
  paymentStatus: z.string().nullable(),
  counterparty: z.string().nullable(),
  notes: z.string().nullable(),
  issueDate: IsoDate.nullable(),
  dueDate: IsoDate.nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  currency: z.string().min(1),
  subtotal: DecimalString.nullable(),
  /** Taken off the subtotal before tax; absent where the provider states no discount. */
  discount: DecimalString.nullable().optional(),
  tax: DecimalString.nullable(),
  /** Null when the provider sent none Quire could read: shown as "—" and left out of totals. */
  total: DecimalString.nullable(),
  paid: DecimalString.nullable(),
  /** When the provider says it was paid and sent (UTC instants); absent where its reference has no such field. */
  paidAt: IsoInstant.nullable().optional(),
  sentAt: IsoInstant.nullable().optional(),
  hasPdf: z.boolean(),
  remoteCreatedAt: z.string().nullable(),
  remoteUpdatedAt: z.string().nullable(),
  removed: z.boolean(),
  lineItems: z.array(LineItem),
  /** Provider flags that change what the invoice means; absent where the provider has none. */
  flags: z.array(InvoiceFlag).optional(),
  raw: z.unknown()
})
export type UnifiedInvoice = z.infer<typeof UnifiedInvoice>
