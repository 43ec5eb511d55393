import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ProviderId } from '../../preload/contract'
import { CARESQUARE_PAGE_SIZE, CARESQUARE_REQUESTS_IN_FLIGHT } from '../../main/providers/caresquare/client'
import { HOURSMITH_PAGE_SIZE } from '../../main/providers/hoursmith/client'
import { LYNKWELL_PAGE_SIZE } from '../../main/providers/lynkwell/client'
import { YETI_PAGE_SIZE } from '../../main/providers/yeti/client'
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
  /** Every HTTP request the sync made: its walk's, and any that follow it (CareSquare's view sessions). */
  requests: number
  seconds: number
  invoicesPerSecond: number
  /** From the first request out to the last answer in, and the requests in flight on average over it. */
  link: { firstToLastSeconds: number; meanInFlight: number }
  /** Requests the provider's paging and Quire's limits allow at once (see IN_FLIGHT). */
  inFlight: number
  /** inFlight / latency × invoices per request: as fast as the link and the API allow. */
  linkBoundPerSecond: number
  /** The same rows upserted with bare SQLite on this machine: no sync can store them faster. */
  storageLimitPerSecond: number
  /** The lower of the two, and which one it is. */
  boundPerSecond: number
  boundBy: 'link' | 'storage'
  ratioToBound: number
}

/**
 * Requests that can be in flight at once for one account. Cursor paging (Hoursmith's cursor,
 * Lynkwell's startingAfter) allows one: the next page's address is in this page's answer. Yeti's
 * pages are numbered, but Quire walks them in order so a killed sync resumes exactly: one.
 * CareSquare's list pages and details share a window of six (CARESQUARE_REQUESTS_IN_FLIGHT).
 */
const IN_FLIGHT: Record<ProviderId, number> = { hoursmith: 1, lynkwell: 1, yeti: 1, caresquare: CARESQUARE_REQUESTS_IN_FLIGHT }

/** List page sizes: a run over a link needs enough pages that filling and draining the pipeline is not the figure. */
const PAGE_SIZE: Record<ProviderId, number> = {
  hoursmith: HOURSMITH_PAGE_SIZE,
  lynkwell: LYNKWELL_PAGE_SIZE,
  yeti: YETI_PAGE_SIZE,
  caresquare: CARESQUARE_PAGE_SIZE
}
const MIN_PAGES_OVER_A_LINK = 20

/** At least `count`, and at least MIN_PAGES_OVER_A_LINK list pages of the provider's. */
export function invoicesOverALink(provider: ProviderId, count: number): number {
  return Math.max(count, MIN_PAGES_OVER_A_LINK * PAGE_SIZE[provider])
}

/**
 * One provider's sync over a link with `latency` per request, against the bound that latency and
 * the allowed concurrency set. The invoices per request are those of this very sync (CareSquare's
 * detail fan-out and view sessions included), so the bound is the provider's own. Where the link
 * would deliver rows faster than bare SQLite stores them on this machine (Yeti's 1,000-invoice
 * pages), the storage limit is the bound: the link is then not what a sync waits for.
 */
export async function measureUnderLatency(
  provider: ProviderId,
  count: number,
  latency: { ms: number; jitterMs: number }
): Promise<LatencyFigures> {
  const storageLimit = await storageLimitPerSecond(provider, count)
  const sim = await startSimulatorProcess(provider, count, latency)
  const dir = tempDir('quire-bench-')
  try {
    await warmUp(sim)
    const quire = await syncOnce([sim], dir.path)
    const perSecond = quire.invoices / (quire.ms / 1000)
    const linkBound = (IN_FLIGHT[provider] / (latency.ms / 1000)) * (quire.invoices / quire.httpRequests)
    const bound = Math.min(linkBound, storageLimit)
    return {
      provider,
      latencyMs: latency.ms,
      jitterMs: latency.jitterMs,
      invoices: quire.invoices,
      requests: quire.httpRequests,
      seconds: round(quire.ms / 1000),
      invoicesPerSecond: round(perSecond, 0),
      link: { firstToLastSeconds: round(quire.link.firstToLastMs / 1000), meanInFlight: round(quire.link.meanInFlight) },
      inFlight: IN_FLIGHT[provider],
      linkBoundPerSecond: round(linkBound, 0),
      storageLimitPerSecond: round(storageLimit, 0),
      boundPerSecond: round(bound, 0),
      boundBy: linkBound <= storageLimit ? 'link' : 'storage',
      ratioToBound: round(perSecond / bound)
    }
  } finally {
    await sim.stop()
    dir.remove()
  }
}

/** The storage limit of the rows a sync over the link stores, walked from a twin simulator on loopback (same dataset). */
async function storageLimitPerSecond(provider: ProviderId, count: number): Promise<number> {
  const twin = await startSimulatorProcess(provider, count)
  const dir = tempDir('quire-bench-')
  try {
    await warmUp(twin)
    const pages = await collectPages(twin)
    const sqlite = await timed(() => rawUpserts(dir.path, pages))
    return sqlite.value / (sqlite.ms / 1000)
  } finally {
    await twin.stop()
    dir.remove()
  }
}

interface SyncRun {
  invoices: number
  /** As the sync counts them: its walks' requests. */
  requests: number
  /** As the link saw them: every request from the start of the sync to its end. */
  httpRequests: number
  ms: number
  peakRssMb: number
  link: { firstToLastMs: number; meanInFlight: number }
}

/** Quire's sync in a fresh process (see sync-child.ts): its peak RSS is the core's alone. */
async function syncOnce(sims: SimulatorProcess[], dataDir: string): Promise<SyncRun> {
  const endpoints: SimulatorEndpoint[] = sims.map(({ provider, baseUrl, secret, options }) => ({ provider, baseUrl, secret, options }))
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'sync-child.ts'), JSON.stringify({ dataDir, sims: endpoints })],
    { maxBuffer: 1 << 20 }
  )
  return JSON.parse(stdout) as SyncRun
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
