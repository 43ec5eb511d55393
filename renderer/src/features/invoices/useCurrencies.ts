import { useEffect, useState } from 'react'
import { call } from '../../lib/ipc'

/** The currencies in the cache, for the currency filter; refreshed when the cache may have changed. */
export function useCurrencies(refreshKey: string): string[] {
  const [currencies, setCurrencies] = useState<string[]>([])
  useEffect(() => {
    let current = true
    call('invoices.listCurrencies', {}).then(
      (list) => current && setCurrencies(list),
      () => undefined
    )
    return () => {
      current = false
    }
  }, [refreshKey])
  return currencies
}
