import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ProviderId } from '../../preload/contract'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { tempDir } from '../helpers/temp-dir'
import { walk, WARM_UP_INVOICES, type SimulatorEndpoint } from './connector-walk'
import { rawWalk } from './raw-http'
import { rawUpserts } from './raw-sqlite'
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process'
import { round, timed } from './stats'

const run = promisify(execFile)

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
    return figures(
      'all four',
      quire,
      quire.invoices / secondsAt((f) => f.httpLimitPerSecond),
      quire.invoices / secondsAt((f) => f.sqliteLimitPerSecond)
    )
  } finally {
    await Promise.all(sims.map((sim) => sim.stop()))
    dir.remove()
  }
}

/** Quire's sync in a fresh process (see sync-child.ts): its peak RSS is the core's alone. */
async function syncOnce(sims: SimulatorProcess[], dataDir: string): Promise<{ invoices: number; ms: number; peakRssMb: number }> {
  const endpoints: SimulatorEndpoint[] = sims.map(({ provider, baseUrl, secret, options }) => ({ provider, baseUrl, secret, options }))
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'sync-child.ts'), JSON.stringify({ dataDir, sims: endpoints })],
    { maxBuffer: 1 << 20 }
  )
  return JSON.parse(stdout) as { invoices: number; ms: number; peakRssMb: number }
}

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

function figures(
  provider: SyncFigures['provider'],
  quire: { invoices: number; ms: number; peakRssMb: number },
  http: number,
  sqlite: number
): SyncFigures {
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
