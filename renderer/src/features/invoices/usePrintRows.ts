import { useCallback, useEffect, useRef, useState } from 'react'
import type { InvoiceListing, InvoiceSummary } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

/**
 * At most this many rows go on paper: one window of the list (the IPC's page limit). The grid is
 * virtualised and holds only the rows on screen, so the printed rows are fetched for printing;
 * the whole set is what Export CSV is for.
 */
export const PRINT_ROWS = 500

export type PrintState = {
  /** The first PRINT_ROWS rows of the listing they were fetched for; null until Print… is asked. */
  rows: InvoiceSummary[] | null
  /** When the page was prepared: printed on it. */
  at: Date | null
  error: string | null
}

/**
 * Print… (and Ctrl/⌘+P, which would otherwise print the screen as it is) fetches the list's first
 * rows, renders them into the print-only table and then opens the print dialog. A listing changed
 * since drops them: a page never prints rows of another filter.
 */
export function usePrintRows(listing: InvoiceListing): { state: PrintState; print: () => void } {
  const [state, setState] = useState<PrintState & { key: string | null; pending: boolean }>({
    rows: null,
    at: null,
    error: null,
    key: null,
    pending: false
  })
  const key = JSON.stringify(listing)
  const current = useRef({ listing, key })
  current.current = { listing, key }

  const print = useCallback(() => {
    const { listing: asked, key: askedKey } = current.current
    call('invoices.list', { ...asked, offset: 0, limit: PRINT_ROWS }).then(
      (page) => setState({ rows: page.items, at: new Date(), error: null, key: askedKey, pending: true }),
      (error: unknown) => setState((s) => ({ ...s, error: errorMessage(error) }))
    )
  }, [])

  // The dialog opens once the rows are on the page (after React has rendered them).
  useEffect(() => {
    if (!state.pending) return
    setState((s) => ({ ...s, pending: false }))
    window.print()
  }, [state.pending])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // An open dialog (the PDF viewer, the shortcuts) is not the list: the key is left to it.
      if (document.querySelector('dialog[open]')) return
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault()
        print()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [print])

  const fresh = state.key === key
  return { state: { rows: fresh ? state.rows : null, at: fresh ? state.at : null, error: state.error }, print }
}
