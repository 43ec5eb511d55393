import type { Database } from 'better-sqlite3'
import type { RemoteViewSync } from '../../preload/contract'

interface StatusRow {
  account_id: string
  account: string
  attempted_at: string
  synced_at: string | null
  error_code: string | null
  error: string | null
}

const SELECT_STATUS = `
  SELECT v.account_id, a.name AS account, v.attempted_at, v.synced_at, v.error_code, v.error
  FROM view_session_sync v JOIN accounts a ON a.id = v.account_id`

/** How each account's last sync of remote view sessions went. */
export class ViewSessionSyncRepo {
  private readonly succeededStmt
  private readonly failedStmt
  private readonly oneStmt
  private readonly allStmt

  constructor(db: Database) {
    // Written only while the account exists: it may be removed while its sessions are fetched.
    this.succeededStmt = db.prepare(`
      INSERT INTO view_session_sync (account_id, attempted_at, synced_at)
      SELECT @accountId, @at, @at WHERE EXISTS (SELECT 1 FROM accounts WHERE id = @accountId)
      ON CONFLICT (account_id) DO UPDATE SET attempted_at = excluded.attempted_at,
        synced_at = excluded.synced_at, error_code = NULL, error = NULL`)
    this.failedStmt = db.prepare(`
      INSERT INTO view_session_sync (account_id, attempted_at, error_code, error)
      SELECT @accountId, @at, @code, @message WHERE EXISTS (SELECT 1 FROM accounts WHERE id = @accountId)
      ON CONFLICT (account_id) DO UPDATE SET attempted_at = excluded.attempted_at,
        error_code = excluded.error_code, error = excluded.error`)
    this.oneStmt = db.prepare<[string], StatusRow>(`${SELECT_STATUS} WHERE v.account_id = ?`)
    this.allStmt = db.prepare<[], StatusRow>(`${SELECT_STATUS} ORDER BY a.name`)
  }

  succeeded(accountId: string, at: string): void {
    this.succeededStmt.run({ accountId, at })
  }

  /** Keeps the last good sync time: what is cached is still what that sync saw. */
  failed(accountId: string, at: string, error: { code: string; message: string }): void {
    this.failedStmt.run({ accountId, at, code: error.code, message: error.message })
  }

  forAccount(accountId: string): RemoteViewSync | null {
    const row = this.oneStmt.get(accountId)
    return row ? toStatus(row) : null
  }

  all(): RemoteViewSync[] {
    return this.allStmt.all().map(toStatus)
  }
}

function toStatus(row: StatusRow): RemoteViewSync {
  return {
    accountId: row.account_id,
    account: row.account,
    attemptedAt: row.attempted_at,
    syncedAt: row.synced_at,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error ?? '' }
  }
}
