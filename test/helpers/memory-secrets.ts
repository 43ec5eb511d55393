import type { SecretStore } from '../../main/secrets/secret-store'

/** For unit tests only: the product has no in-memory or plaintext store. */
export class MemorySecrets implements SecretStore {
  readonly entries = new Map<string, string>()
  async get(id: string): Promise<string | null> {
    return this.entries.get(id) ?? null
  }
  async set(id: string, secret: string): Promise<void> {
    this.entries.set(id, secret)
  }
  async delete(id: string): Promise<boolean> {
    return this.entries.delete(id)
  }
}
