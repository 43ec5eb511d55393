-- The discount an invoice states (Hoursmith's discountAmount), exact decimal text, so the
-- breakdown reads subtotal - discount + tax = total. NULL where the provider states none.

ALTER TABLE invoices ADD COLUMN discount TEXT;

-- Hoursmith invoices cached before this migration carry it in their raw payload.
UPDATE invoices SET discount = json_extract(raw, '$.discountAmount')
WHERE account_id IN (SELECT id FROM accounts WHERE provider = 'hoursmith')
  AND json_type(raw) = 'object'
  AND json_type(raw, '$.discountAmount') = 'text'
  AND json_extract(raw, '$.discountAmount') GLOB '[0-9]*'
  AND json_extract(raw, '$.discountAmount') NOT GLOB '*[^0-9.]*'
  AND json_extract(raw, '$.discountAmount') NOT GLOB '*.*.*'
  AND json_extract(raw, '$.discountAmount') NOT GLOB '*.';
