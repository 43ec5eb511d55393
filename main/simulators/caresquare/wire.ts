/**
 * CareSquare records exactly as the Public API v1 sends them (seeds 000 and 001), including
 * the seed pages' own examples, which the simulator serves verbatim.
 */

/** "numeric or UUID": numeric ids go out as JSON numbers. */
export type CareSquareWireId = string | number

export interface CareSquareWireLineItem {
  id: CareSquareWireId
  invoice: string
  description: string | null
  quantity: number | null
  unit_price: number | null
  total_price: number | null
  service_item_number: string | null
  claim_status: string | null
  claim_batch_ref: string | null
  claim_number: string | null
  payment_ref: string | null
  is_deleted: boolean
  created_at: string
}

/** The detail (GET /invoices/{id}); a list row is the same without `line_items`. */
export interface CareSquareWireInvoice {
  approval_status: string | null
  claim_status: string | null
  created_at: string
  email_message_id: string | null
  errors: boolean
  id: CareSquareWireId
  invoice_date: string
  invoice_number: string | null
  is_deleted: boolean
  is_duplicate: boolean
  is_reimbursement: boolean
  line_items: CareSquareWireLineItem[]
  participant_id: string | null
  plan_manager: string
  pm_provider_id: string | null
  s3_key: string | null
  state_management: Record<string, unknown> | string
  subtotal: number
  tax: number
  total: number
  wont_claim: boolean
}

export interface CareSquareWireViewSession {
  id: string
  invoice_id: string
  user_id: string
  user_name: string
  session_started: string
  session_ended: string | null
  last_heartbeat: string
  duration_seconds: number | null
  created_at: string
  active_duration_seconds: number | null
  engaged_duration_seconds: number | null
  idle_count: number | null
}

/** The list row's fields, in the order the list reference shows them. */
export const SUMMARY_FIELDS = [
  'id',
  'invoice_number',
  'invoice_date',
  'total',
  'tax',
  'subtotal',
  'plan_manager',
  'participant_id',
  'claim_status',
  'approval_status',
  'created_at',
  'pm_provider_id',
  's3_key',
  'email_message_id',
  'errors',
  'state_management',
  'is_deleted',
  'wont_claim',
  'is_reimbursement',
  'is_duplicate'
] as const satisfies readonly (keyof CareSquareWireInvoice)[]

/** Seed 001: the example response of GET /invoices/{invoice_id}, verbatim. */
export function seedExampleInvoice(): CareSquareWireInvoice {
  return {
    approval_status: 'string',
    claim_status: 'string',
    created_at: '2024-01-15T09:30:00Z',
    email_message_id: 'string',
    errors: true,
    id: 'string',
    invoice_date: '2023-01-15',
    invoice_number: 'string',
    is_deleted: true,
    is_duplicate: true,
    is_reimbursement: true,
    line_items: [
      {
        id: 'string',
        invoice: 'string',
        description: 'string',
        quantity: 1.1,
        unit_price: 1.1,
        total_price: 1.1,
        service_item_number: 'string',
        claim_status: 'string',
        claim_batch_ref: 'string',
        claim_number: 'string',
        payment_ref: 'string',
        is_deleted: true,
        created_at: '2024-01-15T09:30:00Z'
      }
    ],
    participant_id: 'string',
    plan_manager: 'string',
    pm_provider_id: 'string',
    s3_key: 'string',
    state_management: {},
    subtotal: 1.1,
    tax: 1.1,
    total: 1.1,
    wont_claim: true
  }
}

/** Seed 000: the example response of GET /invoice-view-sessions/{session_id}, verbatim. */
export function seedExampleViewSession(): CareSquareWireViewSession {
  return {
    id: 'string',
    invoice_id: 'string',
    user_id: 'string',
    user_name: 'string',
    session_started: '2024-01-15T09:30:00Z',
    session_ended: '2024-01-15T09:30:00Z',
    last_heartbeat: '2024-01-15T09:30:00Z',
    duration_seconds: 1,
    created_at: '2024-01-15T09:30:00Z',
    active_duration_seconds: 1,
    engaged_duration_seconds: 1,
    idle_count: 1
  }
}
