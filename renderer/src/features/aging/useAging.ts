import type { AgingGrouping, AgingReport } from '../../lib/contract'
import { useCall } from '../../lib/useCall'

export type AgingQuery = { asOf: string; by: AgingGrouping; accountId: string; currency: string }

/** The report's request for the screen's query ('' for "today" and "all"). */
export function agingRequest(query: AgingQuery) {
  return {
    ...(query.asOf ? { asOf: query.asOf } : {}),
    by: query.by,
    filter: { ...(query.accountId ? { accountId: query.accountId } : {}), ...(query.currency ? { currency: query.currency } : {}) }
  }
}

/** The aging report for the query; asked again when it or the cache changes. */
export function useAging(query: AgingQuery, refreshKey: string): { report: AgingReport | null; error: string | null; loading: boolean } {
  const { state } = useCall('reports.aging', agingRequest(query), refreshKey)
  return {
    report: state.status === 'ready' ? state.value : null,
    error: state.status === 'failed' ? state.message : null,
    loading: state.status === 'loading'
  }
}
