import type { CsvDelimiter, ExportLevel, InvoiceStatus } from '../../preload/contract'
import { daysOverdue, isOverdue } from '../../preload/contract/overdue'
import { fromScaled } from '../money/decimal'

/**
 * CSV as spreadsheets read it safely (RFC 4180, CRLF; a comma, or a semicolon or tab where the
 * person's spreadsheet expects one). A text cell that a spreadsheet would run
 * as a formula (= + - @ or their full-width forms, also after leading spaces, newlines or other
 * whitespace, which spreadsheets skip; or a leading tab, CR or LF) gets a leading apostrophe, so
 * "=HYPERLINK(…)" in a counterparty's name is shown, never evaluated. Plain decimals such as
 * "-12.50" are numbers, not formulas, and stay as they are so the sheet can sum them.
 */
export type Cell = string | number | boolean | null

const FORMULA_START = /^[\s\u200B]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/** The character each delimiter choice writes. */
export const DELIMITER_CHARS: Record<CsvDelimiter, string> = { comma: ',', semicolon: ';', tab: '\t' }

/** Quotes, line breaks and edge spaces always need quoting; the delimiter only when it is the one in use. */
const NEEDS_QUOTES = Object.fromEntries(
  Object.entries(DELIMITER_CHARS).map(([name, char]) => [name, new RegExp(`["${char}\\r\\n]|^\\s|\\s$`)])
) as Record<CsvDelimiter, RegExp>

export function csvCell(value: Cell, delimiter: CsvDelimiter = 'comma'): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
  return NEEDS_QUOTES[delimiter].test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvLine(cells: readonly Cell[], delimiter: CsvDelimiter = 'comma'): string {
  return `${cells.map((cell) => csvCell(cell, delimiter)).join(DELIMITER_CHARS[delimiter])}\r\n`
}

export const UTF8_BOM = '\uFEFF'

/** A row of the export query (see exportSql); line columns are present at line level only. */
export interface ExportRow {
  id: number
  account_id: string
  account: string
  provider: string
  remote_id: string
  number: string | null
  status: InvoiceStatus
  raw_status: string | null
  payment_status: string | null
  counterparty: string | null
  issue_date: string | null
  due_date: string | null
  /** Whether due_date was derived from the account's payment terms, not sent by the provider. */
  due_derived: 0 | 1
  period_start: string | null
  period_end: string | null
  currency: string
  subtotal: string | null
  discount: string | null
  tax: string | null
  total: string
  paid: string | null
  balance_scaled: number
  has_pdf: 0 | 1
  removed: 0 | 1
  is_duplicate: 0 | 1
  wont_claim: 0 | 1
  has_errors: 0 | 1
  line_item_count: number
  notes: string | null
  synced_at: string
  paid_at: string | null
  sent_at: string | null
  position?: number | null
  description?: string | null
  quantity?: string | null
  unit_price?: string | null
  amount?: string | null
}

const INVOICE_HEADERS = [
  'account',
  'provider',
  'remote_id',
  'number',
  'status',
  'overdue',
  'provider_status',
  'payment_status',
  'counterparty',
  'issue_date',
  'due_date',
  'due_date_derived',
  'period_start',
  'period_end',
  'currency',
  'subtotal',
  'discount',
  'tax',
  'total',
  'paid',
  'balance',
  'days_overdue',
  'has_pdf',
  'removed',
  'duplicate',
  'wont_claim',
  'provider_errors',
  'line_items',
  'notes',
  'synced_at',
  // Added last so that every earlier column keeps its position. UTC instants, as the provider
  // sends them (Hoursmith only); empty for the other providers.
  'paid_on',
  'sent_on'
]
const LINE_HEADERS = ['line', 'line_description', 'line_quantity', 'line_unit_price', 'line_amount']

export function csvHeader(level: ExportLevel, delimiter: CsvDelimiter = 'comma'): string {
  return csvLine(level === 'line' ? [...INVOICE_HEADERS, ...LINE_HEADERS] : INVOICE_HEADERS, delimiter)
}

/** One CSV line for a row; `today` decides "overdue" exactly as the list's filter does. */
export function csvRow(row: ExportRow, level: ExportLevel, today: string, delimiter: CsvDelimiter = 'comma'): string {
  const due = { status: row.status, dueDate: row.due_date }
  const invoice: Cell[] = [
    row.account,
    row.provider,
    row.remote_id,
    row.number,
    row.status,
    isOverdue(due, today),
    row.raw_status,
    row.payment_status,
    row.counterparty,
    row.issue_date,
    row.due_date,
    row.due_derived === 1,
    row.period_start,
    row.period_end,
    row.currency,
    row.subtotal,
    row.discount,
    row.tax,
    row.total,
    row.paid,
    fromScaled(BigInt(row.balance_scaled)),
    daysOverdue(due, today),
    row.has_pdf === 1,
    row.removed === 1,
    row.is_duplicate === 1,
    row.wont_claim === 1,
    row.has_errors === 1,
    row.line_item_count,
    row.notes,
    row.synced_at,
    row.paid_at,
    row.sent_at
  ]
  if (level === 'invoice') return csvLine(invoice, delimiter)
  const hasLine = row.position !== null && row.position !== undefined
  return csvLine(
    [
      ...invoice,
      hasLine ? row.position! + 1 : null,
      row.description ?? null,
      row.quantity ?? null,
      row.unit_price ?? null,
      row.amount ?? null
    ],
    delimiter
  )
}
