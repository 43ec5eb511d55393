/**
 * A CareSquare Public API v1 simulator on 127.0.0.1, speaking the documented wire format: a
 * Bearer API key and `X-Plan-Manager-Id` checked on every request (401, 400, 403 as the
 * authorisation guide lists them), data scoped per plan manager, limit/offset pages of invoice
 * summaries in `{data, pagination}`, bare detail objects with line items, and invoice view
 * sessions. The demo workspace, the tests and the benchmarks all run against it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenOnLoopback } from '../../net/loopback-server'
import { sendJson } from '../shared/raw-json'
import { withFaults, type FaultPlan } from '../shared/faults'
import { careSquareDataset, careSquareViewSessions } from './dataset'
import {
  seedExampleInvoice,
  seedExampleViewSession,
  SUMMARY_FIELDS,
  type CareSquareWireInvoice,
  type CareSquareWireViewSession
} from './wire'

export interface CareSquareApiKeyGrant {
  /** The plan managers this key may read (X-Plan-Manager-Id values it is allowed). */
  planManagerIds: string[]
}

export interface CareSquareSimulatorOptions {
  /** API key → the plan managers it may access. */
  apiKeys: Record<string, CareSquareApiKeyGrant>
  /**
   * Invoices per plan manager: a count for each plan manager the keys name (default 150), or per
   * plan manager UUID its invoices or how many to generate. Generated data for the first plan
   * manager starts with seed 001's example invoice (and seed 000's view session), verbatim.
   */
  invoices?: number | Record<string, CareSquareWireInvoice[] | number>
  seed?: number
  port?: number
  /** Injected misbehaviour and link latency (see shared/faults.ts). */
  faults?: FaultPlan
  /** At most `requests` per API key per fixed window, then 429 (the API documents no headers for it). */
  rateLimit?: { requests: number; windowMs: number }
  now?: () => number
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

export interface CareSquareSimulator {
  /** The base URL a Quire account uses, ending in /api/public/v1. */
  baseUrl: string
  /** The live data per plan manager UUID: tests change it between syncs and compare the cache with it. */
  invoices: Record<string, CareSquareWireInvoice[]>
  viewSessions: Record<string, CareSquareWireViewSession[]>
  requests: { count: number }
  /** Call after adding or removing invoices, so lookups by id see the change. */
  changed(): void
  close(): Promise<void>
}

const PREFIX = '/api/public/v1'
const MAX_LIMIT = 100
const DEFAULT_LIMIT = 20
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/*
 * Error bodies are not documented (the reference lists statuses only). The simulator answers in
 * the one envelope the API does document, the status endpoint's `{success, message}`, with the
 * authorisation guide's wording.
 */
const ERRORS = {
  401: 'Missing or invalid Authorization header',
  400: 'Missing or invalid X-Plan-Manager-Id',
  403: 'Your API key is not allowed to access the requested plan manager',
  404: 'Not found',
  429: 'Rate limit exceeded'
} as const

export async function startCareSquareSimulator(options: CareSquareSimulatorOptions): Promise<CareSquareSimulator> {
  const { invoices, viewSessions } = buildDataset(options)
  const requests = { count: 0 }
  const limiter = new FixedWindow(options.rateLimit, options.now ?? Date.now)
  const byId = new IdIndex(invoices)

  const server = await listenOnLoopback(
    withFaults((request, response, url) => {
      requests.count += 1
      if (!url.pathname.startsWith(`${PREFIX}/`) || request.method !== 'GET') return fail(response, 404)
      const apiKey = bearer(request)
      const grant = apiKey === null ? undefined : options.apiKeys[apiKey]
      if (apiKey === null || grant === undefined) return fail(response, 401)
      const planManagerId = header(request, 'x-plan-manager-id')
      if (planManagerId === null || !UUID.test(planManagerId)) return fail(response, 400)
      if (!grant.planManagerIds.some((allowed) => sameUuid(allowed, planManagerId))) return fail(response, 403)
      if (!limiter.take(apiKey)) return fail(response, 429)

      const key = Object.keys(invoices).find((candidate) => sameUuid(candidate, planManagerId)) ?? planManagerId
      const path = url.pathname.slice(PREFIX.length)
      if (path === '/invoices') return list(response, url, invoices[key] ?? [], summary)
      if (path === '/invoice-view-sessions') return list(response, url, viewSessions[key] ?? [], (session) => session)
      const invoice = /^\/invoices\/([^/]+)$/.exec(path)
      if (invoice) {
        const found = byId.get(key, decodeURIComponent(invoice[1]!))
        return found ? sendJson(response, 200, found) : fail(response, 404)
      }
      const session = /^\/invoice-view-sessions\/([^/]+)$/.exec(path)
      if (session) {
        const found = (viewSessions[key] ?? []).find((candidate) => candidate.id === decodeURIComponent(session[1]!))
        return found ? sendJson(response, 200, found) : fail(response, 404)
      }
      return fail(response, 404)
    }, options.faults),
    options.port
  )

  return {
    baseUrl: `${server.origin}${PREFIX}`,
    invoices,
    viewSessions,
    requests,
    changed: () => byId.invalidate(),
    close: () => server.close()
  }
}

/**
 * Each plan manager's invoices and view sessions. Generated data for the first one starts with
 * the seed pages' examples (they belong together: the session is of the example invoice).
 */
function buildDataset(options: CareSquareSimulatorOptions): Pick<CareSquareSimulator, 'invoices' | 'viewSessions'> {
  const given = options.invoices
  const plan: [string, CareSquareWireInvoice[] | number][] =
    typeof given === 'object'
      ? Object.entries(given)
      : [...new Set(Object.values(options.apiKeys).flatMap((grant) => grant.planManagerIds))].map((id) => [id, given ?? 150])
  const seed = options.seed ?? 1
  const invoices: CareSquareSimulator['invoices'] = {}
  const viewSessions: CareSquareSimulator['viewSessions'] = {}
  plan.forEach(([planManagerId, data], index) => {
    const generated = !Array.isArray(data)
    const list = generated
      ? careSquareDataset({
          planManagerId,
          count: data,
          seed: seed + index,
          firstNumericId: 48_000 + index * 1_000_000,
          testFixtures: options.testFixtures
        })
      : data
    const sessions = careSquareViewSessions(list, seed + index)
    if (generated && index === 0 && options.testFixtures !== false) {
      list.unshift(seedExampleInvoice())
      sessions.unshift(seedExampleViewSession())
    }
    invoices[planManagerId] = list
    viewSessions[planManagerId] = sessions
  })
  return { invoices, viewSessions }
}

function sameUuid(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function list<T>(response: ServerResponse, url: URL, items: readonly T[], project: (item: T) => unknown): void {
  const limit = integerParam(url, 'limit', DEFAULT_LIMIT)
  const offset = integerParam(url, 'offset', 0)
  if (limit === null || limit < 1 || limit > MAX_LIMIT) return fail(response, 400, `limit must be an integer from 1 to ${MAX_LIMIT}`)
  if (offset === null || offset < 0) return fail(response, 400, 'offset must be an integer >= 0')
  const page = items.slice(offset, offset + limit)
  sendJson(response, 200, {
    data: page.map(project),
    pagination: { limit, offset, total: items.length, has_more: offset + page.length < items.length }
  })
}

/** A list row: the detail's documented summary fields, without line items or anything else. */
function summary(invoice: CareSquareWireInvoice): Record<string, unknown> {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, invoice[field]]))
}

function integerParam(url: URL, name: string, fallback: number): number | null {
  const text = url.searchParams.get(name)
  if (text === null) return fallback
  return /^-?\d+$/.test(text) ? Number(text) : null
}

/** Finds an invoice by id text within one plan manager; numeric ids match their decimal text. */
class IdIndex {
  private index: Map<string, Map<string, CareSquareWireInvoice>> | null = null

  constructor(private readonly invoices: Record<string, CareSquareWireInvoice[]>) {}

  get(planManagerId: string, id: string): CareSquareWireInvoice | undefined {
    this.index ??= new Map(
      Object.entries(this.invoices).map(([pm, list]) => [pm, new Map(list.map((invoice) => [String(invoice.id), invoice]))])
    )
    return this.index.get(planManagerId)?.get(id)
  }

  invalidate(): void {
    this.index = null
  }
}

class FixedWindow {
  private readonly windows = new Map<string, { start: number; used: number }>()

  constructor(
    private readonly limit: { requests: number; windowMs: number } | undefined,
    private readonly now: () => number
  ) {}

  take(key: string): boolean {
    if (!this.limit) return true
    const now = this.now()
    let window = this.windows.get(key)
    if (!window || now - window.start >= this.limit.windowMs) {
      window = { start: now, used: 0 }
      this.windows.set(key, window)
    }
    window.used += 1
    return window.used <= this.limit.requests
  }
}

function bearer(request: IncomingMessage): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  return match ? match[1]! : null
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name]
  return typeof value === 'string' ? value.trim() : null
}

function fail(response: ServerResponse, status: keyof typeof ERRORS, message: string = ERRORS[status]): void {
  sendJson(response, status, { success: false, message })
}
