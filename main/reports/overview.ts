import type { CurrencyOverview, InvoiceStatus } from '../../preload/contract'
import { fromScaled } from '../money/decimal'
import { isOverdue } from '../../preload/contract/overdue'
import { addDays } from './calendar'

/**
 * Invoices that share a currency, status, due date and issue date, added up (one invoice is a
 * group of one): how many, and their exact totals, what is still owed and what was paid, in
 * 1/10,000ths. A paid invoice with no paid amount counts as paid in full.
 */
export interface OverviewGroup {
  currency: string
  status: InvoiceStatus
  count: number
  total: bigint
  owed: bigint
  paid: bigint
  /** The due date to judge "overdue" and "due soon" by (see AgingInvoice.dueDate). */
  dueDate: string | null
  issueDate: string | null
}

export interface OverviewSources {
  today: string
  /** Open invoices, tombstones aside. */
  open: Iterable<OverviewGroup>
  /** Paid invoices Quire saw become paid this month. */
  becamePaid: Iterable<OverviewGroup>
  /** Invoices issued within `months`, drafts and voids aside. */
  issued: Iterable<OverviewGroup>
  /** 'YYYY-MM', oldest first. */
  months: string[]
}

/** Days ahead that count as "due soon", today included. */
export const DUE_SOON_DAYS = 7

interface Sums {
  outstanding: [number, bigint]
  overdue: [number, bigint]
  dueSoon: [number, bigint]
  paidThisMonth: [number, bigint]
  months: Map<string, { issued: bigint; paid: bigint }>
}

/** Tiles and months per currency, each currency on its own, in exact sums; sorted by currency. */
export function overviewByCurrency(sources: OverviewSources): CurrencyOverview[] {
  const byCurrency = new Map<string, Sums>()
  const sums = (currency: string): Sums => {
    let entry = byCurrency.get(currency)
    if (!entry) {
      entry = {
        outstanding: [0, 0n],
        overdue: [0, 0n],
        dueSoon: [0, 0n],
        paidThisMonth: [0, 0n],
        months: new Map(sources.months.map((month) => [month, { issued: 0n, paid: 0n }]))
      }
      byCurrency.set(currency, entry)
    }
    return entry
  }
  const tally = (tile: [number, bigint], count: number, amount: bigint): void => {
    tile[0] += count
    tile[1] += amount
  }
  const soon = addDays(sources.today, DUE_SOON_DAYS)

  for (const group of sources.open) {
    const entry = sums(group.currency)
    tally(entry.outstanding, group.count, group.owed)
    if (isOverdue(group, sources.today)) tally(entry.overdue, group.count, group.owed)
    else if (group.dueDate !== null && group.dueDate <= soon) tally(entry.dueSoon, group.count, group.owed)
  }
  for (const group of sources.becamePaid) tally(sums(group.currency).paidThisMonth, group.count, group.paid)
  for (const group of sources.issued) {
    const month = sums(group.currency).months.get(group.issueDate?.slice(0, 7) ?? '')
    if (!month) continue
    month.issued += group.total
    month.paid += group.paid
  }

  const tile = ([count, amount]: [number, bigint]) => ({ count, amount: fromScaled(amount) })
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, entry]) => ({
      currency,
      outstanding: tile(entry.outstanding),
      overdue: tile(entry.overdue),
      dueSoon: tile(entry.dueSoon),
      paidThisMonth: tile(entry.paidThisMonth),
      months: [...entry.months.entries()].map(([month, { issued, paid }]) => ({
        month,
        issued: fromScaled(issued),
        paid: fromScaled(paid)
      }))
    }))
}
