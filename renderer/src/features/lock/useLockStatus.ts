import { useCallback, useEffect, useState } from 'react'
import type { LockStatus } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call, LOCKED_EVENT, subscribe } from '../../lib/ipc'

export type LockState = { status: 'loading' } | { status: 'ready'; lock: LockStatus } | { status: 'failed'; message: string }

/** Main decides when the app is locked (idle, OS lock, "Lock now"); the renderer follows its events. */
export function useLockStatus(): { state: LockState; retry: () => void; update: (lock: LockStatus) => void } {
  const [state, setState] = useState<LockState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    const unsubscribe = subscribe('lock.changed', (lock) => setState({ status: 'ready', lock }))
    const refresh = () =>
      call('lock.status', {}).then(
        (lock) => current && setState({ status: 'ready', lock }),
        (error: unknown) => current && setState({ status: 'failed', message: errorMessage(error) })
      )
    void refresh()
    window.addEventListener(LOCKED_EVENT, refresh)
    return () => {
      current = false
      unsubscribe()
      window.removeEventListener(LOCKED_EVENT, refresh)
    }
  }, [attempt])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])
  const update = useCallback((lock: LockStatus) => setState({ status: 'ready', lock }), [])

  return { state, retry, update }
}
