/**
 * CareSquare Public API v1: a Bearer API key plus `X-Plan-Manager-Id` on every request. One key
 * can reach several plan managers, so a walk syncs each of the account's plan managers in turn.
 * Lists are limit/offset pages of summaries; each invoice is then fetched in full (the detail is
 * a bare object with its line items). Every request of an account shares one window of a few in
 * flight, kept full across page boundaries: the next list page is read ahead while this page's
 * details are fetched and written.
 */
import { AppError } from '../../base/errors'
import { exchange, retryAfterMs, type HttpDeps, type HttpResponse } from '../../net/http'
import { RequestGate } from '../../net/request-gate'
import type { Connector, ConnectorAccount, InvoicePageResult } from '../connector'
import { PageReadAhead, type PageInProgress } from '../page-read-ahead'
import { parseJson, parseWire, redact, tryParseJson } from '../parse-wire'
import { readInvoiceRecord, skippedRecord, type SkippedRecord } from '../record-reader'
import type { UnifiedInvoice } from '../unified-invoice'
import type { UnifiedViewSession } from '../unified-view-session'
import { mapCareSquareInvoice, mapCareSquareViewSession } from './map'
import { CareSquareError, CareSquareInvoice, CareSquareInvoiceList, CareSquareInvoiceRow, CareSquareViewSession } from './schemas'

/** The documented maximum. */
export const CARESQUARE_PAGE_SIZE = 100
/** Requests in flight at once for one account, list pages and details alike. */
export const CARESQUARE_REQUESTS_IN_FLIGHT = 6
const CURSOR_VERSION = 1

/** Where a walk continues: which plan manager, and the offset in its invoice list. */
interface ResumePoint {
  v: typeof CURSOR_VERSION
  planManagerId: string
  offset: number
}

/** A list page read, its invoices not yet fetched in full. */
interface ListedPage {
  planManagerId: string
  /** Each once, though offset paging can list a row twice. */
  ids: string[]
  skipped: SkippedRecord[]
  next: string | null
  attempts: number
  expectedTotal: { expectedTotal?: number }
}

export class CareSquareClient implements Connector {
  private readonly planManagerIds: string[]
  private readonly who: string
  private readonly inFlight = new RequestGate(CARESQUARE_REQUESTS_IN_FLIGHT)
  private readonly pages = new PageReadAhead<InvoicePageResult>((resume, signal) => this.startPage(resume, signal))

  constructor(
    private readonly account: ConnectorAccount,
    private readonly apiKey: string,
    private readonly deps: HttpDeps
  ) {
    this.planManagerIds = account.options.planManagerIds ?? []
    this.who = `CareSquare account “${account.name}”`
  }

  async testConnection(signal?: AbortSignal): Promise<string> {
    let invoices = 0
    for (const planManagerId of this.requirePlanManagers()) {
      invoices += (await this.listPage(planManagerId, 0, 1, signal)).page.pagination.total
    }
    const managers = this.planManagerIds.length === 1 ? '1 plan manager' : `${this.planManagerIds.length} plan managers`
    return `Connected to CareSquare: ${managers}, ${invoices.toLocaleString('en')} invoices.`
  }

  fetchPage(resume: string | null, signal?: AbortSignal): Promise<InvoicePageResult> {
    return this.pages.fetch(resume, signal)
  }

  /** The list page first, whose end says where the walk goes on; then its invoices in full. */
  private startPage(resume: string | null, signal?: AbortSignal): PageInProgress<InvoicePageResult> {
    const listing = this.listInvoices(resume, signal)
    return { next: listing.then(({ next }) => next), page: listing.then((listed) => this.withDetails(listed, signal)) }
  }

  private async listInvoices(resume: string | null, signal?: AbortSignal): Promise<ListedPage> {
    const point = this.decodeResumePoint(resume) ?? { v: CURSOR_VERSION, planManagerId: this.requirePlanManagers()[0]!, offset: 0 }
    const { page, attempts } = await this.listPage(point.planManagerId, point.offset, CARESQUARE_PAGE_SIZE, signal)
    const where = `the invoice list of plan manager ${point.planManagerId} at offset ${point.offset}`
    // A row with no readable id cannot be fetched in full: it is kept as skipped, the rest go on.
    const skipped: SkippedRecord[] = []
    const listed: string[] = []
    for (const row of page.data) {
      const parsed = CareSquareInvoiceRow.safeParse(row)
      if (parsed.success) listed.push(parsed.data.id)
      else skipped.push(skippedRecord(row, 'id', `a list row of ${where} has no id Quire can read`, { secrets: [this.apiKey] }))
    }
    // An empty page ends a plan manager's list even if has_more says otherwise: never loop forever.
    const more = page.pagination.has_more && page.data.length > 0
    // With several plan managers the whole walk's size is unknown until each is visited.
    const expectedTotal = this.requirePlanManagers().length === 1 ? { expectedTotal: page.pagination.total } : {}
    const next = this.nextPoint(point, more ? point.offset + page.data.length : null)
    // Offset paging repeats rows when data shifts underneath it: one detail request per id.
    return { planManagerId: point.planManagerId, ids: [...new Set(listed)], skipped, next, attempts, expectedTotal }
  }

  private async withDetails(listed: ListedPage, signal?: AbortSignal): Promise<InvoicePageResult> {
    const { planManagerId, ids, skipped, next, attempts, expectedTotal } = listed
    const details = await mapBounded(ids, CARESQUARE_REQUESTS_IN_FLIGHT, (id) => this.detail(planManagerId, id, signal))
    const invoices = details.flatMap((detail) => (detail.invoice ? [detail.invoice] : []))
    const requests = attempts + details.reduce((sum, detail) => sum + detail.attempts, 0)
    return {
      invoices,
      skipped: [...skipped, ...details.flatMap((detail) => (detail.skipped ? [detail.skipped] : []))],
      next,
      requests,
      ...expectedTotal
    }
  }

  /**
   * Invoice view sessions (seed 000): the same limit/offset pages per plan manager as invoices,
   * each row complete (no detail request). No filter by invoice or date is documented, so every
   * sync walks them all; repeats from shifting offsets are harmless, as the cache upserts by id.
   */
  async fetchViewSessionPage(
    resume: string | null,
    signal?: AbortSignal
  ): Promise<{ sessions: UnifiedViewSession[]; next: string | null; requests: number }> {
    const point = this.decodeResumePoint(resume) ?? { v: CURSOR_VERSION, planManagerId: this.requirePlanManagers()[0]!, offset: 0 }
    const { page, attempts } = await this.listPage(point.planManagerId, point.offset, CARESQUARE_PAGE_SIZE, signal, 'invoice-view-sessions')
    const where = `the view session list of plan manager ${point.planManagerId} at offset ${point.offset}`
    const sessions = page.data.map((row, index) =>
      mapCareSquareViewSession(parseWire(CareSquareViewSession, row, 'CareSquare', `${where}, data[${index}]`), row)
    )
    const more = page.pagination.has_more && page.data.length > 0
    return { sessions, next: this.nextPoint(point, more ? point.offset + page.data.length : null), requests: attempts }
  }

  private nextPoint(point: ResumePoint, nextOffset: number | null): string | null {
    if (nextOffset !== null) return encode({ ...point, offset: nextOffset })
    const following = this.planManagerIds[this.planManagerIds.indexOf(point.planManagerId) + 1]
    return following === undefined ? null : encode({ v: CURSOR_VERSION, planManagerId: following, offset: 0 })
  }

  private async listPage(
    planManagerId: string,
    offset: number,
    limit: number,
    signal?: AbortSignal,
    resource: 'invoices' | 'invoice-view-sessions' = 'invoices'
  ) {
    const response = await this.request(
      planManagerId,
      `/${resource}?${new URLSearchParams({ limit: String(limit), offset: String(offset) })}`,
      signal
    )
    if (response.status === 404) {
      throw new AppError(
        'PROVIDER_BAD_RESPONSE',
        `${this.who}: nothing found at ${this.account.baseUrl} (404). Check the base URL; it normally ends in /api/public/v1.`
      )
    }
    this.check(response, planManagerId)
    const where = `the ${resource === 'invoices' ? 'invoice' : 'view session'} list of plan manager ${planManagerId}`
    const page = parseWire(CareSquareInvoiceList, parseJson(response.text, 'CareSquare', where), 'CareSquare', where)
    return { page, attempts: response.attempts }
  }

  /**
   * Offset paging: an invoice removed behind the walk shifts the rest, so one can go unlisted.
   * Each is asked for under every plan manager of the account; only 404 from all of them means
   * it is gone (soft-deleted invoices are still served, and listed, with is_deleted).
   */
  async confirmGone(remoteIds: readonly string[], signal?: AbortSignal): Promise<ReadonlySet<string>> {
    const planManagers = this.requirePlanManagers()
    const gone = new Set<string>()
    await mapBounded(remoteIds, CARESQUARE_REQUESTS_IN_FLIGHT, async (id) => {
      for (const planManagerId of planManagers) {
        const response = await this.request(planManagerId, `/invoices/${encodeURIComponent(id)}`, signal)
        if (response.status === 404) continue
        this.check(response, planManagerId)
        return
      }
      gone.add(id)
    })
    return gone
  }

  /**
   * A listed invoice in full; neither an invoice nor a skipped record when it was deleted between
   * the list and this request (left out of this walk, so the reconcile tombstones it if cached).
   */
  private async detail(
    planManagerId: string,
    id: string,
    signal?: AbortSignal
  ): Promise<{ invoice?: UnifiedInvoice; skipped?: SkippedRecord; attempts: number }> {
    const response = await this.request(planManagerId, `/invoices/${encodeURIComponent(id)}`, signal)
    if (response.status === 404) return { attempts: response.attempts }
    this.check(response, planManagerId)
    const raw = parseJson(response.text, 'CareSquare', `invoice ${id} of plan manager ${planManagerId}`)
    const read = readInvoiceRecord(CareSquareInvoice, raw, (wire) => mapCareSquareInvoice(wire, raw), { secrets: [this.apiKey] })
    // The detail is asked for by the listed id: a detail missing its own id is still that invoice.
    if ('skipped' in read) return { skipped: { ...read.skipped, remoteId: read.skipped.remoteId ?? id }, attempts: response.attempts }
    return { invoice: read.invoice, attempts: response.attempts }
  }

  private request(planManagerId: string, path: string, signal?: AbortSignal): Promise<HttpResponse> {
    const send = (): Promise<HttpResponse> =>
      exchange(this.deps, {
        url: `${this.account.baseUrl}${path}`,
        headers: { Authorization: `Bearer ${this.apiKey}`, 'X-Plan-Manager-Id': planManagerId, Accept: 'application/json' },
        signal
      })
    return this.inFlight.run(send, signal)
  }

  private check(response: HttpResponse, planManagerId: string): void {
    if (response.status >= 200 && response.status < 300) return
    throw this.failure(response, planManagerId)
  }

  private failure(response: HttpResponse, planManagerId: string): AppError {
    const parsed = CareSquareError.safeParse(tryParseJson(response.text))
    const said = parsed.success && parsed.data !== null ? redact(parsed.data, [this.apiKey]).replace(/[.\s]+$/, '') : null
    const quote = said ? ` CareSquare said: “${said}”.` : ''
    const { who } = this
    switch (response.status) {
      case 401:
        return new AppError(
          'PROVIDER_AUTH',
          `${who}: the API key was rejected.${quote} Create a new key under Settings → API Keys in CareSquare and enter it in Quire.`
        )
      case 403:
        return new AppError(
          'PROVIDER_SCOPE',
          // CareSquare answers 403 both for a key that was revoked and for a plan manager the key
          // is not linked to, and its body does not say which: both are named, neither guessed.
          `${who}: CareSquare refused access to plan manager ${planManagerId} (403).${quote} Either the API key was revoked, or this plan manager is not linked to it. Check the key under Settings → API Keys in CareSquare: create a new key if it was revoked, or link the plan manager to it (or remove it from this account).`
        )
      case 400:
        return new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${who}: CareSquare refused the request for plan manager ${planManagerId} (400).${quote} Check that the plan manager id is right.`
        )
      case 429: {
        const wait = retryAfterMs(response.headers.get('retry-after'), this.deps.clock.now())
        const when = wait === null ? 'in a few minutes' : `in ${Math.ceil(wait / 1000)} s`
        return new AppError('PROVIDER_RATE_LIMITED', `${who}: CareSquare's rate limit was reached. Sync again ${when}.`)
      }
      default:
        if (response.status >= 500) {
          return new AppError(
            'PROVIDER_UNAVAILABLE',
            `${who}: CareSquare had a server error (${response.status}) and kept failing after ${response.attempts} attempts. Sync again later.`
          )
        }
        return new AppError('PROVIDER_BAD_RESPONSE', `${who}: CareSquare refused the request with status ${response.status}.${quote}`)
    }
  }

  private requirePlanManagers(): string[] {
    if (this.planManagerIds.length > 0) return this.planManagerIds
    throw new AppError('VALIDATION', `${this.who}: no plan manager id is set. Add the plan manager UUIDs this API key may access.`)
  }

  /** A cursor from another version, or for a plan manager no longer on the account, restarts the walk. */
  private decodeResumePoint(resume: string | null): ResumePoint | null {
    if (resume === null) return null
    try {
      const point = JSON.parse(resume) as Partial<ResumePoint>
      const valid =
        point.v === CURSOR_VERSION &&
        typeof point.planManagerId === 'string' &&
        this.planManagerIds.includes(point.planManagerId) &&
        Number.isSafeInteger(point.offset) &&
        (point.offset ?? -1) >= 0
      return valid ? (point as ResumePoint) : null
    } catch {
      return null
    }
  }
}

function encode(point: ResumePoint): string {
  return JSON.stringify(point)
}

/**
 * `work` over `items`, at most `limit` at a time, results in input order. After a failure no new
 * item starts; the ones in flight are waited for, so nothing is left running, and the first
 * failure is what the caller sees.
 */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const failures: unknown[] = []
  const worker = async (): Promise<void> => {
    while (failures.length === 0 && next < items.length) {
      const index = next++
      try {
        results[index] = await work(items[index]!)
      } catch (error) {
        failures.push(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failures.length > 0) throw failures[0]
  return results
}
