/**
 * Values worked out from an invoice's own columns, as SQL over `invoices i`. Each is indexed by
 * the very same expression in the migrations (without the `i.` qualifier), which is how SQLite
 * recognises it: keep the text identical, as test/unit/derived-columns.test.ts checks.
 */

/** The due date the list filters and sorts by: the provider's, else the one payment terms derive. */
export const DUE_ON = 'coalesce(i.due_date, i.derived_due_date)'

/** The paid amount in 1/10,000ths, from its exact text (as migration 0004's paid_scaled). */
const PAID_SCALED = `CASE WHEN i.paid IS NULL THEN NULL ELSE (CASE WHEN i.paid LIKE '-%' THEN -1 ELSE 1 END) * (abs(CAST(CASE WHEN instr(i.paid, '.') = 0 THEN i.paid ELSE substr(i.paid, 1, instr(i.paid, '.') - 1) END AS INTEGER)) * 10000 + CAST(substr(CASE WHEN instr(i.paid, '.') = 0 THEN '' ELSE substr(i.paid, instr(i.paid, '.') + 1) END || '0000', 1, 4) AS INTEGER)) END`

/** Still owed, in 1/10,000ths: nothing for a paid or void invoice (nor one whose total is unknown, stored as ''), else total less paid. */
export const BALANCE_SCALED = `(CASE WHEN i.status IN ('paid', 'void') OR i.total = '' THEN 0 ELSE i.total_scaled - coalesce(${PAID_SCALED}, 0) END)`

/** Sort key of Days overdue: open invoices only, larger for an earlier due date, NULL for the rest. */
export const OVERDUE_KEY = `(CASE WHEN i.status = 'open' THEN -CAST(julianday(${DUE_ON}) AS INTEGER) END)`
