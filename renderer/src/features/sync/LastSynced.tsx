import { RelativeTime } from '../../components/RelativeTime'
import type { AccountSummary } from '../../lib/contract'

/** The most recent successful sync across all accounts, so staleness is visible at a glance. */
export function LastSynced({ accounts }: { accounts: AccountSummary[] }) {
  if (accounts.length === 0) return null
  // IsoInstant strings are all UTC with the same shape, so text order is time order.
  const latest = accounts.reduce<string | null>(
    (max, a) => (a.lastSyncedAt !== null && (max === null || a.lastSyncedAt > max) ? a.lastSyncedAt : max),
    null
  )
  return (
    <p className="last-synced">
      {latest ? (
        <>
          Last synced <RelativeTime iso={latest} />
        </>
      ) : (
        'Not synced yet'
      )}
    </p>
  )
}
