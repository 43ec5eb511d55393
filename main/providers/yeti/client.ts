/**
 * Yeti-Switch customer API v1 (self-hosted yeti-web): the customer portal login and password buy
 * a short-lived JWT (600 s by default, no refresh), sent raw in Authorization; JSON:API lists
 * paged by page[number]/page[size] ≤ 1000, with each invoice's account side-loaded for its
 * currency and name.
 */
import { AppError } from '../../base/errors'
import { exchange, retryAfterMs, type HttpDeps, type HttpResponse } from '../../net/http'
import { briefText, requestPdf, type PdfInvoice } from '../../net/pdf-request'
import type { Connector, ConnectorAccount, InvoicePageResult } from '../connector'
import { parseJson, parseWire, redact, tryParseJson } from '../parse-wire'
import { readInvoiceRecords } from '../record-reader'
import { mapYetiInvoice } from './map'
import { YetiAccount, YetiAuthToken, YetiErrors, YetiInvoice, YetiInvoiceList, YetiResourceRef } from './schemas'

/** jsonapi-resources' maximum_page_size in yeti-web (config/initializers/jsonapi_resources.rb). */
export const YETI_PAGE_SIZE = 1000
/**
 * A page number only means something under a fixed order, and older installs have none by
 * default. Ascending start date puts newly approved invoices (the latest periods) after the
 * pages already walked, so a walk in progress is rarely shifted; the UUID breaks the many ties
 * (every account's period starts at the same instant).
 */
export const YETI_SORT = 'start_date,id'
const PROVIDER = 'Yeti-Switch'
const JSON_API = 'application/vnd.api+json'

interface ResumePoint {
  sort: string
  size: number
  page: number
}

type Step = 'login' | 'data'

export class YetiClient implements Connector {
  /** The session token, kept in memory only: a client built for the next sync logs in afresh. */
  private jwt: string | null = null
  private readonly login: string

  constructor(
    private readonly account: ConnectorAccount,
    private readonly password: string,
    private readonly deps: HttpDeps
  ) {
    if (!account.options.login)
      throw new AppError('VALIDATION', `${this.who}: no login is set. Yeti-Switch accounts sign in with a customer portal login.`)
    this.login = account.options.login
  }

  async testConnection(signal?: AbortSignal): Promise<string> {
    const { response } = await this.get(`/invoices?${new URLSearchParams({ 'page[number]': '1', 'page[size]': '1' })}`, signal)
    const where = 'the invoice list'
    const count = parseWire(YetiInvoiceList, parseJson(response.text, PROVIDER, where), PROVIDER, where).meta?.['total-count']
    const invoices = count === undefined ? '' : `: ${count} approved invoice${count === 1 ? '' : 's'}`
    return `Connected to Yeti-Switch at ${new URL(this.account.baseUrl).host} as “${this.login}”${invoices}.`
  }

  async fetchPage(resume: string | null, signal?: AbortSignal): Promise<InvoicePageResult> {
    const point = decodeResumePoint(resume) ?? { sort: YETI_SORT, size: YETI_PAGE_SIZE, page: 1 }
    const query = new URLSearchParams({
      include: 'account',
      'page[number]': String(point.page),
      'page[size]': String(point.size),
      sort: point.sort
    })
    const { response, requests } = await this.get(`/invoices?${query}`, signal)
    const where = 'an invoice list page'
    const page = parseWire(YetiInvoiceList, parseJson(response.text, PROVIDER, where), PROVIDER, where)
    const accounts = includedAccounts(page.included ?? [])
    const secrets = [this.password, this.jwt].filter((secret): secret is string => typeof secret === 'string' && secret.length > 0)
    const { invoices, skipped } = readInvoiceRecords(
      page.data,
      YetiInvoice,
      (invoice, raw) => {
        const link = invoice.relationships?.account?.data
        // The server side-loads every listed invoice's account. When it did not (an old install,
        // or no relationship data), the invoice still maps: no counterparty, currency unknown.
        return mapYetiInvoice(invoice, link ? (accounts.get(link.id) ?? null) : null, raw)
      },
      { secrets }
    )
    // meta.total-count is only a count at the time of this request, so it does not end the walk:
    // a short page does, and so does a full one when the server's links say no page follows.
    const more = page.data.length === point.size && (page.links == null || page.links.next != null)
    const expectedTotal = page.meta?.['total-count'] ?? undefined
    return {
      invoices,
      skipped,
      next: more ? JSON.stringify({ ...point, page: point.page + 1 } satisfies ResumePoint) : null,
      requests,
      ...(expectedTotal === undefined ? {} : { expectedTotal })
    }
  }

  /**
   * GET /invoices/{id}/download, only when the synced invoice says has-pdf. Yeti renders PDFs
   * after approval, so a 404 with an empty body means "not rendered yet" (null: asked again
   * later); a 404 with a JSON:API error means the invoice itself is gone. The download action
   * skips the JSON:API Accept check, so it asks for the PDF by its own type.
   */
  async downloadPdf(invoice: PdfInvoice, signal?: AbortSignal): Promise<Response | null> {
    const parsed = YetiInvoice.safeParse(invoice.raw)
    if (!parsed.success || !parsed.data.attributes['has-pdf']) return null
    const url = `${this.account.baseUrl}/invoices/${encodeURIComponent(invoice.remoteId)}/download`
    const send = (): Promise<Response> =>
      requestPdf(this.deps, { url, headers: { Authorization: this.jwt ?? '', Accept: 'application/pdf' }, signal, redirect: 'error' })
    if (this.jwt === null) await this.logIn(signal)
    let response = await send()
    if (response.status === 401) {
      await response.body?.cancel()
      await this.logIn(signal)
      response = await send()
    }
    if (response.status >= 200 && response.status < 300) return response
    const text = await briefText(response)
    if (response.status === 404 && text.trim() === '') return null
    if (response.status === 404) {
      const said = this.said(text)
      throw new AppError(
        'NOT_FOUND',
        `${this.who}: Yeti-Switch no longer serves invoice ${invoice.remoteId}${said ? ` (“${said}”)` : ''}. Sync the account to bring the cache up to date.`
      )
    }
    // requestPdf has already retried a server error once.
    throw this.failure({ status: response.status, headers: response.headers, text, attempts: 2 }, 'data')
  }

  /**
   * A data request with the session token, logging in first when there is none. Tokens expire
   * and cannot be refreshed, so a 401 buys one new token and one retry: an expiry mid-walk never
   * fails a sync, and a token that is refused outright cannot loop.
   */
  async confirmGone(remoteIds: readonly string[], signal?: AbortSignal): Promise<ReadonlySet<string>> {
    const gone = new Set<string>()
    if (remoteIds.length > 0 && this.jwt === null) await this.logIn(signal)
    // The request gate bounds how many of these are in flight at once.
    await Promise.all(
      remoteIds.map(async (id) => {
        const { response } = await this.request(`/invoices/${encodeURIComponent(id)}`, signal)
        // The show action is scoped like the list (approved invoices only): 404 is "not listed any more".
        if (response.status === 404) gone.add(id)
        else if (!ok(response)) throw this.failure(response, 'data')
      })
    )
    return gone
  }

  private async get(path: string, signal?: AbortSignal): Promise<{ response: HttpResponse; requests: number }> {
    const answer = await this.request(path, signal)
    if (!ok(answer.response)) throw this.failure(answer.response, 'data')
    return answer
  }

  /** A data request with a session token, logging in again once on a 401; any status comes back. */
  private async request(path: string, signal?: AbortSignal): Promise<{ response: HttpResponse; requests: number }> {
    let requests = 0
    if (this.jwt === null) requests += await this.logIn(signal)
    let response = await this.send(path, signal)
    requests += response.attempts
    if (response.status === 401) {
      requests += await this.logIn(signal)
      response = await this.send(path, signal)
      requests += response.attempts
    }
    return { response, requests }
  }

  private async send(path: string, signal?: AbortSignal): Promise<HttpResponse> {
    return exchange(this.deps, {
      url: `${this.account.baseUrl}${path}`,
      headers: { Authorization: this.jwt ?? '', Accept: JSON_API },
      signal
    })
  }

  /** POST /auth; keeps the token and returns how many HTTP requests it took. */
  private async logIn(signal?: AbortSignal): Promise<number> {
    this.jwt = null
    const response = await exchange(this.deps, {
      url: `${this.account.baseUrl}/auth`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ auth: { login: this.login, password: this.password } }),
      signal
    })
    if (!ok(response)) throw this.failure(response, 'login')
    const where = 'the login response'
    this.jwt = parseWire(YetiAuthToken, parseJson(response.text, PROVIDER, where), PROVIDER, where).jwt
    return response.attempts
  }

  private get who(): string {
    return `Yeti-Switch account “${this.account.name}”`
  }

  private failure(response: HttpResponse, step: Step): AppError {
    const said = this.said(response.text)
    const quote = said ? ` Yeti-Switch said: “${said}”.` : ''
    const who = this.who
    switch (response.status) {
      case 401:
        return step === 'login'
          ? new AppError(
              'PROVIDER_AUTH',
              `${who}: the login “${this.login}” was refused.${quote} Check the login and password (your operator manages them under System → Customer Portal Logins, which can also limit the IP addresses allowed to sign in), then replace the password in Quire.`
            )
          : new AppError(
              'PROVIDER_AUTH',
              `${who}: Yeti-Switch accepted the login “${this.login}” but refused the session token it issued.${quote} A proxy in front of Yeti may be dropping the Authorization header; ask your operator.`
            )
      case 403:
        return new AppError(
          'PROVIDER_SCOPE',
          `${who}: the login “${this.login}” may not read invoices.${quote} Ask your operator to allow it.`
        )
      case 404:
        return new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${who}: nothing found at ${this.account.baseUrl}${step === 'login' ? '/auth' : '/invoices'} (404). Check the base URL; it normally ends in /api/rest/customer/v1.${quote}`
        )
      case 429: {
        const wait = retryAfterMs(response.headers.get('retry-after'), this.deps.clock.now())
        return new AppError(
          'PROVIDER_RATE_LIMITED',
          `${who}: the Yeti-Switch server is limiting requests. Sync again ${wait === null ? 'later' : `in ${Math.ceil(wait / 1000)} s`}.`
        )
      }
      default:
        if (response.status >= 500) {
          return new AppError(
            'PROVIDER_UNAVAILABLE',
            `${who}: Yeti-Switch had a server error (${response.status}) and kept failing after ${response.attempts} attempts. Sync again later.`
          )
        }
        return new AppError('PROVIDER_BAD_RESPONSE', `${who}: Yeti-Switch refused the request with status ${response.status}.${quote}`)
    }
  }

  /** The first JSON:API error as "title: detail", with the password and token taken out. */
  private said(text: string): string | null {
    const parsed = YetiErrors.safeParse(tryParseJson(text))
    if (!parsed.success) return null
    const [first] = parsed.data.errors
    const words = [first?.title, first?.detail].filter((part): part is string => typeof part === 'string' && part.trim().length > 0)
    if (words.length === 0) return null
    const secrets = [this.password, this.jwt].filter((secret): secret is string => typeof secret === 'string' && secret.length > 0)
    return redact(words.map((part) => part.trim().replace(/\.+$/, '')).join(': '), secrets)
  }
}

/**
 * The page's side-loaded accounts by id; other resource types are ignored, and so is an account
 * Quire cannot read: its invoices are still kept, with no counterparty and the currency unknown.
 */
function includedAccounts(included: unknown[]): Map<string, YetiAccount> {
  const accounts = new Map<string, YetiAccount>()
  for (const raw of included) {
    const ref = YetiResourceRef.safeParse(raw)
    if (!ref.success || ref.data.type !== 'accounts') continue
    const account = YetiAccount.safeParse(raw)
    if (account.success) accounts.set(ref.data.id, account.data)
  }
  return accounts
}

/** A cursor from another sort or page size (or no cursor at all) starts the walk over. */
function decodeResumePoint(resume: string | null): ResumePoint | null {
  if (resume === null) return null
  try {
    const { sort, size, page } = JSON.parse(resume) as Partial<ResumePoint>
    const valid = sort === YETI_SORT && size === YETI_PAGE_SIZE && typeof page === 'number' && Number.isInteger(page) && page >= 1
    return valid ? { sort, size, page } : null
  } catch {
    return null
  }
}

function ok(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300
}
