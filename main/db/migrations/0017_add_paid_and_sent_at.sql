-- When the provider says an invoice was paid and sent (Hoursmith's paidAt and sentAt), as UTC
-- instants in one text form (milliseconds, Z), so they sort in time order as text. NULL where the
-- provider sends none: the other three references have no such field.

ALTER TABLE invoices ADD COLUMN paid_at TEXT;
ALTER TABLE invoices ADD COLUMN sent_at TEXT;

-- Hoursmith invoices cached before this migration carry them in their raw payload; incremental
-- syncs would not fetch the unchanged ones again until the daily full walk. strftime reads an
-- offset or a Z and gives NULL for text that is no instant. Only rows that have one are
-- rewritten: drafts and unpaid invoices (null on the wire) are left as they are.
UPDATE invoices SET
  paid_at = CASE WHEN json_type(raw, '$.paidAt') = 'text' THEN strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(raw, '$.paidAt')) END,
  sent_at = CASE WHEN json_type(raw, '$.sentAt') = 'text' THEN strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(raw, '$.sentAt')) END
WHERE account_id IN (SELECT id FROM accounts WHERE provider = 'hoursmith')
  AND json_type(raw) = 'object'
  AND (json_type(raw, '$.paidAt') = 'text' OR json_type(raw, '$.sentAt') = 'text');

-- Both are grid columns, and each grid column sorts by its own index (see 0004).
CREATE INDEX invoices_by_paid_at ON invoices (paid_at);
CREATE INDEX invoices_by_sent_at ON invoices (sent_at);
