import { networkInterfaces } from 'node:os'

/**
 * Without Electron's net.isOnline, "online" means some non-loopback interface is up: cheap,
 * never touches the network, and right for the case that matters (no network at all).
 */
export function hasNetworkInterface(): boolean {
  return Object.values(networkInterfaces()).some((addresses) => addresses?.some((address) => !address.internal))
}
