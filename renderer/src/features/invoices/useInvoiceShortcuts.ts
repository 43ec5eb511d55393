import { useCallback, type RefObject } from 'react'
import type { InvoiceSummary } from '../../lib/contract'
import { navRegion, nextRegion, regionOf } from '../../lib/regions'
import { useShortcuts } from './useShortcuts'

type Options = {
  screenRef: RefObject<HTMLElement | null>
  paneRef: RefObject<HTMLElement | null>
  searchRef: RefObject<HTMLInputElement | null>
  total: number
  activeIndex: number
  setActiveIndex: (index: number) => void
  rowAt: (index: number) => InvoiceSummary | undefined
  /** An invoice is open in the detail pane. */
  detailOpen: boolean
  /** Opens this invoice in the detail pane, focus in the pane. */
  openInvoice: (invoice: InvoiceSummary) => void
  focusRow: () => void
  copy: () => void
  selectAllMatching: () => void
  exportRows: () => void
  showHelp: () => void
}

/**
 * The Invoices screen's keys: the window-wide shortcuts (useShortcuts), F6 through the screen's
 * regions, and the search box's ↓, Esc and Enter (returned, for the search box to call).
 */
export function useInvoiceShortcuts(options: Options) {
  const { screenRef, paneRef, searchRef, total, activeIndex, setActiveIndex, rowAt, detailOpen, openInvoice, focusRow } = options

  /** F6: side navigation → toolbar and filters → the grid → the detail pane (when open) → round again. */
  const cycleRegion = useCallback(
    (backwards: boolean) => {
      const screen = screenRef.current
      const nav = navRegion()
      const pane = paneRef.current
      const regions = [
        ...(nav ? [nav] : []),
        {
          elements: [screen?.querySelector('.invoices-head') ?? null, screen?.querySelector('[role="search"]') ?? null],
          focus: () => searchRef.current?.focus()
        },
        ...(total > 0 ? [{ elements: [screen?.querySelector('.invoices-list') ?? null], focus: focusRow }] : []),
        ...(pane ? [{ elements: [pane], focus: () => pane.querySelector<HTMLElement>('h2[tabindex]')?.focus() }] : [])
      ]
      const to = nextRegion(regions.length, regionOf(regions, document.activeElement), backwards)
      regions[to]?.focus()
    },
    [total, focusRow]
  )

  useShortcuts({
    cycleRegion,
    copy: options.copy,
    selectAllMatching: options.selectAllMatching,
    exportRows: options.exportRows,
    focusSearch: () => {
      searchRef.current?.focus()
      searchRef.current?.select()
    },
    showHelp: options.showHelp,
    step: (by) => {
      if (total === 0) return
      const next = Math.max(0, Math.min(total - 1, activeIndex + by))
      setActiveIndex(next)
      const invoice = rowAt(next)
      // With an invoice open, the pane follows; otherwise focus goes to the row.
      if (detailOpen && invoice) openInvoice(invoice)
      else focusRow()
    }
  })

  /** ↓ and Esc go from the search box to the results; Enter opens the only match. */
  const onSearchKey = useCallback(
    (key: 'ArrowDown' | 'Enter' | 'Escape') => {
      if (total === 0) return false
      if (key === 'Enter') {
        const only = total === 1 ? rowAt(0) : undefined
        if (!only) return false
        setActiveIndex(0)
        openInvoice(only)
        return true
      }
      focusRow()
      return true
    },
    [total, rowAt, focusRow]
  )

  return { onSearchKey }
}
