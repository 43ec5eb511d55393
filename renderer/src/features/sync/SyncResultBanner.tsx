import { Notice } from '../../components/Notice'
import { summarizeSync } from './summarizeSync'
import type { SyncResult } from './useSync'
import './sync.css'

/**
 * Good news (and a cancel) may shrink to one line in a small window (`.notice-compact`), its whole
 * text in the tooltip and for screen readers; a failure or held-back records never do, since the
 * banner is where they are first read (issue 19).
 */
export function SyncResultBanner({ result, onDismiss }: { result: SyncResult; onDismiss: () => void }) {
  if (result.kind === 'error') {
    return (
      <div className="banner-stack">
        <Notice
          tone={result.cancelled ? 'info' : 'error'}
          className={result.cancelled ? 'notice-compact' : undefined}
          onDismiss={onDismiss}
        >
          {result.cancelled ? <span title={result.message}>{result.message}</span> : result.message}
        </Notice>
      </div>
    )
  }
  const { message, warns, failures } = summarizeSync(result.outcomes)
  return (
    <div className="banner-stack">
      {message && (
        <Notice tone="success" className={warns ? undefined : 'notice-compact'} onDismiss={failures.length === 0 ? onDismiss : undefined}>
          <span title={message}>{message}</span>
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
