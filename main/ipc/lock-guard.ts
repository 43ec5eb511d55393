import { methodsAllowedWhileLocked } from '../../preload/contract'
import { AppError } from '../core/errors'
import type { AppLock } from '../lock/app-lock'
import type { Handlers } from './handlers'

/** Calls the renderer makes on a timer, not because someone is using the app. */
const BACKGROUND_METHODS = new Set<string>(['activity.heartbeat', 'lock.status'])

/**
 * Every handler behind the app lock: while locked, only what the lock screen needs answers, so
 * the lock holds even against a renderer that ignores it. Other calls count as activity.
 */
export function guardedByLock(handlers: Handlers, lock: AppLock): Handlers {
  const guarded = Object.entries(handlers).map(([name, handler]: [string, (input: never) => Promise<unknown>]) => [
    name,
    async (input: never) => {
      if (lock.isLocked && !methodsAllowedWhileLocked.has(name)) throw new AppError('LOCKED', 'Quire is locked. Unlock it to continue.')
      if (!BACKGROUND_METHODS.has(name)) lock.noteActivity()
      return handler(input)
    }
  ])
  return Object.fromEntries(guarded) as Handlers
}
