/**
 * Repeated query latency on a large cache (the secondary table; the headline is cold-queries.ts),
 * three ways: through the contract (validation both ways, as
 * every renderer call pays), on the core service directly, and as raw SQL (the statements the
 * query layer runs for that request, prepared once and run straight on better-sqlite3). The
 * difference between the first two is the IPC layer's own cost, and the JSON size is what
 * crosses it. The query layer keeps counts, totals and whole orders until the cache changes, so
 * for the first two p99 shows the cold cost and p50 the warm one; raw SQL remembers nothing, so
 * every run of it pays what the SQL costs.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { InvoiceFilter, InvoiceQuery, type MethodInput } from '../../preload/contract'
import { createCore } from '../../main/app/create-core'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { localIsoDate } from '../../preload/contract/local-date'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { buildLargeCache } from '../helpers/large-cache'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { measureColdQueries, type ColdFigures } from './cold-queries'
import { measureLaunch, type LaunchFigures } from './launch-cost'
import { percentiles, round, timed } from './stats'

type Percentiles = { p50: number; p95: number; p99: number }

export interface QueryFigures {
  query: string
  contract: Percentiles
  direct: Percentiles
  rawSql: Percentiles
  bytes: number
}

const listQueries = (count: number): [string, MethodInput<'invoices.list'>][] => [
  ['first page, default sort', { offset: 0, limit: 100 }],
  [`deep scroll (offset ${Math.floor(count / 2).toLocaleString()})`, { offset: Math.floor(count / 2), limit: 100 }],
  ['sort by total, desc', { offset: 0, limit: 100, sort: { column: 'total', direction: 'desc' } }],
  ['sort by counterparty, asc', { offset: 0, limit: 100, sort: { column: 'counterparty', direction: 'asc' } }],
  ['sort by due date, asc', { offset: 0, limit: 100, sort: { column: 'dueDate', direction: 'asc' } }],
  ['search: rare ("retainer 770")', { offset: 0, limit: 100, search: 'retainer 770' }],
  ['search: common ("retainer")', { offset: 0, limit: 100, search: 'retainer' }],
  ['search: number prefix ("INV-00042")', { offset: 0, limit: 100, search: 'INV-00042' }],
  [
    'combined filter (open, EUR, issued 2024)',
    { offset: 0, limit: 100, status: 'open', currency: 'EUR', issued: { from: '2024-01-01', to: '2024-12-31' } }
  ]
]

export interface QueryRun {
  launch: LaunchFigures
  /** `moneyColumnsBuildMs`: from the launch until word searches are totalled in memory. */
  cold: ColdFigures & { moneyColumnsBuildMs: number }
  repeated: QueryFigures[]
}

/**
 * On one large cache: the launch cost, then the cold figures on a core that has answered
 * nothing yet, then the repeated figures. `reuse`: a cache built earlier by buildLargeCache with
 * the same count, copied instead of built (a million rows take a minute to build).
 */
export async function measureQueries(count: number, runs: number, reuse?: string): Promise<QueryRun> {
  const dir = tempDir('quire-bench-')
  try {
    const file = join(dir.path, 'quire.sqlite3')
    if (reuse) copyFileSync(reuse, file)
    else buildLargeCache(file, count).close()
    const launch = await measureLaunch(dir.path)
    const core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets() })
    const dispatch = createDispatch(createHandlers(core, 'bench'))
    const today = localIsoDate(new Date())
    // As the app does after its launch (start-background.ts): word searches are totalled from
    // these once built; until then SQLite answers, as it does for the raw figures.
    const built = await timed(() => {
      core.moneyColumns.start()
      return core.moneyColumns.ready()
    })
    const cold = { ...(await measureColdQueries(dispatch, file, today)), moneyColumnsBuildMs: round(built.ms) }
    const raw = rawSqlOn(new Database(file, { readonly: true }))
    const figures: QueryFigures[] = []
    for (const [label, query] of listQueries(count)) {
      const parsed = InvoiceQuery.parse(query)
      figures.push(
        await sample(
          label,
          runs,
          () => dispatch('invoices.list', query),
          () => core.invoices.list(parsed),
          raw.of((repo) => repo.list(parsed, today))
        )
      )
    }
    const everything = InvoiceFilter.parse({})
    figures.push(
      await sample(
        'totals per currency, all',
        runs,
        () => dispatch('invoices.getTotals', {}),
        () => core.invoices.totals(everything),
        raw.of((repo) => repo.totals(everything, today))
      )
    )
    raw.close()
    await core.close()
    return { launch, cold, repeated: figures }
  } finally {
    dir.remove()
  }
}

/** How a statement hands back rows: the query layer's choice is part of what it costs. */
interface RowMode {
  pluck: boolean
  raw: boolean
  safeIntegers: boolean
}

interface RecordedRun {
  sql: string
  params: unknown[]
  mode: RowMode
}

/**
 * The statements the query layer runs for a request, found by letting a fresh query layer (which
 * remembers nothing yet) answer it once over a connection that records every statement run, then
 * run again as they are: the same SQL and parameters, each prepared once, every row fetched.
 */
function rawSqlOn(db: Database.Database) {
  let recorded: RecordedRun[] = []
  const recording = new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key, target)
      return (sql: string) => recordingStatement(target.prepare(sql), sql, (run) => recorded.push(run))
    }
  })
  return {
    of(request: (repo: InvoiceQueryRepo) => unknown): () => void {
      recorded = []
      request(new InvoiceQueryRepo(recording))
      const runs = recorded
        .filter((run) => !/^\s*PRAGMA/i.test(run.sql))
        .map(({ sql, params, mode }) => {
          const statement = db.prepare(sql).safeIntegers(mode.safeIntegers)
          return { statement: mode.pluck ? statement.pluck() : statement.raw(mode.raw), params }
        })
      return () => {
        for (const { statement, params } of runs) statement.all(...params)
      }
    },
    close: () => db.close()
  }
}

/** A statement that reports each run (with its parameters and row mode) before doing it. */
function recordingStatement(statement: Database.Statement, sql: string, record: (run: RecordedRun) => void): Database.Statement {
  const mode: RowMode = { pluck: false, raw: false, safeIntegers: false }
  const proxy: Database.Statement = new Proxy(statement, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown
      if (typeof value !== 'function') return value
      if (key === 'all' || key === 'get' || key === 'iterate' || key === 'run') {
        return (...params: unknown[]) => {
          record({ sql, params, mode: { ...mode } })
          return (value as (...args: unknown[]) => unknown).apply(target, params)
        }
      }
      // pluck(), raw(), safeIntegers() and the like return the statement: keep recording it.
      return (...args: unknown[]) => {
        const on = args[0] !== false
        if (key === 'pluck' || key === 'raw') Object.assign(mode, { pluck: key === 'pluck' && on, raw: key === 'raw' && on })
        if (key === 'safeIntegers') mode.safeIntegers = on
        const result = (value as (...args: unknown[]) => unknown).apply(target, args)
        return result === target ? proxy : result
      }
    }
  })
  return proxy
}

async function sample(
  query: string,
  runs: number,
  viaContract: () => Promise<unknown>,
  direct: () => unknown,
  rawSql: () => void
): Promise<QueryFigures> {
  const contract: number[] = []
  const straight: number[] = []
  const raw: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i += 1) {
    const a = await timed(viaContract)
    contract.push(a.ms)
    bytes = JSON.stringify(a.value).length
    straight.push((await timed(direct)).ms)
  }
  // Apart, so the garbage its larger results leave is not collected in the others' time.
  for (let i = 0; i < runs; i += 1) raw.push((await timed(rawSql)).ms)
  return { query, contract: percentiles(contract), direct: percentiles(straight), rawSql: percentiles(raw), bytes }
}
