import type { Database } from 'better-sqlite3'
import type { LineItem } from '../../preload/contract'
import { toScaled } from '../money/decimal'
import type { UnifiedInvoice } from '../providers/unified-invoice'
import { TotalsRollup } from './totals-rollup'

/**
 * What the cache holds for an invoice a page lists: what the change log compares, and what its
 * line items and search entry were written from, so a re-sync rewrites only what changed.
 */
export type CachedInvoice = Pick<
  UnifiedInvoice,
  'status' | 'paymentStatus' | 'total' | 'paid' | 'removed' | 'number' | 'counterparty' | 'notes' | 'lineItems'
> & {
  id: number
}

interface CachedRow {
  id: number
  remote_id: string
  status: UnifiedInvoice['status']
  payment_status: string | null
  total: string
  paid: string | null
  removed: 0 | 1
  number: string | null
  counterparty: string | null
  notes: string | null
  line_item_count: number
}

interface LineRow {
  invoice_id: number
  position: number
  description: string
  quantity: string | null
  unit_price: string | null
  amount: string | null
}

export class InvoicesRepo {
  private readonly upsertStmt
  private readonly cachedStmt
  private readonly cachedLinesStmt
  private readonly ftsDeleteStmt
  private readonly ftsInsertStmt
  private readonly linesDeleteStmt
  private readonly lineInsertStmt
  private readonly markUnseenStmt
  private readonly unseenStmt
  private readonly markSeenStmt
  private readonly unseenIdsStmt
  private readonly rollup

  constructor(db: Database) {
    this.rollup = new TotalsRollup(db)
    // Positional parameters: binding by name costs more than the write itself saves elsewhere.
    this.upsertStmt = db.prepare(`
      INSERT INTO invoices (
        account_id, remote_id, number, status, raw_status, payment_status, counterparty, notes,
        issue_date, due_date, period_start, period_end, currency, subtotal, tax, total, paid,
        total_scaled, has_pdf, line_item_count, remote_created_at, remote_updated_at, removed,
        seen_walk, raw, synced_at, first_seen_at, discount, is_duplicate, wont_claim, has_errors, paid_at, sent_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (account_id, remote_id) DO UPDATE SET
        number = excluded.number, status = excluded.status, raw_status = excluded.raw_status,
        payment_status = excluded.payment_status, counterparty = excluded.counterparty,
        notes = excluded.notes, issue_date = excluded.issue_date, due_date = excluded.due_date,
        period_start = excluded.period_start, period_end = excluded.period_end,
        currency = excluded.currency, subtotal = excluded.subtotal, tax = excluded.tax,
        total = excluded.total, paid = excluded.paid, total_scaled = excluded.total_scaled,
        has_pdf = excluded.has_pdf, line_item_count = excluded.line_item_count,
        remote_created_at = excluded.remote_created_at, remote_updated_at = excluded.remote_updated_at,
        removed = excluded.removed, seen_walk = excluded.seen_walk, raw = excluded.raw,
        synced_at = excluded.synced_at, discount = excluded.discount, is_duplicate = excluded.is_duplicate,
        wont_claim = excluded.wont_claim, has_errors = excluded.has_errors, paid_at = excluded.paid_at,
        sent_at = excluded.sent_at`)
    // first_seen_at is written by the INSERT only: the update leaves when Quire first saw it.
    this.cachedStmt = db.prepare<[string, string], CachedRow>(
      `SELECT id, remote_id, status, payment_status, total, paid, removed, number, counterparty, notes, line_item_count
       FROM invoices WHERE account_id = ? AND remote_id IN (SELECT value FROM json_each(?))`
    )
    this.cachedLinesStmt = db.prepare<[string], LineRow>(
      `SELECT invoice_id, position, description, quantity, unit_price, amount FROM line_items
       WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position`
    )
    this.ftsDeleteStmt = db.prepare<[number]>(`DELETE FROM invoice_fts WHERE rowid = ?`)
    this.ftsInsertStmt = db.prepare(`INSERT INTO invoice_fts (rowid, number, counterparty, notes, lines) VALUES (?, ?, ?, ?, ?)`)
    this.linesDeleteStmt = db.prepare<[number]>(`DELETE FROM line_items WHERE invoice_id = ?`)
    this.lineInsertStmt = db.prepare(
      `INSERT INTO line_items (invoice_id, position, description, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?)`
    )
    this.markUnseenStmt = db.prepare<[string]>(`UPDATE invoices SET removed = 1 WHERE id IN (SELECT value FROM json_each(?))`)
    this.unseenStmt = db.prepare<[string, number], { remote_id: string }>(
      `SELECT remote_id FROM invoices WHERE account_id = ? AND seen_walk < ? AND removed = 0`
    )
    this.unseenIdsStmt = db
      .prepare<[string, number], number>(`SELECT id FROM invoices WHERE account_id = ? AND seen_walk < ? AND removed = 0`)
      .pluck()
    this.markSeenStmt = db.prepare<[number, string, string]>(
      `UPDATE invoices SET seen_walk = ? WHERE account_id = ? AND remote_id IN (SELECT value FROM json_each(?))`
    )
  }

  /**
   * The cached state of a page's invoices, by remote id, read with two statements for the whole
   * page rather than one per invoice. Invoices new to the cache are absent.
   */
  cached(accountId: string, invoices: readonly UnifiedInvoice[]): Map<string, CachedInvoice> {
    const rows = this.cachedStmt.all(accountId, JSON.stringify(invoices.map((invoice) => invoice.remoteId)))
    const withLines = rows.filter((row) => row.line_item_count > 0).map((row) => row.id)
    const linesById = new Map<number, LineItem[]>()
    if (withLines.length > 0) {
      for (const line of this.cachedLinesStmt.all(JSON.stringify(withLines))) {
        let lines = linesById.get(line.invoice_id)
        if (!lines) linesById.set(line.invoice_id, (lines = []))
        lines.push({
          position: line.position,
          description: line.description,
          quantity: line.quantity,
          unitPrice: line.unit_price,
          amount: line.amount
        })
      }
    }
    return new Map(
      rows.map((row) => [
        row.remote_id,
        {
          id: row.id,
          status: row.status,
          paymentStatus: row.payment_status,
          total: readTotal(row.total),
          paid: row.paid,
          removed: row.removed === 1,
          number: row.number,
          counterparty: row.counterparty,
          notes: row.notes,
          lineItems: linesById.get(row.id) ?? []
        }
      ])
    )
  }

  /**
   * Call inside the page's transaction, around every write to the page's invoices (their rows,
   * and due dates derived for them): the pre-aggregated totals follow them.
   */
  writingPage<T>(accountId: string, invoices: readonly UnifiedInvoice[], write: () => T): T {
    return this.rollup.followingPage(
      accountId,
      invoices.map((invoice) => invoice.remoteId),
      write
    )
  }

  /**
   * Call inside `writingPage`: the row, its lines and its search entry change together.
   * `before` is the row as cached (null for an invoice new to the cache): a new row needs no
   * clearing and no RETURNING (which better-sqlite3 runs about three times slower than a plain
   * write), and a re-listed one keeps its lines and search entry when they would be rewritten
   * unchanged, as they are on most re-syncs (a contentless FTS5 delete is the costliest write
   * here). Returns the row as it now is.
   */
  upsert(accountId: string, walk: number, syncedAt: string, invoice: UnifiedInvoice, before: CachedInvoice | null): CachedInvoice {
    const written = this.upsertStmt.run(
      accountId,
      invoice.remoteId,
      invoice.number,
      invoice.status,
      invoice.rawStatus,
      invoice.paymentStatus,
      invoice.counterparty,
      invoice.notes,
      invoice.issueDate,
      invoice.dueDate,
      invoice.periodStart,
      invoice.periodEnd,
      invoice.currency,
      invoice.subtotal,
      invoice.tax,
      storedTotal(invoice.total),
      invoice.paid,
      invoice.total === null ? 0n : toScaled(invoice.total),
      invoice.hasPdf ? 1 : 0,
      invoice.lineItems.length,
      invoice.remoteCreatedAt,
      invoice.remoteUpdatedAt,
      invoice.removed ? 1 : 0,
      walk,
      JSON.stringify(invoice.raw),
      syncedAt,
      syncedAt,
      invoice.discount ?? null,
      invoice.flags?.includes('duplicate') ? 1 : 0,
      invoice.flags?.includes('wontClaim') ? 1 : 0,
      invoice.flags?.includes('errors') ? 1 : 0,
      invoice.paidAt ?? null,
      invoice.sentAt ?? null
    )
    const id = before?.id ?? Number(written.lastInsertRowid)
    if (before === null || !sameLines(before.lineItems, invoice.lineItems)) {
      if (before !== null) this.linesDeleteStmt.run(id)
      for (const line of invoice.lineItems) {
        this.lineInsertStmt.run(id, line.position, line.description, line.quantity, line.unitPrice, line.amount)
      }
    }
    if (before === null || !sameSearchText(before, invoice)) {
      if (before !== null) this.ftsDeleteStmt.run(id)
      this.ftsInsertStmt.run(id, invoice.number, invoice.counterparty, invoice.notes, searchLines(invoice.lineItems))
    }
    return {
      id,
      status: invoice.status,
      paymentStatus: invoice.paymentStatus,
      total: invoice.total,
      paid: invoice.paid,
      removed: invoice.removed,
      number: invoice.number,
      counterparty: invoice.counterparty,
      notes: invoice.notes,
      lineItems: invoice.lineItems
    }
  }

  /** Live cached invoices of the account that the walk has not listed (so far). */
  unseenRemoteIds(accountId: string, walk: number): string[] {
    return this.unseenStmt.all(accountId, walk).map((row) => row.remote_id)
  }

  /** Counts invoices as listed by the walk though it did not list them (the provider confirmed they exist). */
  markSeen(accountId: string, walk: number, remoteIds: readonly string[]): void {
    this.markSeenStmt.run(walk, accountId, JSON.stringify(remoteIds))
  }

  /** Tombstones every invoice of the account that the finished walk did not list. */
  markUnseenRemoved(accountId: string, walk: number): number {
    const ids = this.unseenIdsStmt.all(accountId, walk)
    if (ids.length === 0) return 0
    // The ids the rollup follows are the ones tombstoned: the walk's test is made once.
    return this.rollup.followingIds(ids, () => this.markUnseenStmt.run(JSON.stringify(ids)).changes)
  }
}

/**
 * An unknown total is stored as '' (migration 0007's convention): the column cannot be NULL,
 * and '' is no amount, so an export leaves the cell empty rather than printing a wrong 0.
 */
export function storedTotal(total: string | null): string {
  return total ?? ''
}

export function readTotal(stored: string): string | null {
  return stored === '' ? null : stored
}

/**
 * The search entry's `lines` column: every line's description, in position order, which is the
 * order the cache reads them back in, so an entry can be compared with what it was built from.
 */
function searchLines(lines: readonly LineItem[]): string {
  return [...lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => line.description)
    .join('\n')
}

/** Whether the search entry written from `before` is the one `next` would write. */
function sameSearchText(before: CachedInvoice, next: UnifiedInvoice): boolean {
  return (
    before.number === next.number &&
    before.counterparty === next.counterparty &&
    before.notes === next.notes &&
    searchLines(before.lineItems) === searchLines(next.lineItems)
  )
}

function sameLines(a: readonly LineItem[], b: readonly LineItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, i) => {
      const other = b[i]!
      return (
        line.position === other.position &&
        line.description === other.description &&
        line.quantity === other.quantity &&
        line.unitPrice === other.unitPrice &&
        line.amount === other.amount
      )
    })
  )
}
