import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountSummary } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call, subscribe } from '../../lib/ipc'

export type AccountsState = {
  accounts: AccountSummary[] | null
  error: string | null
  /**
   * Bumped on every successful reload, so views that depend on accounts know to refetch. Not by
   * the first load: the views shown meanwhile already read the cache as it is, and asking them
   * again would only queue the same queries in main ahead of the next screen's.
   */
  version: number
  reload: () => Promise<void>
}

export function useAccounts(): AccountsState {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const latest = useRef(0)

  const reload = useCallback(async () => {
    // Reloads can overlap (an event and an explicit refresh); only the newest may land.
    const request = ++latest.current
    try {
      const list = await call('accounts.list', {})
      if (request !== latest.current) return
      setAccounts(list)
      setError(null)
      if (request > 1) setVersion((v) => v + 1)
    } catch (caught) {
      if (request === latest.current) setError(errorMessage(caught))
    }
  }, [])

  useEffect(() => {
    void reload()
    return subscribe('accounts.changed', () => void reload())
  }, [reload])

  return { accounts, error, version, reload }
}
