import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AccountsRepo } from '../../main/db/accounts.repo'
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

    db.prepare(
      `UPDATE invoices SET removed = 1 WHERE account_id = ? AND id IN (SELECT id FROM invoices WHERE account_id = ? AND removed = 0 LIMIT 10)`
    ).run(first, first)
    expect(repo.byId(first)?.invoiceCount).toBe(start - 10)

    const other = new Database(file)
    other
      .prepare(
        `DELETE FROM invoices WHERE account_id = ? AND removed = 0 AND id IN (SELECT id FROM invoices WHERE account_id = ? AND removed = 0 LIMIT 90)`
      )
      .run(first, first)
    other.close()
    expect(repo.byId(first)?.invoiceCount).toBe(start - 100)
    db.close()
  })
})
