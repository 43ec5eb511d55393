/**
 * Invoice view sessions: syncs the ones a provider records (CareSquare) and records Quire's own
 * while an invoice is open, in one shape and one table. Local sessions exist only on this
 * machine: nothing here sends them anywhere, and recording can be turned off and cleared.
 */
import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import type { Database } from 'better-sqlite3'
import type { ActivitySettings, InvoiceActivity, RecentActivity, ViewerState, ViewSurface } from '../../preload/contract'
import { isoNow, type Clock } from '../base/clock'
import { AppError, toErrorPayload } from '../base/errors'
import type { AccountRecord } from '../db/accounts.repo'
import type { Log } from '../log/log'
import type { Connector } from '../providers/connector'
import { ActivitySettingsRepo } from './activity-settings.repo'
import { advance, isStale, STALE_AFTER_MS, startTracker, type Sample } from './local-session-tracker'
import { toViewSession, totalsOf } from './session-view'
import { syncRemoteSessions } from './sync-remote-sessions'
import { ViewSessionSyncRepo } from './view-session-sync.repo'
import { ViewSessionsRepo } from './view-sessions.repo'

export interface ActivityDeps {
  db: Database
  clock: Clock
  log: Log
  /** Throws NOT_FOUND for an account that no longer exists. */
  account(accountId: string): AccountRecord
  connect(account: AccountRecord): Promise<Connector>
  /** Who is recording local sessions; the OS user name unless a test says otherwise. */
  userName?: () => string | null
}

export class ActivityService {
  private readonly sessions: ViewSessionsRepo
  private readonly syncStatus: ViewSessionSyncRepo
  private readonly settingsRepo: ActivitySettingsRepo
  private readonly userName: () => string | null

  constructor(private readonly deps: ActivityDeps) {
    this.sessions = new ViewSessionsRepo(deps.db)
    this.syncStatus = new ViewSessionSyncRepo(deps.db)
    this.settingsRepo = new ActivitySettingsRepo(deps.db)
    this.userName = deps.userName ?? osUserName
  }

  /**
   * On start: a session left open by a crash or kill ends at its last heartbeat. One heartbeating
   * right now is left alone, as another Quire process (the app beside a CLI run) may own it.
   */
  recoverOnStart(): number {
    return this.sessions.closeStaleLocal(this.now() - STALE_AFTER_MS)
  }

  forInvoice(accountId: string, remoteId: string): InvoiceActivity {
    this.deps.account(accountId)
    const now = this.now()
    const sessions = this.sessions.forInvoice(accountId, remoteId).map((row) => toViewSession(row, now))
    return { sessions, totals: totalsOf(sessions), remoteSync: this.syncStatus.forAccount(accountId) }
  }

  recent(limit: number): RecentActivity {
    const now = this.now()
    return { sessions: this.sessions.recent(limit).map((row) => toViewSession(row, now)), remoteSync: this.syncStatus.all() }
  }

  /** Starts a local session; null when recording is off, and then nothing is written. */
  begin(accountId: string, remoteId: string, surface: ViewSurface, state: ViewerState): { sessionId: string | null } {
    if (!this.settingsRepo.get().recordLocal) return { sessionId: null }
    this.deps.account(accountId)
    if (!this.sessions.invoiceExists(accountId, remoteId)) throw new AppError('NOT_FOUND', `Invoice ${remoteId} is not in the cache.`)
    const sessionId = randomUUID()
    const now = this.now()
    this.deps.db
      .transaction(() => {
        this.sessions.closeStaleLocal(now - STALE_AFTER_MS)
        this.sessions.insertLocal(accountId, remoteId, sessionId, this.userName(), surface, startTracker(now, sample(state)))
      })
      .immediate()
    return { sessionId }
  }

  /**
   * Counts the time since the last heartbeat. A session that went stale in between (the machine
   * slept, the window froze) already ended at its last heartbeat: `open: false` says so, and the
   * renderer begins a new one if the invoice is still in view.
   */
  heartbeat(sessionId: string, state: ViewerState): { open: boolean } {
    return this.deps.db
      .transaction(() => {
        const tracker = this.sessions.openLocal(sessionId)
        if (tracker === null) return { open: false }
        const now = this.now()
        if (isStale(tracker, now) || !this.settingsRepo.get().recordLocal) {
          this.sessions.updateLocal(sessionId, tracker, true)
          return { open: false }
        }
        this.sessions.updateLocal(sessionId, advance(tracker, now, sample(state)), false)
        return { open: true }
      })
      .immediate()
  }

  end(sessionId: string): { ended: boolean } {
    return this.deps.db
      .transaction(() => {
        const tracker = this.sessions.openLocal(sessionId)
        if (tracker === null) return { ended: false }
        const now = this.now()
        this.sessions.updateLocal(sessionId, isStale(tracker, now) ? tracker : advance(tracker, now, null), true)
        return { ended: true }
      })
      .immediate()
  }

  settings(): ActivitySettings {
    return this.settingsRepo.get()
  }

  /** Turning recording off ends the sessions running now; what was recorded stays until cleared. */
  updateSettings(changes: Partial<ActivitySettings>): ActivitySettings {
    if (changes.recordLocal !== undefined) {
      const recordLocal = changes.recordLocal
      this.deps.db
        .transaction(() => {
          this.settingsRepo.setRecordLocal(recordLocal)
          if (!recordLocal) for (const sessionId of this.sessions.openLocalIds()) this.end(sessionId)
        })
        .immediate()
    }
    return this.settingsRepo.get()
  }

  /** Deletes every local session (open ones too); remote ones are the provider's and stay. */
  clearLocal(): { cleared: number } {
    return { cleared: this.sessions.clearLocal() }
  }

  /**
   * Runs after an account's invoices synced. Never throws: a failure is recorded and shown with
   * the activity, and the invoice sync stays a success.
   */
  async syncAfterInvoices(account: AccountRecord, signal: AbortSignal): Promise<void> {
    let connector: Connector
    try {
      connector = await this.deps.connect(account)
    } catch {
      // The invoice sync that just ran with the same credentials reports any trouble with them.
      return
    }
    if (!connector.fetchViewSessionPage) return
    const attemptedAt = isoNow(this.deps.clock)
    try {
      await syncRemoteSessions(
        { db: this.deps.db, sessions: this.sessions, clock: this.deps.clock },
        account.id,
        connector.fetchViewSessionPage.bind(connector),
        signal
      )
      this.syncStatus.succeeded(account.id, attemptedAt)
    } catch (error) {
      const payload = toErrorPayload(error)
      if (payload.code === 'CANCELLED') return
      if (payload.code === 'INTERNAL')
        this.deps.log.error(`View sessions of ${account.name} failed to sync`, error, { accountId: account.id })
      this.syncStatus.failed(account.id, attemptedAt, payload)
    }
  }

  private now(): number {
    return this.deps.clock.now().getTime()
  }
}

function sample(state: ViewerState): Sample {
  return { focused: state.focused, visible: state.visible, lastInputAt: state.lastInputAt === null ? null : Date.parse(state.lastInputAt) }
}

function osUserName(): string | null {
  try {
    return userInfo().username
  } catch {
    // No passwd entry for this uid (some containers): the session is still worth keeping.
    return null
  }
}
