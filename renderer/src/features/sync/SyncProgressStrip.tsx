import type { SyncProgress } from '../../lib/contract'
import { plural } from '../../lib/format'

function describe(progress: SyncProgress): string {
  const invoices = plural(progress.upserted, 'invoice', 'invoices')
  switch (progress.phase) {
    case 'started':
      return 'starting…'
    case 'page':
      return `${plural(progress.pages, 'page', 'pages')} · ${invoices}`
    case 'finished':
      return `done · ${invoices}`
    case 'failed':
      return progress.message ? `failed: ${progress.message}` : 'failed'
  }
}

/** Providers give no total, so the bar is indeterminate and the counts carry the information. */
export function SyncProgressStrip({ progress }: { progress: SyncProgress[] }) {
  const upserted = progress.reduce((sum, p) => sum + p.upserted, 0)
  const summary = progress.length === 0 ? 'Starting sync…' : `Syncing · ${plural(upserted, 'invoice', 'invoices')} so far`

  return (
    <div className="sync-strip">
      <div className="progress-indeterminate" role="progressbar" aria-label="Sync progress" aria-valuetext={summary}>
        <span />
      </div>
      <p className="sync-strip-summary">{summary}</p>
      {progress.length > 0 && (
        <ul className="sync-strip-accounts">
          {progress.map((p) => (
            <li key={p.accountId} className={p.phase === 'failed' ? 'is-failed' : undefined}>
              <span className="sync-strip-account">{p.account}</span> {describe(p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
