import type { CacheHealth } from '../../preload/contract'
import type { EventHub } from '../base/events'
import { checkIntegrityInWorker, type ConsistencyCheck, type RunningCheck } from './integrity-check'
import { damagedCacheMessage } from './open-database'

/** A table kept beside the invoices that can be worked out again from them when it disagrees. */
export interface DerivedTable extends ConsistencyCheck {
  rebuild(): void
}

/**
 * The cache's integrity as the app knows it: `checking` from launch until the background check
 * answers, then `ok` or `damaged` (announced with `cache.health`, so the hosts can offer the
 * one-step rebuild while the app is open). A check that cannot run is `unchecked`, never damage.
 * A derived table that disagrees with the invoices on a sound cache is rebuilt from them and
 * logged: the invoices are the truth, so nothing is lost and nothing needs the person.
 */
export class CacheHealthMonitor {
  private current: CacheHealth = { state: 'checking', message: null }
  private running: RunningCheck | null = null
  private done: Promise<CacheHealth> = Promise.resolve(this.current)

  constructor(
    private readonly file: string,
    private readonly events: EventHub,
    private readonly log: (message: string, error: unknown) => void = console.error,
    private readonly derived: readonly DerivedTable[] = []
  ) {}

  start(): void {
    const running = checkIntegrityInWorker(
      this.file,
      this.derived.map(({ name, sql }) => ({ name, sql }))
    )
    this.running = running
    this.done = running.result.then(
      (result): CacheHealth => {
        if (result.state === 'stopped') return this.current
        if (result.state === 'ok') {
          for (const table of this.derived.filter((derived) => result.drifted.includes(derived.name))) {
            try {
              table.rebuild()
              this.log(`${table.name} disagreed with the invoices and was rebuilt from them`, null)
            } catch (error) {
              this.log(`${table.name} disagreed with the invoices and could not be rebuilt`, error)
            }
          }
          return this.settle({ state: 'ok', message: null })
        }
        this.log('cache integrity check found damage', result.problems)
        return this.settle({ state: 'damaged', message: damagedCacheMessage(this.file, 'found') })
      },
      (error: unknown) => {
        this.log('cache integrity check could not run', error)
        return this.settle({ state: 'unchecked', message: null })
      }
    )
  }

  status(): CacheHealth {
    return this.current
  }

  /** The answer of the check started last (the current state if none runs). */
  settled(): Promise<CacheHealth> {
    return this.done
  }

  async stop(): Promise<void> {
    await this.running?.stop()
  }

  private settle(health: CacheHealth): CacheHealth {
    this.current = health
    this.events.emit('cache.health', health)
    return health
  }
}
