import { Notice } from '../../components/Notice'
import { summarizeSync } from './summarizeSync'
import type { SyncResult } from './useSync'
import './sync.css'

export function SyncResultBanner({ result, onDismiss }: { result: SyncResult; onDismiss: () => void }) {
  if (result.kind === 'error') {
    return (
      <div className="banner-stack">
        <Notice tone={result.cancelled ? 'info' : 'error'} onDismiss={onDismiss}>
          {result.message}
        </Notice>
      </div>
    )
  }
  const { message, failures } = summarizeSync(result.outcomes)
  return (
    <div className="banner-stack">
      {message && (
        <Notice tone="success" onDismiss={failures.length === 0 ? onDismiss : undefined}>
          {message}
        </Notice>
      )}
      {failures.length > 0 && (
        <Notice tone="error" onDismiss={onDismiss}>
          <p className="notice-title">Sync failed for {failures.length === 1 ? 'one account' : `${failures.length} accounts`}</p>
          <ul className="failure-list">
            {failures.map((f) => (
              <li key={f.accountId}>
                <strong>{f.account}:</strong> {f.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  )
}
