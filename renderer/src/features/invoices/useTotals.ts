import { useEffect, useState } from 'react'
import type { CurrencyTotal, InvoiceFilter, InvoiceKey } from '../../lib/contract'
import { call } from '../../lib/ipc'

/** After the first rows: main answers in order, so the grid's window is never queued behind a sum. */
const TOTALS_DELAY_MS = 120

type Totals = { totals: CurrencyTotal[] | null; failed: boolean }

/** What the totals count beyond the default rule (main/db/totals-rule.ts). */
export type TotalsSwitches = { includeVoidAndDraft: boolean; includeDuplicatesAndWontClaim: boolean }

/**
 * Exact sums per currency of every invoice the filter matches, summed in main. Void and draft
 * invoices are left out unless `includeVoidAndDraft`; duplicates and won't-claim invoices unless
 * `includeDuplicatesAndWontClaim`.
 */
export function useFilterTotals(
  filter: InvoiceFilter,
  refreshKey: string,
  { includeVoidAndDraft, includeDuplicatesAndWontClaim }: TotalsSwitches
): Totals {
  return useDelayedTotals(
    () => call('invoices.getTotals', { ...filter, includeVoidAndDraft, includeDuplicatesAndWontClaim }),
    [filter, refreshKey, includeVoidAndDraft, includeDuplicatesAndWontClaim],
    true
  )
}

/** How many matching invoices the totals leave out by default; null until known. */
export function useLeftOutOfTotals(filter: InvoiceFilter, refreshKey: string): number | null {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    let current = true
    setCount(null)
    const timer = setTimeout(() => {
      call('invoices.countLeftOutOfTotals', filter).then(
        (result) => current && setCount(result.count),
        () => current && setCount(null)
      )
    }, TOTALS_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [filter, refreshKey])
  return count
}

/**
 * The same for rows picked one by one; none picked, nothing asked. They count every picked
 * invoice, duplicates and won't-claim ones included: the person chose each of them, and a picked
 * row missing from its own sum would look like a mistake (void and draft still follow their
 * switch). "All matching" needs no call of its own: it is the footer's filter totals.
 */
export function useSelectionTotals(keys: InvoiceKey[], refreshKey: string, includeVoidAndDraft: boolean): Totals {
  return useDelayedTotals(
    () => call('invoices.getSelectionTotals', { invoices: keys, includeVoidAndDraft }),
    [keys, refreshKey, includeVoidAndDraft],
    keys.length > 0
  )
}

/** Asks main for totals a moment after `deps` change; a newer question drops an older answer. */
function useDelayedTotals(load: () => Promise<CurrencyTotal[]>, deps: unknown[], wanted: boolean): Totals {
  const [state, setState] = useState<Totals>({ totals: null, failed: false })
  useEffect(() => {
    setState({ totals: null, failed: false })
    if (!wanted) return
    let current = true
    const timer = setTimeout(() => {
      load().then(
        (totals) => current && setState({ totals, failed: false }),
        () => current && setState({ totals: null, failed: true })
      )
    }, TOTALS_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // `load` is a fresh closure every render; `deps` are what it reads.
  }, [...deps, wanted])
  return state
}
