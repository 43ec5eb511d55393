import { useState } from 'react'
import { Boot } from './components/Boot'
import { LockScreen } from './features/lock/LockScreen'
import { useLockStatus } from './features/lock/useLockStatus'
import { HideAmountsProvider } from './components/HideAmounts'
import { RememberedStateProvider } from './lib/rememberedState'
import { Workspace, type View } from './Workspace'

/** The app lock comes first: while main says locked, only the lock screen exists. */
export function App() {
  const { state, retry, update } = useLockStatus()
  const [view, setView] = useState<View | null>(null)

  if (state.status !== 'ready') return <Boot state={state} onRetry={retry} />
  return (
    <RememberedStateProvider>
      {state.lock.locked ? (
        <LockScreen lock={state.lock} onUnlocked={update} />
      ) : (
        <HideAmountsProvider>
          <Workspace lock={state.lock} onLockChanged={update} view={view} setView={setView} />
        </HideAmountsProvider>
      )}
    </RememberedStateProvider>
  )
}
