-- CareSquare's claim flags, which a plan manager filters on: an invoice marked as a duplicate of
-- another, one the plan manager will not claim from the NDIA, and one CareSquare found errors
-- in. Other providers have no such flags: 0. Duplicates and won't-claim invoices are not money
-- owed, so totals leave them out by default (main/db/totals-rule.ts).

ALTER TABLE invoices ADD COLUMN is_duplicate INTEGER NOT NULL DEFAULT 0 CHECK (is_duplicate IN (0, 1));
ALTER TABLE invoices ADD COLUMN wont_claim INTEGER NOT NULL DEFAULT 0 CHECK (wont_claim IN (0, 1));
ALTER TABLE invoices ADD COLUMN has_errors INTEGER NOT NULL DEFAULT 0 CHECK (has_errors IN (0, 1));

-- Invoices cached before this migration carry the flags in their raw payload (JSON true reads
-- as 1), so they are right at once rather than after the next sync.
UPDATE invoices SET
  is_duplicate = coalesce(json_extract(raw, '$.is_duplicate') IS 1, 0),
  wont_claim = coalesce(json_extract(raw, '$.wont_claim') IS 1, 0),
  has_errors = coalesce(json_extract(raw, '$.errors') IS 1, 0)
WHERE account_id IN (SELECT id FROM accounts WHERE provider = 'caresquare')
  AND json_type(raw) = 'object';

-- Flagged invoices are few: filtering on a flag probes these small sets, and the unfiltered
-- totals subtract the flagged ones' sums read from the last index alone.
CREATE INDEX invoices_duplicate ON invoices (id) WHERE is_duplicate = 1;
CREATE INDEX invoices_wont_claim ON invoices (id) WHERE wont_claim = 1;
CREATE INDEX invoices_with_errors ON invoices (id) WHERE has_errors = 1;
CREATE INDEX invoices_left_out_of_totals ON invoices (currency, total_scaled, removed) WHERE is_duplicate = 1 OR wont_claim = 1;
