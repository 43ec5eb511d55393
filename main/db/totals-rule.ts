import type { InvoiceFilter } from '../../preload/contract'

/**
 * The one rule for which matching invoices the totals leave out. Duplicates and invoices the
 * plan manager won't claim (CareSquare's flags) are not money anyone owes: adding them would
 * count the same service twice, or money that will never be claimed. They are left out unless
 * the person switches them in, or filters for them (then the total is of exactly what they
 * asked for). Tombstones are handled by the filter itself.
 *
 * Returns a condition over `invoices i` that is true for the rows to leave out, or null.
 */
export interface TotalsOptions {
  includeDuplicatesAndWontClaim?: boolean
}

export function leftOutOfTotalsSql(filter: InvoiceFilter, options: TotalsOptions): string | null {
  if (options.includeDuplicatesAndWontClaim) return null
  const leftOut = [filter.flags?.duplicate === true ? null : 'i.is_duplicate = 1', filter.flags?.wontClaim === true ? null : 'i.wont_claim = 1'].filter(
    (condition): condition is string => condition !== null
  )
  if (leftOut.length === 0) return null
  // Written as the partial index invoices_left_out_of_totals states it, so the planner uses it.
  return leftOut.length === 2 ? FLAGGED : `(${leftOut[0]})`
}

/** The WHERE of the partial index `invoices_left_out_of_totals`. */
export const FLAGGED = '(i.is_duplicate = 1 OR i.wont_claim = 1)'
