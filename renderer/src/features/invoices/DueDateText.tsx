import { NO_DUE_DATE_FROM_PROVIDER, providerSendsDueDates } from '../../../../preload/contract/due-date-sources'
import { formatCalendarDate } from '../../lib/format'

type Props = {
  invoice: { provider: string; dueDate: string | null; dueDateDerived: boolean }
  /** In the grid: short text with the full reason for assistive technology and on hover. */
  compact?: boolean
}

/**
 * A due date as it should be read: the provider's own, one derived from payment terms (marked
 * so), or none — saying when that is because the provider never sends one, so an invoice that
 * can never be overdue does not pass for one that is not.
 */
export function DueDateText({ invoice, compact = false }: Props) {
  if (invoice.dueDate !== null) {
    const date = formatCalendarDate(invoice.dueDate)
    if (!invoice.dueDateDerived) return <span className="tabular">{date}</span>
    return (
      <span className="tabular" title="Derived from the account’s payment terms">
        {date} <span className="derived-mark">{compact ? 'derived' : '(derived from payment terms)'}</span>
      </span>
    )
  }
  if (providerSendsDueDates(invoice.provider)) return <span>—</span>
  if (!compact) return <span className="muted">None — {NO_DUE_DATE_FROM_PROVIDER}. Set payment terms in Accounts.</span>
  return (
    <span className="muted" title={`No due date: ${NO_DUE_DATE_FROM_PROVIDER}`}>
      <span aria-hidden="true">not sent</span>
      <span className="sr-only">{NO_DUE_DATE_FROM_PROVIDER}</span>
    </span>
  )
}
