import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ProviderId } from '../../preload/contract'
import { CARESQUARE_DETAIL_CONCURRENCY } from '../../main/providers/caresquare/client'
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

export interface LatencyFigures {
  provider: ProviderId
  latencyMs: number
  jitterMs: number
  invoices: number
  requests: number
  seconds: number
  invoicesPerSecond: number
  /** Requests the provider's paging and Quire's limits allow at once (see IN_FLIGHT). */
  inFlight: number
  /** inFlight / latency × invoices per request: as fast as the link and the API allow. */
  boundPerSecond: number
  ratioToBound: number
}

/**
 * Requests that can be in flight at once for one account. Cursor paging (Hoursmith's cursor,
 * Lynkwell's startingAfter) allows one: the next page's address is in this page's answer. Yeti's
 * pages are numbered, but Quire walks them in order so a killed sync resumes exactly: one.
 * CareSquare's list pages go one at a time, each followed by its invoices' details, six at once
 * (CARESQUARE_DETAIL_CONCURRENCY): nearly every request is a detail.
 */
const IN_FLIGHT: Record<ProviderId, number> = { hoursmith: 1, lynkwell: 1, yeti: 1, caresquare: CARESQUARE_DETAIL_CONCURRENCY }

/**
 * One provider's sync over a link with `latency` per request, against the bound that latency and
 * the allowed concurrency set. The invoices per request are those of this very sync (CareSquare's
 * detail fan-out included), so the bound is the provider's own.
 */
export async function measureUnderLatency(
  provider: ProviderId,
  count: number,
  latency: { ms: number; jitterMs: number }
): Promise<LatencyFigures> {
  const sim = await startSimulatorProcess(provider, count, latency)
  const dir = tempDir('quire-bench-')
  try {
    await warmUp(sim)
    const quire = await syncOnce([sim], dir.path)
    const perSecond = quire.invoices / (quire.ms / 1000)
    const bound = (IN_FLIGHT[provider] / (latency.ms / 1000)) * (quire.invoices / quire.requests)
    return {
      provider,
      latencyMs: latency.ms,
      jitterMs: latency.jitterMs,
      invoices: quire.invoices,
      requests: quire.requests,
      seconds: round(quire.ms / 1000),
      invoicesPerSecond: round(perSecond, 0),
      inFlight: IN_FLIGHT[provider],
      boundPerSecond: round(bound, 0),
      ratioToBound: round(perSecond / bound)
    }
  } finally {
    await sim.stop()
    dir.remove()
  }
}

/** Quire's sync in a fresh process (see sync-child.ts): its peak RSS is the core's alone. */
async function syncOnce(
  sims: SimulatorProcess[],
  dataDir: string
): Promise<{ invoices: number; requests: number; ms: number; peakRssMb: number }> {
  const endpoints: SimulatorEndpoint[] = sims.map(({ provider, baseUrl, secret, options }) => ({ provider, baseUrl, secret, options }))
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'sync-child.ts'), JSON.stringify({ dataDir, sims: endpoints })],
    { maxBuffer: 1 << 20 }
  )
  return JSON.parse(stdout) as { invoices: number; requests: number; ms: number; peakRssMb: number }
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
