import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { ProviderId, ProviderOptions } from '../../preload/contract'

/** Non-secret per-account settings. Secrets live in the keychain, never here. */
export const AccountOptions = ProviderOptions.extend({ demo: z.boolean().optional() })
export type AccountOptions = z.infer<typeof AccountOptions>

export interface AccountRecord {
  id: string
  provider: ProviderId
  name: string
  baseUrl: string
  options: AccountOptions
  createdAt: string
  lastSyncedAt: string | null
  lastError: string | null
  invoiceCount: number
  /** Live invoices whose cached provider PDF prints another number or total (pdf_checks). */
  pdfMismatches: number
  /** Records held back from the last syncs (see SkippedRecordsRepo). */
  skippedCount: number
  lastRun: LastRun | null
  /** When the current run of failed syncs began; null unless the last sync failed. */
  failingSince: string | null
}

const LastRun = z.object({
  strategy: z.enum(['full', 'incremental']),
  outcome: z.enum(['ok', 'failed', 'cancelled']),
  requests: z.number(),
  upserted: z.number(),
  finishedAt: z.string()
})
type LastRun = z.infer<typeof LastRun>

interface AccountRow {
  id: string
  provider: string
  name: string
  base_url: string
  options: string
  created_at: string
  last_synced_at: string | null
  last_error: string | null
  last_run: string | null
  pdf_mismatches: number
  skipped_count: number
  failing_since: string | null
}

const SELECT = `
  SELECT a.*,
    (SELECT json_object('strategy', r.strategy, 'outcome', r.outcome, 'requests', r.requests, 'upserted', r.upserted, 'finishedAt', r.finished_at)
     FROM sync_runs r WHERE r.account_id = a.id AND r.finished_at IS NOT NULL ORDER BY r.id DESC LIMIT 1) AS last_run,
    (SELECT count(*) FROM pdf_checks c JOIN invoices i ON i.id = c.invoice_id
     WHERE c.outcome = 'mismatch' AND i.account_id = a.id AND i.removed = 0) AS pdf_mismatches,
    (SELECT count(*) FROM skipped_records s WHERE s.account_id = a.id) AS skipped_count,
    CASE WHEN a.last_error IS NOT NULL THEN
      (SELECT min(r.started_at) FROM sync_runs r WHERE r.account_id = a.id AND r.outcome = 'failed'
         AND r.id > coalesce((SELECT max(ok.id) FROM sync_runs ok WHERE ok.account_id = a.id AND ok.outcome = 'ok'), 0))
    END AS failing_since
  FROM accounts a`

export class AccountsRepo {
  private readonly selectAll
  private readonly selectById
  private readonly selectByName
  private readonly insertStmt
  private readonly deleteStmt
  private readonly recordSyncStmt
  private readonly updateEndpointStmt
  private readonly countStmt
  private readonly versionStmt
  private counts: { version: string; byAccount: Map<string, number> } | null = null

  constructor(db: Database) {
    // From the pre-aggregated totals (migration 0018): a few rows a day, not an index entry an invoice.
    this.countStmt = db.prepare<[], { account_id: string; n: number }>(
      `SELECT account_id, sum(n) AS n FROM invoice_totals WHERE removed = 0 GROUP BY account_id`
    )
    // Moves whenever this connection writes (total_changes) or another one commits (data_version).
    this.versionStmt = db.prepare<[], { version: string }>(
      `SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS version`
    )
    this.selectAll = db.prepare<[], AccountRow>(`${SELECT} ORDER BY a.name COLLATE NOCASE`)
    this.selectById = db.prepare<[string], AccountRow>(`${SELECT} WHERE a.id = ?`)
    this.selectByName = db.prepare<[string], AccountRow>(`${SELECT} WHERE a.name = ? COLLATE NOCASE`)
    this.insertStmt = db.prepare(
      `INSERT INTO accounts (id, provider, name, base_url, options, created_at) VALUES (@id, @provider, @name, @baseUrl, @options, @createdAt)`
    )
    this.deleteStmt = db.prepare<[string]>(`DELETE FROM accounts WHERE id = ?`)
    this.recordSyncStmt = db.prepare(
      `UPDATE accounts SET last_synced_at = coalesce(@syncedAt, last_synced_at), last_error = @error WHERE id = @id`
    )
    this.updateEndpointStmt = db.prepare<[string, string, string]>(`UPDATE accounts SET base_url = ?, options = ? WHERE id = ?`)
  }

  list(): AccountRecord[] {
    const counts = this.invoiceCounts()
    return this.selectAll.all().map((row) => toRecord(row, counts))
  }

  byId(id: string): AccountRecord | null {
    const row = this.selectById.get(id)
    return row ? toRecord(row, this.invoiceCounts()) : null
  }

  byName(name: string): AccountRecord | null {
    const row = this.selectByName.get(name)
    return row ? toRecord(row, this.invoiceCounts()) : null
  }

  /**
   * Cached invoices per account. Counting a million rows takes tens of milliseconds and every
   * account lookup (a PDF opening, the app starting) needs the figure; it only changes when the
   * database does.
   */
  private invoiceCounts(): Map<string, number> {
    const { version } = this.versionStmt.get()!
    if (this.counts?.version !== version)
      this.counts = { version, byAccount: new Map(this.countStmt.all().map((row) => [row.account_id, row.n])) }
    return this.counts.byAccount
  }

  insert(
    account: Omit<
      AccountRecord,
      'lastSyncedAt' | 'lastError' | 'invoiceCount' | 'pdfMismatches' | 'skippedCount' | 'lastRun' | 'failingSince'
    >
  ): void {
    this.insertStmt.run({ ...account, options: JSON.stringify(account.options) })
  }

  delete(id: string): void {
    this.deleteStmt.run(id)
  }

  /** A successful sync sets `syncedAt` and clears the error; a failed one keeps the last success. */
  recordSync(id: string, syncedAt: string | null, error: string | null): void {
    this.recordSyncStmt.run({ id, syncedAt, error })
  }

  updateEndpoint(id: string, baseUrl: string, options: AccountOptions): void {
    this.updateEndpointStmt.run(baseUrl, JSON.stringify(options), id)
  }
}

function toRecord(row: AccountRow, counts: Map<string, number>): AccountRecord {
  return {
    id: row.id,
    provider: ProviderId.parse(row.provider),
    name: row.name,
    baseUrl: row.base_url,
    options: AccountOptions.parse(JSON.parse(row.options)),
    createdAt: row.created_at,
    lastSyncedAt: row.last_synced_at,
    lastError: row.last_error,
    invoiceCount: counts.get(row.id) ?? 0,
    pdfMismatches: row.pdf_mismatches,
    skippedCount: row.skipped_count,
    lastRun: row.last_run === null ? null : LastRun.parse(JSON.parse(row.last_run)),
    failingSince: row.failing_since
  }
}
