-- 016_report.sql — the supervisor desk's reads: the termly DfE CME return
-- and the workload per officer, as SECURITY DEFINER functions.
--
-- Owns: cme.census_day, cme.census_on_or_before, cme.nc_year (pure
-- helpers), cme.report_actor (internal: no EXECUTE for anyone),
-- cme.cme_return, cme.cme_return_terms and cme.workload.
--
-- WHO. Supervisors and managers (cme_supervisor, cme_admin) of an LA, for
-- their own LA only: the scope comes from cme.staff_la(session_user) as in
-- 013_casework.sql, never from a setting. A caseworker is refused (42501:
-- no EXECUTE, and the functions check again), so is a leaver, and so is
-- anyone naming another LA. A database administrator (superuser or member
-- of cme_owner, e.g. cron) may run the return for an LA it names. Every
-- function only reads (STABLE, writes no audit row: aggregates open no
-- child's record), so they also run on a hot standby (the client's
-- database.standby connection, README).
--
-- THE RETURN (domain.md §4.1; the collection is aggregate only). Decisions
-- where domain.md says the collection's detail was not confirmed:
--  * CME on census day: a case of the LA counts from its referral date
--    (referred_on, the day the LA recorded the child as missing education)
--    up to, not including, the day it ended: closed_on for a closed case,
--    the day of the transfer (updated_at, the row is final) for one
--    transferred to another LA. Located and escalated cases still count:
--    a child whose whereabouts are known can still be on no roll (DfE
--    counts "offered a place but not yet started" and "application
--    awaiting outcome" as CME). A case closed with the outcome not_cme
--    ("found not to be missing education") never counts. A child counts
--    once, with the latest case open on the day.
--  * No compulsory-school-age filter: a case is opened for a child the LA
--    judged to be of compulsory school age; children outside reception to
--    year 11 are shown in their own row ("other") rather than dropped, so
--    every breakdown adds up to the total.
--  * National curriculum year from the date of birth and the academic year
--    (1 September to 31 August) of the census day: a child born between
--    1 September of year Y and 31 August of Y+1 is in reception in the
--    academic year that starts in Y+5 (cme.nc_year).
--  * Length of time missing education: census day minus the referral
--    date, in calendar days; 84 days (exactly 12 weeks) or fewer is "12
--    weeks or less", 85 or more "more than 12 weeks". The referral date is
--    mandatory in cme, so "unknown" holds only children whose case has
--    none (today never); the row is kept because the collection has it.
--  * Primary reason: the case's reason (cme.cme_reason, which an LA keeps
--    in line with the current collection guide); a case with none counts
--    under not_known.
--  * CME at any point in the previous academic year: the academic year
--    before the census day's (an autumn 2025 census reports 2024/25), each
--    child once however many cases overlapped it.
--  * Census days: the DfE school census Thursdays — autumn the first
--    Thursday of October, spring the third Thursday of January, summer
--    the third Thursday of May. This reproduces the 2022/23 dates that
--    domain.md confirms (6 Oct 2022, 19 Jan 2023, 18 May 2023); later
--    years are not confirmed, so the CLI takes any --census date.
--  * Rounding (to the nearest 10, "low" for 1-4) is the client's, only on
--    request (cme report cme-return --rounded): the function returns exact
--    counts.
--
-- WORKLOAD. One row per active caseworker and supervisor of the LA, in one
-- statement (the screen's one round trip):
--  * open_cases: cases assigned to the officer, not closed or transferred;
--  * open_alerts: alerts assigned to the officer, not resolved;
--  * overdue_clocks: the statutory clocks of the officer's cases still
--    referred or in enquiries, counted in school days over the LA's term
--    calendar — the 10-school-day clock (no contact recorded more than 10
--    school days after the referral: domain.md §1.3's local timescales)
--    and the enquiries clock (la_settings.enquiries_clock_days, default
--    20: the sweep's case_clock_overdue); a case can have both overdue;
--  * contacts_10d: contacts the officer recorded in the last 10 school
--    days (today included);
--  * the oldest untouched case: the open case whose last contact (or
--    referral, when it has none) is oldest, and the school days since.
--
-- SQLSTATEs: 42501 not allowed; 22023 bad argument.

SET LOCAL ROLE cme_owner;

-- ------------------------------------------------------------ calendar

-- The DfE census day of a term of the academic year that starts in
-- p_year (see the header): autumn, spring or summer.
CREATE FUNCTION cme.census_day(p_year integer, p_term text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT d + ((4 - extract(isodow FROM d)::integer + 7) % 7)
		 + CASE WHEN p_term = 'autumn' THEN 0 ELSE 14 END
	  FROM (SELECT CASE p_term
		    WHEN 'autumn' THEN make_date(p_year, 10, 1)
		    WHEN 'spring' THEN make_date(p_year + 1, 1, 1)
		    WHEN 'summer' THEN make_date(p_year + 1, 5, 1)
		  END AS d) AS x
	 WHERE p_term IN ('autumn', 'spring', 'summer')
$$;
COMMENT ON FUNCTION cme.census_day(integer, text) IS
    'DfE census Thursday of a term (autumn: 1st Thu Oct; spring, summer: '
    '3rd Thu Jan, May) of the academic year starting in p_year';

-- The latest census day on or before p_day.
CREATE FUNCTION cme.census_on_or_before(p_day date) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT max(d)
	  FROM generate_series(extract(year FROM p_day)::integer - 2,
		 extract(year FROM p_day)::integer) AS y(y)
	 CROSS JOIN LATERAL unnest(ARRAY[cme.census_day(y.y, 'autumn'),
		 cme.census_day(y.y, 'spring'), cme.census_day(y.y, 'summer')])
		 AS c(d)
	 WHERE d <= p_day
$$;
COMMENT ON FUNCTION cme.census_on_or_before(date) IS
    'the latest DfE census day on or before the date';

-- National curriculum year in the academic year of p_on: 0 = reception,
-- 1..11 = years 1 to 11; below 0 or above 11 outside school years.
CREATE FUNCTION cme.nc_year(p_dob date, p_on date) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT (extract(year FROM p_on)::integer
		- CASE WHEN extract(month FROM p_on) >= 9 THEN 0 ELSE 1 END)
	     - (extract(year FROM p_dob)::integer
		- CASE WHEN extract(month FROM p_dob) >= 9 THEN 0 ELSE 1 END)
	     - 5
$$;
COMMENT ON FUNCTION cme.nc_year(date, date) IS
    'NC year group (0 = reception) of a child born p_dob, in the academic '
    'year of p_on';

GRANT EXECUTE ON FUNCTION cme.census_day(integer, text),
    cme.census_on_or_before(date), cme.nc_year(date, date)
    TO cme_caseworker, cme_supervisor, cme_admin;

-- ------------------------------------------------------------- scope

-- The LA a report is for: the caller's own (a supervisor or admin; p_la,
-- when given, must be it), or for a database administrator the LA it
-- names.
CREATE FUNCTION cme.report_actor(p_la smallint) RETURNS smallint
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
BEGIN
	IF (SELECT r.rolsuper FROM pg_catalog.pg_roles r
	     WHERE r.rolname = session_user)
	    OR pg_catalog.pg_has_role(session_user, 'cme_owner', 'MEMBER') THEN
		IF p_la IS NULL THEN
			RAISE EXCEPTION 'cme: name the LA (--la CODE): % is '
			    'not a member of staff', session_user
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
		IF NOT EXISTS (SELECT 1 FROM cme.la l WHERE l.la_code = p_la)
		THEN
			RAISE EXCEPTION 'cme: % is not an LA code', p_la
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
		RETURN p_la;
	END IF;
	v_la := cme.case_actor(ARRAY['cme_supervisor', 'cme_admin']);
	IF p_la IS NOT NULL AND p_la <> v_la THEN
		RAISE EXCEPTION 'cme: % may report on LA % only, not %',
		    session_user, v_la, p_la
		    USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN v_la;
END
$$;
REVOKE ALL ON FUNCTION cme.report_actor(smallint) FROM PUBLIC;

-- ------------------------------------------------------------ return

CREATE FUNCTION cme.cme_return(p_census date, p_la smallint DEFAULT NULL)
RETURNS TABLE (la_code smallint, census_date date, breakdown text,
    category text, label text, sort integer, children integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v_ay	integer;	-- academic year of the census day
BEGIN
	v_la := cme.report_actor(p_la);
	IF p_census IS NULL THEN
		RAISE EXCEPTION 'cme: the census date is missing'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	v_ay := extract(year FROM p_census)::integer
	    - CASE WHEN extract(month FROM p_census) >= 9 THEN 0 ELSE 1 END;
	RETURN QUERY
	WITH ep AS (
		SELECT k.child_id, k.case_id, k.referred_on, k.reason,
		       CASE k.status
			 WHEN 'closed' THEN k.closed_on
			 WHEN 'transferred' THEN coalesce(k.closed_on,
			     k.updated_at::date)
		       END AS ended_on
		  FROM cme.cme_case k
		 WHERE k.la_code = v_la
		   AND NOT (k.status = 'closed'
			    AND k.closure_outcome IS NOT DISTINCT FROM 'not_cme')
	), on_day AS (
		SELECT DISTINCT ON (e.child_id) e.child_id, e.referred_on,
		       e.reason, c.sex, c.dob
		  FROM ep e
		  JOIN cme.child c ON c.la_code = v_la
		   AND c.child_id = e.child_id
		 WHERE e.referred_on <= p_census
		   AND (e.ended_on IS NULL OR e.ended_on > p_census)
		 ORDER BY e.child_id, e.referred_on DESC, e.case_id DESC
	), facts AS (
		SELECT 'total'::text AS b, 'all'::text AS c FROM on_day
		UNION ALL
		SELECT 'sex', o.sex::text FROM on_day o
		UNION ALL
		SELECT 'year_group', CASE
			 WHEN y.n = 0 THEN 'R'
			 WHEN y.n BETWEEN 1 AND 11 THEN 'Y' || y.n
			 ELSE 'other' END
		  FROM on_day o
		 CROSS JOIN LATERAL (SELECT cme.nc_year(o.dob, p_census)) AS y(n)
		UNION ALL
		SELECT 'length_missing', CASE
			 WHEN o.referred_on IS NULL THEN 'unknown'
			 WHEN p_census - o.referred_on <= 84 THEN 'le_12_weeks'
			 ELSE 'gt_12_weeks' END
		  FROM on_day o
		UNION ALL
		SELECT 'reason', coalesce(o.reason, 'not_known') FROM on_day o
		UNION ALL
		SELECT 'previous_year', 'all'
		  FROM (SELECT DISTINCT e.child_id FROM ep e
			 WHERE e.referred_on <= make_date(v_ay, 8, 31)
			   AND (e.ended_on IS NULL
				OR e.ended_on > make_date(v_ay - 1, 9, 1)))
		       AS py
	), counts AS (
		SELECT f.b, f.c, count(*)::integer AS n
		  FROM facts f GROUP BY f.b, f.c
	), cats AS (
		SELECT v.b, v.c, v.l, v.s
		  FROM (VALUES
			('total', 'all', 'CME on census day', 0),
			('sex', 'F', 'Female', 10),
			('sex', 'M', 'Male', 11),
			('sex', 'U', 'Not known', 12),
			('year_group', 'R', 'Reception', 20),
			('year_group', 'Y1', 'Year 1', 21),
			('year_group', 'Y2', 'Year 2', 22),
			('year_group', 'Y3', 'Year 3', 23),
			('year_group', 'Y4', 'Year 4', 24),
			('year_group', 'Y5', 'Year 5', 25),
			('year_group', 'Y6', 'Year 6', 26),
			('year_group', 'Y7', 'Year 7', 27),
			('year_group', 'Y8', 'Year 8', 28),
			('year_group', 'Y9', 'Year 9', 29),
			('year_group', 'Y10', 'Year 10', 30),
			('year_group', 'Y11', 'Year 11', 31),
			('year_group', 'other', 'Outside reception to year 11',
			    32),
			('length_missing', 'le_12_weeks', '12 weeks or less', 40),
			('length_missing', 'gt_12_weeks', 'More than 12 weeks', 41),
			('length_missing', 'unknown', 'Unknown', 42))
		       AS v(b, c, l, s)
		UNION ALL
		SELECT 'reason', r.code, r.label, 100 + r.sort
		  FROM cme.cme_reason r
		 WHERE r.active OR r.code IN (SELECT x.c FROM counts x
					       WHERE x.b = 'reason')
		UNION ALL
		SELECT 'previous_year', 'all',
		       format('CME at any point in %s/%s', v_ay - 1,
			   lpad(((v_ay) % 100)::text, 2, '0')), 1000
	)
	SELECT v_la, p_census, k.b, k.c, k.l, k.s, coalesce(n.n, 0)
	  FROM cats k
	  LEFT JOIN counts n ON n.b = k.b AND n.c = k.c
	 ORDER BY k.s;
END
$$;
REVOKE ALL ON FUNCTION cme.cme_return(date, smallint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.cme_return(date, smallint)
    TO cme_supervisor, cme_admin;
COMMENT ON FUNCTION cme.cme_return(date, smallint) IS
    'the termly DfE CME return of the caller''s LA on a census day: exact '
    'counts by breakdown (016_report.sql says how each is defined)';

-- The Reports screen in one statement: the return on the latest census day
-- on or before p_as_of (the current term's) beside the one before it. The
-- previous-year row's label names no year: the two columns count
-- different academic years.
CREATE FUNCTION cme.cme_return_terms(p_as_of date DEFAULT NULL)
RETURNS TABLE (breakdown text, category text, label text, sort integer,
    census_date date, children integer, prev_census_date date,
    prev_children integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_cur	date;
	v_prev	date;
BEGIN
	v_cur := cme.census_on_or_before(coalesce(p_as_of, current_date));
	v_prev := cme.census_on_or_before(v_cur - 1);
	RETURN QUERY
	SELECT c.breakdown, c.category,
	       CASE WHEN c.breakdown = 'previous_year' THEN
		   'CME at any point in the previous academic year'
	       ELSE c.label END, c.sort, c.census_date,
	       c.children, v_prev, p.children
	  FROM cme.cme_return(v_cur) AS c
	  LEFT JOIN cme.cme_return(v_prev) AS p
	    ON p.breakdown = c.breakdown AND p.category = c.category
	 ORDER BY c.sort;
END
$$;
REVOKE ALL ON FUNCTION cme.cme_return_terms(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.cme_return_terms(date)
    TO cme_supervisor, cme_admin;
COMMENT ON FUNCTION cme.cme_return_terms(date) IS
    'the DfE return on this term''s census day beside the previous term''s';

-- ----------------------------------------------------------- workload

CREATE FUNCTION cme.workload(p_as_of date DEFAULT NULL,
    p_la smallint DEFAULT NULL)
RETURNS TABLE (role_name name, display_name text, team text,
    open_cases integer, open_alerts integer, overdue_clocks integer,
    contacts_10d integer, untouched_days integer, untouched_case bigint,
    untouched_since date)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la		smallint;
	v_today		date;
	v_clock		integer;
	v_cut10		date;	-- referred before: > 10 school days ago
	v_cut_enq	date;	-- referred before: past the enquiries clock
	v_recent	date;	-- first of the last 10 school days
BEGIN
	v_la := cme.report_actor(p_la);
	v_today := coalesce(p_as_of, current_date);
	SELECT s.enquiries_clock_days INTO v_clock FROM cme.la_rules(v_la) s;
	v_cut10 := cme.school_day_back(v_la, v_today, 11);
	v_cut_enq := cme.school_day_back(v_la, v_today, v_clock + 1);
	-- Without a calendar that reaches back 10 school days: two weeks.
	v_recent := coalesce(cme.school_day_back(v_la, v_today, 10),
	    v_today - 13);
	RETURN QUERY
	WITH st AS (
		SELECT s.role_name, s.display_name, t.name AS team
		  FROM cme.staff s
		  LEFT JOIN cme.team t ON t.la_code = s.la_code
		   AND t.team_id = s.team_id
		 WHERE s.la_code = v_la AND s.active
		   AND s.kind IN ('caseworker', 'supervisor')
	), oc AS MATERIALIZED (
		SELECT k.case_id, k.assigned_to, k.status, k.referred_on,
		       (SELECT max(x.contact_at)::date FROM cme.case_contact x
			 WHERE x.la_code = v_la AND x.case_id = k.case_id)
		       AS last_contact
		  FROM cme.cme_case k
		 WHERE k.la_code = v_la AND k.assigned_to IS NOT NULL
		   AND k.status NOT IN ('closed', 'transferred')
	), ocs AS (
		SELECT o.assigned_to, count(*)::integer AS n,
		       (count(*) FILTER (WHERE o.status IN ('referred',
			   'enquiries') AND o.last_contact IS NULL
			   AND o.referred_on < v_cut10)
			+ count(*) FILTER (WHERE o.status IN ('referred',
			   'enquiries') AND o.referred_on < v_cut_enq))::integer
		       AS overdue
		  FROM oc o GROUP BY o.assigned_to
	), old AS (
		SELECT DISTINCT ON (o.assigned_to) o.assigned_to, o.case_id,
		       greatest(o.referred_on, o.last_contact) AS touched
		  FROM oc o
		 ORDER BY o.assigned_to, greatest(o.referred_on,
		     o.last_contact), o.case_id
	), al AS (
		SELECT a.assigned_to, count(*)::integer AS n
		  FROM cme.alert a
		 WHERE a.la_code = v_la AND a.assigned_to IS NOT NULL
		   AND a.status <> 'resolved'
		 GROUP BY a.assigned_to
	), ct AS (
		SELECT x.recorded_by, count(*)::integer AS n
		  FROM cme.case_contact x
		 WHERE x.la_code = v_la
		   AND x.contact_at >= v_recent::timestamptz
		   AND x.contact_at < (v_today + 1)::timestamptz
		 GROUP BY x.recorded_by
	)
	SELECT s.role_name, s.display_name, s.team,
	       coalesce(ocs.n, 0), coalesce(al.n, 0), coalesce(ocs.overdue, 0),
	       coalesce(ct.n, 0),
	       CASE WHEN old.touched IS NOT NULL THEN
		   cme.school_days_between(v_la, old.touched, v_today) END,
	       old.case_id, old.touched
	  FROM st s
	  LEFT JOIN ocs ON ocs.assigned_to = s.role_name
	  LEFT JOIN old ON old.assigned_to = s.role_name
	  LEFT JOIN al ON al.assigned_to = s.role_name
	  LEFT JOIN ct ON ct.recorded_by = s.role_name
	 ORDER BY s.display_name, s.role_name;
END
$$;
REVOKE ALL ON FUNCTION cme.workload(date, smallint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.workload(date, smallint)
    TO cme_supervisor, cme_admin;
COMMENT ON FUNCTION cme.workload(date, smallint) IS
    'per officer of the caller''s LA: open cases and alerts, overdue '
    'clocks, contacts in the last 10 school days, oldest untouched case';

RESET ROLE;
