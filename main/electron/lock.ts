import { powerMonitor, systemPreferences } from 'electron'
import type { AppLock, SystemConfirmation } from '../lock/app-lock'

/**
 * macOS offers Touch ID (with the account password as its own fallback). Windows Hello and
 * Linux's polkit have no Electron API, so there the passcode is the proof.
 */
export function electronConfirmation(): SystemConfirmation | null {
  if (process.platform !== 'darwin' || !systemPreferences.canPromptTouchID()) return null
  return {
    kind: 'touch-id',
    confirm: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false
      )
  }
}

/** Idle time is the whole machine's, as the OS counts it: reading in another app is still someone there. */
export const systemIdleSeconds = (): number => powerMonitor.getSystemIdleTime()

export function lockWithTheSystem(lock: AppLock): void {
  powerMonitor.on('lock-screen', () => lock.onSystemLock())
  powerMonitor.on('suspend', () => lock.onSystemLock())
}
