/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, libsecret on
 * Linux). keytar is archived upstream, so it is imported here and nowhere else. There is no
 * plaintext fallback: without a keychain, every call fails with KEYCHAIN_UNAVAILABLE.
 */
import { AppError } from '../base/errors'
import type { SecretStore } from './secret-store'

export const KEYCHAIN_SERVICE = 'Quire'

type Keytar = typeof import('keytar')

export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null

  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  async get(accountId: string): Promise<string | null> {
    const keytar = await this.load()
    return guard(() => keytar.getPassword(this.service, accountId))
  }

  async set(accountId: string, secret: string): Promise<void> {
    const keytar = await this.load()
    await guard(() => keytar.setPassword(this.service, accountId, secret))
  }

  async delete(accountId: string): Promise<boolean> {
    const keytar = await this.load()
    return guard(() => keytar.deletePassword(this.service, accountId))
  }

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar')
      .then((module) => ((module as { default?: Keytar }).default ?? module) as Keytar)
      .catch((cause: unknown) => {
        this.keytar = null
        throw unavailable(cause)
      })
    return this.keytar
  }
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (cause) {
    throw unavailable(cause)
  }
}

function unavailable(cause: unknown): AppError {
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    'No keychain is available, and Quire stores API tokens only in the OS keychain. ' +
      'On Linux, install and unlock a Secret Service keyring in your desktop session ' +
      '(for example: sudo apt-get install gnome-keyring libsecret-1-0, then log in again); ' +
      'on a headless machine, run Quire inside `dbus-run-session` with `gnome-keyring-daemon --unlock`.',
    { cause }
  )
}
