import { randomUUID } from 'node:crypto'
import type { ProviderId, ProviderOptions } from '../../preload/contract'
import { isoNow, type Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import type { AccountOptions, AccountRecord, AccountsRepo } from '../db/accounts.repo'
import type { HttpDeps } from '../net/http'
import type { Connector } from '../providers/connector'
import { providers } from '../providers/registry'
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

  /** The secret goes to the keychain before the row exists, and is taken back if the row fails. */
  async add(draft: NewAccount): Promise<AccountRecord> {
    if (this.repo.byName(draft.name)) throw new AppError('CONFLICT', `An account named “${draft.name}” already exists. Choose another name.`)
    const settings = resolveSettings(draft)
    const id = randomUUID()
    await this.secrets.set(id, draft.secret)
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
    const connector = providers[draft.provider].createConnector({ name, ...resolveSettings(draft) }, draft.secret, this.http)
    return connector.testConnection(signal)
  }

  async replaceSecret(id: string, secret: string): Promise<AccountRecord> {
    const account = this.get(id)
    await this.secrets.set(id, secret)
    this.events.emit('accounts.changed', {})
    return account
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

  /** Moves an account to a new address (the demo's simulators get a new port on every start). */
  updateEndpoint(id: string, baseUrl: string, options: AccountOptions): void {
    this.repo.updateEndpoint(id, baseUrl, options)
  }

  /** A connector for a stored account, authenticated with its keychain secret. */
  async connect(account: AccountRecord): Promise<Connector> {
    const secret = await this.secrets.get(account.id)
    if (secret === null) {
      throw new AppError('PROVIDER_AUTH', `No token is stored in the keychain for “${account.name}”. Replace the token in Accounts to sync it again.`)
    }
    return providers[account.provider].createConnector(account, secret, this.http)
  }
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
