import type { InvoiceActivity } from '../../../../preload/contract'
import { useCall } from '../../lib/useCall'

type ActivityState = { activity: InvoiceActivity | null; error: string | null }

/** One invoice's view sessions; refetched whenever `refreshKey` changes (a sync, a session begun or ended). */
export function useInvoiceActivity(accountId: string, remoteId: string, refreshKey: string): ActivityState {
  const { state } = useCall('activity.forInvoice', { accountId, remoteId }, refreshKey)
  return { activity: state.status === 'ready' ? state.value : null, error: state.status === 'failed' ? state.message : null }
}
