import { useReducer } from 'react'
import { Notice } from '../../components/Notice'
import { RelativeTime } from '../../components/RelativeTime'
import type { InvoiceKey, ProviderInfo } from '../../lib/contract'
import { RecordingSetting } from './RecordingSetting'
import { SessionList } from './SessionList'
import { useRecentActivity } from './useRecentActivity'
import './activity.css'

type Props = {
  providers: ProviderInfo[]
  /** Changes after a sync or an account change: the list is read again. */
  refreshKey: string
  /** Opens a viewed invoice in the grid's detail. */
  onOpenInvoice: (key: InvoiceKey) => void
}

/** Workspace-wide activity: recently viewed invoices, how the providers' sessions synced, and the privacy controls. */
export function ActivityScreen({ providers, refreshKey, onOpenInvoice }: Props) {
  const [cleared, bump] = useReducer((n: number) => n + 1, 0)
  const { recent, error } = useRecentActivity(`${refreshKey}:${cleared}`)
  const providerLabel = (id: string) => providers.find((provider) => provider.id === id)?.label ?? id

  return (
    <div className="screen activity-screen">
      <div className="screen-head">
        <h1>Activity</h1>
        <p className="screen-lede">
          Who viewed which invoice: sessions synced from providers that record them, and the ones recorded on this computer.
        </p>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {recent?.remoteSync
        .filter((status) => status.error !== null)
        .map((status) => (
          <Notice key={status.accountId} tone="error">
            View sessions of “{status.account}” could not be synced: {status.error!.message}
          </Notice>
        ))}
      <section className="card recent-activity" aria-labelledby="recently-viewed">
        <h2 id="recently-viewed">Recently viewed</h2>
        {recent?.remoteSync.map(
          (status) =>
            status.syncedAt && (
              <p key={status.accountId} className="hint">
                Sessions of “{status.account}” synced <RelativeTime iso={status.syncedAt} />.
              </p>
            )
        )}
        {recent === null && !error && <p className="muted">Loading activity…</p>}
        {recent?.sessions.length === 0 && (
          <p className="muted">No invoice has been viewed yet. Open one from Invoices: the view is recorded here.</p>
        )}
        {recent && recent.sessions.length > 0 && (
          <SessionList sessions={recent.sessions} providerLabel={providerLabel} showInvoice onOpenInvoice={onOpenInvoice} />
        )}
      </section>
      <RecordingSetting onCleared={bump} />
    </div>
  )
}
