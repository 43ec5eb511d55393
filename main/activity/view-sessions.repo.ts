import type { Database } from 'better-sqlite3'
import type { ProviderId, ViewSessionSource, ViewSurface } from '../../preload/contract'
import type { UnifiedViewSession } from '../providers/unified-view-session'
import { toSeconds, type Tracker } from './local-session-tracker'

/** A session as read back, with its account and (when cached) its invoice. */
export interface SessionRow {
  source: ViewSessionSource
  session_id: string
  account_id: string
  account: string
  provider: ProviderId
  invoice_remote_id: string
  invoice_number: string | null
  invoice_cached: 0 | 1
  user_id: string | null
  user_name: string | null
  surface: ViewSurface | null
  started_at: string
  ended_at: string | null
  last_heartbeat_at: string | null
  duration_seconds: number | null
  active_seconds: number | null
  engaged_seconds: number | null
  idle_count: number | null
}

interface TrackerRow {
  started_at: string
  last_heartbeat_at: string
  active_ms: number
  engaged_ms: number
  idle_count: number
  viewer_active: 0 | 1
  last_input_at: string | null
}

// Sessions link to invoices by (account, remote id) only: one synced later links up by itself.
const SELECT_SESSIONS = `
  SELECT s.source, s.session_id, s.account_id, a.name AS account, a.provider, s.invoice_remote_id,
    i.number AS invoice_number, i.id IS NOT NULL AS invoice_cached, s.user_id, s.user_name,
    s.surface, s.started_at, s.ended_at, s.last_heartbeat_at, s.duration_seconds,
    s.active_seconds, s.engaged_seconds, s.idle_count
  FROM view_sessions s
  JOIN accounts a ON a.id = s.account_id
  LEFT JOIN invoices i ON i.account_id = s.account_id AND i.remote_id = s.invoice_remote_id`

const iso = (ms: number): string => new Date(ms).toISOString()

/** Remote sessions upserted by provider id; local ones written at begin and at each heartbeat. */
export class ViewSessionsRepo {
  private readonly upsertRemoteStmt
  private readonly insertLocalStmt
  private readonly updateLocalStmt
  private readonly openLocalStmt
  private readonly closeStaleStmt
  private readonly openLocalIdsStmt
  private readonly clearLocalStmt
  private readonly forInvoiceStmt
  private readonly recentStmt
  private readonly invoiceExistsStmt

  constructor(db: Database) {
    this.upsertRemoteStmt = db.prepare(`
      INSERT INTO view_sessions (
        source, account_id, session_id, invoice_remote_id, user_id, user_name, started_at,
        ended_at, last_heartbeat_at, duration_seconds, active_seconds, engaged_seconds,
        idle_count, remote_created_at, raw, synced_at)
      VALUES (
        'remote', @accountId, @remoteId, @invoiceRemoteId, @userId, @userName, @startedAt,
        @endedAt, @lastHeartbeatAt, @durationSeconds, @activeSeconds, @engagedSeconds,
        @idleCount, @createdAt, @raw, @syncedAt)
      ON CONFLICT (account_id, source, session_id) DO UPDATE SET
        invoice_remote_id = excluded.invoice_remote_id, user_id = excluded.user_id,
        user_name = excluded.user_name, started_at = excluded.started_at,
        ended_at = excluded.ended_at, last_heartbeat_at = excluded.last_heartbeat_at,
        duration_seconds = excluded.duration_seconds, active_seconds = excluded.active_seconds,
        engaged_seconds = excluded.engaged_seconds, idle_count = excluded.idle_count,
        remote_created_at = excluded.remote_created_at, raw = excluded.raw,
        synced_at = excluded.synced_at`)
    this.insertLocalStmt = db.prepare(`
      INSERT INTO view_sessions (
        source, account_id, session_id, invoice_remote_id, user_name, surface, started_at,
        last_heartbeat_at, duration_seconds, active_seconds, engaged_seconds, idle_count,
        active_ms, engaged_ms, viewer_active, last_input_at)
      VALUES (
        'local', @accountId, @sessionId, @invoiceRemoteId, @userName, @surface, @startedAt,
        @lastHeartbeatAt, @durationSeconds, @activeSeconds, @engagedSeconds, @idleCount,
        @activeMs, @engagedMs, @viewerActive, @lastInputAt)`)
    this.updateLocalStmt = db.prepare(`
      UPDATE view_sessions SET
        last_heartbeat_at = @lastHeartbeatAt, ended_at = @endedAt,
        duration_seconds = @durationSeconds, active_seconds = @activeSeconds,
        engaged_seconds = @engagedSeconds, idle_count = @idleCount, active_ms = @activeMs,
        engaged_ms = @engagedMs, viewer_active = @viewerActive, last_input_at = @lastInputAt
      WHERE source = 'local' AND session_id = @sessionId`)
    this.openLocalStmt = db.prepare<[string], TrackerRow>(`
      SELECT started_at, last_heartbeat_at, active_ms, engaged_ms, idle_count, viewer_active, last_input_at
      FROM view_sessions WHERE source = 'local' AND session_id = ? AND ended_at IS NULL`)
    // Every heartbeat already stored the counts up to itself, so ending there is exact.
    this.closeStaleStmt = db.prepare<[string]>(
      `UPDATE view_sessions SET ended_at = last_heartbeat_at WHERE source = 'local' AND ended_at IS NULL AND last_heartbeat_at < ?`
    )
    this.openLocalIdsStmt = db.prepare<[], { session_id: string }>(
      `SELECT session_id FROM view_sessions WHERE source = 'local' AND ended_at IS NULL`
    )
    this.clearLocalStmt = db.prepare(`DELETE FROM view_sessions WHERE source = 'local'`)
    this.forInvoiceStmt = db.prepare<[string, string], SessionRow>(
      `${SELECT_SESSIONS} WHERE s.account_id = ? AND s.invoice_remote_id = ? ORDER BY s.started_at DESC, s.id DESC`
    )
    this.recentStmt = db.prepare<[number], SessionRow>(`${SELECT_SESSIONS} ORDER BY s.started_at DESC, s.id DESC LIMIT ?`)
    this.invoiceExistsStmt = db.prepare<[string, string], { found: 1 }>(
      `SELECT 1 AS found FROM invoices WHERE account_id = ? AND remote_id = ?`
    )
  }

  /** Call inside the page's transaction. */
  upsertRemote(accountId: string, syncedAt: string, session: UnifiedViewSession): void {
    const { raw, ...fields } = session
    this.upsertRemoteStmt.run({ ...fields, accountId, syncedAt, raw: JSON.stringify(raw) })
  }

  insertLocal(
    accountId: string,
    invoiceRemoteId: string,
    sessionId: string,
    userName: string | null,
    surface: ViewSurface,
    tracker: Tracker
  ): void {
    this.insertLocalStmt.run({ accountId, invoiceRemoteId, sessionId, userName, surface, ...trackerColumns(tracker) })
  }

  updateLocal(sessionId: string, tracker: Tracker, ended: boolean): void {
    this.updateLocalStmt.run({ sessionId, ...trackerColumns(tracker), endedAt: ended ? iso(tracker.lastHeartbeatAt) : null })
  }

  /** The running state of a local session, or null if there is none or it has ended. */
  openLocal(sessionId: string): Tracker | null {
    const row = this.openLocalStmt.get(sessionId)
    if (!row) return null
    return {
      startedAt: Date.parse(row.started_at),
      lastHeartbeatAt: Date.parse(row.last_heartbeat_at),
      activeMs: row.active_ms,
      engagedMs: row.engaged_ms,
      idleCount: row.idle_count,
      viewerActive: row.viewer_active === 1,
      lastInputAt: row.last_input_at === null ? null : Date.parse(row.last_input_at)
    }
  }

  /** Ends every open local session whose last heartbeat is before `heartbeatBefore`, at that heartbeat. */
  closeStaleLocal(heartbeatBefore: number): number {
    return this.closeStaleStmt.run(iso(heartbeatBefore)).changes
  }

  openLocalIds(): string[] {
    return this.openLocalIdsStmt.all().map((row) => row.session_id)
  }

  clearLocal(): number {
    return this.clearLocalStmt.run().changes
  }

  forInvoice(accountId: string, invoiceRemoteId: string): SessionRow[] {
    return this.forInvoiceStmt.all(accountId, invoiceRemoteId)
  }

  recent(limit: number): SessionRow[] {
    return this.recentStmt.all(limit)
  }

  invoiceExists(accountId: string, remoteId: string): boolean {
    return this.invoiceExistsStmt.get(accountId, remoteId) !== undefined
  }
}

/** The stored shape of a tracker: exact milliseconds to build on, whole seconds to read. */
function trackerColumns(tracker: Tracker) {
  return {
    startedAt: iso(tracker.startedAt),
    lastHeartbeatAt: iso(tracker.lastHeartbeatAt),
    durationSeconds: toSeconds(tracker.lastHeartbeatAt - tracker.startedAt),
    activeSeconds: toSeconds(tracker.activeMs),
    engagedSeconds: toSeconds(tracker.engagedMs),
    idleCount: tracker.idleCount,
    activeMs: tracker.activeMs,
    engagedMs: tracker.engagedMs,
    viewerActive: tracker.viewerActive ? 1 : 0,
    lastInputAt: tracker.lastInputAt === null ? null : iso(tracker.lastInputAt)
  }
}
