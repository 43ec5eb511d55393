-- What changed between syncs, kept locally: finance staff need to see that an invoice went from
-- open to paid, or that its total moved, and when Quire first saw it.
CREATE TABLE invoice_changes (
  id         INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  field      TEXT NOT NULL CHECK (field IN ('status', 'paymentStatus', 'total', 'paid', 'removed')),
  before     TEXT,
  after      TEXT
) STRICT;

CREATE INDEX invoice_changes_by_invoice ON invoice_changes (invoice_id, id);

-- Which strategy a sync used (a full walk, or only what changed since the cache's newest
-- update) and what it cost, per account and run.
ALTER TABLE sync_runs ADD COLUMN strategy TEXT NOT NULL DEFAULT 'full' CHECK (strategy IN ('full', 'incremental'));

-- Small app-wide preferences (e.g. the background sync interval), as validated JSON values.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
