-- Payment terms per account ("net 30 from the issue date"): only Hoursmith sends due dates, so
-- without terms the open invoices of the other providers could never be overdue. A due date
-- derived from the terms is kept apart from the provider's own, which always wins.
CREATE TABLE payment_terms (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  net_days   INTEGER NOT NULL CHECK (net_days BETWEEN 0 AND 366),
  -- what the days count from: the invoice's issue date, or the end of its service period
  basis      TEXT NOT NULL CHECK (basis IN ('issue_date', 'period_end'))
) STRICT;

-- Written by the terms (on a change of terms, and for each synced page), NULL when the
-- provider sent a due date or the account has no terms.
ALTER TABLE invoices ADD COLUMN derived_due_date TEXT;

-- The due date the list filters and sorts by: the provider's, else the derived one. An index on
-- the expression (main/db/derived-columns.ts writes it identically), not on a generated column:
-- SQLite reads the row for a virtual column, where an expression index answers alone.
DROP INDEX IF EXISTS invoices_by_due_date;
CREATE INDEX invoices_by_due_on ON invoices (coalesce(due_date, derived_due_date));
