import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { InvoiceFilter } from '../../preload/contract'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { openDatabase } from '../../main/db/open-database'
import { TotalsRollup } from '../../main/db/totals-rollup'
import { rollupTotalsSql } from '../../main/db/totals-rollup-sql'
import { queryPlan } from '../helpers/query-plan'
import { tempDir } from '../helpers/temp-dir'

/**
 * The plans (EXPLAIN QUERY PLAN) that make the pre-aggregated totals worth keeping: a plain
 * filter's counts and totals read only the small table, never an invoice; keeping it reads
 * only the touched invoices, by key.
 */
const TODAY = '2026-11-20'
const YETI = '00000000-0000-4000-8000-000000000003'

/** The bench's plain filters (test/bench/cold-queries.ts) and a few more of what the table keeps. */
const COVERED: Record<string, unknown>[] = [
  {},
  { status: 'open' },
  { status: 'overdue' },
  { status: 'paid' },
  { currency: 'GBP' },
  { issued: { from: '2024-01-01', to: '2024-12-31' } },
  { issued: { from: '2022-03-01', to: '2022-03-31' } },
  { provider: 'yeti' },
  { provider: 'lynkwell', status: 'open' },
  { currency: 'AUD', issued: { from: '2023-01-01', to: '2023-12-31' } },
  { accountId: YETI, due: { to: '2026-01-31' }, hasPdf: true, flags: { duplicate: true, errors: false }, onlyRemoved: true },
  { includeRemoved: true, search: ' ', amountsHidden: true, total: { min: '100' } }
]

const NOT_COVERED: Record<string, unknown>[] = [
  { search: 'north' },
  { search: '23' },
  { total: { min: '90000' } },
  { period: { from: '2024-01-01' } },
  { counterparty: 'Northwind Traders' },
  { changedSince: { since: '2026-11-01T00:00:00Z' } }
]

describe('pre-aggregated totals plans', () => {
  let dir: ReturnType<typeof tempDir>
  let db: Database.Database

  beforeAll(() => {
    dir = tempDir()
    db = openDatabase(join(dir.path, 'quire.sqlite3'))
  })
  afterAll(() => {
    db?.close()
    dir?.remove()
  })

  /** The SQL of every statement `run` prepares on the connection. */
  function prepared(run: () => void): string[] {
    const spy = vi.spyOn(db, 'prepare')
    try {
      run()
      return spy.mock.calls.map(([sql]) => sql)
    } finally {
      spy.mockRestore()
    }
  }

  /** Every named parameter bound to something harmless: plans do not depend on values here. */
  const anyParams = (sql: string): unknown[] => {
    const named = Object.fromEntries((sql.match(/@\w+/g) ?? []).map((name) => [name.slice(1), '[]']))
    const positional = (sql.match(/\?/g) ?? []).map(() => 'x')
    return positional.length > 0 ? positional : [named]
  }

  it('answers counts and totals of a plain filter from invoice_totals alone', () => {
    for (const input of COVERED) {
      const filter = InvoiceFilter.parse(input)
      const repo = new InvoiceQueryRepo(db)
      const statements = prepared(() => {
        repo.totals(filter, TODAY)
        repo.totals(filter, TODAY, { includeDuplicatesAndWontClaim: true })
        repo.count(filter, TODAY)
        repo.leftOutOfTotals(filter, TODAY)
        repo.openWithoutDueDate(filter, TODAY)
      })
      expect(statements.length, JSON.stringify(input)).toBeGreaterThanOrEqual(5)
      for (const sql of statements) {
        expect(sql, JSON.stringify(input)).toContain('FROM invoice_totals i')
        expect(sql, JSON.stringify(input)).not.toMatch(/\binvoices\b/)
        expect(queryPlan(db, sql, ...anyParams(sql)), `${JSON.stringify(input)}: ${sql}`).not.toMatch(/\binvoices\b/)
      }
    }
  })

  it('leaves words, amounts, periods, counterparties and changes to the invoices', () => {
    for (const input of NOT_COVERED) expect(rollupTotalsSql(InvoiceFilter.parse(input), TODAY, {}), JSON.stringify(input)).toBeNull()
  })

  it('keeps the table by reading only the touched invoices, by key, and drops empty groups through their own index', () => {
    const statements = prepared(() => new TotalsRollup(db))
    const plans = statements.map((sql) => ({ sql, steps: queryPlan(db, sql, ...anyParams(sql)) }))
    // Only recounting everything may read every invoice or every group.
    const wholesale = plans.filter(({ steps }) => /^SCAN (i|invoice_totals)$/m.test(steps))
    expect(wholesale.map(({ sql }) => sql.replace(/\s+/g, ' ').trim())).toEqual([
      'DELETE FROM invoice_totals',
      expect.stringMatching(/FROM invoices i WHERE true GROUP BY/)
    ])
    const touched = plans.filter(({ sql }) => /json_each/.test(sql))
    expect(touched.map(({ steps }) => steps.split('\n')[0])).toEqual([
      expect.stringMatching(/^SEARCH i USING INDEX sqlite_autoindex_invoices_1 \(account_id=\? AND remote_id=\?\)/),
      expect.stringMatching(/^SEARCH i USING INDEX sqlite_autoindex_invoices_1 \(account_id=\? AND remote_id=\?\)/),
      'SEARCH i USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH i USING INTEGER PRIMARY KEY (rowid=?)'
    ])
    expect(plans.find(({ sql }) => sql.includes('WHERE n = 0'))?.steps).toContain('USING INDEX invoice_totals_empty')
  })
})
