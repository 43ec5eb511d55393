import type { ProviderId, ProviderOptions } from '../../preload/contract'
import { systemClock } from '../../main/base/clock'
import { providers } from '../../main/providers/registry'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'

/** Where a simulator answers and how to sign in to it. */
export interface SimulatorEndpoint {
  provider: ProviderId
  baseUrl: string
  secret: string
  options: ProviderOptions
}

/** Walks the list through the connector until at least `enough` invoices, or to the end. */
export async function walk(sim: SimulatorEndpoint, enough: number): Promise<UnifiedInvoice[][]> {
  const definition = providers[sim.provider]
  const connector = definition.createConnector(
    { name: 'bench', baseUrl: sim.baseUrl, options: definition.options.parse(sim.options) },
    sim.secret,
    { fetch, clock: systemClock, publishedBudgets: false }
  )
  const pages: UnifiedInvoice[][] = []
  let walked = 0
  let cursor: string | null = null
  do {
    const page = await connector.fetchPage(cursor)
    pages.push(page.invoices)
    walked += page.invoices.length
    cursor = page.next
  } while (cursor !== null && walked < enough)
  return pages
}

/** Invoices walked before anything is timed: enough for the JIT to settle, on both sides. */
export const WARM_UP_INVOICES = 2_000
