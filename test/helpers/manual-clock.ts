import { cancelled, type Clock } from '../../main/base/clock'

/** A clock that only moves when the test says so; sleeps wake when `advance` passes their deadline. */
export function manualClock(start = new Date('2026-11-23T09:00:00Z')): Clock & { advance(ms: number): Promise<void>; pending(): number } {
  let now = start.getTime()
  const sleepers: { until: number; wake: () => void }[] = []
  return {
    now: () => new Date(now),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(cancelled())
        const sleeper = { until: now + ms, wake: resolve }
        sleepers.push(sleeper)
        signal?.addEventListener(
          'abort',
          () => {
            sleepers.splice(sleepers.indexOf(sleeper), 1)
            reject(cancelled())
          },
          { once: true }
        )
      }),
    pending: () => sleepers.length,
    async advance(ms) {
      now += ms
      for (const sleeper of sleepers.filter((s) => s.until <= now)) {
        sleepers.splice(sleepers.indexOf(sleeper), 1)
        sleeper.wake()
      }
      // Let woken work (and the syncs it starts) run before the test looks.
      for (let i = 0; i < 50; i += 1) await new Promise((r) => setTimeout(r, 2))
    }
  }
}
