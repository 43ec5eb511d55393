/**
 * Where a connector keeps an OAuth access token between syncs, so a token is asked for once per
 * lifetime rather than once per sync. `scope` says what the token was issued for (client id,
 * token URL, audience): a token read back for other settings is not used.
 */
export interface CachedAccessToken {
  value: string
  scope: string
  /** Epoch milliseconds. */
  issuedAt: number
  expiresAt: number
}

export interface AccessTokenCache {
  read(): Promise<CachedAccessToken | null>
  write(token: CachedAccessToken): Promise<void>
  drop(): Promise<void>
}

/** For a connector with no stored account behind it yet (checking a new account's secret). */
export class MemoryAccessTokenCache implements AccessTokenCache {
  private token: CachedAccessToken | null = null

  async read(): Promise<CachedAccessToken | null> {
    return this.token
  }

  async write(token: CachedAccessToken): Promise<void> {
    this.token = token
  }

  async drop(): Promise<void> {
    this.token = null
  }
}
