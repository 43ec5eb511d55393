import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { FULL_RECONCILE_INTERVAL_MS } from '../../main/sync/account-sync'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('sync lifecycle: resume, repeat, tombstones, failures', () => {
  let testCore: TestCore
  let core: Core
  let simulator: HoursmithSimulator
  let accountId: string
  const token = hoursmithToken()

  beforeEach(async () => {
    simulator = await startHoursmithSimulator({ invoices: 1_000, seed: 3, tokens: { [token]: {} } })
    testCore = await openTestCore()
    core = testCore.core
    accountId = (await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })).id
  })
  afterEach(async () => {
    await testCore.close()
    await simulator.close()
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
    simulator.invoices.push({
      ...simulator.invoices[0]!,
      id: 'new-invoice-1',
      number: 'INV-NEW',
      updatedAt: '2026-11-22T10:00:00Z',
      deletedAt: null
    })
    simulator.changed()

    const [outcome] = await core.sync.run(undefined, { full: true })
    expect(outcome).toMatchObject({ ok: true, strategy: 'full', removed: 1 })
    expect(cached(false)).toBe(live())
    expect(cached(true)).toBe(1_001)
    expect(core.invoices.get(accountId, vanished.id).removed).toBe(true)
    expect(core.invoices.get(accountId, softDeleted.id).removed).toBe(true)
    expect(core.invoices.get(accountId, changed.id)).toMatchObject({ status: 'paid', paid: changed.total })
    expect(core.invoices.get(accountId, 'new-invoice-1').number).toBe('INV-NEW')
    expect(core.invoices.list({ search: 'INV-NEW', includeRemoved: false, offset: 0, limit: 5 }).total).toBe(1)
  })

  it('between daily full walks, fetches only what changed; the next full walk reconciles deletions', async () => {
    const clock = fakeClock(new Date('2026-11-23T09:00:00Z'))
    core = await testCore.reopen({ secrets: new MemorySecrets(), clock })
    accountId = (await core.accounts.add({ provider: 'hoursmith', name: 'Studio 2', baseUrl: simulator.baseUrl, secret: token })).id
    const [first] = await core.sync.run(accountId)
    expect(first).toMatchObject({ ok: true, strategy: 'full', pages: 5 })

    const paid = simulator.invoices.find((i) => i.status === 'SENT')!
    Object.assign(paid, { status: 'PAID', paymentStatus: 'paid', amountPaid: paid.total, updatedAt: '2026-11-22T12:00:00Z' })
    const softDeleted = simulator.invoices.find((i) => i.status === 'DRAFT' && i.deletedAt === null)!
    Object.assign(softDeleted, { deletedAt: '2026-11-22T13:00:00Z', updatedAt: '2026-11-22T13:00:00Z' })
    simulator.invoices.push({
      ...simulator.invoices[1]!,
      id: 'fresh-1',
      number: 'INV-FRESH',
      updatedAt: '2026-11-22T14:00:00Z',
      deletedAt: null
    })
    const vanished = simulator.invoices.splice(5, 1)[0]!
    simulator.changed()

    const before = simulator.requests.count
    const [incremental] = await core.sync.run(accountId)
    expect(incremental).toMatchObject({ ok: true, strategy: 'incremental', pages: 1, removed: 0 })
    expect(simulator.requests.count - before).toBe(1)
    // The three changes, and the newest invoice already cached: the bound is inclusive, so an
    // update at the very same instant as the watermark is never missed.
    expect(core.accounts.get(accountId).lastRun).toMatchObject({ strategy: 'incremental', outcome: 'ok', requests: 1, upserted: 4 })
    expect(core.invoices.get(accountId, paid.id).status).toBe('paid')
    expect(core.invoices.get(accountId, softDeleted.id).removed).toBe(true)
    expect(core.invoices.get(accountId, 'fresh-1').number).toBe('INV-FRESH')
    // A hard delete is invisible to "what changed": only a full walk can notice it.
    expect(core.invoices.get(accountId, vanished.id).removed).toBe(false)

    await clock.sleep(FULL_RECONCILE_INTERVAL_MS)
    const [daily] = await core.sync.run(accountId)
    expect(daily).toMatchObject({ ok: true, strategy: 'full', removed: 1 })
    expect(core.invoices.get(accountId, vanished.id).removed).toBe(true)
  })

  it('a wrong token fails that account with a clear error, records it, and leaves the cache as it was', async () => {
    await core.sync.run()
    await core.accounts.replaceSecret(accountId, hoursmithToken(), { skipCheck: true })
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PROVIDER_AUTH' } })
    expect(cached()).toBe(1_000)
    const account = core.accounts.get(accountId)
    expect(account.lastError).toMatch(/token was rejected/)
    expect(account.lastSyncedAt).not.toBeNull()
  })

  it('one account’s auth failure stops that account only; the others sync', async () => {
    const otherToken = hoursmithToken()
    const other = await startHoursmithSimulator({ invoices: 120, seed: 4, tokens: { [otherToken]: {} } })
    try {
      await core.accounts.add({ provider: 'hoursmith', name: 'Other', baseUrl: other.baseUrl, secret: otherToken })
      await core.accounts.replaceSecret(accountId, hoursmithToken(), { skipCheck: true })
      const outcomes = await core.sync.run()
      expect(outcomes.map(({ account, ok, upserted, error }) => ({ account, ok, upserted, code: error?.code ?? null }))).toEqual([
        { account: 'Other', ok: true, upserted: 120, code: null },
        { account: 'Studio', ok: false, upserted: 0, code: 'PROVIDER_AUTH' }
      ])
    } finally {
      await other.close()
    }
  })

  it('a malformed record costs only itself: the sync names its page and field, and the cache keeps its earlier copy', async () => {
    await core.sync.run()
    const before = core.invoices.list({ includeRemoved: true, offset: 0, limit: 500 })
    const target = simulator.invoices[500]!
    ;(target as unknown as { issueDate: unknown }).issueDate = { day: 1 }
    target.updatedAt = '2026-11-22T00:00:00Z'
    simulator.changed()
    const [outcome] = await core.sync.run(undefined, { full: true })
    expect(outcome).toMatchObject({
      ok: true,
      skipped: 1,
      removed: 0,
      skippedRecords: [{ remoteId: target.id, page: 5, field: 'issueDate', reason: expect.any(String) }]
    })
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
