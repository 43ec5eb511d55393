import type { AgingReport, AgingRow } from '../../lib/contract'
import { formatCount } from '../../lib/format'
import { useMoney } from '../../components/HideAmounts'
import { Button } from '../../components/Button'

const BUCKET_LABELS: Record<string, string> = {
  current: 'Current',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': '90+ days'
}

type Props = {
  report: AgingReport
  currency: string
  onDrill: (row: AgingRow) => void
}

/** One currency's aging: a row per group, then the currency's total. */
export function AgingTable({ report, currency, onDrill }: Props) {
  const money = useMoney()
  const rows = report.rows.filter((row) => row.currency === currency)
  const totals = report.currencyTotals.find((total) => total.currency === currency)
  const groupLabel = report.by === 'account' ? 'Account' : 'Counterparty'
  return (
    <table className="aging-table">
      <caption>
        {currency}: {rows.length} {rows.length === 1 ? groupLabel.toLowerCase() : report.by === 'account' ? 'accounts' : 'counterparties'}
      </caption>
      <thead>
        <tr>
          <th scope="col">{groupLabel}</th>
          <th scope="col" className="num">
            Invoices
          </th>
          {report.buckets.map((bucket) => (
            <th key={bucket} scope="col" className="num">
              {BUCKET_LABELS[bucket] ?? bucket}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Button variant="link" onClick={() => onDrill(row)} title="Show these invoices">
                {row.key}
              </Button>
              {row.agedFromIssueDate > 0 && (
                <span
                  className="aging-flag"
                  title="The provider sent no due date for some of these invoices: they are aged from their issue date"
                >
                  {' '}
                  ({formatCount(row.agedFromIssueDate)} aged from issue date)
                </span>
              )}
            </th>
            <td className="num">{formatCount(row.count)}</td>
            {report.buckets.map((bucket) => (
              <td key={bucket} className="num">
                {money(row.amounts[bucket] ?? '0', currency)}
              </td>
            ))}
            <td className="num">
              <strong>{money(row.total, currency)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
      {totals && (
        <tfoot>
          <tr>
            <th scope="row">Total {currency}</th>
            <td className="num">{formatCount(totals.count)}</td>
            {report.buckets.map((bucket) => (
              <td key={bucket} className="num">
                {money(totals.amounts[bucket] ?? '0', currency)}
              </td>
            ))}
            <td className="num">
              <strong>{money(totals.total, currency)}</strong>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  )
}
