-- A search's totals read invoices_money_by_id (0011) instead of the rows, which carry the raw
-- payload; since 0015 the totals also add up the balance. The same entries with the balance
-- expression (written as main/db/derived-columns.ts writes it, and as 0015 indexes it), so a
-- search's gross and balance totals still come from index entries alone.

DROP INDEX IF EXISTS invoices_money_by_id;
CREATE INDEX invoices_money_by_id ON invoices (id, status, currency, total_scaled, (CASE WHEN status IN ('paid', 'void') OR total = '' THEN 0 ELSE total_scaled - coalesce(CASE WHEN paid IS NULL THEN NULL ELSE (CASE WHEN paid LIKE '-%' THEN -1 ELSE 1 END) * (abs(CAST(CASE WHEN instr(paid, '.') = 0 THEN paid ELSE substr(paid, 1, instr(paid, '.') - 1) END AS INTEGER)) * 10000 + CAST(substr(CASE WHEN instr(paid, '.') = 0 THEN '' ELSE substr(paid, instr(paid, '.') + 1) END || '0000', 1, 4) AS INTEGER)) END, 0) END));
