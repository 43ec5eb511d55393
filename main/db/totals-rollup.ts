import type { Database, Statement } from 'better-sqlite3'
import { BALANCE_SCALED, DUE_ON } from './derived-columns'

/**
 * Keeps `invoice_totals` (migration 0018) equal to the sums of the invoices it rolls up. Every
 * write that may change a rolled-up column runs inside `following`, in the caller's
 * transaction: the rows it touches are taken out of their groups before, as they were, and put
 * back after, as they are, each side re-read from the invoices themselves rather than worked out
 * from what the write meant to change. That costs two reads of the touched rows by key; a
 * trigger on invoices would say the same more directly, but makes every sync write about three
 * times slower (see invoice-query.ts), and recounting whole groups would read every invoice of
 * each touched day.
 */

/** The rollup's key over `invoices i`, in the table's column order (a NULL day is kept as ''). */
const KEY = `i.account_id, i.status, i.currency, coalesce(i.issue_date, ''), coalesce(${DUE_ON}, ''), i.removed, i.has_pdf, i.is_duplicate, i.wont_claim, i.has_errors`
const KEY_COLUMNS = 'account_id, status, currency, issue_day, due_day, removed, has_pdf, is_duplicate, wont_claim, has_errors'

/** Adds (sign '') or takes out (sign '-') the invoices matching `where` to or from their groups. */
function merge(where: string, sign: '' | '-'): string {
  return `INSERT INTO invoice_totals (${KEY_COLUMNS}, n, total, balance, without_amount)
    SELECT ${KEY}, ${sign}count(*), ${sign}sum(i.total_scaled), ${sign}sum(${BALANCE_SCALED}), ${sign}sum(i.total = '')
    FROM invoices i WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET n = n + excluded.n, total = total + excluded.total,
      balance = balance + excluded.balance, without_amount = without_amount + excluded.without_amount`
}

/**
 * How many groups of `invoice_totals` disagree with the invoices, counted afresh (0 when they
 * agree). Run by the background integrity check, off the main thread: a write path that forgot
 * the rollup must come to light as a repaired drift, never as a total that is silently wrong.
 */
export const ROLLUP_DRIFT_SQL = `WITH truth AS MATERIALIZED (
    SELECT ${KEY}, count(*), sum(i.total_scaled), sum(${BALANCE_SCALED}), sum(i.total = '')
    FROM invoices i GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
  SELECT (SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM invoice_totals))
    + (SELECT count(*) FROM (SELECT * FROM invoice_totals EXCEPT SELECT * FROM truth))`

const PAGE_ROWS = 'i.account_id = @accountId AND i.remote_id IN (SELECT value FROM json_each(@remoteIds))'
const ID_ROWS = 'i.id IN (SELECT value FROM json_each(@ids))'

interface Touched {
  take: Statement
  put: Statement
}

export class TotalsRollup {
  private readonly page: Touched
  private readonly byId: Touched
  private readonly dropEmptyStmt
  private readonly clearAccountStmt
  private readonly addAccountStmt
  private readonly clearAllStmt
  private readonly addAllStmt

  constructor(db: Database) {
    this.page = { take: db.prepare(merge(PAGE_ROWS, '-')), put: db.prepare(merge(PAGE_ROWS, '')) }
    this.byId = { take: db.prepare(merge(ID_ROWS, '-')), put: db.prepare(merge(ID_ROWS, '')) }
    // Through the partial index of empty rows: a group whose last invoice moved away.
    this.dropEmptyStmt = db.prepare(`DELETE FROM invoice_totals WHERE n = 0`)
    this.clearAccountStmt = db.prepare<[string]>(`DELETE FROM invoice_totals WHERE account_id = ?`)
    this.addAccountStmt = db.prepare<[string]>(merge('i.account_id = ?', ''))
    this.clearAllStmt = db.prepare(`DELETE FROM invoice_totals`)
    this.addAllStmt = db.prepare(merge('true', ''))
  }

  /** Runs `write`, which may change any of the account's invoices with these remote ids (or add them). */
  followingPage<T>(accountId: string, remoteIds: readonly string[], write: () => T): T {
    return this.following(this.page, { accountId, remoteIds: JSON.stringify(remoteIds) }, write)
  }

  /** Runs `write`, which may change the invoices with these ids. */
  followingIds<T>(ids: readonly number[], write: () => T): T {
    return this.following(this.byId, { ids: JSON.stringify(ids) }, write)
  }

  /** Counts the account's groups again, after a write to most of its invoices (new payment terms). */
  recountAccount(accountId: string): void {
    this.clearAccountStmt.run(accountId)
    this.addAccountStmt.run(accountId)
  }

  /** Counts every group again from the invoices. */
  recountAll(): void {
    this.clearAllStmt.run()
    this.addAllStmt.run()
  }

  private following<T>(rows: Touched, params: Record<string, string>, write: () => T): T {
    rows.take.run(params)
    const result = write()
    rows.put.run(params)
    this.dropEmptyStmt.run()
    return result
  }
}
