import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvoiceQuery, type InvoiceSort } from '../../preload/contract'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { TotalsRollup } from '../../main/db/totals-rollup'
import { fromScaled } from '../../main/money/decimal'
import { buildLargeCache } from '../helpers/large-cache'
import { tempDir } from '../helpers/temp-dir'

/**
 * The unfiltered list takes shortcuts: its count and totals are everything less the tombstones,
 * and a window deep in it is a slice of the whole order. Each must read exactly as the plain SQL
 * over the rows says, before and after the cache changes.
 */
const COUNT = 60_000
const TODAY = '2024-06-01'

describe('the unfiltered list', () => {
  let dir: ReturnType<typeof tempDir>
  let db: Database.Database
  let repo: InvoiceQueryRepo

  beforeAll(() => {
    dir = tempDir()
    db = buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT)
    repo = new InvoiceQueryRepo(db)
  }, 60_000)
  afterAll(() => {
    db?.close()
    dir?.remove()
  })

  const live = (includeRemoved: boolean): string => (includeRemoved ? '' : 'WHERE removed = 0')
  const expectedIds = (sort: InvoiceSort, includeRemoved: boolean, offset: number, limit: number): string[] => {
    const column = { issueDate: 'issue_date', dueDate: 'due_date', counterparty: 'counterparty COLLATE NOCASE' }[sort.column as string]!
    const d = sort.direction === 'asc' ? 'ASC' : 'DESC'
    return db
      .prepare(`SELECT remote_id FROM invoices ${live(includeRemoved)} ORDER BY ${column} ${d}, id ${d} LIMIT ? OFFSET ?`)
      .pluck()
      .all(limit, offset) as string[]
  }
  // Void and draft are left out of totals but counted apart; paid and void owe nothing.
  const expectedTotals = (includeRemoved: boolean) =>
    (
      db
        .prepare(
          `SELECT currency, sum(status NOT IN ('void', 'draft')) AS n, sum(CASE WHEN status NOT IN ('void', 'draft') THEN total_scaled ELSE 0 END) AS total,
             sum(CASE WHEN status IN ('open', 'unknown') THEN total_scaled - coalesce(paid_scaled, 0) ELSE 0 END) AS balance,
             sum(status IN ('void', 'draft')) AS left_out
           FROM invoices ${live(includeRemoved)} GROUP BY currency ORDER BY currency`
        )
        .safeIntegers(true)
        .all() as { currency: string; n: bigint; total: bigint; balance: bigint; left_out: bigint }[]
    ).map((row) => ({
      currency: row.currency,
      count: Number(row.n),
      total: fromScaled(row.total),
      balance: fromScaled(row.balance),
      leftOut: Number(row.left_out)
    }))

  function expectListAsTheRowsSay(): void {
    for (const includeRemoved of [false, true]) {
      const total = db
        .prepare(`SELECT count(*) FROM invoices ${live(includeRemoved)}`)
        .pluck()
        .get() as number
      expect(repo.count(InvoiceQuery.parse({ includeRemoved }), TODAY)).toBe(total)
      expect(repo.totals(InvoiceQuery.parse({ includeRemoved }), TODAY)).toEqual(expectedTotals(includeRemoved))
      for (const sort of [
        { column: 'issueDate', direction: 'desc' },
        { column: 'dueDate', direction: 'asc' },
        { column: 'counterparty', direction: 'desc' }
      ] as InvoiceSort[]) {
        // Near the start (walked), deep in the middle (a slice of the whole order), near the end (walked back).
        for (const offset of [100, Math.floor(total / 2), total - 150]) {
          const page = repo.list(InvoiceQuery.parse({ sort, includeRemoved, offset, limit: 200 }), TODAY)
          expect(page.total).toBe(total)
          expect(
            page.items.map((item) => item.remoteId),
            `${sort.column} ${sort.direction} @${offset}`
          ).toEqual(expectedIds(sort, includeRemoved, offset, 200))
        }
      }
    }
  }

  it('counts, totals and windows it as the rows say', () => {
    expectListAsTheRowsSay()
  })

  it('reads the new state once invoices are tombstoned or revived, including a currency wholly removed', () => {
    db.prepare(`UPDATE invoices SET removed = 1 WHERE currency = 'GBP' OR id % 50 = 7`).run()
    db.prepare(`UPDATE invoices SET removed = 0 WHERE id % 97 = 0 AND currency <> 'GBP'`).run()
    // Written behind the sync's back: the pre-aggregated totals are counted again, as a sync keeps them.
    new TotalsRollup(db).recountAll()
    repo.invalidate()
    expect(repo.totals(InvoiceQuery.parse({}), TODAY).map((total) => total.currency)).not.toContain('GBP')
    expectListAsTheRowsSay()
  })
})
