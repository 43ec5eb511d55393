import { useEffect } from 'react'
import { navRegion, nextRegion, regionOf } from './regions'

/**
 * F6 / Shift+F6 on every screen: the side navigation, then the screen itself. A screen with
 * finer regions (Invoices: filters, the list, the invoice) handles the key first and this stays
 * out of its way; a modal dialog keeps focus inside.
 */
export function useRegionCycling(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'F6' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      if (event.target instanceof Element && event.target.closest('dialog')) return
      const main = document.getElementById('main')
      const nav = navRegion()
      const regions = [...(nav ? [nav] : []), ...(main ? [{ elements: [main], focus: () => main.focus() }] : [])]
      const to = nextRegion(regions.length, regionOf(regions, document.activeElement), event.shiftKey)
      if (to < 0) return
      event.preventDefault()
      regions[to]?.focus()
    }
    // On window, after the screens' own document listeners have had their turn.
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
