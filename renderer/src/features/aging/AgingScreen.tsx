import { useId, useState } from 'react'
import './report-tables.css'
import { AccountSelect } from '../../components/AccountSelect'
import { DateField } from '../../components/DateField'
import { Notice } from '../../components/Notice'
import type { AccountSummary, AgingRow, InvoiceFilter } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { formatCalendarDate, formatInstant, todayIsoDate } from '../../lib/format'
import { call } from '../../lib/ipc'
import { useRememberedState } from '../../lib/rememberedState'
import { AgingTable } from './AgingTable'
import { agingRequest, useAging, type AgingQuery } from './useAging'
import { Button } from '../../components/Button'

type Props = {
  accounts: AccountSummary[]
  refreshKey: string
  onOpenInvoices: (filter: InvoiceFilter) => void
}

/**
 * What was owed on a date and how overdue, per counterparty or account and currency. For a past
 * date each invoice is as Quire knew it then, from the change history of its syncs.
 */
export function AgingScreen({ accounts, refreshKey, onOpenInvoices }: Props) {
  const id = useId()
  const [query, setQuery] = useRememberedState<AgingQuery>('aging.query', { asOf: '', by: 'counterparty', accountId: '', currency: '' })
  const { report, error, loading } = useAging(query, refreshKey)
  const [exported, setExported] = useState<{ path: string } | { error: string } | null>(null)
  const update = (patch: Partial<AgingQuery>) => setQuery((q) => ({ ...q, ...patch }))
  const currencies = report ? [...new Set(report.rows.map((row) => row.currency))] : []
  const account = accounts.find((a) => a.id === query.accountId)
  const filterText = [
    account ? `account ${account.name}` : 'all accounts',
    query.currency ? `currency ${query.currency}` : 'all currencies'
  ].join(', ')
  const isPast = report !== null && report.asOf < todayIsoDate()

  // The grid shows today's state: for a past date, drilling down shows those invoices as they are now.
  const drill = (row: AgingRow) =>
    onOpenInvoices({
      includeRemoved: isPast,
      currency: row.currency,
      ...(query.accountId ? { accountId: query.accountId } : {}),
      ...(report?.by === 'account' ? { accountId: accounts.find((a) => a.name === row.key)?.id } : {}),
      ...(report?.by === 'counterparty' && row.key !== '(no counterparty)' ? { counterparty: row.key } : {}),
      ...(isPast ? { issued: { to: report!.asOf } } : { status: 'open' as const })
    })

  const exportCsv = () => {
    setExported(null)
    call('reports.exportAgingCsv', agingRequest(query)).then(
      (result) => setExported({ path: result.path }),
      (e: unknown) => setExported({ error: errorMessage(e) })
    )
  }

  return (
    <div className="screen aging-screen">
      <div className="screen-head screen-head-row">
        <h1>Aging</h1>
        <div className="head-actions no-print">
          <Button onClick={() => window.print()}>Print…</Button>
          <Button onClick={exportCsv}>Export CSV</Button>
        </div>
      </div>
      <div className="toolbar no-print" role="search" aria-label="Aging report options">
        <div className="toolbar-field">
          <label htmlFor={`${id}-asof`}>As of</label>
          <DateField id={`${id}-asof`} value={query.asOf || todayIsoDate()} onChange={(asOf) => update({ asOf })} required />
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-by`}>Group by</label>
          <select
            id={`${id}-by`}
            value={query.by}
            onChange={(e) => update({ by: e.target.value === 'account' ? 'account' : 'counterparty' })}
          >
            <option value="counterparty">Counterparty</option>
            <option value="account">Account</option>
          </select>
        </div>
        <AccountSelect id={`${id}-account`} accounts={accounts} value={query.accountId} onChange={(accountId) => update({ accountId })} />
      </div>
      {exported && 'path' in exported && (
        <Notice tone="success" onDismiss={() => setExported(null)}>
          Saved the report as {exported.path}
        </Notice>
      )}
      {exported && 'error' in exported && <Notice tone="error">The report could not be exported: {exported.error}</Notice>}
      {error && <Notice tone="error">The aging report could not be read from the cache: {error}</Notice>}
      {report && (
        <>
          <p className="aging-header">
            As of <strong>{formatCalendarDate(report.asOf)}</strong>, by {report.by}; {filterText}.{' '}
            {report.syncedAt ? <>Last sync {formatInstant(report.syncedAt)}.</> : 'Never synced.'}
            {isPast && ' Each invoice as Quire knew it at the end of that day, from the changes its syncs recorded.'}
          </p>
          {report.notYetSeen > 0 && (
            <Notice tone="info">
              {report.notYetSeen} invoices issued by then were first synced after that date and are not included: Quire does not know what
              they looked like on it.
            </Notice>
          )}
          {report.withoutAmount > 0 && (
            <Notice tone="info">
              {report.withoutAmount} invoices owed on that date have no total Quire could read, so they are in none of the amounts below.
            </Notice>
          )}
          {report.rows.length === 0 && !loading && <p className="muted">Nothing was owed on that date.</p>}
          {currencies.map((currency) => (
            <AgingTable key={currency} report={report} currency={currency} onDrill={drill} />
          ))}
        </>
      )}
    </div>
  )
}
