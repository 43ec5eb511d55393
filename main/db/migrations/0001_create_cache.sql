-- The offline cache: accounts (no secrets, ever), invoices with exact money, their line items,
-- full-text search, and the state that lets an interrupted sync resume.

CREATE TABLE accounts (
  id             TEXT PRIMARY KEY,
  provider       TEXT NOT NULL,
  name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  base_url       TEXT NOT NULL,
  options        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
  created_at     TEXT NOT NULL,
  last_synced_at TEXT,
  last_error     TEXT
) STRICT;

CREATE TABLE invoices (
  id                INTEGER PRIMARY KEY,
  account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  remote_id         TEXT NOT NULL,
  number            TEXT,
  status            TEXT NOT NULL CHECK (status IN ('draft', 'open', 'paid', 'void', 'unknown')),
  raw_status        TEXT,
  payment_status    TEXT,
  counterparty      TEXT,
  notes             TEXT,
  issue_date        TEXT,
  due_date          TEXT,
  period_start      TEXT,
  period_end        TEXT,
  currency          TEXT NOT NULL,
  subtotal          TEXT,
  tax               TEXT,
  total             TEXT NOT NULL,
  paid              TEXT,
  -- total in 1/10,000ths of the currency unit: exact sorting and summing without floats
  total_scaled      INTEGER NOT NULL,
  has_pdf           INTEGER NOT NULL DEFAULT 0 CHECK (has_pdf IN (0, 1)),
  line_item_count   INTEGER NOT NULL DEFAULT 0,
  remote_created_at TEXT,
  remote_updated_at TEXT,
  -- tombstone: deleted upstream or no longer listed; hidden by default, never dropped silently
  removed           INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  -- the full walk that last listed this invoice; reconcile marks older ones removed
  seen_walk         INTEGER NOT NULL,
  raw               TEXT NOT NULL CHECK (json_valid(raw)),
  synced_at         TEXT NOT NULL,
  UNIQUE (account_id, remote_id)
) STRICT;

-- rowid is the implicit last column of every index, so ORDER BY issue_date DESC, id DESC
-- walks this index with no sort step.
CREATE INDEX invoices_by_issue_date ON invoices (issue_date);
CREATE INDEX invoices_by_account_issue_date ON invoices (account_id, issue_date);

CREATE TABLE line_items (
  invoice_id  INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  description TEXT NOT NULL,
  quantity    TEXT,
  unit_price  TEXT,
  amount      TEXT,
  PRIMARY KEY (invoice_id, position)
) STRICT, WITHOUT ROWID;

-- Contentless: the text lives in invoices and line_items; this holds only the index.
CREATE VIRTUAL TABLE invoice_fts USING fts5 (
  number, counterparty, notes, lines,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE sync_state (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  -- the current (or last) full walk; increments when a new walk starts
  walk       INTEGER NOT NULL DEFAULT 0,
  -- where to continue the walk in progress; NULL when no walk is in progress
  cursor     TEXT,
  in_walk    INTEGER NOT NULL DEFAULT 0 CHECK (in_walk IN (0, 1))
) STRICT;

CREATE TABLE sync_runs (
  id          INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'cancelled')),
  resumed     INTEGER NOT NULL DEFAULT 0,
  pages       INTEGER NOT NULL DEFAULT 0,
  requests    INTEGER NOT NULL DEFAULT 0,
  upserted    INTEGER NOT NULL DEFAULT 0,
  removed     INTEGER NOT NULL DEFAULT 0,
  error_code  TEXT,
  error       TEXT
) STRICT;

CREATE INDEX sync_runs_by_account ON sync_runs (account_id, id);
