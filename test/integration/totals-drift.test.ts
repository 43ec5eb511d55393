import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ROLLUP_DRIFT_SQL } from '../../main/db/totals-rollup'
import { buildLargeCache } from '../helpers/large-cache'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { tempDir } from '../helpers/temp-dir'

/**
 * A write path that forgets the pre-aggregated totals must not leave a wrong total on screen for
 * good: the background check finds the disagreement, the table is counted again from the
 * invoices, and the log says so.
 */
describe('pre-aggregated totals that drifted from the invoices', () => {
  let opened: TestCore | null = null
  let dir: ReturnType<typeof tempDir> | null = null
  afterEach(async () => {
    await opened?.close()
    dir?.remove()
  })

  /** A core on a cache that `prepare` wrote to directly, past the app's write paths. */
  async function openOn(prepare: (db: Database.Database) => void): Promise<TestCore> {
    dir = tempDir()
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), 2_000)
    prepare(db)
    db.close()
    opened = await openTestCore({ dataDir: dir.path })
    return opened
  }

  const totalsOf = (core: TestCore['core']) => core.invoices.totals({ includeRemoved: false })
  const logText = (dir: string): string =>
    readdirSync(join(dir, 'logs'))
      .map((name) => readFileSync(join(dir, 'logs', name), 'utf8'))
      .join('')

  it('are counted again from the invoices when the background check finds them wrong', async () => {
    const test = await openOn((db) => {
      // A sync write that changed an invoice's status behind the rollup's back.
      db.prepare(
        `UPDATE invoices SET status = 'paid' WHERE id = (SELECT min(id) FROM invoices WHERE status = 'open' AND removed = 0)`
      ).run()
    })
    const db = new Database(join(test.dir.path, 'quire.sqlite3'), { readonly: true })
    expect(db.prepare(ROLLUP_DRIFT_SQL).pluck().get()).toBeGreaterThan(0)
    const wrong = totalsOf(test.core)
    test.core.health.start()
    expect(await test.core.health.settled()).toMatchObject({ state: 'ok' })
    expect(db.prepare(ROLLUP_DRIFT_SQL).pluck().get()).toBe(0)
    db.close()
    const right = totalsOf(test.core)
    expect(right).not.toEqual(wrong)
    expect(logText(test.dir.path)).toMatch(/invoice_totals disagreed with the invoices and was rebuilt from them/)
  })

  it('are left alone when they agree', async () => {
    const test = await openOn(() => undefined)
    const before = totalsOf(test.core)
    test.core.health.start()
    expect(await test.core.health.settled()).toMatchObject({ state: 'ok' })
    expect(totalsOf(test.core)).toEqual(before)
    expect(logText(test.dir.path)).not.toMatch(/disagreed/)
  })
})
