import { describe, expect, it, onTestFinished } from 'vitest'
import type { InvoiceStatus } from '../../preload/contract'
import { isOverdue } from '../../preload/contract/overdue'
import { ChangesFeedRepo } from '../../main/db/changes-feed.repo'
import { DUE_ON } from '../../main/db/derived-columns'
import { fromScaled, toScaled } from '../../main/money/decimal'
import { ReportSourceRepo } from '../../main/reports/report-source.repo'
import { ReportsService } from '../../main/reports/reports.service'
import { addDays } from '../../main/reports/calendar'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { fakeClock } from '../helpers/fake-clock'
import { smallCache } from '../helpers/small-cache'
import { tempDir } from '../helpers/temp-dir'
import { unifiedInvoice } from '../helpers/unified-invoice'

/**
 * The Overview adds up groups of invoices (the pre-aggregated totals, and the paid invoices'
 * own sums) instead of every open and issued invoice one by one. Its tiles and months must be
 * exactly what adding up the invoices one by one says, on a cache with every kind of invoice the
 * sums treat apart: tombstones, flags, unknown totals, partly paid, paid with and without a paid
 * amount, derived due dates, invoices that became paid this month.
 */
const NOW = '2026-11-20T08:00:00Z'
const TODAY = '2026-11-20'
const STATUSES: InvoiceStatus[] = ['open', 'open', 'paid', 'draft', 'void', 'unknown']

function invoices(count: number, paidLater: boolean): UnifiedInvoice[] {
  return Array.from({ length: count }, (_, n) => {
    const total = n % 17 === 0 ? null : `${(n * 37) % 5000}.${String(n % 100).padStart(2, '0')}`
    const status = paidLater && n % 4 === 0 ? 'paid' : STATUSES[n % STATUSES.length]!
    return unifiedInvoice(`r${n}`, {
      status,
      currency: ['EUR', 'AUD'][n % 2],
      issueDate: n % 23 === 0 ? null : addDays('2025-09-01', (n * 7) % 450),
      dueDate: n % 5 === 1 ? null : addDays('2026-11-01', n % 40),
      total,
      paid: total !== null && n % 5 === 0 ? '1.2345' : null,
      removed: n % 19 === 0,
      flags: [...(n % 11 === 0 ? ['duplicate' as const] : []), ...(n % 13 === 0 ? ['wontClaim' as const] : [])]
    })
  })
}

describe('the Overview from grouped sums', () => {
  it('equals adding up every invoice one by one', async () => {
    const cache = smallCache('caresquare', NOW)
    onTestFinished(cache.close)
    await cache.sync(...invoices(500, false))
    // A second walk marks some open invoices paid: the change log says they became paid today.
    await cache.sync(...invoices(500, true))
    // Payment terms give invoices without a due date one, which the Overview judges by too.
    cache.terms.set(cache.accountId, { netDays: 30, basis: 'issueDate' })
    const dir = tempDir()
    onTestFinished(() => dir.remove())
    const overview = new ReportsService(
      new ReportSourceRepo(cache.db),
      new ChangesFeedRepo(cache.db),
      fakeClock(new Date(NOW)),
      dir.path
    ).overview(12)

    type Row = {
      id: number
      currency: string
      status: InvoiceStatus
      total: string
      paid: string | null
      due: string | null
      issue: string | null
    }
    const rows = cache.db
      .prepare(
        `SELECT i.id, i.currency, i.status, i.total, i.paid, ${DUE_ON} AS due, i.issue_date AS issue FROM invoices i
         WHERE i.removed = 0 AND i.is_duplicate = 0 AND i.wont_claim = 0 AND i.total <> ''`
      )
      .all() as Row[]
    const becamePaid = new Set(
      cache.db.prepare(`SELECT invoice_id FROM invoice_changes WHERE field = 'status' AND after = 'paid'`).pluck().all() as number[]
    )
    expect(becamePaid.size).toBeGreaterThan(10)
    const paidOf = (row: Row): bigint => (row.paid !== null ? toScaled(row.paid) : row.status === 'paid' ? toScaled(row.total) : 0n)
    const owedOf = (row: Row): bigint => toScaled(row.total) - (row.paid === null ? 0n : toScaled(row.paid))
    const tile = (list: Row[], amount: (row: Row) => bigint) => ({
      count: list.length,
      amount: fromScaled(list.reduce((sum, row) => sum + amount(row), 0n))
    })
    const soon = addDays(TODAY, 7)
    for (const currency of ['AUD', 'EUR']) {
      const mine = rows.filter((row) => row.currency === currency)
      const open = mine.filter((row) => row.status === 'open')
      const overdue = open.filter((row) => isOverdue({ status: row.status, dueDate: row.due }, TODAY))
      const dueSoon = open.filter((row) => !overdue.includes(row) && row.due !== null && row.due <= soon)
      const issued = mine.filter((row) => row.status !== 'draft' && row.status !== 'void')
      const got = overview.currencies.find((entry) => entry.currency === currency)!
      expect(got.outstanding).toEqual(tile(open, owedOf))
      expect(got.overdue).toEqual(tile(overdue, owedOf))
      expect(got.dueSoon).toEqual(tile(dueSoon, owedOf))
      expect(got.paidThisMonth).toEqual(
        tile(
          mine.filter((row) => row.status === 'paid' && becamePaid.has(row.id)),
          paidOf
        )
      )
      for (const { month, issued: issuedSum, paid } of got.months) {
        const inMonth = issued.filter((row) => row.issue?.slice(0, 7) === month)
        expect({ month, issued: issuedSum, paid }).toEqual({
          month,
          issued: fromScaled(inMonth.reduce((sum, row) => sum + toScaled(row.total), 0n)),
          paid: fromScaled(inMonth.reduce((sum, row) => sum + paidOf(row), 0n))
        })
      }
      expect(got.months.some((month) => month.paid !== '0.00')).toBe(true)
      expect(overdue.length).toBeGreaterThan(0)
      expect(dueSoon.length).toBeGreaterThan(0)
    }
  })
})
