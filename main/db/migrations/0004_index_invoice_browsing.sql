-- Browsing a large cache without full scans or sorts. Every column the grid sorts by has an
-- index whose entries end in the rowid (id), so ORDER BY <column> [DESC], id [DESC] walks the
-- index in order and LIMIT/OFFSET stop early. Checked with EXPLAIN QUERY PLAN in the tests.

-- paid is exact decimal text; its sort key is the same 1/10,000ths integer as total_scaled,
-- derived here so the sync's upsert stays as it is. Digits past the fourth place are dropped:
-- this is a sort key only, sums never use it.
ALTER TABLE invoices ADD COLUMN paid_scaled INTEGER GENERATED ALWAYS AS (
  CASE WHEN paid IS NULL THEN NULL ELSE
    (CASE WHEN paid LIKE '-%' THEN -1 ELSE 1 END) * (
      abs(CAST(CASE WHEN instr(paid, '.') = 0 THEN paid ELSE substr(paid, 1, instr(paid, '.') - 1) END AS INTEGER)) * 10000
      + CAST(substr(CASE WHEN instr(paid, '.') = 0 THEN '' ELSE substr(paid, instr(paid, '.') + 1) END || '0000', 1, 4) AS INTEGER))
  END) VIRTUAL;

CREATE INDEX invoices_by_due_date ON invoices (due_date);
CREATE INDEX invoices_by_number ON invoices (number);
CREATE INDEX invoices_by_counterparty ON invoices (counterparty COLLATE NOCASE);
CREATE INDEX invoices_by_status ON invoices (status);
CREATE INDEX invoices_by_currency ON invoices (currency);
CREATE INDEX invoices_by_total ON invoices (total_scaled);
CREATE INDEX invoices_by_paid ON invoices (paid_scaled);
CREATE INDEX invoices_by_pdf ON invoices (has_pdf);

-- Provider and account sorts walk the accounts (few) in this order, then each account's
-- invoices by id; the names are unique, so (provider, name) is too.
CREATE UNIQUE INDEX accounts_by_provider_name ON accounts (provider, name COLLATE NOCASE);
CREATE INDEX invoices_by_account ON invoices (account_id);
-- Each account's count of live invoices (the accounts list) without reading the rows.
CREATE INDEX invoices_live_by_account ON invoices (account_id) WHERE removed = 0;

-- Totals per currency read only this index, never the rows (which carry the raw payload).
CREATE INDEX invoices_by_currency_total ON invoices (currency, total_scaled);

-- The period filter (overlap with a range) reads only this index. Providers send dates or
-- instants, so the date part is indexed; the filter uses these exact expressions.
CREATE INDEX invoices_by_period ON invoices (
  substr(coalesce(period_start, period_end), 1, 10), substr(coalesce(period_end, period_start), 1, 10));

-- Tombstones are few: hiding them is a probe into this small set, never a row read.
CREATE INDEX invoices_removed ON invoices (id) WHERE removed = 1;

-- Named filter + sort + columns, kept across restarts.
CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- the view as the contract's SavedViewState, validated on the way in and out
  state      TEXT NOT NULL CHECK (json_valid(state)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
