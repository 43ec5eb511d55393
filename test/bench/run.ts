/**
 * npm run bench [-- --quick]
 * Quire's speed as ratios to the physical limit of this machine, measured in the same run:
 * sync throughput per provider and all four at once beside raw HTTP and raw SQLite, with peak
 * memory; query latency on a large cache through the contract beside the direct call. Prints JSON on stdout and a table on stderr, with pass/fail against the targets.
 * Targets are reported, never asserted: benchmarks are not tests.
 */
import { parseArgs } from 'node:util'
import { measureQueries } from './query-latency'
import { measureAllFour, measureProvider, type SyncFigures } from './sync-throughput'

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, invoices: { type: 'string' }, cache: { type: 'string' } }, strict: true })
const count = Number(values.invoices ?? (values.quick ? 5_000 : 100_000))
const cached = Number(values.cache ?? (values.quick ? 100_000 : 1_000_000))

const TARGETS = { syncRatio: 0.5, coreRssMb: 400, listPageP95Ms: 5, ftsP95Ms: 20 }

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

process.stderr.write(`queries: building a ${cached.toLocaleString()}-invoice cache…\n`)
const queries = (await measureQueries(cached, values.quick ? 20 : 50)).map((q) => {
  const target = q.query.startsWith('search') ? TARGETS.ftsP95Ms : q.query.startsWith('totals') ? null : TARGETS.listPageP95Ms
  return { ...q, targetP95Ms: target, pass: target === null ? null : q.contract.p95 <= target }
})

process.stdout.write(
  `${JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, invoices: count, cachedInvoices: cached, targets: TARGETS, sync, queries }, null, 2)}\n`
)

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
printTable(['provider', 'invoices', 's', 'inv/s', 'http limit/s', 'sqlite limit/s', 'ratio (≥0.5)', 'peak RSS MB (≤400)'], rows)
printTable(
  ['query', 'contract p50/p95/p99 ms', 'direct p50/p95/p99 ms', 'bytes', 'target p95'],
  queries.map((q) => [
    q.query,
    `${q.contract.p50} / ${q.contract.p95} / ${q.contract.p99}`,
    `${q.direct.p50} / ${q.direct.p95} / ${q.direct.p99}`,
    q.bytes.toLocaleString(),
    q.targetP95Ms === null ? '—' : `${q.targetP95Ms} ${q.pass ? 'ok' : 'MISS'}`
  ])
)

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  process.stderr.write('\n')
  for (const row of [header, ...body]) process.stderr.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`)
}
