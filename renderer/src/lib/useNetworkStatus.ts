import { useEffect, useState } from 'react'
import { call, subscribe } from './ipc'

/** Main's view of the network (it owns all network access); null until first known. */
export function useNetworkStatus(): boolean | null {
  const [online, setOnline] = useState<boolean | null>(null)
  useEffect(() => {
    let current = true
    call('settings.get', {}).then(
      (settings) => current && setOnline(settings.online ?? null),
      () => undefined
    )
    const unsubscribe = subscribe('network.status', ({ online: now }) => setOnline(now))
    return () => {
      current = false
      unsubscribe()
    }
  }, [])
  return online
}
