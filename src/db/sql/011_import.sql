-- 011_import.sql — the school data feed (`cme import`), the alert rules,
-- the time-based sweep (`cme sweep`), alert actions and live push.
--
-- Owns: alert rule possible_duplicate; attendance's fillfactor; sequence
-- cme.import_batch_seq; the alert NOTIFY triggers (and the replacement of
-- 009's alert_audit trigger, see "Audit" below); the import functions
-- cme.import_begin, cme.import_attendance, cme.import_returns; the rule
-- functions cme.rule_* and cme.alerts_raise; cme.sweep; the alert actions
-- cme.alert_acknowledge, _assign, _snooze, _escalate, _open_case,
-- _resolve; and small helpers (cme.import_scope, cme.school_day_back,
-- cme.marks_streak, cme.csv_field, cme.severity_rank).
--
-- WHO MAY IMPORT. cme.import_scope() reads the scope from session_user
-- (never from a setting): a superuser or a member of cme_owner (the DBA,
-- cron) may import for every school; a cme_admin login for every school of
-- its staff LA; a cme_school login for its own school (staff.laestab)
-- only. Anyone else is refused (42501). A row for a school outside the
-- scope is a rejected row ("not a school you may submit for"). The school
-- login learns nothing it cannot already know beyond whether a UPN is
-- known to the LA (rejected rows say so): the file came from its roll.
--
-- STAGING. Each import runs in ONE transaction:
--     BEGIN;
--     SELECT cme.import_begin('attendance' | 'returns');
--     COPY pg_temp.cme_import_att (line_no, laestab, upn, day, pm, code)
--          FROM STDIN;                      -- or cme_import_ret, below
--     COPY pg_temp.cme_import_reject (line_no, reason, csv) FROM STDIN;
--                                           -- rows the client rejected
--     SELECT * FROM cme.import_attendance(skip_bad, as_of);
--     SELECT ... FROM pg_temp.cme_import_reject ORDER BY line_no;
--     COMMIT (applied) or ROLLBACK (rejected);
-- The staging tables are TEMP tables ON COMMIT DROP that import_begin, a
-- definer function, creates: they belong to cme_owner, so the definer
-- functions that read them never read an object the caller made (a
-- caller's own "pg_temp.cme_import_att", say a view over a function of
-- theirs, would run that function as cme_owner). import_begin refuses
-- when such an object exists, and grants INSERT (and SELECT on the reject
-- table) to PUBLIC: a temp table is private to its session anyway, and
-- COPY needs the privilege whichever role the client has SET. TEMP tables
-- cost no WAL, need no clean-up, and two imports never see each other's
-- rows; the client raises temp_buffers before its first temp table so
-- that 600,000 staged rows stay in memory. Every staged row carries its
-- line number, so each reason found in SQL comes back as FILE:LINE.
--
-- ATTENDANCE MERGE (design.md §3). Set-wise, a statement each:
--   1. the (school, day) pairs of the file (a few hundred) are resolved
--      once: LA, scope, term, school day or why not;
--   2. each row joins its pair, its pupil (UPN within the school's LA) and
--      its code; a row with a reason goes to the reject table, the others
--      to pg_temp.cme_imp_res with the position of their session in the
--      term's string: 2 * (day - term.starts) + 1 (AM) or + 2 (PM);
--   3. rows sharing child, school, day and session are duplicates: every
--      copy is rejected, naming the other line;
--   4. nothing is written if any row was rejected, unless skip_bad;
--   5. one overlay per (child, school, term): the batch's characters from
--      its first to its last position (gaps are filled from the stored
--      string first, so the overlay is always contiguous);
--   6. one UPDATE ... FROM applies every overlay to the stored row (byte
--      functions: marks are ASCII), adjusting the counters by the
--      categories of the characters replaced and the characters written,
--      so that no whole string is ever rescanned; one INSERT adds the rows
--      that did not exist. A later mark for the same session replaces the
--      earlier one (schools correct N codes); importing the same file again
--      writes the same bytes and raises nothing.
-- Imports of one LA are serialised by a transaction advisory lock per LA,
-- taken in LA order. attendance gets fillfactor 45: the daily UPDATE
-- rewrites every row of a page at once, so a page needs room for a second
-- copy of each of its rows for every new version to stay on its page
-- (HOT: no index entries written, a third of the WAL); the versions left
-- behind are pruned the next time the page is read. (At 70 measured 2.7
-- WAL records per row and twice the time.)
--
-- RULES (product.md §4, domain.md §3.2, §2.2). Evaluated in the import's
-- transaction over the rows it touched, and by the sweep; thresholds from
-- cme.la_settings (an LA without a row gets the column defaults). Each rule
-- is one set-based INSERT into pg_temp.cme_alert_cand; cme.alerts_raise
-- then upserts every candidate in one statement:
--     INSERT ... ON CONFLICT (la_code, child_id, rule)
--         WHERE status <> 'resolved' DO UPDATE SET severity ...
--         WHERE the new severity is higher
-- so there is at most one open alert per child and rule (the partial
-- unique index of 008) and an open alert is only ever escalated. Each
-- candidate carries detail->>'key' (the term, the streak, the N's date,
-- the return): a RESOLVED alert with the same child, rule and key stops it
-- being raised again, so resolving an alert is not undone by tomorrow's
-- import. New alerts go to the caseworker of the child's open case
-- (cme_case.assigned_to), else the team (case team, else child.team_id).
--   persistent_absence  per enrolment (child, school, term), as DfE counts:
--                       possible >= min_possible_sessions and
--                       100 * present <= persistent_absence_pct * possible
--                       (exactly 90% is persistent absence) and above the
--                       severe threshold; key term:<term_id>. An import
--                       raises it when its batch moved the row into that
--                       band (judged from the counters without the
--                       batch's sessions), so the daily import does not
--                       re-examine every absent pupil; the sweep's full
--                       pass catches the rest (a threshold changed, data
--                       loaded before the rules existed).
--   severe_absence      the same at severe_absence_pct (50%).
--   unauth_streak       the school days at the end of the marks with only
--                       unauthorised codes (G, N, O, U; days with no marks
--                       are skipped) >= unauth_streak_days (10): medium;
--                       counting only G, N and O (reg 9(1)(i)) >= 20: high
--                       (an open alert escalates). Only rows whose batch
--                       wrote an unauthorised code can start or lengthen a
--                       streak, so only those are scanned. Streaks are
--                       counted within a term.
--   n_code_unresolved   an N whose day is more than n_code_grace_days
--                       school days before as_of (6 school days old with
--                       the default 5); key: the latest such N's day.
--   joint_enquiries     a deletion return on ground h or i.
--   no_destination      a deletion return with destination unknown
--                       (XXXXXXX) or none, not on h or i (they have their
--                       own alert) nor b, f, k, l (no next school is
--                       expected: nursery, home education, died, past
--                       compulsory school age), for a child left with no
--                       open enrolment.
--   absence_return, sickness_return   the 10-day and 15-day returns.
--   possible_duplicate  a return whose UPN matches no child of the LA but
--                       whose legal forename, surname and date of birth
--                       match one (cme.name_key): no second child is made;
--                       the alert goes on the child it may be.
--   case_clock_overdue  (sweep) a case still referred or in enquiries more
--                       than enquiries_clock_days school days after its
--                       referral; key case:<case_id>.
--
-- SWEEP. cme.sweep(la, as_of) for one LA or all: wakes snoozed alerts whose
-- snooze_until <= as_of (back to open), raises n_code_unresolved over the
-- LA's current term (or the one ended in the last 30 days) and
-- case_clock_overdue, and takes a full pass of the attendance rules over
-- that term. Idempotent: a second run finds every candidate already open
-- (or resolved with the same key).
--
-- AUDIT. Alert changes made by the rules are bulk, derived data: the rule
-- engine writes ONE audit row per LA and batch (action raise_alerts, the
-- ids raised and escalated), and the per-row audit trigger of 009 skips
-- them. To that end alert_audit is recreated with
--     WHEN (cme.audit_enabled() AND NOT cme.rule_engine_active())
-- where rule_engine_active() is true only while current_user is cme_owner
-- (inside a definer function) and the session has the TEMP table
-- pg_temp.cme_rule_engine_on OWNED BY cme_owner, which only
-- cme.rule_engine(true) makes (around the rule engine's statements; it is
-- dropped right after, and at commit in any case). No caller can make a
-- table that cme_owner owns, nor call rule_engine() (no grant), so nobody
-- can hide an alert change from the audit. The alert actions write their
-- own audit row as well. Each import batch writes one
-- audit row per LA (import_attendance / import_returns) with its counts.
-- Children and enrolments made from returns are audited row by row by
-- their own triggers.
--
-- LIVE PUSH. Every INSERT or UPDATE of cme.alert sends, from statement
-- triggers over the transition tables (so imports, sweeps and actions all
-- notify, one statement each), one notification per alert on the channel
--     cme_alerts_<la_code>          e.g. cme_alerts_830
-- with the payload (JSON, ids only; clients re-read through RLS)
--     {"alert_id": 123, "child_id": 456}
-- PostgreSQL delivers them at commit, and never for a rolled-back import.
-- (LISTEN needs no privilege: anyone can hear ids of any LA, never data.)
--
-- ALERT ACTIONS. SECURITY DEFINER, EXECUTE for cme_caseworker and
-- cme_supervisor only. Each takes the alert id and the version the client
-- read, locks the alert, checks that it belongs to the caller's LA
-- (cme.staff_la(session_user); otherwise 42501, the same for "no such
-- alert"), that the version still matches (otherwise SQLSTATE CM001, "the
-- alert was changed by someone else"), that the action makes sense (CM002
-- on a resolved alert; 22023 for a bad argument: a snooze date not in the
-- future, an empty resolution note, an assignee outside the LA), changes
-- it, writes audit_write(la, 'alert_<action>', 'alert', id, child, before,
-- after) in the same transaction, and returns the new row. Caseworkers
-- have no UPDATE on cme.alert (010 grants SELECT only).
--
-- SQLSTATEs raised here: 42501 not allowed; 22023 bad argument; CM001
-- version conflict; CM002 the alert is resolved; P0001 other.

SET LOCAL ROLE cme_owner;

INSERT INTO cme.alert_rule (rule, label, severity, sort) VALUES
	('possible_duplicate', 'A return may be about a child already known '
	 'under another UPN', 'medium', 10);

ALTER TABLE cme.attendance SET (fillfactor = 45);
-- The same rules as 007's, measured in bytes: length() of UTF-8 text walks
-- every character and the daily UPDATE re-checks each row it writes. The
-- character class makes marks printable ASCII (which every packed code is,
-- 003), so bytes and characters are the same thing here.
ALTER TABLE cme.attendance DROP CONSTRAINT attendance_marks_check,
    DROP CONSTRAINT attendance_check1,
    ADD CONSTRAINT attendance_marks_check CHECK (octet_length(marks)
	BETWEEN 2 AND 400 AND octet_length(marks) % 2 = 0
	AND marks ~ '^[!-~]*$'),
    ADD CONSTRAINT attendance_possible_marks_check
	CHECK (possible <= octet_length(marks));

CREATE SEQUENCE cme.import_batch_seq;
COMMENT ON SEQUENCE cme.import_batch_seq IS
    'import and sweep batch numbers (audit entity_key batch/<n>)';

-- ------------------------------------------------------------- helpers

CREATE FUNCTION cme.severity_rank(p text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE p WHEN 'low' THEN 1 WHEN 'medium' THEN 2
	    WHEN 'high' THEN 3 ELSE 0 END
$$;

-- One CSV field: quoted (quotes doubled) when it holds a comma, quote or
-- line end. For the reject report.
CREATE FUNCTION cme.csv_field(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN p IS NULL THEN ''
	    WHEN p ~ '[",\r\n]' THEN '"' || replace(p, '"', '""') || '"'
	    ELSE p END
$$;

-- The p_k-th school day counting back from p_as_of (p_as_of itself is the
-- first when it is a school day); NULL when the calendar runs out. "More
-- than g school days after day d" (school_days_between(d, as_of) > g) is
-- exactly d < school_day_back(la, as_of, g + 1): the rules compare dates
-- with this one cut-off per LA instead of counting per row.
CREATE FUNCTION cme.school_day_back(p_la integer, p_as_of date,
    p_k integer) RETURNS date
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	SELECT t.starts + o.n
	  FROM cme.term t
	 CROSS JOIN LATERAL generate_series(least(t.ends, p_as_of) - t.starts,
		0, -1) AS o(n)
	 WHERE t.la_code = p_la AND t.starts <= p_as_of
	   AND extract(isodow FROM t.starts + o.n) < 6
	   AND NOT EXISTS (SELECT 1 FROM cme.non_school_day x
			    WHERE x.la_code = p_la AND x.day = t.starts + o.n)
	 ORDER BY 1 DESC
	OFFSET greatest(p_k, 1) - 1 LIMIT 1
$$;

-- The streak at the end of a packed string: the school days (AM/PM pairs)
-- from the end back to the last pair holding a code outside p_class
-- (letters of packed codes), skipping pairs with no mark ('--'). days: the
-- pairs in it with a mark; first_pos: the 1-based position of its first
-- such pair. The string has even length, so a match that ends at the end
-- and is made of pairs starts on a pair boundary.
CREATE FUNCTION cme.marks_streak(p_marks text, p_class text,
    OUT days integer, OUT first_pos integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT (length(x.tail) - length(regexp_replace(x.tail, '(--)|..',
		    '\1', 'g'))) / 2,
	       length(p_marks) - length(x.tail) +
		   length(substring(x.tail FROM '^((?:--)*)')) + 1
	  FROM (SELECT substring(p_marks FROM
		    '((?:[' || p_class || '-]{2})*)$') AS tail) AS x
$$;

-- Is the rule engine writing alerts right now (see AUDIT in the header)?
CREATE FUNCTION cme.rule_engine_active() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT current_user = 'cme_owner'
	   AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c
			WHERE c.oid = to_regclass('pg_temp.cme_rule_engine_on')
			  AND c.relowner = 'cme_owner'::regrole)
$$;
GRANT EXECUTE ON FUNCTION cme.rule_engine_active() TO cme_caseworker,
    cme_supervisor, cme_admin, cme_school, cme_auditor;

-- Switches the rule engine's marker on or off (definer functions only).
CREATE FUNCTION cme.rule_engine(p_on boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	-- A caller's own table of that name counts for nothing (see
	-- rule_engine_active) and is left alone; making ours then fails.
	IF (SELECT c.relowner FROM pg_catalog.pg_class c
	     WHERE c.oid = to_regclass('pg_temp.cme_rule_engine_on')) =
	    'cme_owner'::regrole THEN
		DROP TABLE pg_temp.cme_rule_engine_on;
	END IF;
	IF p_on THEN
		CREATE TEMP TABLE cme_rule_engine_on () ON COMMIT DROP;
	END IF;
END
$$;
REVOKE ALL ON FUNCTION cme.rule_engine(boolean) FROM PUBLIC;

DROP TRIGGER alert_audit ON cme.alert;
CREATE TRIGGER alert_audit AFTER INSERT OR UPDATE OR DELETE ON cme.alert
    FOR EACH ROW WHEN (cme.audit_enabled() AND NOT cme.rule_engine_active())
    EXECUTE FUNCTION cme.audit_row('alert_id');

-- ------------------------------------------------------------ live push

CREATE FUNCTION cme.alert_notify() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM pg_notify('cme_alerts_' || n.la_code,
		json_build_object('alert_id', n.alert_id,
		    'child_id', n.child_id)::text)
	   FROM new_alerts n;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION cme.alert_notify() IS
    'statement trigger: NOTIFY cme_alerts_<la> {"alert_id", "child_id"} '
    'for every inserted or changed alert';
CREATE TRIGGER alert_notify_insert AFTER INSERT ON cme.alert
    REFERENCING NEW TABLE AS new_alerts
    FOR EACH STATEMENT EXECUTE FUNCTION cme.alert_notify();
CREATE TRIGGER alert_notify_update AFTER UPDATE ON cme.alert
    REFERENCING NEW TABLE AS new_alerts
    FOR EACH STATEMENT EXECUTE FUNCTION cme.alert_notify();

-- ---------------------------------------------------------- import scope

-- The importer's scope from session_user (see WHO MAY IMPORT): all = every
-- school; else la (cme_admin: every school of the LA) or school (cme_school:
-- that one). Raises 42501 for anyone else.
CREATE FUNCTION cme.import_scope(OUT all_schools boolean,
    OUT la smallint, OUT school integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	all_schools := coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
				  WHERE r.rolname = session_user), false)
	    OR pg_catalog.pg_has_role(session_user, 'cme_owner', 'MEMBER');
	IF all_schools THEN
		RETURN;
	END IF;
	SELECT s.la_code, s.laestab INTO la, school
	  FROM cme.staff s WHERE s.role_name = session_user AND s.active;
	IF la IS NOT NULL AND
	    pg_catalog.pg_has_role(session_user, 'cme_admin', 'MEMBER') THEN
		school := NULL;
		RETURN;
	END IF;
	IF school IS NOT NULL AND
	    pg_catalog.pg_has_role(session_user, 'cme_school', 'MEMBER') THEN
		RETURN;
	END IF;
	RAISE EXCEPTION 'cme: % may not import school data', session_user
	    USING ERRCODE = 'insufficient_privilege',
		HINT = 'imports need a cme_school login with a school, a '
		    'cme_admin login, or a database administrator';
END
$$;
REVOKE ALL ON FUNCTION cme.import_scope() FROM PUBLIC;

-- Creates the staging tables for one import (see STAGING).
CREATE FUNCTION cme.import_begin(p_kind text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	t	text;
BEGIN
	PERFORM cme.import_scope();
	IF p_kind NOT IN ('attendance', 'returns') THEN
		RAISE EXCEPTION 'cme: unknown import kind "%"', p_kind
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- Anything of these names that is not ours stops the import (DROP
	-- of a caller's object fails: cme_owner does not own it).
	FOREACH t IN ARRAY ARRAY['cme_rule_engine_on', 'cme_import_att',
	    'cme_import_ret',
	    'cme_import_reject', 'cme_imp_pair', 'cme_imp_res',
	    'cme_imp_ov', 'cme_imp_multi', 'cme_rule_rows', 'cme_alert_cand',
	    'cme_alert_done', 'cme_imp_kid']
	LOOP
		IF to_regclass('pg_temp.' || t) IS NOT NULL THEN
			EXECUTE format('DROP TABLE pg_temp.%I', t);
		END IF;
	END LOOP;
	CREATE TEMP TABLE cme_import_reject (
		line_no	integer NOT NULL,
		reason	text NOT NULL,
		csv	text NOT NULL DEFAULT ''
	) ON COMMIT DROP;
	CREATE INDEX ON pg_temp.cme_import_reject (line_no);
	GRANT SELECT, INSERT ON pg_temp.cme_import_reject TO PUBLIC;
	IF p_kind = 'attendance' THEN
		CREATE TEMP TABLE cme_import_att (
			line_no	integer NOT NULL,
			laestab	integer NOT NULL,
			upn	char(13) NOT NULL,
			day	date NOT NULL,
			pm	boolean NOT NULL,
			code	text NOT NULL
		) ON COMMIT DROP;
		-- A small ANALYZE sample is plenty for join planning.
		ALTER TABLE pg_temp.cme_import_att
		    ALTER line_no SET STATISTICS 10,
		    ALTER laestab SET STATISTICS 10,
		    ALTER upn SET STATISTICS 10, ALTER day SET STATISTICS 10,
		    ALTER pm SET STATISTICS 10, ALTER code SET STATISTICS 10;
		GRANT INSERT ON pg_temp.cme_import_att TO PUBLIC;
	ELSE
		CREATE TEMP TABLE cme_import_ret (
			line_no		integer NOT NULL,
			laestab		integer NOT NULL,
			kind		text NOT NULL,
			event_date	date NOT NULL,
			upn		char(13),
			forename	text NOT NULL,
			surname		text NOT NULL,
			dob		date NOT NULL,
			sex		char(1) NOT NULL,
			postcode	text,
			ground		char(1),
			destination	text
		) ON COMMIT DROP;
		GRANT INSERT ON pg_temp.cme_import_ret TO PUBLIC;
	END IF;
END
$$;
REVOKE ALL ON FUNCTION cme.import_begin(text) FROM PUBLIC;
-- Every cme role may call it, so that the refusal (import_scope) says why.
GRANT EXECUTE ON FUNCTION cme.import_begin(text) TO cme_school, cme_admin,
    cme_caseworker, cme_supervisor, cme_auditor;
COMMENT ON FUNCTION cme.import_begin(text) IS
    'creates the TEMP staging tables of one import (see 011_import.sql)';

-- The work tables of the rule engine, empty.
CREATE FUNCTION cme.rules_begin() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	IF to_regclass('pg_temp.cme_rule_rows') IS NOT NULL THEN
		DROP TABLE pg_temp.cme_rule_rows;
	END IF;
	IF to_regclass('pg_temp.cme_alert_cand') IS NOT NULL THEN
		DROP TABLE pg_temp.cme_alert_cand;
	END IF;
	IF to_regclass('pg_temp.cme_alert_done') IS NOT NULL THEN
		DROP TABLE pg_temp.cme_alert_done;
	END IF;
	-- Attendance rows to judge: counters, and the marks when a rule
	-- needs them. The b_ columns describe what an import batch wrote to
	-- the row (NULL when the sweep judges the row as it stands).
	CREATE TEMP TABLE cme_rule_rows (
		la_code		smallint NOT NULL,
		child_id	bigint NOT NULL,
		laestab		integer NOT NULL,
		term_id		integer NOT NULL,
		starts		date NOT NULL,
		possible	integer NOT NULL,
		present		integer NOT NULL,
		unauth_absent	integer NOT NULL,
		marks		text,		/* when a rule needs it */
		ov_ctid		tid,		/* its overlay (import) */
		b_first		date,		/* first day written */
		b_possible	integer,	/* sessions written P/AA/UA */
		b_present	integer,	/* sessions written P */
		b_ua		boolean		/* wrote G, N, O or U */
	) ON COMMIT DROP;
	CREATE TEMP TABLE cme_alert_cand (
		la_code		smallint NOT NULL,
		child_id	bigint NOT NULL,
		rule		text NOT NULL,
		severity	text NOT NULL,
		detail		jsonb NOT NULL
	) ON COMMIT DROP;
	CREATE TEMP TABLE cme_alert_done (
		la_code		smallint NOT NULL,
		alert_id	bigint NOT NULL,
		rule		text NOT NULL,
		inserted	boolean NOT NULL
	) ON COMMIT DROP;
END
$$;
REVOKE ALL ON FUNCTION cme.rules_begin() FROM PUBLIC;

-- -------------------------------------------------------- the rules

-- Settings of an LA, the column defaults when it has no row.
CREATE FUNCTION cme.la_rules(p_la smallint) RETURNS cme.la_settings
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(
	    (SELECT s FROM cme.la_settings s WHERE s.la_code = p_la),
	    ROW(p_la, 90, 50, 10, 5, 15, 20, 20, now(), 1)::cme.la_settings)
$$;
REVOKE ALL ON FUNCTION cme.la_rules(smallint) FROM PUBLIC;

-- persistent_absence and severe_absence over pg_temp.cme_rule_rows.
CREATE FUNCTION cme.rule_absence() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	-- Thresholds as integers: 100 * 100 * present <= pct100 * possible.
	WITH s AS MATERIALIZED (
		SELECT x.la_code, x.min_possible_sessions AS min_poss,
		       round(x.persistent_absence_pct * 100)::bigint AS pa,
		       round(x.severe_absence_pct * 100)::bigint AS sa
		  FROM (SELECT DISTINCT la_code
			  FROM pg_temp.cme_rule_rows) AS l
		 CROSS JOIN LATERAL cme.la_rules(l.la_code) AS x
	), j AS (
		SELECT r.*, s.min_poss, s.pa, s.sa,
		       CASE WHEN r.possible > 0 AND r.possible >= s.min_poss
			    THEN CASE
				 WHEN 10000::bigint * r.present <= s.sa * r.possible
				 THEN 2
				 WHEN 10000::bigint * r.present <= s.pa * r.possible
				 THEN 1 ELSE 0 END
			    ELSE 0 END AS level_now,
		       CASE WHEN r.b_possible IS NULL THEN -1
			    WHEN r.possible - r.b_possible > 0 AND
				 r.possible - r.b_possible >= s.min_poss
			    THEN CASE
				 WHEN 10000::bigint * (r.present - r.b_present) <=
				      s.sa * (r.possible - r.b_possible) THEN 2
				 WHEN 10000::bigint * (r.present - r.b_present) <=
				      s.pa * (r.possible - r.b_possible) THEN 1
				 ELSE 0 END
			    ELSE 0 END AS level_before
		  FROM pg_temp.cme_rule_rows r
		  JOIN s ON s.la_code = r.la_code
	)
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT j.la_code, j.child_id,
	       CASE j.level_now WHEN 2 THEN 'severe_absence'
		    ELSE 'persistent_absence' END,
	       CASE j.level_now WHEN 2 THEN 'high' ELSE 'medium' END,
	       jsonb_build_object('key', 'term:' || j.term_id,
		   'term_id', j.term_id, 'laestab', j.laestab,
		   'possible', j.possible, 'present', j.present,
		   'pct', round(100.0 * j.present / j.possible, 1))
	  FROM j
	 WHERE j.level_now > 0 AND j.level_now <> j.level_before;
END
$$;
REVOKE ALL ON FUNCTION cme.rule_absence() FROM PUBLIC;

-- unauth_streak over the rows of pg_temp.cme_rule_rows whose batch wrote
-- an unauthorised code (their marks are there: unauth_absent > 0).
CREATE FUNCTION cme.rule_streak() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	WITH s AS MATERIALIZED (
		SELECT x.* FROM (SELECT DISTINCT la_code
				   FROM pg_temp.cme_rule_rows) AS l
		 CROSS JOIN LATERAL cme.la_rules(l.la_code) AS x
	)
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT r.la_code, r.child_id, 'unauth_streak',
	       CASE WHEN g.days >= 20 THEN 'high' ELSE 'medium' END,
	       jsonb_build_object('key', 'streak:' || r.laestab || ':' ||
		   (r.starts + (u.first_pos - 1) / 2) || ':' ||
		   CASE WHEN g.days >= 20 THEN '20' ELSE 'n' END,
		   'laestab', r.laestab, 'days', u.days, 'gno_days', g.days,
		   'since', r.starts + (u.first_pos - 1) / 2,
		   'escalated', g.days >= 20)
	  FROM pg_temp.cme_rule_rows r
	  JOIN s ON s.la_code = r.la_code
	 CROSS JOIN LATERAL cme.marks_streak(r.marks, 'GNOU') AS u
	 CROSS JOIN LATERAL cme.marks_streak(r.marks, 'GNO') AS g
	 WHERE coalesce(r.b_ua, true) AND r.marks IS NOT NULL
	   AND right(rtrim(r.marks, '-'), 1) IN ('G', 'N', 'O', 'U')
	   AND u.days >= s.unauth_streak_days;
END
$$;
REVOKE ALL ON FUNCTION cme.rule_streak() FROM PUBLIC;

-- n_code_unresolved over pg_temp.cme_rule_rows (rows with marks): the
-- latest N before the LA's cut-off day.
CREATE FUNCTION cme.rule_n_code(p_as_of date) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	WITH c AS MATERIALIZED (
		SELECT l.la_code, s.n_code_grace_days AS grace,
		       cme.school_day_back(l.la_code, p_as_of,
			   s.n_code_grace_days + 1) AS cutoff
		  FROM (SELECT DISTINCT la_code FROM pg_temp.cme_rule_rows) l
		 CROSS JOIN LATERAL cme.la_rules(l.la_code) AS s
	)
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT r.la_code, r.child_id, 'n_code_unresolved', 'medium',
	       jsonb_build_object('key', 'n:' || r.laestab || ':' || x.day,
		   'laestab', r.laestab, 'date', x.day,
		   'grace_days', c.grace)
	  FROM pg_temp.cme_rule_rows r
	  JOIN c ON c.la_code = r.la_code
	 CROSS JOIN LATERAL (SELECT left(r.marks,
		greatest(2 * (c.cutoff - r.starts), 0)) AS head) AS h
	 CROSS JOIN LATERAL (SELECT r.starts + (length(h.head) -
		strpos(reverse(h.head), 'N')) / 2 AS day) AS x
	 WHERE r.marks IS NOT NULL AND c.cutoff IS NOT NULL
	   AND r.starts < c.cutoff AND coalesce(r.b_first < c.cutoff, true)
	   AND strpos(h.head, 'N') > 0;
END
$$;
REVOKE ALL ON FUNCTION cme.rule_n_code(date) FROM PUBLIC;

-- Raises every candidate in pg_temp.cme_alert_cand (see RULES) in one
-- statement, writes one audit row per LA for the batch, and empties the
-- candidates. Returns the number of alerts raised or escalated.
CREATE FUNCTION cme.alerts_raise(p_batch bigint, p_source text)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
SET enable_nestloop = on
AS $$
DECLARE
	n	integer;
	v_rec	record;
BEGIN
	PERFORM cme.rule_engine(true);
	TRUNCATE pg_temp.cme_alert_done;
	WITH c AS (
		SELECT DISTINCT ON (c.la_code, c.child_id, c.rule) c.*
		  FROM pg_temp.cme_alert_cand c
		 ORDER BY c.la_code, c.child_id, c.rule,
			  cme.severity_rank(c.severity) DESC
	), up AS (
		INSERT INTO cme.alert AS a (la_code, child_id, rule, severity,
		    assigned_to, team_id, detail)
		SELECT c.la_code, c.child_id, c.rule, c.severity, k.assigned_to,
		       coalesce(k.team_id, ch.team_id), c.detail
		  FROM c
		  JOIN cme.child ch
		    ON ch.la_code = c.la_code AND ch.child_id = c.child_id
		  LEFT JOIN cme.cme_case k
		    ON k.la_code = c.la_code AND k.child_id = c.child_id
		   AND k.status NOT IN ('closed', 'transferred')
		 WHERE NOT EXISTS (SELECT 1 FROM cme.alert x
			    WHERE x.la_code = c.la_code
			      AND x.child_id = c.child_id AND x.rule = c.rule
			      AND x.status = 'resolved'
			      AND x.detail ->> 'key' = c.detail ->> 'key')
		ON CONFLICT (la_code, child_id, rule) WHERE status <> 'resolved'
		DO UPDATE SET severity = excluded.severity,
			      detail = a.detail || excluded.detail
		 WHERE cme.severity_rank(excluded.severity) >
		       cme.severity_rank(a.severity)
		RETURNING a.la_code, a.alert_id, a.rule, (a.xmax = 0)
	)
	INSERT INTO pg_temp.cme_alert_done SELECT * FROM up;
	GET DIAGNOSTICS n = ROW_COUNT;
	PERFORM cme.rule_engine(false);
	FOR v_rec IN SELECT d.la_code,
		    jsonb_build_object('source', p_source, 'batch', p_batch,
			'raised', count(*) FILTER (WHERE d.inserted),
			'escalated', count(*) FILTER (WHERE NOT d.inserted),
			'alerts', jsonb_object_agg(d.rule, d.ids)) AS detail
		   FROM (SELECT la_code, rule, bool_and(inserted) AS inserted,
			    jsonb_agg(alert_id ORDER BY alert_id) AS ids,
			    count(*) AS n
			   FROM pg_temp.cme_alert_done
			  GROUP BY la_code, rule, inserted) AS d
		  GROUP BY d.la_code ORDER BY d.la_code
	LOOP
		PERFORM cme.audit_write(v_rec.la_code, 'raise_alerts', 'alert',
		    'batch/' || p_batch, NULL, NULL, v_rec.detail);
	END LOOP;
	TRUNCATE pg_temp.cme_alert_cand;
	RETURN n;
END
$$;
REVOKE ALL ON FUNCTION cme.alerts_raise(bigint, text) FROM PUBLIC;

-- ------------------------------------------------------- attendance

CREATE FUNCTION cme.import_attendance(p_skip_bad boolean, p_as_of date,
    OUT rows_read integer, OUT rows_rejected integer, OUT applied boolean,
    OUT rows_updated integer, OUT rows_inserted integer,
    OUT alerts integer, OUT batch bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
SET work_mem = '256MB'
SET jit = off
SET enable_nestloop = off
SET enable_mergejoin = off
AS $$
DECLARE
	v_all		boolean;
	v_la		smallint;
	v_school	integer;
	v_not_p		text;
	v_not_a		text;
	v_not_u		text;
	v_not_pau	text;
	v_client	integer;
	v_las		smallint[];
	v_terms		integer[];
	v_rec		record;
BEGIN
	SELECT * INTO v_all, v_la, v_school FROM cme.import_scope();
	IF to_regclass('pg_temp.cme_import_att') IS NULL OR
	    (SELECT c.relowner FROM pg_catalog.pg_class c
	      WHERE c.oid = to_regclass('pg_temp.cme_import_att')) <>
	    'cme_owner'::regrole THEN
		RAISE EXCEPTION 'cme: call cme.import_begin(''attendance'') '
		    'first, in the same transaction';
	END IF;
	p_as_of := coalesce(p_as_of, current_date);
	applied := false;
	rows_updated := 0;
	rows_inserted := 0;
	alerts := 0;
	SELECT count(*) INTO rows_read FROM pg_temp.cme_import_att;
	SELECT count(*) INTO v_client FROM pg_temp.cme_import_reject;
	rows_read := rows_read + v_client;
	ANALYZE pg_temp.cme_import_att;

	-- For counting the characters an overlay replaces: every character
	-- but those of one category ('-' included), deleted by translate().
	SELECT '-' || string_agg(c.packed, '') FILTER (WHERE c.category <> 'P'),
	       '-' || string_agg(c.packed, '') FILTER (WHERE c.category <> 'AA'),
	       '-' || string_agg(c.packed, '') FILTER (WHERE c.category <> 'UA'),
	       '-' || string_agg(c.packed, '') FILTER (WHERE c.category = 'NP')
	  INTO v_not_p, v_not_a, v_not_u, v_not_pau FROM cme.attendance_code c;

	-- 1. Each (school, day) of the file, resolved once; and each LA's
	-- cut-off for code N (see cme.school_day_back).
	CREATE TEMP TABLE cme_imp_pair ON COMMIT DROP AS
	SELECT p.laestab, p.day, sc.la_code, t.term_id, t.starts,
	       CASE
	       WHEN sc.laestab IS NULL THEN
		   format('school %s is not known', p.laestab)
	       WHEN NOT (v_all OR coalesce(sc.laestab = v_school, false) OR
			 (v_school IS NULL AND sc.la_code = v_la)) THEN
		   format('school %s (LA %s) is not one you may submit marks '
		       'for', p.laestab, sc.la_code)
	       WHEN t.term_id IS NULL THEN
		   format('%s is outside the term dates of LA %s', p.day,
		       sc.la_code)
	       WHEN extract(isodow FROM p.day) > 5 THEN
		   format('%s is a %s, not a school day', p.day,
		       trim(to_char(p.day, 'Day')))
	       WHEN x.day IS NOT NULL THEN
		   format('%s is not a school day in LA %s (%s)', p.day,
		       sc.la_code, x.reason)
	       END AS reason,
	       NULL::date AS n_cutoff
	  FROM (SELECT DISTINCT laestab, day FROM pg_temp.cme_import_att) p
	  LEFT JOIN cme.school sc ON sc.laestab = p.laestab
	  LEFT JOIN cme.term t ON t.la_code = sc.la_code
	   AND p.day BETWEEN t.starts AND t.ends
	  LEFT JOIN cme.non_school_day x ON x.la_code = sc.la_code
	   AND x.day = p.day;
	UPDATE pg_temp.cme_imp_pair p SET n_cutoff = c.cutoff
	  FROM (SELECT l.la_code, cme.school_day_back(l.la_code, p_as_of,
			s.n_code_grace_days + 1) AS cutoff
		  FROM (SELECT DISTINCT la_code FROM pg_temp.cme_imp_pair
			 WHERE reason IS NULL) AS l
		 CROSS JOIN LATERAL cme.la_rules(l.la_code) AS s) AS c
	 WHERE c.la_code = p.la_code;
	ANALYZE pg_temp.cme_imp_pair;

	-- 2. One overlay per (child, school, term, day), from the rows that
	-- resolve (the pair is fine, the UPN is a pupil of the school's LA,
	-- the code exists), in one hashed pass: the AM and PM characters; a
	-- session given twice (n_am or n_pm > 1) is a duplicate, left out.
	CREATE TEMP TABLE cme_imp_ov ON COMMIT DROP AS
	SELECT y.la_code, y.child_id, y.laestab,
	       y.term_id, y.starts, y.n_cutoff,
	       y.starts + (y.lo - 1) / 2 AS first_day,
	       y.lo, y.hi, y.n, y.seg, y.np, y.na, y.nu, y.dups
	  FROM (SELECT p.la_code, c.child_id, d.laestab, p.term_id, p.starts,
		       p.n_cutoff,
		       2 * (d.day - p.starts) +
			   CASE WHEN d.n_am = 1 AND a1.code IS NOT NULL
			   THEN 1 ELSE 2 END AS lo,
		       2 * (d.day - p.starts) +
			   CASE WHEN d.n_pm = 1 AND a2.code IS NOT NULL
			   THEN 2 ELSE 1 END AS hi,
		       (d.n_am = 1 AND a1.code IS NOT NULL)::integer +
			   (d.n_pm = 1 AND a2.code IS NOT NULL)::integer AS n,
		       CASE WHEN d.n_am = 1 THEN coalesce(a1.packed::text, '')
			   ELSE '' END ||
			   CASE WHEN d.n_pm = 1 THEN coalesce(a2.packed::text, '')
			   ELSE '' END AS seg,
		       CASE WHEN d.n_am = 1 AND a1.category = 'P' THEN 1
			   ELSE 0 END + CASE WHEN d.n_pm = 1 AND
			   a2.category = 'P' THEN 1 ELSE 0 END AS np,
		       CASE WHEN d.n_am = 1 AND a1.category = 'AA' THEN 1
			   ELSE 0 END + CASE WHEN d.n_pm = 1 AND
			   a2.category = 'AA' THEN 1 ELSE 0 END AS na,
		       CASE WHEN d.n_am = 1 AND a1.category = 'UA' THEN 1
			   ELSE 0 END + CASE WHEN d.n_pm = 1 AND
			   a2.category = 'UA' THEN 1 ELSE 0 END AS nu,
		       CASE WHEN d.n_am > 1 THEN d.n_am ELSE 0 END +
			   CASE WHEN d.n_pm > 1 THEN d.n_pm ELSE 0 END AS dups
		  FROM (SELECT s.laestab, s.upn, s.day,
			       max(s.code) FILTER (WHERE NOT s.pm) AS am,
			       max(s.code) FILTER (WHERE s.pm) AS pm,
			       count(*) FILTER (WHERE NOT s.pm) AS n_am,
			       count(*) FILTER (WHERE s.pm) AS n_pm
			  FROM pg_temp.cme_import_att s
			 GROUP BY s.laestab, s.upn, s.day) AS d
		  JOIN pg_temp.cme_imp_pair p
		    ON p.laestab = d.laestab AND p.day = d.day
		   AND p.reason IS NULL
		  JOIN cme.child c ON c.la_code = p.la_code AND c.upn = d.upn
		  LEFT JOIN cme.attendance_code a1 ON a1.code = d.am
		  LEFT JOIN cme.attendance_code a2 ON a2.code = d.pm) AS y
	 WHERE y.n + y.dups > 0;

	-- 3. The slow path, only when some row did not resolve or was
	-- doubled: say why, line by line.
	IF (SELECT coalesce(sum(n + dups), 0) FROM pg_temp.cme_imp_ov) <>
	    rows_read - v_client THEN
		-- (A duplicated session counts its copies, so a bad code in a
		-- duplicate is still found below.)
		INSERT INTO pg_temp.cme_import_reject (line_no, reason, csv)
		SELECT x.line_no, x.reason, x.csv
		  FROM (SELECT s.line_no,
			       concat_ws('; ',
				   coalesce(p.reason, CASE WHEN c.child_id IS NULL
				       THEN format('no pupil with UPN %s in LA %s',
					   s.upn, p.la_code) END),
				   CASE WHEN ac.code IS NULL THEN
				       format('unknown attendance code "%s"',
					   s.code) END) AS reason,
			       concat_ws(',', s.laestab, s.upn, s.day,
				   CASE WHEN s.pm THEN 'PM' ELSE 'AM' END,
				   cme.csv_field(s.code)) AS csv
			  FROM pg_temp.cme_import_att s
			  JOIN pg_temp.cme_imp_pair p
			    ON p.laestab = s.laestab AND p.day = s.day
			  LEFT JOIN cme.child c
			    ON c.la_code = p.la_code AND c.upn = s.upn
			  LEFT JOIN cme.attendance_code ac ON ac.code = s.code)
		       AS x
		 WHERE x.reason <> '';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_temp.cme_imp_ov WHERE dups > 0) THEN
		INSERT INTO pg_temp.cme_import_reject (line_no, reason, csv)
		SELECT u.line_no,
		       format('the same pupil, school, date and session as '
			   'line %s', CASE WHEN u.line_no = d.lines[1]
			   THEN d.lines[2] ELSE d.lines[1] END)
		       || CASE WHEN cardinality(d.lines) > 2 THEN
			      format(' (%s copies)', cardinality(d.lines))
			  ELSE '' END,
		       concat_ws(',', d.laestab, d.upn, d.day,
			   CASE WHEN d.pm THEN 'PM' ELSE 'AM' END,
			   cme.csv_field(u.code))
		  FROM (SELECT s.laestab, s.upn, s.day, s.pm,
			       array_agg(s.line_no ORDER BY s.line_no) AS lines,
			       array_agg(s.code ORDER BY s.line_no) AS codes
			  FROM pg_temp.cme_import_att s
			 GROUP BY s.laestab, s.upn, s.day, s.pm
			HAVING count(*) > 1) AS d
		 CROSS JOIN LATERAL unnest(d.lines, d.codes) AS u(line_no, code)
		 WHERE EXISTS (SELECT 1 FROM pg_temp.cme_imp_pair p
				 JOIN cme.child c ON c.la_code = p.la_code
				WHERE p.laestab = d.laestab AND p.day = d.day
				  AND p.reason IS NULL AND c.upn = d.upn);
		DELETE FROM pg_temp.cme_imp_ov WHERE n = 0;
	END IF;

	SELECT count(DISTINCT line_no) INTO rows_rejected
	  FROM pg_temp.cme_import_reject;
	IF rows_rejected > 0 AND NOT p_skip_bad THEN
		RETURN;
	END IF;

	-- Serialise imports per LA (deadlock-free: LA order).
	PERFORM pg_advisory_xact_lock(hashtext('cme.import.attendance'),
		x.la_code)
	   FROM (SELECT DISTINCT la_code FROM pg_temp.cme_imp_pair
		  WHERE reason IS NULL ORDER BY 1) AS x;
	-- The LAs and terms written: the stored rows are read only there.
	SELECT array_agg(DISTINCT la_code), array_agg(DISTINCT term_id)
	  INTO v_las, v_terms FROM pg_temp.cme_imp_pair WHERE reason IS NULL;

	-- 4. A file of several days: one overlay per (child, school, term)
	-- from the first to the last session written, the gaps between days
	-- filled from the stored string so that it is one contiguous run.
	IF (SELECT count(DISTINCT day) FROM pg_temp.cme_imp_pair
	     WHERE reason IS NULL) > 1 THEN
		CREATE TEMP TABLE cme_imp_multi ON COMMIT DROP AS
		SELECT y.la_code, y.child_id, y.laestab, y.term_id,
		       min(y.starts) AS starts, min(y.n_cutoff) AS n_cutoff,
		       min(y.lo) AS lo, max(y.hi) AS hi, sum(y.n) AS n,
		       string_agg(y.piece, '' ORDER BY y.lo) AS seg
		  FROM (SELECT x.la_code, x.child_id, x.laestab, x.term_id,
			       x.starts, x.n_cutoff, x.lo, x.hi, x.n,
			       CASE WHEN x.prev_hi IS NULL THEN ''
			       ELSE rpad(coalesce(substr(a.marks, x.prev_hi + 1,
				   x.lo - x.prev_hi - 1), ''),
				   x.lo - x.prev_hi - 1, '-') END || x.seg
				   AS piece
			  FROM (SELECT o.*, lag(o.hi) OVER (PARTITION BY
				       o.la_code, o.child_id, o.laestab,
				       o.term_id ORDER BY o.lo) AS prev_hi,
				       count(*) OVER (PARTITION BY o.la_code,
				       o.child_id, o.laestab, o.term_id) AS days
				  FROM pg_temp.cme_imp_ov o) AS x
			  LEFT JOIN cme.attendance a ON x.prev_hi IS NOT NULL
			   AND a.la_code = x.la_code AND a.child_id = x.child_id
			   AND a.laestab = x.laestab AND a.term_id = x.term_id
			   AND a.la_code = ANY (v_las)
			   AND a.term_id = ANY (v_terms)
			 WHERE x.days > 1) AS y
		 GROUP BY y.la_code, y.child_id, y.laestab, y.term_id;
		DELETE FROM pg_temp.cme_imp_ov o
		 USING pg_temp.cme_imp_multi m
		 WHERE m.la_code = o.la_code AND m.child_id = o.child_id
		   AND m.laestab = o.laestab AND m.term_id = o.term_id;
		-- The counts cover the whole run, gap characters included
		-- (the UPDATE takes off those of the characters it replaces).
		INSERT INTO pg_temp.cme_imp_ov (la_code, child_id, laestab,
		    term_id, starts, n_cutoff, first_day, lo, hi, n, seg, np,
		    na, nu, dups)
		SELECT m.la_code, m.child_id, m.laestab, m.term_id, m.starts,
		       m.n_cutoff, m.starts + (m.lo - 1) / 2, m.lo, m.hi, m.n,
		       m.seg,
		       length(translate(m.seg, v_not_p, '')),
		       length(translate(m.seg, v_not_a, '')),
		       length(translate(m.seg, v_not_u, '')), 0
		  FROM pg_temp.cme_imp_multi m;
	END IF;
	ANALYZE pg_temp.cme_imp_ov;

	PERFORM cme.rules_begin();

	-- 5. Apply: the stored rows, then the new ones. The hash is built on
	-- the overlays and the stored rows stream past it in their physical
	-- order, so each page is read and written once (in the overlays'
	-- order the same UPDATE took twice as long: pages thrash through
	-- shared buffers). When the overlay
	-- starts after the row's last marked day (the daily case) the
	-- characters it replaces are all '-' and count nowhere; otherwise
	-- their categories come off the counters. The marks go back to the
	-- rules only for rows a rule will read: the batch wrote an
	-- unauthorised code (streaks), or a day before the N cut-off.
	WITH u AS (
		UPDATE cme.attendance a
		   SET marks = CASE WHEN o.hi <= octet_length(a.marks)
			   THEN convert_from(overlay(convert_to(a.marks, 'UTF8')
				PLACING convert_to(o.seg, 'UTF8') FROM o.lo),
				'UTF8')
			   ELSE convert_from(overlay(convert_to(a.marks ||
				repeat('-', o.hi + o.hi % 2 -
				    octet_length(a.marks)), 'UTF8')
				PLACING convert_to(o.seg, 'UTF8') FROM o.lo),
				'UTF8') END,
		       possible = a.possible + o.np + o.na + o.nu -
			   CASE WHEN o.first_day > a.last_marked THEN 0 ELSE
			   length(translate(convert_from(substring(convert_to(
			       a.marks, 'UTF8') FROM o.lo FOR o.hi - o.lo + 1),
			       'UTF8'), v_not_pau, '')) END,
		       present = a.present + o.np -
			   CASE WHEN o.first_day > a.last_marked THEN 0 ELSE
			   length(translate(convert_from(substring(convert_to(
			       a.marks, 'UTF8') FROM o.lo FOR o.hi - o.lo + 1),
			       'UTF8'), v_not_p, '')) END,
		       auth_absent = a.auth_absent + o.na -
			   CASE WHEN o.first_day > a.last_marked THEN 0 ELSE
			   length(translate(convert_from(substring(convert_to(
			       a.marks, 'UTF8') FROM o.lo FOR o.hi - o.lo + 1),
			       'UTF8'), v_not_a, '')) END,
		       unauth_absent = a.unauth_absent + o.nu -
			   CASE WHEN o.first_day > a.last_marked THEN 0 ELSE
			   length(translate(convert_from(substring(convert_to(
			       a.marks, 'UTF8') FROM o.lo FOR o.hi - o.lo + 1),
			       'UTF8'), v_not_u, '')) END,
		       last_marked = CASE WHEN o.first_day > a.last_marked
			   THEN o.starts + (o.hi - 1) / 2
			   ELSE greatest(a.last_marked,
			       o.starts + (o.hi - 1) / 2) END,
		       updated_at = now()
		  FROM pg_temp.cme_imp_ov o
		 WHERE a.la_code = o.la_code AND a.child_id = o.child_id
		   AND a.laestab = o.laestab AND a.term_id = o.term_id
		RETURNING a.la_code, a.child_id, a.laestab, a.term_id,
			  o.starts, a.possible, a.present, a.unauth_absent,
			  CASE WHEN o.nu > 0 OR o.first_day < o.n_cutoff
			       THEN a.marks END,
			  o.ctid, o.first_day, o.np + o.na + o.nu, o.np, o.nu > 0
	)
	INSERT INTO pg_temp.cme_rule_rows SELECT * FROM u;
	GET DIAGNOSTICS rows_updated = ROW_COUNT;

	IF rows_updated < (SELECT count(*) FROM pg_temp.cme_imp_ov) THEN
		WITH n AS MATERIALIZED (
			SELECT o.*, o.ctid AS ov_ctid,
			       repeat('-', o.lo - 1) || o.seg ||
				   repeat('-', o.hi % 2) AS marks
			  FROM pg_temp.cme_imp_ov o
			 WHERE o.ctid NOT IN (SELECT t.ov_ctid
					      FROM pg_temp.cme_rule_rows t)
		), i AS (
			INSERT INTO cme.attendance (la_code, child_id, laestab,
			    term_id, marks, possible, present, auth_absent,
			    unauth_absent, last_marked)
			SELECT n.la_code, n.child_id, n.laestab, n.term_id,
			       n.marks, n.np + n.na + n.nu, n.np, n.na, n.nu,
			       n.starts + (n.hi - 1) / 2
			  FROM n
		)
		INSERT INTO pg_temp.cme_rule_rows
		SELECT n.la_code, n.child_id, n.laestab, n.term_id, n.starts,
		       n.np + n.na + n.nu, n.np, n.nu,
		       CASE WHEN n.nu > 0 OR n.first_day < n.n_cutoff
			    THEN n.marks END,
		       n.ov_ctid, n.first_day, n.np + n.na + n.nu, n.np,
		       n.nu > 0
		  FROM n;
		GET DIAGNOSTICS rows_inserted = ROW_COUNT;
	END IF;
	applied := true;

	-- 6. The rules, over the rows touched.
	batch := nextval('cme.import_batch_seq');
	PERFORM cme.rule_absence();
	PERFORM cme.rule_streak();
	PERFORM cme.rule_n_code(p_as_of);
	alerts := cme.alerts_raise(batch, 'import_attendance');

	-- One audit row per LA for the batch.
	FOR v_rec IN SELECT o.la_code, count(*) AS n, sum(o.n) AS sessions
		   FROM pg_temp.cme_imp_ov o
		  GROUP BY o.la_code ORDER BY o.la_code
	LOOP
		PERFORM cme.audit_write(v_rec.la_code, 'import_attendance',
		    'import', 'batch/' || batch, NULL, NULL,
		    jsonb_build_object('rows_read', rows_read,
			'rows_rejected', rows_rejected,
			'sessions', v_rec.sessions,
			'attendance_rows', v_rec.n, 'as_of', p_as_of));
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION cme.import_attendance(boolean, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.import_attendance(boolean, date)
    TO cme_school, cme_admin;
COMMENT ON FUNCTION cme.import_attendance(boolean, date) IS
    'validates and merges pg_temp.cme_import_att (see 011_import.sql)';

-- ---------------------------------------------------------- returns

CREATE FUNCTION cme.import_returns(p_skip_bad boolean, p_as_of date,
    OUT rows_read integer, OUT rows_rejected integer, OUT applied boolean,
    OUT returns_stored integer, OUT children_created integer,
    OUT enrolments_opened integer, OUT enrolments_closed integer,
    OUT possible_duplicates integer, OUT already_received integer,
    OUT alerts integer, OUT batch bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
SET jit = off
AS $$
DECLARE
	v_all		boolean;
	v_la		smallint;
	v_school	integer;
	v_rec		record;
BEGIN
	SELECT * INTO v_all, v_la, v_school FROM cme.import_scope();
	IF to_regclass('pg_temp.cme_import_ret') IS NULL OR
	    (SELECT c.relowner FROM pg_catalog.pg_class c
	      WHERE c.oid = to_regclass('pg_temp.cme_import_ret')) <>
	    'cme_owner'::regrole THEN
		RAISE EXCEPTION 'cme: call cme.import_begin(''returns'') '
		    'first, in the same transaction';
	END IF;
	p_as_of := coalesce(p_as_of, current_date);
	applied := false;
	returns_stored := 0;
	children_created := 0;
	enrolments_opened := 0;
	enrolments_closed := 0;
	possible_duplicates := 0;
	already_received := 0;
	alerts := 0;
	SELECT count(*) INTO rows_read FROM pg_temp.cme_import_ret;
	rows_read := rows_read + (SELECT count(*)
				    FROM pg_temp.cme_import_reject);

	-- 1. Every return: its LA, the child its UPN names (current or
	-- former UPN), or else the children with its legal name and date of
	-- birth (a possible duplicate), and what is wrong with it.
	CREATE TEMP TABLE cme_imp_res ON COMMIT DROP AS
	SELECT s.*, sc.la_code,
	       coalesce(s.upn::text, cme.name_key(s.forename) || '|' ||
		   cme.name_key(s.surname) || '|' || s.dob) AS ikey,
	       coalesce(c.child_id, f.child_id) AS child_id,
	       false AS created,
	       CASE WHEN c.child_id IS NULL AND f.child_id IS NULL THEN
		   (SELECT array_agg(x.child_id ORDER BY x.child_id)
		      FROM cme.child x
		     WHERE x.la_code = sc.la_code AND x.dob = s.dob
		       AND cme.name_key(x.legal_forename) =
			   cme.name_key(s.forename)
		       AND cme.name_key(x.legal_surname) =
			   cme.name_key(s.surname))
	       END AS maybe,
	       concat_ws('; ',
		   CASE
		   WHEN sc.laestab IS NULL THEN
		       format('school %s is not known', s.laestab)
		   WHEN NOT (v_all OR coalesce(sc.laestab = v_school, false)
			     OR (v_school IS NULL AND sc.la_code = v_la)) THEN
		       format('school %s (LA %s) is not one you may submit '
			   'returns for', s.laestab, sc.la_code)
		   END,
		   CASE WHEN s.dob < '1990-01-01' OR s.dob >= s.event_date THEN
		       format('date of birth %s is not plausible for a pupil '
			   'on %s', s.dob, s.event_date) END,
		   CASE WHEN abs(s.event_date - p_as_of) > 400 THEN
		       format('event date %s is more than a year from %s',
			   s.event_date, p_as_of) END,
		   CASE WHEN s.kind = 'deletion' AND e.starts > s.event_date THEN
		       format('the pupil started at school %s on %s, after '
			   'this deletion date', s.laestab, e.starts) END)
		   AS reason,
	       e.enrolment_id AS open_enrolment,
	       nextval(pg_get_serial_sequence('cme.register_return',
		   'return_id')) AS return_id
	  FROM pg_temp.cme_import_ret s
	  LEFT JOIN cme.school sc ON sc.laestab = s.laestab
	  LEFT JOIN cme.child c ON c.la_code = sc.la_code AND c.upn = s.upn
	  LEFT JOIN LATERAL (SELECT fu.child_id FROM cme.child_former_upn fu
			      WHERE fu.la_code = sc.la_code AND fu.upn = s.upn
			      ORDER BY fu.child_id LIMIT 1) AS f ON true
	  LEFT JOIN LATERAL (SELECT en.enrolment_id, en.starts
			       FROM cme.enrolment en
			      WHERE en.la_code = sc.la_code
				AND en.child_id = coalesce(c.child_id, f.child_id)
				AND en.laestab = s.laestab AND en.ends IS NULL
			      ORDER BY en.starts DESC LIMIT 1) AS e ON true;

	INSERT INTO pg_temp.cme_import_reject (line_no, reason, csv)
	SELECT r.line_no, r.reason,
	       concat_ws(',', r.laestab, r.kind, r.event_date,
		   cme.csv_field(r.upn), cme.csv_field(r.forename),
		   cme.csv_field(r.surname), r.dob, r.sex,
		   cme.csv_field(r.postcode), cme.csv_field(r.ground),
		   cme.csv_field(r.destination))
	  FROM pg_temp.cme_imp_res r WHERE r.reason <> '';

	-- The same return twice in one file: both copies are rejected.
	INSERT INTO pg_temp.cme_import_reject (line_no, reason, csv)
	SELECT r.line_no,
	       format('the same %s return for the same pupil and date as '
		   'line %s', r.kind, CASE WHEN r.line_no = d.lines[1]
		   THEN d.lines[2] ELSE d.lines[1] END),
	       concat_ws(',', r.laestab, r.kind, r.event_date,
		   cme.csv_field(r.upn), cme.csv_field(r.forename),
		   cme.csv_field(r.surname), r.dob, r.sex,
		   cme.csv_field(r.postcode), cme.csv_field(r.ground),
		   cme.csv_field(r.destination))
	  FROM (SELECT laestab, kind, event_date, ikey,
		       array_agg(line_no ORDER BY line_no) AS lines
		  FROM pg_temp.cme_imp_res
		 GROUP BY laestab, kind, event_date, ikey
		HAVING count(*) > 1) AS d
	  JOIN pg_temp.cme_imp_res r ON r.laestab = d.laestab
	   AND r.kind = d.kind AND r.event_date = d.event_date
	   AND r.ikey = d.ikey;

	SELECT count(DISTINCT line_no) INTO rows_rejected
	  FROM pg_temp.cme_import_reject;
	IF rows_rejected > 0 AND NOT p_skip_bad THEN
		RETURN;
	END IF;
	DELETE FROM pg_temp.cme_imp_res r
	 USING pg_temp.cme_import_reject j WHERE j.line_no = r.line_no;
	-- A return already stored (the same file sent again) is not stored,
	-- nor acted on, twice.
	DELETE FROM pg_temp.cme_imp_res r
	 WHERE EXISTS (SELECT 1 FROM cme.register_return x
		WHERE x.la_code = r.la_code AND x.laestab = r.laestab
		  AND x.kind = r.kind AND x.event_date = r.event_date
		  AND x.upn IS NOT DISTINCT FROM r.upn::text
		  AND x.forename = r.forename AND x.surname = r.surname
		  AND x.dob = r.dob
		  AND x.ground IS NOT DISTINCT FROM r.ground
		  AND x.destination_laestab IS NOT DISTINCT FROM
		      CASE WHEN r.destination ~ '^[0-9]{7}$'
			  THEN r.destination::integer END);
	GET DIAGNOSTICS already_received = ROW_COUNT;
	PERFORM pg_advisory_xact_lock(hashtext('cme.import.returns'),
		x.la_code)
	   FROM (SELECT DISTINCT la_code FROM pg_temp.cme_imp_res
		 ORDER BY 1) AS x;

	-- 2. A child for each identity no child matches and nobody may be:
	-- one per (LA, UPN or name and date of birth), from its first line.
	CREATE TEMP TABLE cme_imp_kid ON COMMIT DROP AS
	SELECT DISTINCT ON (r.la_code, r.ikey) r.la_code, r.ikey, r.upn,
	       r.forename, r.surname, r.dob, r.sex,
	       nextval(pg_get_serial_sequence('cme.child', 'child_id'))
		   AS child_id
	  FROM pg_temp.cme_imp_res r
	 WHERE r.child_id IS NULL AND r.maybe IS NULL
	 ORDER BY r.la_code, r.ikey, r.line_no;
	INSERT INTO cme.child (la_code, child_id, upn, legal_forename,
	    legal_surname, dob, sex)
	SELECT k.la_code, k.child_id, k.upn, k.forename, k.surname, k.dob,
	       k.sex
	  FROM pg_temp.cme_imp_kid k ORDER BY k.child_id;
	GET DIAGNOSTICS children_created = ROW_COUNT;
	UPDATE pg_temp.cme_imp_res r SET child_id = k.child_id, created = true
	  FROM pg_temp.cme_imp_kid k
	 WHERE k.la_code = r.la_code AND k.ikey = r.ikey
	   AND r.child_id IS NULL AND r.maybe IS NULL;

	-- 3. New pupils join the roll; deletions end the open enrolment.
	INSERT INTO cme.enrolment (la_code, child_id, laestab, starts)
	SELECT DISTINCT ON (r.la_code, r.child_id, r.laestab)
	       r.la_code, r.child_id, r.laestab, r.event_date
	  FROM pg_temp.cme_imp_res r
	 WHERE r.kind = 'new_pupil' AND r.child_id IS NOT NULL
	   AND NOT EXISTS (SELECT 1 FROM cme.enrolment e
			    WHERE e.la_code = r.la_code
			      AND e.child_id = r.child_id
			      AND e.laestab = r.laestab AND e.ends IS NULL)
	 ORDER BY r.la_code, r.child_id, r.laestab, r.event_date;
	GET DIAGNOSTICS enrolments_opened = ROW_COUNT;
	UPDATE cme.enrolment e
	   SET ends = d.event_date, deletion_ground = d.ground,
	       destination_laestab = CASE WHEN d.destination ~ '^[0-9]{7}$'
		   THEN d.destination::integer END
	  FROM (SELECT DISTINCT ON (r.la_code, r.child_id, r.laestab) r.*
		  FROM pg_temp.cme_imp_res r
		 WHERE r.kind = 'deletion' AND r.child_id IS NOT NULL
		 ORDER BY r.la_code, r.child_id, r.laestab,
			  r.event_date DESC) AS d
	 WHERE e.la_code = d.la_code AND e.child_id = d.child_id
	   AND e.laestab = d.laestab AND e.ends IS NULL
	   AND e.starts <= d.event_date;
	GET DIAGNOSTICS enrolments_closed = ROW_COUNT;

	-- 4. Every return is stored as received.
	batch := nextval('cme.import_batch_seq');
	INSERT INTO cme.register_return (la_code, return_id, laestab, kind,
	    event_date, ground, destination_laestab, upn, forename, surname,
	    dob, sex, postcode, detail, child_id)
	SELECT r.la_code, r.return_id, r.laestab, r.kind, r.event_date,
	       r.ground,
	       CASE WHEN r.destination ~ '^[0-9]{7}$'
		   THEN r.destination::integer END,
	       r.upn, r.forename, r.surname, r.dob, r.sex,
	       cme.postcode_norm(r.postcode),
	       jsonb_strip_nulls(jsonb_build_object('batch', batch,
		   'line', r.line_no,
		   'destination', CASE r.destination
		       WHEN 'XXXXXXX' THEN 'unknown' WHEN '' THEN 'none' END,
		   'possible_duplicate_of', to_jsonb(r.maybe),
		   'child_created', CASE WHEN r.created THEN true END,
		   'no_open_enrolment', CASE WHEN r.kind = 'deletion' AND
		       r.child_id IS NOT NULL AND NOT r.created AND
		       r.open_enrolment IS NULL THEN true END)),
	       r.child_id
	  FROM pg_temp.cme_imp_res r ORDER BY r.return_id;
	GET DIAGNOSTICS returns_stored = ROW_COUNT;
	SELECT count(*) INTO possible_duplicates
	  FROM pg_temp.cme_imp_res r WHERE r.maybe IS NOT NULL;
	applied := true;

	-- 5. The rules of the returns (see RULES).
	PERFORM cme.rules_begin();
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT r.la_code, r.child_id, 'joint_enquiries', ar.severity,
	       jsonb_build_object('key', 'return:' || r.return_id,
		   'return_id', r.return_id, 'laestab', r.laestab,
		   'ground', r.ground, 'date', r.event_date)
	  FROM pg_temp.cme_imp_res r
	  JOIN cme.deletion_ground g ON g.ground = r.ground
	  JOIN cme.alert_rule ar ON ar.rule = 'joint_enquiries'
	 WHERE r.kind = 'deletion' AND r.child_id IS NOT NULL
	   AND g.joint_enquiries;
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT r.la_code, r.child_id, 'no_destination', ar.severity,
	       jsonb_build_object('key', 'return:' || r.return_id,
		   'return_id', r.return_id, 'laestab', r.laestab,
		   'ground', r.ground, 'date', r.event_date,
		   'destination', CASE r.destination WHEN 'XXXXXXX'
		       THEN 'unknown' ELSE 'none' END)
	  FROM pg_temp.cme_imp_res r
	  JOIN cme.deletion_ground g ON g.ground = r.ground
	  JOIN cme.alert_rule ar ON ar.rule = 'no_destination'
	 WHERE r.kind = 'deletion' AND r.child_id IS NOT NULL
	   AND r.destination IN ('', 'XXXXXXX')
	   AND NOT g.joint_enquiries AND r.ground NOT IN ('b', 'f', 'k', 'l')
	   AND NOT EXISTS (SELECT 1 FROM cme.enrolment e
			    WHERE e.la_code = r.la_code
			      AND e.child_id = r.child_id AND e.ends IS NULL);
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT r.la_code, r.child_id,
	       CASE r.kind WHEN 'absence_10_day' THEN 'absence_return'
		   ELSE 'sickness_return' END, ar.severity,
	       jsonb_build_object('key', 'return:' || r.return_id,
		   'return_id', r.return_id, 'laestab', r.laestab,
		   'date', r.event_date)
	  FROM pg_temp.cme_imp_res r
	  JOIN cme.alert_rule ar ON ar.rule = CASE r.kind
	       WHEN 'absence_10_day' THEN 'absence_return'
	       ELSE 'sickness_return' END
	 WHERE r.kind IN ('absence_10_day', 'sickness_15_day')
	   AND r.child_id IS NOT NULL;
	INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule, severity,
	    detail)
	SELECT r.la_code, m.child_id, 'possible_duplicate', ar.severity,
	       jsonb_build_object('key', 'return:' || r.return_id,
		   'return_id', r.return_id, 'laestab', r.laestab,
		   'kind', r.kind, 'upn', r.upn, 'date', r.event_date)
	  FROM pg_temp.cme_imp_res r
	 CROSS JOIN LATERAL unnest(r.maybe) AS m(child_id)
	  JOIN cme.alert_rule ar ON ar.rule = 'possible_duplicate';
	alerts := cme.alerts_raise(batch, 'import_returns');

	FOR v_rec IN SELECT r.la_code, count(*) AS n,
		    jsonb_object_agg(r.kind, r.k) AS kinds
		   FROM (SELECT la_code, kind, count(*) AS k, sum(count(*))
			     OVER (PARTITION BY la_code) AS n
			   FROM pg_temp.cme_imp_res
			  GROUP BY la_code, kind) AS r
		  GROUP BY r.la_code ORDER BY r.la_code
	LOOP
		PERFORM cme.audit_write(v_rec.la_code, 'import_returns',
		    'import', 'batch/' || batch, NULL, NULL,
		    jsonb_build_object('rows_read', rows_read,
			'rows_rejected', rows_rejected, 'returns', v_rec.kinds,
			'as_of', p_as_of));
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION cme.import_returns(boolean, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.import_returns(boolean, date)
    TO cme_school, cme_admin;
COMMENT ON FUNCTION cme.import_returns(boolean, date) IS
    'validates and applies pg_temp.cme_import_ret (see 011_import.sql)';

-- ------------------------------------------------------------ sweep

-- The time-based rules for one LA (p_la) or every LA with children; one
-- row per LA. A superuser or cme_owner member may sweep any LA; a cme_admin
-- only its own.
CREATE FUNCTION cme.sweep(p_la smallint, p_as_of date)
RETURNS TABLE (la_code smallint, la_name text, woken integer,
    n_codes integer, clocks integer, absence integer, streaks integer,
    alerts integer, batch bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
SET jit = off
SET work_mem = '128MB'
AS $$
DECLARE
	v_all		boolean;
	v_la		smallint;
	v_school	integer;
	v_l		record;
	v_ids		jsonb;
	v_clock		integer;
	v_cut		date;
BEGIN
	SELECT * INTO v_all, v_la, v_school FROM cme.import_scope();
	IF NOT v_all AND (v_school IS NOT NULL OR
	    (p_la IS NOT NULL AND p_la <> v_la)) THEN
		RAISE EXCEPTION 'cme: % may not sweep LA %', session_user,
		    coalesce(p_la, v_la)
		    USING ERRCODE = 'insufficient_privilege';
	END IF;
	p_as_of := coalesce(p_as_of, current_date);
	FOR v_l IN SELECT l.la_code, l.name FROM cme.la l
		    WHERE (p_la IS NULL OR l.la_code = p_la)
		      AND (v_all OR l.la_code = v_la)
		      AND EXISTS (SELECT 1 FROM cme.child c
				   WHERE c.la_code = l.la_code)
		    ORDER BY l.la_code
	LOOP
		la_code := v_l.la_code;
		la_name := v_l.name;
		batch := nextval('cme.import_batch_seq');
		PERFORM cme.rules_begin();

		-- Snoozed alerts whose day has come are open again.
		PERFORM cme.rule_engine(true);
		WITH w AS (
			UPDATE cme.alert a SET status = 'open', snooze_until = NULL
			 WHERE a.la_code = v_l.la_code AND a.status = 'snoozed'
			   AND a.snooze_until <= p_as_of
			RETURNING a.alert_id
		)
		SELECT count(*), jsonb_agg(w.alert_id ORDER BY w.alert_id)
		  INTO woken, v_ids FROM w;
		PERFORM cme.rule_engine(false);
		IF woken > 0 THEN
			PERFORM cme.audit_write(v_l.la_code, 'wake_alerts',
			    'alert', 'batch/' || batch, NULL, NULL,
			    jsonb_build_object('source', 'sweep',
				'as_of', p_as_of, 'woken', v_ids));
		END IF;

		-- The rows of the current term (or the one that ended within
		-- the last 30 days), as they stand.
		INSERT INTO pg_temp.cme_rule_rows (la_code, child_id, laestab,
		    term_id, starts, possible, present, unauth_absent, marks)
		SELECT a.la_code, a.child_id, a.laestab, a.term_id, t.starts,
		       a.possible, a.present, a.unauth_absent,
		       CASE WHEN a.unauth_absent > 0 THEN a.marks END
		  FROM cme.term t
		  JOIN cme.attendance a ON a.la_code = t.la_code
		   AND a.term_id = t.term_id
		 WHERE t.la_code = v_l.la_code AND t.starts <= p_as_of
		   AND t.ends >= p_as_of - 30;
		PERFORM cme.rule_n_code(p_as_of);
		PERFORM cme.rule_absence();
		PERFORM cme.rule_streak();

		-- Cases still referred or in enquiries past the clock.
		SELECT s.enquiries_clock_days INTO v_clock
		  FROM cme.la_rules(v_l.la_code) AS s;
		v_cut := cme.school_day_back(v_l.la_code, p_as_of, v_clock + 1);
		INSERT INTO pg_temp.cme_alert_cand (la_code, child_id, rule,
		    severity, detail)
		SELECT k.la_code, k.child_id, 'case_clock_overdue', ar.severity,
		       jsonb_build_object('key', 'case:' || k.case_id,
			   'case_id', k.case_id, 'referred_on', k.referred_on,
			   'status', k.status, 'clock_days', v_clock)
		  FROM cme.cme_case k
		  JOIN cme.alert_rule ar ON ar.rule = 'case_clock_overdue'
		 WHERE k.la_code = v_l.la_code
		   AND k.status IN ('referred', 'enquiries')
		   AND v_cut IS NOT NULL AND k.referred_on < v_cut;

		alerts := cme.alerts_raise(batch, 'sweep');
		SELECT count(*) FILTER (WHERE d.rule = 'n_code_unresolved'),
		       count(*) FILTER (WHERE d.rule = 'case_clock_overdue'),
		       count(*) FILTER (WHERE d.rule IN ('persistent_absence',
			   'severe_absence')),
		       count(*) FILTER (WHERE d.rule = 'unauth_streak')
		  INTO n_codes, clocks, absence, streaks
		  FROM pg_temp.cme_alert_done d;
		RETURN NEXT;
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION cme.sweep(smallint, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.sweep(smallint, date) TO cme_admin;
COMMENT ON FUNCTION cme.sweep(smallint, date) IS
    'time-based rules (snoozes, N codes, case clocks) and a full pass of '
    'the attendance rules; idempotent (see 011_import.sql)';

-- ---------------------------------------------------- alert actions

-- Locks the alert of an action and checks it (see ALERT ACTIONS).
CREATE FUNCTION cme.alert_action(p_alert_id bigint, p_version integer)
RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.alert;
BEGIN
	PERFORM cme.rule_engine(false);
	v_la := cme.staff_la(session_user);
	IF v_la IS NULL OR NOT (
	    pg_catalog.pg_has_role(session_user, 'cme_caseworker', 'MEMBER') OR
	    pg_catalog.pg_has_role(session_user, 'cme_supervisor', 'MEMBER'))
	THEN
		RAISE EXCEPTION 'cme: % is not an active caseworker or '
		    'supervisor', session_user
		    USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT * INTO v FROM cme.alert a
	 WHERE a.la_code = v_la AND a.alert_id = p_alert_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'cme: alert % is not an alert of LA %',
		    p_alert_id, v_la USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF p_version IS NULL OR v.version <> p_version THEN
		RAISE EXCEPTION 'cme: alert % was changed by someone else '
		    '(it is at version %, you read version %)', p_alert_id,
		    v.version, p_version
		    USING ERRCODE = 'CM001',
			HINT = 'read the alert again, then redo the action';
	END IF;
	IF v.status = 'resolved' THEN
		RAISE EXCEPTION 'cme: alert % is resolved', p_alert_id
		    USING ERRCODE = 'CM002';
	END IF;
	RETURN v;
END
$$;
REVOKE ALL ON FUNCTION cme.alert_action(bigint, integer) FROM PUBLIC;

-- The audit row of an action: what it changed, and the note if any.
CREATE FUNCTION cme.alert_action_audit(p_old cme.alert, p_new cme.alert,
    p_action text, p_note text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	PERFORM cme.audit_write(p_new.la_code, 'alert_' || p_action, 'alert',
	    p_new.alert_id::text, p_new.child_id,
	    jsonb_build_object('status', p_old.status,
		'assigned_to', p_old.assigned_to, 'team_id', p_old.team_id,
		'snooze_until', p_old.snooze_until, 'case_id', p_old.case_id,
		'version', p_old.version),
	    jsonb_strip_nulls(jsonb_build_object('status', p_new.status,
		'assigned_to', p_new.assigned_to, 'team_id', p_new.team_id,
		'snooze_until', p_new.snooze_until, 'case_id', p_new.case_id,
		'version', p_new.version, 'note', p_note)));
END
$$;
REVOKE ALL ON FUNCTION cme.alert_action_audit(cme.alert, cme.alert, text,
    text) FROM PUBLIC;

CREATE FUNCTION cme.alert_acknowledge(p_alert_id bigint,
    p_version integer) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	UPDATE cme.alert a SET status = 'acknowledged', snooze_until = NULL
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'acknowledge', NULL);
	RETURN n;
END
$$;

-- To an active caseworker or supervisor of the LA (the alert moves to
-- their team unless p_team_id says otherwise), or with p_assignee NULL
-- to the team queue (p_team_id, or the alert's team).
CREATE FUNCTION cme.alert_assign(p_alert_id bigint, p_version integer,
    p_assignee name, p_team_id integer DEFAULT NULL) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
	v_team	integer;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	IF p_team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cme.team t
	    WHERE t.la_code = v.la_code AND t.team_id = p_team_id
	      AND t.active) THEN
		RAISE EXCEPTION 'cme: team % is not an active team of LA %',
		    p_team_id, v.la_code
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_assignee IS NOT NULL THEN
		SELECT s.team_id INTO v_team FROM cme.staff s
		 WHERE s.la_code = v.la_code AND s.role_name = p_assignee
		   AND s.active AND s.kind IN ('caseworker', 'supervisor');
		IF NOT FOUND THEN
			RAISE EXCEPTION 'cme: % is not an active caseworker or '
			    'supervisor of LA %', p_assignee, v.la_code
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	UPDATE cme.alert a SET assigned_to = p_assignee,
	       team_id = coalesce(p_team_id, v_team, v.team_id)
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'assign', NULL);
	RETURN n;
END
$$;

CREATE FUNCTION cme.alert_snooze(p_alert_id bigint, p_version integer,
    p_until date) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	IF p_until IS NULL OR p_until <= current_date THEN
		RAISE EXCEPTION 'cme: snooze until a day after today (%), not %',
		    current_date, coalesce(p_until::text, 'no day')
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE cme.alert a SET status = 'snoozed', snooze_until = p_until
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'snooze', NULL);
	RETURN n;
END
$$;

-- To the supervisor of the alert's team (the first active one by role
-- name; none: the team queue), with an optional note in detail.
CREATE FUNCTION cme.alert_escalate(p_alert_id bigint, p_version integer,
    p_note text DEFAULT NULL) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
	v_sup	name;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	SELECT s.role_name INTO v_sup FROM cme.staff s
	 WHERE s.la_code = v.la_code AND s.kind = 'supervisor' AND s.active
	   AND s.team_id = v.team_id
	 ORDER BY s.role_name LIMIT 1;
	UPDATE cme.alert a SET status = 'escalated', snooze_until = NULL,
	       assigned_to = v_sup,
	       detail = a.detail || jsonb_build_object('escalated',
		   jsonb_strip_nulls(jsonb_build_object('by', session_user,
		       'at', now(), 'note', nullif(btrim(p_note), ''))))
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'escalate', p_note);
	RETURN n;
END
$$;

-- Opens a CME case from the alert (source 'alert'), or links the child's
-- open case when there is one, and acknowledges the alert.
CREATE FUNCTION cme.alert_open_case(p_alert_id bigint, p_version integer,
    p_reason text DEFAULT NULL) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
	v_case	bigint;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	IF v.case_id IS NOT NULL THEN
		RAISE EXCEPTION 'cme: alert % already has case %', p_alert_id,
		    v.case_id USING ERRCODE = 'CM002';
	END IF;
	IF p_reason IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cme.cme_reason r
	    WHERE r.code = p_reason AND r.active) THEN
		RAISE EXCEPTION 'cme: "%" is not a CME reason', p_reason
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT k.case_id INTO v_case FROM cme.cme_case k
	 WHERE k.la_code = v.la_code AND k.child_id = v.child_id
	   AND k.status NOT IN ('closed', 'transferred');
	IF v_case IS NULL THEN
		INSERT INTO cme.cme_case (la_code, child_id, status, source,
		    reason, referred_on, assigned_to, team_id, summary)
		SELECT v.la_code, v.child_id, 'referred', 'alert', p_reason,
		       current_date,
		       coalesce(v.assigned_to, CASE WHEN
			   pg_catalog.pg_has_role(session_user, 'cme_caseworker',
			       'MEMBER') THEN session_user END),
		       coalesce(v.team_id, c.team_id),
		       'from alert ' || v.alert_id || ': ' || r.label
		  FROM cme.child c, cme.alert_rule r
		 WHERE c.la_code = v.la_code AND c.child_id = v.child_id
		   AND r.rule = v.rule
		RETURNING case_id INTO v_case;
	END IF;
	UPDATE cme.alert a SET case_id = v_case, snooze_until = NULL,
	       status = CASE WHEN a.status IN ('open', 'snoozed')
		   THEN 'acknowledged' ELSE a.status END
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'open_case', NULL);
	RETURN n;
END
$$;

CREATE FUNCTION cme.alert_resolve(p_alert_id bigint, p_version integer,
    p_note text) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	IF p_note IS NULL OR btrim(p_note) = '' THEN
		RAISE EXCEPTION 'cme: resolving an alert needs a note'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE cme.alert a SET status = 'resolved', snooze_until = NULL,
	       resolved_at = now(), resolved_by = session_user,
	       resolution_note = p_note
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'resolve', p_note);
	RETURN n;
END
$$;

REVOKE ALL ON FUNCTION cme.alert_acknowledge(bigint, integer),
    cme.alert_assign(bigint, integer, name, integer),
    cme.alert_snooze(bigint, integer, date),
    cme.alert_escalate(bigint, integer, text),
    cme.alert_open_case(bigint, integer, text),
    cme.alert_resolve(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.alert_acknowledge(bigint, integer),
    cme.alert_assign(bigint, integer, name, integer),
    cme.alert_snooze(bigint, integer, date),
    cme.alert_escalate(bigint, integer, text),
    cme.alert_open_case(bigint, integer, text),
    cme.alert_resolve(bigint, integer, text)
    TO cme_caseworker, cme_supervisor;

RESET ROLE;
