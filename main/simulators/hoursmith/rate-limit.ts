export interface WindowLimits {
  burst: number
  burstWindowMs: number
  sustained: number
  sustainedWindowMs: number
}

export interface Budget {
  allowed: boolean
  /** Left in the sustained window after this request. */
  remaining: number
  resetAtMs: number
  retryAfterMs: number
}

/** Hoursmith's two per-token buckets (burst and sustained), as sliding windows of request times. */
export class SlidingWindowLimiter {
  private readonly log = new Map<string, number[]>()

  constructor(
    private readonly limits: WindowLimits,
    private readonly now: () => number
  ) {}

  take(key: string): Budget {
    const now = this.now()
    const times = (this.log.get(key) ?? []).filter((t) => t > now - this.limits.sustainedWindowMs)
    const inBurst = times.filter((t) => t > now - this.limits.burstWindowMs)
    const oldest = times[0] ?? now
    const resetAtMs = oldest + this.limits.sustainedWindowMs
    if (times.length >= this.limits.sustained || inBurst.length >= this.limits.burst) {
      this.log.set(key, times)
      const burstFree = (inBurst[0] ?? now) + this.limits.burstWindowMs
      const retryAt = times.length >= this.limits.sustained ? resetAtMs : burstFree
      return { allowed: false, remaining: 0, resetAtMs, retryAfterMs: retryAt - now }
    }
    times.push(now)
    this.log.set(key, times)
    return { allowed: true, remaining: this.limits.sustained - times.length, resetAtMs, retryAfterMs: 0 }
  }
}
