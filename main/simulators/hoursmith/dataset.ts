import type { HoursmithWireInvoice } from '../../providers/hoursmith/schemas'
import { centsToDecimal, pick, seededRandom, uuidFrom } from '../shared/random'

const CLIENTS = [
  { name: 'Northwind Traders', currency: 'USD' },
  { name: 'Zoë Café GmbH', currency: 'EUR' },
  { name: 'Harbour & Finch Ltd', currency: 'GBP' },
  { name: 'Koala Creative Pty', currency: 'AUD' },
  { name: 'Maple Leaf Studio', currency: 'CAD' },
  { name: 'Tanaka Design KK', currency: 'JPY' },
  { name: 'Acme Rocket Supplies', currency: 'USD' },
  { name: 'Fjord Analytics AS', currency: 'EUR' },
  { name: 'Blue Heron Architecture', currency: 'USD' },
  // Payloads are data, never markup: the UI must show this as text (test fixture; see below).
  { name: '<img src=x onerror=alert(1)> Pentest Co', currency: 'USD' }
] as const
/** Stands in for the markup probe when test fixtures are off: same currency, same place. */
const PLAIN_LAST_CLIENT = { name: 'Lumen & Loom Studio', currency: 'USD' } as const

const NOTES = [
  null,
  null,
  'Thank you for your business.',
  'Design sprint, phase 2 — workshops and prototypes',
  'Retainer for ongoing maintenance',
  'Payment within 30 days by bank transfer'
] as const

/** Days since 2024-11-01; the dataset is anchored to a fixed date so it never depends on today. */
const EPOCH = Date.UTC(2024, 10, 1)
const DAY = 86_400_000

export interface DatasetOptions {
  count: number
  seed?: number
  /** A share of invoices soft-deleted upstream (deletedAt set). */
  deletedShare?: number
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

export function hoursmithDataset({ count, seed = 1, deletedShare = 0.01, testFixtures = true }: DatasetOptions): HoursmithWireInvoice[] {
  const random = seededRandom(seed)
  const clients = testFixtures ? CLIENTS : [...CLIENTS.slice(0, -1), PLAIN_LAST_CLIENT]
  const orgId = uuidFrom(random)
  const clientIds = CLIENTS.map(() => uuidFrom(random))
  return Array.from({ length: count }, (_, index) => {
    const clientIndex = Math.floor(random() * CLIENTS.length)
    const client = clients[clientIndex]!
    const minorDigits = client.currency === 'JPY' ? 0 : 2
    const issued = EPOCH + Math.floor((index / Math.max(1, count)) * 730) * DAY
    const status = pick(random, ['DRAFT', 'SENT', 'SENT', 'PAID', 'PAID', 'PAID', 'CANCELLED'] as const)
    const subtotal = Math.round((50 + random() * 9_950) * (minorDigits === 0 ? 1 : 100)) * (minorDigits === 0 ? 100 : 1)
    const discount = random() < 0.2 ? Math.round(subtotal * 0.05) : 0
    const taxPercent = pick(random, [0, 10, 20] as const)
    // Tax rounded half up to the minor unit, in integers: exact, as a real invoice would be.
    const tax = Math.floor(((subtotal - discount) * taxPercent + 50) / 100)
    const total = subtotal - discount + tax
    const paymentStatus = status === 'PAID' ? 'paid' : status === 'SENT' && random() < 0.3 ? 'partially_paid' : 'unpaid'
    const paid = paymentStatus === 'paid' ? total : paymentStatus === 'partially_paid' ? Math.floor(total / 2) : 0
    const created = new Date(issued + 9 * 3_600_000 + Math.floor(random() * 3_600_000))
    const updated = new Date(created.getTime() + Math.floor(random() * 20) * DAY)
    const deleted = random() < deletedShare
    const dueDays = pick(random, [14, 30, 30, 45, null] as const)
    return {
      id: uuidFrom(random),
      orgId,
      clientId: clientIds[clientIndex]!,
      number: `INV-${String(index + 1).padStart(5, '0')}`,
      status,
      paymentStatus,
      subtotal: centsToDecimal(subtotal, minorDigits),
      discountAmount: centsToDecimal(discount, minorDigits),
      taxRate: `${taxPercent}.00`,
      total: centsToDecimal(total, minorDigits),
      amountPaid: centsToDecimal(paid, minorDigits),
      currency: client.currency,
      notes: pick(random, NOTES),
      billToName: client.name,
      issueDate: isoDate(issued),
      dueDate: dueDays === null ? null : isoDate(issued + dueDays * DAY),
      sentAt: status === 'DRAFT' ? null : new Date(created.getTime() + DAY).toISOString(),
      paidAt: status === 'PAID' ? updated.toISOString() : null,
      createdAt: created.toISOString(),
      updatedAt: updated.toISOString(),
      deletedAt: deleted ? updated.toISOString() : null
    }
  })
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
