/**
 * What kind of network an address is on, for deciding where a secret or a provider-supplied
 * link may go. Ranges from RFC 6890 (special-purpose registries), checked with node's BlockList.
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

export type AddressKind = 'loopback' | 'private' | 'link-local' | 'public'

/** Resolves a host name to its addresses; injectable so tests can point a name anywhere. */
export type ResolveHost = (hostname: string) => Promise<string[]>

export const resolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address)

const ranges: [AddressKind, string, number, 'ipv4' | 'ipv6'][] = [
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['loopback', '::1', 128, 'ipv6'],
  // "This network" and the unspecified address reach the local machine on most systems.
  ['loopback', '0.0.0.0', 8, 'ipv4'],
  ['loopback', '::', 128, 'ipv6'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'],
  ['private', '198.18.0.0', 15, 'ipv4'],
  ['private', 'fc00::', 7, 'ipv6'],
  // Reserved and multicast ranges are no public web host either: treated as private, so refused.
  ['private', '240.0.0.0', 4, 'ipv4'],
  ['private', '224.0.0.0', 4, 'ipv4'],
  ['private', 'ff00::', 8, 'ipv6'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['link-local', 'fe80::', 10, 'ipv6']
]
const lists = new Map<AddressKind, BlockList>()
for (const [kind, network, prefix, family] of ranges) {
  const list = lists.get(kind) ?? new BlockList()
  list.addSubnet(network, prefix, family)
  lists.set(kind, list)
}

/** The kind of an IP address literal (IPv4-mapped IPv6 counts as its IPv4 address). */
export function addressKind(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1]
  const ip = mapped ?? bare
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4'
  for (const [kind, list] of lists) if (list.check(ip, family)) return kind
  return 'public'
}

/** Whether a URL's host name is the loopback interface by its spelling alone (no lookup). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  return isIP(host) !== 0 && addressKind(host) === 'loopback'
}

/**
 * Every kind of address a host name reaches (a literal is its own). A name with any non-public
 * address counts as non-public: the fetch may pick any of them.
 */
export async function hostKinds(hostname: string, resolve: ResolveHost = resolveHost): Promise<Set<AddressKind>> {
  const host = hostname.replace(/^\[|\]$/g, '')
  if (isLoopbackHost(host)) return new Set(['loopback'])
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host)
  return new Set(addresses.map(addressKind))
}
