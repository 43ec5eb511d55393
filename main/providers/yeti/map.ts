import type { LineItem } from '../../../preload/contract'
import { normalizeDecimal } from '../../money/decimal'
import type { UnifiedInvoice } from '../unified-invoice'
import type { YetiAccount, YetiInvoice, YetiInvoiceAttributes } from './schemas'

/**
 * The customer API serves approved invoices only (invoice_resource.rb scopes to state
 * "approved"), so no state travels on the wire: this is the state every served invoice is in.
 * Approved means final and sent to the customer; payment is not tracked per invoice (payments
 * go to the account balance), so it is open, never paid.
 */
const RAW_STATUS = 'approved'

/**
 * ISO 4217's code for "no currency", used when the invoice's account was not side-loaded or
 * its install does not expose a currency. It keeps the amount out of every real currency's
 * totals rather than guessing one; the raw payload still names the account.
 */
export const UNKNOWN_CURRENCY = 'XXX'

/** `raw` is the invoice resource exactly as received; `account` is its side-loaded account, if any. */
export function mapYetiInvoice(wire: YetiInvoice, account: YetiAccount | null, raw: unknown): UnifiedInvoice {
  const attributes = wire.attributes
  const periodEnd = utcInstant(attributes['end-date'])
  return {
    remoteId: wire.id,
    number: attributes.reference ?? null,
    status: 'open',
    rawStatus: RAW_STATUS,
    paymentStatus: null,
    counterparty: account?.attributes.name ?? null,
    notes: null,
    // Yeti exposes no issue, created or due date, only the billing period's bounds (instants).
    // An invoice is generated when its period closes, so the period end is when it was issued
    // at the earliest: its date stands in for the issue date.
    issueDate: serverCalendarDate(attributes['end-date']),
    dueDate: null,
    periodStart: utcInstant(attributes['start-date']),
    periodEnd,
    currency: currencyOf(account),
    subtotal: null,
    tax: null,
    total: attributes.total === null ? null : normalizeDecimal(attributes.total),
    paid: null,
    // Yeti-Switch's reference has neither: an invoice is a billing period's statement.
    paidAt: null,
    sentAt: null,
    hasPdf: attributes['has-pdf'],
    remoteCreatedAt: null,
    remoteUpdatedAt: null,
    // Yeti has no soft delete; an invoice that leaves the list is tombstoned by the sync engine.
    removed: false,
    lineItems: lineItems(attributes),
    raw
  }
}

function currencyOf(account: YetiAccount | null): string {
  const name = account?.attributes.currency?.trim()
  return name ? name.toUpperCase() : UNKNOWN_CURRENCY
}

/** Rails renders times in the app's zone; Yeti's default is UTC (`…Z`), which is kept as sent. */
function utcInstant(text: string): string {
  return text.endsWith('Z') ? text : new Date(text).toISOString()
}

/**
 * The date on the operator's own calendar: Rails writes times in the server's zone ($YETI_TZ)
 * with its offset, so the date as written is the server's local date. A period ending at
 * midnight `2025-02-01T00:00+02:00` is February's invoice day, not 31 January in UTC.
 */
function serverCalendarDate(text: string): string {
  return text.slice(0, 10)
}

/**
 * The invoice's own breakdown of what was spent: originated calls, terminated calls, services.
 * A part with no money and no activity is left out, so an idle period has no lines. Calls are
 * priced per destination and second, so no quantity or unit price is claimed.
 */
function lineItems(attributes: YetiInvoiceAttributes): LineItem[] {
  const parts = [
    calls(
      'Originated calls',
      attributes['originated-amount-spent'],
      attributes['originated-calls-count'],
      attributes['originated-successful-calls-count'],
      attributes['originated-billing-duration']
    ),
    calls(
      'Terminated calls',
      attributes['terminated-amount-spent'],
      attributes['terminated-calls-count'],
      attributes['terminated-successful-calls-count'],
      attributes['terminated-billing-duration']
    ),
    services(attributes['services-amount-spent'], attributes['service-transactions-count'])
  ]
  return parts
    .filter(
      (part): part is { description: string; amount: string; active: boolean } =>
        part.amount != null && (part.active || /[1-9]/.test(part.amount))
    )
    .map((part, position) => ({
      position,
      description: part.description,
      quantity: null,
      unitPrice: null,
      amount: normalizeDecimal(part.amount)
    }))
}

type Count = number | null | undefined

function calls(label: string, amount: string | null | undefined, total: Count, successful: Count, billedSeconds: Count) {
  const facts = [
    total != null && `${total} calls`,
    successful != null && `${successful} successful`,
    billedSeconds != null && `${billedSeconds} s billed`
  ].filter(Boolean)
  return { description: facts.length > 0 ? `${label}: ${facts.join(', ')}` : label, amount, active: (total ?? 0) > 0 }
}

function services(amount: string | null | undefined, transactions: Count) {
  return {
    description: transactions != null ? `Services: ${transactions} transactions` : 'Services',
    amount,
    active: (transactions ?? 0) > 0
  }
}
