import { useCallback, useEffect, useState } from 'react'
import type { DuplicateGroup } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

type State = { groups: DuplicateGroup[]; dismissed: number } | null

/** Likely duplicates from main, read again when `refreshKey` changes (a sync, an account change). */
export function useDuplicates(refreshKey: string) {
  const [state, setState] = useState<State>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setState(await call('duplicates.list', {}))
      setError(null)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load, refreshKey])

  const dismiss = useCallback(
    async (key: string) => {
      try {
        await call('duplicates.dismiss', { key })
      } catch (caught) {
        setError(errorMessage(caught))
      }
      await load()
    },
    [load]
  )

  return { state, error, dismiss }
}
