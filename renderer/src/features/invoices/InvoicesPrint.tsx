import type { CurrencyTotal, InvoiceSummary } from '../../lib/contract'
import { formatCount, formatInstant, plural } from '../../lib/format'
import { Money } from '../../components/HideAmounts'
import type { ColumnSpec } from './columns'
import { Cell } from './InvoiceRow'
import { PRINT_ROWS } from './usePrintRows'
import './print.css'

type Props = {
  /** The visible columns, in the grid's order. */
  columns: ColumnSpec[]
  /** The filter and sort in words (filterInWords). */
  filterText: string
  /** The list's count; null while counting. */
  total: number | null
  rows: InvoiceSummary[] | null
  printedAt: Date | null
  totals: CurrencyTotal[] | null
  providerLabel: (id: string) => string
}

/**
 * What the Invoices screen prints (print.css hides everything else): the filter in words, when it
 * was printed, the totals per currency, and the first rows in the grid's visible columns. Never
 * shown on screen.
 */
export function InvoicesPrint({ columns, filterText, total, rows, printedAt, totals, providerLabel }: Props) {
  const counted = totals?.filter((t) => t.count > 0) ?? []
  const facts: string[] = []
  if (printedAt !== null) facts.push(`Printed ${formatInstant(printedAt.toISOString())}`)
  if (total !== null) facts.push(plural(total, 'invoice', 'invoices'))
  if (rows !== null && total !== null && total > rows.length)
    facts.push(`the first ${formatCount(rows.length)} are printed (at most ${formatCount(PRINT_ROWS)}); Export CSV writes them all`)
  return (
    <div className="invoices-print" data-testid="invoices-print">
      <h1>Invoices</h1>
      <p>{filterText}.</p>
      {facts.length > 0 && <p>{facts.join('; ')}.</p>}
      {counted.length > 0 && (
        <ul className="invoices-print-totals">
          {counted.map((t) => (
            <li key={t.currency}>
              {t.currency}: total <Money amount={t.total} currency={t.currency} />, balance{' '}
              <Money amount={t.balance} currency={t.currency} /> ({plural(t.count, 'invoice', 'invoices')}
              {t.withoutAmount ? `, ${formatCount(t.withoutAmount)} without an amount` : ''}
              {t.leftOut ? `; ${plural(t.leftOut, 'void or draft invoice', 'void or draft invoices')} not counted` : ''})
            </li>
          ))}
        </ul>
      )}
      {rows === null ? (
        // Printed from the browser's own menu: the rows are fetched by Print… or Ctrl+P only.
        <p>Use Print… in Quire (or Ctrl+P) to print the rows.</p>
      ) : (
        <table className="invoices-print-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id} className={column.align ? `align-${column.align}` : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((invoice) => (
              <tr key={`${invoice.accountId}/${invoice.remoteId}`}>
                {columns.map((column) => (
                  <td key={column.id} className={column.align ? `align-${column.align}` : undefined}>
                    <Cell column={column.id} invoice={invoice} providerLabel={providerLabel} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
