import { AccountName } from '../../components/AccountName'
import { RelativeTime } from '../../components/RelativeTime'
import type { AccountSummary } from '../../lib/contract'
import { formatInstant } from '../../lib/format'
import { Button } from '../../components/Button'

type Props = {
  accounts: AccountSummary[]
  /** Goes to Accounts, where a failing account is fixed. */
  onFix?: () => void
}

/**
 * How fresh the cache is, honestly: a failing account first ("Demo — Lynkwell failing since
 * 08:38 — Fix"), and otherwise the OLDEST account's last sync, since the newest one says nothing
 * about the others. Stays after the sync's banner is dismissed.
 */
export function LastSynced({ accounts, onFix }: Props) {
  if (accounts.length === 0) return null
  const failing = accounts.filter((account) => account.lastError !== null)
  if (failing.length > 0) {
    const first = failing[0]!
    return (
      <p className="last-synced is-failing" role="status">
        <span className="failing-dot" aria-hidden="true" />
        {failing.length === 1 ? (
          <>
            <AccountName name={first.name} /> failing
            {first.failingSince ? (
              <>
                {' '}
                since <time dateTime={first.failingSince}>{formatInstant(first.failingSince)}</time>
              </>
            ) : (
              ''
            )}
          </>
        ) : (
          `${failing.length} accounts failing`
        )}
        {onFix && (
          <>
            {' — '}
            <Button variant="link" onClick={onFix}>
              Fix
            </Button>
          </>
        )}
      </p>
    )
  }
  // IsoInstant strings are all UTC with the same shape, so text order is time order.
  const never = accounts.find((account) => account.lastSyncedAt === null)
  if (never)
    return (
      <p className="last-synced">
        <AccountName name={never.name} /> not synced yet
      </p>
    )
  const oldest = accounts.reduce((min, account) => (account.lastSyncedAt! < min.lastSyncedAt! ? account : min))
  return (
    <p className="last-synced">
      {accounts.length === 1 ? 'Last synced' : 'All accounts synced; oldest'} <RelativeTime iso={oldest.lastSyncedAt!} />
    </p>
  )
}
