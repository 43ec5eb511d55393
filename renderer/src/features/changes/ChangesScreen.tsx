import { useId } from 'react'
import '../aging/report-tables.css'
import { AccountSelect } from '../../components/AccountSelect'
import { DateField } from '../../components/DateField'
import { Notice } from '../../components/Notice'
import type { AccountSummary, ChangeItem, InvoiceFilter } from '../../lib/contract'
import { formatInstant, plural, todayIsoDate } from '../../lib/format'
import { useRememberedState } from '../../lib/rememberedState'
import { startOfLocalDay } from '../invoices/useInvoiceFilters'
import { useMoney } from '../../components/HideAmounts'
import { useChanges } from './useChanges'
import { Button } from '../../components/Button'
import { AccountName } from '../../components/AccountName'

type Props = {
  accounts: AccountSummary[]
  refreshKey: string
  onOpenInvoices: (filter: InvoiceFilter) => void
}

const FIELD_LABELS: Record<ChangeItem['field'], string> = {
  added: 'Added',
  removed: 'Removed upstream',
  restored: 'Restored upstream',
  status: 'Status',
  paymentStatus: 'Payment status',
  total: 'Total',
  paid: 'Paid'
}

/** What Quire saw change since a date, across every account ("since I closed March"). */
export function ChangesScreen({ accounts, refreshKey, onOpenInvoices }: Props) {
  const id = useId()
  const [sinceDate, setSinceDate] = useRememberedState('changes.since', `${todayIsoDate().slice(0, 7)}-01`)
  const [accountId, setAccountId] = useRememberedState('changes.accountId', '')
  const since = startOfLocalDay(sinceDate)
  const { items, total, error, more } = useChanges(since, accountId, refreshKey)
  const money = useMoney()

  const value = (item: ChangeItem, text: string | null): string => {
    if (text === null) return '—'
    return item.field === 'total' || item.field === 'paid' ? money(text, item.currency) : text
  }

  return (
    <div className="screen changes-screen">
      <div className="screen-head screen-head-row">
        <h1>Changes</h1>
        <p className="match-count" role="status">
          {total === null ? '' : plural(total, 'change', 'changes')}
        </p>
      </div>
      <div className="toolbar" role="search" aria-label="Changes since">
        <div className="toolbar-field">
          <label htmlFor={`${id}-since`}>Since the start of</label>
          <DateField id={`${id}-since`} value={sinceDate} onChange={setSinceDate} required />
        </div>
        <AccountSelect id={`${id}-account`} accounts={accounts} value={accountId} onChange={setAccountId} />
        <Button onClick={() => onOpenInvoices({ includeRemoved: true, changedSince: { since }, ...(accountId ? { accountId } : {}) })}>
          Show these invoices
        </Button>
      </div>
      <p className="muted">Times are when Quire saw each change in a sync, not when it happened at the provider.</p>
      {error && <Notice tone="error">The changes could not be read from the cache: {error}</Notice>}
      {total === 0 && <p className="muted">Nothing changed since then.</p>}
      {items.length > 0 && (
        <table className="changes-table">
          <thead>
            <tr>
              <th scope="col">Seen</th>
              <th scope="col">Account</th>
              <th scope="col">Invoice</th>
              <th scope="col">Change</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, k) => (
              <tr key={`${item.accountId}/${item.remoteId}/${item.field}/${item.at}/${k}`}>
                <td>{formatInstant(item.at)}</td>
                <td>
                  <AccountName name={item.account} />
                </td>
                <td>{item.number ?? item.remoteId}</td>
                <td>{FIELD_LABELS[item.field]}</td>
                <td>{value(item, item.from)}</td>
                <td>{value(item, item.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total !== null && items.length < total && (
        <Button onClick={more}>Show more ({plural(total - items.length, 'change', 'changes')} left)</Button>
      )}
    </div>
  )
}
