import { join } from 'node:path'
import BetterSqlite from 'better-sqlite3'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { CANDIDATES_SQL } from '../../main/duplicates/duplicates.repo'
import { cliInProcess } from '../helpers/cli-in-process'
import { buildLargeCache, fixtureInvoice, LARGE_CACHE_ACCOUNTS } from '../helpers/large-cache'
import { MemorySecrets } from '../helpers/memory-secrets'
import { queryPlan } from '../helpers/query-plan'
import { tempDir } from '../helpers/temp-dir'
import { openTestCore, type TestCore } from '../helpers/test-core'

const [caresquare, yeti, hoursmith, lynkwell] = LARGE_CACHE_ACCOUNTS

/** A copy of fixture invoice `n` in another account, as another provider would list the same bill. */
function copyInvoice(
  db: Database.Database,
  n: number,
  into: { id: string },
  changes: { remoteId: string; number?: string; counterparty?: string; issueDate?: string; currency?: string; removed?: boolean }
): void {
  db.prepare(
    `INSERT INTO invoices (account_id, remote_id, number, status, counterparty, issue_date, currency, total, total_scaled, removed, seen_walk, raw, synced_at)
     SELECT @account, @remoteId, coalesce(@number, number), status, coalesce(@counterparty, counterparty), coalesce(@issueDate, issue_date),
       coalesce(@currency, currency), total, total_scaled, @removed, 1, '{}', synced_at
     FROM invoices WHERE id = @n`
  ).run({
    account: into.id,
    remoteId: changes.remoteId,
    number: changes.number ?? null,
    counterparty: changes.counterparty ?? null,
    issueDate: changes.issueDate ?? null,
    currency: changes.currency ?? null,
    removed: changes.removed ? 1 : 0,
    n
  })
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

describe('likely duplicates across accounts and providers', () => {
  let dir: ReturnType<typeof tempDir>
  let testCore: TestCore
  let core: Core
  const secrets = new MemorySecrets()

  beforeAll(async () => {
    dir = tempDir('quire-dups-')
    // Every fixture total is distinct, so the only duplicates are the ones planted here.
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), 2_000)
    const a = fixtureInvoice(101)
    const b = fixtureInvoice(202)
    const c = fixtureInvoice(303)
    // The same bill from Hoursmith, three days later, another number, the name written differently.
    copyInvoice(db, 101, a.accountId === hoursmith.id ? lynkwell : hoursmith, {
      remoteId: 'dup-close',
      number: 'HS-9001',
      counterparty: ` ${a.counterparty.toUpperCase()}.`,
      issueDate: addDays(a.issueDate, 3)
    })
    // The same number seven weeks apart: re-sent, not re-billed? Still the same bill to look at.
    copyInvoice(db, 202, b.accountId === yeti.id ? caresquare : yeti, {
      remoteId: 'dup-number',
      number: b.number.toLowerCase().replace('-', ' '),
      issueDate: addDays(b.issueDate, 49)
    })
    // Not duplicates: a month apart with another number; another currency; a tombstone.
    copyInvoice(db, 303, c.accountId === yeti.id ? caresquare : yeti, {
      remoteId: 'later-bill',
      number: 'X-1',
      issueDate: addDays(c.issueDate, 30)
    })
    copyInvoice(db, 101, caresquare.id === a.accountId ? yeti : caresquare, {
      remoteId: 'other-currency',
      currency: a.currency === 'NZD' ? 'JPY' : 'NZD',
      issueDate: a.issueDate
    })
    copyInvoice(db, 202, hoursmith.id === b.accountId ? lynkwell : hoursmith, { remoteId: 'tombstone', removed: true })
    db.close()
    // The cache is built before the core opens on it: the fixture gets the dir, the test keeps it.
    testCore = await openTestCore({ dataDir: dir.path, secrets, clock: systemClock })
    core = testCore.core
  })

  afterAll(async () => {
    await testCore?.close()
    dir?.remove()
  })

  it('groups the planted duplicates, with the reason, and nothing else', () => {
    const { groups, dismissed } = core.duplicates.list()
    expect(dismissed).toBe(0)
    const byRemote = (group: (typeof groups)[number]): string[] => group.invoices.map((invoice) => invoice.remoteId).sort()
    expect(
      groups.map((group) => ({ reason: group.reason, members: byRemote(group) })).sort((x, y) => x.reason.localeCompare(y.reason))
    ).toEqual([
      { reason: 'closeDates', members: ['dup-close', fixtureInvoice(101).remoteId].sort() },
      { reason: 'sameNumber', members: ['dup-number', fixtureInvoice(202).remoteId].sort() }
    ])
    const close = groups.find((group) => group.reason === 'closeDates')!
    expect(new Set(close.invoices.map((invoice) => invoice.provider)).size).toBe(2)
  })

  it('walks the bill index instead of comparing pairs or scanning the table', () => {
    const db = new BetterSqlite(join(dir.path, 'quire.sqlite3'), { readonly: true })
    const details = queryPlan(db, CANDIDATES_SQL).split('\n')
    db.close()
    expect(details.filter((detail) => detail.includes('invoices_by_bill')).length).toBe(2)
    expect(details.some((detail) => /^SCAN (i|invoices)$/.test(detail))).toBe(false)
    expect(details.some((detail) => /TEMP B-TREE FOR GROUP BY/.test(detail))).toBe(false)
  })

  it('remembers "not duplicates" for that set of invoices, across restarts, and shows the group again when it grows', async () => {
    const group = core.duplicates.list().groups.find((candidate) => candidate.reason === 'sameNumber')!
    core.duplicates.dismiss(group.key)
    expect(core.duplicates.list()).toMatchObject({ dismissed: 1, groups: [{ reason: 'closeDates' }] })
    core = await testCore.reopen()
    expect(core.duplicates.list()).toMatchObject({ dismissed: 1, groups: [{ reason: 'closeDates' }] })
    expect(() => core.duplicates.dismiss('0'.repeat(64))).toThrow(/no longer exists/)
    // A third copy of the dismissed bill makes another set: it is shown for review again.
    await core.close()
    const db = new BetterSqlite(join(dir.path, 'quire.sqlite3'))
    copyInvoice(db, 202, lynkwell.id === fixtureInvoice(202).accountId ? hoursmith : lynkwell, { remoteId: 'dup-number-3' })
    db.close()
    core = await testCore.reopen()
    const grown = core.duplicates.list()
    expect(grown.dismissed).toBe(0)
    expect(grown.groups.find((candidate) => candidate.reason === 'sameNumber')?.invoices.map((invoice) => invoice.remoteId)).toContain(
      'dup-number-3'
    )
    core.duplicates.dismiss(grown.groups.find((candidate) => candidate.reason === 'sameNumber')!.key)
  })

  it('prints the documented shape from `quire duplicates --json`', async () => {
    const { code, stdout } = await cliInProcess(dir.path, secrets, ['duplicates', '--json'])
    expect(code).toBe(0)
    const printed = JSON.parse(stdout) as { groups: { reason: string; invoices: Record<string, unknown>[] }[] }
    expect(printed.groups).toHaveLength(1)
    expect(printed.groups[0]!.reason).toBe('closeDates')
    for (const invoice of printed.groups[0]!.invoices) {
      expect(Object.keys(invoice)).toEqual(expect.arrayContaining(['account', 'remoteId', 'number', 'total', 'currency', 'issueDate']))
      expect(invoice.total).toBe(fixtureInvoice(101).total)
    }
  })

  it('finds none in the simulators’ ordinary data (all four providers, synced)', async () => {
    const demo = await openTestCore({ clock: systemClock })
    const demoCore = demo.core
    try {
      await demoCore.demo.start()
      expect((await demoCore.sync.run()).every((outcome) => outcome.ok)).toBe(true)
      expect(demoCore.accounts.list().reduce((sum, account) => sum + account.invoiceCount, 0)).toBeGreaterThan(100)
      expect(demoCore.duplicates.list().groups).toEqual([])
    } finally {
      await demo.close()
    }
  })
})
