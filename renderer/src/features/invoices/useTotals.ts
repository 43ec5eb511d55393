import { useEffect, useState } from 'react'
import type { CurrencyTotal, InvoiceFilter, InvoiceKey } from '../../lib/contract'
import { call } from '../../lib/ipc'

/** After the first rows: main answers in order, so the grid's window is never queued behind a sum. */
const TOTALS_DELAY_MS = 120

type Totals = { totals: CurrencyTotal[] | null; failed: boolean }

/** Exact sums per currency of every invoice the filter matches, summed in main. */
export function useFilterTotals(filter: InvoiceFilter, refreshKey: string): Totals {
  const [state, setState] = useState<Totals>({ totals: null, failed: false })
  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, totals: null }))
    const timer = setTimeout(() => {
      call('invoices.getTotals', filter).then(
        (totals) => current && setState({ totals, failed: false }),
        () => current && setState({ totals: null, failed: true })
      )
    }, TOTALS_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [filter, refreshKey])
  return state
}

/** The same for the rows the person picked; none picked, nothing asked. */
export function useSelectionTotals(selected: InvoiceKey[], refreshKey: string): Totals {
  const [state, setState] = useState<Totals>({ totals: null, failed: false })
  useEffect(() => {
    if (selected.length === 0) {
      setState({ totals: null, failed: false })
      return
    }
    let current = true
    const timer = setTimeout(() => {
      call('invoices.getSelectionTotals', { invoices: selected }).then(
        (totals) => current && setState({ totals, failed: false }),
        () => current && setState({ totals: null, failed: true })
      )
    }, TOTALS_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [selected, refreshKey])
  return state
}
