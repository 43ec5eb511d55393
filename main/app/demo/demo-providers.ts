/**
 * What the demo workspace runs for each provider: the built-in simulator, and the account that
 * points at it. Data is seeded, so a demo restarted later serves the same invoices. The
 * simulators' test fixtures (the references' placeholder records, markup probes) stay out: a
 * new user judges the product by this data.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { ProviderId, ProviderOptions } from '../../../preload/contract'
import { startCareSquareSimulator } from '../../simulators/caresquare/server'
import { startHoursmithSimulator } from '../../simulators/hoursmith/server'
import { startLynkwellSimulator } from '../../simulators/lynkwell/server'
import { startYetiSimulator } from '../../simulators/yeti/server'

export interface RunningDemo {
  baseUrl: string
  /** Options that name the simulator's address (which changes on every start). */
  endpointOptions: ProviderOptions
  close(): Promise<void>
}

export interface DemoProvider {
  provider: ProviderId
  name: string
  newSecret(): string
  /** Options fixed when the demo account is created. */
  newOptions(): ProviderOptions
  launch(secret: string, options: ProviderOptions): Promise<RunningDemo>
}

const SEED = 20261123

export const demoProviders: DemoProvider[] = [
  {
    provider: 'hoursmith',
    name: 'Demo — Hoursmith',
    newSecret: () => `hsk_test_${alphanumeric(12)}_${alphanumeric(32)}`,
    newOptions: () => ({}),
    launch: async (secret) => {
      const simulator = await startHoursmithSimulator({
        invoices: 2_400,
        seed: SEED,
        testFixtures: false,
        tokens: { [secret]: { plan: 'studio', role: 'owner', workspace: 'Demo Studio' } }
      })
      return { baseUrl: simulator.baseUrl, endpointOptions: {}, close: () => simulator.close() }
    }
  },
  {
    provider: 'caresquare',
    name: 'Demo — CareSquare',
    newSecret: () => alphanumeric(40),
    newOptions: () => ({ planManagerIds: [randomUUID(), randomUUID()] }),
    launch: async (secret, options) => {
      const planManagerIds = options.planManagerIds ?? []
      const simulator = await startCareSquareSimulator({
        invoices: 300,
        seed: SEED,
        testFixtures: false,
        apiKeys: { [secret]: { planManagerIds } }
      })
      return { baseUrl: simulator.baseUrl, endpointOptions: {}, close: () => simulator.close() }
    }
  },
  {
    provider: 'yeti',
    name: 'Demo — Yeti-Switch',
    newSecret: () => alphanumeric(24),
    newOptions: () => ({ login: 'demo-customer' }),
    launch: async (secret, options) => {
      const simulator = await startYetiSimulator({
        invoices: 200,
        seed: SEED,
        testFixtures: false,
        users: { [options.login ?? 'demo-customer']: { password: secret } }
      })
      return { baseUrl: simulator.baseUrl, endpointOptions: {}, close: () => simulator.close() }
    }
  },
  {
    provider: 'lynkwell',
    name: 'Demo — Lynkwell',
    newSecret: () => alphanumeric(48),
    newOptions: () => ({ clientId: `demo-${alphanumeric(16)}` }),
    launch: async (secret, options) => {
      const clientId = options.clientId ?? 'demo'
      const simulator = await startLynkwellSimulator({
        invoices: 1_200,
        seed: SEED,
        testFixtures: false,
        clients: { [clientId]: { secret } }
      })
      return {
        baseUrl: simulator.baseUrl,
        endpointOptions: { tokenUrl: simulator.tokenUrl, audience: simulator.audience },
        close: () => simulator.close()
      }
    }
  }
]

function alphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('')
}
