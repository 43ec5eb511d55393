import { useEffect, useState } from 'react'
import type { RecentActivity } from '../../../../preload/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

const LIMIT = 50

type RecentState = { recent: RecentActivity | null; error: string | null }

/** The workspace's latest view sessions; refetched whenever `refreshKey` changes. */
export function useRecentActivity(refreshKey: string): RecentState {
  const [state, setState] = useState<RecentState>({ recent: null, error: null })

  useEffect(() => {
    let current = true
    call('activity.recent', { limit: LIMIT }).then(
      (recent) => current && setState({ recent, error: null }),
      (error: unknown) => current && setState({ recent: null, error: errorMessage(error) })
    )
    return () => {
      current = false
    }
  }, [refreshKey])

  return state
}
