import { useCallback, useEffect, useState } from 'react'
import type { ExportProgress, ExportResult, InvoiceListing } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call, IpcError, subscribe } from '../../lib/ipc'

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null; cancelling: boolean }
  | { phase: 'done'; result: ExportResult }
  | { phase: 'failed'; message: string }

/** A CSV export written by main (the whole filtered set, streamed), with its progress. */
export function useExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' })

  useEffect(() => subscribe('export.progress', (progress) => setState((s) => (s.phase === 'running' ? { ...s, progress } : s))), [])

  const start = useCallback(async (query: InvoiceListing, level: 'invoice' | 'line', bom: boolean) => {
    setState({ phase: 'running', progress: null, cancelling: false })
    try {
      setState({ phase: 'done', result: await call('invoices.exportCsv', { query, level, bom }) })
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
