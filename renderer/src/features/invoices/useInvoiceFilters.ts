import { useCallback, useEffect, useMemo, useState } from 'react'
import type { InvoiceStatus, MethodInput } from '../../lib/contract'

export const PAGE_SIZE = 100
const SEARCH_DEBOUNCE_MS = 200

export type InvoiceFilterValues = {
  search: string
  status: InvoiceStatus | ''
  accountId: string
  includeRemoved: boolean
  offset: number
}

const INITIAL: InvoiceFilterValues = { search: '', status: '', accountId: '', includeRemoved: false, offset: 0 }

/**
 * Filter state for the list. The search box updates at once, the query only after a pause in
 * typing; any change of filter goes back to the first page.
 */
export function useInvoiceFilters() {
  const [values, setValues] = useState(INITIAL)
  const [searchText, setSearchText] = useState('')

  useEffect(() => {
    const search = searchText.trim()
    const timer = setTimeout(
      () => setValues((v) => (v.search === search ? v : { ...v, search, offset: 0 })),
      SEARCH_DEBOUNCE_MS
    )
    return () => clearTimeout(timer)
  }, [searchText])

  const update = useCallback(
    (patch: Partial<Pick<InvoiceFilterValues, 'status' | 'accountId' | 'includeRemoved'>>) =>
      setValues((v) => ({ ...v, ...patch, offset: 0 })),
    []
  )
  const setOffset = useCallback((offset: number) => setValues((v) => ({ ...v, offset })), [])
  const clear = useCallback(() => {
    setSearchText('')
    setValues(INITIAL)
  }, [])

  const { search, status, accountId, includeRemoved, offset } = values
  const query = useMemo<MethodInput<'invoices.list'>>(
    () => ({
      includeRemoved,
      offset,
      limit: PAGE_SIZE,
      ...(search ? { search } : {}),
      ...(status ? { status } : {}),
      ...(accountId ? { accountId } : {})
    }),
    [search, status, accountId, includeRemoved, offset]
  )

  /** Whether anything narrows the list (showing removed ones only widens it). */
  const narrowed = Boolean(search || status || accountId)

  return { values, searchText, setSearchText, update, setOffset, clear, query, narrowed }
}
