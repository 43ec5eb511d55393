import type { ProviderId } from '../../preload/contract'
import { caresquare } from './caresquare'
import type { ProviderDefinition } from './connector'
import { hoursmith } from './hoursmith'
import { lynkwell } from './lynkwell'
import { yeti } from './yeti'

export const providers: Record<ProviderId, ProviderDefinition> = { caresquare, yeti, hoursmith, lynkwell }

export function providerList(): ProviderDefinition[] {
  return Object.values(providers)
}
