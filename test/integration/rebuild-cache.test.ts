import { closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/run-cli'
import { systemClock } from '../../main/base/clock'
import type { CacheHealth } from '../../preload/contract'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('a damaged cache', () => {
  let testCore: TestCore
  let simulator: HoursmithSimulator
  afterEach(async () => {
    await simulator.close()
    await testCore.close()
  })

  it('is found by the background check after launch, and `quire cache rebuild` keeps the accounts so one sync restores everything', async () => {
    const token = hoursmithToken()
    simulator = await startHoursmithSimulator({ invoices: 2_000, tokens: { [token]: {} } })
    const secrets = new MemorySecrets()
    testCore = await openTestCore({ secrets })
    const { core: first, dir } = testCore
    await first.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    await first.sync.run()
    const before = first.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total
    await first.close()

    // Scribble over the later pages, where invoices and their indexes live.
    const file = join(dir.path, 'quire.sqlite3')
    const size = statSync(file).size
    const handle = openSync(file, 'r+')
    writeSync(handle, Buffer.alloc(4096 * 8, 0x5a), 0, 4096 * 8, size - 4096 * 12)
    closeSync(handle)

    // The launch does not wait for the check (a large cache would take seconds); the check's
    // answer arrives as an event and through the contract, with the way to rebuild.
    const damaged = await testCore.reopen({ clock: systemClock })
    // As the app's hosts start it (startBackgroundWork).
    damaged.health.start()
    expect(['checking', 'damaged']).toContain(damaged.health.status().state)
    const announced: CacheHealth[] = []
    damaged.events.subscribe((event, payload) => event === 'cache.health' && announced.push(payload as CacheHealth))
    const health = await damaged.health.settled()
    expect(health.state).toBe('damaged')
    expect(health.message).toMatch(/damaged.*quire cache rebuild.*accounts are kept/)
    if (announced.length === 0) expect(damaged.health.status()).toEqual(health)
    else expect(announced).toEqual([health])
    const answer = await createDispatch(createHandlers(damaged, 'test'))('cache.getHealth', {})
    expect(answer).toEqual({ ok: true, value: health })
    await damaged.close()

    const out: string[] = []
    const io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
      stdin: process.stdin
    } as never
    expect(await runCli(['--data-dir', dir.path, 'cache', 'rebuild'], io, secrets)).toBe(0)
    expect(out.join('')).toMatch(/Kept 1 account/)
    expect(readdirSync(dir.path).some((name) => name.startsWith('quire.sqlite3.damaged-'))).toBe(true)

    const rebuilt = await testCore.reopen({ clock: fakeClock() })
    expect(rebuilt.accounts.list().map((a) => a.name)).toEqual(['Studio'])
    const [outcome] = await rebuilt.sync.run()
    expect(outcome).toMatchObject({ ok: true })
    expect(rebuilt.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total).toBe(before)
    await rebuilt.close()
  })
})
