import type { GridColumn, InvoiceSummary } from '../../lib/contract'
import { localIsoDate } from '../../../../preload/contract/local-date'
import { displayStatus } from './invoiceStatus'

type Column = { id: GridColumn; label: string }

const AMOUNTS: ReadonlySet<GridColumn> = new Set(['total', 'paid', 'balance'])
// A spreadsheet runs a pasted cell starting with one of these as a formula; plain numbers are safe.
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/**
 * Rows as tab-separated text for pasting into a spreadsheet: a header of the visible columns,
 * then one line per invoice with plain numbers (exact decimal text, no currency sign or
 * grouping), ISO dates (an instant as its local date), the status in words and always a Currency column, since the amounts
 * carry none. With amounts hidden, amount cells stay empty.
 */
export function rowsAsTsv(
  rows: InvoiceSummary[],
  visible: Column[],
  options: { providerLabel: (id: string) => string; today: string; amountsHidden: boolean }
): string {
  const columns: Column[] = visible.some((column) => column.id === 'currency')
    ? visible
    : [...visible, { id: 'currency', label: 'Currency' }]
  const lines = [columns.map((column) => cell(column.label))]
  for (const row of rows)
    lines.push(columns.map((column) => cell(AMOUNTS.has(column.id) && options.amountsHidden ? '' : value(row, column.id, options))))
  return `${lines.map((line) => line.join('\t')).join('\r\n')}\r\n`
}

function value(row: InvoiceSummary, column: GridColumn, options: { providerLabel: (id: string) => string; today: string }): string {
  switch (column) {
    case 'provider':
      return options.providerLabel(row.provider)
    case 'account':
      return row.account
    case 'number':
      return row.number ?? ''
    case 'counterparty':
      return row.counterparty ?? ''
    case 'issueDate':
      return row.issueDate ?? ''
    case 'dueDate':
      return row.dueDate ?? ''
    case 'daysOverdue':
      return row.daysOverdue === null ? '' : String(row.daysOverdue)
    case 'status':
      return displayStatus(row, options.today).label
    case 'currency':
      return row.currency
    case 'total':
      return row.total ?? ''
    case 'paid':
      return row.paid ?? ''
    case 'balance':
      return row.balance ?? ''
    case 'paidAt':
      return row.paidAt === null ? '' : localIsoDate(new Date(row.paidAt))
    case 'sentAt':
      return row.sentAt === null ? '' : localIsoDate(new Date(row.sentAt))
    case 'hasPdf':
      return row.hasPdf ? 'yes' : 'no'
  }
}

/** One cell: no tab or line break can split it, and text never runs as a formula. */
function cell(text: string): string {
  const flat = text.replace(/[\t\r\n]+/g, ' ')
  return FORMULA_START.test(flat) && !PLAIN_NUMBER.test(flat) ? `'${flat}` : flat
}
