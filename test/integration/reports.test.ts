import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { toScaled, fromScaled } from '../../main/money/decimal'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { cliInProcess } from '../helpers/cli-in-process'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'
import type { Clock } from '../../main/base/clock'

/** A clock the test sets: each sync happens at a known instant. */
function settableClock(start: string): Clock & { set(iso: string): void } {
  let now = Date.parse(start)
  return { now: () => new Date(now), sleep: async (ms) => void (now += ms), set: (iso) => void (now = Date.parse(iso)) }
}

describe('reports across a change upstream', () => {
  let testCore: TestCore
  let core: Core
  let simulator: HoursmithSimulator
  const secrets = new MemorySecrets()
  const token = hoursmithToken()
  const clock = settableClock('2026-11-10T08:00:00Z')

  beforeEach(async () => {
    simulator = await startHoursmithSimulator({ invoices: 400, seed: 16, tokens: { [token]: {} } })
    testCore = await openTestCore((dataDir) => ({ secrets, clock, exportDir: dataDir }))
    core = testCore.core
  })
  afterEach(async () => {
    await testCore.close()
    await simulator.close()
  })

  it('lists every changed and vanished invoice, and ages as of a date between the syncs', async () => {
    clock.set('2026-11-10T08:00:00Z')
    await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    await core.sync.run()
    const firstSync = clock.now().toISOString()
    const asOfBetweenAtFirstSync = core.reports.aging({ asOf: '2026-11-15', by: 'account', filter: {} })
    expect(asOfBetweenAtFirstSync.rows.length).toBeGreaterThan(0)

    const live = simulator.invoices.filter((i) => i.deletedAt === null && i.status === 'SENT')
    const [paid, repriced, vanished] = [live[0]!, live[1]!, live[2]!]
    const repricedBefore = repriced.total
    Object.assign(paid, { status: 'PAID', paymentStatus: 'paid', amountPaid: paid.total, updatedAt: '2026-11-20T00:00:00Z' })
    Object.assign(repriced, { total: '12345.67', updatedAt: '2026-11-20T00:00:00Z' })
    simulator.invoices.splice(simulator.invoices.indexOf(vanished), 1)
    simulator.changed()
    clock.set('2026-11-20T09:00:00Z')
    await core.sync.run(undefined, { full: true })
    const secondSync = clock.now().toISOString()

    const feed = core.reports.changes({ since: '2026-11-15T00:00:00Z', offset: 0, limit: 1000 })
    const byInvoice = (id: string) =>
      feed.items.filter((item) => item.remoteId === id).map(({ field, from, to, at }) => ({ field, from, to, at }))
    expect(byInvoice(paid.id)).toEqual(expect.arrayContaining([{ field: 'status', from: 'open', to: 'paid', at: secondSync }]))
    expect(byInvoice(repriced.id)).toEqual([{ field: 'total', from: repricedBefore, to: '12345.67', at: secondSync }])
    expect(byInvoice(vanished.id)).toEqual([{ field: 'removed', from: null, to: null, at: secondSync }])
    expect(feed.items.every((item) => item.at === secondSync && item.account === 'Studio' && item.provider === 'hoursmith')).toBe(true)
    expect(new Set(feed.items.map((i) => i.remoteId))).toEqual(new Set([paid.id, repriced.id, vanished.id]))

    // Since before the first sync, every invoice was added.
    const all = core.reports.changes({ since: '2026-11-01T00:00:00Z', offset: 0, limit: 1 })
    expect(all.total).toBe(400 + feed.total)

    // The grid's "changed since" filter finds the same invoices (the vanished one among tombstones).
    const changed = core.invoices.list({ changedSince: { since: '2026-11-15T00:00:00Z' }, includeRemoved: true, offset: 0, limit: 100 })
    expect(new Set(changed.items.map((i) => i.remoteId))).toEqual(new Set([paid.id, repriced.id, vanished.id]))
    const becamePaid = core.invoices.list({
      changedSince: { since: '2026-11-15T00:00:00Z', field: 'status' },
      status: 'paid',
      includeRemoved: false,
      offset: 0,
      limit: 100
    })
    expect(becamePaid.items.map((i) => i.remoteId)).toEqual([paid.id])

    // Today: the rows of each currency add up exactly to what the open invoices still owe.
    const today = core.reports.aging({ by: 'counterparty', filter: {} })
    const open = core.invoices.list({ status: 'open', includeRemoved: false, offset: 0, limit: 500 })
    expect(open.total).toBeLessThan(500)
    const owed = new Map<string, bigint>()
    for (const invoice of open.items) {
      if (invoice.total === null) continue
      owed.set(
        invoice.currency,
        (owed.get(invoice.currency) ?? 0n) + toScaled(invoice.total) - (invoice.paid === null ? 0n : toScaled(invoice.paid))
      )
    }
    const reported = new Map<string, bigint>()
    for (const row of today.rows) {
      expect(fromScaled(Object.values(row.amounts).reduce((sum, amount) => sum + toScaled(amount), 0n))).toBe(row.total)
      reported.set(row.currency, (reported.get(row.currency) ?? 0n) + toScaled(row.total))
    }
    expect(reported).toEqual(owed)
    expect(today.rows.reduce((n, row) => n + row.count, 0)).toBe(open.total)
    // Each row drills down to exactly its invoices.
    for (const row of today.rows.filter((r) => r.key !== '(no counterparty)')) {
      const drilled = core.invoices.list({
        status: 'open',
        currency: row.currency,
        counterparty: row.key,
        includeRemoved: false,
        offset: 0,
        limit: 1
      })
      expect(drilled.total).toBe(row.count)
    }

    // As of a day between the syncs, the report is exactly the one Quire could give then: the
    // paid invoice still owed, the repriced one at its old total, the vanished one still there.
    const between = core.reports.aging({ asOf: '2026-11-15', by: 'account', filter: {} })
    expect(between.rows).toEqual(asOfBetweenAtFirstSync.rows)
    expect(between.notYetSeen).toBe(0)
    expect(between.syncedAt).toBe(secondSync)
    const after = core.reports.aging({ asOf: '2026-11-21', by: 'account', filter: {} })
    expect(after.rows).not.toEqual(between.rows)

    // Before the first sync Quire knew nothing: invoices issued by then are counted as not yet seen.
    const before = core.reports.aging({ asOf: '2026-11-01', by: 'account', filter: {} })
    expect(before.rows).toEqual([])
    expect(before.notYetSeen).toBeGreaterThan(0)
    expect(firstSync < secondSync).toBe(true)

    // The CLI prints the documented shapes, and the same numbers.
    const aging = await cliInProcess(testCore.dir.path, secrets, ['report', 'aging', '--as-of', '2026-11-15', '--by', 'account', '--json'])
    expect(aging.code).toBe(0)
    const agingJson = JSON.parse(aging.stdout)
    expect(Object.keys(agingJson)).toEqual(['asOf', 'by', 'buckets', 'rows'])
    expect(agingJson).toEqual({
      asOf: '2026-11-15',
      by: 'account',
      buckets: ['current', '1-30', '31-60', '61-90', '90+'],
      rows: between.rows.map(({ agedFromIssueDate: _, ...row }) => row)
    })
    const changes = await cliInProcess(testCore.dir.path, secrets, ['changes', '--since', '2026-11-15T00:00:00Z', '--json'])
    expect(changes.code).toBe(0)
    const changesJson = JSON.parse(changes.stdout)
    expect(changesJson.items.map((item: object) => Object.keys(item))).toEqual(
      feed.items.map(() => ['account', 'provider', 'remoteId', 'number', 'field', 'from', 'to', 'at'])
    )
    expect(changesJson.items).toEqual(
      [...feed.items].reverse().map(({ account, provider, remoteId, number, field, from, to, at }) => ({
        account,
        provider,
        remoteId,
        number,
        field,
        from,
        to,
        at
      }))
    )
    const wrong = await cliInProcess(testCore.dir.path, secrets, ['report', 'aging', '--status', 'paid'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--status does not apply')
    const badSince = await cliInProcess(testCore.dir.path, secrets, ['changes', '--since', 'last week'])
    expect(badSince.code).toBe(2)
    expect(badSince.stderr).toContain('--since')
  })
})
