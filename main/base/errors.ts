import type { ErrorCode } from '../../preload/contract'

/**
 * The one error type the core throws on purpose. Its message is shown to people as is, so it
 * must say what went wrong and what to do, and must never contain a secret.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'AppError'
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}

/** Anything unexpected becomes INTERNAL with a generic message; the detail stays in main's log. */
export function toErrorPayload(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return { code: 'INTERNAL', message: 'Something went wrong inside Quire. Details are in the log.' }
}
