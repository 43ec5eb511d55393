import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handler } from '../../net/loopback-server'
import { createGzip } from 'node:zlib'
import { seededRandom } from './random'

/** Ways a real network and a real provider misbehave, injected by the simulators in tests. */
export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 429; retryAfterSeconds?: number }
  /** Headers and half the body, then the connection drops. */
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  /** A 200 whose body is JSON of the wrong shape: the page must fail its schema. */
  | { kind: 'malformed' }
  /** A 200 whose small gzip body unpacks to `megabytes` of JSON whitespace: a decompression bomb. */
  | { kind: 'gzipBomb'; megabytes: number }

export type FaultPlan = (request: { index: number; method: string; path: string }) => Fault | null

/** A seeded mix of faults on about `rate` of requests: the same seed misbehaves the same way. */
export function randomFaults({ seed, rate, kinds }: { seed: number; rate: number; kinds: Fault[] }): FaultPlan {
  const random = seededRandom(seed)
  return () => (random() < rate ? kinds[Math.floor(random() * kinds.length)]! : null)
}

/** Applies a fault; returns true when the request was answered (or cut) and must go no further. */
export async function applyFault(fault: Fault, _request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return false
    case 'status': {
      const body = JSON.stringify({ error: { code: 'injected_fault', message: `Injected ${fault.status}` } })
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds)
      response.writeHead(fault.status, headers)
      response.end(body)
      return true
    }
    case 'reset': {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' })
      response.write('{"data":[{"id":"')
      setTimeout(() => response.socket?.destroy(), 5)
      return true
    }
    case 'malformed': {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('{"data":"this is not the documented shape","pagination":42}')
      return true
    }
    case 'gzipBomb':
      sendGzipBomb(response, fault.megabytes)
      return true
  }
}

/** A simulator's handler with a fault plan in front: the plan gets the first word on every request. */
export function withFaults(handler: Handler, faults: FaultPlan | undefined): Handler {
  if (!faults) return handler
  let index = 0
  return async (request, response, url) => {
    const fault = faults({ index: index++, method: request.method ?? 'GET', path: url.pathname })
    if (fault && (await applyFault(fault, request, response))) return
    await handler(request, response, url)
  }
}

/**
 * Streams the bomb as it is compressed, with backpressure, so the simulator itself never holds
 * it; it stops as soon as the client goes away.
 */
function sendGzipBomb(response: ServerResponse, megabytes: number): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
  const gzip = createGzip({ level: 9 })
  gzip.pipe(response)
  const chunk = Buffer.alloc(1024 * 1024, 0x20)
  let left = megabytes
  const pump = (): void => {
    while (left > 0 && !response.destroyed) {
      left -= 1
      if (!gzip.write(chunk)) return void gzip.once('drain', pump)
    }
    if (!response.destroyed) gzip.end('","data":[],"pagination":{"nextCursor":null}}')
  }
  response.once('close', () => gzip.destroy())
  gzip.write('{"padding":"')
  pump()
}

export interface Latency {
  /** The round trip every request waits before it is answered. */
  ms: number
  /** Each wait is `ms` plus or minus up to this, seeded, so a run can be repeated. */
  jitterMs: number
  seed?: number
}

/**
 * A real link instead of loopback: every request answered normally waits its latency first (an
 * injected delay adds to it; other injected faults keep their own timing). Loopback answers in
 * microseconds, which hides how a sync behaves when each request costs a round trip.
 */
export function withLatency(latency: Latency, plan?: FaultPlan): FaultPlan {
  const random = seededRandom(latency.seed ?? 1)
  return (request) => {
    const fault = plan?.(request) ?? null
    if (fault && fault.kind !== 'delay') return fault
    const wait = Math.max(0, latency.ms + (random() * 2 - 1) * latency.jitterMs)
    return { kind: 'delay', ms: wait + (fault?.ms ?? 0) }
  }
}
