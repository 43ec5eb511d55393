import type { Clock } from '../base/clock'

export interface RateWindow {
  limit: number
  windowMs: number
}

/**
 * A provider's published request budget, respected before sending rather than learned from
 * 429s: `take()` waits until every window has room. One budget per account's sync.
 */
export class RateBudget {
  private readonly sent: number[] = []

  constructor(
    private windows: RateWindow[],
    private readonly clock: Clock
  ) {}

  /** The provider said which budget applies (e.g. a plan read after the first request): requests already sent still count. */
  use(windows: RateWindow[]): void {
    this.windows = windows
  }

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime()
      const wait = Math.max(0, ...this.windows.map((window) => this.waitFor(window, now)))
      if (wait === 0) {
        this.sent.push(now)
        this.forget(now)
        return
      }
      await this.clock.sleep(wait, signal)
    }
  }

  /** How many requests could be sent now without waiting. */
  room(): number {
    const now = this.clock.now().getTime()
    return Math.min(...this.windows.map(({ limit, windowMs }) => limit - this.sent.filter((t) => t > now - windowMs).length))
  }

  private waitFor({ limit, windowMs }: RateWindow, now: number): number {
    const inWindow = this.sent.filter((t) => t > now - windowMs)
    return inWindow.length < limit ? 0 : inWindow[inWindow.length - limit]! + windowMs - now
  }

  private forget(now: number): void {
    const horizon = now - Math.max(...this.windows.map((w) => w.windowMs))
    while (this.sent.length > 0 && this.sent[0]! <= horizon) this.sent.shift()
  }
}
