/**
 * A Lynkwell billing API v1 simulator on 127.0.0.1, with the Auth0 token endpoint beside it:
 * client-credentials grants checked against configured API clients and the expected audience,
 * expiring bearer tokens checked on every billing request (401 when missing, unknown or expired),
 * `limit` as a string matching the documented pattern, `startingAfter` keyset paging with
 * `hasMore`, and the `{data: {hasMore, items}}` / `{data: invoice}` envelopes. The billing API's
 * own error body is not documented; `{message}` is what this simulator sends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LynkwellWireInvoice } from '../../providers/lynkwell/schemas'
import { listenOnLoopback } from '../../net/loopback-server'
import { sendJson } from '../shared/raw-json'
import { withFaults, type FaultPlan } from '../shared/faults'
import { drawProviderPdf, pdfCache, sendPdf, type PdfFault } from '../shared/provider-pdf'
import { lynkwellDataset } from './dataset'
import { TokenAuthority, type LynkwellApiClient } from './oauth'

export interface LynkwellSimulatorOptions {
  /** The invoices to serve, or how many to generate (the seed example is always the first). */
  invoices?: LynkwellWireInvoice[] | number
  seed?: number
  /** The API clients that may get tokens, by client id. */
  clients: Record<string, LynkwellApiClient>
  /** The audience the token endpoint accepts; Lynkwell's documented one by default. */
  audience?: string
  /** Lifetime of each access token (expires_in). */
  tokenTtlSeconds?: number
  now?: () => number
  port?: number
  /** Injected misbehaviour and link latency (see shared/faults.ts). */
  faults?: FaultPlan
  /**
   * The references' own placeholder examples (seed pages served verbatim, "string" values and
   * all) and markup probes (`<img onerror>` names): on by default, because tests rely on them;
   * the demo turns them off, since a new user judges Quire by what it shows.
   */
  testFixtures?: boolean
}

export interface LynkwellSimulator {
  /** The base URL a Quire account uses, ending in /billing/v1. */
  baseUrl: string
  /** The account's token URL: this simulator's own /oauth/token. */
  tokenUrl: string
  audience: string
  /** The live dataset: tests change it between syncs and compare the cache with it. */
  invoices: LynkwellWireInvoice[]
  /** Billing API requests, refused ones included. */
  requests: { count: number }
  /** Token endpoint requests, refused ones included. */
  tokenRequests: { count: number }
  /** Billing requests refused with 401. */
  unauthorized: { count: number }
  /** Requests for PDF links, refused ones included. */
  pdfRequests: { count: number; withToken: number }
  /** Invoices whose PDF link misbehaves, by invoice id: tests set and clear these. */
  pdfFaults: Map<string, PdfFault>
  /** Whether PDF links want the bearer token (undocumented upstream; off by default). */
  pdfNeedsToken: boolean
  /** Call after changing `invoices`, so paging sees the change. */
  changed(): void
  /** Invalidates every issued token, as a key rotation upstream would. */
  revokeTokens(): void
  close(): Promise<void>
}

export const LYNKWELL_AUDIENCE = 'https://api.lynkwell.com'
const BASE_PATH = '/billing/v1'
const PDF_PATH = /^\/files\/invoices\/([^/]+)\.pdf$/
const LIMIT_PATTERN = /^[0-9][0-9]?$|^100$/
const DEFAULT_LIMIT = 20

export async function startLynkwellSimulator(options: LynkwellSimulatorOptions): Promise<LynkwellSimulator> {
  const now = options.now ?? Date.now
  const audience = options.audience ?? LYNKWELL_AUDIENCE
  const authority = new TokenAuthority(options.clients, audience, options.tokenTtlSeconds ?? 86_400, now)
  const requests = { count: 0 }
  const tokenRequests = { count: 0 }
  const unauthorized = { count: 0 }
  const invoices: LynkwellWireInvoice[] = Array.isArray(options.invoices) ? options.invoices : []
  let positions: Map<string, number> | null = null
  const positionOf = (id: string): number | undefined => {
    positions ??= new Map(invoices.map((invoice, index) => [invoice.id, index]))
    return positions.get(id)
  }

  const pdfFaults = new Map<string, PdfFault>()
  const pdfRequests = { count: 0, withToken: 0 }
  const pdfOf = pdfCache((id) => drawLynkwellPdf(invoices[positionOf(id)!]!))
  const files = { needsToken: false }

  const server = await listenOnLoopback(
    withFaults(async (request, response, url) => {
      const pdfMatch = PDF_PATH.exec(url.pathname)
      if (pdfMatch && request.method === 'GET') {
        pdfRequests.count += 1
        const token = bearer(request)
        if (token !== null) pdfRequests.withToken += 1
        if (files.needsToken && (token === null || authority.check(token) !== null))
          return sendJson(response, 401, { message: 'Unauthorized' })
        const id = decodeURIComponent(pdfMatch[1]!)
        if (positionOf(id) === undefined) return sendJson(response, 404, { message: 'No such file' })
        return sendPdf(response, () => pdfOf(id), pdfFaults.get(id), `${id}.pdf`)
      }
      if (url.pathname === '/oauth/token') {
        tokenRequests.count += 1
        if (request.method !== 'POST') return sendJson(response, 405, { error: 'invalid_request', error_description: 'Use POST' })
        const body = await readBody(request)
        if (body === null) return sendJson(response, 400, { error: 'invalid_request', error_description: 'Invalid request body' })
        const grant = authority.grant(body)
        return sendJson(response, grant.status, grant.body, { 'Cache-Control': 'no-store' })
      }
      if (!url.pathname.startsWith(`${BASE_PATH}/`)) return sendJson(response, 404, { message: 'Not found' })
      requests.count += 1
      const refusal = authority.check(bearer(request))
      if (refusal !== null) {
        unauthorized.count += 1
        return sendJson(
          response,
          401,
          { message: refusal },
          { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${refusal}"` }
        )
      }
      if (request.method !== 'GET') return sendJson(response, 405, { message: 'Invoices are read-only' })
      const path = url.pathname.slice(BASE_PATH.length)
      if (path === '/invoices') return listInvoices(response, url, invoices, positionOf)
      const match = /^\/invoices\/([^/]+)$/.exec(path)
      if (match) {
        const index = positionOf(decodeURIComponent(match[1]!))
        const invoice = index === undefined ? undefined : invoices[index]
        return invoice ? sendJson(response, 200, { data: invoice }) : sendJson(response, 404, { message: 'Invoice not found' })
      }
      return sendJson(response, 404, { message: 'Not found' })
    }, options.faults),
    options.port
  )

  // Generated after listening, so each pdfUrl can point at this simulator's own origin.
  if (!Array.isArray(options.invoices)) {
    for (const invoice of lynkwellDataset({
      count: options.invoices ?? 250,
      seed: options.seed ?? 1,
      pdfBaseUrl: `${server.origin}/files/invoices`,
      testFixtures: options.testFixtures
    }))
      invoices.push(invoice)
  }
  return {
    baseUrl: `${server.origin}${BASE_PATH}`,
    tokenUrl: `${server.origin}/oauth/token`,
    audience,
    invoices,
    requests,
    tokenRequests,
    unauthorized,
    pdfRequests,
    pdfFaults,
    get pdfNeedsToken() {
      return files.needsToken
    },
    set pdfNeedsToken(value: boolean) {
      files.needsToken = value
    },
    changed: () => {
      positions = null
    },
    revokeTokens: () => authority.revokeAll(),
    close: () => server.close()
  }
}

/** A charging network's invoice: what the payload says, as the payment provider would print it. */
function drawLynkwellPdf(invoice: LynkwellWireInvoice): Promise<Uint8Array> {
  const currency = invoice.currency.toUpperCase()
  const items: [string, string][] = [
    ...(invoice.invoiceItems ?? []).map((text): [string, string] => [text, '']),
    ...(invoice.subscriptionItems ?? []).map((item): [string, string] => [
      item.description ?? 'Subscription',
      item.total == null ? '' : `${item.total} ${currency}`
    ])
  ]
  return drawProviderPdf({
    issuer: 'Lynkwell',
    title: `Invoice ${invoice.id}`,
    facts: [
      ['Status', invoice.status],
      ['Billed to', invoice.paymentProfileId ?? ''],
      ['Period', `${invoice.periodStart ?? ''} - ${invoice.periodEnd ?? ''}`]
    ],
    items,
    // In integer cents: a provider's own document gets 0.1 + 0.2 right.
    total: `${((Math.round(invoice.subTotal * 100) + Math.round(invoice.taxTotal * 100)) / 100).toFixed(2)} ${currency}`
  })
}

function listInvoices(
  response: ServerResponse,
  url: URL,
  invoices: LynkwellWireInvoice[],
  positionOf: (id: string) => number | undefined
): void {
  const limitText = url.searchParams.get('limit') ?? String(DEFAULT_LIMIT)
  if (!LIMIT_PATTERN.test(limitText)) return sendJson(response, 400, { message: `limit must match ${LIMIT_PATTERN.source}` })
  const limit = Number(limitText)
  let start = 0
  const after = url.searchParams.get('startingAfter')
  if (after !== null) {
    const index = positionOf(after)
    if (index === undefined) return sendJson(response, 400, { message: `startingAfter: no invoice with id ${after}` })
    start = index + 1
  }
  const items = invoices.slice(start, start + limit)
  sendJson(response, 200, { data: { hasMore: start + limit < invoices.length, items } })
}

function bearer(request: IncomingMessage): string | null {
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')
  return match ? match[1]! : null
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
