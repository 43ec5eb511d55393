import { z } from 'zod'
import { DecimalString, InvoiceStatus, IsoDate, LineItem } from '../../preload/contract'

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
  tax: DecimalString.nullable(),
  /** Null when the provider sent none Quire could read: shown as "—" and left out of totals. */
  total: DecimalString.nullable(),
  paid: DecimalString.nullable(),
  hasPdf: z.boolean(),
  remoteCreatedAt: z.string().nullable(),
  remoteUpdatedAt: z.string().nullable(),
  removed: z.boolean(),
  lineItems: z.array(LineItem),
  raw: z.unknown()
})
export type UnifiedInvoice = z.infer<typeof UnifiedInvoice>
