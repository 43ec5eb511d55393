import { useEffect, useId, useState } from 'react'
import { Notice } from '../../components/Notice'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

const CHOICES = [
  { minutes: 0, label: 'Off — sync only when I ask' },
  { minutes: 15, label: 'Every 15 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 240, label: 'Every 4 hours' },
  { minutes: 1440, label: 'Once a day' }
] as const

export function SyncIntervalSetting() {
  const id = useId()
  const [minutes, setMinutes] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('settings.get', {}).then(
      (settings) => setMinutes(settings.syncIntervalMinutes),
      (e: unknown) => setError(errorMessage(e))
    )
  }, [])

  async function choose(value: number) {
    setError(null)
    try {
      setMinutes((await call('settings.update', { syncIntervalMinutes: value })).syncIntervalMinutes)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <section className="card settings-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Background sync</h2>
      <div className="field">
        <label htmlFor={`${id}-interval`}>Sync automatically</label>
        <select
          id={`${id}-interval`}
          aria-describedby={`${id}-hint`}
          value={minutes ?? 0}
          disabled={minutes === null}
          onChange={(e) => void choose(Number(e.target.value))}
        >
          {CHOICES.map((choice) => (
            <option key={choice.minutes} value={choice.minutes}>
              {choice.label}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="hint">
          Paused while this computer is offline; it never interrupts a sync you started.
        </p>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  )
}
