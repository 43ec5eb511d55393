import type { Database } from 'better-sqlite3'
import type { ChangeField, ChangeItem } from '../../preload/contract'

interface FeedRow {
  account_id: string
  account: string
  provider: ChangeItem['provider']
  remote_id: string
  number: string | null
  currency: string
  field: string
  before: string | null
  after: string | null
  at: string
}

/**
 * Everything Quire saw change since an instant, across accounts: the change log's
 * entries and each invoice's first sighting ("added"). Each part reads its own index by time.
 */
const LOGGED = `
  SELECT i.account_id, i.remote_id, i.number, i.currency, c.field, c.before, c.after, c.at, c.id AS seq, 1 AS part
    FROM invoice_changes c JOIN invoices i ON i.id = c.invoice_id
    WHERE c.at >= @since AND (@accountId IS NULL OR i.account_id = @accountId)`
const ADDED = `
  SELECT i.account_id, i.remote_id, i.number, i.currency, 'added' AS field, NULL AS before, NULL AS after, i.first_seen_at AS at, i.id AS seq, 0 AS part
    FROM invoices i
    WHERE i.first_seen_at >= @since AND (@accountId IS NULL OR i.account_id = @accountId)`
const FEED = `${LOGGED} UNION ALL ${ADDED}`

export class ChangesFeedRepo {
  private readonly pageStmt
  private readonly countStmt
  private readonly allStmt

  constructor(db: Database) {
    const rows = (direction: 'ASC' | 'DESC') =>
      `SELECT f.*, a.name AS account, a.provider FROM (${FEED}) f JOIN accounts a ON a.id = f.account_id ORDER BY f.at ${direction}, f.part ${direction}, f.seq ${direction}`
    // A page of the newest: each part walks its own index by time for no more than the page's
    // end, and only those are merged and sorted (a first sync adds every invoice at once).
    const newest = `SELECT * FROM (${LOGGED} ORDER BY c.at DESC, c.id DESC LIMIT @end) UNION ALL SELECT * FROM (${ADDED} ORDER BY i.first_seen_at DESC, i.id DESC LIMIT @end)`
    this.pageStmt = db.prepare<{ since: string; accountId: string | null; limit: number; offset: number; end: number }, FeedRow>(
      `SELECT f.*, a.name AS account, a.provider FROM (${newest}) f JOIN accounts a ON a.id = f.account_id
       ORDER BY f.at DESC, f.part DESC, f.seq DESC LIMIT @limit OFFSET @offset`
    )
    this.allStmt = db.prepare<{ since: string; accountId: string | null }, FeedRow>(rows('ASC'))
    this.countStmt = db.prepare<{ since: string; accountId: string | null }, number>(`SELECT count(*) FROM (${FEED})`).pluck()
  }

  /** Newest first, as a screen reads it: the latest sync's changes on top. */
  page(since: string, accountId: string | null, offset: number, limit: number): { total: number; items: ChangeItem[] } {
    const at = comparable(since)
    return {
      total: this.countStmt.get({ since: at, accountId }) ?? 0,
      items: this.pageStmt.all({ since: at, accountId, limit, offset, end: offset + limit }).map(toItem)
    }
  }

  /** The whole feed, oldest first, one row at a time: a first sync adds every invoice at once. */
  *all(since: string, accountId: string | null): Generator<ChangeItem> {
    for (const row of this.allStmt.iterate({ since: comparable(since), accountId })) yield toItem(row)
  }
}

/** The log's instants are all toISOString's form ("…00.000Z"); text comparison needs the same form. */
function comparable(instant: string): string {
  return new Date(instant).toISOString()
}

/**
 * The log records a tombstone as removed false → true, and a restore the other way round; the
 * feed names them. Status, totals and paid amounts keep their recorded before and after values.
 */
function toItem(row: FeedRow): ChangeItem {
  const tombstone = row.field === 'removed'
  const field: ChangeField = tombstone ? (row.after === 'true' ? 'removed' : 'restored') : (row.field as ChangeField)
  return {
    accountId: row.account_id,
    account: row.account,
    provider: row.provider,
    remoteId: row.remote_id,
    number: row.number,
    currency: row.currency,
    field,
    from: tombstone ? null : row.before,
    to: tombstone ? null : row.after,
    at: row.at
  }
}
