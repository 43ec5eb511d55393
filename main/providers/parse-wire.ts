import type { z } from 'zod'
import { AppError } from '../base/errors'

/**
 * Parses a provider payload at the edge. A mismatch fails with a message that names the
 * provider, the place and each failing field, so a broken page can be reported precisely.
 */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, provider: string, where: string): z.infer<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const fields = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
  return failBadResponse(`${provider} sent data Quire does not understand in ${where} — ${fields}. The cache was left as it was.`)
}

export function parseJson(text: string, provider: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return failBadResponse(`${provider} sent a response that is not JSON in ${where}. The cache was left as it was.`)
  }
}

function failBadResponse(message: string): never {
  throw new AppError('PROVIDER_BAD_RESPONSE', message)
}

/** A provider's error body, if it is JSON at all: error bodies are read for their wording only. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Removes every secret (keys, passwords, tokens obtained) from text quoted back from a provider. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret.length > 0 ? out.split(secret).join('[redacted]') : out), text)
}
