/**
 * Background sync: every N minutes (a setting; 0 is off), and not while offline. Offline is
 * checked before each run and then re-checked once a minute, so a laptop on a train neither
 * spins on failing requests nor waits a full interval after the network comes back.
 */
import type { Clock } from '../base/clock'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import type { SettingsRepo } from '../db/settings.repo'
import type { SyncService } from './sync.service'

export type NetworkProbe = () => boolean

const OFFLINE_RECHECK_MS = 60_000

export class SyncScheduler {
  private controller: AbortController | null = null
  private online = true
  private started = false

  constructor(
    private readonly sync: SyncService,
    private readonly settings: SettingsRepo,
    private readonly clock: Clock,
    private readonly isOnline: NetworkProbe,
    private readonly events: EventHub,
    domain: DomainEvents
  ) {
    domain.on('settings.changed', ({ keys }) => {
      if (this.started && keys.includes('syncIntervalMinutes')) this.restart()
    })
  }

  /** Runs background sync from now on, at the interval set, following changes to it. */
  start(): void {
    this.started = true
    this.restart()
  }

  private restart(): void {
    this.controller?.abort()
    this.controller = null
    const minutes = this.settings.get().syncIntervalMinutes
    if (minutes === 0) return
    const controller = new AbortController()
    this.controller = controller
    void this.loop(minutes * 60_000, controller.signal).catch(() => undefined)
  }

  stop(): void {
    this.started = false
    this.controller?.abort()
    this.controller = null
  }

  get isNetworkOnline(): boolean {
    return this.online
  }

  private async loop(intervalMs: number, signal: AbortSignal): Promise<void> {
    let wait = intervalMs
    while (!signal.aborted) {
      await this.clock.sleep(wait, signal)
      if (!this.checkNetwork()) {
        wait = OFFLINE_RECHECK_MS
        continue
      }
      await this.sync.run()
      wait = intervalMs
    }
  }

  /** Reports changes of network state to the renderer, once per change. */
  checkNetwork(): boolean {
    const online = this.isOnline()
    if (online !== this.online) {
      this.online = online
      this.events.emit('network.status', { online })
    }
    return online
  }
}
