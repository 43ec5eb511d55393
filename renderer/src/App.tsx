import { useState } from 'react'
import { Notice } from './components/Notice'
import { LockScreen } from './features/lock/LockScreen'
import { useLockStatus } from './features/lock/useLockStatus'
import { HideAmountsProvider } from './features/privacy/HideAmounts'
import { Workspace, type View } from './Workspace'

/** The app lock comes first: while main says locked, only the lock screen exists. */
export function App() {
  const { state, retry, update } = useLockStatus()
  const [view, setView] = useState<View | null>(null)

  if (state.status === 'loading') {
    return (
      <p className="boot" role="status">
        Opening Quire…
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="boot">
        <Notice tone="error">{state.message}</Notice>
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </div>
    )
  }
  if (state.lock.locked) return <LockScreen lock={state.lock} onUnlocked={update} />
  return (
    <HideAmountsProvider>
      <Workspace lock={state.lock} onLockChanged={update} view={view} setView={setView} />
    </HideAmountsProvider>
  )
}
