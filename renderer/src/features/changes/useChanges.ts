import { useCallback, useEffect, useState } from 'react'
import type { ChangeItem } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

const PAGE = 200

type ChangesState = { items: ChangeItem[]; total: number | null; error: string | null }

/** The changes feed since an instant, a page at a time; `more` appends the next page. */
export function useChanges(since: string, accountId: string, refreshKey: string) {
  const [state, setState] = useState<ChangesState>({ items: [], total: null, error: null })
  const load = useCallback(
    (offset: number) =>
      call('changes.since', { since, ...(accountId ? { accountId } : {}), offset, limit: PAGE }).then(
        (page) => setState((s) => ({ items: offset === 0 ? page.items : [...s.items, ...page.items], total: page.total, error: null })),
        (error: unknown) => setState((s) => ({ ...s, error: errorMessage(error) }))
      ),
    [since, accountId]
  )
  useEffect(() => {
    setState({ items: [], total: null, error: null })
    void load(0)
  }, [load, refreshKey])
  return { ...state, more: () => void load(state.items.length) }
}
