import type { Database } from 'better-sqlite3'
import type { ProviderId } from '../../preload/contract'

/** The normalisation the index_likely_duplicates migration indexes, written exactly as there so the planner uses it. */
const PARTY = (alias: string): string => `lower(replace(replace(replace(trim(${alias}counterparty), '.', ''), ',', ''), '  ', ' '))`
/** The index's own condition: live bills someone could pay twice, with a total to compare. */
const PAYABLE = (alias: string): string =>
  `${alias}removed = 0 AND ${alias}counterparty IS NOT NULL AND ${alias}status NOT IN ('draft', 'void') AND ${alias}total <> ''`

/**
 * Every live invoice that shares its bill with another. The index is walked once, in order, to
 * find the bills that occur more than once (no sort, no row read); only those invoices are then
 * read, through the same index.
 */
export const CANDIDATES_SQL = `
      WITH bills AS (
        SELECT total_scaled, currency, ${PARTY('')} AS party FROM invoices
        WHERE ${PAYABLE('')}
        GROUP BY total_scaled, currency, ${PARTY('')}
        HAVING count(*) > 1
      )
      SELECT i.id, i.account_id AS accountId, a.name AS account, a.provider, i.remote_id AS remoteId, i.number,
        i.counterparty, i.total, i.currency, i.issue_date AS issueDate,
        b.total_scaled || ' ' || b.currency || ' ' || b.party AS bill
      FROM bills b
      CROSS JOIN invoices i ON i.total_scaled = b.total_scaled AND i.currency = b.currency AND ${PARTY('i.')} = b.party
        AND ${PAYABLE('i.')}
      JOIN accounts a ON a.id = i.account_id
      ORDER BY bill, i.issue_date, i.id`

export interface BillRow {
  id: number
  accountId: string
  account: string
  provider: ProviderId
  remoteId: string
  number: string | null
  counterparty: string | null
  total: string
  currency: string
  issueDate: string | null
  /** Same for every invoice that looks like the same bill: total, currency, normalised counterparty. */
  bill: string
}

export class DuplicatesRepo {
  private readonly candidatesStmt
  private readonly dismissedStmt
  private readonly dismissStmt

  constructor(db: Database) {
    this.candidatesStmt = db.prepare<[], BillRow>(CANDIDATES_SQL)
    this.dismissedStmt = db.prepare<[], string>(`SELECT group_key FROM duplicate_dismissals`).pluck()
    this.dismissStmt = db.prepare<[string, string]>(
      `INSERT INTO duplicate_dismissals (group_key, dismissed_at) VALUES (?, ?) ON CONFLICT (group_key) DO NOTHING`
    )
  }

  /** Every live invoice that shares its bill (total, currency, counterparty) with another, grouped by bill. */
  candidates(): BillRow[] {
    return this.candidatesStmt.all()
  }

  dismissed(): Set<string> {
    return new Set(this.dismissedStmt.all())
  }

  dismiss(key: string, at: string): void {
    this.dismissStmt.run(key, at)
  }
}
