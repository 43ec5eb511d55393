import { useEffect, useState } from 'react'
import type { InvoiceActivity } from '../../../../preload/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

type ActivityState = { activity: InvoiceActivity | null; error: string | null }

/** One invoice's view sessions; refetched whenever `refreshKey` changes (a sync, a session begun or ended). */
export function useInvoiceActivity(accountId: string, remoteId: string, refreshKey: string): ActivityState {
  const [state, setState] = useState<ActivityState>({ activity: null, error: null })

  useEffect(() => {
    let current = true
    call('activity.forInvoice', { accountId, remoteId }).then(
      (activity) => current && setState({ activity, error: null }),
      (error: unknown) => current && setState({ activity: null, error: errorMessage(error) })
    )
    return () => {
      current = false
    }
  }, [accountId, remoteId, refreshKey])

  return state
}
