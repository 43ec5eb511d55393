import { useEffect, useState } from 'react'
import type { AgingGrouping, AgingReport } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

export type AgingQuery = { asOf: string; by: AgingGrouping; accountId: string; currency: string }

type AgingState = { report: AgingReport | null; error: string | null; loading: boolean }

/** The aging report for the query; refetched when it or the cache changes. */
export function useAging(query: AgingQuery, refreshKey: string): AgingState {
  const [state, setState] = useState<AgingState>({ report: null, error: null, loading: true })
  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true }))
    const filter = { ...(query.accountId ? { accountId: query.accountId } : {}), ...(query.currency ? { currency: query.currency } : {}) }
    call('reports.aging', { ...(query.asOf ? { asOf: query.asOf } : {}), by: query.by, filter }).then(
      (report) => current && setState({ report, error: null, loading: false }),
      (error: unknown) => current && setState({ report: null, error: errorMessage(error), loading: false })
    )
    return () => {
      current = false
    }
  }, [query.asOf, query.by, query.accountId, query.currency, refreshKey])
  return state
}
