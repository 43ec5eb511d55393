import { describe, expect, it } from 'vitest'
import { RateBudget } from '../../main/net/rate-budget'
import { RequestGate } from '../../main/net/request-gate'
import { fakeClock } from '../helpers/fake-clock'

describe('request budgets', () => {
  it('spaces requests so no window is ever exceeded', async () => {
    const clock = fakeClock()
    const budget = new RateBudget(
      [
        { limit: 3, windowMs: 10_000 },
        { limit: 5, windowMs: 60_000 }
      ],
      clock
    )
    const sentAt: number[] = []
    for (let i = 0; i < 12; i += 1) {
      await budget.take()
      sentAt.push(clock.now().getTime())
    }
    for (const t of sentAt) {
      expect(sentAt.filter((s) => s > t - 10_000 && s <= t).length).toBeLessThanOrEqual(3)
      expect(sentAt.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(5)
    }
    // Twelve requests at five a minute cannot finish in under two minutes.
    expect(sentAt.at(-1)! - sentAt[0]!).toBeGreaterThanOrEqual(120_000)
  })

  it('never lets more than `max` requests run at once, and a cancelled waiter leaves the queue', async () => {
    const gate = new RequestGate(2)
    let running = 0
    let peak = 0
    const release: (() => void)[] = []
    const task = (): Promise<void> =>
      gate.run(
        () =>
          new Promise<void>((resolve) => {
            running += 1
            peak = Math.max(peak, running)
            release.push(() => {
              running -= 1
              resolve()
            })
          })
      )
    const done = [task(), task(), task(), task()]
    const controller = new AbortController()
    const cancelled = gate.run(async () => 'never', controller.signal)
    controller.abort()
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' })
    while (release.length > 0 || running > 0) {
      await new Promise((r) => setTimeout(r, 1))
      release.shift()?.()
    }
    await Promise.all(done)
    expect(peak).toBe(2)
  })
})
