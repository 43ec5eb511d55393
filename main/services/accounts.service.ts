import { randomUUID } from 'node:crypto'
import type { ProviderId, ProviderOptions } from '../../preload/contract'
import { isoNow, type Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import type { AccountOptions, AccountRecord, AccountsRepo } from '../db/accounts.repo'
import { checkAccountEndpoint } from '../net/endpoint-policy'
import type { HttpDeps } from '../net/http'
import type { Connector } from '../providers/connector'
import { providers } from '../providers/registry'
import { decodeCredential, encodeCredential, normalizeOrigins, sameOrigins } from '../secrets/account-credential'
import type { SecretStore } from '../secrets/secret-store'

export interface NewAccount {
  provider: ProviderId
  name: string
  baseUrl?: string | undefined
  secret: string
  options?: ProviderOptions
  demo?: boolean
}

export class AccountsService {
  constructor(
    private readonly repo: AccountsRepo,
    private readonly secrets: SecretStore,
    private readonly http: HttpDeps,
    private readonly clock: Clock,
    private readonly events: EventHub,
    private readonly domain: DomainEvents
  ) {}

  list(): AccountRecord[] {
    return this.repo.list()
  }

  get(id: string): AccountRecord {
    const account = this.repo.byId(id)
    if (!account) throw new AppError('NOT_FOUND', 'That account no longer exists.')
    return account
  }

  byName(name: string): AccountRecord {
    const account = this.repo.byName(name)
    if (!account) throw new AppError('NOT_FOUND', `There is no account named “${name}”. See the list with: quire accounts list`)
    return account
  }

  /**
   * The secret goes to the keychain before the row exists, and is taken back if the row fails.
   * With it go the endpoint origins it is for: see account-credential.ts.
   */
  async add(draft: NewAccount): Promise<AccountRecord> {
    if (this.repo.byName(draft.name)) throw new AppError('CONFLICT', `An account named “${draft.name}” already exists. Choose another name.`)
    const settings = resolveSettings(draft)
    await checkEndpoints(draft.provider, settings)
    const id = randomUUID()
    await this.secrets.set(id, encodeCredential(draft.secret, endpointOrigins(draft.provider, settings)))
    try {
      this.repo.insert({
        id,
        provider: draft.provider,
        name: draft.name,
        baseUrl: settings.baseUrl,
        options: { ...settings.options, ...(draft.demo ? { demo: true } : {}) },
        createdAt: isoNow(this.clock)
      })
    } catch (error) {
      await this.secrets.delete(id)
      throw error
    }
    this.changed(id)
    return this.get(id)
  }

  async testConnection(draft: Omit<NewAccount, 'name'>, { name = 'new account', signal }: { name?: string; signal?: AbortSignal } = {}): Promise<string> {
    const settings = resolveSettings(draft)
    await checkEndpoints(draft.provider, settings)
    const connector = providers[draft.provider].createConnector({ name, ...settings }, draft.secret, this.http)
    return connector.testConnection(signal)
  }

  /**
   * Entering the secret again is also how the person confirms the account's current endpoints,
   * after they (not a tampered cache) moved it: the new entry is bound to them.
   */
  async replaceSecret(id: string, secret: string): Promise<AccountRecord> {
    const account = this.get(id)
    await checkEndpoints(account.provider, account)
    await this.secrets.set(id, encodeCredential(secret, endpointOrigins(account.provider, account)))
    this.events.emit('accounts.changed', {})
    return account
  }

  /** The account's secret alone, for Quire's own simulators of demo accounts; null when none is stored. */
  async storedSecret(id: string): Promise<string | null> {
    const stored = await this.secrets.get(id)
    if (stored === null) return null
    const decoded = decodeCredential(stored)
    return decoded.kind === 'credential' ? decoded.credential.secret : decoded.secret
  }

  /** Keychain first: if it cannot be reached, nothing is removed and the error says why. */
  async remove(id: string): Promise<void> {
    this.get(id)
    await this.secrets.delete(id)
    this.repo.delete(id)
    this.changed(id)
  }

  /** Which accounts exist is part of what the cache's counts and totals are made of. */
  private changed(accountId: string): void {
    this.events.emit('accounts.changed', {})
    void this.domain.emit('invoices.changed', { accountId })
  }

  /**
   * Moves an account to a new address (the demo's simulators get a new port on every start):
   * Quire moves it itself, so the keychain entry moves with it.
   */
  async updateEndpoint(id: string, baseUrl: string, options: AccountOptions): Promise<void> {
    const account = this.get(id)
    const secret = await this.storedSecret(id)
    if (secret !== null) await this.secrets.set(id, encodeCredential(secret, endpointOrigins(account.provider, { baseUrl, options })))
    this.repo.updateEndpoint(id, baseUrl, options)
  }

  /**
   * A connector for a stored account, authenticated with its keychain secret — only when the
   * cache's endpoints are the ones the secret was confirmed for.
   */
  async connect(account: AccountRecord): Promise<Connector> {
    const stored = await this.secrets.get(account.id)
    if (stored === null) {
      throw new AppError('PROVIDER_AUTH', `No token is stored in the keychain for “${account.name}”. Replace the token in Accounts to sync it again.`)
    }
    const current = endpointOrigins(account.provider, account)
    const decoded = decodeCredential(stored)
    let secret: string
    if (decoded.kind === 'bare') {
      // An entry from before origins were kept says nothing about where it belongs: the
      // endpoints in the cache now are the only witness, so they are bound to it from here on.
      await checkEndpoints(account.provider, account).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error
        throw new AppError(
          'VALIDATION',
          `“${account.name}”: ${error.message} Add the account again with an https address (or, for a Yeti-Switch on your own network, with “Allow insecure connection”), then remove this one.`
        )
      })
      await this.secrets.set(account.id, encodeCredential(decoded.secret, current))
      secret = decoded.secret
    } else {
      if (!sameOrigins(decoded.credential.origins, current)) throw movedEndpoint(account.name, decoded.credential.origins, current)
      secret = decoded.credential.secret
    }
    return providers[account.provider].createConnector(account, secret, this.http)
  }
}

/** Every origin an account sends its secret to: the base URL's, and Lynkwell's token URL's. */
function endpointOrigins(provider: ProviderId, settings: { baseUrl: string; options: ProviderOptions }): string[] {
  const parsed = providers[provider].options.safeParse(withoutLocalFlags(settings.options))
  const options: ProviderOptions = parsed.success ? parsed.data : settings.options
  return normalizeOrigins([settings.baseUrl, ...(options.tokenUrl ? [options.tokenUrl] : [])].map(originOf))
}

async function checkEndpoints(provider: ProviderId, settings: { baseUrl: string; options: ProviderOptions }): Promise<void> {
  await checkAccountEndpoint(settings.baseUrl, 'The base URL', { allowInsecure: provider === 'yeti' && settings.options.allowInsecure === true })
  if (settings.options.tokenUrl) await checkAccountEndpoint(settings.options.tokenUrl, 'The token URL')
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/** `demo` is Quire's own marker in the stored options, not a provider option. */
function withoutLocalFlags(options: AccountOptions | ProviderOptions): ProviderOptions {
  const { demo: _demo, ...rest } = options as AccountOptions
  return rest
}

function movedEndpoint(name: string, confirmed: readonly string[], current: readonly string[]): AppError {
  return new AppError(
    'FORBIDDEN',
    `The address Quire's cache holds for “${name}” (${current.join(', ')}) is not the one its secret was confirmed for (${confirmed.join(', ')}), so the secret was not sent. ` +
      `If you moved the account yourself, confirm the new address by entering its secret again: in the app, Accounts → Replace token; from a terminal, quire accounts replace-secret "${name}" --secret-stdin.`
  )
}

/** The provider's own checks and defaults for base URL and options, as a VALIDATION error. */
function resolveSettings(draft: Pick<NewAccount, 'provider' | 'baseUrl' | 'options'>): { baseUrl: string; options: ProviderOptions } {
  const provider = providers[draft.provider]
  const baseUrl = draft.baseUrl ?? provider.defaultBaseUrl
  if (baseUrl === null) throw new AppError('VALIDATION', `${provider.label} is self-hosted: enter the base URL of your operator’s API.`)
  const parsed = provider.options.safeParse(draft.options ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `${provider.label} does not use ${issue.keys.join(', ')}` : issue.message))
    throw new AppError('VALIDATION', `${problems.join('; ')}.`)
  }
  return { baseUrl, options: parsed.data }
}
