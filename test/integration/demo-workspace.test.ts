import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../main/app/create-core'
import { startBackgroundWork } from '../../main/app/start-background'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'

describe('the demo workspace shared by the app and the CLI', () => {
  const cores: Core[] = []
  const dirs: ReturnType<typeof tempDir>[] = []
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close()
    for (const dir of dirs.splice(0)) dir.remove()
  })

  it('a second process uses the simulators the first one serves, and the first keeps working after it exits', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const secrets = new MemorySecrets()
    const app = await createCore({ dataDir: dir.path, secrets })
    cores.push(app)
    const demo = await app.demo.start()
    const endpoints = () => Object.fromEntries(app.accounts.list().map((account) => [account.provider, account.baseUrl]))
    const before = endpoints()
    const yeti = demo.find((account) => account.provider === 'yeti')!

    // The CLI opens its own core on the same data while the app runs.
    const cli = await createCore({ dataDir: dir.path, secrets })
    expect(endpoints()).toEqual(before)
    expect(await cli.sync.run(yeti.id, { full: true })).toMatchObject([{ ok: true }])
    await cli.close()

    expect(endpoints()).toEqual(before)
    expect(await app.sync.run(yeti.id, { full: true })).toMatchObject([{ ok: true }])
  })

  it('restarts the simulators when no process serves them any more', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const secrets = new MemorySecrets()
    const first = await createCore({ dataDir: dir.path, secrets })
    const yeti = (await first.demo.start()).find((account) => account.provider === 'yeti')!
    const gone = first.accounts.get(yeti.id).baseUrl
    await first.close()

    const again = await createCore({ dataDir: dir.path, secrets })
    cores.push(again)
    await startBackgroundWork(again)
    expect(again.accounts.get(yeti.id).baseUrl).not.toBe(gone)
    expect(await again.sync.run(yeti.id, { full: true })).toMatchObject([{ ok: true }])
  })

  it('shows a new user realistic data: no reference placeholders, no markup probes (those stay in test fixtures)', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets() })
    cores.push(core)
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
