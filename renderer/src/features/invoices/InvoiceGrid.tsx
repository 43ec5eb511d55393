import { useRef, useState, type KeyboardEvent } from 'react'
import type { InvoiceSummary } from '../../lib/contract'
import { invoiceKey } from './invoiceKey'
import { InvoiceRow } from './InvoiceRow'

type Props = {
  items: InvoiceSummary[]
  /** Invoices matching the query, of which `items` is one page. */
  total: number
  offset: number
  busy: boolean
  selectedKey: string | null
  providerLabel: (providerId: string) => string
  onOpen: (invoice: InvoiceSummary, viaKeyboard: boolean) => void
}

const COLUMNS = ['Provider', 'Account', 'Number', 'Counterparty', 'Issue date', 'Due date', 'Status', 'Total', 'PDF']

/**
 * One page of invoices as an ARIA grid. Only one row is in the tab order (roving tabindex), so
 * Tab leaves the table in one step and the arrow keys move between rows.
 */
export function InvoiceGrid({ items, total, offset, busy, selectedKey, providerLabel, onOpen }: Props) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const selectedIndex = items.findIndex((invoice) => invoiceKey(invoice) === selectedKey)
  const [active, setActive] = useState(Math.max(selectedIndex, 0))
  const tabbable = Math.min(active, items.length - 1)

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(items.length - 1, index))
    setActive(target)
    bodyRef.current?.rows.item(target)?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, invoice: InvoiceSummary) {
    switch (event.key) {
      case 'ArrowDown':
        focusRow(index + 1)
        break
      case 'ArrowUp':
        focusRow(index - 1)
        break
      case 'Home':
        focusRow(0)
        break
      case 'End':
        focusRow(items.length - 1)
        break
      case 'Enter':
      case ' ':
        onOpen(invoice, true)
        break
      default:
        return
    }
    event.preventDefault()
  }

  return (
    <table
      className="grid"
      role="grid"
      aria-label="Invoices"
      aria-rowcount={total}
      aria-readonly="true"
      aria-busy={busy || undefined}
    >
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className={column === 'Total' ? 'num' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {items.map((invoice, index) => {
          const key = invoiceKey(invoice)
          return (
            <InvoiceRow
              key={key}
              invoice={invoice}
              rowIndex={offset + index + 1}
              providerLabel={providerLabel(invoice.provider)}
              selected={key === selectedKey}
              tabbable={index === tabbable}
              onOpen={() => onOpen(invoice, false)}
              onFocus={() => setActive(index)}
              onKeyDown={(event) => onKeyDown(event, index, invoice)}
            />
          )
        })}
      </tbody>
    </table>
  )
}
