import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { ProviderId } from '../../preload/contract'
import { DomainEvents } from '../../main/base/domain-events'
import { EventHub } from '../../main/base/events'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { InvoiceChangesRepo } from '../../main/db/invoice-changes.repo'
import { InvoiceQueryRepo } from '../../main/db/invoice-query'
import { InvoicesRepo } from '../../main/db/invoices.repo'
import { openDatabase } from '../../main/db/open-database'
import { PaymentTermsRepo } from '../../main/db/payment-terms.repo'
import { SkippedRecordsRepo } from '../../main/db/skipped-records.repo'
import { SyncStateRepo } from '../../main/db/sync-state.repo'
import { pagedConnector } from './connector-walk'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { syncAccount } from '../../main/sync/account-sync'
import { fakeClock } from './fake-clock'
import { tempDir } from './temp-dir'
import { silentLog } from '../../main/log/log'

/**
 * A real cache on a temp file with one account, filled by the real sync from a page of
 * invoices written in the test. `close` must run after the test.
 */
export function smallCache(provider: ProviderId = 'lynkwell', now = '2026-11-20T08:00:00Z') {
  const dir = tempDir()
  const db = openDatabase(join(dir.path, 'quire.sqlite3'))
  const accounts = new AccountsRepo(db)
  const accountId = randomUUID()
  accounts.insert({ id: accountId, provider, name: 'Books', baseUrl: 'http://127.0.0.1:9', options: {}, createdAt: '2026-11-01T08:00:00Z' })
  const terms = new PaymentTermsRepo(db)
  const deps = {
    db,
    accounts,
    invoices: new InvoicesRepo(db),
    paymentTerms: terms,
    changes: new InvoiceChangesRepo(db),
    syncState: new SyncStateRepo(db),
    clock: fakeClock(new Date(now)),
    skipped: new SkippedRecordsRepo(db),
    events: new EventHub(),
    domain: new DomainEvents(),
    log: silentLog
  }
  /** One full walk listing exactly these invoices. */
  const sync = async (...invoices: UnifiedInvoice[]): Promise<void> => {
    const outcome = await syncAccount(
      deps,
      accounts.byId(accountId)!,
      async () => pagedConnector([invoices]),
      new AbortController().signal,
      { full: true }
    )
    expect(outcome.error).toBeNull()
  }
  const query = new InvoiceQueryRepo(db)
  return {
    db,
    accountId,
    terms,
    sync,
    /** Reads the cache afresh (the writes above do not tell the query side). */
    query: (): InvoiceQueryRepo => {
      query.invalidate()
      return query
    },
    close: (): void => {
      db.close()
      dir.remove()
    }
  }
}

export function unifiedInvoice(remoteId: string, fields: Partial<UnifiedInvoice> = {}): UnifiedInvoice {
  return {
    remoteId,
    number: `INV-${remoteId}`,
    status: 'open',
    rawStatus: 'open',
    paymentStatus: null,
    counterparty: null,
    notes: null,
    issueDate: '2026-11-01',
    dueDate: null,
    periodStart: null,
    periodEnd: null,
    currency: 'EUR',
    subtotal: null,
    tax: null,
    total: '5.00',
    paid: null,
    hasPdf: false,
    remoteCreatedAt: null,
    remoteUpdatedAt: null,
    removed: false,
    lineItems: [],
    raw: { id: remoteId },
    ...fields
  }
}
