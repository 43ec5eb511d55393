-- Who looked at an invoice and how: view sessions synced from a provider (CareSquare's
-- invoice view sessions, seed 000) and sessions Quire records itself while an invoice is open,
-- in one shape. Local sessions never leave this machine.

CREATE TABLE view_sessions (
  id                INTEGER PRIMARY KEY,
  source            TEXT NOT NULL CHECK (source IN ('remote', 'local')),
  account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  -- the provider's session id, or a random UUID for a local session
  session_id        TEXT NOT NULL,
  -- the invoice's remote id, deliberately NOT a foreign key: a provider can list sessions for
  -- invoices not cached yet; they are kept and link up by (account_id, invoice_remote_id)
  invoice_remote_id TEXT NOT NULL,
  user_id           TEXT,
  user_name         TEXT,
  -- local only: what was open ('detail' pane or 'pdf' viewer)
  surface           TEXT CHECK (surface IN ('detail', 'pdf')),
  started_at        TEXT NOT NULL,
  -- NULL while open; a local session is also over once its heartbeat is stale (see the service)
  ended_at          TEXT,
  last_heartbeat_at TEXT,
  -- whole seconds, NULL where the provider sends null (e.g. a session still open)
  duration_seconds  INTEGER CHECK (duration_seconds >= 0),
  active_seconds    INTEGER CHECK (active_seconds >= 0),
  engaged_seconds   INTEGER CHECK (engaged_seconds >= 0),
  idle_count        INTEGER CHECK (idle_count >= 0),
  -- local only, what the next heartbeat builds on: exact totals so 5-second steps never drift
  -- by rounding, and the viewer's state as of the last heartbeat
  active_ms         INTEGER,
  engaged_ms        INTEGER,
  viewer_active     INTEGER CHECK (viewer_active IN (0, 1)),
  last_input_at     TEXT,
  -- remote only: the provider's record as received, and when Quire last stored it
  remote_created_at TEXT,
  raw               TEXT CHECK (json_valid(raw)),
  synced_at         TEXT,
  CHECK ((source = 'remote') = (raw IS NOT NULL)),
  CHECK (source = 'remote' OR last_heartbeat_at IS NOT NULL),
  UNIQUE (account_id, source, session_id)
) STRICT;

-- An invoice's timeline, newest first.
CREATE INDEX view_sessions_by_invoice ON view_sessions (account_id, invoice_remote_id, started_at);
-- The workspace-wide "recently viewed" list.
CREATE INDEX view_sessions_by_started ON view_sessions (started_at);
-- Open local sessions, found on start and on each new session to close the stale ones.
CREATE INDEX view_sessions_open_local ON view_sessions (last_heartbeat_at) WHERE source = 'local' AND ended_at IS NULL;

-- The last sync of each account's remote view sessions. It runs after the invoice sync and its
-- failure never fails that sync, so it is reported from here, in the activity views.
CREATE TABLE view_session_sync (
  account_id   TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  attempted_at TEXT NOT NULL,
  -- the last complete walk; kept when a later one fails
  synced_at    TEXT,
  error_code   TEXT,
  error        TEXT
) STRICT;
