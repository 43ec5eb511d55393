import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceFilter, type InvoiceStatus, type ProviderId } from '../../preload/contract'
import { DomainEvents } from '../../main/base/domain-events'
import { EventHub } from '../../main/base/events'
import { silentLog } from '../../main/log/log'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { InvoiceChangesRepo } from '../../main/db/invoice-changes.repo'
import { countSql, filterSql, leftOutCountSql, openWithoutDueDateSql, totalsSql, type SqlParams } from '../../main/db/invoice-filter-sql'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { InvoicesRepo } from '../../main/db/invoices.repo'
import { openDatabase } from '../../main/db/open-database'
import { PaymentTermsRepo } from '../../main/db/payment-terms.repo'
import { rebuildCache } from '../../main/db/rebuild-cache'
import { SkippedRecordsRepo } from '../../main/db/skipped-records.repo'
import { SyncStateRepo } from '../../main/db/sync-state.repo'
import { foldTotals, leftOutOfTotalsSql, type StatusSums, type TotalsOptions } from '../../main/db/totals-rule'
import { TotalsRollup } from '../../main/db/totals-rollup'
import { rollupTotalsSql } from '../../main/db/totals-rollup-sql'
import { withoutAmountSql, withWithoutAmount } from '../../main/db/unknown-amounts'
import { pagedConnector } from '../helpers/connector-walk'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { syncAccount } from '../../main/sync/account-sync'
import { fakeClock } from '../helpers/fake-clock'
import { tempDir } from '../helpers/temp-dir'
import { unifiedInvoice } from '../helpers/unified-invoice'

/**
 * The pre-aggregated totals must say what the invoices say, whatever wrote them: sync pages
 * (new, changed, listed twice, soft-deleted), tombstones of a finished walk, payment terms set,
 * changed and cleared, an account removed. After each step the kept table equals one counted
 * afresh, and for many seeded filters the counts and totals read from it equal the direct SQL's.
 */
const TODAY = '2026-11-20'
const STATUSES: InvoiceStatus[] = ['draft', 'open', 'open', 'paid', 'paid', 'void', 'unknown']
const CURRENCIES = ['EUR', 'AUD', 'USD']
const HOURSMITH = '00000000-0000-4000-8000-000000000001'
const CARESQUARE = '00000000-0000-4000-8000-000000000002'
const YETI = '00000000-0000-4000-8000-000000000003'
const ACCOUNTS: { id: string; provider: ProviderId }[] = [
  { id: HOURSMITH, provider: 'hoursmith' },
  { id: CARESQUARE, provider: 'caresquare' },
  { id: YETI, provider: 'yeti' }
]

/** Deterministic draws (mulberry32), so a failure is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!
  const chance = (p: number): boolean => next() < p
  const day = (): string => new Date(Date.UTC(2026, 8, 1) + Math.floor(next() * 120) * 86_400_000).toISOString().slice(0, 10)
  return { next, pick, chance, day }
}

type Random = ReturnType<typeof random>

function drawInvoice(remoteId: string, rng: Random): UnifiedInvoice {
  const issueDate = rng.chance(0.05) ? null : rng.day()
  const total = rng.chance(0.06)
    ? null
    : `${Math.floor(rng.next() * 200_000) - 5_000}.${String(Math.floor(rng.next() * 100)).padStart(2, '0')}`
  const periodEnd = rng.chance(0.3) ? `${rng.day()}T00:00:00Z` : null
  return unifiedInvoice(remoteId, {
    status: rng.pick(STATUSES),
    currency: rng.pick(CURRENCIES),
    issueDate,
    dueDate: rng.chance(0.4) ? null : rng.day(),
    periodEnd,
    total,
    paid: total !== null && rng.chance(0.3) ? '12.3456' : null,
    hasPdf: rng.chance(0.3),
    removed: rng.chance(0.04),
    flags: [
      ...(rng.chance(0.1) ? ['duplicate' as const] : []),
      ...(rng.chance(0.1) ? ['wontClaim' as const] : []),
      ...(rng.chance(0.1) ? ['errors' as const] : [])
    ]
  })
}

function drawFilter(rng: Random): InvoiceFilter & TotalsOptions {
  const range = (): { from?: string; to?: string } => {
    const [a, b] = [rng.day(), rng.day()].sort()
    return rng.chance(0.3) ? { from: a } : rng.chance(0.4) ? { to: b } : { from: a, to: b }
  }
  const filter: Record<string, unknown> = {}
  if (rng.chance(0.3)) filter.accountId = rng.pick(ACCOUNTS).id
  if (rng.chance(0.2)) filter.provider = rng.pick(ACCOUNTS).provider
  if (rng.chance(0.5)) filter.status = rng.pick(['draft', 'open', 'overdue', 'overdue', 'paid', 'void', 'unknown'])
  if (rng.chance(0.3)) filter.currency = rng.pick([...CURRENCIES, 'eur'])
  if (rng.chance(0.15)) filter.hasPdf = rng.chance(0.5)
  if (rng.chance(0.3)) filter.flags = { [rng.pick(['duplicate', 'wontClaim', 'errors'])]: rng.chance(0.5) }
  if (rng.chance(0.15)) filter.includeRemoved = true
  if (rng.chance(0.1)) filter.onlyRemoved = true
  if (rng.chance(0.4)) filter.issued = range()
  if (rng.chance(0.3)) filter.due = range()
  if (rng.chance(0.1)) filter.search = '  '
  if (rng.chance(0.1)) Object.assign(filter, { amountsHidden: true, total: { min: '100' } })
  if (rng.chance(0.3)) filter.includeDuplicatesAndWontClaim = true
  if (rng.chance(0.3)) filter.includeVoidAndDraft = true
  return { ...InvoiceFilter.parse(filter), ...filter } as InvoiceFilter & TotalsOptions
}

/** The answers straight from the invoices, as the repo gave them before the rollup. */
function direct(db: Database.Database, filter: InvoiceFilter & TotalsOptions) {
  const one = ({ sql, params }: { sql: string; params: SqlParams }): number => db.prepare(sql).pluck().get(params) as number
  const sums = totalsSql(filter, TODAY, filter)
  const unknown = withoutAmountSql(filterSql(filter, TODAY), leftOutOfTotalsSql(filter, filter))
  const leftOut = leftOutCountSql(filter, TODAY)
  return {
    count: one(countSql(filter, TODAY)),
    totals: withWithoutAmount(
      foldTotals(db.prepare(sums.sql).safeIntegers(true).all(sums.params) as StatusSums[], filter),
      db.prepare(unknown.sql).all(unknown.params) as { currency: string; status: string; n: number }[],
      filter
    ),
    leftOut: leftOut === null ? 0 : one(leftOut),
    openWithoutDueDate: one(openWithoutDueDateSql(filter, TODAY))
  }
}

describe('pre-aggregated totals', () => {
  /** The cache in `dir`, its accounts added unless it already has them (a rebuilt cache keeps them). */
  function cache(dir = tempDir()) {
    const db = openDatabase(join(dir.path, 'quire.sqlite3'))
    onTestFinished(() => dir.remove())
    onTestFinished(() => void db.close())
    const accounts = new AccountsRepo(db)
    for (const { id, provider } of ACCOUNTS)
      if (!accounts.byId(id))
        accounts.insert({ id, provider, name: id, baseUrl: 'http://127.0.0.1:9', options: {}, createdAt: '2026-11-01T08:00:00Z' })
    const deps = {
      db,
      accounts,
      invoices: new InvoicesRepo(db),
      paymentTerms: new PaymentTermsRepo(db),
      changes: new InvoiceChangesRepo(db),
      syncState: new SyncStateRepo(db),
      skipped: new SkippedRecordsRepo(db),
      clock: fakeClock(new Date(`${TODAY}T08:00:00Z`)),
      events: new EventHub(),
      domain: new DomainEvents(),
      log: silentLog
    }
    /** One full walk of the account whose pages are exactly `pages`. */
    const sync = async (accountId: string, pages: UnifiedInvoice[][]): Promise<void> => {
      const outcome = await syncAccount(deps, accounts.byId(accountId)!, async () => pagedConnector(pages), new AbortController().signal, {
        full: true
      })
      expect(outcome.error).toBeNull()
    }
    return { db, accounts, terms: deps.paymentTerms, sync }
  }

  const KEPT = `SELECT * FROM invoice_totals ORDER BY account_id, status, currency, issue_day, due_day, removed, has_pdf, is_duplicate, wont_claim, has_errors`

  /** The kept table equals one counted afresh from the invoices (inside a transaction rolled back). */
  function expectKeptAsCounted(db: Database.Database): void {
    const kept = db.prepare(KEPT).all()
    let counted: unknown[] = []
    try {
      db.transaction(() => {
        new TotalsRollup(db).recountAll()
        counted = db.prepare(KEPT).all()
        throw new Error('roll back')
      })()
    } catch (error) {
      if ((error as Error).message !== 'roll back') throw error
    }
    expect(counted.length).toBeGreaterThan(0)
    expect(kept).toEqual(counted)
  }

  function expectAnswersAsDirect(db: Database.Database, seed: number): void {
    const rng = random(seed)
    const repo = new InvoiceQueryRepo(db)
    let matched = 0
    for (let k = 0; k < 150; k++) {
      const filter = drawFilter(rng)
      expect(rollupTotalsSql(filter, TODAY, filter), JSON.stringify(filter)).not.toBeNull()
      const expected = direct(db, filter)
      const answers = {
        count: repo.count(filter, TODAY),
        totals: repo.totals(filter, TODAY),
        leftOut: repo.leftOutOfTotals(filter, TODAY),
        openWithoutDueDate: repo.openWithoutDueDate(filter, TODAY)
      }
      expect(answers, JSON.stringify(filter)).toEqual(expected)
      if (expected.count > 0) matched++
    }
    // The filters are not all empty: most find something to add up.
    expect(matched).toBeGreaterThan(75)
  }

  it('follows sync pages, tombstones, payment terms and account removal', async () => {
    const { db, accounts, terms, sync } = cache()
    const rng = random(15)
    const lists = new Map(ACCOUNTS.map(({ id }) => [id, Array.from({ length: 90 }, (_, n) => drawInvoice(`${id}-${n}`, rng))]))
    const pages = (list: UnifiedInvoice[]): UnifiedInvoice[][] => [list.slice(0, 40), list.slice(40, 80), list.slice(80)]
    for (const [id, list] of lists) await sync(id, pages(list))
    expectKeptAsCounted(db)
    expectAnswersAsDirect(db, 1)

    terms.set(CARESQUARE, { netDays: 14, basis: 'periodEnd' })
    terms.set(YETI, { netDays: 30, basis: 'issueDate' })
    expectKeptAsCounted(db)
    expectAnswersAsDirect(db, 2)

    // Each account's next walk: a third of its invoices changed, some gone (tombstoned when the
    // walk ends), some new, and one listed twice on a page (the second listing wins).
    for (const [id, list] of lists) {
      const next = list
        .filter(() => !rng.chance(0.1))
        .map((invoice) => (rng.chance(0.33) ? drawInvoice(invoice.remoteId, rng) : invoice))
        .concat(Array.from({ length: 15 }, (_, n) => drawInvoice(`${id}-new-${n}`, rng)))
      const twice = drawInvoice(next[5]!.remoteId, rng)
      await sync(id, [[...next.slice(0, 50), twice], next.slice(50)])
      lists.set(id, next)
    }
    expect(db.prepare(`SELECT count(*) FROM invoices WHERE removed = 1`).pluck().get()).toBeGreaterThan(10)
    expectKeptAsCounted(db)
    expectAnswersAsDirect(db, 3)

    terms.set(CARESQUARE, null)
    terms.set(YETI, { netDays: 7, basis: 'periodEnd' })
    await sync(YETI, pages(lists.get(YETI)!.map((invoice) => drawInvoice(invoice.remoteId, rng))))
    expectKeptAsCounted(db)
    expectAnswersAsDirect(db, 4)

    accounts.delete(HOURSMITH)
    expect(db.prepare(`SELECT count(*) FROM invoice_totals WHERE account_id = ?`).pluck().get(HOURSMITH)).toBe(0)
    expectKeptAsCounted(db)
    expectAnswersAsDirect(db, 5)
  })

  it('starts a rebuilt cache with no totals, and keeps them from its first sync', async () => {
    const dir = tempDir()
    const damaged = cache(dir)
    const rng = random(16)
    for (const { id } of ACCOUNTS) await damaged.sync(id, [Array.from({ length: 60 }, (_, n) => drawInvoice(`${id}-${n}`, rng))])
    damaged.db.close()
    rebuildCache(join(dir.path, 'quire.sqlite3'), new Date(`${TODAY}T09:00:00Z`))

    const { db, sync } = cache(dir)
    expect(db.prepare(`SELECT count(*) FROM invoice_totals`).pluck().get()).toBe(0)
    expect(new InvoiceQueryRepo(db).totals(InvoiceFilter.parse({}), TODAY)).toEqual([])
    for (const { id } of ACCOUNTS) await sync(id, [Array.from({ length: 80 }, (_, n) => drawInvoice(`${id}-again-${n}`, rng))])
    expectKeptAsCounted(db)
    expectAnswersAsDirect(db, 6)
  })
})
