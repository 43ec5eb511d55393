import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { formatMoney, formatMoneyHidden } from '../lib/format'
import { call } from '../lib/ipc'

type HideAmounts = { hidden: boolean; toggle: () => void }

const HideAmountsContext = createContext<HideAmounts>({ hidden: false, toggle: () => undefined })

/**
 * Privacy mode for screen sharing. The choice is kept in main's settings, so it survives a
 * restart in the middle of a call; until it is known, amounts stay hidden rather than flash.
 */
export function HideAmountsProvider({ children }: { children: ReactNode }) {
  const [hidden, setHidden] = useState<boolean | null>(null)

  useEffect(() => {
    let current = true
    call('settings.get', {}).then(
      (settings) => current && setHidden(settings.hideAmounts),
      () => current && setHidden(false)
    )
    return () => {
      current = false
    }
  }, [])

  // Saves go one after another: two quick toggles (show, then hide again as a screen share
  // starts) sent at once can reach main in either order, and the last one saved must be the last
  // one chosen.
  const saved = useRef<Promise<unknown>>(Promise.resolve())
  const toggle = useCallback(() => {
    const next = hidden === false
    setHidden(next)
    // Shown at once; saved behind it. A failed save only means the choice is not remembered.
    saved.current = saved.current.then(() => call('settings.update', { hideAmounts: next }).catch(() => undefined))
  }, [hidden])

  const value = useMemo(() => ({ hidden: hidden !== false, toggle }), [hidden, toggle])
  return <HideAmountsContext.Provider value={value}>{children}</HideAmountsContext.Provider>
}

export function useHideAmounts(): HideAmounts {
  return useContext(HideAmountsContext)
}

/** formatMoney, masked while amounts are hidden. */
export function useMoney(): (amount: string, currency: string) => string {
  const { hidden } = useHideAmounts()
  return useCallback((amount: string, currency: string) => (hidden ? formatMoneyHidden(currency) : formatMoney(amount, currency)), [hidden])
}

export function Money({ amount, currency }: { amount: string; currency: string }) {
  return <>{useMoney()(amount, currency)}</>
}
