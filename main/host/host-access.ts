/**
 * Who may talk to the test host. Any process on the machine can reach a loopback port and forge
 * an Origin header, and a DNS-rebinding page reaches it under a foreign host name, so every
 * route needs both:
 * - a Host header naming the host itself (127.0.0.1:PORT or localhost:PORT), and
 * - the per-launch token: in the URL the host prints (first load only), then in an HttpOnly,
 *   SameSite=Strict cookie the page cannot read and no other site can make the browser send.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** 256 bits: far beyond guessing over a local socket. */
const TOKEN_BYTES = 32
export const TOKEN_PARAM = 'token'

export interface HostAccess {
  readonly token: string
  /** Whether the request names this host; `port` is the one the host listens on. */
  hostAllowed(request: IncomingMessage, port: number): boolean
  /** Whether the request carries the token in its cookie. */
  hasCookie(request: IncomingMessage, port: number): boolean
  /** Whether a first-load URL carries the token. */
  hasUrlToken(url: URL): boolean
  /** The Set-Cookie value that lets the page's later requests in. */
  cookie(port: number): string
}

export function createHostAccess(token = randomBytes(TOKEN_BYTES).toString('base64url')): HostAccess {
  const matches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false
    const a = Buffer.from(candidate)
    const b = Buffer.from(token)
    return a.length === b.length && timingSafeEqual(a, b)
  }
  return {
    token,
    hostAllowed: (request, port) => {
      const host = request.headers.host?.toLowerCase()
      return host === `127.0.0.1:${port}` || host === `localhost:${port}`
    },
    hasCookie: (request, port) => matches(readCookie(request.headers.cookie, cookieName(port))),
    hasUrlToken: (url) => matches(url.searchParams.get(TOKEN_PARAM)),
    // Cookies are shared by every port of a host name: the name carries the port, so two hosts
    // running side by side do not overwrite each other's.
    cookie: (port) => `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
  }
}

function cookieName(port: number): string {
  return `quire_host_${port}`
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return null
}
