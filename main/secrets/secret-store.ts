/**
 * Where account secrets live: the OS keychain, one entry per account id. Secrets flow one way,
 * renderer → main → keychain; only connectors read them back, to authenticate.
 */
export interface SecretStore {
  get(accountId: string): Promise<string | null>
  set(accountId: string, secret: string): Promise<void>
  /** Resolves true when an entry was deleted, false when there was none. */
  delete(accountId: string): Promise<boolean>
}
