/**
 * Runs a provider simulator from a terminal, for trying Quire or its CLI without a real account:
 *   npm run --silent simulate -- --provider hoursmith|caresquare|yeti|lynkwell [--invoices N] [--port N] [--no-rate-limits]
 *     [--latency-ms N [--jitter-ms N]]   (every request waits that long, as over a real link)
 *     [--bad-records]   (Hoursmith: mix in records no reference promises, see shared/bad-records.ts)
 * Yeti-Switch sends its datetimes in the zone named by $YETI_TZ (an IANA name or `+02:00`), as
 * a yeti-web install configured with that zone does; UTC when unset.
 * Prints one JSON line: the base URL, the options and the secret to add the account with.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { startCareSquareSimulator } from './caresquare/server'
import { startHoursmithSimulator } from './hoursmith/server'
import { startLynkwellSimulator } from './lynkwell/server'
import { startYetiSimulator } from './yeti/server'
import { withLatency } from './shared/faults'

const { values } = parseArgs({
  options: {
    provider: { type: 'string', default: 'hoursmith' },
    invoices: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
    // For benchmarks: serve as fast as asked instead of enforcing Hoursmith's published limits.
    'no-rate-limits': { type: 'boolean' },
    'bad-records': { type: 'boolean' },
    'latency-ms': { type: 'string', default: '0' },
    'jitter-ms': { type: 'string', default: '0' }
  },
  strict: true
})
const invoices = Number(values.invoices)
const seed = Number(values.seed)
const port = Number(values.port)
const latency = { ms: Number(values['latency-ms']), jitterMs: Number(values['jitter-ms']), seed }
if (!(latency.ms >= 0 && latency.jitterMs >= 0 && latency.jitterMs <= latency.ms)) {
  process.stderr.write('simulate: --latency-ms and --jitter-ms take milliseconds, the jitter at most the latency\n')
  process.exit(2)
}
const faults = latency.ms > 0 ? withLatency(latency) : undefined
const alnum = (n: number): string => Array.from(randomBytes(n), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('')

type Started = { close(): Promise<void>; printed: Record<string, unknown> }

async function start(provider: string | undefined): Promise<Started> {
  switch (provider) {
    case 'hoursmith': {
      const secret = `hsk_test_${alnum(12)}_${alnum(32)}`
      const unlimited = { burst: Number.MAX_SAFE_INTEGER, burstWindowMs: 1, sustained: Number.MAX_SAFE_INTEGER, sustainedWindowMs: 1 }
      const sim = await startHoursmithSimulator({
        invoices,
        seed,
        port,
        faults,
        tokens: { [secret]: { plan: 'studio', role: 'owner' } },
        badRecords: values['bad-records'] ?? false,
        ...(values['no-rate-limits'] ? { rateLimits: unlimited } : {})
      })
      return { close: sim.close, printed: { baseUrl: sim.baseUrl, secret } }
    }
    case 'caresquare': {
      const secret = alnum(40)
      const planManagerIds = [randomUUID()]
      const sim = await startCareSquareSimulator({ invoices, seed, port, faults, apiKeys: { [secret]: { planManagerIds } } })
      return { close: sim.close, printed: { baseUrl: sim.baseUrl, planManagerIds, secret } }
    }
    case 'yeti': {
      const secret = alnum(24)
      const sim = await startYetiSimulator({
        invoices,
        seed,
        port,
        faults,
        users: { demo: { password: secret } },
        timeZone: process.env.YETI_TZ || 'UTC'
      })
      return { close: sim.close, printed: { baseUrl: sim.baseUrl, login: 'demo', secret } }
    }
    case 'lynkwell': {
      const secret = alnum(48)
      const clientId = `demo-${alnum(12)}`
      const sim = await startLynkwellSimulator({ invoices, seed, port, faults, clients: { [clientId]: { secret } } })
      return { close: sim.close, printed: { baseUrl: sim.baseUrl, clientId, tokenUrl: sim.tokenUrl, audience: sim.audience, secret } }
    }
    default:
      process.stderr.write(`simulate: unknown provider ${provider}; one of hoursmith, caresquare, yeti, lynkwell\n`)
      process.exit(2)
  }
}

const started = await start(values.provider)
process.stdout.write(`${JSON.stringify({ provider: values.provider, ...started.printed })}\n`)
const stop = (): void => void started.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
