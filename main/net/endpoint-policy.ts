/**
 * Where an account's secret may be sent. https only, because a password or token over http can
 * be read by anyone on the path; loopback is exempt (the simulators, tests). A self-hosted
 * Yeti-Switch on the organisation's own network may use http, but only when the person chose
 * "allow insecure connection" for that account and the host really is on a private address.
 * A URL carrying a user name or password is refused outright: it would be stored and logged.
 */
import { AppError } from '../base/errors'
import { hostKinds, isLoopbackHost, resolveHost, type ResolveHost } from './address-kind'

export interface EndpointChoice {
  /** The person's explicit "allow insecure connection" for this account. */
  allowInsecure?: boolean | undefined
  resolve?: ResolveHost | undefined
}

/** Throws VALIDATION naming `what` (e.g. "The base URL") when the secret must not go there. */
export async function checkAccountEndpoint(text: string, what: string, choice: EndpointChoice = {}): Promise<void> {
  const url = parseUrl(text, what)
  if (url.protocol === 'https:') return
  if (url.protocol !== 'http:') throw new AppError('VALIDATION', `${what} must be an https URL.`)
  if (isLoopbackHost(url.hostname)) return
  if (!choice.allowInsecure) {
    throw new AppError(
      'VALIDATION',
      `${what} uses http, which would send your secret unencrypted: use https. Only a self-hosted Yeti-Switch on your own network may use http, and only with "allow insecure connection" chosen for the account.`
    )
  }
  const kinds = await hostKinds(url.hostname, choice.resolve ?? resolveHost).catch(() => null)
  if (kinds === null || kinds.size === 0 || kinds.has('public')) {
    throw new AppError(
      'VALIDATION',
      `${what} uses http and ${url.hostname} is not (or could not be confirmed as) an address on your own network: an insecure connection is allowed only there. Use https.`
    )
  }
}

/** A URL, refused when it carries credentials of its own. */
function parseUrl(text: string, what: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError('VALIDATION', `${what} is not a URL.`)
  }
  if (url.username || url.password) {
    throw new AppError(
      'VALIDATION',
      `${what} contains a user name or password. Remove it from the URL: the secret goes in its own field, where it is kept in the keychain.`
    )
  }
  return url
}
