import {
  IsoDate,
  InvoiceStatusFilter,
  ProviderId,
  type InvoiceFilter,
  type InvoiceFlag,
  type InvoiceListing,
  type InvoiceSort
} from '../../preload/contract'
import { readAmount } from '../../preload/contract/amount-text'
import { UsageError, type CliContext } from './cli-context'
import { parseValue } from './parse'

/** The filters `invoices list` and `export` share, the same ones the app's list offers. */
export const FILTER_OPTIONS = {
  account: { type: 'string' },
  provider: { type: 'string' },
  search: { type: 'string' },
  status: { type: 'string' },
  'issued-from': { type: 'string' },
  'issued-to': { type: 'string' },
  'due-from': { type: 'string' },
  'due-to': { type: 'string' },
  'period-from': { type: 'string' },
  'period-to': { type: 'string' },
  'min-total': { type: 'string' },
  'max-total': { type: 'string' },
  currency: { type: 'string' },
  counterparty: { type: 'string' },
  'has-pdf': { type: 'boolean' },
  'no-pdf': { type: 'boolean' },
  'include-removed': { type: 'boolean' },
  'only-removed': { type: 'boolean' },
  // Provider flags (CareSquare): --flag duplicate keeps only duplicates, --without-flag duplicate drops them.
  flag: { type: 'string', multiple: true },
  'without-flag': { type: 'string', multiple: true },
  sort: { type: 'string' }
} as const

/** The flags as typed on the command line. */
const FLAG_NAMES: Record<string, InvoiceFlag> = { duplicate: 'duplicate', 'wont-claim': 'wontClaim', errors: 'errors' }

const SORT_COLUMNS: Record<string, InvoiceSort['column']> = {
  provider: 'provider',
  account: 'account',
  number: 'number',
  counterparty: 'counterparty',
  'issue-date': 'issueDate',
  'due-date': 'dueDate',
  status: 'status',
  currency: 'currency',
  total: 'total',
  paid: 'paid',
  pdf: 'hasPdf',
  balance: 'balance',
  'days-overdue': 'daysOverdue',
  'paid-on': 'paidAt',
  'sent-on': 'sentAt'
}

type FilterValues = {
  [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof FILTER_OPTIONS)[K]['type'] extends 'string'
      ? string
      : boolean
}

export function listingFromArgs(ctx: CliContext, values: FilterValues): InvoiceListing {
  if (values['has-pdf'] && values['no-pdf']) throw new UsageError('use either --has-pdf or --no-pdf')
  if (values['include-removed'] && values['only-removed']) throw new UsageError('use either --include-removed or --only-removed')
  const date = (flag: 'issued-from' | 'issued-to' | 'due-from' | 'due-to' | 'period-from' | 'period-to'): string | undefined =>
    values[flag] === undefined ? undefined : parseValue(IsoDate, values[flag], `--${flag}`)
  const range = (from: string | undefined, to: string | undefined) => (from || to ? { from, to } : undefined)
  const min = amount(values['min-total'], '--min-total')
  const max = amount(values['max-total'], '--max-total')
  return {
    accountId: values.account === undefined ? undefined : ctx.core.accounts.byName(values.account).id,
    provider: values.provider === undefined ? undefined : parseValue(ProviderId, values.provider, '--provider'),
    search: values.search,
    status: values.status === undefined ? undefined : parseValue(InvoiceStatusFilter, values.status, '--status'),
    issued: range(date('issued-from'), date('issued-to')),
    due: range(date('due-from'), date('due-to')),
    period: range(date('period-from'), date('period-to')),
    total: min !== undefined || max !== undefined ? { min, max } : undefined,
    currency: values.currency,
    counterparty: values.counterparty,
    hasPdf: values['has-pdf'] ? true : values['no-pdf'] ? false : undefined,
    includeRemoved: values['include-removed'] ?? false,
    onlyRemoved: values['only-removed'] || undefined,
    flags: flagsFrom(values.flag ?? [], values['without-flag'] ?? []),
    sort: values.sort === undefined ? undefined : sortFrom(values.sort)
  }
}

/** "1234.56", "1,234.56" or "1.234,56"; a reading that could go either way must be written plainly. */
function amount(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined
  const readings = readAmount(text)
  if (readings.length === 1) return readings[0]!.decimal
  if (readings.length === 0) throw new UsageError(`${flag}: expected an amount like 1234.56, got ${JSON.stringify(text)}`)
  throw new UsageError(
    `${flag}: ${JSON.stringify(text)} could mean ${readings.map((r) => r.decimal).join(' or ')}; write it without grouping`
  )
}

function flagsFrom(wanted: string[], unwanted: string[]): InvoiceFilter['flags'] {
  if (wanted.length === 0 && unwanted.length === 0) return undefined
  const flags: NonNullable<InvoiceFilter['flags']> = {}
  const read = (text: string, option: string): InvoiceFlag => {
    const flag = Object.hasOwn(FLAG_NAMES, text) ? FLAG_NAMES[text] : undefined
    if (!flag) throw new UsageError(`${option}: expected one of ${Object.keys(FLAG_NAMES).join(', ')}, got ${JSON.stringify(text)}`)
    return flag
  }
  for (const text of wanted) flags[read(text, '--flag')] = true
  for (const text of unwanted) {
    const flag = read(text, '--without-flag')
    if (flags[flag] === true) throw new UsageError(`use either --flag ${text} or --without-flag ${text}`)
    flags[flag] = false
  }
  return flags
}

function sortFrom(text: string): InvoiceSort {
  const [name = '', direction = 'asc', ...rest] = text.split(':')
  const column = Object.hasOwn(SORT_COLUMNS, name) ? SORT_COLUMNS[name] : undefined
  if (!column || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
    throw new UsageError(`--sort: expected COLUMN[:asc|desc] with COLUMN one of ${Object.keys(SORT_COLUMNS).join(', ')}`)
  }
  return { column, direction }
}
