import { Notice } from '../../components/Notice'
import type { DuplicateGroup, ProviderInfo } from '../../lib/contract'
import { formatCalendarDate, plural } from '../../lib/format'
import { Money } from '../../components/HideAmounts'
import { useDuplicates } from './useDuplicates'
import './documents.css'
import { Button } from '../../components/Button'
import { AccountName } from '../../components/AccountName'

type Props = {
  providers: ProviderInfo[]
  /** Changes after a sync or an account change: the groups are read again. */
  refreshKey: string
}

const REASONS: Record<DuplicateGroup['reason'], string> = {
  sameNumber: 'Same number',
  closeDates: 'Issued within a week of each other'
}

/** Invoices that look like the same bill, for a person to review. Nothing is merged or hidden. */
export function DuplicatesScreen({ providers, refreshKey }: Props) {
  const { state, error, dismiss } = useDuplicates(refreshKey)
  const providerLabel = (id: string) => providers.find((provider) => provider.id === id)?.label ?? id

  return (
    <div className="screen duplicates-screen">
      <div className="screen-head">
        <h1>Likely duplicates</h1>
        <p className="screen-lede">
          Invoices with the same counterparty, currency and total, and the same number or issue dates within a week, in any account or
          provider. Quire never merges or hides them: check each group, and mark the ones that are separate bills.
        </p>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {state === null && !error && <p className="muted">Looking for duplicates…</p>}
      {state && state.groups.length === 0 && <p className="muted">No likely duplicates.</p>}
      {state && state.dismissed > 0 && (
        <p className="hint">
          {plural(state.dismissed, 'group', 'groups')} marked “not duplicates” {state.dismissed === 1 ? 'is' : 'are'} not shown.
        </p>
      )}
      {state && state.groups.length > 0 && (
        <ul className="duplicate-groups" aria-label="Groups of likely duplicates">
          {state.groups.map((group) => {
            const first = group.invoices[0]!
            return (
              <li
                key={group.key}
                className="duplicate-group card"
                aria-label={`${first.counterparty ?? 'Unknown counterparty'}, ${group.invoices.length} invoices`}
              >
                <header>
                  <h2>
                    {first.counterparty ?? '—'} · <Money amount={first.total} currency={first.currency} />
                  </h2>
                  <span className="muted">{REASONS[group.reason]}</span>
                  <Button size="small" onClick={() => void dismiss(group.key)}>
                    Not duplicates
                  </Button>
                </header>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">Provider</th>
                      <th scope="col">Number</th>
                      <th scope="col">Issued</th>
                      <th scope="col">Remote id</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.invoices.map((invoice) => (
                      <tr key={`${invoice.accountId}/${invoice.remoteId}`}>
                        <td>
                          <AccountName name={invoice.account} />
                        </td>
                        <td>{providerLabel(invoice.provider)}</td>
                        <td className="tabular">{invoice.number ?? '—'}</td>
                        <td className="tabular">{invoice.issueDate ? formatCalendarDate(invoice.issueDate) : '—'}</td>
                        <td className="mono">{invoice.remoteId}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
