import { useEffect, useRef } from 'react'
import type { SavedViewState } from '../../lib/contract'
import { call } from '../../lib/ipc'
import { useRememberedState } from '../../lib/rememberedState'
import { sameState } from './useSavedViews'

/** A pause after the last change before what is on screen is written down for the next launch. */
const REMEMBER_AFTER_MS = 400

/**
 * At launch (once per window: coming back to the screen keeps what is on it), the Invoices screen
 * shows the default saved view if one is set, else the filter, sort and columns last on screen,
 * which main remembers across restarts. Nothing is applied if the screen was already asked to
 * show something else (a tile's filter) or the person changed it while main was answering.
 */
export function useLaunchView(current: SavedViewState, apply: (state: SavedViewState) => void): void {
  const [restored, setRestored] = useRememberedState('invoices.launchViewRestored', false)
  const latest = useRef(current)
  latest.current = current
  const applyRef = useRef(apply)
  applyRef.current = apply

  useEffect(() => {
    if (restored) return
    const atStart = latest.current
    let live = true
    Promise.all([call('views.launch', {}), call('views.list', {})])
      .then(([launch, views]) => {
        if (!live || !sameState(latest.current, atStart)) return
        const state = views.find((view) => view.id === launch.defaultViewId)?.state ?? launch.last
        if (state && !sameState(state, atStart)) applyRef.current(state)
      })
      .catch(() => undefined)
      .finally(() => live && setRestored(true))
    return () => {
      live = false
    }
  }, [restored])

  // What is on screen but not yet written down; written after a pause, so typing is not one call a key.
  const unsaved = useRef<SavedViewState | null>(null)
  const save = useRef(() => {
    const state = unsaved.current
    unsaved.current = null
    if (state) void call('views.rememberLast', { state }).catch(() => undefined)
  })

  // Only after the launch state is on screen: before, this would overwrite it with the defaults.
  useEffect(() => {
    if (!restored) return
    unsaved.current = current
    const timer = setTimeout(save.current, REMEMBER_AFTER_MS)
    return () => clearTimeout(timer)
  }, [restored, current])

  // Quire closing, reloading or hidden within the pause, or the screen left: written at once.
  useEffect(() => {
    const flush = save.current
    const onHidden = () => document.visibilityState === 'hidden' && flush()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
      flush()
    }
  }, [])
}
