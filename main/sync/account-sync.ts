/**
 * Syncs one account by walking its provider's list pages. Each page's rows and the cursor that
 * follows it commit in one transaction, so a crash or cancel resumes from the last committed
 * page and a repeat never duplicates. The final page and the reconcile (tombstoning what the
 * walk no longer saw) commit together. All fetching happens before a transaction begins:
 * better-sqlite3 transactions cannot span an await.
 */
import type { Database } from 'better-sqlite3'
import type { SyncOutcome } from '../../preload/contract'
import { isoNow, type Clock } from '../core/clock'
import { AppError, toErrorPayload } from '../core/errors'
import type { EventHub } from '../core/events'
import type { AccountRecord, AccountsRepo } from '../db/accounts.repo'
import type { InvoiceChangesRepo } from '../db/invoice-changes.repo'
import type { InvoicesRepo } from '../db/invoices.repo'
import type { RunCounts, SyncStateRepo } from '../db/sync-state.repo'
import type { Connector, InvoicePageResult } from '../providers/connector'

export interface AccountSyncDeps {
  db: Database
  accounts: AccountsRepo
  invoices: InvoicesRepo
  changes: InvoiceChangesRepo
  syncState: SyncStateRepo
  clock: Clock
  events: EventHub
}

export async function syncAccount(
  deps: AccountSyncDeps,
  account: AccountRecord,
  connect: () => Promise<Connector>,
  signal: AbortSignal
): Promise<SyncOutcome> {
  const { db, invoices, changes, syncState, clock, events } = deps
  const state = db.transaction(() => syncState.currentWalk(account.id)).immediate()
  const runId = syncState.startRun(account.id, isoNow(clock), state.resumed)
  const counts: RunCounts = { pages: 0, requests: 0, upserted: 0, removed: 0 }
  const walkedBefore = state.resumed ? syncState.walked(account.id, state.walk) : 0
  const started = clock.now().getTime()
  let expected: number | null = null
  const progress = (phase: 'started' | 'page' | 'finished' | 'failed', message: string | null = null): void =>
    events.emit('sync.progress', {
      accountId: account.id,
      account: account.name,
      phase,
      pages: counts.pages,
      upserted: counts.upserted,
      walked: walkedBefore + counts.upserted,
      expected,
      etaSeconds: phase === 'page' ? eta(expected, walkedBefore, counts.upserted, clock.now().getTime() - started) : null,
      message
    })

  progress('started')
  try {
    const connector = await connect()
    let cursor = state.cursor
    for (;;) {
      const page = await fetchWithRetries(connector, cursor, signal, clock, counts.pages + 1)
      expected = page.expectedTotal ?? expected
      if (signal.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.')
      const syncedAt = isoNow(clock)
      db.transaction(() => {
        for (const invoice of page.invoices) {
          changes.recordUpsert(account.id, syncedAt, invoice)
          invoices.upsert(account.id, state.walk, syncedAt, invoice)
        }
        counts.pages += 1
        counts.requests += page.requests
        counts.upserted += page.invoices.length
        syncState.advance(account.id, page.next)
        if (page.next === null) {
          changes.recordVanished(account.id, syncedAt, state.walk)
          counts.removed = invoices.markUnseenRemoved(account.id, state.walk)
          syncState.finishWalk(account.id)
          deps.accounts.recordSync(account.id, syncedAt, null)
        }
        syncState.updateRun(runId, counts)
      }).immediate()
      progress('page')
      if (page.next === null) break
      cursor = page.next
    }
    syncState.endRun(runId, 'ok', isoNow(clock), null)
    progress('finished')
    return outcome(account, counts, state.resumed, null)
  } catch (error) {
    const payload = toErrorPayload(error)
    const cancelledRun = payload.code === 'CANCELLED'
    syncState.endRun(runId, cancelledRun ? 'cancelled' : 'failed', isoNow(clock), payload)
    if (!cancelledRun) deps.accounts.recordSync(account.id, null, payload.message)
    progress('failed', payload.message)
    return outcome(account, counts, state.resumed, payload)
  }
}

/** Remaining invoices at this run's own pace; null while the size of the walk is unknown. */
function eta(expected: number | null, walkedBefore: number, upserted: number, elapsedMs: number): number | null {
  if (expected === null || upserted === 0 || elapsedMs <= 0) return null
  const remaining = Math.max(0, expected - walkedBefore - upserted)
  return Math.round((remaining / upserted) * (elapsedMs / 1000))
}

/** A malformed page is often a proxy or a deploy mid-flight: try it again before giving up. */
const MALFORMED_PAGE_ATTEMPTS = 3

async function fetchWithRetries(connector: Connector, cursor: string | null, signal: AbortSignal, clock: Clock, page: number): Promise<InvoicePageResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connector.fetchPage(cursor, signal)
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'PROVIDER_BAD_RESPONSE')) throw error
      if (attempt >= MALFORMED_PAGE_ATTEMPTS) {
        // Says which page failed, so a malformed page can be found.
        throw new AppError(error.code, `Page ${page}: ${error.message}`, { cause: error })
      }
      await clock.sleep(1000 * attempt, signal)
    }
  }
}

function outcome(account: AccountRecord, counts: RunCounts, resumed: boolean, error: SyncOutcome['error']): SyncOutcome {
  return { accountId: account.id, account: account.name, ok: error === null, resumed, error, ...counts }
}
