import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { TotalsRollup } from '../../main/db/totals-rollup'
import { buildLargeCache, LARGE_CACHE_ACCOUNTS } from '../helpers/large-cache'
import { tempDir } from '../helpers/temp-dir'

describe('invoices per account, counted once per change of the cache', () => {
  const dirs: ReturnType<typeof tempDir>[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove()
  })

  it('follows writes on its own connection and commits from another', () => {
    const dir = tempDir()
    dirs.push(dir)
    const file = join(dir.path, 'quire.sqlite3')
    const db = buildLargeCache(file, 4_000)
    const repo = new AccountsRepo(db)
    const live = (id: string) =>
      db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM invoices WHERE account_id = ? AND removed = 0`).get(id)!.n
    for (const account of repo.list()) expect(account.invoiceCount).toBe(live(account.id))
    const first = LARGE_CACHE_ACCOUNTS[0]!.id
    const start = live(first)
    expect(start).toBeGreaterThan(900)
    expect(repo.byId(first)?.invoiceCount).toBe(start)

    // Each write as the app makes it: with the pre-aggregated totals the counts are read from.
    const liveIds = (on: Database.Database, limit: number) =>
      on.prepare<[string, number], number>(`SELECT id FROM invoices WHERE account_id = ? AND removed = 0 LIMIT ?`).pluck().all(first, limit)
    const tombstoned = liveIds(db, 10)
    new TotalsRollup(db).followingIds(tombstoned, () =>
      db.prepare(`UPDATE invoices SET removed = 1 WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(tombstoned))
    )
    expect(repo.byId(first)?.invoiceCount).toBe(start - 10)

    const other = new Database(file)
    const deleted = liveIds(other, 90)
    new TotalsRollup(other).followingIds(deleted, () =>
      other.prepare(`DELETE FROM invoices WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(deleted))
    )
    other.close()
    expect(repo.byId(first)?.invoiceCount).toBe(start - 100)
    db.close()
  })
})
