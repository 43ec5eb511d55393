import { useEffect, useRef } from 'react'
import { isTypingTarget } from '../../lib/isTypingTarget'

type Handlers = {
  focusSearch: () => void
  showHelp: () => void
  /** j/k pressed outside the grid and outside form fields. */
  step: (by: 1 | -1) => void
  /** Ctrl/Cmd-C with no text selected and outside form fields. */
  copy?: () => void
  /** Ctrl/Cmd-Shift-A outside form fields: every matching invoice, not only the loaded rows. */
  selectAllMatching?: () => void
  /** Ctrl/Cmd-Shift-E outside form fields: the export choices. */
  exportRows?: () => void
  /** F6 (Shift+F6 backwards), from anywhere but a dialog: focus to the next main region. */
  cycleRegion?: (backwards: boolean) => void
}

/**
 * The list's window-wide keys: `/` or Ctrl/Cmd-F to search, `?` for help, Ctrl/Cmd-C to copy rows,
 * Ctrl/Cmd-Shift-A to select all matching, Ctrl/Cmd-Shift-E to export, F6 / Shift+F6 to cycle
 * the regions, j/k to move from anywhere that is not a form field (inside the grid, the grid
 * handles its own keys).
 */
export function useShortcuts(handlers: Handlers): void {
  const latest = useRef(handlers)
  latest.current = handlers

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey) return
      const target = event.target instanceof Element ? event.target : null
      // F6 leaves form fields too (that is its point), but not a modal dialog.
      if (event.key === 'F6' && !event.ctrlKey && !event.metaKey && latest.current.cycleRegion && !target?.closest('dialog')) {
        event.preventDefault()
        latest.current.cycleRegion(event.shiftKey)
        return
      }
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        latest.current.focusSearch()
        return
      }
      const inField = isTypingTarget(target)
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'c' &&
        !inField &&
        !window.getSelection()?.toString() &&
        latest.current.copy
      ) {
        event.preventDefault()
        latest.current.copy()
        return
      }
      // Shift keeps plain Ctrl/Cmd-A for the page's text, as everywhere else.
      if (
        (event.ctrlKey || event.metaKey) &&
        event.shiftKey &&
        event.key.toLowerCase() === 'a' &&
        !inField &&
        latest.current.selectAllMatching
      ) {
        event.preventDefault()
        latest.current.selectAllMatching()
        return
      }
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e' && !inField && latest.current.exportRows) {
        event.preventDefault()
        latest.current.exportRows()
        return
      }
      if (event.ctrlKey || event.metaKey || inField) return
      if (event.key === '/') latest.current.focusSearch()
      else if (event.key === '?') latest.current.showHelp()
      else if ((event.key === 'j' || event.key === 'k') && !target?.closest('[role="grid"]'))
        latest.current.step(event.key === 'j' ? 1 : -1)
      else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
