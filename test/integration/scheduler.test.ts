import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { createHandlers } from '../../main/ipc/handlers'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { manualClock } from '../helpers/manual-clock'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('background sync', () => {
  let testCore: TestCore
  let core: Core
  let simulator: HoursmithSimulator
  let online = true
  const clock = manualClock()
  const token = hoursmithToken()

  beforeEach(async () => {
    simulator = await startHoursmithSimulator({ invoices: 50, tokens: { [token]: {} } })
    testCore = await openTestCore({ clock, isOnline: () => online })
    core = testCore.core
    await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
  })
  afterEach(async () => {
    await testCore.close()
    await simulator.close()
  })

  it('is on by default, hourly', async () => {
    expect(await createHandlers(core, 'test')['settings.get']({})).toMatchObject({ syncIntervalMinutes: 60 })
  })

  it('syncs on the interval the user sets, pauses while offline without spinning, and resumes when back', async () => {
    const handlers = createHandlers(core, 'test')
    core.scheduler.start()
    const network: boolean[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'network.status') network.push((payload as { online: boolean }).online)
    })
    expect(await handlers['settings.update']({ syncIntervalMinutes: 15 })).toMatchObject({ syncIntervalMinutes: 15, online: true })
    const requests = (): number => simulator.requests.count

    await clock.advance(14 * 60_000)
    expect(requests()).toBe(0)
    await clock.advance(60_000)
    expect(requests()).toBe(1)
    expect(core.accounts.list()[0]!.invoiceCount).toBe(simulator.invoices.filter((i) => i.deletedAt === null).length)

    online = false
    await clock.advance(15 * 60_000)
    expect(requests()).toBe(1)
    expect(network).toEqual([false])
    // Offline, it re-checks once a minute: one sleeper, no busy loop.
    expect(clock.pending()).toBe(1)
    await clock.advance(60_000)
    expect(requests()).toBe(1)

    online = true
    await clock.advance(60_000)
    expect(requests()).toBe(2)
    expect(network).toEqual([false, true])

    await handlers['settings.update']({ syncIntervalMinutes: 0 })
    await clock.advance(24 * 60 * 60_000)
    expect(requests()).toBe(2)
    expect(await handlers['settings.get']({})).toMatchObject({ syncIntervalMinutes: 0 })
  })
})
