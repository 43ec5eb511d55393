import { useId, useRef, useState, type FormEvent } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary, ProviderId, ProviderInfo } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { checkBaseUrl, checkName, checkSecret, type DraftField, type DraftProblem } from './validateDraft'

type Props = {
  providers: ProviderInfo[]
  onAdded: (account: AccountSummary) => void
  autoFocus: boolean
}

type Feedback = { tone: 'error' | 'success'; text: string; field?: DraftField }

export function AddAccountForm({ providers, onAdded, autoFocus }: Props) {
  const ids = useId()
  const [providerId, setProviderId] = useState<ProviderId | undefined>(providers[0]?.id)
  const [name, setName] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [secret, setSecret] = useState('')
  const [pending, setPending] = useState<'test' | 'add' | null>(null)
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const fields = {
    name: useRef<HTMLInputElement>(null),
    baseUrl: useRef<HTMLInputElement>(null),
    secret: useRef<HTMLInputElement>(null)
  }

  const provider = providers.find((p) => p.id === providerId)
  const feedbackId = `${ids}-feedback`

  function reject(problem: DraftProblem) {
    setFeedback({ tone: 'error', text: problem.message, field: problem.field })
    fields[problem.field].current?.focus()
  }

  function connectionInput(providerId: ProviderId) {
    const trimmedUrl = baseUrl.trim()
    return { provider: providerId, secret, ...(trimmedUrl ? { baseUrl: trimmedUrl } : {}) }
  }

  async function testConnection() {
    if (!provider) return
    const problem = checkBaseUrl(baseUrl, provider.defaultBaseUrl) ?? checkSecret(secret)
    if (problem) return reject(problem)
    setPending('test')
    setFeedback(null)
    try {
      const { detail } = await call('accounts.testConnection', connectionInput(provider.id))
      setFeedback({ tone: 'success', text: detail })
    } catch (error) {
      setFeedback({ tone: 'error', text: errorMessage(error) })
    } finally {
      setPending(null)
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault()
    if (!provider || pending) return
    const problem = checkName(name) ?? checkBaseUrl(baseUrl, provider.defaultBaseUrl) ?? checkSecret(secret)
    if (problem) return reject(problem)
    setPending('add')
    setFeedback(null)
    const input = { ...connectionInput(provider.id), name: name.trim() }
    // The token has now left this window; it must not linger in the field either way.
    setSecret('')
    try {
      const account = await call('accounts.add', input)
      setName('')
      setBaseUrl('')
      setFeedback({ tone: 'success', text: `Added “${account.name}”. Choose Sync now to fetch its invoices.` })
      onAdded(account)
    } catch (error) {
      setFeedback({ tone: 'error', text: `${errorMessage(error)} Paste the token again to retry.` })
    } finally {
      setPending(null)
    }
  }

  const invalid = (field: DraftField) => feedback?.tone === 'error' && feedback.field === field

  function fieldProps(field: DraftField, hintId?: string) {
    return {
      ref: fields[field],
      'aria-invalid': invalid(field) || undefined,
      'aria-describedby': invalid(field) ? feedbackId : hintId
    }
  }

  return (
    <form className="card add-account" aria-labelledby={`${ids}-title`} onSubmit={add} noValidate>
      <h2 id={`${ids}-title`}>Add an account</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-provider`}>Provider</label>
          <select
            id={`${ids}-provider`}
            value={providerId ?? ''}
            onChange={(e) => setProviderId(providers.find((p) => p.id === e.target.value)?.id)}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Account name</label>
          <input
            id={`${ids}-name`}
            {...fieldProps('name')}
            value={name}
            maxLength={64}
            autoComplete="off"
            autoFocus={autoFocus}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${ids}-url`}>Base URL</label>
          <input
            id={`${ids}-url`}
            {...fieldProps('baseUrl', `${ids}-url-hint`)}
            type="url"
            inputMode="url"
            value={baseUrl}
            placeholder={provider?.defaultBaseUrl}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          <p id={`${ids}-url-hint`} className="hint">
            Leave empty to use the default.
          </p>
        </div>
        <div className="field field-wide">
          <label htmlFor={`${ids}-token`}>API token</label>
          <input
            id={`${ids}-token`}
            {...fieldProps('secret', `${ids}-token-hint`)}
            type="password"
            value={secret}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setSecret(e.target.value)}
          />
          <p id={`${ids}-token-hint`} className="hint">
            Kept in your system keychain. Quire never shows it again.
          </p>
        </div>
      </div>
      {feedback && (
        <div id={feedbackId}>
          <Notice tone={feedback.tone}>{feedback.text}</Notice>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={!provider || pending !== null} onClick={testConnection}>
          {pending === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button button-primary" disabled={!provider || pending !== null}>
          {pending === 'add' ? 'Adding…' : 'Add account'}
        </button>
      </div>
    </form>
  )
}
