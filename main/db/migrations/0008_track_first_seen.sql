-- When Quire first saw each invoice: the "added" entries of the changes feed, and which invoices
-- an aging report as of a past date may include (Quire knows only what it had synced by then).
ALTER TABLE invoices ADD COLUMN first_seen_at TEXT;

-- Invoices cached before this column existed: the earliest instant Quire can prove it had them
-- is their oldest recorded change (the change's before-value was cached), else their last sync.
UPDATE invoices SET first_seen_at = coalesce(
  (SELECT min(c.at) FROM invoice_changes c WHERE c.invoice_id = invoices.id AND c.at < invoices.synced_at),
  synced_at);

CREATE INDEX invoices_by_first_seen ON invoices (first_seen_at);
-- "What changed since …" reads the log by time, across every invoice.
CREATE INDEX invoice_changes_by_at ON invoice_changes (at);
