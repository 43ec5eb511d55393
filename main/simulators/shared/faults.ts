import type { IncomingMessage, ServerResponse } from 'node:http'
import { seededRandom } from './random'

/** Ways a real network and a real provider misbehave, injected by the simulators in tests. */
export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 429; retryAfterSeconds?: number }
  /** Headers and half the body, then the connection drops. */
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  /** A 200 whose body is JSON of the wrong shape: the page must fail its schema. */
  | { kind: 'malformed' }

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
  }
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
