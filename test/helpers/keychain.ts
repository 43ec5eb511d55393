import { KeytarSecretStore } from '../../main/secrets/keytar-store'

/** The real OS keychain (GNOME Keyring over D-Bus in tests), under the product's service name. */
export function realKeychain(): KeytarSecretStore {
  return new KeytarSecretStore()
}
