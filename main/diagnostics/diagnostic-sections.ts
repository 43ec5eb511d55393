/**
 * What a diagnostics bundle holds, one file per section. Adding a section is one line in
 * DIAGNOSTIC_SECTIONS. Sections read the cache and the machine, never the keychain, so no
 * secret can reach a bundle; invoice content is masked unless the person asked for it.
 */
import { arch, release, type as osType } from 'node:os'
import type { Database } from 'better-sqlite3'
import { schemaVersion } from '../db/migrate'
import { maskedText, maskRecordText } from './mask'

export interface SectionContext {
  db: Database
  appVersion: string
  /** false: amounts, counterparties and notes are masked. */
  includeInvoiceDetails: boolean
  now: Date
}

export interface DiagnosticSection {
  file: string
  collect(context: SectionContext): unknown
}

export const DIAGNOSTIC_SECTIONS: readonly DiagnosticSection[] = [
  { file: 'versions.json', collect: versions },
  { file: 'accounts.json', collect: accounts },
  { file: 'sync-runs.json', collect: (context) => recentRows(context.db, 'sync_runs', 'ORDER BY id DESC LIMIT 200') },
  { file: 'invoices.json', collect: invoiceSummary },
  {
    file: 'skipped-records.json',
    collect: (context) => maskColumns(context, recentRows(context.db, 'skipped_records', 'ORDER BY id DESC LIMIT 500'), ['raw'])
  }
]

function versions(context: SectionContext): Record<string, unknown> {
  return {
    createdAt: context.now.toISOString(),
    app: context.appVersion,
    electron: process.versions.electron ?? null,
    node: process.versions.node,
    chrome: process.versions.chrome ?? null,
    sqlite: (context.db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version,
    schemaVersion: schemaVersion(context.db),
    os: { platform: process.platform, type: osType(), release: release(), arch: arch() },
    invoiceDetailsIncluded: context.includeInvoiceDetails
  }
}

/** Each account's settings (never a secret: those are only in the keychain), sync state and last error. */
function accounts(context: SectionContext): unknown[] {
  return context.db
    .prepare(
      `SELECT a.id, a.provider, a.name, a.base_url AS baseUrl, a.options, a.created_at AS createdAt,
              a.last_synced_at AS lastSyncedAt, a.last_error AS lastError,
              s.walk, s.in_walk AS walkInProgress, s.cursor IS NOT NULL AS hasResumePoint,
              (SELECT count(*) FROM invoices i WHERE i.account_id = a.id) AS invoices
         FROM accounts a LEFT JOIN sync_state s ON s.account_id = a.id ORDER BY a.name`
    )
    .all()
    .map((row) => ({ ...(row as Record<string, unknown>), options: JSON.parse((row as { options: string }).options) as unknown }))
}

/** Counts by account, status and currency; the sums only with invoice details. */
function invoiceSummary(context: SectionContext): unknown[] {
  const rows = context.db
    .prepare(
      `SELECT account_id AS accountId, status, currency, removed, count(*) AS invoices, count(total_scaled) AS withAmount, sum(total_scaled) AS totalScaled
         FROM invoices GROUP BY account_id, status, currency, removed ORDER BY account_id, status, currency`
    )
    .safeIntegers(true)
    .all() as Record<string, unknown>[]
  return rows.map(({ totalScaled, ...row }) => ({
    ...Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])),
    total: context.includeInvoiceDetails ? (totalScaled === null ? null : String(totalScaled)) : '‹masked›'
  }))
}

/** A table's rows, or a note that this cache has no such table (an older schema). */
function recentRows(db: Database, table: string, order: string): Record<string, unknown>[] | { absent: string } {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)
  if (!exists) return { absent: `This cache has no ${table} table.` }
  return db.prepare(`SELECT * FROM "${table.replaceAll('"', '')}" ${order}`).all() as Record<string, unknown>[]
}

function maskColumns(context: SectionContext, rows: ReturnType<typeof recentRows>, columns: string[]): ReturnType<typeof recentRows> {
  if (!Array.isArray(rows) || context.includeInvoiceDetails) return rows
  return rows.map((row) => {
    const masked = { ...row }
    for (const column of columns) {
      const value = masked[column]
      if (typeof value === 'string') masked[column] = maskRecordText(value)
      else if (value !== null && value !== undefined) masked[column] = maskedText(String(value))
    }
    return masked
  })
}
