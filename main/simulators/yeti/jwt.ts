/**
 * HS256 JWTs the way yeti-web's Knock setup mints them: header {"alg":"HS256"}, claims
 * `sub` (the API access id), `aud: ["customer-v1"]` and `exp` (left out when tokens never expire).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface YetiClaims {
  sub: number
  aud: string[]
  exp?: number
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256' }))

export function signJwt(claims: YetiClaims, secret: Buffer): string {
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`
  return `${body}.${signature(body, secret)}`
}

/** The claims of a token this secret signed, or null; expiry is the caller's check. */
export function verifyJwt(token: string, secret: Buffer): YetiClaims | null {
  const [header, payload, sent, ...rest] = token.split('.')
  if (header !== HEADER || payload === undefined || sent === undefined || rest.length > 0) return null
  const expected = Buffer.from(signature(`${header}.${payload}`, secret))
  const given = Buffer.from(sent)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<YetiClaims>
    if (typeof claims.sub !== 'number' || !Array.isArray(claims.aud)) return null
    if (claims.exp !== undefined && typeof claims.exp !== 'number') return null
    return { sub: claims.sub, aud: claims.aud, ...(claims.exp === undefined ? {} : { exp: claims.exp }) }
  } catch {
    return null
  }
}

function signature(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}
