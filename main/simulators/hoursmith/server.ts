/**
 * A Hoursmith API v1 simulator on 127.0.0.1, speaking the documented wire format: Bearer
 * `hsk_…` tokens checked on every request, plan and role gates (402/403), cursor paging bound
 * to the sort, the error envelope, and per-token rate limits with X-RateLimit-* headers and
 * Retry-After. The demo workspace, the tests and the benchmarks all run against it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HoursmithWireInvoice } from '../../providers/hoursmith/schemas'
import { withFaults, type FaultPlan } from '../shared/faults'
import { listenOnLoopback } from '../../net/loopback-server'
import { sendJson } from '../shared/raw-json'
import { badRecords, mixedIn, type BadRecord } from '../shared/bad-records'
import { hoursmithDataset } from './dataset'
import { SlidingWindowLimiter, type WindowLimits } from './rate-limit'

export interface HoursmithTokenGrant {
  plan?: 'free' | 'studio' | 'agency'
  role?: 'owner' | 'admin' | 'manager' | 'member'
  workspace?: string
}

export interface HoursmithSimulatorOptions {
  /** The invoices to serve, or how many to generate. */
  invoices?: HoursmithWireInvoice[] | number
  seed?: number
  tokens: Record<string, HoursmithTokenGrant>
  port?: number
  /** Overrides the documented limits (Studio: 30 per 10 s burst, 600 per 60 s sustained; Agency: double) for every plan. */
  rateLimits?: { burst: number; burstWindowMs: number; sustained: number; sustainedWindowMs: number }
  now?: () => number
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
  /** Injected misbehaviour (5xx, 429, resets, slowness, malformed pages), for fault tests. */
  faults?: FaultPlan
  /** Mixes records no reference promises among the good ones (see shared/bad-records.ts). */
  badRecords?: boolean
}

export interface HoursmithSimulator {
  /** The base URL a Quire account uses, ending in /api/v1. */
  baseUrl: string
  /** The live dataset: tests change it between syncs and compare the cache with it. */
  invoices: HoursmithWireInvoice[]
  /** The bad records mixed in (bad-records mode), also in `invoices`. */
  badRecords: BadRecord[]
  requests: { count: number }
  /** Call after changing `invoices`, so paging sees the change. */
  changed(): void
  close(): Promise<void>
}

export const HOURSMITH_TOKEN_SHAPE = /^hsk_(live|test)_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/
const SORTABLE = new Set([
  'amountPaid',
  'createdAt',
  'dueDate',
  'id',
  'issueDate',
  'number',
  'paidAt',
  'paymentStatus',
  'sentAt',
  'status',
  'total',
  'updatedAt'
])
const MAX_LIMIT = 200
const HOURSMITH_BAD_RECORD_FIELDS = {
  total: 'total',
  money: 'decimal-string',
  currency: 'currency',
  status: 'status',
  text: 'notes'
} as const
/** The documented per-token budgets (rate-limits page): Agency has double Studio's. */
const STUDIO_LIMITS: WindowLimits = { burst: 30, burstWindowMs: 10_000, sustained: 600, sustainedWindowMs: 60_000 }
const AGENCY_LIMITS: WindowLimits = { burst: 60, burstWindowMs: 10_000, sustained: 1_200, sustainedWindowMs: 60_000 }

export async function startHoursmithSimulator(options: HoursmithSimulatorOptions): Promise<HoursmithSimulator> {
  const good = Array.isArray(options.invoices)
    ? options.invoices
    : hoursmithDataset({ count: options.invoices ?? 250, seed: options.seed ?? 1, testFixtures: options.testFixtures })
  const bad = options.badRecords
    ? badRecords(
        good.filter((invoice) => invoice.deletedAt === null).filter((_, index) => index % 9 === 4),
        HOURSMITH_BAD_RECORD_FIELDS
      )
    : []
  const invoices = bad.length > 0 ? mixedIn(good, bad) : good
  const now = options.now ?? Date.now
  const limiters = new Map<string, { limits: WindowLimits; limiter: SlidingWindowLimiter }>()
  const limiterFor = (plan: HoursmithTokenGrant['plan']) => {
    const limits = options.rateLimits ?? (plan === 'agency' ? AGENCY_LIMITS : STUDIO_LIMITS)
    const key = options.rateLimits ? 'all' : plan === 'agency' ? 'agency' : 'studio'
    let entry = limiters.get(key)
    if (!entry) limiters.set(key, (entry = { limits, limiter: new SlidingWindowLimiter(limits, now) }))
    return entry
  }
  const requests = { count: 0 }
  const sorted = new SortedViews(invoices)

  const server = await listenOnLoopback(
    withFaults((request, response, url) => {
      requests.count += 1
      const path = url.pathname.replace(/^\/api\/v1/, '')
      if (!url.pathname.startsWith('/api/v1/')) return fail(response, 404, 'not_found', 'No such route.')
      if (request.method !== 'GET') return fail(response, 405, 'bad_request', 'Invoices are read-only in API v1.')

      const token = bearer(request)
      const grant = token === null ? undefined : options.tokens[token]
      if (token === null || !HOURSMITH_TOKEN_SHAPE.test(token) || !grant) {
        return fail(response, 401, 'unauthenticated', 'Missing or invalid API token.')
      }
      const { limits, limiter } = limiterFor(grant.plan)
      const budget = limiter.take(token)
      const headers = {
        'X-RateLimit-Limit': String(limits.sustained),
        'X-RateLimit-Remaining': String(budget.remaining),
        'X-RateLimit-Reset': String(Math.ceil(budget.resetAtMs / 1000))
      }
      if (!budget.allowed) {
        return fail(response, 429, 'rate_limited', 'Too many requests.', {
          ...headers,
          'Retry-After': String(Math.max(1, Math.ceil(budget.retryAfterMs / 1000)))
        })
      }
      if ((grant.plan ?? 'studio') === 'free') {
        return sendJson(
          response,
          402,
          {
            error: { code: 'forbidden_plan', message: 'API access requires the Studio plan.', requiredPlan: 'studio', feature: 'apiAccess' }
          },
          headers
        )
      }
      if (path === '/me') {
        return sendJson(
          response,
          200,
          {
            data: {
              workspace: { id: 'ws_demo', name: grant.workspace ?? 'Demo Studio' },
              role: grant.role ?? 'owner',
              plan: grant.plan ?? 'studio',
              scopes: ['invoices:read']
            }
          },
          headers
        )
      }
      if (grant.role === 'member') return fail(response, 403, 'forbidden_scope', 'Members cannot access invoices.', headers)
      if (path === '/invoices') return listInvoices(response, url, sorted, headers)
      const match = /^\/invoices\/([^/]+)$/.exec(path)
      if (match) {
        const invoice = invoices.find((candidate) => candidate.id === decodeURIComponent(match[1]!))
        return invoice
          ? sendJson(response, 200, { data: invoice }, headers)
          : fail(response, 404, 'not_found', 'Invoice not found.', headers)
      }
      return fail(response, 404, 'not_found', 'No such route.', headers)
    }, options.faults),
    options.port
  )

  return {
    baseUrl: `${server.origin}/api/v1`,
    invoices,
    badRecords: bad,
    requests,
    changed: () => sorted.invalidate(),
    close: () => server.close()
  }
}

function listInvoices(response: ServerResponse, url: URL, sorted: SortedViews, headers: Record<string, string>): void {
  const limitText = url.searchParams.get('limit') ?? '50'
  const limit = Number(limitText)
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_LIMIT) {
    return fail(response, 400, 'bad_request', `limit must be between 1 and ${MAX_LIMIT}.`, headers, { limit: 'out of range' })
  }
  const sort = url.searchParams.get('sort') ?? '-createdAt'
  const field = sort.replace(/^-/, '')
  if (!SORTABLE.has(field)) return fail(response, 400, 'bad_request', `Cannot sort by ${field}.`, headers, { sort: 'not sortable' })
  const view = sorted.get(sort)
  let start = 0
  const cursor = url.searchParams.get('cursor')
  if (cursor !== null) {
    const position = decodeCursor(cursor)
    if (!position || position.sort !== sort)
      return fail(response, 400, 'bad_request', 'The cursor does not belong to this sort.', headers, { cursor: 'invalid' })
    start = view.firstAfter(position.key, position.id)
  }
  const page = view.items.slice(start, start + limit)
  const last = page.at(-1)
  const hasMore = start + limit < view.items.length
  sendJson(response, 200, { data: page, pagination: { nextCursor: hasMore && last ? encodeCursor(sort, last) : null, limit } }, headers)
}

type SortKey = string | null

/** Sorted copies of the dataset per sort, dropped whenever the dataset is said to have changed. */
class SortedViews {
  private readonly cache = new Map<string, SortedView>()

  constructor(private readonly invoices: HoursmithWireInvoice[]) {}

  get(sort: string): SortedView {
    let view = this.cache.get(sort)
    if (!view) {
      view = new SortedView(this.invoices, sort)
      this.cache.set(sort, view)
    }
    return view
  }

  invalidate(): void {
    this.cache.clear()
  }
}

class SortedView {
  readonly items: HoursmithWireInvoice[]
  private readonly descending: boolean
  private readonly field: keyof HoursmithWireInvoice

  constructor(invoices: HoursmithWireInvoice[], sort: string) {
    this.descending = sort.startsWith('-')
    this.field = sort.replace(/^-/, '') as keyof HoursmithWireInvoice
    this.items = [...invoices].sort((a, b) => this.compare(keyOf(a, this.field), a.id, keyOf(b, this.field), b.id))
  }

  /** Index of the first item strictly after (key, id) in this order. */
  firstAfter(key: SortKey, id: string): number {
    let low = 0
    let high = this.items.length
    while (low < high) {
      const mid = (low + high) >> 1
      const item = this.items[mid]!
      if (this.compare(keyOf(item, this.field), item.id, key, id) <= 0) low = mid + 1
      else high = mid
    }
    return low
  }

  /** Nulls first ascending, last descending (as documented); id breaks ties, always ascending. */
  private compare(aKey: SortKey, aId: string, bKey: SortKey, bId: string): number {
    const byKey = aKey === bKey ? 0 : aKey === null ? -1 : bKey === null ? 1 : compareValues(aKey, bKey)
    if (byKey !== 0) return this.descending ? -byKey : byKey
    // A record in bad-records mode may have no id at all; it must not break the simulator's own order.
    const [a, b] = [aId ?? '', bId ?? '']
    return a < b ? -1 : a > b ? 1 : 0
  }
}

function compareValues(a: string, b: string): number {
  const numeric = /^-?\d+(\.\d+)?$/
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b)
  return a < b ? -1 : a > b ? 1 : 0
}

function keyOf(invoice: HoursmithWireInvoice, field: keyof HoursmithWireInvoice): SortKey {
  const value = invoice[field]
  return value == null ? null : String(value)
}

function encodeCursor(sort: string, last: HoursmithWireInvoice): string {
  const field = sort.replace(/^-/, '') as keyof HoursmithWireInvoice
  return Buffer.from(JSON.stringify({ s: sort, k: keyOf(last, field), i: last.id ?? '' })).toString('base64url')
}

function decodeCursor(cursor: string): { sort: string; key: SortKey; id: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; k?: unknown; i?: unknown }
    if (typeof value.s !== 'string' || typeof value.i !== 'string' || !(typeof value.k === 'string' || value.k === null)) return null
    return { sort: value.s, key: value.k, id: value.i }
  } catch {
    return null
  }
}

function bearer(request: IncomingMessage): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  return match ? match[1]! : null
}

function fail(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  fields?: Record<string, string>
): void {
  sendJson(response, status, { error: { code, message, ...(fields ? { fields } : {}) } }, headers)
}
