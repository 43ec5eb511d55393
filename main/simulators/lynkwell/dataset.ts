import type { LynkwellWireInvoice, LynkwellSubscriptionItem } from '../../providers/lynkwell/schemas'
import { pick, seededRandom, uuidFrom } from '../shared/random'

/** The seed page's example (seed 004, "Get an invoice by id"), verbatim: placeholders and all. */
export const LYNKWELL_SEED_INVOICE: LynkwellWireInvoice = {
  id: 'string',
  paymentProfileId: 'string',
  network: 'string',
  pdfUrl: 'string',
  status: 'DRAFT',
  totalPaymentAttempts: 123.0,
  subTotal: 123.0,
  taxTotal: 123.0,
  currency: 'string',
  invoiceItems: ['string'],
  subscriptionItems: [
    {
      id: 'string',
      network: 'string',
      total: 123.0,
      currency: 'string',
      paymentProfileId: 'string',
      priceId: 'string',
      invoiceId: 'string',
      subscriptionId: 'string',
      description: 'string',
      createdAt: 'string',
      updatedAt: 'string'
    }
  ],
  lastPaymentAttemptDate: '2023-06-07T17:32:28Z',
  periodStart: '2023-06-07T17:32:28Z',
  periodEnd: '2023-06-07T17:32:28Z',
  createdAt: '2023-06-07T17:32:28Z'
}

/** Charging networks and their markets: the currency, and sales-tax rates in thousandths of a percent. */
const NETWORKS = [
  { id: 'net_riverside_ev', currency: 'USD', taxRates: [0, 6_250, 8_875] },
  { id: 'net_greenway_fleet', currency: 'USD', taxRates: [0, 7_000] },
  { id: 'net_maple_charge', currency: 'CAD', taxRates: [5_000, 13_000] }
] as const

const PLANS = [
  { description: 'Fleet charging plan — monthly', cents: 4_900 },
  { description: 'Driver membership (unlimited Level 2)', cents: 1_999 },
  { description: 'Reserved bay at Zoë’s Café garage', cents: 12_000 },
  { description: 'Workplace charging — 5 seats', cents: 22_500 },
  // Payloads are data, never markup: the UI must show this as text.
  { description: '<img src=x onerror=alert(1)> Pentest plan', cents: 100 }
] as const

const SITES = ['Riverside Garage #2', 'Harbour & Finch depot', 'Zoë’s Café', 'Main St. Lot B', '東京 Station 7'] as const

const STATUSES = ['DRAFT', 'OPEN', 'OPEN', 'PAID', 'PAID', 'PAID', 'PAID', 'VOID', 'UNCOLLECTIBLE'] as const

/** Periods are months from 2024-01; the dataset never depends on today. */
const EPOCH_YEAR = 2024
const HOUR = 3_600_000

export interface LynkwellDatasetOptions {
  count: number
  seed?: number
  /** Where each invoice's pdfUrl points (the simulator's own origin). */
  pdfBaseUrl?: string
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

/**
 * A deterministic dataset: the seed example first, then generated invoices with a few edge cases
 * at fixed places (float traps, huge amounts, nulls, empty item lists, an unmapped status).
 * Amounts are built in integer cents and written as JSON numbers in major units, as Lynkwell does.
 */
export function lynkwellDataset({
  count,
  seed = 1,
  pdfBaseUrl = 'https://billing-files.lynkwell.invalid/invoices',
  testFixtures = true
}: LynkwellDatasetOptions): LynkwellWireInvoice[] {
  const random = seededRandom(seed)
  const profiles = Array.from({ length: 40 }, () => `pp_${uuidFrom(random).replace(/-/g, '').slice(0, 20)}`)
  const invoices = Array.from({ length: count }, (_, index) =>
    index === 0 && testFixtures ? structuredClone(LYNKWELL_SEED_INVOICE) : generated(random, index, count, profiles, pdfBaseUrl)
  )
  for (const [index, patch] of EDGE_CASES.entries()) {
    const target = invoices[index + 1]
    if (target) Object.assign(target, patch)
  }
  return invoices
}

const EDGE_CASES: Partial<LynkwellWireInvoice>[] = [
  // 0.1 + 0.2 in binary floating point is 0.30000000000000004; the total must be 0.30.
  { subTotal: 0.1, taxTotal: 0.2, currency: 'USD', subscriptionItems: [], invoiceItems: ['Idle fee'] },
  { subTotal: 1234567.89, taxTotal: 98765.43, currency: 'USD' },
  {
    pdfUrl: null,
    lastPaymentAttemptDate: null,
    periodStart: null,
    periodEnd: null,
    invoiceItems: [],
    subscriptionItems: [],
    currency: 'cad',
    subTotal: 0,
    taxTotal: 0
  },
  { status: 'PROCESSING', pdfUrl: '' },
  { invoiceItems: ['<img src=x onerror=alert(1)> session', 'Séance de recharge — 東京 Station 7'] }
]

function generated(random: () => number, index: number, count: number, profiles: string[], pdfBaseUrl: string): LynkwellWireInvoice {
  const id = uuidFrom(random)
  const network = pick(random, NETWORKS)
  const profile = pick(random, profiles)
  const status = pick(random, STATUSES)
  const month = Math.floor((index / Math.max(1, count)) * 24)
  const periodStart = Date.UTC(EPOCH_YEAR, month, 1)
  const periodEnd = Date.UTC(EPOCH_YEAR, month + 1, 1)
  const created = periodEnd + Math.floor(random() * 6 * HOUR)

  const subscriptionItems = Array.from({ length: 1 + Math.floor(random() * 2) }, (): LynkwellSubscriptionItem & { cents: number } => {
    const plan = pick(random, PLANS)
    return {
      cents: plan.cents,
      id: uuidFrom(random),
      network: network.id,
      total: plan.cents / 100,
      currency: network.currency,
      paymentProfileId: profile,
      priceId: `price_${uuidFrom(random).slice(0, 8)}`,
      invoiceId: id,
      subscriptionId: `sub_${uuidFrom(random).slice(0, 8)}`,
      description: plan.description,
      createdAt: isoSeconds(created),
      updatedAt: isoSeconds(created)
    }
  })
  // Charging sessions are billed as bare strings; their amounts only show in the subtotal.
  const sessions = Array.from({ length: Math.floor(random() * 4) }, () => ({
    cents: 150 + Math.floor(random() * 4_850),
    text: `Charging session ${uuidFrom(random).slice(0, 6).toUpperCase()} — ${(2 + random() * 60).toFixed(3)} kWh at ${pick(random, SITES)}`
  }))
  const subCents = subscriptionItems.reduce((sum, item) => sum + item.cents, 0) + sessions.reduce((sum, session) => sum + session.cents, 0)
  const rate = pick(random, network.taxRates)
  // Tax rounded half up to the cent, in integers: exact, as a real invoice would be.
  const taxCents = Math.floor((subCents * rate + 50_000) / 100_000)
  const attempts = status === 'DRAFT' ? 0 : status === 'PAID' ? 1 : Math.floor(random() * 4)
  return {
    id,
    paymentProfileId: profile,
    network: network.id,
    pdfUrl: status === 'DRAFT' ? '' : `${pdfBaseUrl}/${id}.pdf`,
    status,
    totalPaymentAttempts: attempts,
    subTotal: subCents / 100,
    taxTotal: taxCents / 100,
    currency: network.currency,
    invoiceItems: sessions.map((session) => session.text),
    subscriptionItems: subscriptionItems.map(({ cents: _cents, ...item }) => item),
    lastPaymentAttemptDate: attempts > 0 ? isoSeconds(created + 2 * HOUR) : null,
    periodStart: isoSeconds(periodStart),
    periodEnd: isoSeconds(periodEnd),
    createdAt: isoSeconds(created)
  }
}

/** The API writes instants without milliseconds (2023-06-07T17:32:28Z). */
function isoSeconds(ms: number): string {
  return new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z')
}
