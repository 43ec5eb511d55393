import { useCallback, useEffect, useState } from 'react'
import type { ExportProgress, InvoiceListing, PdfBundleResult } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call, IpcError, subscribe } from '../../lib/ipc'

export type PdfBundleState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null; cancelling: boolean }
  | { phase: 'done'; result: PdfBundleResult }
  | { phase: 'failed'; message: string }

/** The auditor bundle written by main (a PDF per invoice of the filtered set, in a ZIP), with its progress. */
export function usePdfBundle() {
  const [state, setState] = useState<PdfBundleState>({ phase: 'idle' })

  // Main runs one export at a time, so progress events while this one runs are this one's.
  useEffect(() => subscribe('export.progress', (progress) => setState((s) => (s.phase === 'running' ? { ...s, progress } : s))), [])

  const start = useCallback(async (query: InvoiceListing) => {
    setState({ phase: 'running', progress: null, cancelling: false })
    try {
      setState({ phase: 'done', result: await call('invoices.exportPdfZip', { query }) })
    } catch (error) {
      setState(
        error instanceof IpcError && error.code === 'CANCELLED' ? { phase: 'idle' } : { phase: 'failed', message: errorMessage(error) }
      )
    }
  }, [])
  const cancel = useCallback(() => {
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s))
    void call('invoices.cancelExport', {})
  }, [])
  const dismiss = useCallback(() => setState({ phase: 'idle' }), [])

  return { state, start, cancel, dismiss }
}
