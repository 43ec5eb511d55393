/**
 * The Auth0 side of the Lynkwell simulator: client-credentials grants and the access tokens they
 * mint, with Auth0's error bodies (`{error, error_description}`) and statuses.
 */
import { randomBytes } from 'node:crypto'

export interface LynkwellApiClient {
  secret: string
}

export interface TokenGrant {
  status: number
  body: Record<string, unknown>
}

interface IssuedToken {
  clientId: string
  expiresAtMs: number
}

export class TokenAuthority {
  private readonly tokens = new Map<string, IssuedToken>()

  constructor(
    private readonly clients: Record<string, LynkwellApiClient>,
    private readonly audience: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number
  ) {}

  /** POST /oauth/token with a parsed body (JSON or form-encoded, as Auth0 accepts both). */
  grant(body: Record<string, unknown>): TokenGrant {
    const { client_id: clientId, client_secret: secret, audience, grant_type: grantType } = body
    if (grantType !== 'client_credentials') {
      return denied(400, 'unsupported_grant_type', `Unsupported grant type: ${String(grantType ?? '')}`)
    }
    const client = typeof clientId === 'string' && Object.hasOwn(this.clients, clientId) ? this.clients[clientId] : undefined
    if (!client || typeof secret !== 'string' || secret !== client.secret) return denied(401, 'access_denied', 'Unauthorized')
    if (audience !== this.audience) return denied(403, 'access_denied', `Service not found: ${String(audience ?? '')}`)
    this.prune()
    const token = randomBytes(32).toString('base64url')
    this.tokens.set(token, { clientId: clientId as string, expiresAtMs: this.now() + this.ttlSeconds * 1000 })
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds, scope: 'read:invoices read:payment-profiles' }
    }
  }

  /** Why a bearer token is refused, or null when it is good. */
  check(token: string | null): string | null {
    if (token === null) return 'Missing bearer token'
    const issued = this.tokens.get(token)
    if (!issued) return 'Invalid access token'
    return this.now() >= issued.expiresAtMs ? 'The access token expired' : null
  }

  /** Revokes every token (a key rotation upstream): the next billing request gets a 401. */
  revokeAll(): void {
    this.tokens.clear()
  }

  /** Forgets tokens long expired; recent ones are kept so their 401 can say "expired". */
  private prune(): void {
    const now = this.now()
    for (const [token, issued] of this.tokens) if (now >= issued.expiresAtMs + 3_600_000) this.tokens.delete(token)
  }
}

function denied(status: number, error: string, description: string): TokenGrant {
  return { status, body: { error, error_description: description } }
}
