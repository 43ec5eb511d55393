import { createHash, randomUUID } from 'node:crypto'
import type { ProviderId, ProviderOptions } from '../../preload/contract'
import { isoNow, type Clock } from '../core/clock'
import { AppError } from '../core/errors'
import type { EventHub } from '../core/events'
import type { AccountOptions, AccountRecord, AccountsRepo } from '../db/accounts.repo'
import type { HttpDeps } from '../net/http'
import { MemoryAccessTokenCache } from '../providers/access-token-cache'
import type { Connector } from '../providers/connector'
import { providers } from '../providers/registry'
import { accessTokenEntry, KeychainAccessTokenCache } from '../secrets/keychain-access-token'
import type { SecretStore } from '../secrets/secret-store'

export interface NewAccount {
  provider: ProviderId
  name: string
  baseUrl?: string | undefined
  secret: string
  options?: ProviderOptions
  demo?: boolean
}

/** How long a token won while checking a new account's secret waits for that account to be added. */
const CHECKED_TOKEN_HANDOFF_MS = 10 * 60_000

export class AccountsService {
  /**
   * The access token the last connection check obtained, held in memory for the account that
   * check was for: adding it right after (the CLI's and the app's add flow) stores the token
   * with the account, so the add does not cost a second token request.
   */
  private checked: { fingerprint: string; tokens: MemoryAccessTokenCache; at: number } | null = null

  constructor(
    private readonly repo: AccountsRepo,
    private readonly secrets: SecretStore,
    private readonly http: HttpDeps,
    private readonly clock: Clock,
    private readonly events: EventHub
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
    await this.keepCheckedToken(id, draft)
    this.events.emit('accounts.changed', {})
    return this.get(id)
  }

  async testConnection(draft: Omit<NewAccount, 'name'>, { name = 'new account', signal }: { name?: string; signal?: AbortSignal } = {}): Promise<string> {
    const settings = resolveSettings(draft)
    const print = fingerprint(draft.provider, settings, draft.secret)
    // The same credentials checked twice (the form checks again on Add) share one token.
    const tokens = this.recentCheck(print)?.tokens ?? new MemoryAccessTokenCache()
    const connector = providers[draft.provider].createConnector({ name, ...settings }, draft.secret, this.http, tokens)
    const detail = await connector.testConnection(signal)
    this.checked = { fingerprint: print, tokens, at: this.clock.now().getTime() }
    return detail
  }

  private recentCheck(print: string): { tokens: MemoryAccessTokenCache } | null {
    const checked = this.checked
    if (!checked || checked.fingerprint !== print || this.clock.now().getTime() - checked.at > CHECKED_TOKEN_HANDOFF_MS) return null
    return checked
  }

  /** A token is only an optimisation: failing to keep it never fails the add. */
  private async keepCheckedToken(id: string, draft: NewAccount): Promise<void> {
    const checked = this.recentCheck(fingerprint(draft.provider, resolveSettings(draft), draft.secret))
    this.checked = null
    if (!checked) return
    const token = await checked.tokens.read()
    if (token) await new KeychainAccessTokenCache(this.secrets, id).write(token).catch(() => undefined)
  }

  async replaceSecret(id: string, secret: string): Promise<AccountRecord> {
    const account = this.get(id)
    await this.secrets.set(id, secret)
    // A token won with the old secret must not outlive it (a secret is replaced when it leaked).
    await this.secrets.delete(accessTokenEntry(id))
    this.events.emit('accounts.changed', {})
    return account
  }

  /** Keychain first: if it cannot be reached, nothing is removed and the error says why. */
  async remove(id: string): Promise<void> {
    this.get(id)
    await this.secrets.delete(id)
    await this.secrets.delete(accessTokenEntry(id))
    this.repo.delete(id)
    this.events.emit('accounts.changed', {})
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
    return providers[account.provider].createConnector(account, secret, this.http, new KeychainAccessTokenCache(this.secrets, account.id))
  }
}

/** Which credentials a connection check was for, without keeping the secret itself in memory. */
function fingerprint(provider: ProviderId, settings: { baseUrl: string; options: ProviderOptions }, secret: string): string {
  return createHash('sha256').update(JSON.stringify([provider, settings.baseUrl, settings.options, secret])).digest('hex')
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
