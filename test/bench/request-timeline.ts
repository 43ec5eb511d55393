import type { Fetch } from '../../main/net/http'

/** When each request went out and when its answer was in, in ms on one clock. */
export interface RequestSpan {
  startMs: number
  endMs: number
}

export interface RequestTimeline {
  fetch: Fetch
  spans: RequestSpan[]
}

/** `fetch` that notes every request's span: where a sync leaves the link idle shows up as gaps. */
export function recordRequests(fetch: Fetch): RequestTimeline {
  const spans: RequestSpan[] = []
  const recorded: Fetch = async (input, init) => {
    const startMs = performance.now()
    const response = await fetch(input, init)
    // The answer is in once its body is: headers alone arrive before the simulated latency ends.
    const body = await response.arrayBuffer()
    spans.push({ startMs, endMs: performance.now() })
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
  return { fetch: recorded, spans }
}

/**
 * From the first request out to the last answer in, and the requests in flight on average over
 * that time: a sync that keeps N requests going at all times averages N.
 */
export function linkUse(spans: readonly RequestSpan[]): { firstToLastMs: number; meanInFlight: number } {
  if (spans.length === 0) return { firstToLastMs: 0, meanInFlight: 0 }
  const first = Math.min(...spans.map((span) => span.startMs))
  const last = Math.max(...spans.map((span) => span.endMs))
  const busy = spans.reduce((sum, span) => sum + (span.endMs - span.startMs), 0)
  return { firstToLastMs: last - first, meanInFlight: last > first ? busy / (last - first) : 0 }
}
