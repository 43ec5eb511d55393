import { useCallback, useEffect, useRef, useState } from 'react'
import type { SyncOutcome, SyncProgress } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call, IpcError, subscribe } from '../../lib/ipc'

export type SyncResult = { kind: 'outcomes'; outcomes: SyncOutcome[] } | { kind: 'error'; message: string; cancelled: boolean }

export type SyncState = {
  running: boolean
  cancelling: boolean
  /** Latest progress per account, in the order accounts started. */
  progress: SyncProgress[]
  result: SyncResult | null
  cancelError: string | null
  /** Every account, or just the one given. */
  run: (accountId?: string) => Promise<void>
  cancel: () => Promise<void>
  dismissResult: () => void
}

/**
 * One sync at a time for the whole window, which also shows a sync it did not start but hears
 * progress of. `onCacheChanged` runs whenever the cache may have
 * changed: as each account finishes (so its invoices show without waiting for slower ones) and
 * when the whole run ends, good or bad.
 */
export function useSync(onCacheChanged: () => void): SyncState {
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<SyncProgress[]>([])
  const [result, setResult] = useState<SyncResult | null>(null)
  const [cancelError, setCancelError] = useState<string | null>(null)
  // A ref, not state: two clicks in one frame must not start two syncs.
  const runningRef = useRef(false)
  const onCacheChangedRef = useRef(onCacheChanged)
  useEffect(() => {
    onCacheChangedRef.current = onCacheChanged
  })

  useEffect(
    () =>
      subscribe('sync.progress', (event) => {
        if (event.phase === 'finished') onCacheChangedRef.current()
        if (event.phase === 'started' && !runningRef.current) setCancelling(false)
        setProgress((list) => {
          // A sync this window did not start (the background schedule, or one still running
          // from before a reload or an unlock) starts its own list.
          if (event.phase === 'started' && !runningRef.current && !list.some(active)) return [event]
          const index = list.findIndex((p) => p.accountId === event.accountId)
          if (index === -1) return [...list, event]
          return list.map((p, i) => (i === index ? event : p))
        })
      }),
    []
  )

  const run = useCallback(async (accountId?: string) => {
    if (runningRef.current) return
    runningRef.current = true
    setRunning(true)
    setProgress([])
    setResult(null)
    setCancelError(null)
    try {
      const outcomes = await call('sync.run', accountId ? { accountId } : {})
      setResult({ kind: 'outcomes', outcomes })
    } catch (error) {
      const cancelled = error instanceof IpcError && error.code === 'CANCELLED'
      setResult({ kind: 'error', message: errorMessage(error), cancelled })
    } finally {
      runningRef.current = false
      setRunning(false)
      setCancelling(false)
      onCacheChangedRef.current()
    }
  }, [])

  const cancel = useCallback(async () => {
    setCancelling(true)
    setCancelError(null)
    try {
      await call('sync.cancel', {})
    } catch (error) {
      setCancelError(errorMessage(error))
      setCancelling(false)
    }
  }, [])

  const dismissResult = useCallback(() => setResult(null), [])

  const anyRunning = running || progress.some(active)
  return { running: anyRunning, cancelling: cancelling && anyRunning, progress, result, cancelError, run, cancel, dismissResult }
}

function active(progress: SyncProgress): boolean {
  return progress.phase === 'started' || progress.phase === 'page'
}
