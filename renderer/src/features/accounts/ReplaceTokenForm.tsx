import { useId, useState, type FormEvent } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { checkSecret } from './validateDraft'
import { Button } from '../../components/Button'

type Props = {
  account: AccountSummary
  onReplaced: () => void
  onCancel: () => void
}

export function ReplaceTokenForm({ account, onReplaced, onCancel }: Props) {
  const id = useId()
  const [secret, setSecret] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function save(event: FormEvent) {
    event.preventDefault()
    if (saving) return
    const problem = checkSecret(secret, 'token')
    if (problem) return setError(problem.message)
    setSaving(true)
    setError(null)
    const submitted = secret
    // Once sent, the token must not stay in the field, whatever main answers.
    setSecret('')
    try {
      await call('accounts.replaceSecret', { accountId: account.id, secret: submitted })
      onReplaced()
    } catch (caught) {
      setError(`${errorMessage(caught)} Paste the token again to retry.`)
      setSaving(false)
    }
  }

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label={`Replace token for ${account.name}`}>
      <div className="field">
        <label htmlFor={`${id}-token`}>Replacement token</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={secret}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setSecret(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        />
      </div>
      <div className="actions">
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? 'Testing…' : 'Test and save'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
      {error && (
        <div id={`${id}-error`} className="inline-form-message">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
    </form>
  )
}
