import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handler } from '../../net/loopback-server'
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
