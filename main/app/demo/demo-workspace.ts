/**
 * The demo workspace: built-in provider simulators on 127.0.0.1 and ordinary accounts pointing
 * at them, so a first run shows real syncing through the real connectors with no sign-up.
 * Demo secrets are random and live in the keychain like any other; each simulator is told its own.
 */
import { connect } from 'node:net'
import type { AccountRecord } from '../../db/accounts.repo'
import type { AccountsService } from '../../services/accounts.service'
import { demoProviders, type RunningDemo } from './demo-providers'

export class DemoWorkspace {
  private readonly running = new Map<string, RunningDemo>()

  constructor(private readonly accounts: AccountsService) {}

  /** Creates the demo accounts (once) and makes sure their simulators run. */
  async start(): Promise<AccountRecord[]> {
    await this.resume()
    const existing = new Set(this.demoAccounts().map((account) => account.provider))
    for (const demo of demoProviders.filter((candidate) => !existing.has(candidate.provider))) {
      const secret = demo.newSecret()
      const options = demo.newOptions()
      const simulator = await demo.launch(secret, options)
      try {
        const account = await this.accounts.add({
          provider: demo.provider,
          name: demo.name,
          baseUrl: simulator.baseUrl,
          options: { ...options, ...simulator.endpointOptions },
          secret,
          demo: true
        })
        this.running.set(account.id, simulator)
      } catch (error) {
        await simulator.close()
        throw error
      }
    }
    return this.demoAccounts()
  }

  /**
   * Simulators do not outlive the process that started them: restart them for demo accounts made
   * earlier. One that another process (the app, while the CLI runs) still serves is used as it
   * is, so neither moves the other's accounts to ports that die with it.
   */
  async resume(): Promise<void> {
    for (const account of this.demoAccounts()) {
      const demo = demoProviders.find((candidate) => candidate.provider === account.provider)
      if (!demo || this.running.has(account.id) || (await isListening(account.baseUrl))) continue
      const secret = await this.accounts.storedSecret(account.id)
      if (secret === null) continue
      const { demo: _demo, ...options } = account.options
      const simulator = await demo.launch(secret, options)
      this.running.set(account.id, simulator)
      await this.accounts.updateEndpoint(account.id, simulator.baseUrl, { ...account.options, ...simulator.endpointOptions })
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.values()].map((simulator) => simulator.close()))
    this.running.clear()
  }

  private demoAccounts(): AccountRecord[] {
    return this.accounts.list().filter((account) => account.options.demo === true)
  }
}

/** Whether something accepts connections where the URL points (loopback: an answer or a refusal comes at once). */
function isListening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    socket.setTimeout(500)
    const done = (listening: boolean) => {
      socket.destroy()
      resolve(listening)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.once('timeout', () => done(false))
  })
}
