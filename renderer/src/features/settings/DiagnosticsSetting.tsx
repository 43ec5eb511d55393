import { useEffect, useId, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { LogLocation } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { Button } from '../../components/Button'

/**
 * Where Quire's log is (the desktop app opens the folder; elsewhere the path is shown to copy)
 * and a diagnostics bundle to send to support, with invoice content masked unless ticked.
 */
export function DiagnosticsSetting() {
  const id = useId()
  const [location, setLocation] = useState<LogLocation | null>(null)
  const [includeDetails, setIncludeDetails] = useState(false)
  const [busy, setBusy] = useState(false)
  const [savedTo, setSavedTo] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('logs.location', {}).then(setLocation, (e: unknown) => setError(errorMessage(e)))
  }, [])

  async function openFolder() {
    setError(null)
    try {
      await call('logs.openFolder', {})
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  async function save() {
    setError(null)
    setSavedTo(null)
    setBusy(true)
    try {
      setSavedTo((await call('diagnostics.save', { includeInvoiceDetails: includeDetails })).path)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card settings-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Logs and diagnostics</h2>
      <div className="field">
        <label htmlFor={`${id}-log`}>Log file</label>
        <input id={`${id}-log`} className="mono" type="text" readOnly value={location?.file ?? ''} onFocus={(e) => e.target.select()} />
        {location?.canOpenFolder && (
          <div className="actions">
            <Button onClick={() => void openFolder()}>Open logs folder</Button>
          </div>
        )}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeDetails}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setIncludeDetails(e.target.checked)}
        />
        Include invoice details
      </label>
      <p id={`${id}-hint`} className="hint">
        The bundle holds versions, each account’s settings, sync history and last error, and the recent log — never a password, key or
        token. Amounts, counterparties and notes are masked unless you include invoice details.
      </p>
      <div className="actions">
        <Button disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save diagnostics…'}
        </Button>
      </div>
      {savedTo && (
        <Notice tone="success">
          Saved to <span className="mono break">{savedTo}</span>. Read it before you send it.
        </Notice>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  )
}
