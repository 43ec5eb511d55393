import { useCallback, useEffect, useState } from 'react'
import type { ExportProgress, ExportResult, MethodInput } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call, IpcError, subscribe } from '../../lib/ipc'

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null; cancelling: boolean }
  /** `openError`: why the last Open or Show in folder did not work. */
  | { phase: 'done'; result: ExportResult; openError: string | null }
  | { phase: 'failed'; message: string }

/** A CSV export written by main (the whole filtered set or the picked rows, streamed), with its progress. */
export function useExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' })

  useEffect(() => subscribe('export.progress', (progress) => setState((s) => (s.phase === 'running' ? { ...s, progress } : s))), [])

  const start = useCallback(async (request: MethodInput<'invoices.exportCsv'>) => {
    setState({ phase: 'running', progress: null, cancelling: false })
    try {
      setState({ phase: 'done', result: await call('invoices.exportCsv', request), openError: null })
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
  /** The file, or its folder, by the id main gave it: main alone knows the path it opens. */
  const open = useCallback(async (id: number, folder: boolean) => {
    const openError = await call('invoices.openExport', { id, folder }).then(
      () => null,
      (error: unknown) => errorMessage(error)
    )
    setState((s) => (s.phase === 'done' && s.result.id === id ? { ...s, openError } : s))
  }, [])

  return { state, start, cancel, dismiss, open }
}
