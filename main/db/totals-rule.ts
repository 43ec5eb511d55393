import type { CurrencyTotal } from '../../preload/contract'
import { fromScaled } from '../money/decimal'

/**
 * What counts in totals: the one rule the footer, the selection totals and the CLI share.
 * Void invoices are owed by nobody and drafts are not yet sent, so by default neither is added
 * up; a visible switch counts them, and every total says how many it left out, so nothing
 * disappears silently. Further rules (e.g. CareSquare's duplicate and won't-claim flags) belong
 * here beside this one.
 */
export interface TotalsRule {
  /** Count void and draft invoices too. */
  includeVoidAndDraft: boolean
}

export const DEFAULT_TOTALS_RULE: TotalsRule = { includeVoidAndDraft: false }

const NOT_COUNTED_BY_DEFAULT: ReadonlySet<string> = new Set(['void', 'draft'])

export function countsInTotals(status: string, rule: TotalsRule): boolean {
  return rule.includeVoidAndDraft || !NOT_COUNTED_BY_DEFAULT.has(status)
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
export function foldTotals(rows: readonly StatusSums[], rule: TotalsRule): CurrencyTotal[] {
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
