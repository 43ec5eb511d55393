/**
 * Hoursmith's wire format (API v1, docs.hoursmith.app; seed 003). Unknown fields are ignored,
 * and every field the reference does not promise is allowed to be null or absent.
 */
import { z } from 'zod'
import { wireDate, wireDecimal, wireInstant } from '../wire-patterns'
import { orUnreadable } from '../unreadable'

const decimal = wireDecimal('1234.50')

/** An invoice as the reference documents it: what the simulator serves. */
export const HoursmithWireInvoice = z.object({
  id: z.string().min(1).max(512),
  orgId: z.string().nullish(),
  clientId: z.string().nullish(),
  number: z.string().nullish(),
  status: z.string().min(1).max(64),
  paymentStatus: z.string().nullish(),
  subtotal: decimal.nullish(),
  discountAmount: decimal.nullish(),
  taxRate: decimal.nullish(),
  total: decimal,
  amountPaid: decimal.nullish(),
  currency: z.string().min(1).max(16),
  notes: z.string().nullish(),
  billToName: z.string().nullish(),
  issueDate: wireDate.nullish(),
  dueDate: wireDate.nullish(),
  sentAt: wireInstant.nullish(),
  paidAt: wireInstant.nullish(),
  createdAt: wireInstant.nullish(),
  updatedAt: wireInstant.nullish(),
  deletedAt: wireInstant.nullish()
})
export type HoursmithWireInvoice = z.infer<typeof HoursmithWireInvoice>

/** What Quire reads: the same, with an unreadable status, total or currency kept as unknown. */
export const HoursmithInvoice = HoursmithWireInvoice.extend({
  status: orUnreadable(HoursmithWireInvoice.shape.status),
  total: orUnreadable(decimal),
  currency: orUnreadable(HoursmithWireInvoice.shape.currency)
})
export type HoursmithInvoice = z.infer<typeof HoursmithInvoice>

export const HoursmithInvoiceList = z.object({
  data: z.array(z.unknown()),
  pagination: z.object({
    nextCursor: z.string().min(1).nullable(),
    limit: z.number().int().optional()
  })
})

export const HoursmithMe = z.object({
  data: z.object({
    workspace: z.object({ name: z.string() }).partial().nullish(),
    role: z.string().nullish(),
    plan: z.string().nullish()
  })
})

export const HoursmithError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    requiredPlan: z.string().nullish(),
    feature: z.string().nullish()
  })
})
export type HoursmithError = z.infer<typeof HoursmithError>
