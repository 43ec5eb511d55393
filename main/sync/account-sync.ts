/**
 * Syncs one account by walking its provider's list pages: the full list, or (where the
 * connector can, between daily full walks) only what changed. Each page's rows and the cursor
 * that follows it commit in one transaction, so a crash or cancel resumes from the last
 * committed page and a repeat never duplicates. A full walk's final page and the reconcile
 * (tombstoning what the walk no longer saw) commit together. All fetching happens before a transaction begins:
 * better-sqlite3 transactions cannot span an await.
 */
import type { Database } from 'better-sqlite3'
import { isoNow, type Clock } from '../base/clock'
import { AppError, toErrorPayload } from '../base/errors'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import { MAX_REPORTED_SKIPS, type SkippedRecordBrief, type SyncOutcome } from '../../preload/contract'
import type { AccountRecord, AccountsRepo } from '../db/accounts.repo'
import type { InvoiceChangesRepo } from '../db/invoice-changes.repo'
import type { InvoicesRepo } from '../db/invoices.repo'
import type { SkippedRecordsRepo } from '../db/skipped-records.repo'
import type { PaymentTermsRepo } from '../db/payment-terms.repo'
import type { Log } from '../log/log'
import type { RunCounts, SyncStateRepo, SyncStrategy } from '../db/sync-state.repo'
import type { Connector, InvoicePageResult } from '../providers/connector'

export interface AccountSyncDeps {
  db: Database
  accounts: AccountsRepo
  invoices: InvoicesRepo
  paymentTerms: PaymentTermsRepo
  changes: InvoiceChangesRepo
  syncState: SyncStateRepo
  skipped: SkippedRecordsRepo
  clock: Clock
  events: EventHub
  domain: DomainEvents
  log: Log
}

export interface SyncOptions {
  /** Walk the whole list even where an incremental sync would do (e.g. to see deletions now). */
  full?: boolean
}

/** Deletions are only seen by a full walk; at most this long between two of them. */
export const FULL_RECONCILE_INTERVAL_MS = 24 * 60 * 60 * 1000
/** Above this many unlisted invoices, a walk's removals are taken as they are, unconfirmed. */
const MAX_CONFIRMED_REMOVALS = 500

type Plan =
  { strategy: 'full'; walk: number; cursor: string | null; resumed: boolean } | { strategy: 'incremental'; walk: number; since: string }

/**
 * A walk in progress is resumed; otherwise, where the connector can list changes and the last
 * full walk is recent, only what changed since the cache's newest update is fetched.
 */
function plan(syncState: SyncStateRepo, accountId: string, connector: Connector, now: Date, options: SyncOptions): Plan {
  const state = syncState.peek(accountId)
  if (state.inWalk) return { strategy: 'full', walk: state.walk, cursor: state.cursor, resumed: true }
  if (options.full) return { strategy: 'full', walk: syncState.beginWalk(accountId).walk, cursor: null, resumed: false }
  const lastFull = syncState.lastFullWalkAt(accountId)
  const since = syncState.watermark(accountId)
  const recent = lastFull !== null && now.getTime() - Date.parse(lastFull) < FULL_RECONCILE_INTERVAL_MS
  if (connector.fetchChangedPage && recent && since !== null) return { strategy: 'incremental', walk: state.walk, since }
  return { strategy: 'full', walk: syncState.beginWalk(accountId).walk, cursor: null, resumed: false }
}

export async function syncAccount(
  deps: AccountSyncDeps,
  account: AccountRecord,
  connect: () => Promise<Connector>,
  signal: AbortSignal,
  options: SyncOptions = {}
): Promise<SyncOutcome> {
  const { db, invoices, changes, syncState, clock, events, domain } = deps
  const counts: RunCounts = { pages: 0, requests: 0, upserted: 0, removed: 0, skipped: 0 }
  const skippedRecords: SkippedRecordBrief[] = []
  const started = clock.now().getTime()
  let walkedBefore = 0
  let expected: number | null = null
  let resumed = false
  let runId: number | null = null
  const progress = (phase: 'started' | 'page' | 'finished' | 'failed', message: string | null = null): void => {
    if (phase !== 'started') void domain.emit('invoices.changed', { accountId: account.id })
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
  }

  progress('started')
  try {
    const connector = await connect()
    const chosen = db.transaction(() => plan(syncState, account.id, connector, clock.now(), options)).immediate()
    resumed = chosen.strategy === 'full' && chosen.resumed
    runId = syncState.startRun(account.id, isoNow(clock), resumed, chosen.strategy)
    if (resumed) walkedBefore = syncState.walked(account.id, chosen.walk)
    const fetchPage =
      chosen.strategy === 'full'
        ? (cursor: string | null) => connector.fetchPage(cursor, signal)
        : (cursor: string | null) => connector.fetchChangedPage!(chosen.since, cursor, signal)
    /** What the walk missed but the provider still has (see Connector.confirmGone). */
    const presentThoughUnlisted = async (last: InvoicePageResult, walk: number): Promise<string[]> => {
      if (!connector.confirmGone) return []
      const listed = new Set(last.invoices.map((invoice) => invoice.remoteId))
      const unlisted = invoices.unseenRemoteIds(account.id, walk).filter((id) => !listed.has(id))
      // A mass removal is the walk's to record: confirming each would cost a request per invoice.
      if (unlisted.length === 0 || unlisted.length > MAX_CONFIRMED_REMOVALS) return []
      const gone = await connector.confirmGone(unlisted, signal)
      return unlisted.filter((id) => !gone.has(id))
    }
    let requested = 0
    const fetchNumbered = (cursor: string | null): Promise<InvoicePageResult> =>
      fetchWithRetries(fetchPage, cursor, signal, clock, ++requested)
    let pending = fetchNumbered(chosen.strategy === 'full' ? chosen.cursor : null)
    for (;;) {
      const page = await pending
      // The next page downloads while this one is written: network and disk overlap.
      if (page.next !== null) {
        pending = fetchNumbered(page.next)
        pending.catch(() => undefined)
        await requestOnTheWire()
      }
      expected = page.expectedTotal ?? expected
      const unlistedButPresent = page.next === null && chosen.strategy === 'full' ? await presentThoughUnlisted(page, chosen.walk) : []
      if (signal.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.')
      const syncedAt = isoNow(clock)
      const id = runId
      const skipped = page.skipped ?? []
      const pageNumber = counts.pages + 1
      db.transaction(() => {
        deps.skipped.record(account.id, chosen.walk, pageNumber, syncedAt, skipped)
        deps.skipped.resolve(
          account.id,
          page.invoices.map((invoice) => invoice.remoteId)
        )
        // A cached invoice the provider now sends unreadable stays as it was, never a tombstone.
        if (chosen.strategy === 'full')
          invoices.markSeen(
            account.id,
            chosen.walk,
            skipped.flatMap((record) => (record.remoteId === null ? [] : [record.remoteId]))
          )
        const cached = invoices.cached(account.id, page.invoices)
        invoices.writingPage(account.id, page.invoices, () => {
          for (const invoice of page.invoices) {
            const before = cached.get(invoice.remoteId) ?? null
            if (before !== null) changes.recordUpsert(syncedAt, before, invoice)
            // A page that lists an invoice twice compares the second with the first.
            cached.set(invoice.remoteId, invoices.upsert(account.id, chosen.walk, syncedAt, invoice, before))
          }
          deps.paymentTerms.deriveFor(
            account.id,
            page.invoices.map((invoice) => invoice.remoteId)
          )
        })
        counts.pages += 1
        counts.requests += page.requests
        counts.upserted += page.invoices.length
        counts.skipped += skipped.length
        // An incremental sync is short and starts from the newest change each time: no cursor to keep.
        if (chosen.strategy === 'full') syncState.advance(account.id, page.next)
        if (page.next === null) {
          if (chosen.strategy === 'full') {
            invoices.markSeen(account.id, chosen.walk, unlistedButPresent)
            changes.recordVanished(account.id, syncedAt, chosen.walk)
            counts.removed = invoices.markUnseenRemoved(account.id, chosen.walk)
            deps.skipped.dropUnseen(account.id, chosen.walk)
            syncState.finishWalk(account.id)
          }
          deps.accounts.recordSync(account.id, syncedAt, null)
        }
        syncState.updateRun(id, counts)
      }).immediate()
      for (const record of skipped.slice(0, MAX_REPORTED_SKIPS - skippedRecords.length)) {
        skippedRecords.push({ remoteId: record.remoteId, page: pageNumber, field: record.field, reason: record.reason })
      }
      progress('page')
      if (page.next === null) break
    }
    syncState.endRun(runId, 'ok', isoNow(clock), null)
    progress('finished')
    return outcome(account, counts, skippedRecords, resumed, chosen.strategy, null)
  } catch (error) {
    const payload = toErrorPayload(error)
    // The person is told only that something went wrong; the stack is for whoever reads the log.
    if (payload.code === 'INTERNAL')
      deps.log.error(`Sync of ${account.name} failed unexpectedly`, error, { accountId: account.id, provider: account.provider })
    const cancelledRun = payload.code === 'CANCELLED'
    runId ??= syncState.startRun(account.id, isoNow(clock), false, 'full')
    syncState.endRun(runId, cancelledRun ? 'cancelled' : 'failed', isoNow(clock), payload)
    if (!cancelledRun) deps.accounts.recordSync(account.id, null, payload.message)
    progress('failed', payload.message)
    return outcome(account, counts, skippedRecords, resumed, null, payload)
  }
}

/**
 * fetch() sends a request only a couple of event-loop turns after it is called (two on Node 20),
 * and a page's write blocks the loop: without these turns the next page would not be asked for
 * until this one is written, and the provider and the cache would take turns instead of overlapping.
 */
const TURNS_BEFORE_REQUEST_SENT = 3

async function requestOnTheWire(): Promise<void> {
  for (let turn = 0; turn < TURNS_BEFORE_REQUEST_SENT; turn += 1) await new Promise((resolve) => setImmediate(resolve))
}

/** Remaining invoices at this run's own pace; null while the size of the walk is unknown. */
function eta(expected: number | null, walkedBefore: number, upserted: number, elapsedMs: number): number | null {
  if (expected === null || upserted === 0 || elapsedMs <= 0) return null
  const remaining = Math.max(0, expected - walkedBefore - upserted)
  return Math.round((remaining / upserted) * (elapsedMs / 1000))
}

/** A malformed page is often a proxy or a deploy mid-flight: try it again before giving up. */
const MALFORMED_PAGE_ATTEMPTS = 3

async function fetchWithRetries(
  fetchPage: (cursor: string | null) => Promise<InvoicePageResult>,
  cursor: string | null,
  signal: AbortSignal,
  clock: Clock,
  page: number
): Promise<InvoicePageResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetchPage(cursor)
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

function outcome(
  account: AccountRecord,
  counts: RunCounts,
  skippedRecords: SkippedRecordBrief[],
  resumed: boolean,
  strategy: SyncStrategy | null,
  error: SyncOutcome['error']
): SyncOutcome {
  return { accountId: account.id, account: account.name, ok: error === null, resumed, strategy, error, ...counts, skippedRecords }
}
