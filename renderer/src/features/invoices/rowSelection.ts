import type { InvoiceFilter, InvoiceKey } from '../../lib/contract'

/**
 * What the grid has selected: rows picked one by one (by invoice key, so rows not loaded stay
 * named), or every invoice the filter matches. The second is the filter itself, never its keys:
 * "all 1,000,000 matching" costs nothing to hold and crosses IPC as a filter.
 */
export type RowSelection = { kind: 'rows'; keys: InvoiceKey[] } | { kind: 'allMatching'; filter: InvoiceFilter; count: number }

/** How many invoices the selection takes in. */
export function selectionCount(selection: RowSelection): number {
  return selection.kind === 'rows' ? selection.keys.length : selection.count
}
