import { useEffect, useState } from 'react'
import type { InvoiceDetail } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

type DetailState = { detail: InvoiceDetail | null; error: string | null }

/** The full record for one invoice; refetched when the cache may have changed (`refreshKey`). */
export function useInvoiceDetail(accountId: string, remoteId: string, refreshKey: string): DetailState {
  const [state, setState] = useState<DetailState>({ detail: null, error: null })

  useEffect(() => {
    let current = true
    call('invoices.get', { accountId, remoteId }).then(
      (detail) => current && setState({ detail, error: null }),
      (error: unknown) => current && setState({ detail: null, error: errorMessage(error) })
    )
    return () => {
      current = false
    }
  }, [accountId, remoteId, refreshKey])

  return state
}
