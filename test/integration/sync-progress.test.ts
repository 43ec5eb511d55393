import { afterEach, describe, expect, it } from 'vitest'
import type { SyncProgress } from '../../preload/contract'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('sync progress events', () => {
  let testCore: TestCore
  let core: Core
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    await testCore.close()
    await Promise.all(closers.splice(0).map((close) => close()))
  })

  it('carry pages, a running count, the expected total where the provider gives one, and an ETA', async () => {
    const token = hoursmithToken()
    const hoursmith: HoursmithSimulator = await startHoursmithSimulator({ invoices: 500, tokens: { [token]: {} } })
    const yeti: YetiSimulator = await startYetiSimulator({ invoices: 2_600, users: { ops: { password: 'pw-1' } } })
    closers.push(hoursmith.close, yeti.close)
    testCore = await openTestCore({ clock: systemClock })
    core = testCore.core
    await core.accounts.add({ provider: 'hoursmith', name: 'H', baseUrl: hoursmith.baseUrl, secret: token })
    await core.accounts.add({ provider: 'yeti', name: 'Y', baseUrl: yeti.baseUrl, options: { login: 'ops' }, secret: 'pw-1' })
    const events: SyncProgress[] = []
    core.events.subscribe((event, payload) => event === 'sync.progress' && events.push(payload as SyncProgress))
    await core.sync.run()

    const yetiPages = events.filter((e) => e.account === 'Y' && e.phase === 'page')
    const served = yeti.invoices.filter((i) => i.state === 'approved').length
    expect(yetiPages.length).toBe(Math.ceil(served / 1000))
    expect(yetiPages.every((e) => e.expected === served)).toBe(true)
    expect(yetiPages.map((e) => e.walked)).toEqual(yetiPages.map((_, i) => Math.min(served, (i + 1) * 1000)))
    expect(yetiPages.at(-1)!.etaSeconds).toBe(0)

    const hoursmithPages = events.filter((e) => e.account === 'H' && e.phase === 'page')
    expect(hoursmithPages.map((e) => e.walked)).toEqual([200, 400, 500])
    expect(hoursmithPages.every((e) => e.expected === null && e.etaSeconds === null)).toBe(true)
    expect(
      events
        .filter((e) => e.phase === 'finished')
        .map((e) => e.account)
        .sort()
    ).toEqual(['H', 'Y'])
  })
})
