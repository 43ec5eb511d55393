import { useNetworkStatus } from '../lib/useNetworkStatus'
import './OfflineBadge.css'

/** Quire works offline; this only says why syncing is paused. */
export function OfflineBadge() {
  const online = useNetworkStatus()
  if (online !== false) return null
  return (
    <p className="offline-badge" role="status">
      Offline — browsing the cache; background sync resumes when the network is back
    </p>
  )
}
