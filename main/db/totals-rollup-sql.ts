import type { InvoiceFilter, InvoiceFlag } from '../../preload/contract'
import { searchTerms } from './fts-query'
import type { SqlParams } from './invoice-filter-sql'
import { leftOutOfTotalsSql, type TotalsOptions } from './totals-rule'

/**
 * Counts and totals of a plain filter read from `invoice_totals` (migration 0018, kept by
 * totals-rollup.ts): sums over a table of a few rows per account and day, where the same
 * answer from the invoices scans an index entry per matching invoice. Each function returns
 * null when the filter tests something the table does not keep (words, amounts, periods…):
 * the caller then asks the invoices (invoice-filter-sql.ts), whose meaning this one follows
 * exactly; the rollup alias is `i` so the totals rule's conditions read the same columns.
 */

type Covers = (filter: InvoiceFilter) => boolean

const always: Covers = () => true
const never: Covers = () => false

/**
 * Per filter field, whether the table answers it when the field is set. A field added to the
 * filter must be decided here (the type says so): when in doubt, `never`.
 */
const COVERED: Record<keyof InvoiceFilter, Covers> = {
  accountId: always,
  provider: always,
  status: always,
  currency: always,
  hasPdf: always,
  flags: always,
  includeRemoved: always,
  onlyRemoved: always,
  amountsHidden: always,
  issued: always,
  due: always,
  // A search with no words and no amounts matches everything (as in filterSql).
  search: (filter) => {
    const terms = searchTerms(filter.search ?? '')
    return terms.match === null && terms.amounts.length === 0
  },
  // While amounts are hidden the range is not applied.
  total: (filter) => filter.amountsHidden === true || (filter.total?.min === undefined && filter.total?.max === undefined),
  period: (filter) => !filter.period?.from && !filter.period?.to,
  changedSince: never,
  counterparty: never
}

const FLAG_COLUMNS: Record<InvoiceFlag, string> = { duplicate: 'is_duplicate', wontClaim: 'wont_claim', errors: 'has_errors' }

interface RollupWhere {
  /** Conditions over `invoice_totals i`, joined with AND (none for everything). */
  conditions: string[]
  params: SqlParams
}

/** The filter over the rollup, or null when it is not covered. */
function rollupWhere(filter: InvoiceFilter, today: string): RollupWhere | null {
  const fields = Object.keys(COVERED) as (keyof InvoiceFilter)[]
  if (!fields.every((field) => filter[field] === undefined || COVERED[field](filter))) return null
  const conditions: string[] = []
  const params: SqlParams = {}
  const bind = (name: string, value: string | number): string => {
    params[name] = value
    return `@${name}`
  }
  // A day kept as '' had none: no bound takes it in, as no comparison takes in a NULL.
  const dayBounds = (column: string, range: { from?: string; to?: string } | undefined, name: string): void => {
    if (range?.from) conditions.push(`i.${column} >= ${bind(`${name}From`, range.from)}`)
    if (range?.to) conditions.push(`i.${column} <> '' AND i.${column} <= ${bind(`${name}To`, range.to)}`)
  }

  if (filter.onlyRemoved) conditions.push('i.removed = 1')
  else if (!filter.includeRemoved) conditions.push('i.removed = 0')
  if (filter.accountId) conditions.push(`i.account_id = ${bind('accountId', filter.accountId)}`)
  if (filter.provider) conditions.push(`i.account_id IN (SELECT id FROM accounts WHERE provider = ${bind('provider', filter.provider)})`)
  if (filter.status === 'overdue') conditions.push(`i.status = 'open' AND i.due_day <> '' AND i.due_day < ${bind('today', today)}`)
  else if (filter.status) conditions.push(`i.status = ${bind('status', filter.status)}`)
  if (filter.currency) conditions.push(`i.currency = ${bind('currency', filter.currency.toUpperCase())}`)
  if (filter.hasPdf !== undefined) conditions.push(`i.has_pdf = ${bind('hasPdf', filter.hasPdf ? 1 : 0)}`)
  for (const [flag, column] of Object.entries(FLAG_COLUMNS) as [InvoiceFlag, string][]) {
    const wanted = filter.flags?.[flag]
    if (wanted !== undefined) conditions.push(`i.${column} = ${wanted ? 1 : 0}`)
  }
  dayBounds('issue_day', filter.issued, 'issued')
  dayBounds('due_day', filter.due, 'due')
  return { conditions, params }
}

function whereOf(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
}

/** How many invoices match. */
export function rollupCountSql(filter: InvoiceFilter, today: string): { sql: string; params: SqlParams } | null {
  const rollup = rollupWhere(filter, today)
  if (rollup === null) return null
  return { sql: `SELECT coalesce(sum(i.n), 0) FROM invoice_totals i ${whereOf(rollup.conditions)}`, params: rollup.params }
}

/**
 * What totalsSql and withoutAmountSql answer: per currency and status, the count and exact sums
 * of what the totals count, and how many of those have no known total.
 */
export function rollupTotalsSql(
  filter: InvoiceFilter,
  today: string,
  options: TotalsOptions
): { sums: { sql: string; params: SqlParams }; withoutAmount: { sql: string; params: SqlParams } } | null {
  const rollup = rollupWhere(filter, today)
  if (rollup === null) return null
  const leftOut = leftOutOfTotalsSql(filter, options)
  const where = whereOf(leftOut === null ? rollup.conditions : [...rollup.conditions, `NOT ${leftOut}`])
  return {
    sums: {
      sql: `SELECT i.currency, i.status, sum(i.n) AS n, sum(i.total) AS total, sum(i.balance) AS balance FROM invoice_totals i
        ${where} GROUP BY i.currency, i.status HAVING sum(i.n) > 0 ORDER BY i.currency`,
      params: rollup.params
    },
    withoutAmount: {
      sql: `SELECT i.currency, i.status, sum(i.without_amount) AS n FROM invoice_totals i
        ${where} GROUP BY i.currency, i.status HAVING sum(i.without_amount) > 0`,
      params: rollup.params
    }
  }
}

/** How many matching invoices the totals leave out by default (as leftOutCountSql); null also when none can be. */
export function rollupLeftOutCountSql(filter: InvoiceFilter, today: string): { sql: string; params: SqlParams } | null {
  const leftOut = leftOutOfTotalsSql(filter, {})
  const rollup = rollupWhere(filter, today)
  if (rollup === null || leftOut === null) return null
  return { sql: `SELECT coalesce(sum(i.n), 0) FROM invoice_totals i ${whereOf([...rollup.conditions, leftOut])}`, params: rollup.params }
}

/** Open invoices matching the filter, whatever status it asks for, without any due date (as openWithoutDueDateSql). */
export function rollupOpenWithoutDueDateSql(filter: InvoiceFilter, today: string): { sql: string; params: SqlParams } | null {
  const rollup = rollupWhere({ ...filter, status: 'open' }, today)
  if (rollup === null) return null
  return {
    sql: `SELECT coalesce(sum(i.n), 0) FROM invoice_totals i ${whereOf([...rollup.conditions, `i.due_day = ''`])}`,
    params: rollup.params
  }
}
