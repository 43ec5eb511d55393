import type { RecentActivity } from '../../../../preload/contract'
import { useCall } from '../../lib/useCall'

const LIMIT = 50

type RecentState = { recent: RecentActivity | null; error: string | null }

/** The workspace's latest view sessions; refetched whenever `refreshKey` changes. */
export function useRecentActivity(refreshKey: string): RecentState {
  const { state } = useCall('activity.recent', { limit: LIMIT }, refreshKey)
  return { recent: state.status === 'ready' ? state.value : null, error: state.status === 'failed' ? state.message : null }
}
