import type { AccountSummary } from '../../lib/contract'
import { OfflineBadge } from '../../components/OfflineBadge'
import { LastSynced } from './LastSynced'
import { SyncProgressStrip } from './SyncProgressStrip'
import type { SyncState } from './useSync'
import { Button } from '../../components/Button'
import './sync.css'

/** Lives in the top bar: progress while a sync runs (else when the last one was), then the buttons. */
export function SyncControls({
  sync,
  accounts,
  onOpenAccounts
}: {
  sync: SyncState
  accounts: AccountSummary[]
  onOpenAccounts?: () => void
}) {
  return (
    <div className="sync-controls">
      <OfflineBadge />
      {sync.running ? <SyncProgressStrip progress={sync.progress} /> : <LastSynced accounts={accounts} onFix={onOpenAccounts} />}
      {sync.cancelError && (
        <p role="alert" className="sync-cancel-error">
          {sync.cancelError}
        </p>
      )}
      {sync.running && (
        <Button aria-label={sync.cancelling ? undefined : 'Cancel sync'} disabled={sync.cancelling} onClick={() => void sync.cancel()}>
          {sync.cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      )}
      <Button variant="primary" disabled={sync.running} onClick={() => void sync.run()}>
        Sync now
      </Button>
    </div>
  )
}
