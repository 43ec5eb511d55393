import { useState } from 'react'
import { Notice } from '../../components/Notice'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { Button } from '../../components/Button'
import './welcome.css'

type Props = {
  /** Called once the demo accounts exist; the caller starts the sync and moves on. */
  onDemoReady: () => void
  onAddAccount: () => void
}

export function WelcomeScreen({ onDemoReady, onAddAccount }: Props) {
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function startDemo() {
    setStarting(true)
    setError(null)
    try {
      await call('demo.start', {})
      onDemoReady()
    } catch (caught) {
      setError(errorMessage(caught))
      setStarting(false)
    }
  }

  return (
    <div className="welcome">
      <div className="welcome-card">
        <p className="brand-mark welcome-mark" aria-hidden="true">
          Q
        </p>
        <h1>Welcome to Quire</h1>
        <p className="welcome-lede">
          Quire keeps a copy of your invoices from your invoicing services on this computer, so you can search and read them even when the
          network is gone.
        </p>
        <div className="welcome-actions">
          <Button variant="primary" size="large" disabled={starting} aria-busy={starting || undefined} onClick={startDemo}>
            {starting ? 'Starting demo…' : 'Try the demo workspace'}
          </Button>
          <Button size="large" disabled={starting} onClick={onAddAccount}>
            Add an account
          </Button>
        </div>
        <p className="welcome-note">
          The demo fills Quire with made-up invoices from a simulated provider; remove it any time under Accounts.
        </p>
        {error && <Notice tone="error">{error}</Notice>}
      </div>
    </div>
  )
}
