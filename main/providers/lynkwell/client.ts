/**
 * Lynkwell billing API v1: OAuth2 client credentials through Auth0 (client id in the account's
 * options, client secret from the keychain) → a bearer token reused until shortly before it
 * expires and renewed once on a 401. The token outlives the connector: it is kept in the
 * account's token cache (the keychain), so later syncs and later processes reuse it instead of
 * asking Auth0 again, and a 401 drops it there too. Keyset paging: `limit` (a string, ≤ 100)
 * and `startingAfter` = the last id seen, until `hasMore` is false. List items are complete
 * invoices (the seed's list and detail examples are the same object), so no detail requests.
 */
import { AppError } from '../../base/errors'
import { exchange, retryAfterMs, type HttpDeps, type HttpResponse } from '../../net/http'
import { requestPdf, type PdfInvoice } from '../../net/pdf-request'
import { checkLinkTarget } from '../../net/link-target'
import { MemoryAccessTokenCache, type AccessTokenCache, type CachedAccessToken } from '../access-token-cache'
import type { Connector, ConnectorAccount, InvoicePageResult } from '../connector'
import { parseJson, parseWire, redact, tryParseJson } from '../parse-wire'
import { readInvoiceRecords } from '../record-reader'
import { mapLynkwellInvoice } from './map'
import { LynkwellErrorBody, LynkwellInvoice, LynkwellInvoiceList, LynkwellToken } from './schemas'

export const LYNKWELL_PAGE_SIZE = 100
/** See renewAt. */
const EXPIRY_MARGIN_MS = 60_000

interface ResumePoint {
  v: 1
  startingAfter: string
}

export class LynkwellClient implements Connector {
  private readonly clientId: string
  private readonly tokenUrl: string
  private readonly audience: string
  private cached: CachedAccessToken | null = null
  /** The token cache is read once per connector; after that, this connector's own copy is the truth. */
  private storeRead = false
  /** Every access token obtained, so none can be quoted back in an error. */
  private readonly issued: string[] = []

  constructor(
    private readonly account: ConnectorAccount,
    private readonly secret: string,
    private readonly deps: HttpDeps,
    private readonly tokens: AccessTokenCache = new MemoryAccessTokenCache()
  ) {
    const { clientId, tokenUrl, audience } = account.options
    // The provider definition fills tokenUrl and audience with Lynkwell's documented defaults.
    if (!clientId || !tokenUrl || !audience) {
      throw new AppError(
        'VALIDATION',
        `${this.who}: the OAuth client id, token URL and audience are all needed. Edit the account and enter the client id.`
      )
    }
    this.clientId = clientId
    this.tokenUrl = tokenUrl
    this.audience = audience
  }

  async testConnection(signal?: AbortSignal): Promise<string> {
    const { response } = await this.authorized(`/invoices?${new URLSearchParams({ limit: '1' })}`, signal)
    const page = parseWire(LynkwellInvoiceList, parseJson(response.text, 'Lynkwell', 'the invoice list'), 'Lynkwell', 'the invoice list')
    const reach = page.data.items.length > 0 ? 'can read its invoices' : 'sees no invoices yet'
    return `Connected to Lynkwell with API client “${this.clientId}”, which ${reach}.`
  }

  async fetchPage(resume: string | null, signal?: AbortSignal): Promise<InvoicePageResult> {
    const point = decodeResumePoint(resume)
    const query = new URLSearchParams({ limit: String(LYNKWELL_PAGE_SIZE) })
    if (point) query.set('startingAfter', point.startingAfter)
    const { response, requests } = await this.authorized(`/invoices?${query}`, signal, point !== null)
    // The invoice we resume after may have gone (deleted upstream since the walk stopped):
    // start the walk over rather than fail; the sync engine's walk makes repeats harmless.
    if (point && (response.status === 400 || response.status === 404)) {
      const restarted = await this.fetchPage(null, signal)
      return { ...restarted, requests: restarted.requests + requests }
    }
    const where = 'an invoice list page'
    const page = parseWire(LynkwellInvoiceList, parseJson(response.text, 'Lynkwell', where), 'Lynkwell', where)
    const amountUnit = this.account.options.amountUnit
    const { invoices, skipped } = readInvoiceRecords(
      page.data.items,
      LynkwellInvoice,
      (wire, raw) => mapLynkwellInvoice(wire, raw, amountUnit),
      { secrets: [this.secret, ...this.issued] }
    )
    const last = lastListedId(page.data.items)
    if (page.data.hasMore && !last) {
      throw new AppError(
        'PROVIDER_BAD_RESPONSE',
        `${this.who}: Lynkwell said more invoices follow but sent ${page.data.items.length === 0 ? 'an empty page' : 'a page whose last item has no id'}, so the walk cannot continue. Sync again later.`
      )
    }
    return {
      invoices,
      next: page.data.hasMore && last ? JSON.stringify({ v: 1, startingAfter: last } satisfies ResumePoint) : null,
      skipped,
      requests
    }
  }

  /**
   * The invoice's pdfUrl, fetched when wanted: it is probably a signed link that expires, so
   * nothing is promised about it later. Whether it wants the bearer token is undocumented: it
   * is tried without, and on 401/403 again with the token — but only on the API's own origin,
   * so the token never goes to a file host it was not issued for.
   */
  async downloadPdf(invoice: PdfInvoice, signal?: AbortSignal): Promise<Response | null> {
    const parsed = LynkwellInvoice.safeParse(invoice.raw)
    const link = parsed.success ? parsed.data.pdfUrl?.trim() : undefined
    if (!link) return null
    const url = webLink(link)
    if (!url)
      throw new AppError(
        'PROVIDER_BAD_RESPONSE',
        `${this.who}: the invoice’s pdfUrl (“${link.slice(0, 80)}”) is not a web link, so its PDF cannot be downloaded.`
      )
    const expired = 'The link may have expired: sync the account for a fresh one.'
    const checkTarget = (target: URL): Promise<void> => checkLinkTarget(target, this.account.baseUrl, this.who, this.deps.resolveHost)
    let response = await requestPdf(this.deps, {
      url: url.href,
      headers: { Accept: 'application/pdf' },
      signal,
      redirect: 'follow',
      checkTarget
    })
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel()
      if (url.origin !== new URL(this.account.baseUrl).origin) {
        throw new AppError(
          'PROVIDER_AUTH',
          `${this.who}: the PDF link refused the download (${response.status}), and it is not on Lynkwell’s API host, so Quire does not send your access token there. ${expired}`
        )
      }
      const token = await this.accessToken(signal)
      response = await requestPdf(this.deps, {
        url: url.href,
        headers: { Authorization: `Bearer ${token.value}`, Accept: 'application/pdf' },
        signal,
        redirect: 'error'
      })
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel()
        throw new AppError(
          'PROVIDER_AUTH',
          `${this.who}: the PDF link refused the download even with an access token (${response.status}). ${expired}`
        )
      }
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel()
      throw new AppError('PROVIDER_BAD_RESPONSE', `${this.who}: the PDF link no longer works (${response.status}). ${expired}`)
    }
    return response
  }

  private get who(): string {
    return `Lynkwell account “${this.account.name}”`
  }

  /**
   * A billing GET with the cached token. A 401 means the token died early (revoked, or the
   * server's clock ran ahead of ours): drop it and try once more with a fresh one.
   * `tolerate400` hands a 400/404 back to the caller instead of throwing.
   */
  private async authorized(
    path: string,
    signal: AbortSignal | undefined,
    tolerate400 = false
  ): Promise<{ response: HttpResponse; requests: number }> {
    let requests = 0
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.accessToken(signal)
      requests += token.requests
      const response = await exchange(this.deps, {
        url: `${this.account.baseUrl}${path}`,
        headers: { Authorization: `Bearer ${token.value}`, Accept: 'application/json' },
        signal
      })
      requests += response.attempts
      if (response.status === 401 && attempt === 1) {
        await this.dropToken()
        continue
      }
      if (response.status >= 200 && response.status < 300) return { response, requests }
      if (tolerate400 && (response.status === 400 || response.status === 404)) return { response, requests }
      throw this.apiFailure(response)
    }
  }

  /**
   * The cached token while it is fresh, else a new one. The engine calls a connector one page
   * at a time, so there is never a second token request in flight to share. Two processes
   * syncing at once may each ask for one; the later write wins, and both tokens stay valid.
   */
  private async accessToken(signal?: AbortSignal): Promise<{ value: string; requests: number }> {
    if (!this.storeRead) {
      this.storeRead = true
      const stored = await this.tokens.read()
      if (stored && stored.scope === this.scope) {
        this.cached = stored
        this.issued.push(stored.value)
      }
    }
    if (this.cached && this.deps.clock.now().getTime() < renewAt(this.cached)) return { value: this.cached.value, requests: 0 }
    this.cached = null
    const { token, attempts } = await this.requestToken(signal)
    this.cached = token
    await this.tokens.write(token)
    return { value: token.value, requests: attempts }
  }

  private async dropToken(): Promise<void> {
    this.cached = null
    await this.tokens.drop()
  }

  /** What a token is good for: one client at one token endpoint for one audience. */
  private get scope(): string {
    return JSON.stringify([this.clientId, this.tokenUrl, this.audience])
  }

  private async requestToken(signal?: AbortSignal): Promise<{ token: CachedAccessToken; attempts: number }> {
    const response = await exchange(this.deps, {
      url: this.tokenUrl,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        client_id: this.clientId,
        client_secret: this.secret,
        audience: this.audience,
        grant_type: 'client_credentials'
      }),
      signal
    })
    if (response.status < 200 || response.status >= 300) throw this.tokenFailure(response)
    const where = 'the token response'
    const granted = parseWire(LynkwellToken, parseJson(response.text, 'Lynkwell', where), 'Lynkwell', where)
    this.issued.push(granted.access_token)
    const issuedAt = this.deps.clock.now().getTime()
    return {
      token: { value: granted.access_token, scope: this.scope, issuedAt, expiresAt: issuedAt + Math.round(granted.expires_in * 1000) },
      attempts: response.attempts
    }
  }

  private tokenFailure(response: HttpResponse): AppError {
    const quote = this.quote(response)
    const from = `the token endpoint ${new URL(this.tokenUrl).origin}`
    switch (response.status) {
      case 400:
        return new AppError(
          'PROVIDER_AUTH',
          `${this.who}: ${from} refused the token request.${quote} Check the client id, token URL and audience in the account settings.`
        )
      case 401:
        return new AppError(
          'PROVIDER_AUTH',
          `${this.who}: ${from} rejected the client id “${this.clientId}” or its client secret.${quote} Check both under Network Manager → Developers → API Clients and replace the secret in Quire.`
        )
      case 403:
        return new AppError(
          'PROVIDER_AUTH',
          `${this.who}: ${from} would not give API client “${this.clientId}” a token for the audience “${this.audience}”.${quote} Check the audience in the account settings (normally https://api.lynkwell.com).`
        )
      case 404:
        return new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${this.who}: nothing found at the token URL ${this.tokenUrl} (404). Check the token URL in the account settings.${quote}`
        )
      default:
        return this.commonFailure(response, quote, 'Lynkwell’s token endpoint')
    }
  }

  private apiFailure(response: HttpResponse): AppError {
    const quote = this.quote(response)
    switch (response.status) {
      case 401:
        return new AppError(
          'PROVIDER_AUTH',
          `${this.who}: Lynkwell refused a freshly issued access token.${quote} Check that the audience (“${this.audience}”) belongs to this base URL.`
        )
      case 403:
        return new AppError(
          'PROVIDER_SCOPE',
          `${this.who}: API client “${this.clientId}” may not read invoices.${quote} Ask a Lynkwell network administrator to grant it billing access.`
        )
      case 404:
        return new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${this.who}: nothing found at ${this.account.baseUrl} (404). Check the base URL; it normally ends in /billing/v1.${quote}`
        )
      default:
        return this.commonFailure(response, quote, 'Lynkwell')
    }
  }

  private commonFailure(response: HttpResponse, quote: string, what: string): AppError {
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after'), this.deps.clock.now())
      return new AppError(
        'PROVIDER_RATE_LIMITED',
        `${this.who}: ${what} is limiting requests. Sync again ${wait === null ? 'later' : `in ${Math.ceil(wait / 1000)} s`}.`
      )
    }
    if (response.status >= 500) {
      return new AppError(
        'PROVIDER_UNAVAILABLE',
        `${this.who}: ${what} had a server error (${response.status}) and kept failing after ${response.attempts} attempts. Sync again later.`
      )
    }
    return new AppError('PROVIDER_BAD_RESPONSE', `${this.who}: ${what} refused the request with status ${response.status}.${quote}`)
  }

  /** What the server said, as ` Lynkwell said: “…”.`, with the secret and every token cut out. */
  private quote(response: HttpResponse): string {
    const parsed = LynkwellErrorBody.safeParse(tryParseJson(response.text))
    if (!parsed.success) return ''
    const { error, error_description: description, message } = parsed.data
    const code = typeof error === 'string' ? error : error?.code
    const text = description ?? message ?? (typeof error === 'object' ? error.message : undefined)
    const said = [text, code && code !== text ? `(${code})` : undefined].filter(Boolean).join(' ')
    if (!said) return ''
    const redacted = redact(said, [this.secret, ...this.issued])
    return ` Lynkwell said: “${redacted.slice(0, 300).replace(/[.\s]+$/, '')}”.`
  }
}

/** Renew this long before expiry: a minute, or a tenth of a short lifetime, so a token never lapses mid-request. */
function renewAt(token: CachedAccessToken): number {
  return token.expiresAt - Math.min(EXPIRY_MARGIN_MS, (token.expiresAt - token.issuedAt) / 10)
}

/**
 * Keyset paging continues after the last item listed, whether or not Quire could keep it: an
 * unreadable last record must not end or loop the walk. Only an item with no id at all leaves
 * nothing to continue from.
 */
function lastListedId(items: readonly unknown[]): string | null {
  const last = items.at(-1)
  const id = typeof last === 'object' && last !== null ? (last as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length > 0 && id.length <= 512 ? id : null
}

function webLink(text: string): URL | null {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null
  } catch {
    return null
  }
}

function decodeResumePoint(resume: string | null): ResumePoint | null {
  if (resume === null) return null
  try {
    const point = JSON.parse(resume) as Partial<ResumePoint>
    return point.v === 1 && typeof point.startingAfter === 'string' && point.startingAfter.length > 0
      ? { v: 1, startingAfter: point.startingAfter }
      : null
  } catch {
    return null
  }
}
