import { useId, useReducer, useState } from 'react'
import type { InvoiceDetail } from '../../lib/contract'
import { Fact, Facts } from '../../components/Facts'
import { Notice } from '../../components/Notice'
import { plural } from '../../lib/format'
import { formatDuration } from './formatDuration'
import { SessionList } from './SessionList'
import { useInvoiceActivity } from './useInvoiceActivity'
import { useViewSessionRecorder } from './useViewSessionRecorder'
import './activity.css'
import { Button } from '../../components/Button'

/** Sessions shown before "Show all": the newest tell the story; the rest are a click away. */
const FIRST = 8

type Props = {
  detail: InvoiceDetail
  providerLabel: string
  /** The PDF viewer is open over the pane: it records the reading, so the pane does not too. */
  recordingPaused: boolean
}

/**
 * The invoice's activity timeline in the detail pane: who viewed it, at the provider and on this
 * computer. While the pane is open it records this view too.
 */
export function InvoiceActivitySection({ detail, providerLabel, recordingPaused }: Props) {
  const headingId = useId()
  const [version, sessionChanged] = useReducer((n: number) => n + 1, 0)
  const [showAll, setShowAll] = useState(false)
  useViewSessionRecorder(detail.accountId, detail.remoteId, 'detail', sessionChanged, recordingPaused)
  // A sync changes syncedAt, and may have brought new sessions.
  const { activity, error } = useInvoiceActivity(detail.accountId, detail.remoteId, `${detail.syncedAt}:${version}`)
  const label = () => providerLabel

  return (
    <section className="detail-section activity-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Activity</h3>
      {error && <Notice tone="error">{error}</Notice>}
      {activity?.remoteSync?.error && (
        <p className="inline-alert">
          <strong>View sessions from {providerLabel} could not be synced:</strong> {activity.remoteSync.error.message}
        </p>
      )}
      {activity && activity.sessions.length === 0 && <p className="muted">No one has viewed this invoice yet.</p>}
      {activity && activity.sessions.length > 0 && (
        <>
          <Facts className="activity-totals">
            <Fact label="Sessions">
              {activity.totals.sessions}
              <span className="muted">
                {' '}
                ({activity.totals.remote} from {providerLabel}, {activity.totals.local} on this computer)
              </span>
            </Fact>
            <Fact label="Viewers">{activity.totals.viewers}</Fact>
            <Fact label="Time viewed">
              {activity.totals.unmeasured < activity.totals.sessions && formatDuration(activity.totals.durationSeconds)}
              {activity.totals.unmeasured > 0 && (
                <span className="muted">
                  {activity.totals.unmeasured < activity.totals.sessions && ' + '}
                  {plural(activity.totals.unmeasured, 'session still open', 'sessions still open')}
                </span>
              )}
            </Fact>
            <Fact label="Active">{formatDuration(activity.totals.activeSeconds)}</Fact>
            <Fact label="Engaged">{formatDuration(activity.totals.engagedSeconds)}</Fact>
          </Facts>
          <SessionList sessions={showAll ? activity.sessions : activity.sessions.slice(0, FIRST)} providerLabel={label} />
          {activity.sessions.length > FIRST && (
            <Button variant="quiet" size="small" className="activity-more" onClick={() => setShowAll((all) => !all)}>
              {showAll ? 'Show fewer' : `Show all ${activity.sessions.length} sessions`}
            </Button>
          )}
        </>
      )}
    </section>
  )
}
