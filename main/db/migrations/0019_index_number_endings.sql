-- A search for digits ("retainer 770") also finds invoice numbers ending in them (INV-0000770).
-- A LIKE '%770' cannot seek an index, so it read every entry of the number index (a million at
-- a million invoices) for each such search. Every suffix searched has three digits or more, so
-- a number ending in it ends in its last three: this index finds those few, and the LIKE then
-- tests only them. The expression is written as main/db/invoice-filter-sql.ts writes it.
CREATE INDEX invoices_by_number_end ON invoices (substr(number, -3));
