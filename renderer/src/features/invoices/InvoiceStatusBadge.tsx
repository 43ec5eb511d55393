import { Badge } from '../../components/Badge'
import type { InvoiceStatus } from '../../lib/contract'
import { todayIsoDate } from '../../lib/format'
import { displayStatus } from './invoiceStatus'

type Props = { invoice: { status: InvoiceStatus; dueDate: string | null; removed: boolean } }

export function InvoiceStatusBadge({ invoice }: Props) {
  const { label, tone } = displayStatus(invoice, todayIsoDate())
  return (
    <span className="badges">
      <Badge tone={tone}>{label}</Badge>
      {invoice.removed && <Badge tone="warning">Removed</Badge>}
    </span>
  )
}
