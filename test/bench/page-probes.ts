/**
 * Functions that run inside the page (Playwright sends their source), timing with the page's own
 * Performance API: every time is in ms since navigation start (performance.now()'s origin), on
 * the page's clock, so the Node side's own pauses never enter a figure. "Painted" is the first
 * task after the next animation frame, when Chromium has produced the frame with the change.
 * The test programs are typed without the DOM library, so the few page globals used are
 * declared here.
 */

interface PageElement {
  scrollTop: number
  readonly scrollHeight: number
  readonly clientHeight: number
  getAttribute(name: string): string | null
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): Iterable<PageElement>
  getBoundingClientRect(): { top: number; bottom: number }
}

interface TimedEntry {
  duration: number
  blockingDuration: number
}

interface PageGlobals {
  document: PageElement & {
    addEventListener(type: 'click', listener: (event: { timeStamp: number }) => void, options: { capture: true; once: true }): void
  }
  performance: { now(): number }
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { childList: true; subtree: true; attributes?: true }): void
    disconnect(): void
  }
  PerformanceObserver: {
    readonly supportedEntryTypes: readonly string[]
    new (callback: (list: { getEntries(): TimedEntry[] }) => void): { observe(options: { type: string }): void; disconnect(): void }
  }
  requestAnimationFrame(callback: (time: number) => void): number
  setTimeout(callback: () => void, ms: number): number
  __quireBench?: { firstRows?: Appeared; pdfOpen?: Promise<PdfOpenTimes> }
}

export interface Appeared {
  inDomMs: number
  paintedMs: number
}

export interface PdfOpenTimes {
  renderedMs: number
  paintedMs: number
}

export interface ScrollPlan {
  frames: number
  /** Rows moved per frame; null for top to bottom in `frames` equal steps. */
  rowsPerFrame: number | null
}

export interface ScrollRun {
  frameMs: number[]
  /** Chromium's long animation frames (over 50 ms) during the run; null where it has no such entry type. */
  longFrames: { count: number; worstMs: number; blockingMs: number } | null
  scrollRangePx: number
  stepPx: number
  rows: number
  /** Frames painted with a row in view still waiting for its data. */
  placeholderFrames: number
  /** From the last scroll step until every row on screen shows its data. */
  settledMs: number
}

/** The first loaded invoice row; a row still on its way has no data cells. */
export const FIRST_ROW = '[role="grid"] [role="row"][data-index="0"] [role="gridcell"][data-column]'
/** The viewer's first page, drawn (PdfPage's data-rendered). */
export const PDF_FIRST_PAGE = 'dialog .pdf-page[data-page="1"][data-rendered]'

/** Init script: notes when `selector` first matches, and when that frame is painted. */
export function watchFirstAppearance(selector: string): void {
  const page = globalThis as unknown as PageGlobals
  const observer = new page.MutationObserver(() => {
    if (!page.document.querySelector(selector)) return
    observer.disconnect()
    const inDomMs = page.performance.now()
    page.requestAnimationFrame(() =>
      page.setTimeout(() => (page.__quireBench = { ...page.__quireBench, firstRows: { inDomMs, paintedMs: page.performance.now() } }), 0)
    )
  })
  observer.observe(page.document, { childList: true, subtree: true })
}

export function firstAppearance(): Appeared | undefined {
  return (globalThis as unknown as PageGlobals).__quireBench?.firstRows
}

/** The grid has its answer: no window loading, and its first row drawn with data (`firstRow`: FIRST_ROW). */
export function gridSettled(firstRow: string): boolean {
  const { document } = globalThis as unknown as PageGlobals
  const grid = document.querySelector('[role="grid"]')
  return grid !== null && grid.getAttribute('aria-busy') === null && document.querySelector(firstRow) !== null
}

/**
 * Scrolls the grid from its top, one step of its (scaled) scroll range per animation frame, and
 * records each frame's length from the frames' own timestamps, and whether the frame before
 * showed a row still waiting for its data.
 */
export function scrollGrid({ frames, rowsPerFrame }: ScrollPlan): Promise<ScrollRun> {
  const page = globalThis as unknown as PageGlobals
  const grid = page.document.querySelector('[role="grid"]')
  if (!grid) throw new Error('no grid on the page')
  const rows = Number(grid.getAttribute('aria-rowcount'))
  const range = grid.scrollHeight - grid.clientHeight
  const stepPx = rowsPerFrame === null ? range / frames : (rowsPerFrame * range) / rows
  const waiting = '[role="row"][data-index]:not(:has([role="gridcell"][data-column]))'
  const showsWaitingRow = (): boolean => {
    // The view starts below the sticky header row group, which rows scroll under.
    const top = grid.querySelector('[role="rowgroup"]')?.getBoundingClientRect().bottom ?? grid.getBoundingClientRect().top
    const bottom = grid.getBoundingClientRect().bottom
    for (const row of grid.querySelectorAll(waiting)) {
      const box = row.getBoundingClientRect()
      if (box.bottom > top && box.top < bottom) return true
    }
    return false
  }
  const longFrames = page.PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
    ? { count: 0, worstMs: 0, blockingMs: 0 }
    : null
  const observer =
    longFrames &&
    new page.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longFrames.count += 1
        longFrames.worstMs = Math.max(longFrames.worstMs, entry.duration)
        longFrames.blockingMs += entry.blockingDuration
      }
    })
  observer?.observe({ type: 'long-animation-frame' })
  const frameMs: number[] = []
  let placeholderFrames = 0
  return new Promise((resolve, reject) => {
    let step = 0
    let previous = 0
    const onFrame = (time: number): void => {
      if (step > 0) frameMs.push(time - previous)
      if (step > 0 && showsWaitingRow()) placeholderFrames += 1
      previous = time
      if (step > frames) return waitUntilSettled()
      grid.scrollTop = Math.min(range, Math.round(stepPx * step))
      step += 1
      page.requestAnimationFrame(onFrame)
    }
    const waitUntilSettled = (): void => {
      const done = (): void => {
        observer?.disconnect()
        resolve({
          frameMs,
          longFrames,
          scrollRangePx: range,
          stepPx,
          rows,
          placeholderFrames,
          settledMs: page.performance.now() - previous
        })
      }
      if (!showsWaitingRow()) return done()
      const rowsObserver = new page.MutationObserver(() => {
        if (showsWaitingRow()) return
        rowsObserver.disconnect()
        done()
      })
      rowsObserver.observe(grid, { childList: true, subtree: true })
      page.setTimeout(() => reject(new Error('the rows in view never got their data')), 30_000)
    }
    page.requestAnimationFrame(onFrame)
  })
}

/**
 * Arms the timing of the next click: from the click (its event time) to the viewer's first page
 * drawn and painted. Await it with `pdfOpenTimes` after clicking.
 */
export function armPdfOpenTiming(selector: string): void {
  const page = globalThis as unknown as PageGlobals
  const opened = new Promise<PdfOpenTimes>((resolve) => {
    page.document.addEventListener(
      'click',
      (click) => {
        const observer = new page.MutationObserver(() => {
          if (!page.document.querySelector(selector)) return
          observer.disconnect()
          const renderedMs = page.performance.now() - click.timeStamp
          page.requestAnimationFrame(() =>
            page.setTimeout(() => resolve({ renderedMs, paintedMs: page.performance.now() - click.timeStamp }), 0)
          )
        })
        observer.observe(page.document, { childList: true, subtree: true, attributes: true })
      },
      { capture: true, once: true }
    )
  })
  page.__quireBench = { ...page.__quireBench, pdfOpen: opened }
}

export function pdfOpenTimes(): Promise<PdfOpenTimes> | undefined {
  return (globalThis as unknown as PageGlobals).__quireBench?.pdfOpen
}
