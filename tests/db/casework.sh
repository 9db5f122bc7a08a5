#!/bin/sh
# tests/db/casework.sh — the casework rules of 013_casework.sql.
#
#  - t_alex (caseworker, 830) opens a case: referred, assigned to t_alex,
#    team North, the reasonable-enquiries checklist seeded; a second open
#    case for the child is refused (23505); other roles and LAs are refused;
#  - status transitions allowed and refused (CM002, 22023), stale versions
#    (CM001);
#  - contact_record is idempotent on its key (same id, one row), amendments
#    link to a contact of the same case; case_contact refuses UPDATE and
#    DELETE for every role;
#  - enquiry_set with a version conflict (CM001) and a done state without a
#    date (22023);
#  - four-eyes closure: nobody decides their own request (42501, also by
#    direct SQL), a caseworker cannot decide, another supervisor approves
#    and the case closes; a rejection clears the request;
#  - t_casey (886) cannot touch the case; every action wrote its audit row.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# CME_PG_SUPERUSER. Builds cme_t_casework (the fixture plus a second 830
# supervisor, t_sup2).

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_casework

# su SQL: superuser query on $DB, tuples only.
su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "$DB" \
	    -c "$1" 2>&1
}
# as ROLE SQL: one statement as ROLE, errors as SQLSTATEs.
as() {
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -c "$2" 2>&1
}
# asm ROLE SQL: the same with the error message.
asm() {
	psql -X -q -At -U "$1" -d "$DB" -c "$2" 2>&1
}
# ver CASE: the case's version.
ver() {
	su "SELECT version FROM cme.cme_case WHERE la_code = 830
	    AND case_id = $1"
}
# ever CASE ITEM: the checklist row's version.
ever() {
	su "SELECT version FROM cme.case_enquiry WHERE la_code = 830
	    AND case_id = $1 AND item = '$2'"
}
# actions: the case_* audit rows of case $cid, in order.
actions() {
	su "SELECT string_agg(actor || ':' || action, ',' ORDER BY audit_id)
	    FROM cme.audit_log WHERE la_code = 830 AND action LIKE 'case\_%'
	    AND (entity_key = '$cid' OR entity_key LIKE '$cid/%')"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' \
    >/dev/null 2>&1; then
	not_ok "casework: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi

fresh_db "$DB"
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "casework: load tests/db/fixture.sql" "$_out"
	exit 1
fi
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" 2>&1 <<'SQL'
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_sup2') THEN
		CREATE ROLE t_sup2 LOGIN;
	END IF;
	ALTER ROLE t_sup2 LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB
	    NOCREATEROLE INHERIT;
	GRANT cme_supervisor TO t_sup2;
END
$$;
INSERT INTO cme.staff (la_code, role_name, team_id, display_name, kind)
VALUES (830, 't_sup2', 2, 'Second Supervisor', 'supervisor');
SQL
)
then
	not_ok "casework: crafted supervisor t_sup2" "$_out"
	exit 1
fi
ok "casework: fixture and t_sup2 loaded"

# --------------------------------------------------------------- open
audit0=$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830")
cid=$(as t_alex "SELECT case_id FROM cme.case_open(8303, 'school',
    'whereabouts_unknown', current_date - 3, 'left without a destination')")
case $cid in
*[!0-9]* | '')
	not_ok "open: t_alex opens a case for child 8303" "$cid"
	exit 1
	;;
esac
ok "open: t_alex opens case $cid for child 8303"
is "open: referred, assigned to t_alex, team 1, version 1" \
    "$(su "SELECT concat_ws(' ', status, assigned_to, team_id, version,
	source, referred_on = current_date - 3)
	FROM cme.cme_case WHERE la_code = 830 AND case_id = $cid")" \
    "referred t_alex 1 1 school t"
is "open: one not_started checklist row per active enquiry item" \
    "$(su "SELECT count(*) FILTER (WHERE e.state = 'not_started'
		AND e.done_on IS NULL) || '/' || count(*)
	FROM cme.case_enquiry e WHERE e.la_code = 830 AND e.case_id = $cid")" \
    "$(su "SELECT count(*) || '/' || count(*) FROM cme.enquiry_item
	WHERE active")"
got=$(asm t_alex "SELECT case_id FROM cme.case_open(8303, 'school', NULL,
    current_date, NULL)")
like "open: a second open case for the child is refused" "$got" \
    "child 8303 already has an open case ($cid)"
got=$(as t_sam "SELECT case_id FROM cme.case_open(8302, 'school', NULL,
    current_date, NULL)")
like "open: the fixture's open case of 8302 blocks another (23505)" \
    "$got" "ERROR:  23505"
got=$(as t_alex "SELECT case_id FROM cme.case_open(8303, 'nowhere', NULL,
    current_date, NULL)")
like "open: a bad source is refused (22023)" "$got" "ERROR:  22023"
got=$(as t_alex "SELECT case_id FROM cme.case_open(8301, 'school', NULL,
    current_date + 1, NULL)")
like "open: a referral date in the future is refused (22023)" "$got" \
    "ERROR:  22023"
got=$(as t_casey "SELECT case_id FROM cme.case_open(8301, 'school', NULL,
    current_date, NULL)")
like "open: t_casey (886) cannot open a case for an 830 child (42501)" \
    "$got" "ERROR:  42501"
for r in t_ada t_aud t_school; do
	got=$(as "$r" "SELECT case_id FROM cme.case_open(8301, 'school', NULL,
	    current_date, NULL)")
	like "open: $r cannot open a case (42501)" "$got" "ERROR:  42501"
done
for r in t_alex t_sam t_ada; do
	got=$(as "$r" "INSERT INTO cme.cme_case (la_code, child_id, source,
	    referred_on) VALUES (830, 8301, 'school', current_date)")
	like "open: $r cannot INSERT into cme_case directly" "$got" \
	    "ERROR:  42501"
done
nact=1

# ------------------------------------------------------------- status
got=$(as t_alex "SELECT status || ' ' || version FROM
    cme.case_set_status($cid, 1, 'enquiries', 'starting enquiries')")
is "status: referred -> enquiries" "$got" "enquiries 2"
nact=$((nact + 1))
got=$(as t_alex "SELECT status FROM cme.case_set_status($cid, 1,
    'located', NULL)")
like "status: a stale version is refused (CM001)" "$got" "ERROR:  CM001"
got=$(as t_alex "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'referred', NULL)")
like "status: back to referred is refused (22023)" "$got" "ERROR:  22023"
got=$(asm t_alex "SELECT status FROM cme.case_set_status($cid,
    $(ver "$cid"), 'closed', NULL)")
like "status: closed is not settable here" "$got" \
    "status \"closed\" cannot be set here"
got=$(as t_alex "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'transferred', NULL)")
like "status: transferred is not settable here (22023)" "$got" \
    "ERROR:  22023"
got=$(as t_alex "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'escalated', '  ')")
like "status: escalation without a reason is refused (22023)" "$got" \
    "ERROR:  22023"
got=$(as t_alex "SELECT status || ' ' || escalation_reason FROM
    cme.case_set_status($cid, $(ver "$cid"), 'escalated', 'safeguarding')")
is "status: enquiries -> escalated with a reason" "$got" \
    "escalated safeguarding"
nact=$((nact + 1))
got=$(as t_alex "SELECT status || ' ' || (located_on = current_date) FROM
    cme.case_set_status($cid, $(ver "$cid"), 'located', 'found at aunt''s')")
is "status: escalated -> located sets located_on" "$got" "located true"
nact=$((nact + 1))
got=$(asm t_alex "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'enquiries', NULL)")
like "status: located -> enquiries is refused" "$got" \
    "cannot go from located to enquiries"
got=$(as t_alex "SELECT status FROM cme.case_set_status(2, $(ver 2),
    'enquiries', NULL)")
like "status: a closed case does not change (CM002)" "$got" "ERROR:  CM002"
got=$(as t_casey "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'escalated', 'x')")
like "status: t_casey (886) cannot touch the case (42501)" "$got" \
    "ERROR:  42501"
got=$(as t_ada "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'escalated', 'x')")
like "status: t_ada (admin) cannot set the status (42501)" "$got" \
    "ERROR:  42501"
for r in t_alex t_sam t_ada; do
	got=$(as "$r" "UPDATE cme.cme_case SET status = 'enquiries'
	    WHERE case_id = $cid")
	like "status: $r cannot UPDATE cme_case directly" "$got" \
	    "ERROR:  42501"
done
got=$(as t_alex "SELECT status FROM cme.case_transfer($cid, $(ver "$cid"),
    830::smallint, 'x')")
like "transfer: to one's own LA is refused (22023)" "$got" "ERROR:  22023"

# ----------------------------------------------------------- contacts
K=11111111-1111-4111-8111-111111111111
sql="SELECT cme.contact_record($cid, '$K', 'phone', now() - interval '1 hour',
    'aunt', 'child is with her', 'first call')"
c1=$(as t_alex "$sql")
case $c1 in
*[!0-9]* | '') not_ok "contacts: t_alex records a contact" "$c1" ;;
*) ok "contacts: t_alex records contact $c1" ;;
esac
c1b=$(as t_alex "$sql")
is "contacts: a retry with the same key returns the same id" "$c1b" "$c1"
c1c=$(as t_alex "SELECT cme.contact_record($cid, '$K', 'letter', now(),
    'someone else', 'other', 'a different body')")
is "contacts: a retry with other fields still returns the same id" \
    "$c1c" "$c1"
is "contacts: the key is stored once, unchanged" \
    "$(su "SELECT count(*) || ' ' || min(note) || ' ' || min(recorded_by)
	FROM cme.case_contact WHERE la_code = 830 AND idem_key = '$K'")" \
    "1 first call t_alex"
got=$(as t_alex "SELECT cme.contact_record(1, '$K', 'phone', now(),
    'x', 'y', NULL)")
like "contacts: the key reused on another case is refused (22023)" \
    "$got" "ERROR:  22023"
c2=$(as t_alex "SELECT cme.contact_record($cid,
    '22222222-2222-4222-8222-222222222222', 'phone',
    now() - interval '1 hour', 'aunt', 'child is with her',
    'first call (time corrected)', $c1)")
is "contacts: an amendment links to the original" \
    "$(su "SELECT amends_contact_id FROM cme.case_contact
	WHERE la_code = 830 AND contact_id = '${c2:-0}'")" "$c1"
got=$(as t_alex "SELECT cme.contact_record($cid,
    '33333333-3333-4333-8333-333333333333', 'phone', now(), 'x', 'y', NULL,
    1)")
like "contacts: an amendment of another case's contact is refused" \
    "$got" "ERROR:  22023"
got=$(as t_casey "SELECT cme.contact_record($cid,
    '44444444-4444-4444-8444-444444444444', 'phone', now(), 'x', 'y', NULL)")
like "contacts: t_casey (886) cannot record on an 830 case (42501)" \
    "$got" "ERROR:  42501"
got=$(as t_aud "SELECT cme.contact_record($cid,
    '55555555-5555-4555-8555-555555555555', 'phone', now(), 'x', 'y', NULL)")
like "contacts: t_aud cannot record a contact (42501)" "$got" \
    "ERROR:  42501"
for r in t_alex t_sam t_ada t_casey t_aud; do
	got=$(as "$r" "UPDATE cme.case_contact SET note = 'rewritten'
	    WHERE contact_id = $c1")
	like "contacts: $r cannot UPDATE case_contact" "$got" "ERROR:  42501"
	got=$(as "$r" "DELETE FROM cme.case_contact WHERE contact_id = $c1")
	like "contacts: $r cannot DELETE case_contact" "$got" "ERROR:  42501"
done
got=$(psql -X -q -v VERBOSITY=sqlstate -At -U "$CME_PG_SUPERUSER" -d "$DB" \
    -c "UPDATE cme.case_contact SET note = 'rewritten'
	WHERE contact_id = $c1" 2>&1)
like "contacts: even the superuser cannot UPDATE case_contact" "$got" \
    "ERROR:  42501"
is "contacts: two rows on the case, each audited once" \
    "$(su "SELECT (SELECT count(*) FROM cme.case_contact
		WHERE la_code = 830 AND case_id = $cid) || ' ' ||
	    (SELECT count(*) FROM cme.audit_log WHERE la_code = 830
		AND entity = 'case_contact' AND action = 'insert'
		AND entity_key IN ('$c1', '${c2:-0}') AND actor = 't_alex')")" \
    "2 2"

# ---------------------------------------------------------- enquiries
got=$(as t_alex "SELECT state || ' ' || officer || ' ' || version FROM
    cme.enquiry_set($cid, 'letter', $(ever "$cid" letter), 'done_not_found',
    current_date - 1, 'no reply')")
is "enquiries: t_alex marks the letter done" "$got" \
    "done_not_found t_alex 2"
nact=$((nact + 1))
got=$(as t_sam "SELECT state FROM cme.enquiry_set($cid, 'letter', 1,
    'done_found', current_date, NULL)")
like "enquiries: a stale version is refused (CM001)" "$got" "ERROR:  CM001"
got=$(as t_alex "SELECT state FROM cme.enquiry_set($cid, 'health',
    $(ever "$cid" health), 'done_found', NULL, NULL)")
like "enquiries: a done state without a date is refused (22023)" "$got" \
    "ERROR:  22023"
got=$(as t_alex "SELECT state FROM cme.enquiry_set($cid, 'nonsense', 1,
    'done_found', current_date, NULL)")
like "enquiries: an item not on the checklist is refused (22023)" "$got" \
    "ERROR:  22023"
got=$(as t_casey "SELECT state FROM cme.enquiry_set($cid, 'health',
    $(ever "$cid" health), 'not_applicable', NULL, NULL)")
like "enquiries: t_casey (886) cannot touch the checklist (42501)" \
    "$got" "ERROR:  42501"
for r in t_alex t_sam; do
	got=$(as "$r" "UPDATE cme.case_enquiry SET state = 'not_applicable'
	    WHERE case_id = $cid AND item = 'health'")
	like "enquiries: $r cannot UPDATE case_enquiry directly" "$got" \
	    "ERROR:  42501"
done
got=$(as t_sam "SELECT state || ' ' || officer FROM cme.enquiry_set($cid,
    'health', $(ever "$cid" health), 'not_applicable', NULL, 'n/a')")
is "enquiries: t_sam marks health not applicable (officer = actor)" \
    "$got" "not_applicable t_sam"
nact=$((nact + 1))

# ------------------------------------------------------------ closure
got=$(as t_alex "SELECT closure_requested_by FROM
    cme.case_request_closure($cid, $(ver "$cid"), 'no_such_outcome', NULL)")
like "closure: an unknown outcome is refused (22023)" "$got" "ERROR:  22023"
got=$(as t_alex "SELECT closure_requested_by || ' ' || status FROM
    cme.case_request_closure($cid, $(ver "$cid"), 'on_roll', 'back at school')")
is "closure: t_alex requests closure" "$got" "t_alex located"
nact=$((nact + 1))
got=$(as t_alex "SELECT status FROM cme.case_request_closure($cid,
    $(ver "$cid"), 'on_roll', NULL)")
like "closure: a second request while one is pending (CM002)" "$got" \
    "ERROR:  CM002"
got=$(as t_alex "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'escalated', 'x')")
like "closure: no status change while a request is pending (CM002)" \
    "$got" "ERROR:  CM002"
got=$(as t_alex "SELECT status FROM cme.case_decide_closure($cid,
    $(ver "$cid"), true, NULL)")
like "closure: t_alex (caseworker, requester) cannot decide (42501)" \
    "$got" "ERROR:  42501"
got=$(as t_casey "SELECT status FROM cme.case_decide_closure($cid,
    $(ver "$cid"), true, NULL)")
like "closure: t_casey (886) cannot decide (42501)" "$got" "ERROR:  42501"
for r in t_alex t_sam t_sup2 t_ada; do
	got=$(as "$r" "UPDATE cme.cme_case SET closure_decided_by = '$r',
	    closure_decided_at = now(), closure_decision = 'approved',
	    status = 'closed', closed_on = current_date
	    WHERE case_id = $cid")
	like "closure: $r cannot approve by direct UPDATE" "$got" \
	    "ERROR:  42501"
done
got=$(as t_sup2 "SELECT status FROM cme.case_decide_closure($cid,
    $(ver "$cid"), false, '')")
like "closure: a rejection needs a note (22023)" "$got" "ERROR:  22023"
got=$(as t_sam "SELECT concat_ws(' ', status, closure_requested_by,
    closure_decision, closure_note) FROM cme.case_decide_closure($cid,
    $(ver "$cid"), false, 'check the school roll first')")
is "closure: t_sam rejects: the request is cleared, the note kept" "$got" \
    "located check the school roll first"
nact=$((nact + 1))
got=$(as t_sam "SELECT closure_requested_by FROM
    cme.case_request_closure($cid, $(ver "$cid"), 'on_roll', 'roll checked')")
is "closure: t_sam requests closure himself" "$got" "t_sam"
nact=$((nact + 1))
got=$(asm t_sam "SELECT status FROM cme.case_decide_closure($cid,
    $(ver "$cid"), true, NULL)")
like "closure: t_sam cannot approve his own request" "$got" \
    "cannot decide it (four eyes)"
got=$(as t_sam "SELECT status FROM cme.case_decide_closure($cid,
    $(ver "$cid"), true, NULL)")
like "closure: ... with SQLSTATE 42501" "$got" "ERROR:  42501"
got=$(as t_sam "UPDATE cme.cme_case SET closure_decided_by = 't_sam',
    closure_decided_at = now(), closure_decision = 'approved'
    WHERE case_id = $cid")
like "closure: nor by direct UPDATE (42501)" "$got" "ERROR:  42501"
got=$(psql -X -q -v VERBOSITY=sqlstate -At -U "$CME_PG_SUPERUSER" -d "$DB" \
    -c "UPDATE cme.cme_case SET closure_decided_by = closure_requested_by,
	closure_decided_at = now(), closure_decision = 'approved'
	WHERE la_code = 830 AND case_id = $cid" 2>&1)
like "closure: the table refuses requester = decider even to the superuser" \
    "$got" "ERROR:  23514"
got=$(as t_sup2 "SELECT status FROM cme.case_decide_closure($cid, 1, true,
    NULL)")
like "closure: a stale version is refused (CM001)" "$got" "ERROR:  CM001"
got=$(as t_sup2 "SELECT concat_ws(' ', status, closed_on = current_date,
    closure_requested_by, closure_decided_by, closure_decision,
    closure_outcome) FROM cme.case_decide_closure($cid, $(ver "$cid"), true,
    'agreed')")
is "closure: t_sup2 approves and the case closes" "$got" \
    "closed t t_sam t_sup2 approved on_roll"
nact=$((nact + 1))
got=$(as t_sam "SELECT status FROM cme.case_set_status($cid, $(ver "$cid"),
    'enquiries', NULL)")
like "closure: a closed case takes no status change (CM002)" "$got" \
    "ERROR:  CM002"
got=$(as t_alex "SELECT cme.contact_record($cid,
    '66666666-6666-4666-8666-666666666666', 'phone', now(), 'x', 'y', NULL)")
like "closure: no new contact on a closed case (CM002)" "$got" \
    "ERROR:  CM002"
c3=$(as t_alex "SELECT cme.contact_record($cid, '$K', 'phone', now(),
    'x', 'y', NULL)")
is "closure: a retry of an old contact still answers its id" "$c3" "$c1"

# a new case may be opened once the old one is closed
c4=$(as t_sam "SELECT status || ' ' || assigned_to || ' ' || team_id FROM
    cme.case_open(8303, 'other_la', NULL, current_date, NULL)")
is "open: after closure a new case opens (assigned to t_sam, his team)" \
    "$c4" "referred t_sam 1"

# ------------------------------------------------------------ transfer
tid=$(as t_alex "SELECT case_id FROM cme.case_open(8301, 'parent', NULL,
    current_date, 'moving to Kent')")
got=$(as t_alex "SELECT status FROM cme.case_transfer(${tid:-0},
    $(ver "${tid:-0}"), 999::smallint, NULL)")
like "transfer: to an unknown LA code is refused (22023)" "$got" \
    "ERROR:  22023"
got=$(as t_alex "SELECT status || ' ' || transfer_la FROM
    cme.case_transfer(${tid:-0}, $(ver "${tid:-0}"), 886::smallint,
    'family moved to Kent, handed over')")
is "transfer: t_alex hands the case over to LA 886" "$got" \
    "transferred 886"
got=$(as t_alex "SELECT status FROM cme.case_set_status(${tid:-0},
    $(ver "${tid:-0}"), 'enquiries', NULL)")
like "transfer: a transferred case takes no status change (CM002)" \
    "$got" "ERROR:  CM002"
is "transfer: audited with its note" \
    "$(su "SELECT after ->> 'note' FROM cme.audit_log WHERE la_code = 830
	AND action = 'case_transfer' AND entity_key = '${tid:-0}'")" \
    "family moved to Kent, handed over"

# -------------------------------------------------------------- audit
is "audit: each action on case $cid wrote its own audit row, in order" \
    "$(actions)" \
    "t_alex:case_open,t_alex:case_status,t_alex:case_status,t_alex:case_status,t_alex:case_enquiry_set,t_sam:case_enquiry_set,t_alex:case_request_closure,t_sam:case_reject_closure,t_sam:case_request_closure,t_sup2:case_approve_closure"
is "audit: $nact action rows for $nact successful actions" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830
	AND action LIKE 'case\_%'
	AND (entity_key = '$cid' OR entity_key LIKE '$cid/%')")" "$nact"
is "audit: the row triggers logged the case, its checklist and contacts" \
    "$(su "SELECT count(*) FILTER (WHERE entity = 'cme_case'
		AND action = 'insert') || ' ' ||
	    count(*) FILTER (WHERE entity = 'case_enquiry'
		AND action = 'insert') || ' ' ||
	    count(*) FILTER (WHERE entity = 'case_enquiry'
		AND action = 'update') || ' ' ||
	    count(*) FILTER (WHERE entity = 'cme_case' AND action = 'update')
	FROM cme.audit_log WHERE la_code = 830
	  AND (entity_key = '$cid' OR entity_key LIKE '$cid/%')")" \
    "1 $(su "SELECT count(*) FROM cme.enquiry_item WHERE active") 2 $((nact - 3))"
is "audit: refused attempts wrote nothing to LA 886's chain" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 886
	AND actor <> '$CME_PG_SUPERUSER'")" 0
audit1=$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830")
if [ "$audit1" -gt "$audit0" ]; then
	ok "audit: LA 830's log grew ($audit0 -> $audit1)"
else
	not_ok "audit: LA 830's log grew" "$audit0 -> $audit1"
fi
is "audit: the chain of LA 830 still checks" \
    "$(su "SELECT coalesce(cme.audit_chain_check(830)::text, 'intact')")" \
    intact

psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
exit 0
