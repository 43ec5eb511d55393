import type { BadgeTone } from '../../components/Badge'
import { isOverdue } from '../../../../preload/contract/overdue'
import type { InvoiceStatus } from '../../lib/contract'

const STATUS: Record<InvoiceStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  open: { label: 'Open', tone: 'info' },
  paid: { label: 'Paid', tone: 'success' },
  void: { label: 'Void', tone: 'neutral' },
  unknown: { label: 'Unknown', tone: 'neutral' }
}

/** "Overdue" is derived, not stored: it depends on today, which the cache cannot know. */
export function displayStatus(
  invoice: { status: InvoiceStatus; dueDate: string | null },
  today: string
): { label: string; tone: BadgeTone } {
  if (isOverdue(invoice, today)) {
    return { label: 'Overdue', tone: 'danger' }
  }
  return STATUS[invoice.status]
}
