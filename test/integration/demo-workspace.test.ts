import { afterEach, describe, expect, it } from 'vitest'
import { startBackgroundWork } from '../../main/app/start-background'
import { systemClock } from '../../main/base/clock'
import { openTestCore, type TestCore } from '../helpers/test-core'

describe('the demo workspace shared by the app and the CLI', () => {
  const open: TestCore[] = []
  afterEach(async () => {
    for (const testCore of open.splice(0)) await testCore.close()
  })

  it('a second process uses the simulators the first one serves, and the first keeps working after it exits', async () => {
    const appCore = await openTestCore({ clock: systemClock })
    open.push(appCore)
    const app = appCore.core
    const demo = await app.demo.start()
    const endpoints = () => Object.fromEntries(app.accounts.list().map((account) => [account.provider, account.baseUrl]))
    const before = endpoints()
    const yeti = demo.find((account) => account.provider === 'yeti')!

    // The CLI opens its own core on the same data while the app runs.
    const cli = (await openTestCore({ dataDir: appCore.dir.path, secrets: appCore.secrets, clock: systemClock })).core
    expect(endpoints()).toEqual(before)
    expect(await cli.sync.run(yeti.id, { full: true })).toMatchObject([{ ok: true }])
    await cli.close()

    expect(endpoints()).toEqual(before)
    expect(await app.sync.run(yeti.id, { full: true })).toMatchObject([{ ok: true }])
  })

  it('restarts the simulators when no process serves them any more', async () => {
    const testCore = await openTestCore({ clock: systemClock })
    open.push(testCore)
    const first = testCore.core
    const yeti = (await first.demo.start()).find((account) => account.provider === 'yeti')!
    const gone = first.accounts.get(yeti.id).baseUrl
    await first.close()

    const again = await testCore.reopen()
    await startBackgroundWork(again)
    expect(again.accounts.get(yeti.id).baseUrl).not.toBe(gone)
    expect(await again.sync.run(yeti.id, { full: true })).toMatchObject([{ ok: true }])
  })

  it('shows a new user realistic data: no reference placeholders, no markup probes (those stay in test fixtures)', async () => {
    const testCore = await openTestCore({ clock: systemClock })
    open.push(testCore)
    const { core } = testCore
    await core.demo.start()
    const outcomes = await core.sync.run()
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, true])

    const totals = core.invoices.totals({ includeRemoved: true, includeDuplicatesAndWontClaim: true })
    expect(totals.map((total) => total.currency).every((currency) => /^[A-Z]{3}$/.test(currency) && currency !== 'XXX')).toBe(true)
    const everything = []
    for (let offset = 0; ; offset += 500) {
      const page = core.invoices.list({ includeRemoved: true, offset, limit: 500 })
      everything.push(...page.items)
      if (offset + 500 >= page.total) break
    }
    expect(everything.length).toBeGreaterThan(4_000)
    const text = everything.map(
      (invoice) => `${invoice.number ?? ''} | ${invoice.counterparty ?? ''} | ${invoice.remoteId} | ${invoice.rawStatus ?? ''}`
    )
    expect(text.filter((line) => /<|>|onerror/i.test(line))).toEqual([])
    expect(text.filter((line) => /\bstring\b/i.test(line))).toEqual([])
  })
})
