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

/* Who am I: display name and LA of the logged-in role. */
#define QUERY_WHOAMI \
	"SELECT s.display_name, l.name AS la_name, s.la_code " \
	"FROM cme.staff s JOIN cme.la l ON l.la_code = s.la_code " \
	"WHERE s.role_name = current_user"

/* One child's summary with its case ($1 child_id, $2 case_id, $3 LA). */
#define QUERY_CHILD_SUMMARY \
	"SELECT ch.child_id, " \
	"  ch.legal_forename || ' ' || upper(ch.legal_surname) AS legal_name, " \
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
	"  c.status AS case_status, r.label AS case_reason, " \
	"  c.referred_on, " \
	"  cme.school_days_between(c.la_code, c.referred_on, current_date) " \
	"    AS days_open, " \
	"  (SELECT string_agg(concat_ws(' ', n.forename, n.surname) || ' (' || " \
	"      n.kind || ')', '; ' ORDER BY n.kind, n.surname) " \
	"     FROM cme.child_name n WHERE n.la_code = ch.la_code " \
	"      AND n.child_id = ch.child_id) AS other_names " \
	"FROM cme.child ch " \
	"LEFT JOIN cme.cme_case c ON c.la_code = ch.la_code " \
	"  AND c.child_id = ch.child_id AND c.case_id = $2::bigint " \
	"LEFT JOIN cme.cme_reason r ON r.code = c.reason " \
	"WHERE ch.child_id = $1::bigint AND ch.la_code = $3::smallint"

#endif /* CME_MODEL_QUERIES_H */
