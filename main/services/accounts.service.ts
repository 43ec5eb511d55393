import { createHash, randomUUID } from 'node:crypto'
import type { ProviderId, ProviderOptions } from '../../preload/contract'
import { isoNow, type Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import type { AccountOptions, AccountRecord, AccountsRepo } from '../db/accounts.repo'
import { checkAccountEndpoint } from '../net/endpoint-policy'
import type { HttpDeps } from '../net/http'
import { MemoryAccessTokenCache } from '../providers/access-token-cache'
import type { Connector } from '../providers/connector'
import { providers } from '../providers/registry'
import { decodeCredential, encodeCredential, normalizeOrigins, sameOrigins } from '../secrets/account-credential'
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
    if (this.repo.byName(draft.name))
      throw new AppError('CONFLICT', `An account named “${draft.name}” already exists. Choose another name.`)
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
    await this.keepCheckedToken(id, draft)
    this.changed(id)
    return this.get(id)
  }

  async testConnection(
    draft: Omit<NewAccount, 'name'>,
    { name = 'new account', signal }: { name?: string; signal?: AbortSignal } = {}
  ): Promise<string> {
    const settings = resolveSettings(draft)
    await checkEndpoints(draft.provider, settings)
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

  /**
   * Adding an account tests its secret with the provider, and replacing one does too: a wrong
   * secret is refused here, with the provider's answer, and the stored one stays. `skipCheck`
   * stores it untested (offline, or on purpose). Entering the secret again is also how the
   * person confirms the account's current endpoints, after they (not a tampered cache) moved
   * it: the new entry is bound to them.
   */
  async replaceSecret(id: string, secret: string, { skipCheck = false }: { skipCheck?: boolean } = {}): Promise<AccountRecord> {
    const account = this.get(id)
    await checkEndpoints(account.provider, account)
    if (!skipCheck) await providers[account.provider].createConnector(account, secret, this.http).testConnection()
    await this.secrets.set(id, encodeCredential(secret, endpointOrigins(account.provider, account)))
    // A token won with the old secret must not outlive it (a secret is replaced when it leaked).
    await this.secrets.delete(accessTokenEntry(id))
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
    await this.secrets.delete(accessTokenEntry(id))
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
      throw new AppError(
        'PROVIDER_AUTH',
        `No token is stored in the keychain for “${account.name}”. Replace the token in Accounts to sync it again.`
      )
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
    return providers[account.provider].createConnector(account, secret, this.http, new KeychainAccessTokenCache(this.secrets, account.id))
  }
}

/** Which credentials a connection check was for, without keeping the secret itself in memory. */
function fingerprint(provider: ProviderId, settings: { baseUrl: string; options: ProviderOptions }, secret: string): string {
  return createHash('sha256')
    .update(JSON.stringify([provider, settings.baseUrl, settings.options, secret]))
    .digest('hex')
}

/** Every origin an account sends its secret to: the base URL's, and Lynkwell's token URL's. */
function endpointOrigins(provider: ProviderId, settings: { baseUrl: string; options: ProviderOptions }): string[] {
  const parsed = providers[provider].options.safeParse(withoutLocalFlags(settings.options))
  const options: ProviderOptions = parsed.success ? parsed.data : settings.options
  return normalizeOrigins([settings.baseUrl, ...(options.tokenUrl ? [options.tokenUrl] : [])].map(originOf))
}

async function checkEndpoints(provider: ProviderId, settings: { baseUrl: string; options: ProviderOptions }): Promise<void> {
  await checkAccountEndpoint(settings.baseUrl, 'The base URL', {
    allowInsecure: provider === 'yeti' && settings.options.allowInsecure === true
  })
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
    const problems = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys' ? `${provider.label} does not use ${issue.keys.join(', ')}` : issue.message
    )
    throw new AppError('VALIDATION', `${problems.join('; ')}.`)
  }
  return { baseUrl, options: parsed.data }
}
