import type { Clock } from '../../main/base/clock'

/** A clock whose sleeps return at once and are recorded, so waits can be asserted without waiting. */
export function fakeClock(start = new Date('2026-11-23T09:00:00Z')): Clock & { sleeps: number[] } {
  let now = start.getTime()
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => new Date(now),
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    }
  }
}
