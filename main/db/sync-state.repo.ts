import type { Database } from 'better-sqlite3'

export interface WalkState {
  walk: number
  cursor: string | null
  inWalk: boolean
}

export type SyncStrategy = 'full' | 'incremental'

export interface RunCounts {
  pages: number
  requests: number
  upserted: number
  removed: number
  /** Records the provider sent that could not be kept as invoices. */
  skipped: number
}

export class SyncStateRepo {
  private readonly getStmt
  private readonly ensureStmt
  private readonly beginStmt
  private readonly advanceStmt
  private readonly finishStmt
  private readonly startRunStmt
  private readonly updateRunStmt
  private readonly endRunStmt
  private readonly walkedStmt
  private readonly lastFullStmt
  private readonly watermarkStmt

  constructor(db: Database) {
    this.ensureStmt = db.prepare<[string]>(`INSERT OR IGNORE INTO sync_state (account_id) VALUES (?)`)
    this.getStmt = db.prepare<[string], { walk: number; cursor: string | null; in_walk: number }>(
      `SELECT walk, cursor, in_walk FROM sync_state WHERE account_id = ?`
    )
    this.beginStmt = db.prepare<[string]>(`UPDATE sync_state SET walk = walk + 1, cursor = NULL, in_walk = 1 WHERE account_id = ?`)
    this.advanceStmt = db.prepare<[string | null, string]>(`UPDATE sync_state SET cursor = ? WHERE account_id = ?`)
    this.finishStmt = db.prepare<[string]>(`UPDATE sync_state SET cursor = NULL, in_walk = 0 WHERE account_id = ?`)
    this.startRunStmt = db.prepare<[string, string, number, string]>(
      `INSERT INTO sync_runs (account_id, started_at, outcome, resumed, strategy) VALUES (?, ?, 'running', ?, ?)`
    )
    this.lastFullStmt = db.prepare<[string], { at: string | null }>(
      `SELECT max(finished_at) AS at FROM sync_runs WHERE account_id = ? AND strategy = 'full' AND outcome = 'ok'`
    )
    this.watermarkStmt = db.prepare<[string], { at: string | null }>(
      `SELECT max(remote_updated_at) AS at FROM invoices WHERE account_id = ?`
    )
    this.updateRunStmt = db.prepare(
      `UPDATE sync_runs SET pages = @pages, requests = @requests, upserted = @upserted, removed = @removed, skipped = @skipped WHERE id = @id`
    )
    this.walkedStmt = db.prepare<[string, number], { n: number }>(
      `SELECT count(*) AS n FROM invoices WHERE account_id = ? AND seen_walk = ?`
    )
    this.endRunStmt = db.prepare(
      `UPDATE sync_runs SET outcome = @outcome, finished_at = @finishedAt, error_code = @errorCode, error = @error WHERE id = @id`
    )
  }

  peek(accountId: string): WalkState {
    this.ensureStmt.run(accountId)
    const row = this.getStmt.get(accountId)!
    return { walk: row.walk, cursor: row.cursor, inWalk: row.in_walk === 1 }
  }

  /** Starts a new full walk; its number marks every invoice it lists. */
  beginWalk(accountId: string): WalkState {
    this.beginStmt.run(accountId)
    return this.peek(accountId)
  }

  /** When the last complete full walk finished (so deletions were last reconciled), if ever. */
  lastFullWalkAt(accountId: string): string | null {
    return this.lastFullStmt.get(accountId)?.at ?? null
  }

  /** The newest provider update time in the cache: an incremental sync asks for what is newer. */
  watermark(accountId: string): string | null {
    return this.watermarkStmt.get(accountId)?.at ?? null
  }

  /** Invoices already listed by this walk: non-zero when a resumed walk picks up. */
  walked(accountId: string, walk: number): number {
    return this.walkedStmt.get(accountId, walk)!.n
  }

  advance(accountId: string, cursor: string | null): void {
    this.advanceStmt.run(cursor, accountId)
  }

  finishWalk(accountId: string): void {
    this.finishStmt.run(accountId)
  }

  startRun(accountId: string, startedAt: string, resumed: boolean, strategy: SyncStrategy): number {
    return Number(this.startRunStmt.run(accountId, startedAt, resumed ? 1 : 0, strategy).lastInsertRowid)
  }

  updateRun(id: number, counts: RunCounts): void {
    this.updateRunStmt.run({ id, ...counts })
  }

  endRun(id: number, outcome: 'ok' | 'failed' | 'cancelled', finishedAt: string, error: { code: string; message: string } | null): void {
    this.endRunStmt.run({ id, outcome, finishedAt, errorCode: error?.code ?? null, error: error?.message ?? null })
  }
}
