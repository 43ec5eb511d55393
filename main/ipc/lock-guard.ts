import { methodsAllowedWhileLocked } from '../../preload/contract'
import { AppError } from '../base/errors'
import type { AppLock } from '../lock/app-lock'

/** Calls the renderer makes on a timer, not because someone is using the app. */
const BACKGROUND_METHODS = new Set<string>(['activity.heartbeat', 'lock.status'])

/**
 * Every handler behind the app lock: while locked, only what the lock screen needs answers, so
 * the lock holds even against a renderer that ignores it. Other calls count as activity.
 */
export function guardedByLock<H extends Record<string, (input: never) => Promise<unknown>>>(handlers: H, lock: AppLock): H {
  const guarded = Object.entries(handlers).map(([name, handler]: [string, (input: never) => Promise<unknown>]) => [
    name,
    async (input: never) => {
      if (lock.isLocked && !methodsAllowedWhileLocked.has(name)) throw new AppError('LOCKED', 'Quire is locked. Unlock it to continue.')
      if (!BACKGROUND_METHODS.has(name)) lock.noteActivity()
      return handler(input)
    }
  ])
  return Object.fromEntries(guarded) as H
}
