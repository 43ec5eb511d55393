/**
 * Where a link a provider sends (Lynkwell's pdfUrl) may be fetched from. A hostile or
 * compromised API could point it at the machine itself or the office network (a router's admin
 * page, a cloud metadata service), and Quire would fetch it from inside. So, unless the link is
 * on the API's own origin: https only, and no loopback, private or link-local address (by what
 * the name resolves to) unless the API itself lives on such an address. Redirects are checked
 * the same way, hop by hop (see requestPdf).
 *
 * The name is resolved again by the fetch itself, so a DNS answer that changes between the two
 * lookups (rebinding) is not covered; the link also carries no secret (the bearer token is only
 * ever sent to the API's own origin, without redirects).
 */
import { AppError } from '../base/errors'
import { hostKinds, resolveHost, type ResolveHost } from './address-kind'

export const MAX_LINK_REDIRECTS = 5

export async function checkLinkTarget(target: URL, apiBaseUrl: string, who: string, resolve: ResolveHost = resolveHost): Promise<void> {
  if (target.username || target.password) throw refused(who, target, 'it carries a user name or password')
  const api = new URL(apiBaseUrl)
  if (target.origin === api.origin) return
  if (target.protocol !== 'https:') throw refused(who, target, 'it is not https and not on the API’s own address')
  const [targetKinds, apiKinds] = await Promise.all([
    lookupKinds(target, who, resolve),
    hostKinds(api.hostname, resolve).catch(() => new Set<string>())
  ])
  for (const kind of targetKinds) {
    if (kind !== 'public' && !apiKinds.has(kind))
      throw refused(who, target, `it points to a ${kind} address, which the provider’s API is not on`)
  }
}

async function lookupKinds(target: URL, who: string, resolve: ResolveHost) {
  try {
    return await hostKinds(target.hostname, resolve)
  } catch (cause) {
    throw new AppError('PROVIDER_UNAVAILABLE', `${who}: could not look up ${target.hostname} to download the PDF.`, { cause })
  }
}

function refused(who: string, target: URL, reason: string): AppError {
  return new AppError('PROVIDER_BAD_RESPONSE', `${who}: Quire did not download the PDF from ${target.host}: ${reason}.`)
}
