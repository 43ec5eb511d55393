import type { Database } from 'better-sqlite3'
import type { AccountPaymentTerms, PaymentTerms } from '../../preload/contract/payment-terms'
import { TotalsRollup } from './totals-rollup'

interface TermsRow {
  account_id: string
  net_days: number
  basis: 'issue_date' | 'period_end'
}

/**
 * The date the terms count from. Where the terms say "period end" but an invoice has no period
 * (CareSquare sends none), its issue date is the nearer reading: a due date that is a little
 * early is visible and can be corrected by changing the terms, a missing one hides the invoice
 * from "Overdue" silently.
 */
const BASE = {
  issue_date: 'issue_date',
  period_end: 'coalesce(substr(period_end, 1, 10), substr(period_start, 1, 10), issue_date)'
} as const

/**
 * Per-account payment terms and the due dates they derive. The derived date is written to the
 * invoice rows (`derived_due_date`), so filtering and sorting by due date use an index, and is
 * rewritten whenever the terms change or a sync rewrites an invoice.
 */
export class PaymentTermsRepo {
  private readonly listStmt
  private readonly getStmt
  private readonly upsertStmt
  private readonly deleteStmt
  private readonly clearStmt
  private readonly deriveAllStmt
  private readonly derivePageStmt
  private readonly rollup

  constructor(private readonly db: Database) {
    this.rollup = new TotalsRollup(db)
    this.listStmt = db.prepare<[], TermsRow>(`SELECT account_id, net_days, basis FROM payment_terms`)
    this.getStmt = db.prepare<[string], TermsRow>(`SELECT account_id, net_days, basis FROM payment_terms WHERE account_id = ?`)
    this.upsertStmt = db.prepare(
      `INSERT INTO payment_terms (account_id, net_days, basis) VALUES (@accountId, @netDays, @basis)
       ON CONFLICT (account_id) DO UPDATE SET net_days = excluded.net_days, basis = excluded.basis`
    )
    this.deleteStmt = db.prepare<[string]>(`DELETE FROM payment_terms WHERE account_id = ?`)
    this.clearStmt = db.prepare<[string]>(
      `UPDATE invoices SET derived_due_date = NULL WHERE account_id = ? AND derived_due_date IS NOT NULL`
    )
    const derived = (basis: keyof typeof BASE): string => `CASE WHEN due_date IS NULL THEN date(${BASE[basis]}, @offset) END`
    const byBasis = `CASE @basis WHEN 'issue_date' THEN ${derived('issue_date')} ELSE ${derived('period_end')} END`
    this.deriveAllStmt = db.prepare(`UPDATE invoices SET derived_due_date = ${byBasis} WHERE account_id = @accountId`)
    this.derivePageStmt = db.prepare(
      `UPDATE invoices SET derived_due_date = ${byBasis} WHERE account_id = @accountId AND remote_id IN (SELECT value FROM json_each(@remoteIds))`
    )
  }

  list(): AccountPaymentTerms[] {
    return this.listStmt.all().map((row) => ({ accountId: row.account_id, terms: toTerms(row) }))
  }

  get(accountId: string): PaymentTerms | null {
    const row = this.getStmt.get(accountId)
    return row ? toTerms(row) : null
  }

  /**
   * The terms, every due date they derive and the totals by due day change together, or not at
   * all. Most of the account's invoices may move to another due day: its totals are recounted.
   */
  set(accountId: string, terms: PaymentTerms | null): void {
    this.db.transaction(() => {
      if (terms === null) {
        this.deleteStmt.run(accountId)
        this.clearStmt.run(accountId)
      } else {
        const row = toRow(accountId, terms)
        this.upsertStmt.run({ accountId, netDays: row.net_days, basis: row.basis })
        this.deriveAllStmt.run({ accountId, basis: row.basis, offset: offset(row.net_days) })
      }
      this.rollup.recountAccount(accountId)
    })()
  }

  /**
   * Call inside a sync page's transaction (within InvoicesRepo.writingPage), after its rows are
   * written: an invoice's dates may have changed. Without terms there is nothing to derive (clearing happened when the terms went).
   */
  deriveFor(accountId: string, remoteIds: readonly string[]): void {
    if (remoteIds.length === 0) return
    const row = this.getStmt.get(accountId)
    if (!row) return
    this.derivePageStmt.run({ accountId, basis: row.basis, offset: offset(row.net_days), remoteIds: JSON.stringify(remoteIds) })
  }
}

function offset(days: number): string {
  return `+${days} days`
}

function toTerms(row: TermsRow): PaymentTerms {
  return { netDays: row.net_days, basis: row.basis === 'issue_date' ? 'issueDate' : 'periodEnd' }
}

function toRow(accountId: string, terms: PaymentTerms): TermsRow {
  return { account_id: accountId, net_days: terms.netDays, basis: terms.basis === 'issueDate' ? 'issue_date' : 'period_end' }
}
