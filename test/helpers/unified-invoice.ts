import type { UnifiedInvoice } from '../../main/providers/unified-invoice'

/** A unified invoice as a connector would produce it: open, EUR 5.00, no lines, with `fields` over it. */
export function unifiedInvoice(remoteId: string, fields: Partial<UnifiedInvoice> = {}): UnifiedInvoice {
  return {
    remoteId,
    number: null,
    status: 'open',
    rawStatus: 'SENT',
    paymentStatus: null,
    counterparty: null,
    notes: null,
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    periodStart: null,
    periodEnd: null,
    currency: 'EUR',
    subtotal: null,
    tax: null,
    total: '5.00',
    paid: null,
    hasPdf: false,
    remoteCreatedAt: null,
    remoteUpdatedAt: null,
    removed: false,
    lineItems: [],
    raw: { id: remoteId },
    ...fields
  }
}
