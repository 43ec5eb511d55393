-- An invoice whose total the provider sent unreadable is kept with total = '' (and
-- total_scaled = 0, which sums to nothing): shown as "—" and counted apart in the totals.
-- This partial index finds those few without reading the rest.
CREATE INDEX invoices_without_amount ON invoices (currency) WHERE total = '';
