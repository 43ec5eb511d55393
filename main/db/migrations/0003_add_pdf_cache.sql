-- Invoice PDFs kept for offline opening. The files live under <data dir>/pdfs/<sha256>.pdf,
-- named by their content only (never by anything a server sent); this table says which invoice
-- each belongs to, where it came from, and when it was last opened (for the disk quota).
CREATE TABLE invoice_pdfs (
  invoice_id     INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  -- provider: the provider's own document, downloaded and verified; generated: rendered by Quire
  source         TEXT NOT NULL CHECK (source IN ('provider', 'generated')),
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size           INTEGER NOT NULL CHECK (size > 0),
  stored_at      TEXT NOT NULL,
  -- generated only: the invoice's synced_at it was rendered from; newer synced data re-renders it
  rendered_from  TEXT,
  last_opened_at TEXT,
  PRIMARY KEY (invoice_id, source)
) STRICT, WITHOUT ROWID;

-- A file may back more than one row (identical PDFs); it is deleted when no row names it.
CREATE INDEX invoice_pdfs_by_sha256 ON invoice_pdfs (sha256);
