/**
 * Runs a provider simulator from a terminal, for trying Quire or its CLI without a real account:
 *   npm run --silent simulate -- --provider hoursmith --invoices 5000 [--port N] [--token T]
 * Prints one JSON line with the base URL and the token to use.
 */
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import { startHoursmithSimulator } from './hoursmith/server'

const { values } = parseArgs({
  options: {
    provider: { type: 'string', default: 'hoursmith' },
    invoices: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
    token: { type: 'string' }
  },
  strict: true
})
if (values.provider !== 'hoursmith') {
  process.stderr.write(`simulate: unknown provider ${values.provider}; available: hoursmith\n`)
  process.exit(2)
}
const alnum = (n: number): string => Array.from(randomBytes(n), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('')
const token = values.token ?? `hsk_test_${alnum(12)}_${alnum(32)}`
const simulator = await startHoursmithSimulator({
  invoices: Number(values.invoices),
  seed: Number(values.seed),
  port: Number(values.port),
  tokens: { [token]: { plan: 'studio', role: 'owner' } }
})
process.stdout.write(`${JSON.stringify({ provider: values.provider, baseUrl: simulator.baseUrl, token })}\n`)
const stop = (): void => void simulator.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
