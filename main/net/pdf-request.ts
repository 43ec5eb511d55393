/**
 * The one HTTP request behind every provider PDF download. Unlike `exchange` (main/net/http.ts),
 * it hands back the live response unread: a PDF is streamed to disk and verified by the caller
 * (receive-pdf.ts), never buffered as text. Connectors use it for their own auth dance.
 */
import { cancelled } from '../base/clock'
import { AppError } from '../base/errors'
import type { HttpDeps } from './http'
import { MAX_LINK_REDIRECTS } from './link-target'

/** What a connector gets to find an invoice's PDF: its id and its last payload as received. */
export interface PdfInvoice {
  remoteId: string
  raw: unknown
}

export interface PdfRequest {
  url: string
  headers: Record<string, string>
  signal?: AbortSignal | undefined
  /**
   * 'follow' only where nothing secret is sent (a signed link may bounce to a CDN); with a
   * token, 'error', so the token never travels to a host it was not meant for.
   */
  redirect: 'follow' | 'error'
  /**
   * With 'follow': checks the first URL and every redirect target before it is fetched (throws
   * to refuse). Redirects are followed one by one, at most MAX_LINK_REDIRECTS.
   */
  checkTarget?: (url: URL) => Promise<void>
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Headers and body together: a slow provider gets this long for the whole file. */
export const PDF_TIMEOUT_MS = 60_000
const RETRYABLE = new Set([429, 500, 502, 503, 504])
const RETRY_DELAY_MS = 1_000

/**
 * One retry after a network failure or a 5xx/429: a person is waiting for this file, so a
 * flaky moment is smoothed over, but a down server fails within seconds, not minutes.
 */
export async function requestPdf(deps: HttpDeps, request: PdfRequest): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    if (request.signal?.aborted) throw cancelled()
    const timeout = AbortSignal.timeout(PDF_TIMEOUT_MS)
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout
    const once = (): Promise<Response> =>
      request.redirect === 'follow'
        ? followChecked(deps, request, signal)
        : deps.fetch(request.url, { headers: request.headers, signal, redirect: 'error' })
    let response: Response
    try {
      response = await (deps.gate ? deps.gate.run(once, request.signal) : once())
    } catch (error) {
      if (request.signal?.aborted) throw cancelled()
      if (error instanceof AppError) throw error
      if (attempt < 2 && !isRedirectRefusal(error)) {
        await deps.clock.sleep(RETRY_DELAY_MS, request.signal)
        continue
      }
      throw unreachable(request.url, error)
    }
    if (!RETRYABLE.has(response.status) || attempt >= 2) return response
    await response.body?.cancel()
    await deps.clock.sleep(RETRY_DELAY_MS, request.signal)
  }
}

async function followChecked(deps: HttpDeps, request: PdfRequest, signal: AbortSignal): Promise<Response> {
  let url = new URL(request.url)
  for (let hop = 0; ; hop += 1) {
    await request.checkTarget?.(url)
    const response = await deps.fetch(url.href, { headers: request.headers, signal, redirect: 'manual' })
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null
    if (location === null) return response
    await response.body?.cancel()
    if (hop >= MAX_LINK_REDIRECTS) {
      throw new AppError(
        'PROVIDER_BAD_RESPONSE',
        `Could not download the PDF from ${new URL(request.url).origin}: it redirected more than ${MAX_LINK_REDIRECTS} times.`
      )
    }
    url = new URL(location, url)
  }
}

/** The start of an error response's body, for quoting in a message (a PDF endpoint's errors are small). */
export async function briefText(response: Response, limit = 4_096): Promise<string> {
  const text = await response.text().catch(() => '')
  return text.slice(0, limit)
}

/** fetch with redirect: 'error' rejects a 3xx as a TypeError whose cause names the redirect. */
function isRedirectRefusal(error: unknown): boolean {
  return error instanceof TypeError && /redirect/i.test(String((error as { cause?: unknown }).cause ?? error.message))
}

function unreachable(url: string, cause: unknown): AppError {
  const reason =
    cause instanceof Error && cause.name === 'TimeoutError'
      ? 'it did not answer in time'
      : isRedirectRefusal(cause)
        ? 'it redirected elsewhere, and Quire does not follow a redirect with your credentials'
        : 'the connection failed'
  return new AppError('PROVIDER_UNAVAILABLE', `Could not download the PDF from ${new URL(url).origin}: ${reason}.`, { cause })
}
