import { z } from 'zod'

/**
 * Every failure that crosses the IPC boundary carries one of these codes, so the renderer and the
 * CLI can branch on meaning rather than on message text.
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PROVIDER_AUTH',
  'PROVIDER_PLAN',
  'PROVIDER_SCOPE',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_BAD_RESPONSE',
  /** A response unpacked past Quire's cap (main/net/bounded-body.ts); not retried. */
  'PROVIDER_RESPONSE_TOO_LARGE',
  'KEYCHAIN_UNAVAILABLE',
  'DB_NEWER_THAN_APP',
  'DB_CORRUPT',
  'CANCELLED',
  /** The app lock is on: unlock first. */
  'LOCKED',
  'INTERNAL'
] as const

export const ErrorCode = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorPayload = z.object({ code: ErrorCode, message: z.string() })
export type ErrorPayload = z.infer<typeof ErrorPayload>

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload }
