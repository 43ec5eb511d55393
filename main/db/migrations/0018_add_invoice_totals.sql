-- Totals per currency (and the count) of a plain filter, as sums over a small table instead of a
-- scan of every matching invoice's index entries. One row per combination of what the plain
-- filters and the totals rule test: account, status, currency, issue day and due day (the
-- provider's, else the derived one: main/db/derived-columns.ts DUE_ON), tombstone, PDF and the
-- three flags; with the exact sums in 1/10,000ths and how many totals are unknown (stored as '',
-- see 0007). A day that is NULL is kept as '' so the key can be unique (every date is YYYY-MM-DD).
-- Kept by main/db/totals-rollup.ts in the same transaction as each write to those columns.
CREATE TABLE invoice_totals (
  account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status         TEXT NOT NULL,
  currency       TEXT NOT NULL,
  issue_day      TEXT NOT NULL,
  due_day        TEXT NOT NULL,
  removed        INTEGER NOT NULL,
  has_pdf        INTEGER NOT NULL,
  is_duplicate   INTEGER NOT NULL,
  wont_claim     INTEGER NOT NULL,
  has_errors     INTEGER NOT NULL,
  n              INTEGER NOT NULL,
  total          INTEGER NOT NULL,
  balance        INTEGER NOT NULL,
  without_amount INTEGER NOT NULL,
  PRIMARY KEY (account_id, status, currency, issue_day, due_day, removed, has_pdf, is_duplicate, wont_claim, has_errors)
) WITHOUT ROWID;

-- Rows whose last invoice moved to another key, found without a scan so each write can drop them.
CREATE INDEX invoice_totals_empty ON invoice_totals (account_id) WHERE n = 0;

INSERT INTO invoice_totals
SELECT i.account_id, i.status, i.currency, coalesce(i.issue_date, ''), coalesce(coalesce(i.due_date, i.derived_due_date), ''),
  i.removed, i.has_pdf, i.is_duplicate, i.wont_claim, i.has_errors, count(*), sum(i.total_scaled),
  sum((CASE WHEN i.status IN ('paid', 'void') OR i.total = '' THEN 0 ELSE i.total_scaled - coalesce(CASE WHEN i.paid IS NULL THEN NULL ELSE (CASE WHEN i.paid LIKE '-%' THEN -1 ELSE 1 END) * (abs(CAST(CASE WHEN instr(i.paid, '.') = 0 THEN i.paid ELSE substr(i.paid, 1, instr(i.paid, '.') - 1) END AS INTEGER)) * 10000 + CAST(substr(CASE WHEN instr(i.paid, '.') = 0 THEN '' ELSE substr(i.paid, instr(i.paid, '.') + 1) END || '0000', 1, 4) AS INTEGER)) END, 0) END)),
  sum(i.total = '')
FROM invoices i
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
