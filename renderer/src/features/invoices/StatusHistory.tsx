import type { InvoiceChange } from '../../lib/contract'
import { formatInstant } from '../../lib/format'
import { useMoney } from '../../components/HideAmounts'

const FIELD_LABELS: Record<InvoiceChange['field'], string> = {
  status: 'Status',
  paymentStatus: 'Payment status',
  total: 'Total',
  paid: 'Paid',
  removed: 'Removed upstream'
}

/** What changed between syncs, newest first, as Quire saw it (the change log is local). */
export function StatusHistory({ history, currency }: { history: InvoiceChange[]; currency: string }) {
  const formatMoney = useMoney()
  const value = (change: InvoiceChange, text: string | null): string => {
    if (text === null) return '—'
    if (change.field === 'total' || change.field === 'paid') return formatMoney(text, currency)
    if (change.field === 'removed') return text === 'true' ? 'yes' : 'no'
    return text
  }
  return (
    <section className="detail-section">
      <h3>Status history</h3>
      {history.length === 0 ? (
        <p className="muted">No changes seen since Quire first synced this invoice.</p>
      ) : (
        <ol className="history">
          {[...history].reverse().map((change, i) => (
            <li key={`${change.at}-${change.field}-${i}`}>
              <time dateTime={change.at} className="muted">
                {formatInstant(change.at)}
              </time>{' '}
              <span>
                {FIELD_LABELS[change.field]}: {value(change, change.before)} → <strong>{value(change, change.after)}</strong>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
