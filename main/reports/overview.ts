import type { CurrencyOverview, InvoiceStatus } from '../../preload/contract'
import { fromScaled, toScaled } from '../money/decimal'
import { outstandingScaled } from './aging'
import { isOverdue } from '../../preload/contract/overdue'
import { addDays } from './calendar'

export interface OverviewInvoice {
  currency: string
  status: InvoiceStatus
  total: string
  paid: string | null
  /** The due date to judge "overdue" and "due soon" by (see AgingInvoice.dueDate). */
  dueDate: string | null
  issueDate: string | null
}

export interface OverviewSources {
  today: string
  /** Open invoices, tombstones aside. */
  open: Iterable<OverviewInvoice>
  /** Paid invoices Quire saw become paid this month. */
  becamePaid: Iterable<OverviewInvoice>
  /** Invoices issued within `months`, drafts and voids aside. */
  issued: Iterable<OverviewInvoice>
  /** 'YYYY-MM', oldest first. */
  months: string[]
}

/** Days ahead that count as "due soon", today included. */
export const DUE_SOON_DAYS = 7

/** Paid so far: a paid invoice with no paid amount is taken as paid in full. */
export function paidScaled(status: InvoiceStatus, total: string, paid: string | null): bigint {
  if (paid !== null) return toScaled(paid)
  return status === 'paid' ? toScaled(total) : 0n
}

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
  const tally = (tile: [number, bigint], amount: bigint): void => {
    tile[0]++
    tile[1] += amount
  }
  const soon = addDays(sources.today, DUE_SOON_DAYS)

  for (const invoice of sources.open) {
    const entry = sums(invoice.currency)
    const owed = outstandingScaled(invoice.total, invoice.paid)
    tally(entry.outstanding, owed)
    if (isOverdue(invoice, sources.today)) tally(entry.overdue, owed)
    else if (invoice.dueDate !== null && invoice.dueDate <= soon) tally(entry.dueSoon, owed)
  }
  for (const invoice of sources.becamePaid)
    tally(sums(invoice.currency).paidThisMonth, paidScaled(invoice.status, invoice.total, invoice.paid))
  for (const invoice of sources.issued) {
    const month = sums(invoice.currency).months.get(invoice.issueDate?.slice(0, 7) ?? '')
    if (!month) continue
    month.issued += toScaled(invoice.total)
    month.paid += paidScaled(invoice.status, invoice.total, invoice.paid)
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
