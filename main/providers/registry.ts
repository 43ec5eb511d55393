import type { ProviderId } from '../../preload/contract'
import type { ProviderDefinition } from './connector'
import { hoursmith } from './hoursmith'

export const providers: Record<ProviderId, ProviderDefinition> = { hoursmith }

export function providerList(): ProviderDefinition[] {
  return Object.values(providers)
}
