import type { ViewSession } from '../../../../preload/contract'

/** Where a session was recorded: the provider's name, or this computer (local sessions never leave it). */
export function sourceLabel(session: Pick<ViewSession, 'source' | 'provider'>, providerLabel: (provider: string) => string): string {
  return session.source === 'local' ? 'This computer' : providerLabel(session.provider)
}
