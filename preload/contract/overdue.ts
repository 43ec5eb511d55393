/**
 * The one rule for "overdue": an open invoice whose due date (the provider's, else the one the
 * account's payment terms derive) is before today on the person's own calendar (localIsoDate).
 * The grid's status badge, the invoice rows' days overdue, the CSV export and the Overview all
 * ask this; the list's "overdue" filter and its sort are the same rule in SQL
 * (main/db/invoice-filter-sql.ts, main/db/derived-columns.ts), held to it by tests.
 */
import { daysBetween } from './calendar-days'
import type { InvoiceStatus } from './models'

export interface OverdueInput {
  status: InvoiceStatus
  /** The effective due date: sent or derived. */
  dueDate: string | null
}

export function isOverdue(invoice: OverdueInput, today: string): boolean {
  return invoice.status === 'open' && invoice.dueDate !== null && invoice.dueDate < today
}

/** Whole days past the due date for an overdue invoice; null for any other. */
export function daysOverdue(invoice: OverdueInput, today: string): number | null {
  return isOverdue(invoice, today) ? daysBetween(invoice.dueDate!, today) : null
}
