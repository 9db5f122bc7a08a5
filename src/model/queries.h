/*
 * queries.h — the SQL the client's screens send, in one place.
 *
 * Every statement is static text with $n parameters; nothing here is ever
 * built from user input. Row-level security in the database decides what
 * each officer may see; the WHERE clauses below only say what a screen
 * wants (design.md §1: "add the tenant filter explicitly" is done by the
 * policies' initPlan, so the queries stay simple).
 */
#ifndef CME_MODEL_QUERIES_H
#define CME_MODEL_QUERIES_H

/*
 * LISTEN on the caller's LA alert channel (011_import.sql: cme_alerts_<la>,
 * payload ids only). The channel name comes from the server's own staff
 * row, never from the client; a role with no staff row listens to nothing.
 */
#define QUERY_LISTEN_ALERTS \
	"DO $$DECLARE la integer := cme.staff_la(current_user); " \
	"BEGIN IF la IS NOT NULL THEN " \
	"EXECUTE format('LISTEN %I', 'cme_alerts_' || la); END IF; END$$"

/* The officers a case or alert can go to (RLS: the caller's LA). */
#define QUERY_STAFF_NAMES \
	"SELECT s.role_name FROM cme.staff s WHERE s.active " \
	"AND s.kind IN ('caseworker', 'supervisor') ORDER BY s.role_name"

/* Who am I: display name and LA of the logged-in role. */
#define QUERY_WHOAMI \
	"SELECT s.display_name, l.name AS la_name, s.la_code, s.kind " \
	"FROM cme.staff s JOIN cme.la l ON l.la_code = s.la_code " \
	"WHERE s.role_name = current_user"

/*
 * School-day clocks written out as index reads of cme.school_day
 * (018_school_day_index.sql: each LA's school days numbered 1, 2, 3, ...
 * in date order), for statements that compute them for many rows. They
 * give the same results as cme.school_days_between and cme.add_school_days
 * (NULL for a NULL argument), but as scalar subqueries of the statement
 * itself the row-level security of school_day is an initPlan evaluated
 * once per statement, where a function call evaluates it on every call
 * (staff_la, about 20 µs: 4 clocks on each of 100 prefetched Summaries).
 * Arguments are SQL expressions (each appears more than once).
 *   QUERY_SD_N(la, d): the number of the last school day <= d, else 0.
 */
#define QUERY_SD_N(la, d) \
	"coalesce((SELECT sd.n FROM cme.school_day sd " \
	"WHERE sd.la_code = " la " AND sd.day <= " d " " \
	"ORDER BY sd.day DESC LIMIT 1), 0)"
/* The school days d with from < d <= to (0 when to <= from). */
#define QUERY_SCHOOL_DAYS_BETWEEN(la, from, to) \
	"(CASE WHEN (" la ") IS NOT NULL AND (" from ") IS NOT NULL " \
	"AND (" to ") IS NOT NULL THEN greatest(" QUERY_SD_N(la, to) \
	" - " QUERY_SD_N(la, from) ", 0) END)"
/* The n-th school day after from (from when n <= 0; NULL past the end). */
#define QUERY_ADD_SCHOOL_DAYS(la, from, n) \
	"(CASE WHEN (" la ") IS NULL OR (" n ") IS NULL THEN NULL " \
	"WHEN (" n ") <= 0 THEN (" from ") ELSE " \
	"(SELECT sd.day FROM cme.school_day sd WHERE sd.la_code = " la " " \
	"AND sd.day > " from " ORDER BY sd.day OFFSET (" n ") - 1 LIMIT 1) " \
	"END)"

/*
 * ---- The detail pane's tabs (detail.c) ----
 *
 * Parameters, always in this order, each statement taking the first
 * ones it needs: $1 child_id, $2 LA, $3 case_id (NULL: the child's open
 * case, else its latest). The attendance codes take none and the LA's
 * settings $1 LA only. Dates are ISO text; booleans come back as t/f.
 * The child's rows are read by (la_code, child_id), the leading columns
 * of the indexes they use.
 */

/*
 * The record's title line when it is opened on a tab other than Summary:
 * name, restricted marker, and whether this role may read the audit log
 * (case history on the Timeline).
 */
#define QUERY_DETAIL_HEADER \
	"SELECT ch.legal_forename || ' ' || upper(ch.legal_surname) AS name, " \
	"  ch.restricted, " \
	"  has_table_privilege('cme.audit_log', 'SELECT') AS can_read_audit " \
	"FROM cme.child ch " \
	"WHERE ch.child_id = $1::bigint AND ch.la_code = $2::smallint"

/*
 * A CTE, not a statement: the case a tab is about, $3 when given, else
 * open before closed, newest referral first.
 */
#define QUERY_DETAIL_CASE_CTE \
	"k AS (SELECT c.* FROM cme.cme_case c " \
	"  WHERE c.la_code = $2::smallint AND c.child_id = $1::bigint " \
	"  ORDER BY (c.case_id = $3::bigint) IS TRUE DESC, " \
	"    c.status IN ('closed', 'transferred'), c.referred_on DESC, " \
	"    c.case_id DESC LIMIT 1) "

/*
 * A pending closure request, what a supervisor decides on: who asked,
 * when, the outcome and note, the checklist in one line and the last
 * three contacts (one per line). Computed only for a pending request.
 */
#define QUERY_DETAIL_CLOSURE_REQUEST \
	"  k.closure_requested_at IS NOT NULL AND k.closure_decision IS NULL " \
	"    AS closure_pending, " \
	"  CASE WHEN k.closure_requested_at IS NOT NULL " \
	"    AND k.closure_decision IS NULL THEN " \
	"    coalesce((SELECT sr.display_name FROM cme.staff sr " \
	"      WHERE sr.la_code = k.la_code " \
	"        AND sr.role_name = k.closure_requested_by), " \
	"      k.closure_requested_by::text) || ', ' || " \
	"    to_char(k.closure_requested_at, 'YYYY-MM-DD') || ': ' || " \
	"    coalesce(o.label, k.closure_outcome) END AS closure_request, " \
	"  CASE WHEN k.closure_decision IS NULL THEN k.closure_note END " \
	"    AS closure_note, " \
	"  CASE WHEN k.closure_requested_at IS NOT NULL " \
	"    AND k.closure_decision IS NULL THEN " \
	"    (SELECT count(*) FILTER (WHERE e.state <> 'not_started') " \
	"      || ' of ' || count(*) || ' done' || coalesce('; to do: ' " \
	"      || string_agg(i.label, ', ' ORDER BY i.sort) FILTER " \
	"      (WHERE e.state = 'not_started'), '') " \
	"      FROM cme.case_enquiry e JOIN cme.enquiry_item i " \
	"        ON i.item = e.item " \
	"      WHERE e.la_code = k.la_code AND e.case_id = k.case_id) END " \
	"    AS closure_checklist, " \
	"  CASE WHEN k.closure_requested_at IS NOT NULL " \
	"    AND k.closure_decision IS NULL THEN " \
	"    (SELECT string_agg(to_char(x.contact_at, 'YYYY-MM-DD') || ' ' " \
	"      || x.kind || ', ' || x.with_whom || ': ' || x.outcome, " \
	"      chr(10) ORDER BY x.contact_at DESC) FROM (SELECT * " \
	"      FROM cme.case_contact cc WHERE cc.la_code = k.la_code " \
	"        AND cc.case_id = k.case_id " \
	"      ORDER BY cc.contact_at DESC LIMIT 3) x) END " \
	"    AS closure_contacts "

/*
 * Summary: the child, the case and its clocks in school days (since
 * referral, since the last contact, the 10-day mark and the LA's
 * enquiries clock). It also answers for the header, so that opening a
 * record on the Summary tab is one statement.
 */
#define QUERY_DETAIL_SUMMARY \
	"WITH " QUERY_DETAIL_CASE_CTE \
	"SELECT ch.child_id, " \
	"  ch.legal_forename || ' ' || upper(ch.legal_surname) AS name, " \
	"  concat_ws(' ', ch.legal_forename, ch.legal_middle_names, " \
	"    ch.legal_surname) AS legal_name, " \
	"  coalesce(nullif(concat_ws(' ', ch.preferred_forename, " \
	"    ch.preferred_surname), ''), '') AS preferred_name, " \
	"  ch.upn, to_char(ch.dob, 'YYYY-MM-DD') AS dob, " \
	"  CASE ch.sex WHEN 'M' THEN 'male' WHEN 'F' THEN 'female' " \
	"    ELSE 'not known' END AS sex, " \
	"  (SELECT concat_ws(', ', a.line1, a.line2, a.town, a.postcode) " \
	"     FROM cme.address a WHERE a.la_code = ch.la_code " \
	"      AND a.child_id = ch.child_id AND a.valid_to IS NULL " \
	"     ORDER BY a.valid_from DESC LIMIT 1) AS address, " \
	"  (SELECT s.name || ' (' || s.laestab || ')' || " \
	"      CASE WHEN e.ends IS NULL THEN '' " \
	"      ELSE ', left ' || to_char(e.ends, 'YYYY-MM-DD') || " \
	"        coalesce(' (ground ' || e.deletion_ground || ')', '') END " \
	"     FROM cme.enrolment e JOIN cme.school s ON s.laestab = e.laestab " \
	"     WHERE e.la_code = ch.la_code AND e.child_id = ch.child_id " \
	"     ORDER BY e.starts DESC LIMIT 1) AS school, " \
	"  concat_ws(', ', " \
	"    CASE ch.sen WHEN 'sen_support' THEN 'SEN support' " \
	"      WHEN 'ehcp' THEN 'EHCP' END, " \
	"    CASE WHEN ch.child_in_need THEN 'child in need' END, " \
	"    CASE WHEN ch.child_protection THEN 'child protection' END, " \
	"    CASE WHEN ch.looked_after THEN 'looked after' END, " \
	"    CASE WHEN ch.young_carer THEN 'young carer' END, " \
	"    CASE WHEN ch.grt THEN 'GRT' END, " \
	"    CASE WHEN ch.service_child THEN 'service child' END) AS flags, " \
	"  (SELECT string_agg(concat_ws(' ', n.forename, n.surname) || ' (' || " \
	"      n.kind || ')', '; ' ORDER BY n.kind, n.surname) " \
	"     FROM cme.child_name n WHERE n.la_code = ch.la_code " \
	"      AND n.child_id = ch.child_id) AS other_names, " \
	"  ch.ehe_status, ch.restricted, " \
	"  has_table_privilege('cme.audit_log', 'SELECT') AS can_read_audit, " \
	"  k.case_id, k.version AS case_version, k.status AS case_status, " \
	"  r.label AS case_reason, " \
	"  to_char(k.referred_on, 'YYYY-MM-DD') AS referred_on, " \
	"  k.status IN ('referred', 'enquiries', 'escalated') AS case_open, " \
	"  " QUERY_SCHOOL_DAYS_BETWEEN("k.la_code", "k.referred_on", \
	    "coalesce(k.closed_on, k.located_on, current_date)") \
	"    AS days_open, " \
	"  coalesce(ls.enquiries_clock_days, 20) AS clock_limit, " \
	"  to_char(" QUERY_ADD_SCHOOL_DAYS("k.la_code", "k.referred_on", \
	    "10") ", 'YYYY-MM-DD') AS mark10_on, " \
	"  to_char(" QUERY_ADD_SCHOOL_DAYS("k.la_code", "k.referred_on", \
	    "coalesce(ls.enquiries_clock_days, 20)") ", 'YYYY-MM-DD') " \
	"    AS clock_due_on, " \
	"  to_char(lc.last_at, 'YYYY-MM-DD') AS last_contact, " \
	"  " QUERY_SCHOOL_DAYS_BETWEEN("k.la_code", "lc.last_at::date", \
	    "current_date") " AS since_contact, " \
	"  coalesce(st.display_name, k.assigned_to::text) AS assigned_to, " \
	"  to_char(k.located_on, 'YYYY-MM-DD') AS located_on, " \
	"  to_char(k.closed_on, 'YYYY-MM-DD') AS closed_on, " \
	"  o.label AS outcome, " \
	QUERY_DETAIL_CLOSURE_REQUEST \
	"FROM cme.child ch " \
	"LEFT JOIN k ON true " \
	"LEFT JOIN cme.cme_reason r ON r.code = k.reason " \
	"LEFT JOIN cme.la_settings ls ON ls.la_code = ch.la_code " \
	"LEFT JOIN LATERAL (SELECT max(cc.contact_at) AS last_at " \
	"  FROM cme.case_contact cc " \
	"  WHERE cc.la_code = k.la_code AND cc.case_id = k.case_id) lc ON true " \
	"LEFT JOIN cme.staff st ON st.la_code = k.la_code " \
	"  AND st.role_name = k.assigned_to " \
	"LEFT JOIN cme.case_outcome o ON o.code = k.closure_outcome " \
	"WHERE ch.child_id = $1::bigint AND ch.la_code = $2::smallint"

/*
 * Timeline: one dated list, newest first, of contacts (a correction
 * straight after the contact it corrects, followed down the chain),
 * register returns, alerts raised and resolved, joining and leaving
 * schools, and the case's own events. at is seconds since the epoch
 * (for merging with the audit rows below); day the date shown; kind a
 * short word (a contact's is its channel: visit, phone, letter, email,
 * meeting, agency); text leads with what matters most (a contact's
 * outcome), as the pane cuts it at its edge.
 */
#define QUERY_DETAIL_TIMELINE \
	"WITH RECURSIVE cs AS (SELECT c.* FROM cme.cme_case c " \
	"  WHERE c.la_code = $2::smallint AND c.child_id = $1::bigint), " \
	"kc AS (SELECT k.* FROM cme.case_contact k JOIN cs " \
	"  ON cs.la_code = k.la_code AND cs.case_id = k.case_id), " \
	"ct AS (SELECT kc.contact_id, kc.contact_id AS root, " \
	"    kc.contact_at AS root_at, 0 AS depth " \
	"  FROM kc WHERE kc.amends_contact_id IS NULL " \
	"  UNION ALL " \
	"  SELECT kc.contact_id, ct.root, ct.root_at, ct.depth + 1 " \
	"  FROM ct JOIN kc ON kc.amends_contact_id = ct.contact_id) " \
	"SELECT extract(epoch FROM ev.at) AS at, ev.day, ev.kind, ev.text, " \
	"  ev.amendment, CASE WHEN ev.grp <> 0 THEN ev.grp END AS contact_id " \
	"FROM (" \
	" SELECT ct.root_at AS at, ct.root AS grp, ct.depth AS sub, " \
	"   kc.recorded_at AS at2, " \
	"   to_char(CASE WHEN ct.depth > 0 THEN kc.recorded_at " \
	"     ELSE kc.contact_at END, 'YYYY-MM-DD') AS day, " \
	"   CASE WHEN ct.depth > 0 THEN 'amended' " \
	"     WHEN kc.kind = 'home_visit' THEN 'visit' " \
	"     WHEN kc.kind = 'agency_check' THEN 'agency' " \
	"     ELSE kc.kind END AS kind, " \
	"   CASE WHEN ct.depth > 0 THEN 'correction (' || " \
	"     replace(kc.kind, '_', ' ') || '): ' ELSE '' END || " \
	"   kc.outcome || ' - ' || kc.with_whom || " \
	"   CASE WHEN kc.note <> '' THEN ': ' || " \
	"     regexp_replace(kc.note, '\\s+', ' ', 'g') ELSE '' END || " \
	"   ' [' || coalesce(s.display_name, kc.recorded_by::text) || ']' " \
	"     AS text, " \
	"   ct.depth > 0 AS amendment " \
	" FROM ct JOIN kc ON kc.contact_id = ct.contact_id " \
	" LEFT JOIN cme.staff s ON s.la_code = kc.la_code " \
	"   AND s.role_name = kc.recorded_by " \
	" UNION ALL " \
	" SELECT r.event_date::timestamptz, 0, 0, r.received_at, " \
	"   to_char(r.event_date, 'YYYY-MM-DD'), 'return', " \
	"   CASE r.kind WHEN 'new_pupil' THEN 'new pupil return' " \
	"     WHEN 'deletion' THEN 'deletion return' " \
	"     WHEN 'absence_10_day' THEN '10-day absence return' " \
	"     WHEN 'sickness_15_day' THEN '15-day sickness return' " \
	"     ELSE r.kind END || ' from ' || " \
	"   coalesce(sc.name, r.laestab::text) || " \
	"   CASE WHEN r.kind = 'deletion' THEN ': ground (' || r.ground || " \
	"     ') ' || coalesce(g.summary, '') || '; destination ' || " \
	"     coalesce(d.name || ' (' || r.destination_laestab || ')', " \
	"       'unknown (XXXXXXX)') ELSE '' END, false " \
	" FROM cme.register_return r " \
	" LEFT JOIN cme.school sc ON sc.laestab = r.laestab " \
	" LEFT JOIN cme.deletion_ground g ON g.ground = r.ground " \
	" LEFT JOIN cme.school d ON d.laestab = r.destination_laestab " \
	" WHERE r.la_code = $2::smallint AND r.child_id = $1::bigint " \
	" UNION ALL " \
	" SELECT a.raised_at, 0, 0, a.raised_at, " \
	"   to_char(a.raised_at, 'YYYY-MM-DD'), 'alert', " \
	"   'raised: ' || ru.label || ' (' || a.severity || ')', false " \
	" FROM cme.alert a JOIN cme.alert_rule ru ON ru.rule = a.rule " \
	" WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	" UNION ALL " \
	" SELECT a.resolved_at, 0, 0, a.resolved_at, " \
	"   to_char(a.resolved_at, 'YYYY-MM-DD'), 'alert', " \
	"   'resolved: ' || ru.label || coalesce(' - ' || " \
	"     regexp_replace(a.resolution_note, '\\s+', ' ', 'g'), '') || " \
	"   ' (' || coalesce(s.display_name, a.resolved_by::text) || ')', " \
	"   false " \
	" FROM cme.alert a JOIN cme.alert_rule ru ON ru.rule = a.rule " \
	" LEFT JOIN cme.staff s ON s.la_code = a.la_code " \
	"   AND s.role_name = a.resolved_by " \
	" WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	"   AND a.resolved_at IS NOT NULL " \
	" UNION ALL " \
	" SELECT e.starts::timestamptz, 0, 0, e.starts::timestamptz, " \
	"   to_char(e.starts, 'YYYY-MM-DD'), 'school', " \
	"   'joined ' || sc.name || ' (' || e.laestab || ')' || " \
	"   CASE WHEN e.dual_registered THEN ', dual registered' ELSE '' END, " \
	"   false " \
	" FROM cme.enrolment e JOIN cme.school sc ON sc.laestab = e.laestab " \
	" WHERE e.la_code = $2::smallint AND e.child_id = $1::bigint " \
	" UNION ALL " \
	" SELECT e.ends::timestamptz, 0, 0, e.ends::timestamptz, " \
	"   to_char(e.ends, 'YYYY-MM-DD'), 'school', " \
	"   'left ' || sc.name || ' (' || e.laestab || ')' || " \
	"   coalesce(': ground (' || e.deletion_ground || ') ' || g.summary, " \
	"     '') || '; destination ' || coalesce(d.name || ' (' || " \
	"     e.destination_laestab || ')', 'unknown (XXXXXXX)'), false " \
	" FROM cme.enrolment e JOIN cme.school sc ON sc.laestab = e.laestab " \
	" LEFT JOIN cme.deletion_ground g ON g.ground = e.deletion_ground " \
	" LEFT JOIN cme.school d ON d.laestab = e.destination_laestab " \
	" WHERE e.la_code = $2::smallint AND e.child_id = $1::bigint " \
	"   AND e.ends IS NOT NULL " \
	" UNION ALL " \
	" SELECT c.referred_on::timestamptz, 0, 0, c.created_at, " \
	"   to_char(c.referred_on, 'YYYY-MM-DD'), 'case', " \
	"   'case ' || c.case_id || ' opened: referred by ' || " \
	"   replace(c.source, '_', ' ') || coalesce('; ' || r.label, ''), " \
	"   false " \
	" FROM cs c LEFT JOIN cme.cme_reason r ON r.code = c.reason " \
	" UNION ALL " \
	" SELECT c.located_on::timestamptz, 0, 0, c.located_on::timestamptz, " \
	"   to_char(c.located_on, 'YYYY-MM-DD'), 'case', " \
	"   'case ' || c.case_id || ': child located', false " \
	" FROM cs c WHERE c.located_on IS NOT NULL " \
	" UNION ALL " \
	" SELECT c.escalated_at, 0, 0, c.escalated_at, " \
	"   to_char(c.escalated_at, 'YYYY-MM-DD'), 'case', " \
	"   'case ' || c.case_id || ' escalated to children''s social " \
	"care: ' || c.escalation_reason, false " \
	" FROM cs c WHERE c.escalated_at IS NOT NULL " \
	" UNION ALL " \
	" SELECT c.closure_requested_at, 0, 0, c.closure_requested_at, " \
	"   to_char(c.closure_requested_at, 'YYYY-MM-DD'), 'case', " \
	"   'case ' || c.case_id || ': closure requested by ' || " \
	"   coalesce(s.display_name, c.closure_requested_by::text) || " \
	"   coalesce(' - ' || o.label, '') || coalesce(': ' || " \
	"     regexp_replace(c.closure_note, '\\s+', ' ', 'g'), ''), false " \
	" FROM cs c LEFT JOIN cme.staff s ON s.la_code = c.la_code " \
	"   AND s.role_name = c.closure_requested_by " \
	" LEFT JOIN cme.case_outcome o ON o.code = c.closure_outcome " \
	" WHERE c.closure_requested_at IS NOT NULL " \
	" UNION ALL " \
	" SELECT c.closure_decided_at, 0, 0, c.closure_decided_at, " \
	"   to_char(c.closure_decided_at, 'YYYY-MM-DD'), 'case', " \
	"   'case ' || c.case_id || ': closure ' || c.closure_decision || " \
	"   ' by ' || coalesce(s.display_name, c.closure_decided_by::text) || " \
	"   CASE WHEN c.closure_decision = 'approved' THEN '; case closed ' " \
	"     || coalesce(to_char(c.closed_on, 'YYYY-MM-DD'), '') " \
	"     ELSE '' END, false " \
	" FROM cs c LEFT JOIN cme.staff s ON s.la_code = c.la_code " \
	"   AND s.role_name = c.closure_decided_by " \
	" WHERE c.closure_decided_at IS NOT NULL " \
	" UNION ALL " \
	" SELECT c.updated_at, 0, 0, c.updated_at, " \
	"   to_char(c.updated_at, 'YYYY-MM-DD'), 'case', " \
	"   'case ' || c.case_id || ' transferred to ' || " \
	"   coalesce(l.name, c.transfer_la::text), false " \
	" FROM cs c LEFT JOIN cme.la l ON l.la_code = c.transfer_la " \
	" WHERE c.status = 'transferred' " \
	") ev " \
	"ORDER BY ev.at DESC, ev.grp DESC, ev.sub, ev.at2"

/*
 * Timeline, for roles that may read the audit log (admins, auditors;
 * 010_security.sql): the status changes of the child's cases, with who
 * made them. Same columns as QUERY_DETAIL_TIMELINE.
 */
#define QUERY_DETAIL_TIMELINE_AUDIT \
	"SELECT extract(epoch FROM a.at) AS at, " \
	"  to_char(a.at, 'YYYY-MM-DD') AS day, 'case' AS kind, " \
	"  'case ' || a.entity_key || CASE " \
	"    WHEN a.after ? 'status' THEN ' status ' || " \
	"      coalesce(a.before ->> 'status', '?') || ' -> ' || " \
	"      (a.after ->> 'status') " \
	"    WHEN a.after ? 'assigned_to' THEN ' assigned to ' || " \
	"      coalesce(a.after ->> 'assigned_to', 'the team') || ' (was ' || " \
	"      coalesce(a.before ->> 'assigned_to', 'the team') || ')' " \
	"    ELSE ' changed' END || ' (' || " \
	"  coalesce(s.display_name, a.actor::text) || ')' AS text, " \
	"  false AS amendment " \
	"FROM cme.audit_log a " \
	"LEFT JOIN cme.staff s ON s.la_code = a.la_code " \
	"  AND s.role_name = a.actor " \
	"WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	"  AND a.entity = 'cme_case' AND a.action = 'update' " \
	"  AND a.after ? 'status' " \
	"ORDER BY a.at DESC"

/* Attendance: the DfE codes (reference data, 34 rows). */
#define QUERY_DETAIL_ATT_CODES \
	"SELECT packed, code, category FROM cme.attendance_code ORDER BY sort"

/*
 * A CTE, not a statement: the academic year the Attendance tab shows,
 * the latest one (up to the current) in which the child has marks, else
 * the current one.
 */
#define QUERY_DETAIL_ATT_YEAR_CTE \
	"y AS (SELECT coalesce(" \
	"  (SELECT max(t.academic_year) FROM cme.attendance a " \
	"    JOIN cme.term t ON t.la_code = a.la_code " \
	"      AND t.term_id = a.term_id " \
	"    WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	"      AND t.starts <= current_date), " \
	"  (SELECT max(t.academic_year) FROM cme.term t " \
	"    WHERE t.la_code = $2::smallint AND t.starts <= current_date), " \
	"  (SELECT min(t.academic_year) FROM cme.term t " \
	"    WHERE t.la_code = $2::smallint)) AS year) "

/* The year's terms, and the server's today. */
#define QUERY_DETAIL_ATT_TERMS \
	"WITH " QUERY_DETAIL_ATT_YEAR_CTE \
	"SELECT t.term_id, t.name, t.academic_year, " \
	"  to_char(t.starts, 'YYYY-MM-DD') AS starts, " \
	"  to_char(t.ends, 'YYYY-MM-DD') AS ends, " \
	"  to_char(current_date, 'YYYY-MM-DD') AS today " \
	"FROM y JOIN cme.term t ON t.la_code = $2::smallint " \
	"  AND t.academic_year = y.year " \
	"ORDER BY t.starts"

/* The non-school days inside the year's terms (INSET, half terms...). */
#define QUERY_DETAIL_ATT_CLOSED \
	"WITH " QUERY_DETAIL_ATT_YEAR_CTE \
	"SELECT to_char(n.day, 'YYYY-MM-DD') AS day, n.reason " \
	"FROM y JOIN cme.term t ON t.la_code = $2::smallint " \
	"  AND t.academic_year = y.year " \
	"JOIN cme.non_school_day n ON n.la_code = t.la_code " \
	"  AND n.day BETWEEN t.starts AND t.ends " \
	"ORDER BY n.day"

/* The LA's thresholds ($1 LA); no row means the defaults. */
#define QUERY_DETAIL_ATT_SETTINGS \
	"SELECT persistent_absence_pct::text AS persistent, " \
	"  severe_absence_pct::text AS severe, unauth_streak_days, " \
	"  n_code_grace_days, min_possible_sessions " \
	"FROM cme.la_settings WHERE la_code = $1::smallint"

/* The packed marks: one primary-key range read for the child. */
#define QUERY_DETAIL_ATT_MARKS \
	"WITH " QUERY_DETAIL_ATT_YEAR_CTE \
	"SELECT a.term_id, a.laestab, s.name AS school, a.marks " \
	"FROM cme.attendance a JOIN cme.school s ON s.laestab = a.laestab " \
	"WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	"  AND a.term_id IN (SELECT t.term_id FROM cme.term t, y " \
	"    WHERE t.la_code = $2::smallint AND t.academic_year = y.year) " \
	"ORDER BY a.term_id, a.laestab"

/*
 * Enquiries: the reasonable-enquiries checklist of the case, every item
 * in its order (no row yet: not started). No rows: no case.
 */
#define QUERY_DETAIL_ENQUIRIES \
	"WITH " QUERY_DETAIL_CASE_CTE \
	"SELECT k.case_id, k.status AS case_status, i.item, i.label, " \
	"  e.version, " \
	"  coalesce(e.state, 'not_started') AS state, " \
	"  to_char(e.done_on, 'YYYY-MM-DD') AS done_on, " \
	"  coalesce(s.display_name, e.officer::text) AS officer, e.note " \
	"FROM k CROSS JOIN cme.enquiry_item i " \
	"LEFT JOIN cme.case_enquiry e ON e.la_code = k.la_code " \
	"  AND e.case_id = k.case_id AND e.item = i.item " \
	"LEFT JOIN cme.staff s ON s.la_code = e.la_code " \
	"  AND s.role_name = e.officer " \
	"WHERE i.active OR e.item IS NOT NULL " \
	"ORDER BY i.sort"

/* Family: the people linked to the child, in the order to try them. */
#define QUERY_DETAIL_PEOPLE \
	"SELECT cp.relationship, " \
	"  concat_ws(' ', p.title, p.forename, upper(p.surname)) AS name, " \
	"  cp.parental_responsibility, cp.lives_with, cp.emergency_contact, " \
	"  concat_ws(' / ', p.phone, p.phone_alt) AS phones, p.email, " \
	"  p.address_text, " \
	"  concat_ws('; ', nullif(cp.note, ''), nullif(p.note, '')) AS note " \
	"FROM cme.child_person cp JOIN cme.person p " \
	"  ON p.la_code = cp.la_code AND p.person_id = cp.person_id " \
	"WHERE cp.la_code = $2::smallint AND cp.child_id = $1::bigint " \
	"ORDER BY cp.contact_order, cp.parental_responsibility DESC, " \
	"  p.surname, p.person_id"

/*
 * Family: siblings, i.e. other children linked to a person who has
 * parental responsibility for both, with their current (or last) school.
 */
#define QUERY_DETAIL_SIBLINGS \
	"SELECT sb.name, sb.dob, sb.restricted, sb.via, sb.school FROM (" \
	" SELECT DISTINCT ON (c.child_id) c.child_id, " \
	"  c.legal_forename || ' ' || upper(c.legal_surname) AS name, " \
	"  to_char(c.dob, 'YYYY-MM-DD') AS dob, c.restricted, " \
	"  concat_ws(' ', p.forename, upper(p.surname)) AS via, " \
	"  (SELECT s.name || ' (' || s.laestab || ')' || " \
	"      CASE WHEN e.ends IS NULL THEN '' " \
	"      ELSE ', left ' || to_char(e.ends, 'YYYY-MM-DD') END " \
	"     FROM cme.enrolment e JOIN cme.school s ON s.laestab = e.laestab " \
	"     WHERE e.la_code = c.la_code AND e.child_id = c.child_id " \
	"     ORDER BY e.ends IS NULL DESC, e.starts DESC LIMIT 1) AS school " \
	" FROM cme.child_person me " \
	" JOIN cme.child_person o ON o.la_code = me.la_code " \
	"   AND o.person_id = me.person_id AND o.child_id <> me.child_id " \
	"   AND o.parental_responsibility " \
	" JOIN cme.child c ON c.la_code = o.la_code AND c.child_id = o.child_id " \
	" JOIN cme.person p ON p.la_code = me.la_code " \
	"   AND p.person_id = me.person_id " \
	" WHERE me.la_code = $2::smallint AND me.child_id = $1::bigint " \
	"   AND me.parental_responsibility " \
	" ORDER BY c.child_id, p.person_id) sb " \
	"ORDER BY sb.dob, sb.name"

/* Family: the child's addresses, current first, then newest first. */
#define QUERY_DETAIL_ADDRESSES \
	"SELECT a.kind, concat_ws(', ', a.line1, a.line2, a.line3, a.town, " \
	"    a.postcode, nullif(a.country, 'GB')) AS address, " \
	"  to_char(a.valid_from, 'YYYY-MM-DD') AS valid_from, " \
	"  to_char(a.valid_to, 'YYYY-MM-DD') AS valid_to, a.note " \
	"FROM cme.address a " \
	"WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	"ORDER BY a.valid_to IS NULL DESC, a.valid_from DESC, a.address_id DESC"

/*
 * Alerts: the child's alerts, open ones first, newest first; age in
 * school days up to today (open) or to the resolution.
 */
#define QUERY_DETAIL_ALERTS \
	"SELECT a.alert_id, r.label, a.severity, a.status, " \
	"  to_char(a.raised_at, 'YYYY-MM-DD') AS raised, " \
	"  " QUERY_SCHOOL_DAYS_BETWEEN("a.la_code", "a.raised_at::date", \
	    "coalesce(a.resolved_at::date, current_date)") " AS age, " \
	"  coalesce(s.display_name, a.assigned_to::text, " \
	"    t.name || ' (team queue)') AS assigned, " \
	"  to_char(a.snooze_until, 'YYYY-MM-DD') AS snooze_until, " \
	"  to_char(a.resolved_at, 'YYYY-MM-DD') AS resolved, " \
	"  coalesce(rs.display_name, a.resolved_by::text) AS resolved_by, " \
	"  a.resolution_note " \
	"FROM cme.alert a JOIN cme.alert_rule r ON r.rule = a.rule " \
	"LEFT JOIN cme.staff s ON s.la_code = a.la_code " \
	"  AND s.role_name = a.assigned_to " \
	"LEFT JOIN cme.team t ON t.la_code = a.la_code " \
	"  AND t.team_id = a.team_id " \
	"LEFT JOIN cme.staff rs ON rs.la_code = a.la_code " \
	"  AND rs.role_name = a.resolved_by " \
	"WHERE a.la_code = $2::smallint AND a.child_id = $1::bigint " \
	"ORDER BY a.status = 'resolved', a.raised_at DESC, a.alert_id DESC"

/*
 * Search (src/model/search.c): $1 the tidied text, $2 its kind ('name',
 * 'upn', 'dob', 'postcode'), $3 the most rows. cme.search_children, a
 * definer function (012_search.sql), finds ids in the caller's LA with
 * the trigram and sounds-like indexes; the join reads the children
 * through row-level security. One row per child, best match first, with
 * what matched and how ('legal name', 'alias', 'sounds like', 'former
 * UPN', 'similar UPN', 'date of birth', 'postcode', ...), and the
 * child's open case, if any.
 */
#define QUERY_SEARCH_CHILDREN \
	"SELECT s.la_code, s.child_id, s.score, s.matched, s.how, " \
	"  upper(ch.legal_surname) || ', ' || ch.legal_forename " \
	"    AS child_name, " \
	"  coalesce(ch.upn, '') AS upn, to_char(ch.dob, 'YYYY-MM-DD') AS dob, " \
	"  coalesce(c.case_id::text, '') AS case_id, " \
	"  coalesce(c.status, '') AS case_status " \
	"FROM cme.search_children($1::text, $3::int, $2::text) s " \
	"JOIN cme.child ch ON ch.la_code = s.la_code " \
	"  AND ch.child_id = s.child_id " \
	"LEFT JOIN cme.cme_case c ON c.la_code = ch.la_code " \
	"  AND c.child_id = ch.child_id " \
	"  AND c.status NOT IN ('closed', 'transferred') " \
	"ORDER BY s.score DESC, s.matched, s.child_id"

/*
 * Saved queues (src/model/saved_queue.c), the caller's own: row-level
 * security shows nobody else's. List: name, list kind, pattern, position.
 */
#define QUERY_QUEUE_LIST \
	"SELECT q.queue_id, q.name, q.kind, q.pattern, q.position " \
	"FROM cme.saved_queue q WHERE q.owner = current_user " \
	"ORDER BY q.position, q.name"

/*
 * Save a queue: $1 name, $2 kind, $3 pattern, $4 replace (boolean). A new
 * name goes last. When the caller already has a queue of that name it is
 * replaced only if $4 is true; otherwise no row comes back, which means
 * "ask before replacing".
 */
#define QUERY_QUEUE_SAVE \
	"INSERT INTO cme.saved_queue AS q (la_code, name, kind, pattern, " \
	"  position) " \
	"VALUES ((SELECT cme.staff_la(current_user)), $1::text, $2::text, " \
	"  $3::text, (SELECT coalesce(max(s.position) + 1, 0)::smallint " \
	"    FROM cme.saved_queue s WHERE s.owner = current_user)) " \
	"ON CONFLICT (la_code, owner, name) DO UPDATE " \
	"  SET kind = EXCLUDED.kind, pattern = EXCLUDED.pattern " \
	"  WHERE $4::boolean " \
	"RETURNING q.queue_id, q.name, q.position"

/* Delete the caller's queue named $1; a row back when there was one. */
#define QUERY_QUEUE_DELETE \
	"DELETE FROM cme.saved_queue q " \
	"WHERE q.owner = current_user AND q.name = $1::text " \
	"RETURNING q.queue_id"

/* Move the caller's queue named $1 to position $2. */
#define QUERY_QUEUE_MOVE \
	"UPDATE cme.saved_queue q SET position = $2::smallint " \
	"WHERE q.owner = current_user AND q.name = $1::text " \
	"RETURNING q.queue_id"

#endif /* CME_MODEL_QUERIES_H */
