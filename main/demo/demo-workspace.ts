/**
 * The demo workspace: built-in provider simulators on 127.0.0.1 and ordinary accounts pointing
 * at them, so a first run shows real syncing through the real connectors with no sign-up.
 * The demo token is random and lives in the keychain like any other; the simulator is told it.
 */
import { randomBytes } from 'node:crypto'
import type { AccountRecord } from '../db/accounts.repo'
import type { AccountsService } from '../services/accounts.service'
import type { SecretStore } from '../secrets/secret-store'
import { startHoursmithSimulator, type HoursmithSimulator } from '../simulators/hoursmith/server'

export const DEMO_INVOICE_COUNT = 2_400
const DEMO_SEED = 20261123

export class DemoWorkspace {
  private readonly simulators = new Map<string, HoursmithSimulator>()

  constructor(
    private readonly accounts: AccountsService,
    private readonly secrets: SecretStore
  ) {}

  /** Creates the demo accounts (once) and makes sure their simulators run. */
  async start(): Promise<AccountRecord[]> {
    const existing = this.accounts.list().filter((account) => account.options.demo === true)
    if (existing.length > 0) {
      await this.resume()
      return this.accounts.list().filter((account) => account.options.demo === true)
    }
    const token = `hsk_test_${alphanumeric(12)}_${alphanumeric(32)}`
    const simulator = await this.launch(token)
    const account = await this.accounts.add({
      provider: 'hoursmith',
      name: 'Demo — Hoursmith',
      baseUrl: simulator.baseUrl,
      secret: token,
      options: { demo: true }
    })
    this.simulators.set(account.id, simulator)
    return [account]
  }

  /** Simulators do not outlive the process: restart them for demo accounts made earlier. */
  async resume(): Promise<void> {
    for (const account of this.accounts.list()) {
      if (account.options.demo !== true || this.simulators.has(account.id)) continue
      const token = await this.secrets.get(account.id)
      if (token === null) continue
      const simulator = await this.launch(token)
      this.simulators.set(account.id, simulator)
      this.accounts.updateBaseUrl(account.id, simulator.baseUrl)
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.simulators.values()].map((simulator) => simulator.close()))
    this.simulators.clear()
  }

  private launch(token: string): Promise<HoursmithSimulator> {
    return startHoursmithSimulator({ invoices: DEMO_INVOICE_COUNT, seed: DEMO_SEED, tokens: { [token]: { plan: 'studio', role: 'owner', workspace: 'Demo Studio' } } })
  }
}

function alphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('')
}
