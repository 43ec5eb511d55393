import { useState } from 'react'
import { Fact, Facts } from '../../components/Facts'
import { Notice } from '../../components/Notice'
import type { InvoiceDetail } from '../../lib/contract'
import { formatCalendarDate, formatDateOrInstant, formatInstant, formatLocalDate } from '../../lib/format'
import { InvoiceActivitySection } from '../activity/InvoiceActivitySection'
import { PdfCheckNotice } from '../documents/PdfCheckNotice'
import { PdfSection } from '../pdf/PdfSection'
import { useHideAmounts, useMoney } from '../../components/HideAmounts'
import { DueDateText } from './DueDateText'
import { inWords } from './inWords'
import { LineItemsTable } from './LineItemsTable'
import { StatusHistory } from './StatusHistory'

type Props = { detail: InvoiceDetail; providerLabel: string }

export function InvoiceDetailBody({ detail, providerLabel }: Props) {
  const formatMoney = useMoney()
  const { hidden } = useHideAmounts()
  const [pdfOpen, setPdfOpen] = useState(false)
  const money = (amount: string | null) => (amount === null ? '—' : formatMoney(amount, detail.currency))
  const date = (value: string | null) => (value === null ? '—' : formatCalendarDate(value))
  const stamp = (value: string | null) => (value === null ? '—' : formatDateOrInstant(value))
  const hasPeriod = detail.periodStart !== null || detail.periodEnd !== null

  return (
    <>
      {detail.removed && <Notice tone="info">{providerLabel} no longer lists this invoice. Quire keeps the last copy it saw.</Notice>}

      <PdfCheckNotice detail={detail} providerLabel={providerLabel} />

      <Facts className="detail-facts">
        <Fact label="Counterparty">{detail.counterparty ?? '—'}</Fact>
        <Fact label="Account">
          {detail.account} <span className="muted">· {providerLabel}</span>
        </Fact>
        <Fact label="Issue date">{date(detail.issueDate)}</Fact>
        <Fact label="Due date">
          <DueDateText invoice={detail} />
        </Fact>
        {/* Instants from the provider (Hoursmith only): the local day, the exact time on hover. */}
        {detail.sentAt !== null && (
          <Fact label="Sent on">
            <span title={formatInstant(detail.sentAt, true)}>{formatLocalDate(detail.sentAt)}</span>
          </Fact>
        )}
        {detail.paidAt !== null && (
          <Fact label="Paid on">
            <span title={formatInstant(detail.paidAt, true)}>{formatLocalDate(detail.paidAt)}</span>
          </Fact>
        )}
        {hasPeriod && (
          <Fact label="Period">
            {stamp(detail.periodStart)} – {stamp(detail.periodEnd)}
          </Fact>
        )}
        {detail.paymentStatus !== null && <Fact label="Payment status">{inWords(detail.paymentStatus)}</Fact>}
      </Facts>

      <PdfSection detail={detail} providerLabel={providerLabel} onViewerChange={setPdfOpen} />

      <section className="detail-section">
        <h3>Amounts</h3>
        <Facts className="amounts">
          <Fact label="Subtotal">{money(detail.subtotal)}</Fact>
          {/* Shown as taken off, so the column reads subtotal − discount + tax = total. */}
          {detail.discount !== null && <Fact label="Discount">−{money(detail.discount)}</Fact>}
          <Fact label="Tax">{money(detail.tax)}</Fact>
          <Fact label="Total" className="amount-total">
            {money(detail.total)}
          </Fact>
          <Fact label="Paid">{money(detail.paid)}</Fact>
        </Facts>
      </section>

      <section className="detail-section">
        <h3>Line items</h3>
        {detail.lineItems.length > 0 ? (
          <LineItemsTable items={detail.lineItems} currency={detail.currency} />
        ) : (
          <p className="muted">This provider sends no line items.</p>
        )}
      </section>

      {detail.notes && (
        <section className="detail-section">
          <h3>Notes</h3>
          {/* Notes often carry amounts ("part-paid 500 on 3 May"): hidden with them. */}
          {hidden ? <p className="muted">Hidden while amounts are hidden.</p> : <p className="notes">{detail.notes}</p>}
        </section>
      )}

      <StatusHistory history={detail.history} currency={detail.currency} />

      <section className="detail-section">
        <h3>Provenance</h3>
        <Facts>
          <Fact label="Remote ID">
            <span className="mono break">{detail.remoteId}</span>
          </Fact>
          <Fact label="Provider status">{detail.rawStatus ?? '—'}</Fact>
          <Fact label="Created at provider">{stamp(detail.remoteCreatedAt)}</Fact>
          <Fact label="Updated at provider">{stamp(detail.remoteUpdatedAt)}</Fact>
          <Fact label="Synced">{formatInstant(detail.syncedAt)}</Fact>
          <Fact label="PDF">{detail.hasPdf ? 'Available from the provider' : 'None'}</Fact>
        </Facts>
      </section>

      <InvoiceActivitySection detail={detail} providerLabel={providerLabel} recordingPaused={pdfOpen} />

      <details className="raw">
        <summary>Raw provider data</summary>
        {/* The provider's own fields hold amounts under names Quire cannot know: all of it is hidden. */}
        {hidden ? <p className="muted">Hidden while amounts are hidden.</p> : <pre>{detail.rawJson}</pre>}
      </details>
    </>
  )
}
