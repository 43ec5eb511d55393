import type { AmountUnit, InvoiceStatus, LineItem } from '../../../preload/contract'
import { add, decimalFromJsonNumber, fromMinorUnits } from '../../money/decimal'
import type { UnifiedInvoice } from '../unified-invoice'
import { readable, UNKNOWN_CURRENCY } from '../unreadable'
import type { LynkwellInvoice, LynkwellSubscriptionItem } from './schemas'

/**
 * The seed shows only DRAFT; the rest is the vocabulary of the payment provider Lynkwell bills
 * through (Stripe-like). UNCOLLECTIBLE is still money owed (it can be paid later), so it is
 * open. Anything else is kept as unknown, with the raw status beside it.
 */
const STATUS: Record<string, InvoiceStatus> = {
  DRAFT: 'draft',
  OPEN: 'open',
  UNCOLLECTIBLE: 'open',
  PAID: 'paid',
  VOID: 'void'
}

/**
 * Money: subTotal, taxTotal and item totals are read as major units (dollars, not cents) by
 * default. The reference types them as JSON doubles and writes its example as `123.0`, which
 * suggests major units, but it also writes a count (totalPaymentAttempts) as `123.0`, so the
 * example does not prove it. An account can therefore say its amounts are minor units
 * (`amountUnit: 'minor'`, CLI `--amount-unit minor`): each is then divided by the currency's
 * minor unit (ISO 4217 digits: 100 for USD, 1 for JPY) by moving the decimal point, exactly.
 * Each double is read back as the decimal text the provider wrote (decimalFromJsonNumber), and
 * the total, which Lynkwell does not send, is subTotal + taxTotal added exactly.
 *
 * Dates: Lynkwell sends no issue or due date. The invoice is issued when it is created, so the
 * issue date is createdAt's calendar date in UTC (the API gives no time zone to use instead).
 * Nothing says when payment is due, so the due date stays null rather than being guessed.
 * Period bounds are instants and stay instants.
 *
 * `raw` is the payload exactly as received, pdfUrl included.
 */
export function mapLynkwellInvoice(wire: LynkwellInvoice, raw: unknown, unit: AmountUnit = 'major'): UnifiedInvoice {
  const status = readable(wire.status)
  const currency = readable(wire.currency)?.toUpperCase() ?? null
  const money = (value: number): string =>
    unit === 'minor' ? fromMinorUnits(decimalFromJsonNumber(value), minorUnitDigits(currency)) : decimalFromJsonNumber(value)
  const wireSubtotal = readable(wire.subTotal)
  const wireTax = readable(wire.taxTotal)
  const subtotal = wireSubtotal === null ? null : money(wireSubtotal)
  const tax = wireTax === null ? null : money(wireTax)
  return {
    remoteId: wire.id,
    // Lynkwell has no human invoice number; the id is the only reference and is the remoteId.
    number: null,
    status: status === null ? 'unknown' : (STATUS[status.toUpperCase()] ?? 'unknown'),
    rawStatus: status,
    paymentStatus: null,
    // The payment profile is the billed party (the driver's billing profile): the only
    // counterparty the invoice names.
    counterparty: wire.paymentProfileId || null,
    notes: null,
    issueDate: wire.createdAt ? new Date(wire.createdAt).toISOString().slice(0, 10) : null,
    dueDate: null,
    periodStart: wire.periodStart ?? null,
    periodEnd: wire.periodEnd ?? null,
    currency: currency ?? UNKNOWN_CURRENCY,
    subtotal,
    tax,
    total: subtotal === null || tax === null ? null : add(subtotal, tax),
    // No amount paid is sent; a PAID status says so, but the amount is not ours to invent.
    paid: null,
    // Lynkwell's reference has lastPaymentAttemptDate, an attempt that may have failed, not a
    // payment; and no sent date.
    paidAt: null,
    sentAt: null,
    hasPdf: typeof wire.pdfUrl === 'string' && wire.pdfUrl.length > 0,
    remoteCreatedAt: wire.createdAt ?? null,
    remoteUpdatedAt: null,
    // Lynkwell documents no soft delete: an invoice that vanishes is tombstoned by the walk.
    removed: false,
    lineItems: lineItems(wire, money),
    raw
  }
}

/** Both kinds, in the order the payload lists them: the bare strings, then subscription items. */
function lineItems(wire: LynkwellInvoice, money: (value: number) => string): LineItem[] {
  const described = (wire.invoiceItems ?? []).map((text) => ({ description: text, amount: null }))
  const subscribed = (wire.subscriptionItems ?? []).map((item) => ({
    description: subscriptionDescription(item),
    amount: item.total == null ? null : money(item.total)
  }))
  return [...described, ...subscribed].map((line, position) => ({ position, quantity: null, unitPrice: null, ...line }))
}

function subscriptionDescription(item: LynkwellSubscriptionItem): string {
  if (item.description) return item.description
  const reference = item.priceId ?? item.subscriptionId ?? item.id
  return reference ? `Subscription (${reference})` : 'Subscription'
}

/**
 * The currency's ISO 4217 minor-unit digits, as the runtime's Intl data knows them. A code Intl
 * does not know (the reference's own placeholder is "string") is taken as two digits, the
 * common case; such an invoice shows its code beside the amount, so the guess is visible.
 */
function minorUnitDigits(currency: string | null): number {
  if (currency === null) return 2
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}
