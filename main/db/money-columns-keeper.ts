import type { Log } from '../log/log'
import { buildMoneyColumns, type RunningBuild } from './money-columns-build'
import type { MoneyColumnsData } from './money-columns'

/** A sync writes a page every fraction of a second: rebuilding between pages would be wasted. */
const QUIET_MS = 2_000

/**
 * Keeps the money columns exactly in step with the cache, or out of use. `version` changes with
 * every write to the invoices (this connection's, or another's): columns built at another
 * version are never read, and a build that saw a write happen while it ran is dropped. A fresh
 * build starts once the cache has been quiet for a moment; until then totals come from SQLite.
 */
export class MoneyColumnsKeeper {
  private data: MoneyColumnsData | null = null
  private builtAt = ''
  private build: RunningBuild | null = null
  private timer: NodeJS.Timeout | null = null
  private running = false
  private failed = false
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = []

  constructor(
    private readonly file: string,
    private readonly version: () => string,
    private readonly log: Pick<Log, 'info' | 'error'>,
    private readonly quietMs = QUIET_MS
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.rebuild()
  }

  /** The columns if they hold what the cache holds now; otherwise null, and a rebuild is arranged. */
  current(): MoneyColumnsData | null {
    if (!this.running || this.failed) return null
    if (this.data !== null && this.builtAt === this.version()) return this.data
    this.data = null
    this.schedule()
    return null
  }

  /** Resolves once columns in step with the cache are in use, rejects if they cannot be built (for the bench and tests). */
  ready(): Promise<void> {
    if (this.failed) return Promise.reject(new Error('the money columns could not be built'))
    if (this.current() !== null) return Promise.resolve()
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }))
  }

  async stop(): Promise<void> {
    this.running = false
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.data = null
    await this.build?.stop()
  }

  private schedule(): void {
    if (this.build !== null || this.timer !== null) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.rebuild()
    }, this.quietMs)
    this.timer.unref()
  }

  private rebuild(): void {
    const at = this.version()
    const started = performance.now()
    const build = buildMoneyColumns(this.file)
    this.build = build
    build.result.then(
      (data) => {
        this.build = null
        if (data === null || !this.running) return
        if (this.version() !== at) return this.schedule()
        this.data = data
        this.builtAt = at
        this.log.info('Money columns built', { ids: data.bits.length, ms: Math.round(performance.now() - started) })
        for (const waiter of this.waiting.splice(0)) waiter.resolve()
      },
      (error: unknown) => {
        this.build = null
        // A value the columns cannot hold stays in the cache: SQLite answers every total from now on.
        this.failed = true
        this.log.error('The in-memory totals could not be built; totals are read from the cache instead', error)
        for (const waiter of this.waiting.splice(0)) waiter.reject(error)
      }
    )
  }
}
