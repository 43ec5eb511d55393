import { pick, seededRandom, uuidFrom } from '../shared/random'

/** An account as the customer API serializes it (account_resource.rb), keyed by its UUID. */
export interface YetiSimAccount {
  id: string
  attributes: {
    name: string
    balance: string
    'min-balance': string
    'max-balance': string
    'destination-rate-limit': string | null
    'origination-capacity': number | null
    'termination-capacity': number | null
    'total-capacity': number | null
    currency: string
  }
}

/** The invoice attributes the customer API serializes (invoice_resource.rb), in its order. */
export interface YetiSimInvoiceAttributes {
  reference: string | null
  'start-date': string
  'end-date': string
  'has-pdf': boolean
  'amount-spent': string
  'originated-amount-spent': string
  'originated-calls-count': number
  'originated-successful-calls-count': number
  'originated-calls-duration': number
  'originated-billing-duration': number
  'originated-first-call-at': string | null
  'originated-last-call-at': string | null
  'terminated-amount-spent': string
  'terminated-calls-count': number
  'terminated-successful-calls-count': number
  'terminated-calls-duration': number
  'terminated-billing-duration': number
  'terminated-first-call-at': string | null
  'terminated-last-call-at': string | null
  'services-amount-spent': string
  'service-transactions-count': number
}

export interface YetiSimInvoice {
  id: string
  /** Server-side only: the customer API serves approved invoices and never shows the state. */
  state: 'new' | 'pending' | 'approved'
  accountId: string
  attributes: YetiSimInvoiceAttributes
}

/** Seed 002, verbatim: the invoice the published "get specific entry" example returns. */
export const SEED_INVOICE_ID = 'abb41d30-a26e-11ef-be6d-0242ac120003'
export const SEED_INVOICE_ATTRIBUTES: YetiSimInvoiceAttributes = {
  reference: '23',
  'start-date': '2024-11-07T09:56:08.253Z',
  'end-date': '2024-11-13T09:56:08.253Z',
  'has-pdf': false,
  'amount-spent': '0.0',
  'originated-amount-spent': '0.0',
  'originated-calls-count': 0,
  'originated-successful-calls-count': 0,
  'originated-calls-duration': 0,
  'originated-billing-duration': 0,
  'originated-first-call-at': null,
  'originated-last-call-at': null,
  'terminated-amount-spent': '0.0',
  'terminated-calls-count': 0,
  'terminated-successful-calls-count': 0,
  'terminated-calls-duration': 0,
  'terminated-billing-duration': 0,
  'terminated-first-call-at': null,
  'terminated-last-call-at': null,
  'services-amount-spent': '0.0',
  'service-transactions-count': 0
}

interface AccountPlan {
  name: string
  currency: string
  /** Local midnight of the operator's billing calendar, as hours east of UTC. */
  utcOffsetHours: number
  period: 'week' | 'month'
  /** Terminates calls to the customer (DIDs) as well as carrying its outbound calls. */
  terminates: boolean
}

const ACCOUNTS: readonly AccountPlan[] = [
  { name: 'Main SIP trunk', currency: 'USD', utcOffsetHours: 0, period: 'month', terminates: false },
  { name: 'Zoë Telecom — Київ', currency: 'EUR', utcOffsetHours: 2, period: 'month', terminates: true },
  // Periods of accounts on the same calendar start at the same instant: sorts need a tie-break.
  { name: 'Harbour & Finch Voice', currency: 'GBP', utcOffsetHours: 0, period: 'month', terminates: false },
  // Payloads are data, never markup: the UI must show this as text (test fixture; see PLAIN_NAMES).
  { name: '<img src=x onerror=alert(1)> Pentest Trunk', currency: 'USD', utcOffsetHours: -5, period: 'month', terminates: true },
  { name: 'DID pool São Paulo', currency: 'BRL', utcOffsetHours: -3, period: 'week', terminates: true }
]

/** Names for the markup probes when test fixtures are off, by account position. */
const PLAIN_NAMES: Record<number, string> = { 3: 'Riverside Contact Centre' }

const EPOCH = Date.UTC(2023, 0, 2)
const DAY = 86_400_000
/**
 * Periods an account's invoices cycle through. A million invoices are far more periods than an
 * account lives; unbounded, monthly periods ran past the year 9999, where an ISO timestamp needs
 * six digits and no real Yeti invoice could be.
 */
const PERIOD_CYCLE = 600

export interface YetiDataset {
  accounts: YetiSimAccount[]
  invoices: YetiSimInvoice[]
}

export interface YetiDatasetOptions {
  /** Invoices in every state; the first is seed 002's example. */
  count: number
  seed?: number
  /** A share of invoices not yet approved, which the customer API does not serve. */
  unapprovedShare?: number
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

export function yetiDataset({ count, seed = 1, unapprovedShare = 0.03, testFixtures = true }: YetiDatasetOptions): YetiDataset {
  const random = seededRandom(seed)
  const accounts = ACCOUNTS.map((plan, position): YetiSimAccount => ({
    id: uuidFrom(random),
    attributes: {
      name: testFixtures ? plan.name : (PLAIN_NAMES[position] ?? plan.name),
      balance: railsDecimal(BigInt(Math.round((random() - 0.2) * 50_000_000))),
      'min-balance': '0.0',
      'max-balance': '100000.0',
      'destination-rate-limit': random() < 0.5 ? null : '0.25',
      'origination-capacity': pick(random, [null, 30, 120] as const),
      'termination-capacity': plan.terminates ? 60 : null,
      'total-capacity': null,
      currency: plan.currency
    }
  }))
  const invoices: YetiSimInvoice[] = []
  const periods = ACCOUNTS.map(() => 0)
  for (let index = 0; index < count; index += 1) {
    if (index === 0 && testFixtures) {
      invoices.push({ id: SEED_INVOICE_ID, state: 'approved', accountId: accounts[0]!.id, attributes: { ...SEED_INVOICE_ATTRIBUTES } })
      continue
    }
    const which = index % ACCOUNTS.length
    const plan = ACCOUNTS[which]!
    const [start, end] = period(plan, periods[which]! % PERIOD_CYCLE)
    periods[which]! += 1
    const state = random() < unapprovedShare ? pick(random, ['new', 'pending'] as const) : 'approved'
    invoices.push({
      id: uuidFrom(random),
      state,
      accountId: accounts[which]!.id,
      attributes: invoiceAttributes(random, plan, index, start, end)
    })
  }
  return { accounts, invoices }
}

function period(plan: AccountPlan, n: number): [number, number] {
  const offset = plan.utcOffsetHours * 3_600_000
  if (plan.period === 'week') return [EPOCH + n * 7 * DAY - offset, EPOCH + (n + 1) * 7 * DAY - offset]
  return [Date.UTC(2023, n, 1) - offset, Date.UTC(2023, n + 1, 1) - offset]
}

function invoiceAttributes(random: () => number, plan: AccountPlan, index: number, start: number, end: number): YetiSimInvoiceAttributes {
  const idle = random() < 0.05
  const originated = idle ? noCalls() : calls(random, start, end, 20_000)
  const terminated = idle || !plan.terminates ? noCalls() : calls(random, start, end, 5_000)
  const transactions = idle || random() < 0.6 ? 0 : 1 + Math.floor(random() * 3)
  // Amounts are drawn in 1/10,000ths; one invoice in fifty carries a rate's full precision
  // (12 places) instead. The total is the exact sum of its parts, as Yeti's counters are.
  const precise = index % 50 === 7
  const exact = (spent: bigint): bigint => spent * 10n ** 8n + (precise && spent !== 0n ? 123_456_789n : 0n)
  const [originatedSpent, terminatedSpent, servicesSpent] = [
    exact(originated.spent),
    exact(terminated.spent),
    exact(BigInt(transactions * 150_000))
  ]
  return {
    reference: random() < 0.02 ? null : String(1000 + index),
    'start-date': new Date(start).toISOString(),
    'end-date': new Date(end).toISOString(),
    'has-pdf': random() < 0.85,
    'amount-spent': railsDecimal(originatedSpent + terminatedSpent + servicesSpent, 12),
    'originated-amount-spent': railsDecimal(originatedSpent, 12),
    'originated-calls-count': originated.count,
    'originated-successful-calls-count': originated.successful,
    'originated-calls-duration': originated.duration,
    'originated-billing-duration': originated.billed,
    'originated-first-call-at': originated.first,
    'originated-last-call-at': originated.last,
    'terminated-amount-spent': railsDecimal(terminatedSpent, 12),
    'terminated-calls-count': terminated.count,
    'terminated-successful-calls-count': terminated.successful,
    'terminated-calls-duration': terminated.duration,
    'terminated-billing-duration': terminated.billed,
    'terminated-first-call-at': terminated.first,
    'terminated-last-call-at': terminated.last,
    'services-amount-spent': railsDecimal(servicesSpent, 12),
    'service-transactions-count': transactions
  }
}

interface Calls {
  spent: bigint
  count: number
  successful: number
  duration: number
  billed: number
  first: string | null
  last: string | null
}

function noCalls(): Calls {
  return { spent: 0n, count: 0, successful: 0, duration: 0, billed: 0, first: null, last: null }
}

function calls(random: () => number, start: number, end: number, most: number): Calls {
  const count = 1 + Math.floor(random() * most)
  const successful = Math.floor(count * (0.4 + random() * 0.5))
  const duration = successful * (20 + Math.floor(random() * 200))
  // Billing rounds every call up to whole minutes or 6-second blocks, so it is never shorter.
  const billed = duration + successful * Math.floor(random() * 30)
  const spent = BigInt(Math.round((billed * (0.005 + random() * 0.05) * 10_000) / 60))
  const first = start + Math.floor(random() * 3_600_000)
  const last = end - 1 - Math.floor(random() * 3_600_000)
  return { spent, count, successful, duration, billed, first: new Date(first).toISOString(), last: new Date(last).toISOString() }
}

/**
 * A scaled integer as Rails renders a BigDecimal attribute: the shortest exact text, always
 * with a fraction ("0.0", "12.5", "1234.5678").
 */
export function railsDecimal(scaled: bigint, digits = 4): string {
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const unit = 10n ** BigInt(digits)
  const fraction = (abs % unit).toString().padStart(digits, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${abs / unit}.${fraction === '' ? '0' : fraction}`
}
