-- 019_child_count.sql — how many children each LA holds, kept by triggers,
-- so that "All children (300,000)" is one index read, not a count.
--
-- Owns: cme.la_child_count (derived from cme.child, never written by hand),
-- its trigger function cme.la_child_count_sync() and the helper
-- cme.la_child_count_apply().
--
-- Why (issue #6, bench/fixes.md round 4): the client shows the size of
-- All children in the queue bar (every start, every live refresh) and in
-- the list's heading (every time the queue opens). Counting a large LA's
-- 300,000 rows through row-level security cost 20-27 ms each time, the
-- largest steady cost of 100 simulated caseworkers after name search. The
-- count with a limit pattern (l) is still a real count: only the whole
-- queue reads this table.
--
-- Exactness: statement-level triggers on cme.child (INSERT, DELETE,
-- UPDATE, TRUNCATE) add the statement's net change per LA from
-- its transition tables, in the statement's own transaction, so the figure
-- is exactly count(*) of the LA's children as of any snapshot that sees the
-- same commits (a rolled-back insert never counted). A statement that adds
-- or removes children locks its LA's row until the transaction ends, so
-- two transactions adding children to one LA take turns; children are
-- added by the returns import (already one at a time per LA, 011) and by
-- the seed. An edit that leaves a child in its LA writes nothing. (TRUNCATE
-- of cme.child is refused anyway: it would cascade into the append-only
-- tables of 009.)
--
-- Security: the same matrix row as term and school_day: staff read their
-- own LA's row; nobody but cme_owner writes it. The trigger function is
-- SECURITY DEFINER (EXECUTE revoked from PUBLIC, granted to nobody, as for
-- its helper; the trigger fires it as the owner) and writes only this
-- table. The number of
-- children an LA holds tells staff of that LA nothing they could not count.

SET LOCAL ROLE cme_owner;

CREATE TABLE cme.la_child_count (
	la_code		smallint PRIMARY KEY REFERENCES cme.la,
	children	bigint NOT NULL CHECK (children >= 0)
);
COMMENT ON TABLE cme.la_child_count IS
    'derived: count of cme.child rows per LA (a trigger on cme.child keeps '
    'it exact; never written by hand)';

-- Adds p_delta[i] to LA p_la[i]'s figure (zeros skipped, so an ordinary
-- edit of a child writes and locks nothing). Rows are taken in the order
-- given (the callers sort by LA: no deadlock between two statements
-- touching the same LAs). An LA without a row gets one; an UPDATE first,
-- because INSERT ... ON CONFLICT checks the proposed row (a negative
-- figure) before it finds the conflict.
CREATE FUNCTION cme.la_child_count_apply(p_la smallint[], p_delta bigint[])
RETURNS void
LANGUAGE sql
SET search_path = cme, pg_temp
AS $$
	WITH d AS (
		SELECT x.la_code, x.delta
		  FROM unnest(p_la, p_delta) WITH ORDINALITY
			AS x(la_code, delta, ord)
		 WHERE x.delta <> 0
		 ORDER BY x.ord
	), u AS (
		UPDATE cme.la_child_count AS n SET children = n.children + d.delta
		  FROM d WHERE n.la_code = d.la_code
		RETURNING n.la_code
	)
	INSERT INTO cme.la_child_count AS n (la_code, children)
	SELECT d.la_code, d.delta FROM d
	 WHERE d.la_code NOT IN (SELECT la_code FROM u)
	ON CONFLICT (la_code) DO UPDATE
	   SET children = n.children + excluded.children;
$$;
REVOKE ALL ON FUNCTION cme.la_child_count_apply(smallint[], bigint[])
    FROM PUBLIC;

-- The statement's net change per LA, from the transition tables its
-- trigger declares (each branch names only those: PL/pgSQL resolves a
-- statement's relations when it first runs it).
CREATE FUNCTION cme.la_child_count_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		DELETE FROM cme.la_child_count;
	ELSIF TG_OP = 'INSERT' THEN
		PERFORM cme.la_child_count_apply(array_agg(la_code ORDER BY la_code),
		    array_agg(k ORDER BY la_code))
		   FROM (SELECT la_code, count(*) AS k FROM new_rows
			 GROUP BY la_code) AS d;
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM cme.la_child_count_apply(array_agg(la_code ORDER BY la_code),
		    array_agg(-k ORDER BY la_code))
		   FROM (SELECT la_code, count(*) AS k FROM old_rows
			 GROUP BY la_code) AS d;
	ELSE
		PERFORM cme.la_child_count_apply(array_agg(la_code ORDER BY la_code),
		    array_agg(k ORDER BY la_code))
		   FROM (SELECT x.la_code, sum(x.k)::bigint AS k
			   FROM (SELECT la_code, 1 AS k FROM new_rows
				 UNION ALL
				 SELECT la_code, -1 FROM old_rows) AS x
			  GROUP BY x.la_code
			 HAVING sum(x.k) <> 0) AS d;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION cme.la_child_count_sync() FROM PUBLIC;

CREATE TRIGGER child_count_ins AFTER INSERT ON cme.child
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.la_child_count_sync();
CREATE TRIGGER child_count_del AFTER DELETE ON cme.child
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.la_child_count_sync();
CREATE TRIGGER child_count_upd AFTER UPDATE ON cme.child
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.la_child_count_sync();
CREATE TRIGGER child_count_trunc AFTER TRUNCATE ON cme.child
    FOR EACH STATEMENT EXECUTE FUNCTION cme.la_child_count_sync();

ALTER TABLE cme.la_child_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.la_child_count FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.la_child_count TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.la_child_count
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.la_child_count
    TO cme_caseworker, cme_supervisor, cme_admin;

-- The children there are already.
INSERT INTO cme.la_child_count (la_code, children)
SELECT la_code, count(*) FROM cme.child GROUP BY la_code;

RESET ROLE;
