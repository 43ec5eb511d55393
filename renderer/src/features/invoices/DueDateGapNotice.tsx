import { useEffect, useState } from 'react'
import type { InvoiceFilter } from '../../lib/contract'
import { plural } from '../../lib/format'
import { call } from '../../lib/ipc'
import { Button } from '../../components/Button'

type Props = {
  filter: InvoiceFilter
  refreshKey: string
  onSetTerms: () => void
}

/**
 * While "Overdue" is on: how many open invoices it cannot judge because they have no due date
 * (their provider sends none and their account has no payment terms), and where to fix that.
 */
export function DueDateGapNotice({ filter, refreshKey, onSetTerms }: Props) {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    let current = true
    call('invoices.countOpenWithoutDueDate', filter).then(
      (result) => current && setCount(result.count),
      () => current && setCount(null)
    )
    return () => {
      current = false
    }
  }, [filter, refreshKey])
  if (!count) return null
  return (
    <div role="status" className="notice notice-info due-gap-notice">
      <div className="notice-body">
        Overdue leaves out {plural(count, 'open invoice', 'open invoices')} with no due date: CareSquare, Yeti-Switch and Lynkwell send
        none.{' '}
        <Button variant="link" onClick={onSetTerms}>
          Set payment terms
        </Button>{' '}
        to derive them.
      </div>
    </div>
  )
}
