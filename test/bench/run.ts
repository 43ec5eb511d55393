/**
 * npm run bench [-- --quick]
 * Quire's speed as ratios to the physical limit of this machine, measured in the same run:
 * sync throughput per provider and all four at once beside raw HTTP and raw SQLite, with peak
 * memory. Prints JSON on stdout and a table on stderr, with pass/fail against the targets.
 * Targets are reported, never asserted: benchmarks are not tests.
 */
import { parseArgs } from 'node:util'
import { measureAllFour, measureProvider, type SyncFigures } from './sync-throughput'

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, invoices: { type: 'string' } }, strict: true })
const count = Number(values.invoices ?? (values.quick ? 5_000 : 100_000))

const TARGETS = { syncRatio: 0.5, coreRssMb: 400 }

const perProvider: SyncFigures[] = []
for (const provider of ['hoursmith', 'yeti', 'lynkwell', 'caresquare'] as const) {
  process.stderr.write(`sync: ${provider}, ${count.toLocaleString()} invoices…\n`)
  perProvider.push(await measureProvider(provider, count))
}
process.stderr.write('sync: all four at once…\n')
const together = await measureAllFour(count, perProvider)
const sync = [...perProvider, together].map((f) => ({
  ...f,
  pass: { ratio: f.ratioToLimit >= TARGETS.syncRatio, rss: f.peakRssMb <= TARGETS.coreRssMb }
}))

process.stdout.write(`${JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, invoices: count, targets: TARGETS, sync }, null, 2)}\n`)

const rows = sync.map((f) => [
  f.provider,
  f.invoices.toLocaleString(),
  `${f.seconds}`,
  f.invoicesPerSecond.toLocaleString(),
  f.httpLimitPerSecond.toLocaleString(),
  f.sqliteLimitPerSecond.toLocaleString(),
  `${f.ratioToLimit} ${f.pass.ratio ? 'ok' : 'MISS'}`,
  `${f.peakRssMb} ${f.pass.rss ? 'ok' : 'MISS'}`
])
const header = ['provider', 'invoices', 's', 'inv/s', 'http limit/s', 'sqlite limit/s', 'ratio (≥0.5)', 'peak RSS MB (≤400)']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
for (const row of [header, ...rows]) process.stderr.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`)
