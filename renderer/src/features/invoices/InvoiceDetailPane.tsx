import { useEffect, useRef, type Ref } from 'react'
import { Notice } from '../../components/Notice'
import type { InvoiceSummary } from '../../lib/contract'
import { InvoiceDetailBody } from './InvoiceDetailBody'
import { InvoiceStatusBadge } from './InvoiceStatusBadge'
import { useEscape } from './useEscape'
import { useInvoiceDetail } from './useInvoiceDetail'
import { Button } from '../../components/Button'

type Props = {
  /** The row that was opened: enough to title the pane while the full record loads. */
  invoice: InvoiceSummary
  providerLabel: string
  refreshKey: string
  /** Move focus into the pane (when opened from the keyboard) so reading continues there. */
  focusOnOpen: boolean
  onClose: () => void
  ref?: Ref<HTMLElement>
}

export function InvoiceDetailPane({ invoice, providerLabel, refreshKey, focusOnOpen, onClose, ref }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { detail, error } = useInvoiceDetail(invoice.accountId, invoice.remoteId, refreshKey)
  const shown = detail ?? invoice

  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus()
  }, [focusOnOpen])
  useEscape(onClose)

  return (
    <aside ref={ref} className="detail" aria-label="Invoice details">
      <header className="detail-head">
        <div className="detail-title">
          <p className="eyebrow">Invoice</p>
          <h2 ref={headingRef} tabIndex={-1}>
            {shown.number ?? 'No number'}
          </h2>
          <InvoiceStatusBadge invoice={shown} />
        </div>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </header>
      <div className="detail-scroll">
        {error && <Notice tone="error">{error}</Notice>}
        {!detail && !error && <p className="muted">Loading invoice…</p>}
        {detail && <InvoiceDetailBody detail={detail} providerLabel={providerLabel} />}
      </div>
    </aside>
  )
}
