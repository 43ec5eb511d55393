import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { ProviderId, ProviderOptions } from '../../preload/contract'

export interface SimulatorProcess {
  provider: ProviderId
  baseUrl: string
  secret: string
  options: ProviderOptions
  stop(): Promise<void>
}

/**
 * A provider simulator in a process of its own (`npm run simulate`), so a large dataset's memory
 * is never counted as Quire's and the simulator's CPU is not Quire's either.
 */
export async function startSimulatorProcess(
  provider: ProviderId,
  invoices: number,
  latency?: { ms: number; jitterMs: number }
): Promise<SimulatorProcess> {
  const link = latency ? ['--latency-ms', String(latency.ms), '--jitter-ms', String(latency.jitterMs)] : []
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      'main/simulators/main.ts',
      '--provider',
      provider,
      '--invoices',
      String(invoices),
      '--no-rate-limits',
      ...link
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`simulator for ${provider} exited with ${code}`)))
  })
  const printed = JSON.parse(line) as {
    baseUrl: string
    secret: string
    planManagerIds?: string[]
    login?: string
    clientId?: string
    tokenUrl?: string
    audience?: string
  }
  const options: ProviderOptions = {
    ...(printed.planManagerIds ? { planManagerIds: printed.planManagerIds } : {}),
    ...(printed.login ? { login: printed.login } : {}),
    ...(printed.clientId ? { clientId: printed.clientId, tokenUrl: printed.tokenUrl, audience: printed.audience } : {})
  }
  return { provider, baseUrl: printed.baseUrl, secret: printed.secret, options, stop: () => stop(child) }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
