import { useCallback, useEffect, useState } from 'react'
import type { PaymentTerms } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

export type PaymentTermsState = {
  /** Undefined while loading; null when the account has none. */
  terms: PaymentTerms | null | undefined
  error: string | null
  save: (terms: PaymentTerms | null) => Promise<void>
}

/** One account's payment terms, read from main and saved back (which re-derives its due dates). */
export function usePaymentTerms(accountId: string): PaymentTermsState {
  const [terms, setTerms] = useState<PaymentTerms | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    call('terms.list', {}).then(
      (all) => current && setTerms(all.find((entry) => entry.accountId === accountId)?.terms ?? null),
      (caught) => current && setError(errorMessage(caught))
    )
    return () => {
      current = false
    }
  }, [accountId])
  const save = useCallback(
    async (next: PaymentTerms | null) => {
      const saved = await call('terms.set', { accountId, terms: next })
      setTerms(saved.terms)
      setError(null)
    },
    [accountId]
  )
  return { terms, error, save }
}
