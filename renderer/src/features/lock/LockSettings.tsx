import { useId, useState, type FormEvent } from 'react'
import { Notice } from '../../components/Notice'
import type { LockStatus, MethodInput } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { useHideAmounts } from '../../components/HideAmounts'
import { Button } from '../../components/Button'
import './lock.css'

const IDLE_CHOICES = [1, 5, 10, 15, 30, 60, 120, 240]

type Props = { lock: LockStatus; onChanged: (lock: LockStatus) => void }

export function LockSettings({ lock, onChanged }: Props) {
  const id = useId()
  const privacy = useHideAmounts()
  const [error, setError] = useState<string | null>(null)
  // Shown at once, as a checkbox should; main's answer replaces it.
  const [pending, setPending] = useState<MethodInput<'lock.configure'>>({})
  const shown = { ...lock, ...pending }

  async function configure(changes: MethodInput<'lock.configure'>) {
    setError(null)
    setPending(changes)
    try {
      onChanged(await call('lock.configure', changes))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setPending({})
    }
  }

  const proof = lock.systemConfirmation === 'touch-id' ? 'Touch ID' : null
  return (
    <section className="card settings-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Privacy and app lock</h2>
      <label className="checkbox">
        <input type="checkbox" checked={privacy.hidden} onChange={privacy.toggle} aria-describedby={`${id}-hide-hint`} />
        Hide amounts
      </label>
      <p id={`${id}-hide-hint`} className="hint">
        For screen sharing: amounts and PDFs are masked on screen (Ctrl+Shift+H). Exports keep them.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={shown.enabled} onChange={(e) => void configure({ enabled: e.target.checked })} />
        Lock Quire when I step away
      </label>
      {shown.enabled && (
        <>
          <div className="field">
            <label htmlFor={`${id}-idle`}>Lock after</label>
            <select id={`${id}-idle`} value={shown.idleMinutes} onChange={(e) => void configure({ idleMinutes: Number(e.target.value) })}>
              {IDLE_CHOICES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes < 60 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`}{' '}
                  without input
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={shown.lockOnSystemLock}
              onChange={(e) => void configure({ lockOnSystemLock: e.target.checked })}
            />
            Also lock when the computer locks or goes to sleep
          </label>
          <p className="hint">
            {lock.hasPasscode
              ? `Unlock with your passcode${proof ? ` or ${proof}` : ''}. Ctrl+Shift+L locks at once.`
              : proof
                ? `Unlock with ${proof}. Ctrl+Shift+L locks at once.`
                : 'Without a passcode, the lock only hides your invoices: anyone at this computer can unlock it. Ctrl+Shift+L locks at once.'}
          </p>
        </>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <PasscodeForm lock={lock} onChanged={onChanged} />
    </section>
  )
}

function PasscodeForm({ lock, onChanged }: Props) {
  const id = useId()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  async function save(passcode: string | null) {
    setBusy(true)
    setMessage(null)
    try {
      onChanged(await call('lock.setPasscode', { passcode, ...(lock.hasPasscode ? { current } : {}) }))
      setMessage({ tone: 'success', text: passcode === null ? 'Passcode removed.' : 'Passcode saved.' })
      setCurrent('')
      setNext('')
      setRepeat('')
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (next.length < 6) return setMessage({ tone: 'error', text: 'A passcode needs at least 6 characters.' })
    if (next !== repeat) return setMessage({ tone: 'error', text: 'The two passcodes differ.' })
    void save(next)
  }

  return (
    <form className="passcode-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{lock.hasPasscode ? 'Change passcode' : 'Set a passcode'}</h3>
      {lock.hasPasscode && (
        <div className="field">
          <label htmlFor={`${id}-current`}>Current passcode</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-next`}>New passcode</label>
        <input id={`${id}-next`} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>New passcode again</label>
        <input id={`${id}-repeat`} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          Save passcode
        </Button>
        {lock.hasPasscode && (
          <Button variant="danger-quiet" disabled={busy || current === ''} onClick={() => void save(null)}>
            Remove passcode
          </Button>
        )}
      </div>
    </form>
  )
}
