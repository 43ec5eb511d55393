import type { InvoiceFlag, InvoiceStatus, LineItem } from '../../../preload/contract'
import { decimalFromJsonNumber } from '../../money/decimal'
import type { UnifiedInvoice } from '../unified-invoice'
import type { UnifiedViewSession } from '../unified-view-session'
import { isUnreadable, readable } from '../unreadable'
import type { CareSquareInvoice, CareSquareLineItem, CareSquareViewSession } from './schemas'

/** The API has no currency field: CareSquare plan-manages NDIS funding, which is in AUD. */
const CURRENCY = 'AUD'

/*
 * The reference types both statuses as plain strings and lists no values. These sets follow the
 * invoice workflow in CareSquare's knowledge base (“Looking up an invoice and its status”):
 * received → claimed from the NDIA (new, flagged, pending, processed: payment ready, partially
 * ready, partially paid, rejected, on hold, cancelled) → paid to the provider (lines reconciled).
 * Values are compared case-, space- and hyphen-insensitively; anything else is `unknown`.
 */
const CLAIM_PAID = new Set(['paid', 'reconciled', 'payment_sent', 'remitted'])
const CLAIM_VOID = new Set(['cancelled', 'canceled', 'rejected', 'void', 'voided'])
const CLAIM_OPEN = new Set([
  'new',
  'flagged',
  'pending',
  'submitted',
  'claimed',
  'processing',
  'processed',
  'payment_ready',
  'partially_ready',
  'partially_paid',
  'on_hold'
])
const CLAIM_NOT_YET = new Set(['', 'received', 'unclaimed', 'not_claimed', 'not_submitted', 'draft'])
const APPROVAL_VOID = new Set(['rejected', 'declined'])
const APPROVAL_GIVEN = new Set(['approved', 'auto_approved', 'not_required'])
const APPROVAL_AWAITED = new Set(['', 'pending', 'awaiting_approval', 'requires_approval', 'required'])

/** `raw` is the detail payload exactly as received, unknown fields and `state_management` included. */
export function mapCareSquareInvoice(wire: CareSquareInvoice, raw: unknown): UnifiedInvoice {
  const claimStatus = readable(wire.claim_status)
  // An unreadable status is not an absent one (which means "not claimed yet"): it is unknown.
  const status =
    isUnreadable(wire.claim_status) || isUnreadable(wire.approval_status)
      ? 'unknown'
      : deriveStatus(claimStatus, readable(wire.approval_status))
  const wireTotal = readable(wire.total)
  const total = wireTotal === null ? null : decimalFromJsonNumber(wireTotal)
  return {
    remoteId: wire.id,
    number: wire.invoice_number ?? null,
    status,
    rawStatus: readableStatus(wire),
    paymentStatus: claimStatus,
    counterparty: counterparty(wire),
    notes: null,
    issueDate: wire.invoice_date ?? null,
    dueDate: null,
    periodStart: null,
    periodEnd: null,
    currency: CURRENCY,
    subtotal: wire.subtotal == null ? null : decimalFromJsonNumber(wire.subtotal),
    tax: wire.tax == null ? null : decimalFromJsonNumber(wire.tax),
    total,
    // Only a paid claim says how much was paid; a partial payment's amount is not in the API.
    paid: status === 'paid' ? total : null,
    // CareSquare's reference has no paid or sent date (claim and approval statuses only).
    paidAt: null,
    sentAt: null,
    // The only pointer to the document is an internal S3 key; the API serves no PDF.
    hasPdf: false,
    remoteCreatedAt: wire.created_at ?? null,
    remoteUpdatedAt: null,
    removed: wire.is_deleted === true,
    lineItems: lineItems(wire.line_items),
    flags: flagsOf(wire),
    raw
  }
}

/** The flags a plan manager works by; absent or null means not set. */
function flagsOf(wire: CareSquareInvoice): InvoiceFlag[] {
  const flags: InvoiceFlag[] = []
  if (wire.is_duplicate === true) flags.push('duplicate')
  if (wire.wont_claim === true) flags.push('wontClaim')
  if (wire.errors === true) flags.push('errors')
  return flags
}

export function deriveStatus(claimStatus: string | null | undefined, approvalStatus: string | null | undefined): InvoiceStatus {
  const claim = normalize(claimStatus)
  const approval = normalize(approvalStatus)
  if (CLAIM_PAID.has(claim)) return 'paid'
  if (CLAIM_VOID.has(claim) || APPROVAL_VOID.has(approval)) return 'void'
  if (CLAIM_OPEN.has(claim)) return 'open'
  if (!CLAIM_NOT_YET.has(claim)) return 'unknown'
  // Received but not yet claimed: approved invoices are owed; the rest are still being reviewed.
  if (APPROVAL_GIVEN.has(approval)) return 'open'
  if (APPROVAL_AWAITED.has(approval)) return 'draft'
  return 'unknown'
}

function normalize(status: string | null | undefined): string {
  return (status ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/** e.g. “approval: approved / claim: paid”, with the flags that change what the status means. */
function readableStatus(wire: CareSquareInvoice): string {
  const parts = [`approval: ${readable(wire.approval_status) ?? '—'}`, `claim: ${readable(wire.claim_status) ?? '—'}`]
  if (wire.wont_claim === true) parts.push('won’t claim')
  if (wire.is_duplicate === true) parts.push('duplicate')
  if (wire.is_deleted === true) parts.push('deleted')
  return parts.join(' / ')
}

/**
 * The API names no one: it gives the provider's and the participant's ids only. The other party
 * is the provider, or the participant for a reimbursement (they are the one paid).
 */
function counterparty(wire: CareSquareInvoice): string | null {
  const provider = wire.pm_provider_id == null ? null : `Provider ${wire.pm_provider_id}`
  const participant = wire.participant_id == null ? null : `Participant ${wire.participant_id}`
  return wire.is_reimbursement === true ? (participant ?? provider) : (provider ?? participant)
}

/** Deleted lines are dropped; positions are those of the lines kept. */
function lineItems(lines: CareSquareLineItem[]): LineItem[] {
  return lines
    .filter((line) => line.is_deleted !== true)
    .map((line, position) => ({
      position,
      description: line.description ?? line.service_item_number ?? '',
      quantity: line.quantity == null ? null : decimalFromJsonNumber(line.quantity),
      unitPrice: line.unit_price == null ? null : decimalFromJsonNumber(line.unit_price),
      amount: line.total_price == null ? null : decimalFromJsonNumber(line.total_price)
    }))
}

/** Instants become UTC ISO 8601, so sessions from any source sort and compare as text. */
export function mapCareSquareViewSession(wire: CareSquareViewSession, raw: unknown): UnifiedViewSession {
  const instant = (text: string | null | undefined): string | null => (text == null ? null : new Date(text).toISOString())
  return {
    remoteId: wire.id,
    invoiceRemoteId: wire.invoice_id,
    userId: wire.user_id ?? null,
    userName: wire.user_name ?? null,
    startedAt: instant(wire.session_started)!,
    endedAt: instant(wire.session_ended),
    lastHeartbeatAt: instant(wire.last_heartbeat),
    createdAt: instant(wire.created_at),
    durationSeconds: wire.duration_seconds ?? null,
    activeSeconds: wire.active_duration_seconds ?? null,
    engagedSeconds: wire.engaged_duration_seconds ?? null,
    idleCount: wire.idle_count ?? null,
    raw
  }
}
