import type { AgingReport } from '../../preload/contract'
import { csvLine } from '../services/export-csv'

/**
 * The aging report as CSV: one line per group and currency, amounts as plain decimals a sheet
 * can sum, preceded by the as-of date and grouping so a saved file says what it shows.
 */
export function agingCsv(report: AgingReport): string {
  const header = [
    report.by === 'account' ? 'account' : 'counterparty',
    'currency',
    'count',
    ...report.buckets,
    'total',
    'aged_from_issue_date',
    'as_of'
  ]
  return (
    csvLine(header) +
    report.rows
      .map((row) =>
        csvLine([
          row.key,
          row.currency,
          row.count,
          ...report.buckets.map((bucket) => row.amounts[bucket] ?? '0.00'),
          row.total,
          row.agedFromIssueDate,
          report.asOf
        ])
      )
      .join('')
  )
}
