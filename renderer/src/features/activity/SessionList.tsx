import type { ViewSession } from '../../../../preload/contract'
import { Badge } from '../../components/Badge'
import type { InvoiceKey } from '../../lib/contract'
import { formatInstant } from '../../lib/format'
import { formatDuration } from './formatDuration'
import { sourceLabel } from './sourceLabel'
import './session-list.css'
import { AccountName } from '../../components/AccountName'

type Props = {
  sessions: ViewSession[]
  providerLabel: (provider: string) => string
  /** In a workspace-wide list each session names its invoice. */
  showInvoice?: boolean
  /** Where given, a session's invoice (when cached) is a button that opens it. */
  onOpenInvoice?: (key: InvoiceKey) => void
}

/** Sessions newest first, remote and local together, each labelled by where it was recorded. */
export function SessionList({ sessions, providerLabel, showInvoice = false, onOpenInvoice }: Props) {
  return (
    <ol className="session-list" aria-label="View sessions">
      {sessions.map((session) => (
        <li key={`${session.source}:${session.accountId}:${session.id}`} className="session">
          <div className="session-head">
            <Badge tone={session.source === 'local' ? 'accent' : 'info'}>{sourceLabel(session, providerLabel)}</Badge>
            <span className="session-user">{session.userName ?? 'Unknown user'}</span>
            <time className="session-time" dateTime={session.startedAt} title={formatInstant(session.startedAt, true)}>
              {formatInstant(session.startedAt)}
            </time>
          </div>
          {showInvoice && (
            <p className="session-invoice">
              {onOpenInvoice && session.invoiceCached ? (
                <button
                  type="button"
                  className="session-open-invoice"
                  onClick={() => onOpenInvoice({ accountId: session.accountId, remoteId: session.invoiceRemoteId })}
                >
                  {session.invoiceNumber ?? <span className="mono">{session.invoiceRemoteId}</span>}
                </button>
              ) : (
                (session.invoiceNumber ?? <span className="mono">{session.invoiceRemoteId}</span>)
              )}
              <span className="muted">
                {' · '}
                <AccountName name={session.account} />
              </span>
              {!session.invoiceCached && <span className="muted"> · invoice not synced yet</span>}
            </p>
          )}
          <p className="session-figures">{figures(session, providerLabel)}</p>
        </li>
      ))}
    </ol>
  )
}

function figures(session: ViewSession, providerLabel: (provider: string) => string): string {
  // Its figures run to the last heartbeat, already behind: only the finished session is measured.
  if (session.open && session.source === 'local') return 'Open now'
  if (session.durationSeconds === null) return session.open ? `Still open in ${providerLabel(session.provider)}` : 'No duration recorded'
  const parts = [formatDuration(session.durationSeconds)]
  if (session.activeSeconds !== null) parts.push(`${formatDuration(session.activeSeconds)} active`)
  if (session.engagedSeconds !== null) parts.push(`${formatDuration(session.engagedSeconds)} engaged`)
  if (session.idleCount !== null) parts.push(idleText(session.idleCount))
  return parts.join(' · ')
}

function idleText(count: number): string {
  if (count === 0) return 'never idle'
  return count === 1 ? 'idle once' : `idle ${count} times`
}
