import { useEffect, useRef } from 'react'
import { HEARTBEAT_SECONDS } from '../../../../preload/contract/activity-timing'
import type { ViewSurface } from '../../../../preload/contract'
import { call } from '../../lib/ipc'
import { lastInputAt } from './lastInput'

function viewerState() {
  const input = lastInputAt()
  return {
    focused: document.hasFocus(),
    visible: document.visibilityState === 'visible',
    lastInputAt: input === null ? null : new Date(input).toISOString()
  }
}

/**
 * Records a local view session while the calling component is mounted: a heartbeat every few
 * seconds and at once whenever focus or visibility changes (main counts each interval in the
 * state reported at its start), ended on unmount and when the page goes away. Main does the
 * arithmetic and turns a session whose heartbeats stop into one that ended at the last of them,
 * so a lost `end` costs nothing. Recording never gets in the way of reading: failures are dropped.
 * `onChange` runs when a session begins or ends, so a timeline can show it. While `paused` (the
 * invoice is being read on another surface, which records its own session), none runs.
 */
export function useViewSessionRecorder(
  accountId: string,
  remoteId: string,
  surface: ViewSurface,
  onChange?: () => void,
  paused = false
): void {
  const changed = useRef(onChange)
  changed.current = onChange

  useEffect(() => {
    if (paused) return
    let sessionId: string | null = null
    let stopped = false
    // One call at a time, in order: a heartbeat never overtakes the begin it belongs to.
    let queue: Promise<unknown> = Promise.resolve()
    const enqueue = (step: () => Promise<unknown>): void => {
      queue = queue.then(step).catch(() => undefined)
    }

    const begin = async (): Promise<void> => {
      const { sessionId: id } = await call('activity.begin', { accountId, remoteId, surface, state: viewerState() })
      if (id === null) return
      sessionId = id
      changed.current?.()
    }
    const beat = async (): Promise<void> => {
      if (stopped) return
      // None running (recording was off, or the last one went stale): start one while in view.
      if (sessionId === null) {
        if (document.visibilityState === 'visible') await begin()
        return
      }
      const { open } = await call('activity.heartbeat', { sessionId, state: viewerState() })
      if (!open) {
        sessionId = null
        changed.current?.()
      }
    }
    const end = async (): Promise<void> => {
      if (sessionId === null) return
      const id = sessionId
      sessionId = null
      await call('activity.end', { sessionId: id })
    }

    enqueue(begin)
    const timer = window.setInterval(() => enqueue(beat), HEARTBEAT_SECONDS * 1000)
    const onStateChange = (): void => enqueue(beat)
    // The page is going away (window closed, reload): end now rather than wait to go stale.
    const onPageHide = (): void => void end()
    window.addEventListener('focus', onStateChange)
    window.addEventListener('blur', onStateChange)
    document.addEventListener('visibilitychange', onStateChange)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      stopped = true
      window.clearInterval(timer)
      window.removeEventListener('focus', onStateChange)
      window.removeEventListener('blur', onStateChange)
      document.removeEventListener('visibilitychange', onStateChange)
      window.removeEventListener('pagehide', onPageHide)
      enqueue(end)
    }
  }, [accountId, remoteId, surface, paused])
}
