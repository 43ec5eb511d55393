-- Likely duplicate bills: same normalised counterparty, currency and total. This index groups
-- them in one ordered walk (no pairwise comparison, no sort), so only the few groups of two or
-- more are ever read. Normalised here with SQLite's own deterministic functions, so every
-- connection (the CLI, a read-only export) can use it: ASCII case, surrounding spaces, full
-- stops and commas ("ACME Pty. Ltd." = "Acme Pty Ltd"). Only bills someone could pay twice:
-- not tombstones, drafts (not issued yet) or void invoices (cancelled, often re-issued); and
-- only with a total ('' is one the provider sent unreadable: nothing to compare).
CREATE INDEX invoices_by_bill ON invoices (
  total_scaled, currency,
  lower(replace(replace(replace(trim(counterparty), '.', ''), ',', ''), '  ', ' '))
) WHERE removed = 0 AND counterparty IS NOT NULL AND status NOT IN ('draft', 'void') AND total <> '';

-- Groups a person marked "not duplicates": by the exact set of invoices, so a group that gains
-- a new member is shown again.
CREATE TABLE duplicate_dismissals (
  group_key    TEXT PRIMARY KEY,
  dismissed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
