import type { KeyboardEvent } from 'react'
import type { InvoiceSummary } from '../../lib/contract'
import { formatCalendarDate, formatMoney } from '../../lib/format'
import { InvoiceStatusBadge } from './InvoiceStatusBadge'

type Props = {
  invoice: InvoiceSummary
  rowIndex: number
  providerLabel: string
  selected: boolean
  tabbable: boolean
  onOpen: () => void
  onFocus: () => void
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void
}

export function InvoiceRow({ invoice, rowIndex, providerLabel, selected, tabbable, onOpen, onFocus, onKeyDown }: Props) {
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`grid-row${invoice.removed ? ' is-removed' : ''}`}
      onClick={onOpen}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <td>{providerLabel}</td>
      <td className="cell-truncate" title={invoice.account}>
        {invoice.account}
      </td>
      <td className="cell-number">{invoice.number ?? '—'}</td>
      <td className="cell-truncate" title={invoice.counterparty ?? undefined}>
        {invoice.counterparty ?? '—'}
      </td>
      <td className="cell-date">{invoice.issueDate ? formatCalendarDate(invoice.issueDate) : '—'}</td>
      <td className="cell-date">{invoice.dueDate ? formatCalendarDate(invoice.dueDate) : '—'}</td>
      <td>
        <InvoiceStatusBadge invoice={invoice} />
      </td>
      <td className="num">{formatMoney(invoice.total, invoice.currency)}</td>
      <td className="cell-center" aria-label={invoice.hasPdf ? 'PDF available' : 'No PDF'}>
        {invoice.hasPdf ? '✓' : '—'}
      </td>
    </tr>
  )
}
