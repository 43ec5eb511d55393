/**
 * Hoursmith API v1: Bearer personal access token (hsk_…), cursor paging bound to the sort,
 * `limit` ≤ 200, no total count, rate-limit headers on every response.
 */
import { AppError } from '../../base/errors'
import { exchange, retryAfterMs, type HttpDeps, type HttpResponse } from '../../net/http'
import { RateBudget } from '../../net/rate-budget'
import type { Connector, InvoicePageResult } from '../connector'
import { parseJson, parseWire, redact, tryParseJson } from '../parse-wire'
import { readInvoiceRecords } from '../record-reader'
import { mapHoursmithInvoice } from './map'
import { HoursmithError, HoursmithInvoice, HoursmithInvoiceList, HoursmithMe } from './schemas'

export const HOURSMITH_PAGE_SIZE = 200
/** Cursors are only valid with the sort they were minted under, so ours carry it. */
const SORT = 'updatedAt'
const NEWEST_FIRST = '-updatedAt'

interface ResumePoint {
  sort: string
  cursor: string
}

/** Hoursmith's published per-token limits on the Studio plan, the least plan with API access. */
export const HOURSMITH_BUDGET = [
  { limit: 30, windowMs: 10_000 },
  { limit: 600, windowMs: 60_000 }
]
/** The Agency plan's: double Studio's in both buckets. */
export const HOURSMITH_AGENCY_BUDGET = HOURSMITH_BUDGET.map((window) => ({ ...window, limit: window.limit * 2 }))

export class HoursmithClient implements Connector {
  private readonly budget: RateBudget | null
  /** Whether /me has been asked which plan's budget applies (once per client, i.e. per sync). */
  private planKnown = false

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly accountName: string,
    private readonly deps: HttpDeps
  ) {
    this.budget = deps.publishedBudgets === false ? null : new RateBudget(HOURSMITH_BUDGET, deps.clock)
  }

  async testConnection(signal?: AbortSignal): Promise<string> {
    const response = await this.get('/me', signal)
    const me = parseWire(HoursmithMe, parseJson(response.text, 'Hoursmith', '/me'), 'Hoursmith', '/me').data
    this.usePlan(me.plan)
    const workspace = me.workspace?.name ?? 'your workspace'
    return `Connected to Hoursmith workspace “${workspace}”${me.role ? ` as ${me.role}` : ''}${me.plan ? ` (${me.plan} plan)` : ''}.`
  }

  fetchPage(resume: string | null, signal?: AbortSignal): Promise<InvoicePageResult> {
    return this.listPage(SORT, resume, signal)
  }

  /**
   * Newest updates first, until the pages reach what the cache already has. Hoursmith bumps
   * updatedAt on payment changes and soft deletes, so this sees both; invoices that vanish
   * outright need the daily full walk.
   */
  async fetchChangedPage(since: string, resume: string | null, signal?: AbortSignal): Promise<InvoicePageResult> {
    const page = await this.listPage(NEWEST_FIRST, resume, signal)
    const sinceMs = Date.parse(since)
    const changed = page.invoices.filter((invoice) => invoice.remoteUpdatedAt !== null && Date.parse(invoice.remoteUpdatedAt) >= sinceMs)
    return { ...page, invoices: changed, next: changed.length < page.invoices.length ? null : page.next }
  }

  private async listPage(sort: string, resume: string | null, signal?: AbortSignal): Promise<InvoicePageResult> {
    const point = decodeResumePoint(resume, sort)
    const query = new URLSearchParams({ limit: String(HOURSMITH_PAGE_SIZE), sort })
    if (point) query.set('cursor', point.cursor)
    const planRequests = await this.learnPlan(signal)
    const response = await this.request(`/invoices?${query}`, signal)
    // A cursor can go stale (e.g. the provider rotated its signing key): walk again from the start.
    if (response.status === 400 && point) {
      const restarted = await this.listPage(sort, null, signal)
      return { ...restarted, requests: restarted.requests + response.attempts }
    }
    this.check(response)
    const where = 'an invoice list page'
    const page = parseWire(HoursmithInvoiceList, parseJson(response.text, 'Hoursmith', where), 'Hoursmith', where)
    const { invoices, skipped } = readInvoiceRecords(page.data, HoursmithInvoice, mapHoursmithInvoice, { secrets: [this.token] })
    const next = page.pagination.nextCursor
    return {
      invoices,
      skipped,
      next: next === null ? null : JSON.stringify({ sort, cursor: next } satisfies ResumePoint),
      requests: planRequests + response.attempts
    }
  }

  /**
   * Agency plans may send twice as many requests as Studio ones, and only /me says which plan
   * this token's workspace is on. It is asked once, when the Studio budget is about to make the
   * sync wait (with one request of it left, for /me itself): a sync that never comes near the
   * limit never spends a request on it. Until it answers, or if it cannot, the Studio budget
   * holds, which is never too much. Returns the requests it sent.
   */
  private async learnPlan(signal?: AbortSignal): Promise<number> {
    if (this.planKnown || this.budget === null || this.budget.room() > 1) return 0
    this.planKnown = true
    const response = await this.request('/me', signal)
    if (response.status < 200 || response.status >= 300) return response.attempts
    const me = HoursmithMe.safeParse(tryParseJson(response.text))
    if (me.success) this.usePlan(me.data.data.plan)
    return response.attempts
  }

  private usePlan(plan: string | null | undefined): void {
    this.planKnown = true
    this.budget?.use(plan?.trim().toLowerCase() === 'agency' ? HOURSMITH_AGENCY_BUDGET : HOURSMITH_BUDGET)
  }

  private async get(path: string, signal?: AbortSignal): Promise<HttpResponse> {
    return this.check(await this.request(path, signal))
  }

  private async request(path: string, signal?: AbortSignal): Promise<HttpResponse> {
    await this.budget?.take(signal)
    const response = await exchange(this.deps, {
      url: `${this.baseUrl}${path}`,
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
      signal
    })
    if (response.status >= 200 && response.status < 300) await this.respectBudget(response.headers, signal)
    return response
  }

  private check(response: HttpResponse): HttpResponse {
    if (response.status >= 200 && response.status < 300) return response
    throw this.failure(response)
  }

  /** Pause before the budget runs out rather than after a 429. */
  private async respectBudget(headers: Headers, signal?: AbortSignal): Promise<void> {
    const remaining = headers.get('x-ratelimit-remaining')
    const reset = headers.get('x-ratelimit-reset')
    if (remaining === null || reset === null || Number(remaining) > 0) return
    const wait = Number(reset) * 1000 - this.deps.clock.now().getTime()
    if (wait > 0) await this.deps.clock.sleep(Math.min(wait, 60_000), signal)
  }

  private failure(response: HttpResponse): AppError {
    const parsed = HoursmithError.safeParse(tryParseJson(response.text))
    const said = parsed.success ? redact(parsed.data.error.message ?? parsed.data.error.code, [this.token]) : null
    const who = `Hoursmith account “${this.accountName}”`
    const quote = said ? ` Hoursmith said: “${said.replace(/[.\s]+$/, '')}”.` : ''
    switch (response.status) {
      case 401:
        return new AppError(
          'PROVIDER_AUTH',
          `${who}: the API token was rejected.${quote} Mint a new token under Settings → API in Hoursmith and enter it in Quire.`
        )
      case 402:
        return new AppError(
          'PROVIDER_PLAN',
          `${who}: API access needs the ${parsed.success && parsed.data.error.requiredPlan ? parsed.data.error.requiredPlan : 'Studio'} plan or higher.${quote}`
        )
      case 403:
        return new AppError(
          'PROVIDER_SCOPE',
          `${who}: this token may not read invoices.${quote} Tokens inherit their creator's role; use one made by an Owner, Admin or Manager.`
        )
      case 429: {
        const wait = retryAfterMs(response.headers.get('retry-after'), this.deps.clock.now())
        const when = wait === null ? 'later' : `in ${Math.ceil(wait / 1000)} s`
        return new AppError('PROVIDER_RATE_LIMITED', `${who}: Hoursmith's rate limit was reached. Sync again ${when}.`)
      }
      case 404:
        return new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${who}: nothing found at ${this.baseUrl} (404). Check the base URL; it normally ends in /api/v1.${quote}`
        )
      default:
        if (response.status >= 500) {
          return new AppError(
            'PROVIDER_UNAVAILABLE',
            `${who}: Hoursmith had a server error (${response.status}) and kept failing after ${response.attempts} attempts. Sync again later.`
          )
        }
        return new AppError('PROVIDER_BAD_RESPONSE', `${who}: Hoursmith refused the request with status ${response.status}.${quote}`)
    }
  }
}

function decodeResumePoint(resume: string | null, sort: string): ResumePoint | null {
  if (resume === null) return null
  try {
    const point = JSON.parse(resume) as Partial<ResumePoint>
    return point.sort === sort && typeof point.cursor === 'string' ? { sort: point.sort, cursor: point.cursor } : null
  } catch {
    return null
  }
}
