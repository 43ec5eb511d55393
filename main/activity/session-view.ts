import type { ViewSession, ViewSessionTotals } from '../../preload/contract'
import { isStale } from './local-session-tracker'
import type { SessionRow } from './view-sessions.repo'

/**
 * How old a provider session's last heartbeat may be while it still counts as open. CareSquare
 * does not document its heartbeat interval, and Quire only sees its sessions at each sync, so
 * this is far longer than the local limit: long enough that a viewer still at it is never cut
 * short by a sync, short enough that a closed tab does not read as open for days.
 */
export const REMOTE_STALE_AFTER_MS = 10 * 60_000

/**
 * A stored session as people see it at `now`. An open session whose heartbeat stopped (a crash,
 * a kill, a provider that never sent the end) reads as ended at its last heartbeat, whether or
 * not anything has closed it on disk yet: a session is never shown as running forever. A
 * provider session ended that way lasted from its start to that heartbeat; its active and
 * engaged time stay unknown.
 */
export function toViewSession(row: SessionRow, now: number): ViewSession {
  const orphaned =
    row.ended_at === null && row.last_heartbeat_at !== null && heartbeatStopped(row.source, Date.parse(row.last_heartbeat_at), now)
  const endedAt = orphaned ? row.last_heartbeat_at : row.ended_at
  const durationSeconds =
    orphaned && row.source === 'remote' && row.duration_seconds === null
      ? Math.max(0, Math.floor((Date.parse(row.last_heartbeat_at!) - Date.parse(row.started_at)) / 1000))
      : row.duration_seconds
  return {
    source: row.source,
    id: row.session_id,
    accountId: row.account_id,
    account: row.account,
    provider: row.provider,
    invoiceRemoteId: row.invoice_remote_id,
    invoiceNumber: row.invoice_number,
    invoiceCached: row.invoice_cached === 1,
    userId: row.user_id,
    userName: row.user_name,
    surface: row.surface,
    startedAt: row.started_at,
    endedAt,
    lastHeartbeatAt: row.last_heartbeat_at,
    open: endedAt === null,
    durationSeconds,
    activeSeconds: row.active_seconds,
    engagedSeconds: row.engaged_seconds,
    idleCount: row.idle_count
  }
}

function heartbeatStopped(source: SessionRow['source'], lastHeartbeatAt: number, now: number): boolean {
  return source === 'local' ? isStale({ lastHeartbeatAt }, now) : now - lastHeartbeatAt > REMOTE_STALE_AFTER_MS
}

/**
 * Sums the whole seconds of finished sessions. One still open, here or at the provider, has no
 * final figures yet: it is counted as unmeasured, not summed.
 */
export function totalsOf(sessions: readonly ViewSession[]): ViewSessionTotals {
  const measured = sessions.filter((session) => !session.open && session.durationSeconds !== null)
  const sum = (pick: (session: ViewSession) => number | null): number =>
    measured.reduce((total, session) => total + (pick(session) ?? 0), 0)
  const viewers = new Set(sessions.flatMap((session) => (session.userName === null ? [] : [session.userName])))
  const lastViewedAt = sessions.reduce<string | null>((latest, session) => {
    const seen = session.endedAt ?? session.lastHeartbeatAt ?? session.startedAt
    return latest === null || seen > latest ? seen : latest
  }, null)
  return {
    sessions: sessions.length,
    remote: sessions.filter((session) => session.source === 'remote').length,
    local: sessions.filter((session) => session.source === 'local').length,
    viewers: viewers.size,
    durationSeconds: sum((session) => session.durationSeconds),
    activeSeconds: sum((session) => session.activeSeconds),
    engagedSeconds: sum((session) => session.engagedSeconds),
    idleCount: sum((session) => session.idleCount),
    unmeasured: sessions.length - measured.length,
    lastViewedAt
  }
}
