import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { InvoiceQuery, type LineItem } from '../../preload/contract'
import { EventHub } from '../../main/base/events'
import { DomainEvents } from '../../main/base/domain-events'
import { silentLog } from '../../main/log/log'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { InvoiceChangesRepo } from '../../main/db/invoice-changes.repo'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { PaymentTermsRepo } from '../../main/db/payment-terms.repo'
import { InvoicesRepo } from '../../main/db/invoices.repo'
import { openDatabase } from '../../main/db/open-database'
import { SkippedRecordsRepo } from '../../main/db/skipped-records.repo'
import { SyncStateRepo } from '../../main/db/sync-state.repo'
import { pagedConnector } from '../helpers/connector-walk'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { syncAccount } from '../../main/sync/account-sync'
import { fakeClock } from '../helpers/fake-clock'
import { tempDir } from '../helpers/temp-dir'
import { unifiedInvoice as invoice } from '../helpers/unified-invoice'

/**
 * A re-sync rewrites an invoice's line items and search entry only when they change. Whatever
 * it skips or rewrites, the cache must read exactly as if every page had been written whole.
 */
describe('sync page writes', () => {
  function cache() {
    const dir = tempDir()
    const db = openDatabase(join(dir.path, 'quire.sqlite3'))
    onTestFinished(() => dir.remove())
    onTestFinished(() => void db.close())
    const accounts = new AccountsRepo(db)
    const accountId = randomUUID()
    accounts.insert({
      id: accountId,
      provider: 'hoursmith',
      name: 'Studio',
      baseUrl: 'http://127.0.0.1:9/api/v1',
      options: {},
      createdAt: '2026-11-20T08:00:00Z'
    })
    const deps = {
      db,
      accounts,
      invoices: new InvoicesRepo(db),
      paymentTerms: new PaymentTermsRepo(db),
      changes: new InvoiceChangesRepo(db),
      syncState: new SyncStateRepo(db),
      skipped: new SkippedRecordsRepo(db),
      clock: fakeClock(new Date('2026-11-20T08:00:00Z')),
      events: new EventHub(),
      domain: new DomainEvents(),
      log: silentLog
    }
    /** One full walk whose pages are exactly `pages`. */
    const sync = async (...pages: UnifiedInvoice[][]) => {
      const outcome = await syncAccount(deps, accounts.byId(accountId)!, async () => pagedConnector(pages), new AbortController().signal, {
        full: true
      })
      expect(outcome.error).toBeNull()
    }
    const search = (text: string): string[] => {
      const page = new InvoiceQueryRepo(db).list(InvoiceQuery.parse({ search: text, includeRemoved: true, limit: 500 }), '2026-11-20')
      return page.items.map((item) => item.remoteId).sort()
    }
    return { db, accountId, sync, search }
  }

  it('keeps search exact whether a re-sync skips or performs the search rewrite', async () => {
    const { db, sync, search } = cache()
    const lines = (...descriptions: string[]): LineItem[] =>
      descriptions.map((description, position) => ({ position, description, quantity: '1', unitPrice: '5.00', amount: '5.00' }))
    const a = invoice('a', { number: 'INV-100', counterparty: 'Acme Pty Ltd', lineItems: lines('Consulting hours') })
    const b = invoice('b', { number: 'INV-200', counterparty: 'Globex', notes: 'Quarterly retainer' })
    const c = invoice('c', { number: 'INV-300', counterparty: 'Initech', lineItems: lines('Travel', 'Parking') })
    await sync([a, b], [c])
    expect(search('acme')).toEqual(['a'])

    // Unchanged text (a's amounts and status move, b is the same): the entries stay and still match.
    const aPaid = { ...a, status: 'paid' as const, paid: '5.00', lineItems: a.lineItems.map((line) => ({ ...line, amount: '4.50' })) }
    // Changed text: a new counterparty, new notes, new line descriptions.
    const cRenamed = { ...c, counterparty: 'Umbrella Health', lineItems: lines('Travel', 'Accommodation') }
    const bNoted = { ...b, notes: 'Annual licence' }
    await sync([aPaid, bNoted], [cRenamed])
    expect(search('acme')).toEqual(['a'])
    expect(search('consulting')).toEqual(['a'])
    expect(search('retainer')).toEqual([])
    expect(search('licence')).toEqual(['b'])
    expect(search('initech')).toEqual([])
    expect(search('umbrella')).toEqual(['c'])
    expect(search('parking')).toEqual([])
    expect(search('accommodation')).toEqual(['c'])
    expect(search('travel')).toEqual(['c'])
    expect(
      db.prepare(`SELECT amount FROM line_items l JOIN invoices i ON i.id = l.invoice_id WHERE i.remote_id = 'a'`).pluck().all()
    ).toEqual(['4.50'])

    // c vanishes upstream: a tombstone, still found where tombstones are asked for.
    await sync([aPaid, bNoted])
    expect(search('umbrella')).toEqual(['c'])
    expect(db.prepare(`SELECT removed FROM invoices WHERE remote_id = 'c'`).pluck().get()).toBe(1)
    // c comes back with new text; the old text no longer finds it.
    await sync([aPaid, bNoted, { ...cRenamed, counterparty: 'Stark Logistics', lineItems: [] }])
    expect(search('umbrella')).toEqual([])
    expect(search('accommodation')).toEqual([])
    expect(search('stark')).toEqual(['c'])
    expectSearchIndexMatchesRows(db)
  })

  it('writes an invoice listed twice in one page as the later listing, with its change logged', async () => {
    const { db, sync, search } = cache()
    const first = invoice('a', { number: 'INV-1', counterparty: 'Acme Pty Ltd' })
    const second = {
      ...first,
      counterparty: 'Globex',
      status: 'paid' as const,
      lineItems: [{ position: 0, description: 'Retainer', quantity: null, unitPrice: null, amount: '5.00' }]
    }
    await sync([first, second])
    expect(search('acme')).toEqual([])
    expect(search('globex retainer')).toEqual(['a'])
    expect(db.prepare(`SELECT count(*) FROM invoices`).pluck().get()).toBe(1)
    expect(db.prepare(`SELECT count(*) FROM line_items`).pluck().get()).toBe(1)
    expect(db.prepare(`SELECT field, before, after FROM invoice_changes`).all()).toEqual([
      { field: 'status', before: 'open', after: 'paid' }
    ])
    expectSearchIndexMatchesRows(db)
  })
})

/** Every row's search entry finds it by each of its words, and nothing else is indexed. */
function expectSearchIndexMatchesRows(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT i.id, i.number, i.counterparty, i.notes, (SELECT group_concat(description, ' ') FROM line_items WHERE invoice_id = i.id) AS lines FROM invoices i`
    )
    .all() as { id: number; number: string | null; counterparty: string | null; notes: string | null; lines: string | null }[]
  expect(db.prepare(`SELECT count(*) FROM invoice_fts`).pluck().get()).toBe(rows.length)
  const find = db.prepare(`SELECT rowid FROM invoice_fts WHERE invoice_fts MATCH ?`).pluck()
  for (const row of rows) {
    for (const word of [row.number, row.counterparty, row.notes, row.lines]
      .join(' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)) {
      expect(find.all(`"${word}"`), `${word} → ${row.id}`).toContain(row.id)
    }
  }
}
