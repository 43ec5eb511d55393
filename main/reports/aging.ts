import {
  AGING_BUCKET_NAMES as AGING_BUCKETS,
  type AgingBucketName as AgingBucket,
  type AgingGrouping,
  type AgingRow,
  type InvoiceStatus
} from '../../preload/contract'
import { fromScaled, toScaled } from '../money/decimal'
import { daysBetween } from './calendar'

export { AGING_BUCKETS, type AgingBucket, type AgingGrouping }

/** An invoice as an aging report sees it: its state on the as-of date, not necessarily today's. */
export interface AgingInvoice {
  account: string
  counterparty: string | null
  currency: string
  status: InvoiceStatus
  /** Null: no readable total, so nothing to add (see agingRows). */
  total: string | null
  paid: string | null
  removed: boolean
  issueDate: string | null
  /**
   * The due date to age from. Null where the provider sends none: the invoice is then aged from
   * its issue date and flagged. A due date derived from payment terms can be passed here instead.
   */
  dueDate: string | null
}

export interface AgedInvoice {
  bucket: AgingBucket
  /** Days past the due date on the as-of date (0 or less: not yet due). */
  daysPastDue: number
  /** No due date: aged from the issue date (or not at all, with neither date: then `current`). */
  agedFrom: 'due' | 'issue' | 'none'
  /** 1/10,000ths of the currency unit; null when the total is unknown. */
  outstanding: bigint | null
}

/** Still owed: total less paid; an unknown paid amount means nothing is known to be paid. */
export function outstandingScaled(total: string, paid: string | null): bigint {
  return toScaled(total) - (paid === null ? 0n : toScaled(paid))
}

export function bucketFor(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current'
  if (daysPastDue <= 30) return '1-30'
  if (daysPastDue <= 60) return '31-60'
  if (daysPastDue <= 90) return '61-90'
  return '90+'
}

/**
 * Where the invoice sits on `asOf`, or null when it is not owed then: only open invoices (overdue
 * is open and past due) issued on or before the date and not removed count. An invoice with no
 * issue date cannot be shown to be issued later, so it counts.
 */
export function ageInvoice(invoice: AgingInvoice, asOf: string): AgedInvoice | null {
  if (invoice.status !== 'open' || invoice.removed) return null
  if (invoice.issueDate !== null && invoice.issueDate > asOf) return null
  const basis = invoice.dueDate ?? invoice.issueDate
  const daysPastDue = basis === null ? 0 : daysBetween(basis, asOf)
  return {
    bucket: bucketFor(daysPastDue),
    daysPastDue,
    agedFrom: invoice.dueDate !== null ? 'due' : invoice.issueDate !== null ? 'issue' : 'none',
    outstanding: invoice.total === null ? null : outstandingScaled(invoice.total, invoice.paid)
  }
}

/** What a row is called when the grouping field is empty. */
export const NO_COUNTERPARTY = '(no counterparty)'

/**
 * Rows per group and currency (currencies are never mixed), sorted by currency then key; an owed
 * invoice with no readable total is left out here and counted by the caller. Sums
 * are of exact integers, so each row's total is its buckets' sum and a currency's rows add up
 * to what its open invoices still owe.
 */
export function agingRows(invoices: Iterable<AgingInvoice>, asOf: string, by: AgingGrouping): AgingRow[] {
  const groups = new Map<string, { key: string; currency: string; count: number; sums: Record<AgingBucket, bigint>; fromIssue: number }>()
  for (const invoice of invoices) {
    const aged = ageInvoice(invoice, asOf)
    if (!aged || aged.outstanding === null) continue
    const key = by === 'account' ? invoice.account : (invoice.counterparty ?? NO_COUNTERPARTY)
    const id = JSON.stringify([invoice.currency, key])
    let group = groups.get(id)
    if (!group) {
      group = {
        key,
        currency: invoice.currency,
        count: 0,
        sums: { current: 0n, '1-30': 0n, '31-60': 0n, '61-90': 0n, '90+': 0n },
        fromIssue: 0
      }
      groups.set(id, group)
    }
    group.count++
    group.sums[aged.bucket] += aged.outstanding
    if (aged.agedFrom !== 'due') group.fromIssue++
  }
  return [...groups.values()]
    .sort((a, b) => (a.currency === b.currency ? compareText(a.key, b.key) : compareText(a.currency, b.currency)))
    .map((group) => ({
      key: group.key,
      currency: group.currency,
      count: group.count,
      amounts: Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, fromScaled(group.sums[bucket])])) as Record<AgingBucket, string>,
      total: fromScaled(AGING_BUCKETS.reduce((sum, bucket) => sum + group.sums[bucket], 0n)),
      agedFromIssueDate: group.fromIssue
    }))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Each currency's rows added up, bucket by bucket: what its open invoices still owe. */
export function agingTotals(rows: readonly AgingRow[]): Omit<AgingRow, 'key'>[] {
  const totals = new Map<string, { count: number; agedFromIssueDate: number; sums: bigint[] }>()
  for (const row of rows) {
    let total = totals.get(row.currency)
    if (!total) totals.set(row.currency, (total = { count: 0, agedFromIssueDate: 0, sums: AGING_BUCKETS.map(() => 0n) }))
    total.count += row.count
    total.agedFromIssueDate += row.agedFromIssueDate
    AGING_BUCKETS.forEach((bucket, k) => (total.sums[k]! += toScaled(row.amounts[bucket] ?? '0')))
  }
  return [...totals.entries()].map(([currency, { count, agedFromIssueDate, sums }]) => ({
    currency,
    count,
    amounts: Object.fromEntries(AGING_BUCKETS.map((bucket, k) => [bucket, fromScaled(sums[k]!)])) as Record<AgingBucket, string>,
    total: fromScaled(sums.reduce((a, b) => a + b, 0n)),
    agedFromIssueDate
  }))
}
