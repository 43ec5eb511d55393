import { useState } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { plural } from '../../lib/format'
import { call } from '../../lib/ipc'
import { Button } from '../../components/Button'

type Props = {
  account: AccountSummary
  onRemoved: () => void
}

/** A two-step remove: the confirmation lives in the page, so it is reachable and styled like the rest. */
export function RemoveAccount({ account, onRemoved }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function remove() {
    setRemoving(true)
    setError(null)
    try {
      await call('accounts.remove', { accountId: account.id })
      onRemoved()
    } catch (caught) {
      setError(errorMessage(caught))
      setRemoving(false)
    }
  }

  if (!confirming) {
    return (
      <Button variant="danger-quiet" onClick={() => setConfirming(true)}>
        Remove
      </Button>
    )
  }

  return (
    <div className="confirm" role="group" aria-label={`Confirm removing ${account.name}`}>
      <p>
        Remove “{account.name}” from Quire? Its saved token and {plural(account.invoiceCount, 'cached invoice', 'cached invoices')} are
        deleted from this computer.
      </p>
      <div className="actions">
        <Button variant="danger" disabled={removing} onClick={remove}>
          {removing ? 'Removing…' : 'Remove account'}
        </Button>
        <Button disabled={removing} autoFocus onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  )
}
