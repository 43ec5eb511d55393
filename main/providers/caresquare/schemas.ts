/**
 * CareSquare Public API v1 wire format (docs.caresquareapi.com; seeds 000 and 001). Unknown
 * fields are ignored; fields the reference does not promise we depend on may be null or absent.
 */
import { z } from 'zod'
import { wireDate, wireInstant } from '../wire-patterns'
import { orUnreadable } from '../unreadable'

/** Money is a JSON double on this API; map.ts turns it into exact decimal text. */
const money = z.number()

/**
 * Ids are "numeric or UUID" and may arrive as JSON numbers: kept as opaque strings, a number as
 * its decimal text. A number past 2^53 was already changed by JSON.parse, so it is refused.
 */
export const CareSquareId = z
  .union(
    [
      z.string().min(1).max(512),
      z.number().int().nonnegative().refine(Number.isSafeInteger, 'a numeric id larger than 2^53 cannot be kept exactly')
    ],
    'expected a string or numeric id'
  )
  .transform((id) => (typeof id === 'number' ? String(id) : id))

export const CareSquareLineItem = z.object({
  id: CareSquareId.nullish(),
  invoice: CareSquareId.nullish(),
  description: z.string().nullish(),
  quantity: money.nullish(),
  unit_price: money.nullish(),
  total_price: money.nullish(),
  service_item_number: z.string().nullish(),
  claim_status: z.string().nullish(),
  claim_batch_ref: z.string().nullish(),
  claim_number: z.string().nullish(),
  payment_ref: z.string().nullish(),
  is_deleted: z.boolean().nullish(),
  created_at: wireInstant.nullish()
})
export type CareSquareLineItem = z.infer<typeof CareSquareLineItem>

/**
 * GET /invoices/{id}: the bare object (no `data` wrapper). A list row is the same minus
 * `line_items`; only the detail is parsed in full.
 */
export const CareSquareInvoice = z.object({
  id: CareSquareId,
  invoice_number: z.string().nullish(),
  invoice_date: wireDate.nullish(),
  total: orUnreadable(money),
  tax: money.nullish(),
  subtotal: money.nullish(),
  plan_manager: z.string().nullish(),
  participant_id: CareSquareId.nullish(),
  claim_status: orUnreadable(z.string().max(64)),
  approval_status: orUnreadable(z.string().max(64)),
  created_at: wireInstant.nullish(),
  pm_provider_id: CareSquareId.nullish(),
  s3_key: z.string().nullish(),
  email_message_id: z.string().nullish(),
  /** A flag, not a list of errors. */
  errors: z.boolean().nullish(),
  /** Object with errors/ignored_errors, or a string: not read, only kept in the raw payload. */
  state_management: z.unknown().optional(),
  is_deleted: z.boolean().nullish(),
  wont_claim: z.boolean().nullish(),
  is_reimbursement: z.boolean().nullish(),
  is_duplicate: z.boolean().nullish(),
  line_items: z.array(CareSquareLineItem)
})
export type CareSquareInvoice = z.infer<typeof CareSquareInvoice>

/** A list row: only its id is read, because every row is fetched again in full. */
export const CareSquareInvoiceRow = z.object({ id: CareSquareId })

export const CareSquareInvoiceList = z.object({
  data: z.array(z.unknown()),
  pagination: z.object({
    limit: z.number().int().optional(),
    offset: z.number().int().optional(),
    total: z.number().int().nonnegative(),
    has_more: z.boolean()
  })
})

/**
 * GET /invoice-view-sessions/{id} (seed 000), and each row of the list (the `{data, pagination}`
 * envelope of CareSquareInvoiceList). `session_ended` and the counters are null while a session
 * is open; the rest is documented as always present, but only what identifies the session is
 * required, so one odd row never blocks the invoices' activity.
 */
export const CareSquareViewSession = z.object({
  id: CareSquareId,
  invoice_id: CareSquareId,
  user_id: CareSquareId.nullish(),
  user_name: z.string().nullish(),
  session_started: wireInstant,
  session_ended: wireInstant.nullish(),
  last_heartbeat: wireInstant.nullish(),
  duration_seconds: z.number().int().nonnegative().nullish(),
  created_at: wireInstant.nullish(),
  active_duration_seconds: z.number().int().nonnegative().nullish(),
  engaged_duration_seconds: z.number().int().nonnegative().nullish(),
  idle_count: z.number().int().nonnegative().nullish()
})
export type CareSquareViewSession = z.infer<typeof CareSquareViewSession>

/**
 * Error bodies are not documented. Read whatever message a body carries: `message` (the shape
 * of the documented status endpoint), `detail` or `error`.
 */
export const CareSquareError = z
  .object({
    message: z.string().optional(),
    detail: z.string().optional(),
    error: z.union([z.string(), z.object({ message: z.string().optional() })]).optional()
  })
  .transform((body) => body.message ?? body.detail ?? (typeof body.error === 'string' ? body.error : body.error?.message) ?? null)
