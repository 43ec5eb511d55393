import { pick, seededRandom, uuidFrom } from '../shared/random'
import type { CareSquareWireInvoice, CareSquareWireLineItem, CareSquareWireViewSession } from './wire'

/** NDIS support items with price-guide-like unit prices in cents; `unit` decides the quantities. */
const SUPPORTS = [
  { code: '01_011_0107_1_1', description: 'Assistance With Self-Care Activities - Standard - Weekday Daytime', cents: 7023, unit: 'hour' },
  { code: '01_013_0107_1_1', description: 'Assistance With Self-Care Activities - Standard - Saturday', cents: 9883, unit: 'hour' },
  { code: '04_104_0125_6_1', description: 'Access Community Social and Rec Activ - Standard - Weekday Daytime', cents: 7023, unit: 'hour' },
  { code: '07_001_0106_8_3', description: 'Support Coordination', cents: 10014, unit: 'hour' },
  { code: '15_056_0128_1_3', description: 'Physiotherapy', cents: 21441, unit: 'hour' },
  { code: '15_043_0128_1_3', description: 'Ergothérapie — séance à domicile (Zoë Ngāta)', cents: 19399, unit: 'hour' },
  { code: '02_051_0108_1_1', description: 'Provider travel - non-labour costs', cents: 97, unit: 'km' },
  { code: '03_092_0103_1_1', description: 'Low cost assistive technology – 防滑垫', cents: 4995, unit: 'each' }
] as const

/** [approval_status, claim_status] pairs, weighted by repetition, one in an unusual spelling. */
const STATUSES: readonly (readonly [string | null, string | null])[] = [
  ['pending', 'received'],
  ['pending', 'received'],
  ['approved', 'received'],
  ['approved', 'new'],
  ['approved', 'pending'],
  ['approved', 'flagged'],
  ['approved', 'payment_ready'],
  ['approved', 'partially_paid'],
  ['approved', 'On Hold'],
  ['approved', 'paid'],
  ['approved', 'paid'],
  ['approved', 'paid'],
  ['approved', 'reconciled'],
  ['not_required', 'paid'],
  ['rejected', 'received'],
  ['approved', 'rejected'],
  ['approved', 'cancelled'],
  [null, null]
]

const QA_ERRORS = ['Check GST', 'Check dates', 'Check item code', 'Possible duplicate', 'First time provider for participant']
const VIEWERS = ['Aroha Ngata', 'Priya Natarajan', 'Liam O’Connor', 'Zoë Chen']

/** Dates are anchored to a fixed day so the dataset never depends on today. */
const EPOCH = Date.UTC(2024, 6, 1)
const DAY = 86_400_000

export interface CareSquareDatasetOptions {
  planManagerId: string
  count: number
  seed?: number
  /** Numeric ids start here, so two plan managers' numeric ids never collide. */
  firstNumericId?: number
  /** A share of invoices soft-deleted upstream (`is_deleted`). */
  deletedShare?: number
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

/**
 * One plan manager's invoices, oldest first. Amounts are computed in integer cents and sent as
 * doubles (cents / 100), as the API sends them; sums only count lines that are not deleted.
 */
export function careSquareDataset({
  planManagerId,
  count,
  seed = 1,
  firstNumericId = 48_000,
  deletedShare = 0.03,
  testFixtures = true
}: CareSquareDatasetOptions): CareSquareWireInvoice[] {
  const random = seededRandom(seed)
  const participants = Array.from({ length: 12 }, () => uuidFrom(random))
  const providers = [...Array.from({ length: 8 }, () => uuidFrom(random)), 'prov_00417', 'prov_01822']
  let numericId = firstNumericId
  const nextId = (): string | number => (random() < 0.5 ? numericId++ : uuidFrom(random))

  return Array.from({ length: count }, (_, index) => {
    const id = nextId()
    const issued = EPOCH + Math.floor((index / Math.max(1, count)) * 540) * DAY
    const createdAt = new Date(issued + DAY + Math.floor(random() * 8 * 3_600_000)).toISOString()
    const [approval, claim] = pick(random, STATUSES)
    const lines = index === 2 ? floatTrapLines(id, createdAt) : randomLines(random, id, createdAt, claim)
    const subtotal = lines.reduce((sum, line) => sum + (line.is_deleted ? 0 : line.cents), 0)
    // NDIS supports are mostly GST-free; some lines carry 10 % GST, rounded half up to the cent.
    const tax = index !== 2 && random() < 0.15 ? Math.floor((subtotal * 10 + 50) / 100) : 0
    const errors = random() < 0.1
    const reimbursement = index !== 3 && random() < 0.08
    const invoice: CareSquareWireInvoice = {
      approval_status: approval,
      claim_status: claim,
      created_at: createdAt,
      email_message_id: random() < 0.6 ? `<${uuidFrom(random)}@mail.caresquare.au>` : null,
      errors,
      id,
      invoice_date: new Date(issued).toISOString().slice(0, 10),
      invoice_number: invoiceNumber(random, index),
      is_deleted: random() < deletedShare,
      is_duplicate: random() < 0.02,
      is_reimbursement: reimbursement,
      line_items: lines.map(({ cents: _cents, ...line }) => line),
      participant_id: random() < 0.95 ? pick(random, participants) : null,
      plan_manager: planManagerId,
      // Ids are data, never markup: this one must show as text wherever it is shown.
      pm_provider_id:
        index === 3 && testFixtures ? '<img src=x onerror=alert(1)>' : reimbursement || random() < 0.05 ? null : pick(random, providers),
      s3_key: random() < 0.9 ? `invoices/${planManagerId}/${String(id)}.pdf` : null,
      state_management: stateManagement(random, errors),
      subtotal: subtotal / 100,
      tax: tax / 100,
      total: (subtotal + tax) / 100,
      wont_claim: random() < 0.03
    }
    return invoice
  })
}

type DraftLine = CareSquareWireLineItem & { cents: number }

function randomLines(random: () => number, invoiceId: string | number, createdAt: string, claim: string | null): DraftLine[] {
  const count = 1 + Math.floor(random() * 4)
  const claimed = claim !== null && claim !== 'received'
  return Array.from({ length: count }, (_, position) => {
    const support = pick(random, SUPPORTS)
    // Quantities in hundredths: quarter hours, tenths of a km, whole items.
    const hundredths =
      support.unit === 'hour'
        ? 25 * (1 + Math.floor(random() * 32))
        : support.unit === 'km'
          ? 10 * (5 + Math.floor(random() * 400))
          : 100 * (1 + Math.floor(random() * 3))
    const cents = Math.floor((hundredths * support.cents + 50) / 100)
    return {
      id: typeof invoiceId === 'number' ? invoiceId * 10 + position : `${invoiceId}-${position + 1}`,
      invoice: String(invoiceId),
      description: support.description,
      quantity: hundredths / 100,
      unit_price: support.cents / 100,
      total_price: cents / 100,
      service_item_number: support.code,
      claim_status: claim,
      claim_batch_ref: claimed ? `BATCH-${createdAt.slice(0, 10).replaceAll('-', '')}` : null,
      claim_number: claimed ? String(100_000 + Math.floor(random() * 900_000)) : null,
      payment_ref: claim === 'paid' || claim === 'reconciled' ? `PAY-${Math.floor(random() * 1e8)}` : null,
      is_deleted: position > 0 && random() < 0.12,
      created_at: createdAt,
      cents
    }
  })
}

/** 0.1 + 0.2 is not 0.3 in binary floating point: a client that adds doubles gets this wrong. */
function floatTrapLines(invoiceId: string | number, createdAt: string): DraftLine[] {
  return [10, 20].map((cents, position) => ({
    id: `${String(invoiceId)}-trap-${position + 1}`,
    invoice: String(invoiceId),
    description: position === 0 ? 'Consumables — gloves' : 'Consumables — wipes',
    quantity: 1,
    unit_price: cents / 100,
    total_price: cents / 100,
    service_item_number: '03_040_0103_1_1',
    claim_status: 'received',
    claim_batch_ref: null,
    claim_number: null,
    payment_ref: null,
    is_deleted: false,
    created_at: createdAt,
    cents
  }))
}

function invoiceNumber(random: () => number, index: number): string | null {
  if (index === 4) return 'Zoë-Ōtautahi/2024-0042'
  if (random() < 0.04) return null
  return `INV-${String(1_000 + index)}`
}

function stateManagement(random: () => number, errors: boolean): Record<string, unknown> | string {
  if (errors) return { errors: [pick(random, QA_ERRORS)], ignored_errors: random() < 0.3 ? [pick(random, QA_ERRORS)] : [] }
  return pick(random, [{}, { errors: [], ignored_errors: [] }, 'processed', 'ready_for_claim'] as const)
}

/** A few view sessions for some of a plan manager's invoices; a session still open has nulls. */
export function careSquareViewSessions(invoices: readonly CareSquareWireInvoice[], seed = 1): CareSquareWireViewSession[] {
  const random = seededRandom(seed ^ 0x5eed)
  const viewers = VIEWERS.map((name) => ({ id: uuidFrom(random), name }))
  return invoices.flatMap((invoice) =>
    Array.from({ length: random() < 0.3 ? 1 + Math.floor(random() * 3) : 0 }, () => {
      const viewer = pick(random, viewers)
      const started = Date.parse(invoice.created_at) + Math.floor(random() * 3 * DAY)
      const duration = 20 + Math.floor(random() * 900)
      const open = random() < 0.1
      const active = Math.floor(duration * (0.5 + random() / 2))
      return {
        id: uuidFrom(random),
        invoice_id: String(invoice.id),
        user_id: viewer.id,
        user_name: viewer.name,
        session_started: new Date(started).toISOString(),
        session_ended: open ? null : new Date(started + duration * 1000).toISOString(),
        last_heartbeat: new Date(started + duration * 1000).toISOString(),
        duration_seconds: open ? null : duration,
        created_at: new Date(started).toISOString(),
        active_duration_seconds: open ? null : active,
        engaged_duration_seconds: open ? null : Math.floor(active * (0.4 + random() / 2)),
        idle_count: open ? null : Math.floor(random() * 4)
      }
    })
  )
}
