-- 017_school_days.sql — school-day arithmetic without walking the calendar.
--
-- Replaces the bodies of cme.school_days_between and cme.add_school_days
-- (005_org.sql); names, arguments, results and grants stay the same.
--
-- Why: both walked the LA's terms a day at a time (generate_series over
-- every day, an index probe of non_school_day for each weekday). The case
-- lists and the Summary call them for every row they show: sch.days per
-- case, the 10-day mark, the enquiries clock, the days since the last
-- contact. Measured on the benchmark's large LA (bench/, BENCHMARKS.md):
-- 0.20 ms per school_days_between and 0.11 ms per add_school_days, so a
-- page of 35 cases with its prefetched Summaries spent about 23 ms in them,
-- and "My cases" had a p99 of 42 ms against the 20 ms target.
--
-- Most of that was planning: a LANGUAGE sql function that is not inlined
-- (these are not: they read tables) has its statement planned again on
-- every call in PostgreSQL 15, row-level security included. PL/pgSQL keeps
-- its plans for the session. Now, in PL/pgSQL:
--   school_days_between counts per term in closed form: whole weeks times
--   five, the weekdays of the last part-week (at most six rows), minus the
--   non-school weekdays in that stretch (one range read of the
--   non_school_day primary key). Same answer: the school days d with
--   from < d <= to, d inside a term, Monday to Friday, not closed.
--   add_school_days first looks in a window of 2n + 50 days after p_from
--   (enough unless a long holiday intervenes) and only when the window
--   holds fewer than n school days walks the rest of the calendar as
--   before; the n-th school day of the window, when there is one, is the
--   n-th of the whole calendar, so the answer is the same.

SET LOCAL ROLE cme_owner;

CREATE OR REPLACE FUNCTION cme.school_days_between(p_la integer,
    p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
BEGIN
	RETURN (SELECT coalesce(sum(
		(r.b - r.a + 1) / 7 * 5
		+ (SELECT count(*) FROM generate_series(0,
			(r.b - r.a + 1) % 7 - 1) AS i(n)
		    WHERE extract(isodow FROM r.a + i.n) < 6)
		- (SELECT count(*) FROM cme.non_school_day x
		    WHERE x.la_code = p_la AND x.day BETWEEN r.a AND r.b
		      AND extract(isodow FROM x.day) < 6)), 0)::integer
	  FROM cme.term t
	 CROSS JOIN LATERAL (SELECT greatest(t.starts, p_from + 1) AS a,
		least(t.ends, p_to) AS b) AS r
	 WHERE t.la_code = p_la
	   AND t.starts <= p_to AND t.ends > p_from
	   AND r.a <= r.b);
END
$$;

CREATE OR REPLACE FUNCTION cme.add_school_days(p_la integer, p_from date,
    p_n integer) RETURNS date
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
BEGIN
	IF p_n <= 0 THEN
		RETURN p_from;
	END IF;
	RETURN coalesce((
		SELECT t.starts + o.n
		  FROM cme.term t
		 CROSS JOIN LATERAL generate_series(
			greatest(t.starts, p_from + 1) - t.starts,
			least(t.ends, p_from + 2 * p_n + 50) - t.starts) AS o(n)
		 WHERE t.la_code = p_la AND t.ends > p_from
		   AND t.starts <= p_from + 2 * p_n + 50
		   AND extract(isodow FROM t.starts + o.n) < 6
		   AND NOT EXISTS (SELECT 1 FROM cme.non_school_day x
				    WHERE x.la_code = p_la
				      AND x.day = t.starts + o.n)
		 ORDER BY 1
		OFFSET p_n - 1 LIMIT 1), (
		SELECT t.starts + o.n
		  FROM cme.term t
		 CROSS JOIN LATERAL generate_series(
			greatest(t.starts, p_from + 1) - t.starts,
			t.ends - t.starts) AS o(n)
		 WHERE t.la_code = p_la AND t.ends > p_from
		   AND extract(isodow FROM t.starts + o.n) < 6
		   AND NOT EXISTS (SELECT 1 FROM cme.non_school_day x
				    WHERE x.la_code = p_la
				      AND x.day = t.starts + o.n)
		 ORDER BY 1
		OFFSET p_n - 1 LIMIT 1));
END
$$;

RESET ROLE;
