import { AppError } from './errors'

/** Time as the core sees it; tests pass a fake one so waits are instant and checkable. */
export interface Clock {
  now(): Date
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled())
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(cancelled())
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The sync was cancelled.')
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString()
}
