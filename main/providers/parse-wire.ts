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

/**
 * Removes every secret (keys, passwords, tokens obtained) from text quoted back from a provider,
 * also in the forms a server echoes them in: URL-encoded (either hex case, or as a form value)
 * and base64 or base64url, including inside a longer encoded value such as a Basic credential.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = [...new Set(secrets.filter((secret) => secret.length > 0).flatMap(secretForms))].sort((a, b) => b.length - a.length)
  return forms.reduce((out, form) => out.split(form).join('[redacted]'), text)
}

/** Shortest base64 run still matched: shorter ones could blank ordinary words in a message. */
const MIN_ENCODED_RUN = 8

function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const percent = encodeURIComponent(secret)
  const forms = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2)
  ]
  // A secret inside a longer base64 value starts at any of three byte offsets; for each, the
  // characters that depend on the secret's bytes alone are the same whatever surrounds it.
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const run = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6))
    if (run.length >= MIN_ENCODED_RUN) forms.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}
