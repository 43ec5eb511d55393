import type { InvoiceDetail } from '../../lib/contract'
import { useCall } from '../../lib/useCall'

type DetailState = { detail: InvoiceDetail | null; error: string | null }

/** The full record for one invoice; refetched when the cache may have changed (`refreshKey`). */
export function useInvoiceDetail(accountId: string, remoteId: string, refreshKey: string): DetailState {
  const { state } = useCall('invoices.get', { accountId, remoteId }, refreshKey)
  return { detail: state.status === 'ready' ? state.value : null, error: state.status === 'failed' ? state.message : null }
}
