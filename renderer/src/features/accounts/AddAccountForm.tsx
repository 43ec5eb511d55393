import { useId, useRef, useState, type FormEvent } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary, ProviderId, ProviderInfo } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { inSentence } from '../../lib/format'
import { call } from '../../lib/ipc'
import { ProviderOptionFields, type FieldProps } from './ProviderOptionFields'
import { toProviderOptions, type OptionText } from './providerOptions'
import { Button } from '../../components/Button'
import {
  checkBaseUrl,
  checkName,
  checkOptions,
  checkSecret,
  SELF_HOSTED_EXAMPLE,
  type DraftField,
  type DraftProblem
} from './validateDraft'

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
  const [optionText, setOptionText] = useState<OptionText>({})
  const [secret, setSecret] = useState('')
  const [allowInsecure, setAllowInsecure] = useState(false)
  const [pending, setPending] = useState<'test' | 'add' | null>(null)
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const inputs = useRef<Partial<Record<DraftField, HTMLInputElement | HTMLTextAreaElement | null>>>({})

  const provider = providers.find((p) => p.id === providerId)
  const selfHosted = provider?.defaultBaseUrl === null
  // Only a self-hosted Yeti-Switch on the organisation's own network may use http; main checks the address.
  const mayAllowInsecure = provider?.id === 'yeti'
  const secretLabel = provider?.secretLabel ?? 'Token'
  const feedbackId = `${ids}-feedback`

  function chooseProvider(id: string) {
    setProviderId(providers.find((p) => p.id === id)?.id)
    // Settings and the secret belong to one provider; carried over, they would be sent to another.
    setBaseUrl('')
    setOptionText({})
    setSecret('')
    setAllowInsecure(false)
    setFeedback(null)
  }

  function reject(problem: DraftProblem) {
    setFeedback({ tone: 'error', text: problem.message, field: problem.field })
    inputs.current[problem.field]?.focus()
  }

  function checkConnection(provider: ProviderInfo): DraftProblem | null {
    return checkBaseUrl(baseUrl, provider) ?? checkOptions(provider, optionText) ?? checkSecret(secret, provider.secretLabel)
  }

  function connectionInput(provider: ProviderInfo) {
    const trimmedUrl = baseUrl.trim()
    return {
      provider: provider.id,
      secret,
      options: { ...toProviderOptions(provider, optionText), ...(mayAllowInsecure && allowInsecure ? { allowInsecure: true } : {}) },
      ...(trimmedUrl ? { baseUrl: trimmedUrl } : {})
    }
  }

  async function testConnection() {
    if (!provider) return
    const problem = checkConnection(provider)
    if (problem) return reject(problem)
    setPending('test')
    setFeedback(null)
    try {
      const { detail } = await call('accounts.testConnection', {
        ...connectionInput(provider),
        ...(name.trim() && !checkName(name) ? { name: name.trim() } : {})
      })
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
    const problem = checkName(name) ?? checkConnection(provider)
    if (problem) return reject(problem)
    setPending('add')
    setFeedback(null)
    const input = { ...connectionInput(provider), name: name.trim() }
    // The secret has now left this window; it must not linger in the field either way.
    setSecret('')
    try {
      // A token the provider refuses is not saved: the person learns now, not at the next sync.
      await call('accounts.testConnection', input)
      const account = await call('accounts.add', input)
      setName('')
      setBaseUrl('')
      setOptionText({})
      setAllowInsecure(false)
      setFeedback({ tone: 'success', text: `Added “${account.name}”. Choose Sync now to fetch its invoices.` })
      onAdded(account)
    } catch (error) {
      setFeedback({ tone: 'error', text: `${errorMessage(error)} Enter the ${inSentence(secretLabel)} again to retry.` })
    } finally {
      setPending(null)
    }
  }

  function fieldProps(field: DraftField, hintId?: string): FieldProps {
    const invalid = feedback?.tone === 'error' && feedback.field === field
    return {
      ref: (element) => {
        inputs.current[field] = element
      },
      'aria-invalid': invalid || undefined,
      // The hint still applies while the field is flagged, so both are read.
      'aria-describedby': [invalid && feedbackId, hintId].filter(Boolean).join(' ') || undefined
    }
  }

  return (
    <form className="card add-account" aria-labelledby={`${ids}-title`} onSubmit={add} noValidate>
      <h2 id={`${ids}-title`}>Add an account</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-provider`}>Provider</label>
          <select id={`${ids}-provider`} value={providerId ?? ''} onChange={(e) => chooseProvider(e.target.value)}>
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
            required
            value={name}
            maxLength={64}
            autoComplete="off"
            autoFocus={autoFocus}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${ids}-url`}>Base URL{!selfHosted && <span className="optional"> (optional)</span>}</label>
          <input
            id={`${ids}-url`}
            {...fieldProps('baseUrl', `${ids}-url-hint`)}
            type="url"
            inputMode="url"
            required={selfHosted}
            value={baseUrl}
            placeholder={provider?.defaultBaseUrl ?? undefined}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          <p id={`${ids}-url-hint`} className="hint">
            {selfHosted ? `Self-hosted: your operator’s API address, e.g. ${SELF_HOSTED_EXAMPLE}` : 'Leave empty to use the default.'}
          </p>
        </div>
        {mayAllowInsecure && (
          <div className="field field-wide">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allowInsecure}
                onChange={(e) => setAllowInsecure(e.target.checked)}
                aria-describedby={`${ids}-insecure-hint`}
              />
              Allow insecure connection (http)
            </label>
            <p id={`${ids}-insecure-hint`} className="hint">
              {allowInsecure
                ? 'Warning: your password and invoices will cross the network unencrypted. Allowed only for a server on your own network (a private address); use https whenever the server offers it.'
                : 'Only for a Yeti-Switch server on your own network without https.'}
            </p>
          </div>
        )}
        {provider && (
          <ProviderOptionFields
            provider={provider}
            idPrefix={ids}
            values={optionText}
            onChange={(key, value) => setOptionText((text) => ({ ...text, [key]: value }))}
            fieldProps={fieldProps}
          />
        )}
        <div className="field field-wide">
          <label htmlFor={`${ids}-token`}>{secretLabel}</label>
          <input
            id={`${ids}-token`}
            {...fieldProps('secret', `${ids}-token-hint`)}
            type="password"
            required
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
        <Button disabled={!provider || pending !== null} onClick={testConnection}>
          {pending === 'test' ? 'Testing…' : 'Test connection'}
        </Button>
        <Button type="submit" variant="primary" disabled={!provider || pending !== null}>
          {pending === 'add' ? 'Adding…' : 'Add account'}
        </Button>
      </div>
    </form>
  )
}
