import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { ChangesFeedRepo } from '../../main/db/changes-feed.repo'
import { InvoiceChangesRepo } from '../../main/db/invoice-changes.repo'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { InvoicesRepo } from '../../main/db/invoices.repo'
import { openDatabase } from '../../main/db/open-database'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { tempDir } from '../helpers/temp-dir'
import { unifiedInvoice as invoice } from '../helpers/unified-invoice'

const T1 = '2026-03-20T08:00:00.000Z'
const T2 = '2026-04-02T08:00:00.000Z'

describe('changes since an instant', () => {
  function cache() {
    const dir = tempDir()
    const db = openDatabase(join(dir.path, 'quire.sqlite3'))
    onTestFinished(() => dir.remove())
    onTestFinished(() => void db.close())
    const accountId = randomUUID()
    new AccountsRepo(db).insert({
      id: accountId,
      provider: 'hoursmith',
      name: 'Studio',
      baseUrl: 'http://127.0.0.1:9/api/v1',
      options: {},
      createdAt: T1
    })
    const invoices = new InvoicesRepo(db)
    const log = new InvoiceChangesRepo(db)
    // Two syncs: everything is added at T1; at T2 one is paid, one repriced, one restored upstream.
    db.transaction(() => {
      const a = invoices.upsert(accountId, 1, T1, invoice('a'), null)
      const b = invoices.upsert(accountId, 1, T1, invoice('b'), null)
      const c = invoices.upsert(accountId, 1, T1, invoice('c', { removed: true }), null)
      invoices.upsert(accountId, 1, T1, invoice('d'), null)
      const changes: [typeof a, UnifiedInvoice][] = [
        [a, invoice('a', { status: 'paid', paid: '5.00' })],
        [b, invoice('b', { total: '7.25' })],
        [c, invoice('c', { removed: false })]
      ]
      for (const [before, next] of changes) {
        log.recordUpsert(T2, before, next)
        invoices.upsert(accountId, 2, T2, next, before)
      }
    })()
    return { db, accountId, feed: new ChangesFeedRepo(db), query: new InvoiceQueryRepo(db) }
  }

  it('lists what changed at or after the instant, newest first, with old and new values', () => {
    const { feed } = cache()
    const page = feed.page('2026-04-01T00:00:00.000Z', null, 0, 100)
    expect(page.total).toBe(4)
    expect(page.items.map(({ remoteId, field, from, to, at }) => [remoteId, field, from, to, at])).toEqual([
      ['c', 'restored', null, null, T2],
      ['b', 'total', '5.00', '7.25', T2],
      ['a', 'paid', null, '5.00', T2],
      ['a', 'status', 'open', 'paid', T2]
    ])
    expect(page.items.every((item) => item.account === 'Studio' && item.currency === 'EUR')).toBe(true)
  })

  it('includes a change recorded exactly at the instant, however the instant is written, and nothing before', () => {
    const { feed } = cache()
    expect(feed.page(T2, null, 0, 100).total).toBe(feed.page('2026-04-02T08:00:00Z', null, 0, 100).total)
    expect(feed.page('2026-04-02T08:00:00.001Z', null, 0, 100).total).toBe(0)
    const all = [...feed.all('2026-03-01T00:00:00.000Z', null)]
    expect(all.slice(0, 4).map((item) => [item.remoteId, item.field, item.at])).toEqual([
      ['a', 'added', T1],
      ['b', 'added', T1],
      ['c', 'added', T1],
      ['d', 'added', T1]
    ])
    expect(all).toHaveLength(4 + feed.page(T2, null, 0, 100).total)
  })

  it('narrows the grid to the same invoices, by kind of change', () => {
    const { query, accountId } = cache()
    const ids = (filter: Parameters<InvoiceQueryRepo['list']>[0]) =>
      query
        .list(filter, '2026-04-10')
        .items.map((i) => i.remoteId)
        .sort()
    const base = { includeRemoved: true, offset: 0, limit: 100 }
    expect(ids({ ...base, changedSince: { since: '2026-04-01T00:00:00Z' } })).toEqual(['a', 'b', 'c'])
    expect(ids({ ...base, changedSince: { since: '2026-04-01T00:00:00Z', field: 'total' } })).toEqual(['b'])
    expect(ids({ ...base, changedSince: { since: '2026-04-01T00:00:00Z', field: 'restored' } })).toEqual(['c'])
    expect(ids({ ...base, changedSince: { since: '2026-03-01T00:00:00Z', field: 'added' }, accountId })).toEqual(['a', 'b', 'c', 'd'])
    expect(ids({ ...base, changedSince: { since: '2026-04-03T00:00:00Z' } })).toEqual([])
  })
})
