import { useEffect, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { CacheHealth } from '../../lib/contract'
import { call, subscribe } from '../../lib/ipc'

/**
 * The integrity check runs after launch, so damage can be found while the app is open: say so
 * where the invoices are shown, with main's own words on how to rebuild (the desktop app also
 * offers the rebuild in a dialog).
 */
export function CacheHealthNotice() {
  const [health, setHealth] = useState<CacheHealth | null>(null)
  useEffect(() => {
    let current = true
    const unsubscribe = subscribe('cache.health', (next) => setHealth(next))
    call('cache.getHealth', {}).then(
      (now) => current && setHealth((seen) => seen ?? now),
      () => undefined
    )
    return () => {
      current = false
      unsubscribe()
    }
  }, [])
  if (health?.state !== 'damaged') return null
  return (
    <Notice tone="error" className="cache-health-notice">
      <strong>The invoice cache is damaged.</strong> {health.message}
    </Notice>
  )
}
