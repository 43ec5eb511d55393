import { describe, expect, it } from 'vitest'
import { InvoiceFilter } from '../../preload/contract'
import { countSql, totalsSql } from '../../main/db/invoice-filter-sql'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { foldTotals, type StatusSums } from '../../main/db/totals-rule'
import { TotalsRollup } from '../../main/db/totals-rollup'
import { cacheBeforeMigration } from '../helpers/cache-before-migration'

/**
 * A cache from before the pre-aggregated totals gets them built from its invoices by the
 * migration, exactly as the app keeps them afterwards (NULL days, unknown totals, partly paid,
 * flags, tombstones and due dates derived from payment terms included).
 */
const TODAY = '2026-11-20'

describe('the add_invoice_totals migration', () => {
  it('builds the totals of an existing cache as the app would count them', () => {
    const { db, upgrade } = cacheBeforeMigration('add_invoice_totals')
    const insert = db.prepare(
      `INSERT INTO invoices (account_id, remote_id, status, currency, issue_date, due_date, derived_due_date, total, total_scaled, paid,
         removed, has_pdf, is_duplicate, wont_claim, has_errors, seen_walk, raw, synced_at)
       VALUES (@account, @id, @status, @currency, @issued, @due, @derived, @total, @scaled, @paid, @removed, @pdf, @dup, @wont, @errors, 1, '{}', 't')`
    )
    const statuses = ['open', 'paid', 'void', 'draft', 'unknown']
    for (let n = 0; n < 400; n++) {
      const total = n % 13 === 0 ? '' : `${n * 7}.${String(n % 100).padStart(2, '0')}`
      insert.run({
        account: n % 3 === 0 ? 'cs' : 'hs',
        id: `r${n}`,
        status: statuses[n % 5],
        currency: ['AUD', 'EUR', 'USD'][n % 3 === 1 ? 0 : n % 7 === 0 ? 2 : 1],
        issued: n % 17 === 0 ? null : `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
        due: n % 4 === 0 ? null : `2026-${String(((n + 1) % 12) + 1).padStart(2, '0')}-10`,
        derived: n % 8 === 0 ? '2026-10-01' : null,
        total,
        scaled: total === '' ? 0 : n * 70000 + (n % 100) * 100,
        paid: n % 6 === 0 ? '1.5' : null,
        removed: n % 19 === 0 ? 1 : 0,
        pdf: n % 2,
        dup: n % 11 === 0 ? 1 : 0,
        wont: n % 9 === 0 ? 1 : 0,
        errors: n % 10 === 0 ? 1 : 0
      })
    }
    upgrade()

    const kept = `SELECT * FROM invoice_totals ORDER BY account_id, status, currency, issue_day, due_day, removed, has_pdf, is_duplicate, wont_claim, has_errors`
    const migrated = db.prepare(kept).all()
    new TotalsRollup(db).recountAll()
    expect(migrated.length).toBeGreaterThan(100)
    expect(migrated).toEqual(db.prepare(kept).all())

    const repo = new InvoiceQueryRepo(db)
    for (const input of [
      {},
      { status: 'overdue' },
      { currency: 'eur', issued: { to: '2026-06-30' } },
      { provider: 'caresquare', includeRemoved: true }
    ]) {
      const filter = InvoiceFilter.parse(input)
      const direct = totalsSql(filter, TODAY)
      expect(repo.totals(filter, TODAY).map(({ withoutAmount: _, ...total }) => total)).toEqual(
        foldTotals(db.prepare(direct.sql).safeIntegers(true).all(direct.params) as StatusSums[], {})
      )
      const count = countSql(filter, TODAY)
      expect(repo.count(filter, TODAY)).toBe(db.prepare(count.sql).pluck().get(count.params))
    }
    db.close()
  })
})
