import { useEffect, useRef, type Ref } from 'react'
import { Notice } from '../../components/Notice'
import type { InvoiceSummary } from '../../lib/contract'
import { InvoiceDetailBody } from './InvoiceDetailBody'
import { InvoiceStatusBadge } from './InvoiceStatusBadge'
import { useEscape } from './useEscape'
import { useInvoiceDetail } from './useInvoiceDetail'
import { Button } from '../../components/Button'
import { useMediaQuery } from '../../lib/useMediaQuery'
import { DETAIL_AS_DRAWER } from './layoutQueries'

type Props = {
  /** The row that was opened: enough to title the pane while the full record loads. */
  invoice: InvoiceSummary
  providerLabel: string
  refreshKey: string
  /**
   * Move focus into the pane (when opened from the keyboard) so reading continues there. A drawer
   * takes focus however it was opened: it covers part of the list, and Esc from inside it closes it.
   */
  focusOnOpen: boolean
  onClose: () => void
  ref?: Ref<HTMLElement>
}

/**
 * One invoice beside the list on wide windows; on narrow ones a non-modal drawer over the list's
 * right side, so the list keeps its columns and j/k still move through it with the drawer following.
 */
export function InvoiceDetailPane({ invoice, providerLabel, refreshKey, focusOnOpen, onClose, ref }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { detail, error } = useInvoiceDetail(invoice.accountId, invoice.remoteId, refreshKey)
  const shown = detail ?? invoice
  const drawer = useMediaQuery(DETAIL_AS_DRAWER)
  const takeFocus = focusOnOpen || drawer

  useEffect(() => {
    if (takeFocus) headingRef.current?.focus()
  }, [takeFocus])
  useEscape(onClose)

  // A section may be a dialog; an aside may not, and the side pane is complementary content.
  const Container = drawer ? 'section' : 'aside'
  return (
    <Container
      ref={ref}
      className={drawer ? 'detail detail-drawer' : 'detail'}
      role={drawer ? 'dialog' : undefined}
      aria-modal={drawer ? false : undefined}
      aria-label="Invoice details"
    >
      <header className="detail-head">
        <div className="detail-title">
          <p className="eyebrow">Invoice</p>
          <h2 ref={headingRef} tabIndex={-1}>
            {shown.number ?? 'No number'}
          </h2>
          <InvoiceStatusBadge invoice={shown} />
        </div>
        <Button variant="quiet" aria-keyshortcuts="Escape" onClick={onClose}>
          Close
        </Button>
      </header>
      <div className="detail-scroll">
        {error && <Notice tone="error">{error}</Notice>}
        {!detail && !error && <p className="muted">Loading invoice…</p>}
        {detail && <InvoiceDetailBody detail={detail} providerLabel={providerLabel} />}
      </div>
    </Container>
  )
}
