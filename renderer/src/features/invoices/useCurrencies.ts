import { useCall } from '../../lib/useCall'

/** The currencies in the cache, for the currency filter; refreshed when the cache may have changed. */
export function useCurrencies(refreshKey: string): string[] {
  const { state } = useCall('invoices.listCurrencies', {}, refreshKey)
  return state.status === 'ready' ? state.value : []
}
