import type { InvoiceFlag, InvoiceListing, InvoiceStatusFilter } from '../../lib/contract'
import { formatCalendarDate, formatInstant } from '../../lib/format'
import { COLUMN_BY_ID } from './columns'
import { inWords } from './inWords'

const STATUS_WORDS: Record<InvoiceStatusFilter, string> = {
  draft: 'draft',
  open: 'open',
  overdue: 'overdue',
  paid: 'paid',
  void: 'void',
  unknown: 'of unknown status'
}

const FLAG_WORDS: Record<InvoiceFlag, { only: string; none: string }> = {
  duplicate: { only: 'only duplicates', none: 'no duplicates' },
  wontClaim: { only: 'only won’t claim', none: 'no won’t claim' },
  errors: { only: 'only with provider errors', none: 'no provider errors' }
}

/**
 * The list's filter and sort as a sentence for a printed page, where the filter fields are not
 * printed: "Overdue invoices; account Studio; issued 1 May 2026 – 31 May 2026; sorted by Issue
 * date, newest first". Names come from the caller (accounts and providers are the screen's).
 */
export function filterInWords(
  listing: InvoiceListing,
  names: { account: (id: string) => string; provider: (id: string) => string }
): string {
  const parts: string[] = []
  const range = (label: string, r: { from?: string; to?: string } | undefined): void => {
    if (r?.from && r.to) parts.push(`${label} ${formatCalendarDate(r.from)} – ${formatCalendarDate(r.to)}`)
    else if (r?.from) parts.push(`${label} on or after ${formatCalendarDate(r.from)}`)
    else if (r?.to) parts.push(`${label} on or before ${formatCalendarDate(r.to)}`)
  }
  parts.push(listing.status ? `${inWords(STATUS_WORDS[listing.status])} invoices` : 'All invoices')
  if (listing.search) parts.push(`matching “${listing.search}”`)
  if (listing.accountId) parts.push(`account ${names.account(listing.accountId)}`)
  if (listing.provider) parts.push(`provider ${names.provider(listing.provider)}`)
  if (listing.counterparty) parts.push(`counterparty “${listing.counterparty}”`)
  if (listing.currency) parts.push(`currency ${listing.currency}`)
  range('issued', listing.issued)
  range('due', listing.due)
  range('service period', listing.period)
  // With amounts hidden the range is ignored (see InvoiceFilter.amountsHidden), and would tell them.
  if (!listing.amountsHidden && listing.total?.min) parts.push(`total at least ${listing.total.min}`)
  if (!listing.amountsHidden && listing.total?.max) parts.push(`total at most ${listing.total.max}`)
  if (listing.hasPdf !== undefined) parts.push(listing.hasPdf ? 'with a provider PDF' : 'without a provider PDF')
  for (const [flag, only] of Object.entries(listing.flags ?? {}) as [InvoiceFlag, boolean | undefined][])
    if (only !== undefined) parts.push(only ? FLAG_WORDS[flag].only : FLAG_WORDS[flag].none)
  if (listing.changedSince) {
    const what = listing.changedSince.field ? `${inWords(listing.changedSince.field).toLowerCase()} changed` : 'changed'
    parts.push(`${what} since ${formatInstant(listing.changedSince.since)}`)
  }
  if (listing.onlyRemoved) parts.push('only those removed upstream')
  else if (listing.includeRemoved) parts.push('removed upstream included')
  if (listing.sort) {
    const label = COLUMN_BY_ID.get(listing.sort.column)?.label ?? listing.sort.column
    parts.push(`sorted by ${label}, ${listing.sort.direction === 'asc' ? 'ascending' : 'descending'}`)
  }
  return parts.join('; ')
}
