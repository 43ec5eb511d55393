import type { InvoiceStatus } from '../../../preload/contract'
import { normalizeDecimal, subtract } from '../../money/decimal'
import type { UnifiedInvoice } from '../unified-invoice'
import { readable, UNKNOWN_CURRENCY } from '../unreadable'
import type { HoursmithInvoice } from './schemas'

const STATUS: Record<string, InvoiceStatus> = {
  DRAFT: 'draft',
  SENT: 'open',
  PAID: 'paid',
  CANCELLED: 'void'
}

/**
 * A refunded invoice (payment status `refunded`, status usually still PAID) gave its money back:
 * it is not paid revenue. Quire has no "refunded" status, so it reads as void, the provider's
 * own words shown beside it. How much was kept after the refund is not in the API (amountPaid
 * may still say what was once paid), so the paid amount is unknown rather than a wrong figure.
 */
const REFUNDED = 'refunded'

/** `raw` is the payload exactly as received, unknown fields included. */
export function mapHoursmithInvoice(wire: HoursmithInvoice, raw: unknown): UnifiedInvoice {
  const wireTotal = readable(wire.total)
  const total = wireTotal === null ? null : normalizeDecimal(wireTotal)
  const subtotal = wire.subtotal == null ? null : normalizeDecimal(wire.subtotal)
  const discount = wire.discountAmount == null ? null : normalizeDecimal(wire.discountAmount)
  const status = readable(wire.status)
  const currency = readable(wire.currency)
  const refunded = wire.paymentStatus?.trim().toLowerCase() === REFUNDED
  return {
    remoteId: wire.id,
    number: wire.number ?? null,
    status: refunded ? 'void' : status === null ? 'unknown' : (STATUS[status.toUpperCase()] ?? 'unknown'),
    rawStatus: refunded ? `${status ?? '—'} (refunded)` : status,
    paymentStatus: wire.paymentStatus ?? null,
    counterparty: wire.billToName ?? null,
    notes: wire.notes ?? null,
    issueDate: wire.issueDate ?? null,
    dueDate: wire.dueDate ?? null,
    periodStart: null,
    periodEnd: null,
    currency: currency?.toUpperCase() ?? UNKNOWN_CURRENCY,
    subtotal,
    discount,
    // Hoursmith sends a tax rate, not an amount: tax is what the total adds to the discounted subtotal.
    tax: subtotal === null || total === null ? null : subtract(total, subtract(subtotal, discount ?? '0')),
    total,
    paid: refunded || wire.amountPaid == null ? null : normalizeDecimal(wire.amountPaid),
    // Instants on the wire (reference: datetime ISO-8601), kept as instants, normalised to UTC
    // so that, as text, they sort in time order.
    paidAt: wire.paidAt == null ? null : new Date(wire.paidAt).toISOString(),
    sentAt: wire.sentAt == null ? null : new Date(wire.sentAt).toISOString(),
    hasPdf: false,
    remoteCreatedAt: wire.createdAt ?? null,
    remoteUpdatedAt: wire.updatedAt ?? null,
    removed: wire.deletedAt != null,
    lineItems: [],
    raw
  }
}
