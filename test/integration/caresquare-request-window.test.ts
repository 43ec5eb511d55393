import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { CARESQUARE_REQUESTS_IN_FLIGHT, CareSquareClient } from '../../main/providers/caresquare/client'
import { startCareSquareSimulator, type CareSquareSimulator } from '../../main/simulators/caresquare/server'
import { walkConnector } from '../helpers/connector-walk'
import { fakeClock } from '../helpers/fake-clock'

/** Each request as it went out: was it a list page, and how many others were in flight then. */
interface Sent {
  list: boolean
  othersInFlight: number
}

function countingFetch(): { fetch: typeof fetch; sent: Sent[]; most: () => number } {
  const sent: Sent[] = []
  let inFlight = 0
  let most = 0
  const counting: typeof fetch = async (input, init) => {
    const url = new URL(String(input))
    sent.push({ list: url.pathname.endsWith('/invoices'), othersInFlight: inFlight })
    inFlight += 1
    most = Math.max(most, inFlight)
    try {
      const response = await fetch(input, init)
      return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers })
    } finally {
      inFlight -= 1
    }
  }
  return { fetch: counting, sent, most: () => most }
}

describe('CareSquare keeps its window of requests full across pages', () => {
  const planManager = randomUUID()
  const key = `cs_live_${randomUUID().replaceAll('-', '')}`
  let simulator: CareSquareSimulator
  afterEach(() => simulator.close())

  it('asks for the next list page while this page’s details are still in flight, never more than the window at once', async () => {
    simulator = await startCareSquareSimulator({ invoices: { [planManager]: 350 }, apiKeys: { [key]: { planManagerIds: [planManager] } } })
    const link = countingFetch()
    const client = new CareSquareClient({ name: 'Plan Co', baseUrl: simulator.baseUrl, options: { planManagerIds: [planManager] } }, key, {
      fetch: link.fetch,
      clock: fakeClock()
    })
    const walk = await walkConnector(client)

    const listed = simulator.invoices[planManager]!.length
    expect(new Set(walk.invoices.map((invoice) => invoice.remoteId)).size).toBe(listed)
    // Nothing fetched twice or beyond the end: reading ahead wastes nothing on a walk that runs through.
    expect(link.sent).toHaveLength(4 + listed)
    expect(link.most()).toBe(CARESQUARE_REQUESTS_IN_FLIGHT)
    // After the first, each list page goes out in a slot a detail of the page before just freed.
    const laterLists = link.sent.filter((request) => request.list).slice(1)
    expect(laterLists.map((request) => request.othersInFlight)).toEqual([5, 5, 5])
  })
})
