import { useCallback, useEffect, useState } from 'react'
import type { InvoicePage, MethodInput } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

/** A page with the offset it was fetched at, which may lag the offset the pager last asked for. */
type LoadedPage = InvoicePage & { offset: number }

type PageState = { page: LoadedPage | null; loading: boolean; error: string | null }

/**
 * The current window of invoices. Each new query supersedes the one before: a slow earlier
 * answer is dropped rather than painted over a newer one.
 */
export function useInvoicePage(query: MethodInput<'invoices.list'>, refreshKey: string) {
  const [state, setState] = useState<PageState>({ page: null, loading: true, error: null })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true }))
    call('invoices.list', query).then(
      (page) => current && setState({ page: { ...page, offset: query.offset ?? 0 }, loading: false, error: null }),
      (error: unknown) => current && setState((s) => ({ ...s, loading: false, error: errorMessage(error) }))
    )
    return () => {
      current = false
    }
  }, [query, refreshKey, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  return { ...state, retry }
}
