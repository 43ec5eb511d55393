-- Records a provider sent that Quire could not keep as invoices (a failed schema, a value out of
-- range, a shape too deep or too long): kept, reported and retried on every sync instead of
-- failing their page. A record fixed upstream becomes an invoice and its row here is deleted.
CREATE TABLE skipped_records (
  id            INTEGER PRIMARY KEY,
  account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  -- 'id:<remote id>', or 'raw:<sha256 of the kept text>' for a record with no readable id, so
  -- the same record seen again updates its row rather than adding one
  record_key    TEXT NOT NULL,
  remote_id     TEXT,
  -- the page of the sync run that last saw it (1 = the run's first page)
  page          INTEGER NOT NULL CHECK (page >= 1),
  field         TEXT NOT NULL,
  reason        TEXT NOT NULL,
  -- the record as JSON text, secrets redacted, cut to a bounded size (so not always valid JSON)
  raw           TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  -- the full walk that last saw it; a finished walk drops the rows it did not see
  seen_walk     INTEGER NOT NULL,
  UNIQUE (account_id, record_key)
) STRICT;

ALTER TABLE sync_runs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
