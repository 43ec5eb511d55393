import { useEffect, useRef, useState } from 'react'
import type { LockStatus } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { useHideAmounts } from '../../components/HideAmounts'
import { Button } from '../../components/Button'
import './lock.css'

type Props = { lock: LockStatus; onLockChanged: (lock: LockStatus) => void }

/** Top-bar buttons and their window-wide keys: Ctrl/Cmd+Shift+H hides amounts, Ctrl/Cmd+Shift+L locks. */
export function PrivacyControls({ lock, onLockChanged }: Props) {
  const privacy = useHideAmounts()
  const [error, setError] = useState<string | null>(null)

  const lockNow = async () => {
    setError(null)
    try {
      onLockChanged(await call('lock.lockNow', {}))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  const latest = useRef({ toggle: privacy.toggle, lockNow })
  latest.current = { toggle: privacy.toggle, lockNow }
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'h') latest.current.toggle()
      // With the lock off, main says how to turn it on.
      else if (key === 'l') void latest.current.lockNow()
      else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="privacy-controls">
      {error && (
        <p role="alert" className="sync-cancel-error">
          {error}
        </p>
      )}
      <Button variant="quiet" aria-pressed={privacy.hidden} title="Ctrl+Shift+H" onClick={privacy.toggle}>
        Hide amounts
      </Button>
      {lock.enabled && (
        <Button variant="quiet" title="Ctrl+Shift+L" onClick={() => void lockNow()}>
          Lock
        </Button>
      )}
    </div>
  )
}
