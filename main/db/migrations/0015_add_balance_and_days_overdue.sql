-- What is still owed, beside the gross total: total less paid, except that a paid or void
-- invoice owes nothing (several providers mark an invoice paid without sending the amount), and
-- one whose total is unknown (stored as '', see 0007) adds nothing to a sum.
-- In the same 1/10,000ths as total_scaled, paid read as paid_scaled is (four places). Indexes on
-- expressions that main/db/derived-columns.ts writes identically: SQLite answers an expression
-- index alone, where an index on a virtual generated column still reads every row.

CREATE INDEX invoices_by_balance ON invoices ((CASE WHEN status IN ('paid', 'void') OR total = '' THEN 0 ELSE total_scaled - coalesce(CASE WHEN paid IS NULL THEN NULL ELSE (CASE WHEN paid LIKE '-%' THEN -1 ELSE 1 END) * (abs(CAST(CASE WHEN instr(paid, '.') = 0 THEN paid ELSE substr(paid, 1, instr(paid, '.') - 1) END AS INTEGER)) * 10000 + CAST(substr(CASE WHEN instr(paid, '.') = 0 THEN '' ELSE substr(paid, instr(paid, '.') + 1) END || '0000', 1, 4) AS INTEGER)) END, 0) END));

-- The Days-overdue column's sort key: open invoices only, the earlier the due date the larger
-- (so "most overdue first" is a descending walk with the rest last). The days themselves depend
-- on today and are worked out when read.
CREATE INDEX invoices_by_overdue ON invoices ((CASE WHEN status = 'open' THEN -CAST(julianday(coalesce(due_date, derived_due_date)) AS INTEGER) END));

-- Totals per currency (gross and balance, void and draft told apart) from this index alone.
CREATE INDEX invoices_totals ON invoices (currency, status, total_scaled, (CASE WHEN status IN ('paid', 'void') OR total = '' THEN 0 ELSE total_scaled - coalesce(CASE WHEN paid IS NULL THEN NULL ELSE (CASE WHEN paid LIKE '-%' THEN -1 ELSE 1 END) * (abs(CAST(CASE WHEN instr(paid, '.') = 0 THEN paid ELSE substr(paid, 1, instr(paid, '.') - 1) END AS INTEGER)) * 10000 + CAST(substr(CASE WHEN instr(paid, '.') = 0 THEN '' ELSE substr(paid, instr(paid, '.') + 1) END || '0000', 1, 4) AS INTEGER)) END, 0) END));
