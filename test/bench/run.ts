/**
 * npm run bench [-- [--quick] [--invoices N] [--cache N] [--only sync,queries,renderer,pdf,documents] [--providers hoursmith,yeti,…]]
 * Quire's speed as ratios to the physical limit of this machine, measured in the same run:
 * sync throughput per provider and all four at once beside raw HTTP and raw SQLite, with peak
 * memory; query latency on a large cache through the contract beside the direct call; the
 * renderer in Chromium through the test host on a large cache (first rows, scroll frame times,
 * JS heap, and the host process's RSS while it loads, scrolls, searches and sorts); and the in-app PDF viewer's time to first page for a cached PDF. Prints JSON on
 * stdout and a table on stderr, with pass/fail against the targets.
 * Targets are reported, never asserted: benchmarks are not tests.
 *
 * Sizes: sync at 100,000 and 1,000,000 invoices per provider (--quick: 5,000; --invoices N: only
 * N); queries and the renderer on a cache of 1,000,000 (--quick: 100,000; --cache N). --only runs
 * a subset of the parts, e.g. `--only renderer,pdf`; `latency` syncs each provider over a simulated
 * link (--latency-ms, default 80, ± --jitter-ms, default 20) against the bound it sets. --reuse-cache FILE copies a cache built
 * earlier by test/helpers/large-cache.ts with the same --cache count instead of building one. The renderer and PDF parts build the app
 * from the tree into a temp folder first (seconds), so they never measure a stale out/.
 */
import { parseArgs } from 'node:util'
import { FIRST_WINDOW } from './cold-queries'
import { measureQueries } from './query-latency'
import { round } from './stats'
import type { ScrollFigures } from './renderer-figures'
import {
  invoicesOverALink,
  measureAllFour,
  measureProvider,
  measureUnderLatency,
  type LatencyFigures,
  type SyncFigures
} from './sync-throughput'

const PARTS = ['sync', 'latency', 'queries', 'renderer', 'pdf', 'documents'] as const
type Part = (typeof PARTS)[number]

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    invoices: { type: 'string' },
    cache: { type: 'string' },
    'reuse-cache': { type: 'string' },
    'latency-ms': { type: 'string', default: '80' },
    'jitter-ms': { type: 'string', default: '20' },
    only: { type: 'string' },
    providers: { type: 'string' }
  },
  strict: true
})
const counts = values.invoices ? [Number(values.invoices)] : values.quick ? [5_000] : [100_000, 1_000_000]
const cached = Number(values.cache ?? (values.quick ? 100_000 : 1_000_000))
const parts = new Set<string>(values.only?.split(',') ?? PARTS)
const unknownParts = [...parts].filter((part) => !PARTS.includes(part as Part))
if (unknownParts.length > 0) {
  process.stderr.write(`bench: --only takes ${PARTS.join(', ')}; not ${unknownParts.join(', ')}\n`)
  process.exit(2)
}
const PDF_OPENS = 10
const SYNC_PROVIDERS = ['hoursmith', 'yeti', 'lynkwell', 'caresquare'] as const
/** --providers picks some (all four at once runs only with every one). */
const syncProviders = SYNC_PROVIDERS.filter((provider) => values.providers === undefined || values.providers.split(',').includes(provider))
if (syncProviders.length === 0) {
  process.stderr.write(`bench: --providers takes ${SYNC_PROVIDERS.join(', ')}\n`)
  process.exit(2)
}

async function allFour(count: number, perProvider: SyncFigures[]): Promise<SyncFigures> {
  process.stderr.write(`sync: all four at once, ${count.toLocaleString()} invoices each…\n`)
  return measureAllFour(count, perProvider)
}

const TARGETS = {
  syncRatio: 0.5,
  coreRssMb: 400,
  listPageP95Ms: 5,
  ftsP95Ms: 20,
  firstRowsMs: 1000,
  scrollFrameP95Ms: 16.7,
  coldFirstRowsP95Ms: 50,
  coldTotalsP95Ms: 150,
  launchExtraMs: 1000,
  latencyRatio: 0.8,
  hostRssMb: 400,
  duplicatesSeconds: 5
}

const sync: (SyncFigures & { pass: { ratio: boolean; rss: boolean } })[] = []
for (const count of parts.has('sync') ? counts : []) {
  const perProvider: SyncFigures[] = []
  for (const provider of syncProviders) {
    process.stderr.write(`sync: ${provider}, ${count.toLocaleString()} invoices…\n`)
    perProvider.push(await measureProvider(provider, count))
  }
  const together = perProvider.length === SYNC_PROVIDERS.length ? [await allFour(count, perProvider)] : []
  for (const f of [...perProvider, ...together]) {
    sync.push({ ...f, pass: { ratio: f.ratioToLimit >= TARGETS.syncRatio, rss: f.peakRssMb <= TARGETS.coreRssMb } })
  }
}

/**
 * Over a link with latency each request costs a round trip, so fewer invoices say as much
 * (--invoices N: N), though never fewer than twenty list pages (Yeti: 20,000).
 */
const latencyInvoices = values.invoices ? Number(values.invoices) : values.quick ? 5_000 : 20_000
const link = { ms: Number(values['latency-ms']), jitterMs: Number(values['jitter-ms']) }
const latency: (LatencyFigures & { pass: boolean })[] = []
for (const provider of parts.has('latency') ? syncProviders : []) {
  const invoices = invoicesOverALink(provider, latencyInvoices)
  process.stderr.write(`sync under ${link.ms} ± ${link.jitterMs} ms latency: ${provider}, ${invoices.toLocaleString()} invoices…\n`)
  const f = await measureUnderLatency(provider, invoices, link)
  latency.push({ ...f, pass: f.ratioToBound >= TARGETS.latencyRatio })
}

if (parts.has('queries')) process.stderr.write(`queries: building a ${cached.toLocaleString()}-invoice cache…\n`)
const queryRun = parts.has('queries') ? await measureQueries(cached, values.quick ? 20 : 50, values['reuse-cache']) : null
const cold = queryRun && {
  ...queryRun.cold,
  pass: {
    firstRows: queryRun.cold.firstRows.contract.p95 <= TARGETS.coldFirstRowsP95Ms,
    totals: queryRun.cold.totals.contract.p95 <= TARGETS.coldTotalsP95Ms
  }
}
const launch = queryRun && { ...queryRun.launch, pass: queryRun.launch.extraMs <= TARGETS.launchExtraMs }
const queries = (queryRun?.repeated ?? []).map((q) => {
  const target = q.query.startsWith('search') ? TARGETS.ftsP95Ms : q.query.startsWith('totals') ? null : TARGETS.listPageP95Ms
  return { ...q, targetP95Ms: target, pass: target === null ? null : q.contract.p95 <= target }
})

if (parts.has('documents'))
  process.stderr.write(`documents: duplicates on a ${cached.toLocaleString()}-invoice cache, a 10,000-PDF bundle…\n`)
const documents = parts.has('documents')
  ? await (async () => {
      const { measureDuplicates, measureBundle } = await import('./documents')
      const duplicates = measureDuplicates(cached)
      return {
        duplicates,
        bundle: await measureBundle(values.quick ? 2_000 : 10_000),
        targets: { duplicatesSeconds: TARGETS.duplicatesSeconds }
      }
    })()
  : undefined

// Loaded only now: the build tool and Playwright in memory would count against the core's peak RSS during sync.
const ui: Partial<Awaited<ReturnType<typeof measureInChromium>>> =
  parts.has('renderer') || parts.has('pdf') ? await (await import('./renderer-build')).withRendererBuild(measureInChromium) : {}

process.stdout.write(
  `${JSON.stringify(
    {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      invoices: counts,
      cachedInvoices: cached,
      targets: TARGETS,
      sync: parts.has('sync') ? sync : undefined,
      syncUnderLatency: parts.has('latency') ? latency : undefined,
      launch: launch ?? undefined,
      coldQueries: cold ?? undefined,
      queries: parts.has('queries') ? queries : undefined,
      renderer: ui.renderer,
      pdf: ui.pdf,
      documents
    },
    null,
    2
  )}\n`
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
if (sync.length > 0)
  printTable(['provider', 'invoices', 's', 'inv/s', 'http limit/s', 'sqlite limit/s', 'ratio (≥0.5)', 'peak RSS MB (≤400)'], rows)
if (latency.length > 0) {
  printTable(
    [
      `sync over ${link.ms} ± ${link.jitterMs} ms a request`,
      'invoices',
      'requests',
      's',
      'inv/s',
      'in flight',
      'mean in flight',
      'link bound inv/s',
      'storage limit inv/s',
      `ratio to the lower (≥${TARGETS.latencyRatio})`
    ],
    latency.map((f) => [
      f.provider,
      f.invoices.toLocaleString(),
      f.requests.toLocaleString(),
      `${f.seconds}`,
      f.invoicesPerSecond.toLocaleString(),
      `${f.inFlight}`,
      `${f.link.meanInFlight}`,
      f.linkBoundPerSecond.toLocaleString(),
      f.storageLimitPerSecond.toLocaleString(),
      `${f.ratioToBound} ${f.pass ? 'ok' : 'MISS'}`
    ])
  )
}
if (launch) {
  printTable(
    [`launch, ${cached.toLocaleString()} cached vs empty (median of ${launch.launches})`, 'core open ms', 'first rows ms', 'target'],
    [
      ['large cache', `${round(launch.large.openMs)}`, `${round(launch.large.firstRowsMs)}`, '—'],
      ['empty cache', `${round(launch.empty.openMs)}`, `${round(launch.empty.firstRowsMs)}`, '—'],
      ['extra time to first rows', '', `${launch.extraMs}`, `≤ ${TARGETS.launchExtraMs} ${launch.pass ? 'ok' : 'MISS'}`]
    ]
  )
}
if (cold) {
  const spread = (s: { p50: number; p95: number; max: number }): string => `${s.p50} / ${s.p95} / ${s.max}`
  printTable(
    [
      `cold: ${cold.queries} distinct queries, each asked once (money columns built ${cold.moneyColumnsBuildMs} ms after launch)`,
      'contract p50/p95/max ms',
      'SQLite alone p50/p95/max ms',
      'target'
    ],
    [
      [
        `first ${FIRST_WINDOW} rows`,
        spread(cold.firstRows.contract),
        spread(cold.firstRows.rawSql),
        `p95 ≤ ${TARGETS.coldFirstRowsP95Ms} ${cold.pass.firstRows ? 'ok' : 'MISS'}`
      ],
      [
        'totals per currency (with the count)',
        spread(cold.totals.contract),
        spread(cold.totals.rawSql),
        `p95 ≤ ${TARGETS.coldTotalsP95Ms} ${cold.pass.totals ? 'ok' : 'MISS'}`
      ]
    ]
  )
  printTable(
    ['cold query', 'matches', 'first rows ms', 'raw ms', 'totals ms', 'raw ms'],
    cold.each.map((q) => [
      q.query,
      q.matches.toLocaleString(),
      `${q.firstRowsMs}`,
      `${q.rawFirstRowsMs}`,
      `${q.totalsMs}`,
      `${q.rawTotalsMs}`
    ])
  )
}
if (queries.length > 0)
  printTable(
    ['repeated query (secondary)', 'contract p50/p95/p99 ms', 'direct p50/p95/p99 ms', 'raw SQL p50/p95/p99 ms', 'bytes', 'target p95'],
    queries.map((q) => [
      q.query,
      `${q.contract.p50} / ${q.contract.p95} / ${q.contract.p99}`,
      `${q.direct.p50} / ${q.direct.p95} / ${q.direct.p99}`,
      `${q.rawSql.p50} / ${q.rawSql.p95} / ${q.rawSql.p99}`,
      q.bytes.toLocaleString(),
      q.targetP95Ms === null ? '—' : `${q.targetP95Ms} ${q.pass ? 'ok' : 'MISS'}`
    ])
  )

if (ui.renderer) {
  const { renderer } = ui
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISS')
  printTable(
    [`renderer, ${renderer.cachedInvoices.toLocaleString()} cached`, 'measured', 'target'],
    [
      [
        'first rows painted, first load (core cold)',
        `${renderer.firstRowsMs} ms (in DOM at ${renderer.firstRowsInDomMs})`,
        `≤ ${TARGETS.firstRowsMs} ms ${verdict(renderer.pass.firstRows)}`
      ],
      ['first rows painted, later loads p50/p95', `${renderer.firstRowsWarmMs.p50} / ${renderer.firstRowsWarmMs.p95} ms`, '—'],
      ...scrollRows(
        'scroll top to bottom',
        renderer.scroll,
        `p95 ≤ ${TARGETS.scrollFrameP95Ms} ms ${verdict(renderer.pass.scrollFrameP95)}`
      ),
      ...scrollRows('steady scroll, 1 row a frame', renderer.steadyScroll, '—'),
      ['JS heap after scrolling', `${renderer.jsHeapMb.afterScroll} MB (${renderer.jsHeapMb.afterGc} after GC)`, '—'],
      [
        'host process RSS while browsing: peak / steady',
        `${renderer.hostRssMb.peak} / ${renderer.hostRssMb.steady} MB`,
        `peak ≤ ${TARGETS.hostRssMb} MB ${verdict(renderer.pass.hostRss)}`
      ],
      [
        '  peak by the end of loads / scrolls / searches and sorts',
        `${renderer.hostRssMb.afterLoads} / ${renderer.hostRssMb.afterScrolls} / ${renderer.hostRssMb.afterSearchesAndSorts} MB`,
        '—'
      ]
    ]
  )
}
if (documents) {
  const { duplicates, bundle } = documents
  printTable(
    ['documents', 'measured', 'target'],
    [
      [
        `likely duplicates, ${duplicates.invoices.toLocaleString()} invoices (${duplicates.planted.toLocaleString()} planted)`,
        `${duplicates.groups.toLocaleString()} groups in ${duplicates.seconds.p50} s (max ${duplicates.seconds.max})`,
        `≤ ${TARGETS.duplicatesSeconds} s ${duplicates.seconds.max <= TARGETS.duplicatesSeconds ? 'ok' : 'MISS'}`
      ],
      [
        `PDF bundle, ${bundle.invoices.toLocaleString()} cached provider PDFs`,
        `${bundle.seconds} s, ${Math.round(bundle.zipBytes / 1_048_576)} MB ZIP, RSS ${bundle.rssMb.before} → ${bundle.rssMb.peak} MB`,
        '— (flat memory)'
      ]
    ]
  )
}
if (ui.pdf) {
  printTable(
    ['PDF viewer, cached PDF', 'bytes', 'click → first page painted p50/p95/p99 ms', 'drawn p50/p95/p99 ms', 'target'],
    ui.pdf.documents.map((d) => [
      `${d.source} (${d.opens} opens)`,
      d.bytes.toLocaleString(),
      `${d.firstPageMs.p50} / ${d.firstPageMs.p95} / ${d.firstPageMs.p99}`,
      `${d.drawnMs.p50} / ${d.drawnMs.p95} / ${d.drawnMs.p99}`,
      '— (none stated)'
    ])
  )
}

function scrollRows(label: string, scroll: ScrollFigures, target: string): string[][] {
  const long = scroll.longAnimationFrames
  return [
    [
      `${label}, ${scroll.frames} frames: p50/p95/p99`,
      `${scroll.frameMs.p50} / ${scroll.frameMs.p95} / ${scroll.frameMs.p99} ms, ${scroll.framesOverBudget} missed the 60 Hz beat`,
      target
    ],
    [
      '  raw rAF p50/p95/p99, max',
      `${scroll.rawFrameMs.p50} / ${scroll.rawFrameMs.p95} / ${scroll.rawFrameMs.p99}, ${scroll.rawFrameMs.max} ms`,
      '—'
    ],
    ['  long animation frames (> 50 ms)', long ? `${long.count}, worst ${long.worstMs} ms, blocking ${long.blockingMs} ms` : 'n/a', '—'],
    ['  frames with rows still loading in view', `${scroll.placeholderFrames}; all in view ${scroll.settledMs} ms after the last step`, '—']
  ]
}

/** The renderer and PDF parts, on one build of the app. */
async function measureInChromium(rendererDir: string) {
  const { measureRenderer } = await import('./renderer-figures')
  const { measurePdfFirstPage } = await import('./pdf-first-page')
  if (parts.has('renderer')) process.stderr.write(`renderer: a ${cached.toLocaleString()}-invoice cache in Chromium…\n`)
  const renderer = parts.has('renderer') ? await measureRenderer(cached, rendererDir, values['reuse-cache']) : undefined
  if (parts.has('pdf')) process.stderr.write(`pdf: ${PDF_OPENS} opens of each cached PDF in the viewer…\n`)
  const pdf = parts.has('pdf') ? await measurePdfFirstPage(rendererDir, PDF_OPENS) : undefined
  return {
    renderer: renderer && {
      ...renderer,
      pass: {
        firstRows: renderer.firstRowsMs <= TARGETS.firstRowsMs,
        scrollFrameP95: renderer.scroll.frameMs.p95 <= TARGETS.scrollFrameP95Ms,
        hostRss: renderer.hostRssMb.peak <= TARGETS.hostRssMb
      }
    },
    pdf: pdf && { target: null, documents: pdf }
  }
}

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  process.stderr.write('\n')
  for (const row of [header, ...body]) process.stderr.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`)
}
