import { Badge, type BadgeTone } from '../../components/Badge'
import type { InvoiceFlag } from '../../lib/contract'

/** How each provider flag reads: short enough for a grid cell, plain enough for a plan manager. */
export const FLAG_LABELS: Record<InvoiceFlag, { label: string; tone: BadgeTone; title: string }> = {
  duplicate: {
    label: 'Duplicate',
    tone: 'warning',
    title: 'Marked as a duplicate of another invoice: left out of totals unless you count it'
  },
  wontClaim: {
    label: 'Won’t claim',
    tone: 'neutral',
    title: 'The plan manager will not claim this invoice: left out of totals unless you count it'
  },
  errors: { label: 'Errors', tone: 'danger', title: 'The provider found errors in this invoice' }
}

export function InvoiceFlagBadges({ flags }: { flags: readonly InvoiceFlag[] }) {
  return (
    <>
      {flags.map((flag) => (
        <span key={flag} title={FLAG_LABELS[flag].title}>
          <Badge tone={FLAG_LABELS[flag].tone}>{FLAG_LABELS[flag].label}</Badge>
        </span>
      ))}
    </>
  )
}
