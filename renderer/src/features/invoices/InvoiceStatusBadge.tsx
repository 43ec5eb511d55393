import { Badge } from '../../components/Badge'
import type { InvoiceFlag, InvoiceStatus } from '../../lib/contract'
import { todayIsoDate } from '../../lib/format'
import { InvoiceFlagBadges } from './InvoiceFlagBadges'
import { displayStatus } from './invoiceStatus'

type Props = { invoice: { status: InvoiceStatus; dueDate: string | null; removed: boolean; flags: readonly InvoiceFlag[] } }

export function InvoiceStatusBadge({ invoice }: Props) {
  const { label, tone } = displayStatus(invoice, todayIsoDate())
  return (
    <span className="badges">
      <Badge tone={tone}>{label}</Badge>
      {invoice.removed && <Badge tone="warning">Removed</Badge>}
      <InvoiceFlagBadges flags={invoice.flags} />
    </span>
  )
}
