import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { toScaled, fromScaled } from '../../main/money/decimal'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { realKeychain } from '../helpers/keychain'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('Hoursmith sync against the simulator over HTTP, with the real keychain', () => {
  let testCore: TestCore
  let core: Core
  let simulator: HoursmithSimulator
  const token = hoursmithToken()
  const keychain = realKeychain()

  beforeEach(async () => {
    simulator = await startHoursmithSimulator({ invoices: 1_050, seed: 7, tokens: { [token]: { plan: 'studio', role: 'owner' } } })
    testCore = await openTestCore({ secrets: keychain, clock: systemClock })
    core = testCore.core
  })

  afterEach(async () => {
    for (const account of core.accounts.list()) await core.accounts.remove(account.id)
    await testCore.close()
    await simulator.close()
  })

  it('syncs every page into the cache with exact totals, and keeps the token only in the keychain', async () => {
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    const [outcome] = await core.sync.run()

    expect(outcome).toMatchObject({ ok: true, pages: 6, upserted: 1_050, error: null })
    const live = simulator.invoices.filter((i) => i.deletedAt === null)
    const page = core.invoices.list({ includeRemoved: false, offset: 0, limit: 500 })
    expect(page.total).toBe(live.length)

    const expectedTotals = sumByCurrency(live.map((i) => ({ currency: i.currency, total: i.total })))
    const all = [...page.items]
    for (let offset = 500; offset < page.total; offset += 500)
      all.push(...core.invoices.list({ includeRemoved: false, offset, limit: 500 }).items)
    expect(sumByCurrency(all.map((i) => ({ currency: i.currency, total: i.total! })))).toEqual(expectedTotals)

    expect(JSON.parse((await keychain.get(account.id))!)).toEqual({ v: 1, secret: token, origins: [new URL(simulator.baseUrl).origin] })
    // Every file Quire wrote, the log's included.
    for (const file of readdirSync(testCore.dir.path, { recursive: true, encoding: 'utf8' })) {
      const path = join(testCore.dir.path, file)
      if (statSync(path).isFile()) expect(readFileSync(path).includes(token), `${file} must not contain the token`).toBe(false)
    }
  })

  it('resumes nothing and duplicates nothing when synced again, incrementally or in full', async () => {
    await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    await core.sync.run()
    const [again] = await core.sync.run()
    expect(again).toMatchObject({ ok: true, strategy: 'incremental', resumed: false, pages: 1, requests: 1, removed: 0 })
    const [full] = await core.sync.run(undefined, { full: true })
    expect(full).toMatchObject({ ok: true, strategy: 'full', resumed: false, upserted: 1_050, removed: 0 })
    expect(core.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total).toBe(1_050)
  })
})

function sumByCurrency(rows: { currency: string; total: string }[]): Record<string, string> {
  const sums = new Map<string, bigint>()
  for (const row of rows) sums.set(row.currency, (sums.get(row.currency) ?? 0n) + toScaled(row.total))
  return Object.fromEntries([...sums].sort().map(([currency, sum]) => [currency, fromScaled(sum)]))
}
