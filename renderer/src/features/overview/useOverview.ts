import type { Overview } from '../../lib/contract'
import { useCall } from '../../lib/useCall'

/** The Overview's figures and the sync interval freshness is judged by; asked again on `refreshKey`. */
export function useOverview(
  months: 12 | 24,
  refreshKey: string
): { overview: Overview | null; intervalMinutes: number | null; error: string | null } {
  const figures = useCall('reports.overview', { months }, refreshKey).state
  const settings = useCall('settings.get', {}, refreshKey).state
  return {
    overview: figures.status === 'ready' ? figures.value : null,
    intervalMinutes: settings.status === 'ready' ? settings.value.syncIntervalMinutes : null,
    error: figures.status === 'failed' ? figures.message : settings.status === 'failed' ? settings.message : null
  }
}
