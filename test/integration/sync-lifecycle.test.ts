import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../main/core/create-core'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { hoursmithToken } from '../helpers/tokens'

describe('sync lifecycle: resume, repeat, tombstones, failures', () => {
  let dir: ReturnType<typeof tempDir>
  let core: Core
  let simulator: HoursmithSimulator
  let accountId: string
  const token = hoursmithToken()

  beforeEach(async () => {
    dir = tempDir()
    simulator = await startHoursmithSimulator({ invoices: 1_000, seed: 3, tokens: { [token]: {} } })
    core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets(), clock: fakeClock() })
    accountId = (await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })).id
  })
  afterEach(async () => {
    await core.close()
    await simulator.close()
    dir.remove()
  })

  const cached = (includeRemoved = true): number => core.invoices.list({ includeRemoved, offset: 0, limit: 1 }).total

  it('a cancelled sync keeps its committed pages and the next one resumes after them', async () => {
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'sync.progress' && (payload as { pages: number }).pages === 2) core.sync.cancel()
    })
    const [cancelled] = await core.sync.run()
    stop()
    expect(cancelled).toMatchObject({ ok: false, pages: 2, upserted: 400, error: { code: 'CANCELLED' } })
    expect(cached()).toBe(400)

    const before = simulator.requests.count
    const [resumed] = await core.sync.run()
    expect(resumed).toMatchObject({ ok: true, resumed: true, pages: 3, upserted: 600, removed: 0 })
    expect(simulator.requests.count - before).toBe(3)
    expect(cached()).toBe(1_000)
  })

  it('tombstones what vanished or was soft-deleted upstream, adds what is new, and updates what changed', async () => {
    await core.sync.run()
    const live = (): number => simulator.invoices.filter((i) => i.deletedAt === null).length
    expect(cached(false)).toBe(live())

    const vanished = simulator.invoices.splice(10, 1)[0]!
    const softDeleted = simulator.invoices[20]!
    softDeleted.deletedAt = '2026-11-20T10:00:00Z'
    softDeleted.updatedAt = '2026-11-20T10:00:00Z'
    const changed = simulator.invoices[30]!
    Object.assign(changed, { status: 'PAID', paymentStatus: 'paid', amountPaid: changed.total, updatedAt: '2026-11-21T10:00:00Z' })
    simulator.invoices.push({ ...simulator.invoices[0]!, id: 'new-invoice-1', number: 'INV-NEW', updatedAt: '2026-11-22T10:00:00Z', deletedAt: null })
    simulator.changed()

    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: true, removed: 1 })
    expect(cached(false)).toBe(live())
    expect(cached(true)).toBe(1_001)
    expect(core.invoices.get(accountId, vanished.id).removed).toBe(true)
    expect(core.invoices.get(accountId, softDeleted.id).removed).toBe(true)
    expect(core.invoices.get(accountId, changed.id)).toMatchObject({ status: 'paid', paid: changed.total })
    expect(core.invoices.get(accountId, 'new-invoice-1').number).toBe('INV-NEW')
    expect(core.invoices.list({ search: 'INV-NEW', includeRemoved: false, offset: 0, limit: 5 }).total).toBe(1)
  })

  it('a wrong token fails that account with a clear error, records it, and leaves the cache as it was', async () => {
    await core.sync.run()
    await core.accounts.replaceSecret(accountId, hoursmithToken())
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PROVIDER_AUTH' } })
    expect(cached()).toBe(1_000)
    const account = core.accounts.get(accountId)
    expect(account.lastError).toMatch(/token was rejected/)
    expect(account.lastSyncedAt).not.toBeNull()
  })

  it('a malformed page fails the sync naming page and field, and the cache keeps its earlier state', async () => {
    await core.sync.run()
    const before = core.invoices.list({ includeRemoved: true, offset: 0, limit: 500 })
    const target = simulator.invoices[500]!
    ;(target as unknown as { total: unknown }).total = { amount: 1 }
    target.updatedAt = '2026-11-22T00:00:00Z'
    simulator.changed()
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PROVIDER_BAD_RESPONSE', message: expect.stringMatching(/^Page 5: .*total/) } })
    expect(core.invoices.list({ includeRemoved: true, offset: 0, limit: 500 })).toEqual(before)
  })

  it('a provider that is down fails with PROVIDER_UNAVAILABLE and loses nothing', async () => {
    await core.sync.run()
    await simulator.close()
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PROVIDER_UNAVAILABLE' } })
    expect(cached()).toBe(1_000)
  })
})
