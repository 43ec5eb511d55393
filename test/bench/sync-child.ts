/**
 * Quire's side of a sync measurement, in a process of its own, so its peak RSS is the core's:
 * not the bench's, which holds whole walks in memory for the limits. Takes
 * `{ dataDir, sims: SimulatorEndpoint[] }` as JSON in argv[2] and prints one JSON line.
 */
import { createCore } from '../../main/app/create-core'
import { MemorySecrets } from '../helpers/memory-secrets'
import { walk, WARM_UP_INVOICES, type SimulatorEndpoint } from './connector-walk'
import { linkUse, recordRequests } from './request-timeline'
import { timed, watchPeakRss } from './stats'

const { dataDir, sims } = JSON.parse(process.argv[2] ?? '') as { dataDir: string; sims: SimulatorEndpoint[] }
// This process's code for each API, warmed as the limits' walks are.
for (const sim of sims) await walk(sim, WARM_UP_INVOICES)
const timeline = recordRequests(globalThis.fetch)
const core = await createCore({ dataDir, secrets: new MemorySecrets(), publishedBudgets: false, fetch: timeline.fetch })
for (const [index, sim] of sims.entries()) {
  await core.accounts.add({
    provider: sim.provider,
    name: `${sim.provider}-${index}`,
    baseUrl: sim.baseUrl,
    options: sim.options,
    secret: sim.secret
  })
}
const peak = watchPeakRss()
timeline.spans.length = 0
const { value: outcomes, ms } = await timed(() => core.sync.run())
const peakRssMb = peak()
await core.close()
const failed = outcomes.filter((o) => !o.ok)
if (failed.length > 0) {
  process.stderr.write(`bench sync failed: ${failed.map((o) => o.error?.message).join('; ')}\n`)
  process.exit(1)
}
process.stdout.write(
  `${JSON.stringify({ invoices: outcomes.reduce((sum, o) => sum + o.upserted, 0), requests: outcomes.reduce((sum, o) => sum + o.requests, 0), ms, peakRssMb, link: linkUse(timeline.spans), httpRequests: timeline.spans.length })}\n`
)
