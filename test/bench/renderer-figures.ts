/**
 * The renderer in Chromium through the test host, on a large cache: time to the first invoice
 * rows, frame times while scrolling the grid, the JS heap after it, and the host process's
 * resident memory while the page loads, scrolls, searches and sorts.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession, Page } from '@playwright/test'
import { buildLargeCache } from '../helpers/large-cache'
import { tempDir } from '../helpers/temp-dir'
import { startHostProcess, watchRss } from './host-process'
import { launchChromium, newBenchPage } from './chromium'
import { showInvoices } from '../e2e/support/navigate'
import { FIRST_ROW, firstAppearance, gridSettled, scrollGrid, watchFirstAppearance, type Appeared, type ScrollPlan } from './page-probes'
import { percentiles, round } from './stats'

/** Page loads timed; the first finds the core's caches cold, as the app's start does. */
const LOADS = 5
/** Top to bottom in this many frames: at a million rows, ~1,250 rows a frame, a fling of the scrollbar. */
const FLING: ScrollPlan = { frames: 800, rowsPerFrame: null }
/** A steady scroll from the top at 60 rows a second, a brisk turn of the mouse wheel. */
const STEADY: ScrollPlan = { frames: 600, rowsPerFrame: 1 }
/**
 * Chromium draws on a 60 Hz beat, so a frame lasts a whole number of these. The page's clock is
 * coarsened to 0.1 ms, which makes a frame that kept the beat read anywhere from 16.5 to 16.8 ms;
 * frame lengths are snapped to the beat before the percentiles, so p95 ≤ 16.7 means 95% of
 * frames kept it, and the raw readings are reported beside them.
 */
const VSYNC_MS = 1000 / 60
/** Searches as people type them (some match most of a large cache, some a handful), then sorts by a column each. */
const SEARCHES = ['north', 'zo', 'retainer 23', 'INV-000345', 'n', 'acme']
const SORTS = ['Total', 'Counterparty', 'Due date', 'Issue date']
/** After browsing, the host's memory is read this long while the page sits idle. */
const STEADY_MS = 3_000

type Spread = { p50: number; p95: number; p99: number; max: number }

export interface ScrollFigures {
  how: string
  frames: number
  /** Frame lengths snapped to the 60 Hz beat. */
  frameMs: Spread
  rawFrameMs: Spread
  /** Frames that missed the beat: two or more intervals long. */
  framesOverBudget: number
  longAnimationFrames: { count: number; worstMs: number; blockingMs: number } | null
  /** Frames painted with a row in view still waiting for its data. */
  placeholderFrames: number
  /** From the last step until every row in view shows its data. */
  settledMs: number
}

export interface RendererFigures {
  cachedInvoices: number
  /** Navigation start to the first rows painted, on the first load. */
  firstRowsMs: number
  firstRowsInDomMs: number
  /** The later loads: a fresh page each (empty HTTP cache), the core's caches warm. */
  firstRowsWarmMs: { p50: number; p95: number; p99: number }
  /** Top to bottom: the target's figure. */
  scroll: ScrollFigures
  steadyScroll: ScrollFigures
  jsHeapMb: { afterScroll: number; afterGc: number }
  /**
   * Resident memory of the host process (the core and the test host, in a process of their own):
   * the peak while Chromium loads, scrolls, searches and sorts; the peak by the end of each of
   * those; and the median over a few idle seconds after them (steady).
   */
  hostRssMb: { peak: number; afterLoads: number; afterScrolls: number; afterSearchesAndSorts: number; steady: number }
}

/** `reuse`: a cache built earlier by buildLargeCache with the same count, copied instead of built. */
export async function measureRenderer(count: number, rendererDir: string, reuse?: string): Promise<RendererFigures> {
  const dir = tempDir('quire-bench-')
  try {
    if (reuse) copyFileSync(reuse, join(dir.path, 'quire.sqlite3'))
    else buildLargeCache(join(dir.path, 'quire.sqlite3'), count).close()
    const host = await startHostProcess(dir.path, rendererDir)
    const browser = await launchChromium()
    const hostRss = watchRss(host.pid)
    try {
      const loads: Appeared[] = []
      let page: Page | null = null
      for (let load = 0; load < LOADS; load += 1) {
        await page?.context().close()
        page = await newBenchPage(browser)
        loads.push(await loadUntilFirstRows(page, host.url))
      }
      // Let the start's other requests (totals, currencies) finish before scrolling.
      await page!.waitForLoadState('networkidle')
      const afterLoads = hostRss.peakMb()
      const steadyScroll = await scroll(page!, STEADY)
      const flingScroll = await scroll(page!, FLING)
      const afterScrolls = hostRss.peakMb()
      await searchAndSort(page!)
      const afterSearchesAndSorts = hostRss.peakMb()
      const idleFrom = hostRss.now()
      await new Promise((resolve) => setTimeout(resolve, STEADY_MS))
      const steady = hostRss.medianMbSince(idleFrom)
      const [cold, ...warm] = loads
      return {
        hostRssMb: { peak: hostRss.peakMb(), afterLoads, afterScrolls, afterSearchesAndSorts, steady },
        cachedInvoices: count,
        firstRowsMs: round(cold!.paintedMs),
        firstRowsInDomMs: round(cold!.inDomMs),
        firstRowsWarmMs: percentiles(warm.map((load) => load.paintedMs)),
        scroll: flingScroll,
        steadyScroll,
        jsHeapMb: await jsHeap(await page!.context().newCDPSession(page!))
      }
    } finally {
      hostRss.stop()
      await browser.close()
      await host.stop()
    }
  } finally {
    dir.remove()
  }
}

/** Each search typed into the box and answered, the box cleared; then each sort picked by its column's header. */
async function searchAndSort(page: Page): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search invoices' })
  for (const term of SEARCHES) await answered(page, () => search.fill(term))
  await answered(page, () => search.fill(''))
  for (const column of SORTS) {
    const header = page.getByRole('columnheader', { name: column })
    await answered(page, () => header.getByRole('button').click())
  }
}

/** Does `act`, then waits for the host's answer and for the grid to show it. */
async function answered(page: Page, act: () => Promise<void>): Promise<void> {
  const response = page.waitForResponse((r) => r.url().endsWith('/rpc'), { timeout: 60_000 })
  // Whatever `act` throws is the failure to report; the wait that then fails with the page is not.
  response.catch(() => undefined)
  await act()
  await response
  await page.waitForFunction(gridSettled, FIRST_ROW, { timeout: 60_000 })
}

async function loadUntilFirstRows(page: Page, url: string): Promise<Appeared> {
  await page.addInitScript(watchFirstAppearance, FIRST_ROW)
  await page.goto(url)
  // The Overview comes first once accounts exist: the grid is one click away, inside the measured time.
  await showInvoices(page)
  const appeared = await page.waitForFunction(firstAppearance, undefined, { timeout: 60_000 })
  return (await appeared.jsonValue())!
}

async function scroll(page: Page, plan: ScrollPlan): Promise<ScrollFigures> {
  const run = await page.evaluate(scrollGrid, plan)
  const beats = run.frameMs.map((ms) => Math.max(1, Math.round(ms / VSYNC_MS)) * VSYNC_MS)
  const spread = (values: number[]): Spread => ({ ...percentiles(values), max: round(Math.max(...values)) })
  const rowsPerFrame = Math.round((run.stepPx * run.rows) / run.scrollRangePx)
  return {
    how:
      `scrollTop moved once per animation frame from the top, ${plan.frames} steps of ${round(run.stepPx, 1).toLocaleString()} px ` +
      `(~${rowsPerFrame.toLocaleString()} ${rowsPerFrame === 1 ? 'row' : 'rows'}) of the grid's ${run.scrollRangePx.toLocaleString()} px scroll range over ${run.rows.toLocaleString()} rows; ` +
      'frame length from rAF timestamps, snapped to the 60 Hz beat',
    frames: run.frameMs.length,
    frameMs: spread(beats),
    rawFrameMs: spread(run.frameMs),
    framesOverBudget: beats.filter((ms) => ms > VSYNC_MS * 1.5).length,
    longAnimationFrames: run.longFrames && {
      count: run.longFrames.count,
      worstMs: round(run.longFrames.worstMs),
      blockingMs: round(run.longFrames.blockingMs)
    },
    placeholderFrames: run.placeholderFrames,
    settledMs: round(run.settledMs)
  }
}

/** Used JS heap as it stands after the scrolls, and what of it survives a full collection. */
async function jsHeap(cdp: CDPSession): Promise<{ afterScroll: number; afterGc: number }> {
  await cdp.send('Performance.enable')
  const usedMb = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return round((metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1024 / 1024, 1)
  }
  const afterScroll = await usedMb()
  await cdp.send('HeapProfiler.collectGarbage')
  return { afterScroll, afterGc: await usedMb() }
}
