import type { InvoiceFilter, InvoiceListing, InvoiceSort } from '../../lib/contract'

/** Columns whose order would tell amounts apart. */
export const AMOUNT_COLUMNS: ReadonlySet<InvoiceSort['column']> = new Set(['total', 'paid', 'balance'])

const WHILE_HIDDEN_SORT: InvoiceSort = { column: 'issueDate', direction: 'desc' }

/**
 * The list as it may be asked for while amounts are hidden: a typed amount matches as text only
 * and the total range is set aside (main's `amountsHidden`), and no sort by an amount, whose
 * order would rank the hidden values. The person's own choices are kept for when amounts show.
 */
export function listingWhileHidden(listing: InvoiceListing, hidden: boolean): InvoiceListing {
  if (!hidden) return listing
  const sort = listing.sort && AMOUNT_COLUMNS.has(listing.sort.column) ? WHILE_HIDDEN_SORT : listing.sort
  return { ...listing, sort, amountsHidden: true }
}

export function withoutSort(listing: InvoiceListing): InvoiceFilter {
  const { sort: _sort, ...filter } = listing
  return filter
}
