-- The text of cached provider PDFs, for search, and what checking each PDF against the synced
-- data found. Generated PDFs are never indexed: they only repeat the cached data.

-- Contentless like invoice_fts (the text is not kept twice); rowid = invoices.id. Its own table,
-- so the PDF predicate is one more `id IN (…)` beside the data's and neither index grows.
CREATE VIRTUAL TABLE pdf_text_fts USING fts5 (
  text,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- One row per invoice whose provider PDF was read: which file (by hash), and the outcome.
-- match: number and total both printed; mismatch: one of them is not; not_checked: no text to
-- read (a scan), or reading it failed or took too long — never reported as a mismatch.
CREATE TABLE pdf_checks (
  invoice_id   INTEGER PRIMARY KEY REFERENCES invoices(id) ON DELETE CASCADE,
  sha256       TEXT NOT NULL,
  -- what the data said when it was checked: a sync that changes either checks the file again
  checked_number TEXT,
  checked_total  TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('match', 'mismatch', 'not_checked')),
  number_found INTEGER CHECK (number_found IN (0, 1)),
  total_found  INTEGER CHECK (total_found IN (0, 1)),
  -- the amount the PDF prints where the total was expected, as printed (mismatch only)
  pdf_shows    TEXT,
  detail       TEXT,
  checked_at   TEXT NOT NULL,
  -- 0 once the file's text has left the index (the file went): a copy fetched again is read again
  text_current INTEGER NOT NULL DEFAULT 1 CHECK (text_current IN (0, 1))
) STRICT;

CREATE INDEX pdf_checks_mismatches ON pdf_checks (invoice_id) WHERE outcome = 'mismatch';

-- The text belongs to the provider file a row names: when that row goes (quota eviction, a
-- damaged copy dropped, its account removed) or names another file (a re-download), the text
-- goes with it, so search never finds a word in a PDF Quire no longer has. The check's finding
-- stays: it is still what that document printed.
CREATE TRIGGER pdf_text_follows_delete AFTER DELETE ON invoice_pdfs WHEN old.source = 'provider'
BEGIN
  DELETE FROM pdf_text_fts WHERE rowid = old.invoice_id;
  UPDATE pdf_checks SET text_current = 0 WHERE invoice_id = old.invoice_id;
END;

CREATE TRIGGER pdf_text_follows_replace AFTER UPDATE OF sha256 ON invoice_pdfs
  WHEN old.source = 'provider' AND new.sha256 <> old.sha256
BEGIN
  DELETE FROM pdf_text_fts WHERE rowid = old.invoice_id;
  UPDATE pdf_checks SET text_current = 0 WHERE invoice_id = old.invoice_id;
END;
