import type { ProviderId } from '../../preload/contract'
import { systemClock } from '../../main/core/clock'
import { createCore } from '../../main/core/create-core'
import { providers } from '../../main/providers/registry'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { rawWalk } from './raw-http'
import { rawUpserts } from './raw-sqlite'
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process'
import { round, timed, watchPeakRss } from './stats'

export interface SyncFigures {
  provider: ProviderId | 'all four'
  invoices: number
  seconds: number
  invoicesPerSecond: number
  httpLimitPerSecond: number
  sqliteLimitPerSecond: number
  ratioToLimit: number
  peakRssMb: number
}

/**
 * One provider: Quire's full sync beside the two limits, measured in the same run. Each is
 * measured against a warmed-up simulator, as the raw walk (which runs after the sync) always was.
 */
export async function measureProvider(provider: ProviderId, count: number): Promise<SyncFigures> {
  const sim = await startSimulatorProcess(provider, count)
  const dir = tempDir('quire-bench-')
  try {
    await warmUp(sim)
    const quire = await syncOnce([sim], dir.path)
    const http = await timed(() => rawWalk(sim))
    const pages = await collectPages(sim)
    const sqlite = await timed(() => rawUpserts(dir.path, pages))
    return figures(provider, quire, http.value / (http.ms / 1000), sqlite.value / (sqlite.ms / 1000))
  } finally {
    await sim.stop()
    dir.remove()
  }
}

/**
 * All four providers syncing at once into one cache. The limit is each provider walked at its
 * own limit, in parallel: the whole set is done when the slowest of them would be.
 */
export async function measureAllFour(count: number, limits: SyncFigures[]): Promise<SyncFigures> {
  const sims = await Promise.all((['caresquare', 'yeti', 'hoursmith', 'lynkwell'] as const).map((p) => startSimulatorProcess(p, count)))
  const dir = tempDir('quire-bench-')
  try {
    await Promise.all(sims.map(warmUp))
    const quire = await syncOnce(sims, dir.path)
    const secondsAt = (limit: (f: SyncFigures) => number): number => Math.max(...limits.map((f) => f.invoices / limit(f)))
    return figures('all four', quire, quire.invoices / secondsAt((f) => f.httpLimitPerSecond), quire.invoices / secondsAt((f) => f.sqliteLimitPerSecond))
  } finally {
    await Promise.all(sims.map((sim) => sim.stop()))
    dir.remove()
  }
}

async function syncOnce(sims: SimulatorProcess[], dataDir: string): Promise<{ invoices: number; ms: number; peakRssMb: number }> {
  const core = await createCore({ dataDir, secrets: new MemorySecrets(), publishedBudgets: false })
  for (const [index, sim] of sims.entries()) {
    await core.accounts.add({ provider: sim.provider, name: `${sim.provider}-${index}`, baseUrl: sim.baseUrl, options: sim.options, secret: sim.secret })
  }
  const peak = watchPeakRss()
  const { value: outcomes, ms } = await timed(() => core.sync.run())
  const peakRssMb = peak()
  await core.close()
  const failed = outcomes.filter((o) => !o.ok)
  if (failed.length > 0) throw new Error(`bench sync failed: ${failed.map((o) => o.error?.message).join('; ')}`)
  return { invoices: outcomes.reduce((sum, o) => sum + o.upserted, 0), ms, peakRssMb }
}

/** Invoices walked before anything is timed: enough for the JIT to settle, on both sides. */
const WARM_UP_INVOICES = 2_000

/**
 * A fresh simulator process, and this process's code for its API, run a few times slower until
 * the JIT has compiled them: whichever measurement came first would pay for it. The first
 * pages of a walk warm both.
 */
async function warmUp(sim: SimulatorProcess): Promise<void> {
  await walk(sim, WARM_UP_INVOICES)
}

/** The unified rows of a whole walk, held in memory for the storage limit. */
function collectPages(sim: SimulatorProcess): Promise<UnifiedInvoice[][]> {
  return walk(sim, Number.POSITIVE_INFINITY)
}

/** Walks the list through the connector until at least `enough` invoices, or to the end. */
async function walk(sim: SimulatorProcess, enough: number): Promise<UnifiedInvoice[][]> {
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

function figures(provider: SyncFigures['provider'], quire: { invoices: number; ms: number; peakRssMb: number }, http: number, sqlite: number): SyncFigures {
  const perSecond = quire.invoices / (quire.ms / 1000)
  return {
    provider,
    invoices: quire.invoices,
    seconds: round(quire.ms / 1000),
    invoicesPerSecond: round(perSecond, 0),
    httpLimitPerSecond: round(http, 0),
    sqliteLimitPerSecond: round(sqlite, 0),
    ratioToLimit: round(perSecond / Math.min(http, sqlite)),
    peakRssMb: quire.peakRssMb
  }
}
