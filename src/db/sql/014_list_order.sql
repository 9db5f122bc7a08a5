-- 014_list_order.sql — indexes for the order the client's lists are read in.
--
-- The "All children" list (src/model/list.c) is read a page at a time in
-- name order with keyset pagination: ORDER BY lower(surname || ' ' ||
-- forename), child_id, after the last row's values. Row-level security
-- adds la_code = <the caller's LA>, so an index on (la_code, the same
-- expression, child_id) serves every page straight from the index: on a
-- 300,000-child LA a page went from 143 ms (sorting the LA) to 2 ms.
-- The expression must stay exactly the one list.c orders by.

SET LOCAL ROLE cme_owner;

CREATE INDEX child_name_order ON cme.child
    (la_code, lower(legal_surname || ' ' || legal_forename), child_id);

RESET ROLE;
