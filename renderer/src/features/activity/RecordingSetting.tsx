import { useEffect, useId, useState } from 'react'
import { Notice } from '../../components/Notice'
import { errorMessage } from '../../lib/errorMessage'
import { plural } from '../../lib/format'
import { call } from '../../lib/ipc'
import { Button } from '../../components/Button'

type Props = { onCleared: () => void }

/** The privacy controls for local view sessions: record or not, and clear what was recorded. */
export function RecordingSetting({ onCleared }: Props) {
  const id = useId()
  const [recordLocal, setRecordLocal] = useState<boolean | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [cleared, setCleared] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('activity.settings', {}).then(
      (settings) => setRecordLocal(settings.recordLocal),
      (caught: unknown) => setError(errorMessage(caught))
    )
  }, [])

  // The box follows the click at once; main's answer confirms it, or a failure puts it back.
  async function toggle(value: boolean) {
    setError(null)
    setRecordLocal(value)
    try {
      setRecordLocal((await call('activity.updateSettings', { recordLocal: value })).recordLocal)
    } catch (caught) {
      setRecordLocal(!value)
      setError(errorMessage(caught))
    }
  }

  async function clear() {
    setBusy(true)
    setError(null)
    try {
      setCleared((await call('activity.clearLocal', {})).cleared)
      setConfirming(false)
      onCleared()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card activity-setting" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Recording on this computer</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={recordLocal ?? false}
          disabled={recordLocal === null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void toggle(e.target.checked)}
        />
        Record when I view an invoice
      </label>
      <p id={`${id}-hint`} className="hint">
        Quire notes when you open an invoice, for how long, and whether its window was in use, under your computer user name. These sessions
        stay on this computer: they are never sent to any provider.
      </p>
      {confirming ? (
        <div className="confirm" role="group" aria-label="Confirm clearing sessions recorded on this computer">
          <p>Delete every view session recorded on this computer? Sessions synced from providers stay.</p>
          <div className="actions">
            <Button variant="danger" disabled={busy} onClick={() => void clear()}>
              {busy ? 'Clearing…' : 'Clear sessions'}
            </Button>
            <Button disabled={busy} autoFocus onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button variant="danger-quiet" onClick={() => setConfirming(true)}>
            Clear sessions recorded here…
          </Button>
        </div>
      )}
      {cleared !== null && (
        <Notice tone="success" onDismiss={() => setCleared(null)}>
          Cleared {plural(cleared, 'session', 'sessions')} recorded on this computer.
        </Notice>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  )
}
