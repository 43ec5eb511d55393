import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { fromBase64, openPdf } from './pdfjs'

/** What main says about the file, without its bytes (those live in the pdf.js document). */
export type PdfInfo = Omit<MethodOutput<'pdfs.open'>, 'data'>

export type PdfState =
  | { status: 'loading' }
  /** `info` is set when main delivered the file but pdf.js could not read it: the system viewer may. */
  | { status: 'failed'; message: string; info: PdfInfo | null }
  | { status: 'ready'; info: PdfInfo; doc: PDFDocumentProxy }

/** Asks main for the invoice's PDF (downloading or rendering it if needed) and opens it with pdf.js. */
export function usePdfDocument(accountId: string, remoteId: string): PdfState {
  const [state, setState] = useState<PdfState>({ status: 'loading' })

  useEffect(() => {
    let current = true
    let destroy: (() => Promise<void>) | null = null
    setState({ status: 'loading' })
    void (async () => {
      let info: PdfInfo | null = null
      try {
        const { data, ...rest } = await call('pdfs.open', { accountId, remoteId })
        info = rest
        const opened = await openPdf(fromBase64(data))
        destroy = opened.destroy
        if (current) setState({ status: 'ready', info, doc: opened.doc })
        else void opened.destroy()
      } catch (error) {
        if (!current) return
        const message = info ? 'This PDF could not be displayed here. Try opening it in the system viewer.' : errorMessage(error)
        setState({ status: 'failed', message, info })
      }
    })()
    return () => {
      current = false
      void destroy?.()
    }
  }, [accountId, remoteId])

  return state
}
