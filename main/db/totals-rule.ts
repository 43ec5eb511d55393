import type { CurrencyTotal, InvoiceFilter } from '../../preload/contract'
import { fromScaled } from '../money/decimal'

/**
 * What counts in totals: the one rule the footer, the selection totals and the CLI share.
 *
 * - Void invoices are owed by nobody and drafts are not yet sent, so by default neither is added
 *   up (`includeVoidAndDraft` counts them). Which statuses count is decided after the sums are
 *   read per status (foldTotals), so that switch costs no query, and every total says how many
 *   it left out (`leftOut`).
 * - Duplicates and invoices the plan manager won't claim (CareSquare's flags) are not money
 *   anyone owes: adding them would count the same service twice, or money that will never be
 *   claimed. They are left out unless the person switches them in
 *   (`includeDuplicatesAndWontClaim`), or filters for them (then the total is of exactly what
 *   they asked for); the SQL subtracts them (leftOutOfTotalsSql), and
 *   `invoices.countLeftOutOfTotals` says how many.
 * - Invoices whose total is unknown (unknown-amounts.ts) count as invoices but add nothing, and
 *   are counted apart (`withoutAmount`).
 *
 * Tombstones are handled by the filter itself.
 */
export interface TotalsOptions {
  includeDuplicatesAndWontClaim?: boolean
  /** Count void and draft invoices too. */
  includeVoidAndDraft?: boolean
}

/** The part of the rule applied per status, after the sums are read. */
export interface TotalsRule {
  /** Count void and draft invoices too. */
  includeVoidAndDraft: boolean
}

export const DEFAULT_TOTALS_RULE: TotalsRule = { includeVoidAndDraft: false }

const NOT_COUNTED_BY_DEFAULT: ReadonlySet<string> = new Set(['void', 'draft'])

export function countsInTotals(status: string, rule: Pick<TotalsOptions, 'includeVoidAndDraft'>): boolean {
  return rule.includeVoidAndDraft === true || !NOT_COUNTED_BY_DEFAULT.has(status)
}

/** One currency and status: how many invoices, and their exact sums in 1/10,000ths. */
export interface StatusSums {
  currency: string
  status: string
  n: bigint
  total: bigint
  balance: bigint
}

/** Per currency, in the order given (never mixed): what counts under the rule, and how many it left out. */
export function foldTotals(rows: readonly StatusSums[], rule: Pick<TotalsOptions, 'includeVoidAndDraft'>): CurrencyTotal[] {
  const byCurrency = new Map<string, { count: bigint; total: bigint; balance: bigint; leftOut: bigint }>()
  for (const row of rows) {
    let sum = byCurrency.get(row.currency)
    if (!sum) byCurrency.set(row.currency, (sum = { count: 0n, total: 0n, balance: 0n, leftOut: 0n }))
    if (countsInTotals(row.status, rule)) {
      sum.count += row.n
      sum.total += row.total
      sum.balance += row.balance
    } else sum.leftOut += row.n
  }
  return [...byCurrency].map(([currency, sum]) => ({
    currency,
    count: Number(sum.count),
    total: fromScaled(sum.total),
    balance: fromScaled(sum.balance),
    leftOut: Number(sum.leftOut)
  }))
}

/**
 * The flags part of the rule: which matching invoices the totals' SQL leaves out.
 * Returns a condition over `invoices i` that is true for the rows to leave out, or null.
 */
export function leftOutOfTotalsSql(filter: InvoiceFilter, options: TotalsOptions): string | null {
  if (options.includeDuplicatesAndWontClaim) return null
  const leftOut = [
    filter.flags?.duplicate === true ? null : 'i.is_duplicate = 1',
    filter.flags?.wontClaim === true ? null : 'i.wont_claim = 1'
  ].filter((condition): condition is string => condition !== null)
  if (leftOut.length === 0) return null
  // Written as the partial index invoices_left_out_of_totals states it, so the planner uses it.
  return leftOut.length === 2 ? FLAGGED : `(${leftOut[0]})`
}

/** The WHERE of the partial index `invoices_left_out_of_totals`. */
export const FLAGGED = '(i.is_duplicate = 1 OR i.wont_claim = 1)'

/**
 * For sums that have no switch (the Overview's figures, the aging report): the same flagged
 * invoices are left out, always (those reports pick their statuses themselves: open, paid, or
 * issued less drafts and voids). `alias` is the invoices table's alias in the query, '' for none.
 */
export function countedInSumsSql(alias: string): string {
  const column = (name: string): string => (alias ? `${alias}.${name}` : name)
  return `${column('is_duplicate')} = 0 AND ${column('wont_claim')} = 0`
}
