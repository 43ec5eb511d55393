import { useEffect } from 'react'

/**
 * Calls `onEscape` for Escape anywhere in the window, except inside form fields, where Escape
 * already means something (clearing a search box, closing a select).
 */
export function useEscape(onEscape: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (event.target instanceof Element && event.target.closest('input, select, textarea')) return
      onEscape()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onEscape])
}
