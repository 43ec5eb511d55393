import type { AgingReport } from '../../../preload/contract'
import { AgingGrouping, IsoDate } from '../../../preload/contract'
import { agingCsv } from '../../reports/aging-csv'
import { print, printTable, UsageError, type CliContext } from '../cli-context'
import { FILTER_OPTIONS, listingFromArgs } from '../invoice-filter-args'
import { parseCommandArgs, parseValue } from '../parse'

/** Filters an as-of report decides itself: the status and tombstones are as they were then. */
const NOT_FOR_AGING = ['status', 'include-removed', 'only-removed', 'sort'] as const

/** `report aging`: what is owed and how overdue, per group and currency, as of a date. */
export function reportCommand(ctx: CliContext, args: string[]): number {
  const [kind, ...rest] = args
  if (kind !== 'aging') throw new UsageError(`report: expected aging, got ${kind ?? 'nothing'}`)
  const { values, positionals } = parseCommandArgs(rest, {
    ...FILTER_OPTIONS,
    'as-of': { type: 'string' },
    by: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`report aging: unexpected ${positionals.join(' ')}`)
  for (const flag of NOT_FOR_AGING) {
    if (values[flag] !== undefined)
      throw new UsageError(`report aging: --${flag} does not apply; the report takes each invoice's status as of the date`)
  }
  if (values.json && values.csv) throw new UsageError('report aging: use either --json or --csv')
  const { sort: _sort, status: _status, includeRemoved: _inc, onlyRemoved: _only, ...filter } = listingFromArgs(ctx, values)
  const report = ctx.core.reports.aging({
    asOf: values['as-of'] === undefined ? undefined : parseValue(IsoDate, values['as-of'], '--as-of'),
    by: parseValue(AgingGrouping, values.by ?? 'counterparty', '--by'),
    filter: dropUndefined(filter)
  })
  if (report.notYetSeen > 0) {
    ctx.stderr.write(`quire: ${report.notYetSeen} invoices issued by ${report.asOf} were first synced after it and are not included\n`)
  }
  if (report.withoutAmount > 0) {
    ctx.stderr.write(`quire: ${report.withoutAmount} invoices owed on ${report.asOf} have no readable total and are not in the amounts\n`)
  }
  if (values.json) {
    // The documented shape exactly; the extra facts went to stderr above.
    ctx.stdout.write(
      `${JSON.stringify({ asOf: report.asOf, by: report.by, buckets: report.buckets, rows: report.rows.map(({ key, currency, count, amounts, total }) => ({ key, currency, count, amounts, total })) }, null, 2)}\n`
    )
    return 0
  }
  if (values.csv) {
    ctx.stdout.write(agingCsv(report))
    return 0
  }
  printHuman(ctx, report)
  return 0
}

function printHuman(ctx: CliContext, report: AgingReport): void {
  print(ctx.stdout, `Aging as of ${report.asOf}, by ${report.by}${report.syncedAt ? ` (last sync ${report.syncedAt})` : ''}`)
  if (report.rows.length === 0) {
    print(ctx.stdout, 'Nothing was owed on that date.')
    return
  }
  printTable(
    ctx.stdout,
    [report.by.toUpperCase(), 'CUR', 'COUNT', ...report.buckets.map((b) => b.toUpperCase()), 'TOTAL'],
    report.rows.map((row) => [
      row.agedFromIssueDate > 0 ? `${row.key} *` : row.key,
      row.currency,
      String(row.count),
      ...report.buckets.map((b) => row.amounts[b] ?? '0.00'),
      row.total
    ]),
    [2, 3, 4, 5, 6, 7, 8]
  )
  if (report.rows.some((row) => row.agedFromIssueDate > 0))
    print(ctx.stdout, '* some invoices have no due date and are aged from their issue date')
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
