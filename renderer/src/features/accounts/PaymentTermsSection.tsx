import { useId, useState, type FormEvent } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary, PaymentTermsBasis } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { providerSendsDueDates } from '../../../../preload/contract/due-date-sources'
import { describePaymentTerms } from './paymentTermsText'
import { usePaymentTerms } from './usePaymentTerms'
import { Button } from '../../components/Button'

type Props = { account: AccountSummary; providerLabel: string }

/** The element the Invoices screen's "Set payment terms" link brings into view. */
export function paymentTermsAnchor(accountId: string): string {
  return `payment-terms-${accountId}`
}

/**
 * An account's payment terms: they give its invoices a due date where the provider sends none,
 * so "Overdue" covers them too. Shown as derived wherever such a date appears.
 */
export function PaymentTermsSection({ account, providerLabel }: Props) {
  const id = useId()
  const { terms, error, save } = usePaymentTerms(account.id)
  const [editing, setEditing] = useState(false)
  const [days, setDays] = useState('30')
  const [basis, setBasis] = useState<PaymentTermsBasis>('issueDate')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const sendsDueDates = providerSendsDueDates(account.provider)

  function edit() {
    setDays(String(terms?.netDays ?? 30))
    setBasis(terms?.basis ?? (account.provider === 'caresquare' ? 'issueDate' : 'periodEnd'))
    setProblem(null)
    setEditing(true)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const netDays = Number(days.trim())
    if (!/^\d+$/.test(days.trim()) || netDays > 366) return setProblem('Enter a whole number of days from 0 to 366.')
    await persist({ netDays, basis })
  }

  async function persist(next: { netDays: number; basis: PaymentTermsBasis } | null) {
    setSaving(true)
    try {
      await save(next)
      setEditing(false)
      setProblem(null)
    } catch (caught) {
      setProblem(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section id={paymentTermsAnchor(account.id)} className="payment-terms" aria-labelledby={`${id}-heading`} tabIndex={-1}>
      <h3 id={`${id}-heading`} className="payment-terms-heading">
        Payment terms
      </h3>
      {error && <Notice tone="error">{error}</Notice>}
      <p className="payment-terms-summary">
        {terms === undefined ? 'Loading…' : terms === null ? 'None set.' : `${describePaymentTerms(terms)}.`}{' '}
        <span className="muted">
          {sendsDueDates
            ? `${providerLabel} sends due dates; the terms fill in only where one is missing.`
            : `${providerLabel} sends no due dates: ${terms ? 'due dates are derived from these terms' : 'without terms its open invoices can never be overdue'}.`}
        </span>
      </p>
      {editing ? (
        <form className="inline-form payment-terms-form" onSubmit={submit} noValidate aria-label={`Payment terms for ${account.name}`}>
          <div className="field">
            <label htmlFor={`${id}-days`}>Net days</label>
            <input
              id={`${id}-days`}
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              value={days}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => setDays(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-basis`}>Counted from</label>
            <select id={`${id}-basis`} value={basis} onChange={(e) => setBasis(e.target.value === 'periodEnd' ? 'periodEnd' : 'issueDate')}>
              <option value="issueDate">The issue date</option>
              <option value="periodEnd">The end of the service period</option>
            </select>
          </div>
          <div className="actions">
            <Button type="submit" variant="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save terms'}
            </Button>
            <Button onClick={() => setEditing(false)} disabled={saving}>
              Cancel
            </Button>
          </div>
          {problem && (
            <div id={`${id}-problem`} className="inline-form-message">
              <Notice tone="error">{problem}</Notice>
            </div>
          )}
        </form>
      ) : (
        <div className="actions">
          <Button onClick={edit} disabled={terms === undefined}>
            {terms ? 'Change terms' : 'Set payment terms'}
          </Button>
          {terms && (
            <Button variant="quiet" onClick={() => void persist(null)} disabled={saving}>
              Remove terms
            </Button>
          )}
        </div>
      )}
    </section>
  )
}
