import type { AccountSummary, ProviderInfo } from '../../lib/contract'
import { RelativeTime } from '../../components/RelativeTime'
import { useNow } from '../../lib/useNow'
import { freshness } from './freshness'

type Props = { accounts: AccountSummary[]; providers: ProviderInfo[]; intervalMinutes: number }

/** Each account's last successful sync, with a warning where it is older than the schedule allows. */
export function FreshnessList({ accounts, providers, intervalMinutes }: Props) {
  const now = useNow()
  const label = (id: string) => providers.find((p) => p.id === id)?.label ?? id
  return (
    <section className="freshness" aria-labelledby="freshness-title">
      <h2 id="freshness-title">Freshness</h2>
      <ul className="freshness-list">
        {accounts.map((account) => {
          const state = freshness(account.lastSyncedAt, intervalMinutes, now)
          return (
            <li key={account.id} className={`freshness-item freshness-${state.state}`}>
              <span className="freshness-name">
                {account.name} <span className="muted">({label(account.provider)})</span>
              </span>
              <span>
                {account.lastSyncedAt === null ? (
                  'never synced'
                ) : (
                  <>
                    last synced <RelativeTime iso={account.lastSyncedAt} />
                  </>
                )}
                {state.state !== 'fresh' && (
                  <strong className="freshness-warning">
                    {' '}
                    {state.state === 'never'
                      ? '— sync it to see its invoices'
                      : `— older than ${intervalMinutes > 0 ? 'the sync interval allows' : 'a day'}`}
                  </strong>
                )}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
