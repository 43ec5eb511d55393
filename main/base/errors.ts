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

/**
 * Anything unexpected becomes INTERNAL with a generic message. Whoever turns an error into this
 * payload logs it with its stack when the code is INTERNAL (dispatch, sync, activity, the CLI),
 * so the message's pointer to the log is true.
 */
export const INTERNAL_MESSAGE = 'Something went wrong inside Quire. Details are in its log (Settings → Open logs folder, or `quire logs`).'

export function toErrorPayload(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE }
}
