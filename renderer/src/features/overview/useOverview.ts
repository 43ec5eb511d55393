import { useEffect, useState } from 'react'
import type { Overview } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

type OverviewState = { overview: Overview | null; intervalMinutes: number | null; error: string | null }

/** The Overview's figures and the sync interval freshness is judged by; refetched on `refreshKey`. */
export function useOverview(months: 12 | 24, refreshKey: string): OverviewState {
  const [state, setState] = useState<OverviewState>({ overview: null, intervalMinutes: null, error: null })
  useEffect(() => {
    let current = true
    Promise.all([call('reports.overview', { months }), call('settings.get', {})]).then(
      ([overview, settings]) => current && setState({ overview, intervalMinutes: settings.syncIntervalMinutes, error: null }),
      (error: unknown) => current && setState((s) => ({ ...s, error: errorMessage(error) }))
    )
    return () => {
      current = false
    }
  }, [months, refreshKey])
  return state
}
