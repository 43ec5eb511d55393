/**
 * Query latency on a large cache, through the contract (validation both ways, as every
 * renderer call pays) beside the same query on the core service directly: the difference is
 * the IPC layer's own cost, and the JSON size is what crosses it. The first run of a filter or
 * sort pays for it; the query layer keeps the result until the cache changes, so p99 shows the
 * cold cost and p50 the warm one.
 */
import { join } from 'node:path'
import { InvoiceFilter, InvoiceQuery, type MethodInput } from '../../preload/contract'
import { createCore } from '../../main/core/create-core'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { buildLargeCache } from '../helpers/large-cache'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { percentiles, timed } from './stats'

export interface QueryFigures {
  query: string
  contract: { p50: number; p95: number; p99: number }
  direct: { p50: number; p95: number; p99: number }
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
  ['combined filter (open, EUR, issued 2024)', { offset: 0, limit: 100, status: 'open', currency: 'EUR', issued: { from: '2024-01-01', to: '2024-12-31' } }]
]

export async function measureQueries(count: number, runs: number): Promise<QueryFigures[]> {
  const dir = tempDir('quire-bench-')
  try {
    buildLargeCache(join(dir.path, 'quire.sqlite3'), count).close()
    const core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets() })
    const dispatch = createDispatch(createHandlers(core, 'bench'))
    const figures: QueryFigures[] = []
    for (const [label, query] of listQueries(count)) {
      figures.push(await sample(label, runs, () => dispatch('invoices.list', query), () => core.invoices.list(InvoiceQuery.parse(query))))
    }
    figures.push(await sample('totals per currency, all', runs, () => dispatch('invoices.getTotals', {}), () => core.invoices.totals(InvoiceFilter.parse({}))))
    await core.close()
    return figures
  } finally {
    dir.remove()
  }
}

async function sample(query: string, runs: number, viaContract: () => Promise<unknown>, direct: () => unknown): Promise<QueryFigures> {
  const contract: number[] = []
  const straight: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i += 1) {
    const a = await timed(viaContract)
    contract.push(a.ms)
    bytes = JSON.stringify(a.value).length
    straight.push((await timed(direct)).ms)
  }
  return { query, contract: percentiles(contract), direct: percentiles(straight), bytes }
}
