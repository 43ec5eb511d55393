/**
 * One HTTP exchange with retries, shared by every connector. It knows transport and HTTP
 * semantics (timeouts, backoff, Retry-After, cancellation) and nothing of any provider's
 * envelope: the connector turns a non-2xx response into its own typed error.
 */
import { AppError } from '../base/errors'
import { cancelled, type Clock } from '../base/clock'
import type { ResolveHost } from './address-kind'
import { readBoundedText } from './bounded-body'
import type { RequestGate } from './request-gate'

export type Fetch = typeof globalThis.fetch

export interface HttpDeps {
  fetch: Fetch
  clock: Clock
  /** The global cap on requests in flight; absent in tests that want none. */
  gate?: RequestGate
  /**
   * false only to measure Quire against the physical limit (benchmarks on local simulators):
   * providers' published rate budgets are otherwise always respected.
   */
  publishedBudgets?: boolean
  /** How host names of provider-supplied links are resolved before they are fetched; default: the system resolver. */
  resolveHost?: ResolveHost
}

export interface HttpRequest {
  url: string
  method?: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
  /** How many HTTP requests this exchange took, retries included. */
  attempts: number
}

export interface RetryPolicy {
  attempts: number
  timeoutMs: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this is not waited out: the sync fails and says when to retry. */
  maxRetryAfterMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  timeoutMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 120_000
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504])

export async function exchange(deps: HttpDeps, request: HttpRequest, policy: RetryPolicy = defaultRetryPolicy): Promise<HttpResponse> {
  for (let attempt = 1; ; attempt += 1) {
    if (request.signal?.aborted) throw cancelled()
    let response: { status: number; headers: Headers; text: string }
    try {
      const once = (): Promise<{ status: number; headers: Headers; text: string }> => fetchOnce(deps.fetch, request, policy.timeoutMs)
      response = await (deps.gate ? deps.gate.run(once, request.signal) : once())
    } catch (error) {
      if (request.signal?.aborted) throw cancelled()
      // The same server would send the same oversized body again: asking again only costs time.
      if (error instanceof AppError && error.code === 'PROVIDER_RESPONSE_TOO_LARGE') throw error
      if (attempt >= policy.attempts) throw unreachable(request.url, error)
      await deps.clock.sleep(backoff(attempt, policy), request.signal)
      continue
    }
    if (!RETRYABLE_STATUS.has(response.status) || attempt >= policy.attempts) {
      return { ...response, attempts: attempt }
    }
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), deps.clock.now())
    if (retryAfter !== null && retryAfter > policy.maxRetryAfterMs) return { ...response, attempts: attempt }
    await deps.clock.sleep(retryAfter ?? backoff(attempt, policy), request.signal)
  }
}

async function fetchOnce(
  fetch: Fetch,
  request: HttpRequest,
  timeoutMs: number
): Promise<{ status: number; headers: Headers; text: string }> {
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    signal,
    redirect: 'error'
  })
  // Reading the body is part of the attempt: a connection reset mid-body is retried too.
  const text = await readBoundedText(response, request.url)
  return { status: response.status, headers: response.headers, text }
}

/** Exponential backoff with jitter (half fixed, half random), so clients do not retry in lockstep. */
function backoff(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime())
}

function unreachable(url: string, cause: unknown): AppError {
  const reason = cause instanceof Error && cause.name === 'TimeoutError' ? 'it did not answer in time' : 'the connection failed'
  return new AppError(
    'PROVIDER_UNAVAILABLE',
    `Could not reach ${new URL(url).origin}: ${reason}. Check the base URL and your network, then sync again.`,
    {
      cause
    }
  )
}
