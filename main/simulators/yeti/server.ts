/**
 * A Yeti-Switch customer API v1 simulator on 127.0.0.1 (yeti-web: Rails + jsonapi-resources):
 * `POST /auth` trades a customer portal login and password for an HS256 JWT with a lifetime,
 * every other request needs that JWT raw in Authorization and an acceptable Accept header, and
 * invoices are JSON:API documents paged by page[number]/page[size] ≤ 1000, approved ones only.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenOnLoopback } from '../../net/loopback-server'
import { sendJson } from '../shared/raw-json'
import { withFaults, type FaultPlan } from '../shared/faults'
import { drawProviderPdf, pdfCache, sendPdf, type PdfFault } from '../shared/provider-pdf'
import { yetiDataset, type YetiSimAccount, type YetiSimInvoice } from './dataset'
import { renderServerTime } from './server-time'
import {
  accountResource,
  invoiceResource,
  JsonApiFailure,
  pageLinks,
  parseInclude,
  parseListQuery,
  sortInvoices,
  YETI_API_PATH,
  type JsonApiError
} from './jsonapi'
import { signJwt, verifyJwt } from './jwt'

export interface YetiUser {
  password: string
}

export interface YetiSimulatorOptions {
  /** Customer portal logins (System → Customer Portal Logins), by login. */
  users: Record<string, YetiUser>
  /** The invoices to serve (every state), or how many to generate. */
  invoices?: YetiSimInvoice[] | number
  /** The customer's accounts; generated with the invoices when those are generated. */
  accounts?: YetiSimAccount[]
  seed?: number
  port?: number
  /** Injected misbehaviour and link latency (see shared/faults.ts). */
  faults?: FaultPlan
  /** api.customer.token_lifetime: 600 s as shipped; null means tokens never expire. */
  jwtTtlSeconds?: number | null
  /** Milliseconds since the epoch, for minting and checking token expiry. */
  now?: () => number
  /**
   * The server's time zone ($YETI_TZ, Rails' config.time_zone): datetimes are sent in it, with
   * its offset. A fixed offset (`+02:00`) or an IANA name; UTC (`…Z`) by default.
   */
  timeZone?: string
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

export interface YetiSimulator {
  /** The base URL a Quire account uses, ending in /api/rest/customer/v1. */
  baseUrl: string
  /** The live dataset: tests change it between syncs and compare the cache with it. */
  invoices: YetiSimInvoice[]
  accounts: YetiSimAccount[]
  requests: { count: number }
  /** Successful logins, i.e. tokens issued. */
  logins: { count: number }
  /** PDF downloads answered (faults included). */
  pdfRequests: { count: number }
  /** Invoices whose download misbehaves, by invoice id: tests set and clear these. */
  pdfFaults: Map<string, PdfFault>
  /** Documents served instead of the drawn one, by invoice id: tests set these (a scan, a wrong total). */
  pdfOverrides: Map<string, Uint8Array>
  /** Call after adding, removing or reordering invoices or changing a sort key. */
  changed(): void
  close(): Promise<void>
}

const JSON_API = 'application/vnd.api+json'
const AUDIENCE = 'customer-v1'
const AUTHENTICATION_FAILED: JsonApiError = {
  title: 'Authentication failed',
  detail: 'Incorrect login or password.',
  code: '401',
  status: '401'
}
const AUTHORIZATION_FAILED: JsonApiError = {
  title: 'Authorization failed',
  detail: 'Authorization token expired or incorrect.',
  code: '401',
  status: '401'
}

export async function startYetiSimulator(options: YetiSimulatorOptions): Promise<YetiSimulator> {
  const dataset = Array.isArray(options.invoices)
    ? { invoices: options.invoices, accounts: [] }
    : yetiDataset({ count: options.invoices ?? 250, seed: options.seed ?? 1, testFixtures: options.testFixtures })
  const invoices = dataset.invoices
  const accounts = options.accounts ?? dataset.accounts
  const now = options.now ?? Date.now
  const ttl = options.jwtTtlSeconds === undefined ? 600 : options.jwtTtlSeconds
  const zone = options.timeZone ?? 'UTC'
  // An unknown zone name fails here, at start, rather than on the first request.
  renderServerTime(new Date(0).toISOString(), zone)
  const secret = randomBytes(32)
  // API access ids, as the JWT's `sub` carries them.
  const accessIds = new Map(Object.keys(options.users).map((login, index) => [login, index + 1]))
  const requests = { count: 0 }
  const logins = { count: 0 }
  const sorted = new Map<string, YetiSimInvoice[]>()
  const pdfRequests = { count: 0 }
  const pdfFaults = new Map<string, PdfFault>()
  const pdfOverrides = new Map<string, Uint8Array>()
  const pdfOf = pdfCache((id) =>
    drawYetiPdf(
      invoices.find((invoice) => invoice.id === id)!,
      accounts
    )
  )

  const server = await listenOnLoopback(
    withFaults(async (request, response, url) => {
      requests.count += 1
      const origin = `http://${request.headers.host ?? '127.0.0.1'}`
      const path = url.pathname.startsWith(`${YETI_API_PATH}/`) ? url.pathname.slice(YETI_API_PATH.length) : null
      if (path === '/auth' && request.method === 'POST') return logIn(request, response)
      const downloadMatch = path === null ? null : /^\/invoices\/([^/]+)\/download$/.exec(path)
      if (downloadMatch && request.method === 'GET') {
        // The download action is not a JSON:API resource: no Accept check, same token.
        if (!authorized(request.headers.authorization)) return fail(response, 401, AUTHORIZATION_FAILED)
        return download(response, decodeURIComponent(downloadMatch[1]!))
      }
      const invoiceMatch = path === null ? null : /^\/invoices\/([^/]+)$/.exec(path)
      if (request.method !== 'GET' || (path !== '/invoices' && !invoiceMatch))
        return fail(response, 404, {
          title: 'Route not found',
          detail: `No route matches ${request.method} ${url.pathname}.`,
          code: '404',
          status: '404'
        })
      try {
        checkAccept(request.headers.accept)
        if (!authorized(request.headers.authorization)) return fail(response, 401, AUTHORIZATION_FAILED)
        if (invoiceMatch)
          return showInvoice(response, origin, decodeURIComponent(invoiceMatch[1]!), parseInclude(url.searchParams.get('include')))
        return listInvoices(response, url, origin)
      } catch (error) {
        if (error instanceof JsonApiFailure) return fail(response, Number(error.error.status), error.error)
        throw error
      }
    }, options.faults),
    options.port
  )

  async function logIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJson(request)
    const auth = typeof body === 'object' && body !== null ? (body as { auth?: unknown }).auth : undefined
    if (typeof auth !== 'object' || auth === null) return sendJson(response, 400, { status: 400, error: 'Bad Request' })
    const { login, password } = auth as { login?: unknown; password?: unknown }
    const user = typeof login === 'string' ? options.users[login] : undefined
    const sub = typeof login === 'string' ? accessIds.get(login) : undefined
    if (!user || sub === undefined || typeof password !== 'string' || user.password !== password) {
      return sendJson(response, 401, { errors: [AUTHENTICATION_FAILED] })
    }
    logins.count += 1
    const exp = ttl === null ? {} : { exp: Math.floor(now() / 1000) + ttl }
    sendJson(response, 201, { jwt: signJwt({ sub, aud: [AUDIENCE], ...exp }, secret) })
  }

  /** The server takes the header's last word, so a raw token and "Bearer <token>" both work. */
  function authorized(header: string | undefined): boolean {
    const token = header?.trim().split(/\s+/).at(-1)
    const claims = token ? verifyJwt(token, secret) : null
    if (!claims || !claims.aud.includes(AUDIENCE) || ![...accessIds.values()].includes(claims.sub)) return false
    return claims.exp === undefined || now() / 1000 < claims.exp
  }

  function approved(): YetiSimInvoice[] {
    return invoices.filter((invoice) => invoice.state === 'approved')
  }

  function listInvoices(response: ServerResponse, url: URL, origin: string): void {
    const query = parseListQuery(url.searchParams)
    const key = JSON.stringify(query.sort)
    let view = sorted.get(key)
    if (!view) {
      view = sortInvoices(approved(), query.sort)
      sorted.set(key, view)
    }
    const page = view.slice((query.number - 1) * query.size, query.number * query.size)
    sendJsonApi(response, 200, {
      data: page.map((invoice) => invoiceResource(invoice, origin, query.includeAccount, zone)),
      ...included(page, origin, query.includeAccount),
      meta: { 'total-count': view.length },
      links: pageLinks(url, origin, query, view.length)
    })
  }

  function showInvoice(response: ServerResponse, origin: string, id: string, includeAccount: boolean): void {
    const invoice = approved().find((candidate) => candidate.id === id)
    if (!invoice)
      return fail(response, 404, {
        title: 'Record not found',
        detail: `The record identified by ${id} could not be found.`,
        code: '404',
        status: '404'
      })
    sendJsonApi(response, 200, {
      data: invoiceResource(invoice, origin, includeAccount, zone),
      ...included([invoice], origin, includeAccount)
    })
  }

  /** invoices_controller.rb#download: the PDF as an attachment; 404 with an empty body when no PDF data exists yet. */
  function download(response: ServerResponse, id: string): Promise<void> | void {
    pdfRequests.count += 1
    const invoice = approved().find((candidate) => candidate.id === id)
    if (!invoice)
      return fail(response, 404, {
        title: 'Record not found',
        detail: `The record identified by ${id} could not be found.`,
        code: '404',
        status: '404'
      })
    const fault = invoice.attributes['has-pdf'] ? pdfFaults.get(id) : 'missing'
    const override = pdfOverrides.get(id)
    return sendPdf(
      response,
      () => (override ? Promise.resolve(override) : pdfOf(id)),
      fault,
      `invoice_${invoice.attributes.reference ?? id}.pdf`
    )
  }

  /** Each page's accounts, once each; an account the customer no longer has is simply missing. */
  function included(page: YetiSimInvoice[], origin: string, includeAccount: boolean): { included?: object[] } {
    if (!includeAccount) return {}
    const ids = [...new Set(page.map((invoice) => invoice.accountId))]
    const found = ids.flatMap((id) => accounts.filter((account) => account.id === id)).map((account) => accountResource(account, origin))
    return found.length > 0 ? { included: found } : {}
  }

  return {
    baseUrl: `${server.origin}${YETI_API_PATH}`,
    invoices,
    accounts,
    requests,
    logins,
    pdfRequests,
    pdfFaults,
    pdfOverrides,
    changed: () => sorted.clear(),
    close: () => server.close()
  }
}

/** The operator's invoice document: the account, the billing period and what was spent. */
function drawYetiPdf(invoice: YetiSimInvoice, accounts: YetiSimAccount[]): Promise<Uint8Array> {
  const account = accounts.find((candidate) => candidate.id === invoice.accountId)
  const currency = account?.attributes.currency ?? ''
  const a = invoice.attributes
  return drawProviderPdf({
    issuer: 'Yeti-Switch billing',
    title: `Invoice ${a.reference ?? invoice.id}`,
    facts: [
      ['Account', account?.attributes.name ?? invoice.accountId],
      ['Period', `${a['start-date']} - ${a['end-date']}`],
      ['Currency', currency]
    ],
    items: [
      ['Originated calls', a['originated-amount-spent']],
      ['Terminated calls', a['terminated-amount-spent']],
      ['Services', a['services-amount-spent']]
    ],
    total: `${a['amount-spent']} ${currency}`
  })
}

/** jsonapi-resources answers 406 unless Accept is absent, accepts anything, or lists its media type. */
function checkAccept(accept: string | undefined): void {
  if (accept === undefined || accept.trim() === '') return
  const types = accept.split(',').map((part) => part.trim().split(';')[0]!.trim())
  if (types.includes('*/*') || types.includes(JSON_API)) return
  throw new JsonApiFailure({
    title: 'Not acceptable',
    detail: `All requests must use the '${JSON_API}' Accept without media type parameters. This request specified '${accept}'.`,
    code: '406',
    status: '406'
  })
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return null
  }
}

function sendJsonApi(response: ServerResponse, status: number, body: unknown): void {
  sendJson(response, status, body, { 'Content-Type': JSON_API })
}

function fail(response: ServerResponse, status: number, error: JsonApiError): void {
  sendJsonApi(response, status, { errors: [error] })
}
