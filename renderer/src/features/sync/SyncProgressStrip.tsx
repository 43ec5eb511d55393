import type { SyncProgress } from '../../lib/contract'
import { plural } from '../../lib/format'
import { AccountName } from '../../components/AccountName'

function describe(progress: SyncProgress): string {
  const invoices = plural(progress.upserted, 'invoice', 'invoices')
  switch (progress.phase) {
    case 'started':
      return 'starting…'
    case 'page': {
      const of = progress.expected === null ? '' : ` of ${progress.expected.toLocaleString()}`
      const eta = progress.etaSeconds === null ? '' : ` · ${remaining(progress.etaSeconds)}`
      return `${plural(progress.pages, 'page', 'pages')} · ${progress.walked.toLocaleString()}${of} invoices${eta}`
    }
    case 'finished':
      return `done · ${invoices}`
    case 'failed':
      return progress.message ? `failed: ${progress.message}` : 'failed'
  }
}

function remaining(seconds: number): string {
  if (seconds < 60) return 'less than a minute left'
  const minutes = Math.round(seconds / 60)
  return `about ${plural(minutes, 'minute', 'minutes')} left`
}

/**
 * A real bar only when every running account's provider said how many invoices to expect
 * (CareSquare with one plan manager, Yeti-Switch); otherwise indeterminate, and the counts
 * carry the information.
 */
export function SyncProgressStrip({ progress }: { progress: SyncProgress[] }) {
  const upserted = progress.reduce((sum, p) => sum + p.upserted, 0)
  const summary = progress.length === 0 ? 'Starting sync…' : `Syncing · ${plural(upserted, 'invoice', 'invoices')} so far`
  const determinate = progress.length > 0 && progress.every((p) => p.expected !== null || p.phase === 'finished')
  const expected = progress.reduce((sum, p) => sum + (p.expected ?? p.walked), 0)
  const walked = progress.reduce((sum, p) => sum + p.walked, 0)
  const percent = expected > 0 ? Math.min(100, Math.round((walked / expected) * 100)) : 0

  return (
    <div className="sync-strip">
      {determinate ? (
        <progress
          className="progress-determinate"
          aria-label="Sync progress"
          aria-valuetext={`${summary}, ${percent}%`}
          max={100}
          value={percent}
        />
      ) : (
        <div className="progress-indeterminate" role="progressbar" aria-label="Sync progress" aria-valuetext={summary}>
          <span />
        </div>
      )}
      <p className="sync-strip-summary">{summary}</p>
      {progress.length > 0 && (
        <ul className="sync-strip-accounts">
          {progress.map((p) => (
            <li key={p.accountId} className={p.phase === 'failed' ? 'is-failed' : undefined}>
              <AccountName className="sync-strip-account" name={p.account} /> {describe(p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
