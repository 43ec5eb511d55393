import type { AccountSummary } from '../../lib/contract'
import { OfflineBadge } from '../../components/OfflineBadge'
import { LastSynced } from './LastSynced'
import { SyncProgressStrip } from './SyncProgressStrip'
import type { SyncState } from './useSync'

/** Lives in the top bar: progress while a sync runs (else when the last one was), then the buttons. */
export function SyncControls({ sync, accounts }: { sync: SyncState; accounts: AccountSummary[] }) {
  return (
    <div className="sync-controls">
      <OfflineBadge />
      {sync.running ? <SyncProgressStrip progress={sync.progress} /> : <LastSynced accounts={accounts} />}
      {sync.cancelError && (
        <p role="alert" className="sync-cancel-error">
          {sync.cancelError}
        </p>
      )}
      {sync.running && (
        <button
          type="button"
          className="button"
          aria-label={sync.cancelling ? undefined : 'Cancel sync'}
          disabled={sync.cancelling}
          onClick={() => void sync.cancel()}
        >
          {sync.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      <button type="button" className="button button-primary" disabled={sync.running} onClick={() => void sync.run()}>
        Sync now
      </button>
    </div>
  )
}
