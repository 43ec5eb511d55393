import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { Notice } from '../../components/Notice'
import type { LockStatus } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { Button } from '../../components/Button'
import './lock.css'

type Props = { lock: LockStatus; onUnlocked: (lock: LockStatus) => void }

/** All there is while locked: nothing of the workspace stays mounted behind it. */
export function LockScreen({ lock, onUnlocked }: Props) {
  const id = useId()
  const [passcode, setPasscode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!busy) field.current?.focus()
  }, [busy])

  async function unlock(proof: { passcode?: string; system?: boolean }) {
    setBusy(true)
    setError(null)
    try {
      onUnlocked(await call('lock.unlock', proof))
    } catch (e) {
      setError(errorMessage(e))
      setPasscode('')
    } finally {
      setBusy(false)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void unlock(lock.hasPasscode ? { passcode } : {})
  }

  const touchId = lock.systemConfirmation === 'touch-id'
  return (
    <main className="lock-screen" aria-labelledby={`${id}-title`}>
      <form className="card lock-card" onSubmit={submit}>
        <span className="brand-mark lock-mark" aria-hidden="true">
          Q
        </span>
        <h1 id={`${id}-title`}>Quire is locked</h1>
        {lock.hasPasscode ? (
          <div className="field">
            <label htmlFor={`${id}-passcode`}>Passcode</label>
            <input
              ref={field}
              id={`${id}-passcode`}
              type="password"
              autoComplete="current-password"
              value={passcode}
              disabled={busy}
              onChange={(e) => setPasscode(e.target.value)}
            />
          </div>
        ) : (
          !touchId && <p className="muted">No passcode is set, so anyone at this computer can unlock it.</p>
        )}
        {error && <Notice tone="error">{error}</Notice>}
        <div className="actions">
          {(lock.hasPasscode || !touchId) && (
            <Button type="submit" variant="primary" autoFocus={!lock.hasPasscode} disabled={busy || (lock.hasPasscode && passcode === '')}>
              Unlock
            </Button>
          )}
          {touchId && (
            <Button variant={lock.hasPasscode ? 'default' : 'primary'} disabled={busy} onClick={() => void unlock({ system: true })}>
              Unlock with Touch ID
            </Button>
          )}
        </div>
      </form>
    </main>
  )
}
