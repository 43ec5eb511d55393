/**
 * An account's OAuth access token in the keychain, beside its secret and never in SQLite: a
 * token is a credential for as long as it lives. It is its own entry, `access-token:<account
 * id>`, so the account's secret entry keeps its meaning and either can be dropped alone.
 */
import { z } from 'zod'
import type { AccessTokenCache, CachedAccessToken } from '../providers/access-token-cache'
import type { SecretStore } from './secret-store'

export function accessTokenEntry(accountId: string): string {
  return `access-token:${accountId}`
}

const StoredToken = z.object({
  v: z.literal(1),
  value: z.string().min(1).max(16_384),
  scope: z.string().max(4_096),
  issuedAt: z.number().int().nonnegative(),
  expiresAt: z.number().int().nonnegative()
})

export class KeychainAccessTokenCache implements AccessTokenCache {
  constructor(
    private readonly secrets: SecretStore,
    private readonly accountId: string
  ) {}

  /** An entry that does not parse (another version, damage) is treated as no token: a new one is asked for. */
  async read(): Promise<CachedAccessToken | null> {
    const text = await this.secrets.get(accessTokenEntry(this.accountId))
    if (text === null) return null
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return null
    }
    const parsed = StoredToken.safeParse(json)
    if (!parsed.success) return null
    const { value, scope, issuedAt, expiresAt } = parsed.data
    return { value, scope, issuedAt, expiresAt }
  }

  async write(token: CachedAccessToken): Promise<void> {
    await this.secrets.set(accessTokenEntry(this.accountId), JSON.stringify({ v: 1, ...token }))
  }

  async drop(): Promise<void> {
    await this.secrets.delete(accessTokenEntry(this.accountId))
  }
}
