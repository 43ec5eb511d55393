import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AgingReport, AgingRequest, ChangesPage, ChangesRequest, ChangeItem, Overview } from '../../preload/contract'
import type { Clock } from '../base/clock'
import type { ChangesFeedRepo } from '../db/changes-feed.repo'
import type { AgingSourceRow, ReportSourceRepo } from './report-source.repo'
import { localIsoDate } from '../../preload/contract/local-date'
import { AGING_BUCKETS, ageInvoice, agingRows, agingTotals, type AgingInvoice } from './aging'
import { agingCsv } from './aging-csv'
import { stateAsOf } from './as-of-state'
import { addDays, endOfLocalDay, lastMonths, monthRange, startOfLocalDay } from './calendar'
import { DUE_SOON_DAYS, overviewByCurrency } from './overview'

/** The Overview, the aging report and the changes feed, on the person's own calendar. */
export class ReportsService {
  constructor(
    private readonly source: ReportSourceRepo,
    private readonly feed: ChangesFeedRepo,
    private readonly clock: Clock,
    private readonly exportDir: string
  ) {}

  overview(months: number): Overview {
    const today = localIsoDate(this.clock.now())
    const monthList = lastMonths(today, months)
    const monthStart = startOfLocalDay(`${today.slice(0, 7)}-01`)
    const currencies = overviewByCurrency({
      today,
      months: monthList,
      open: this.source.openGroups(),
      becamePaid: this.source.becamePaidSince(monthStart),
      issued: this.source.issuedBetween(monthRange(monthList[0]!).from, monthRange(monthList.at(-1)!).to)
    })
    return { today, dueSoonUntil: addDays(today, DUE_SOON_DAYS), monthStart, currencies }
  }

  /**
   * Aging as of a date: each invoice as Quire knew it when that day ended (its state at the last
   * sync before then, from the change log). Invoices Quire first saw later are left out and
   * counted, since what they looked like then is unknown.
   */
  aging(request: AgingRequest): AgingReport {
    const today = localIsoDate(this.clock.now())
    const asOf = request.asOf ?? today
    const cutoff = endOfLocalDay(asOf)
    const changes = this.source.changesAfter(cutoff)
    let notYetSeen = 0
    let withoutAmount = 0
    const invoices: AgingInvoice[] = []
    for (const row of this.source.agingCandidates(request.filter, asOf, cutoff, today)) {
      if (row.first_seen_at !== null && Date.parse(row.first_seen_at) >= Date.parse(cutoff)) {
        notYetSeen++
        continue
      }
      const invoice = agingInvoice(row, changes.get(row.id) ?? [], cutoff)
      if (invoice.total === null && ageInvoice(invoice, asOf) !== null) withoutAmount++
      invoices.push(invoice)
    }
    const rows = agingRows(invoices, asOf, request.by)
    return {
      asOf,
      by: request.by,
      buckets: [...AGING_BUCKETS],
      rows,
      currencyTotals: agingTotals(rows),
      syncedAt: this.source.lastSyncedAt(),
      notYetSeen,
      withoutAmount
    }
  }

  /** Writes the report as a new CSV file in the export folder (never over an earlier one). */
  exportAgingCsv(request: AgingRequest): { path: string; rows: number } {
    const report = this.aging(request)
    mkdirSync(this.exportDir, { recursive: true })
    const base = `quire-aging-${report.asOf.replace(/-/g, '')}-by-${report.by}`
    let path = join(this.exportDir, `${base}.csv`)
    for (let n = 2; existsSync(path); n++) path = join(this.exportDir, `${base}-${n}.csv`)
    writeFileSync(path, agingCsv(report), { flag: 'wx' })
    return { path, rows: report.rows.length }
  }

  changes(request: ChangesRequest): ChangesPage {
    return this.feed.page(request.since, request.accountId ?? null, request.offset, request.limit)
  }

  allChanges(since: string, accountId: string | null): Generator<ChangeItem> {
    return this.feed.all(since, accountId)
  }
}

function agingInvoice(row: AgingSourceRow, changes: Parameters<typeof stateAsOf>[1], cutoff: string): AgingInvoice {
  const then = stateAsOf({ status: row.status, total: row.total, paid: row.paid, removed: row.removed === 1 }, changes, cutoff)
  return {
    ...then,
    account: row.account,
    counterparty: row.counterparty,
    currency: row.currency,
    issueDate: row.issue_date,
    dueDate: row.due_date
  }
}
