import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import { LoadFailure } from '../../components/LoadFailure'
import type { InvoiceDetail } from '../../lib/contract'
import { Button } from '../../components/Button'
import { isTypingTarget } from '../../lib/isTypingTarget'

/** The viewer and pdf.js load the first time a PDF is opened, not with the app. */
const PdfViewer = lazy(() => import('./PdfViewer'))

type Props = { detail: InvoiceDetail; providerLabel: string; onViewerChange: (open: boolean) => void }

/** The invoice's document, in the detail pane: what it will be, and the button that opens it. */
export function PdfSection({ detail, providerLabel, onViewerChange }: Props) {
  const headingId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)
  const wasOpen = useRef(false)

  useEffect(() => {
    // Back to the button once the dialog is gone, so keyboard reading continues where it was.
    if (!open && wasOpen.current) buttonRef.current?.focus()
    wasOpen.current = open
    onViewerChange(open)
  }, [open, onViewerChange])

  // `p` opens the open invoice's PDF from anywhere but a field or a dialog: the auditor's most
  // frequent step after finding the invoice, without the Tabs down the detail pane.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'p') return
      if (isTypingTarget(event.target instanceof Element ? event.target : null)) return
      event.preventDefault()
      setOpen(true)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <section className="detail-section pdf-section" aria-labelledby={headingId}>
      <h3 id={headingId}>PDF</h3>
      <p className="muted">
        {detail.hasPdf
          ? `${providerLabel}’s own PDF: downloaded the first time it is opened, then kept for offline use.`
          : `${providerLabel} has no PDF for this invoice; Quire renders a printable one from the synced data.`}
      </p>
      <Button ref={buttonRef} aria-keyshortcuts="P" onClick={() => setOpen(true)}>
        Open PDF
      </Button>
      {open && (
        <LoadFailure what="PDF viewer">
          <Suspense
            fallback={
              <p className="muted" role="status">
                Opening the viewer…
              </p>
            }
          >
            <PdfViewer
              accountId={detail.accountId}
              remoteId={detail.remoteId}
              title={`Invoice ${detail.number ?? detail.remoteId}`}
              onClose={() => setOpen(false)}
            />
          </Suspense>
        </LoadFailure>
      )}
    </section>
  )
}
