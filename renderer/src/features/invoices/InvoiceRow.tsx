import { memo, type CSSProperties, type MouseEvent } from 'react'
import type { GridColumn, InvoiceSummary } from '../../lib/contract'
import { formatCalendarDate, formatCount, formatInstant, formatLocalDate } from '../../lib/format'
import { Money } from '../../components/HideAmounts'
import { AccountName } from '../../components/AccountName'
import type { ColumnSpec } from './columns'
import { DueDateText } from './DueDateText'
import { InvoiceStatusBadge } from './InvoiceStatusBadge'
import { SELECT_PIN } from './pinnedColumns'
import '../documents/documents.css'

type Props = {
  /** Undefined while its window of rows is still on the way. */
  invoice: InvoiceSummary | undefined
  index: number
  /** Where the row sits in the scrollable area, in pixels. */
  top: number
  height: number
  columns: ColumnSpec[]
  providerLabel: (providerId: string) => string
  /** Sticky offsets of the pinned columns (pinnedColumns.ts). */
  pins: Map<GridColumn, CSSProperties>
  active: boolean
  open: boolean
  checked: boolean
  // The handlers take the row's index and invoice, so one function serves every row and a row
  // whose own props are unchanged is not rendered again as the grid scrolls.
  onClick: (event: MouseEvent<HTMLDivElement>, index: number, invoice: InvoiceSummary) => void
  onFocus: (index: number) => void
  onToggle: (event: MouseEvent<HTMLInputElement>, index: number, invoice: InvoiceSummary) => void
}

export const InvoiceRow = memo(function InvoiceRow({
  invoice,
  index,
  top,
  height,
  columns,
  providerLabel,
  pins,
  active,
  open,
  checked,
  onClick,
  onFocus,
  onToggle
}: Props) {
  const style: CSSProperties = { transform: `translateY(${top}px)`, height }
  if (!invoice) {
    return (
      <div role="row" aria-rowindex={index + 1} className="grid-row is-placeholder" style={style} data-index={index}>
        <div role="gridcell" className="grid-cell placeholder-cell">
          <span className="placeholder-bar" />
          <span className="sr-only">Loading</span>
        </div>
      </div>
    )
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={checked}
      aria-current={open || undefined}
      tabIndex={active ? 0 : -1}
      className={`grid-row${invoice.removed ? ' is-removed' : ''}${open ? ' is-open' : ''}`}
      style={style}
      data-index={index}
      // Shift-click selects a range of rows, not the text between two clicks.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      onClick={(event) => onClick(event, index, invoice)}
      onFocus={(event) => event.target === event.currentTarget && onFocus(index)}
    >
      <div role="gridcell" className="grid-cell cell-select is-pinned" style={SELECT_PIN}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={checked}
          aria-label={`Select ${invoice.number ?? invoice.remoteId}`}
          onClick={(event) => {
            event.stopPropagation()
            onToggle(event, index, invoice)
          }}
          onChange={() => undefined}
        />
      </div>
      {columns.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          data-column={column.id}
          className={`grid-cell${column.align ? ` align-${column.align}` : ''}${pins.has(column.id) ? ' is-pinned' : ''}`}
          style={pins.get(column.id)}
        >
          <Cell column={column.id} invoice={invoice} providerLabel={providerLabel} />
        </div>
      ))}
    </div>
  )
})

export function Cell({
  column,
  invoice,
  providerLabel
}: {
  column: GridColumn
  invoice: InvoiceSummary
  providerLabel: (id: string) => string
}) {
  const text = (value: string | null) => (
    <span className="cell-text" title={value ?? undefined}>
      {value ?? '—'}
    </span>
  )
  switch (column) {
    case 'provider':
      return text(providerLabel(invoice.provider))
    case 'account':
      return <AccountName className="cell-text" name={invoice.account} />
    case 'number':
      return invoice.searchHit === 'pdf' ? (
        <span className="number-with-hit">
          <span className="cell-text tabular">{invoice.number ?? '—'}</span>
          <span
            className="search-hit-pdf"
            title="The search words are in the provider’s PDF, not in the synced data. Open the PDF and use Find to see them."
          >
            in PDF
          </span>
        </span>
      ) : (
        <span className="cell-text tabular">{invoice.number ?? '—'}</span>
      )
    case 'counterparty':
      return text(invoice.counterparty)
    case 'issueDate':
      return <span className="tabular">{invoice.issueDate ? formatCalendarDate(invoice.issueDate) : '—'}</span>
    case 'dueDate':
      return <DueDateText invoice={invoice} compact />
    case 'status':
      return <InvoiceStatusBadge invoice={invoice} />
    case 'currency':
      return <span>{invoice.currency}</span>
    case 'total':
      return (
        <span className="cell-text tabular" title={invoice.total === null ? 'The provider sent no amount Quire could read' : undefined}>
          {invoice.total === null ? '—' : <Money amount={invoice.total} currency={invoice.currency} />}
        </span>
      )
    case 'paid':
      return (
        <span className="cell-text tabular">
          {invoice.paid === null ? '—' : <Money amount={invoice.paid} currency={invoice.currency} />}
        </span>
      )
    case 'balance':
      return (
        <span className="cell-text tabular">
          {invoice.balance === null ? '—' : <Money amount={invoice.balance} currency={invoice.currency} />}
        </span>
      )
    case 'daysOverdue':
      return <span className="tabular">{invoice.daysOverdue === null ? '—' : formatCount(invoice.daysOverdue)}</span>
    case 'paidAt':
      return <InstantAsDate instant={invoice.paidAt} />
    case 'sentAt':
      return <InstantAsDate instant={invoice.sentAt} />
    case 'hasPdf':
      return (
        <>
          <span aria-hidden="true">{invoice.hasPdf ? '✓' : '—'}</span>
          <span className="sr-only">{invoice.hasPdf ? 'PDF from the provider' : 'No provider PDF'}</span>
        </>
      )
  }
}

/** An instant as the day it fell on here; the exact time on hover. */
function InstantAsDate({ instant }: { instant: string | null }) {
  if (instant === null) return <span className="tabular">—</span>
  return (
    <span className="tabular" title={formatInstant(instant, true)}>
      {formatLocalDate(instant)}
    </span>
  )
}
