import { useCallback, useEffect, useState } from 'react'
import type { SavedView, SavedViewState } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

/** The saved views, and which one is the default, kept in main's cache so they survive restarts. */
export function useSavedViews() {
  const [views, setViews] = useState<SavedView[]>([])
  const [defaultId, setDefaultId] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(() => {
    Promise.all([call('views.list', {}), call('views.launch', {})]).then(
      ([list, launch]) => {
        setViews(list)
        setDefaultId(launch.defaultViewId)
        setError(null)
      },
      (e: unknown) => setError(errorMessage(e))
    )
  }, [])
  useEffect(reload, [reload])

  const save = useCallback(
    async (name: string, state: SavedViewState): Promise<SavedView> => {
      const saved = await call('views.save', { name, state })
      reload()
      return saved
    },
    [reload]
  )
  const remove = useCallback(
    async (id: number) => {
      await call('views.remove', { id })
      reload()
    },
    [reload]
  )
  /** The view the Invoices screen opens with at launch; null for none (then the last state on screen). */
  const setDefault = useCallback(async (id: number | null) => {
    const { defaultViewId } = await call('views.setDefault', { id })
    setDefaultId(defaultViewId)
  }, [])
  return { views, defaultId, error, save, remove, setDefault }
}

/** Key-order-independent identity of a view's state: does what is on screen match a saved view? */
export function sameState(a: SavedViewState, b: SavedViewState): boolean {
  return stable(a) === stable(b)
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
