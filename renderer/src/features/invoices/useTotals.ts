import { useEffect, useState } from 'react'
import type { CurrencyTotal, InvoiceFilter, InvoiceKey } from '../../lib/contract'
import { call } from '../../lib/ipc'

/** After the first rows: main answers in order, so the grid's window is never queued behind a sum. */
const TOTALS_DELAY_MS = 120

type Totals = { totals: CurrencyTotal[] | null; failed: boolean }

/** Exact sums per currency of every invoice the filter matches, summed in main. */
export function useFilterTotals(filter: InvoiceFilter, refreshKey: string, includeVoidAndDraft: boolean): Totals {
  return useDelayedTotals(
    () => call('invoices.getTotals', { ...filter, includeVoidAndDraft }),
    [filter, refreshKey, includeVoidAndDraft],
    true
  )
}

/** The same for the rows the person picked; none picked, nothing asked. */
export function useSelectionTotals(selected: InvoiceKey[], refreshKey: string, includeVoidAndDraft: boolean): Totals {
  return useDelayedTotals(
    () => call('invoices.getSelectionTotals', { invoices: selected, includeVoidAndDraft }),
    [selected, refreshKey, includeVoidAndDraft],
    selected.length > 0
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
