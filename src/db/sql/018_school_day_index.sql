-- 018_school_day_index.sql — the school days of each LA, numbered, so that
-- the school-day clocks are two index reads instead of a calendar walk.
--
-- Owns: cme.school_day (derived from cme.term and cme.non_school_day, kept
-- exact by triggers on both), cme.school_day_rebuild(smallint) and the
-- trigger functions; new bodies for cme.school_days_between and
-- cme.add_school_days (names, arguments, results and grants unchanged from
-- 005_org.sql / 017_school_days.sql).
--
-- Why (issue #6, BENCHMARKS.md): the case lists call the clocks per row and
-- every prefetched Summary four times; 017's closed form still read two
-- calendar tables per call, each through its row-level security policy
-- (an initPlan calling cme.staff_la, about 20 µs), and My cases' p99 stayed
-- at 36 ms against 20. Now:
--   school_day(la_code, day, n): every school day of the LA (Monday to
--   Friday, inside a term, not a non_school_day) with n its running number
--   in date order, 1, 2, 3, ...
--   N(x) = n of the last school day <= x (0 when there is none), so
--   school_days_between(la, f, t) = greatest(N(t) - N(f), 0): the school
--   days d with f < d <= t, as before (0 when t <= f);
--   add_school_days(la, f, k) = the k-th row of school_day after f (f
--   itself when k <= 0; NULL when the calendar does not reach that far),
--   as before: one index range read of k entries (k is 10 or the LA's
--   enquiries clock, about 20).
-- Each call is one statement reading school_day once (between: a LATERAL
-- over the two dates), so the policy's initPlan runs once per call, not
-- once per calendar table.
--
-- Security: unchanged. The functions stay SECURITY INVOKER and read
-- school_day through row-level security with the same policy as term and
-- non_school_day (own LA only), so a caller still learns nothing of another
-- LA's calendar (it has no school days). Only the trigger functions and
-- cme.school_day_rebuild, which they call, are SECURITY DEFINER (EXECUTE
-- revoked from PUBLIC and granted to nobody; a trigger fires them as the
-- owner): they rewrite the derived rows of the LAs whose calendar the
-- invoker has just changed (a change RLS already allowed), return nothing
-- and write nothing else (no child data is read or written). Nobody but
-- cme_owner writes school_day.
--
-- Why not LANGUAGE sql, inlined: PostgreSQL inlines a scalar SQL function
-- only when its body is a single expression without sub-selects (no table
-- reads; inline_function in the planner), so these cannot be; PL/pgSQL
-- keeps their plan for the session (017).

SET LOCAL ROLE cme_owner;

CREATE TABLE cme.school_day (
	la_code		smallint NOT NULL REFERENCES cme.la,
	day		date NOT NULL,
	n		integer NOT NULL CHECK (n > 0),
	PRIMARY KEY (la_code, day)
);
COMMENT ON TABLE cme.school_day IS
    'derived: the school days of each LA numbered in date order (triggers '
    'on term and non_school_day keep it exact; never written by hand)';

-- The LA's school days from its calendar, numbered afresh.
CREATE FUNCTION cme.school_day_rebuild(p_la smallint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	DELETE FROM cme.school_day WHERE la_code = p_la;
	INSERT INTO cme.school_day (la_code, day, n)
	SELECT p_la, d.day, row_number() OVER (ORDER BY d.day)
	  FROM (SELECT DISTINCT g::date AS day
		  FROM cme.term t
		 CROSS JOIN LATERAL generate_series(t.starts, t.ends,
			interval '1 day') AS g
		 WHERE t.la_code = p_la
		   AND extract(isodow FROM g) < 6
		   AND NOT EXISTS (SELECT 1 FROM cme.non_school_day x
				    WHERE x.la_code = p_la
				      AND x.day = g::date)) AS d;
END
$$;
REVOKE ALL ON FUNCTION cme.school_day_rebuild(smallint) FROM PUBLIC;
COMMENT ON FUNCTION cme.school_day_rebuild(smallint) IS
    'renumbers cme.school_day for one LA from term and non_school_day';

-- Statement triggers: each LA touched by the statement is rebuilt once.
CREATE FUNCTION cme.school_day_sync_new() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	PERFORM cme.school_day_rebuild(l.la_code)
	   FROM (SELECT DISTINCT la_code FROM new_rows) AS l;
	RETURN NULL;
END
$$;
CREATE FUNCTION cme.school_day_sync_old() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	PERFORM cme.school_day_rebuild(l.la_code)
	   FROM (SELECT DISTINCT la_code FROM old_rows) AS l;
	RETURN NULL;
END
$$;
CREATE FUNCTION cme.school_day_sync_both() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	PERFORM cme.school_day_rebuild(l.la_code)
	   FROM (SELECT la_code FROM old_rows
		 UNION SELECT la_code FROM new_rows) AS l;
	RETURN NULL;
END
$$;
CREATE FUNCTION cme.school_day_sync_all() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	DELETE FROM cme.school_day;
	PERFORM cme.school_day_rebuild(l.la_code)
	   FROM (SELECT la_code FROM cme.term
		 UNION SELECT la_code FROM cme.non_school_day) AS l;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION cme.school_day_sync_new(), cme.school_day_sync_old(),
    cme.school_day_sync_both(), cme.school_day_sync_all() FROM PUBLIC;

CREATE TRIGGER term_school_day_ins AFTER INSERT ON cme.term
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_new();
CREATE TRIGGER term_school_day_upd AFTER UPDATE ON cme.term
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_both();
CREATE TRIGGER term_school_day_del AFTER DELETE ON cme.term
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_old();
CREATE TRIGGER term_school_day_trunc AFTER TRUNCATE ON cme.term
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_all();
CREATE TRIGGER non_school_day_school_day_ins AFTER INSERT
    ON cme.non_school_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_new();
CREATE TRIGGER non_school_day_school_day_upd AFTER UPDATE
    ON cme.non_school_day
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_both();
CREATE TRIGGER non_school_day_school_day_del AFTER DELETE
    ON cme.non_school_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_old();
CREATE TRIGGER non_school_day_school_day_trunc AFTER TRUNCATE
    ON cme.non_school_day
    FOR EACH STATEMENT EXECUTE FUNCTION cme.school_day_sync_all();

-- Security (see 010_security.sql): the same matrix row as term and
-- non_school_day, read only.
ALTER TABLE cme.school_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.school_day FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.school_day TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.school_day
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.school_day TO cme_caseworker, cme_supervisor, cme_admin;

-- The calendars there are already.
SELECT cme.school_day_rebuild(l.la_code)
  FROM (SELECT la_code FROM cme.term
	UNION SELECT la_code FROM cme.non_school_day) AS l;

-- Number of school days d with p_from < d <= p_to (0 when p_to <= p_from).
CREATE OR REPLACE FUNCTION cme.school_days_between(p_la integer,
    p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
BEGIN
	RETURN greatest((SELECT coalesce(sum(CASE WHEN v.upper THEN s.n
						  ELSE -s.n END), 0)
			   FROM (VALUES (true, p_to), (false, p_from))
				AS v(upper, d)
			  CROSS JOIN LATERAL (SELECT x.n FROM cme.school_day x
					       WHERE x.la_code = p_la
						 AND x.day <= v.d
					       ORDER BY x.day DESC
					       LIMIT 1) AS s), 0)::integer;
END
$$;

-- The p_n-th school day after p_from (p_from itself when p_n <= 0); NULL
-- when the calendar does not reach that far.
CREATE OR REPLACE FUNCTION cme.add_school_days(p_la integer, p_from date,
    p_n integer) RETURNS date
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
BEGIN
	IF p_n <= 0 THEN
		RETURN p_from;
	END IF;
	RETURN (SELECT x.day FROM cme.school_day x
		 WHERE x.la_code = p_la AND x.day > p_from
		 ORDER BY x.day OFFSET p_n - 1 LIMIT 1);
END
$$;

RESET ROLE;
