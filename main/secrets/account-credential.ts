/**
 * An account's keychain entry: its secret together with the endpoint origins it was confirmed
 * for. The cache file is the user's to read and write; it must not decide where a secret goes,
 * so the connector is refused when the cache's endpoints differ from these.
 *
 * The entry is a small JSON document, versioned and open to further fields (another entry kind,
 * such as a cached access token under its own key, can use the same envelope). Entries written
 * before this format are the bare secret.
 */
import { z } from 'zod'

export const AccountCredential = z
  .object({
    v: z.literal(1),
    secret: z.string().min(1),
    /** Sorted, distinct `URL.origin`s: the base URL's, and any other the account talks to (Lynkwell's token URL). */
    origins: z.array(z.string().min(1)).min(1)
  })
  .loose()
export type AccountCredential = z.infer<typeof AccountCredential>

/** A stored entry: a credential, or a bare secret from before origins were kept. */
export type StoredCredential = { kind: 'credential'; credential: AccountCredential } | { kind: 'bare'; secret: string }

export function encodeCredential(secret: string, origins: readonly string[]): string {
  return JSON.stringify({ v: 1, secret, origins: normalizeOrigins(origins) } satisfies AccountCredential)
}

export function decodeCredential(stored: string): StoredCredential {
  const parsed = AccountCredential.safeParse(parseJson(stored))
  return parsed.success ? { kind: 'credential', credential: parsed.data } : { kind: 'bare', secret: stored }
}

export function normalizeOrigins(origins: readonly string[]): string[] {
  return [...new Set(origins)].sort()
}

export function sameOrigins(a: readonly string[], b: readonly string[]): boolean {
  const left = normalizeOrigins(a)
  const right = normalizeOrigins(b)
  return left.length === right.length && left.every((origin, i) => origin === right[i])
}

function parseJson(text: string): unknown {
  if (!text.startsWith('{')) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
