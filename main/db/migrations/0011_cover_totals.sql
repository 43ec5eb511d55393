-- Totals per currency (and the count) of a search, and the filter tests of a walked window,
-- from index entries instead of rows. An invoice row carries its raw payload (hundreds of
-- bytes), so summing the tens of thousands of rows a search matches reads that many table
-- pages; these entries are a few dozen bytes each. Checked with EXPLAIN QUERY PLAN in the tests.
CREATE INDEX invoices_money_by_id ON invoices (id, status, currency, total_scaled);
