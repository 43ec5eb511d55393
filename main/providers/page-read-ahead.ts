/**
 * A walk's next page, fetched while the caller still waits for (and then writes) the current
 * one. Only the page the caller asked for last starts a read-ahead, so at most one page is ever
 * ahead; the caller still takes pages in order, and a page it never asks for is dropped.
 */

/** A page being fetched: the cursor of the page after it is known first, the whole page later. */
export interface PageInProgress<P> {
  next: Promise<string | null>
  page: Promise<P>
}

export class PageReadAhead<P> {
  private ahead: { cursor: string; signal: AbortSignal | undefined; progress: PageInProgress<P> } | null = null
  private asked = 0

  constructor(private readonly start: (cursor: string | null, signal?: AbortSignal) => PageInProgress<P>) {}

  /** The page at `cursor`: the one read ahead when it is that page of the same walk, else fetched now. */
  fetch(cursor: string | null, signal?: AbortSignal): Promise<P> {
    const ahead = this.ahead
    this.ahead = null
    const progress = ahead !== null && ahead.cursor === cursor && ahead.signal === signal ? ahead.progress : this.start(cursor, signal)
    const ask = ++this.asked
    void progress.next.then(
      (next) => {
        if (ask === this.asked) this.readAhead(next, signal)
      },
      () => undefined
    )
    return progress.page
  }

  private readAhead(next: string | null, signal: AbortSignal | undefined): void {
    if (next === null || signal?.aborted) return
    const progress = this.start(next, signal)
    // Nobody may ever ask for this page: the walk can fail or be cancelled meanwhile.
    progress.next.catch(() => undefined)
    progress.page.catch(() => undefined)
    this.ahead = { cursor: next, signal, progress }
  }
}
