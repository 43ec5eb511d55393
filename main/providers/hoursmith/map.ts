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

/** `raw` is the payload exactly as received, unknown fields included. */
export function mapHoursmithInvoice(wire: HoursmithInvoice, raw: unknown): UnifiedInvoice {
  const wireTotal = readable(wire.total)
  const total = wireTotal === null ? null : normalizeDecimal(wireTotal)
  const subtotal = wire.subtotal == null ? null : normalizeDecimal(wire.subtotal)
  const status = readable(wire.status)
  const currency = readable(wire.currency)
  return {
    remoteId: wire.id,
    number: wire.number ?? null,
    status: status === null ? 'unknown' : (STATUS[status.toUpperCase()] ?? 'unknown'),
    rawStatus: status,
    paymentStatus: wire.paymentStatus ?? null,
    counterparty: wire.billToName ?? null,
    notes: wire.notes ?? null,
    issueDate: wire.issueDate ?? null,
    dueDate: wire.dueDate ?? null,
    periodStart: null,
    periodEnd: null,
    currency: currency?.toUpperCase() ?? UNKNOWN_CURRENCY,
    subtotal,
    // Hoursmith sends a tax rate, not an amount: tax is what the total adds to the discounted subtotal.
    tax: subtotal === null || total === null ? null : subtract(total, subtract(subtotal, wire.discountAmount ?? '0')),
    total,
    paid: wire.amountPaid == null ? null : normalizeDecimal(wire.amountPaid),
    hasPdf: false,
    remoteCreatedAt: wire.createdAt ?? null,
    remoteUpdatedAt: wire.updatedAt ?? null,
    removed: wire.deletedAt != null,
    lineItems: [],
    raw
  }
}
