#!/bin/sh
# tests/db/casework_desk.sh — what 015_casework_desk.sql adds:
#  - cme.draft_key: each login gets its own key, the same one every time
#    (the first offered is kept); nobody reads the table, not even the
#    owner's grantees; a non-staff login gets no key;
#  - cme.case_assign: a supervisor assigns to any officer of the LA; a
#    caseworker may take a case or hand their own back to the team but is
#    refused (42501) assigning to anyone else, even through psql; another
#    LA's case is refused; a stale version is CM001; an officer of another
#    LA is 22023; a batch in one transaction is all or nothing; each
#    assignment writes one audit row with the note; NOTIFY on the LA's
#    channel;
#  - cme.alert_open_case seeds the enquiries checklist and audits the
#    opening, as case_open does.
# Environment: as tests/db/casework.sh. Builds cme_t_desk.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_desk

su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "$DB" \
	    -c "$1" 2>&1
}
as() {	# as ROLE SQL: one statement as ROLE; an error as its SQLSTATE
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -c "$2" 2>&1 |
	    sed 's/^ERROR:  //'
}
ver() {
	su "SELECT version FROM cme.cme_case WHERE case_id = $1"
}
who() {
	su "SELECT coalesce(assigned_to::text, 'team') FROM cme.cme_case
	    WHERE case_id = $1"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' \
    >/dev/null 2>&1; then
	not_ok "desk: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi
fresh_db "$DB"
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "desk: load tests/db/fixture.sql" "$_out"
	exit 1
fi
ok "desk: fixture loaded"

# ------------------------------------------------------------ draft key
k1=$(as t_alex "SELECT encode(cme.draft_key(decode(repeat('11', 32),
    'hex')), 'hex')")
k2=$(as t_alex "SELECT encode(cme.draft_key(decode(repeat('22', 32),
    'hex')), 'hex')")
k3=$(as t_sam "SELECT encode(cme.draft_key(decode(repeat('33', 32),
    'hex')), 'hex')")
is "draft key: the first key offered is the login's" "$k1" \
    "$(printf '11%.0s' $(seq 32))"
is "draft key: the same key every time after" "$k2" "$k1"
is "draft key: another login has its own" "$k3" \
    "$(printf '33%.0s' $(seq 32))"
is "draft key: a key is 32 bytes" \
    "$(as t_sam "SELECT cme.draft_key('\\x00')")" 22023
for r in t_alex t_sam t_ada t_aud; do
	is "draft key: $r cannot read the table" \
	    "$(as $r "SELECT count(*) FROM cme.draft_key")" 42501
done
is "draft key: nor write it" \
    "$(as t_sam "UPDATE cme.draft_key SET key = key")" 42501
su "UPDATE cme.staff SET active = false WHERE role_name = 't_ada'" >/dev/null
is "draft key: a leaver gets none (and no error)" \
    "$(as t_ada "SELECT cme.draft_key(decode(repeat('44', 32), 'hex'))
	IS NULL")" t
su "UPDATE cme.staff SET active = true WHERE role_name = 't_ada'" >/dev/null

# ----------------------------------------------------------- assignment
# Case 1 (830): t_alex's. Case 4 (886): unassigned, t_casey's LA.
is "assign: t_alex cannot give a case to a colleague (42501)" \
    "$(as t_alex "SELECT (cme.case_assign(1, $(ver 1), 'f_derbys_cw2',
	'x')).case_id")" 42501
is "assign: ... not even by direct UPDATE" \
    "$(as t_alex "UPDATE cme.cme_case SET assigned_to = 'f_derbys_cw2'
	WHERE case_id = 1")" 42501
is "assign: nothing changed" "$(who 1)" t_alex
is "assign: t_alex hands the case back to the team" \
    "$(as t_alex "SELECT coalesce((cme.case_assign(1, $(ver 1), NULL,
	'back to the team')).assigned_to::text, 'team')")" team
is "assign: and takes it again" \
    "$(as t_alex "SELECT (cme.case_assign(1, $(ver 1), 't_alex',
	NULL)).assigned_to")" t_alex
is "assign: a stale version is a conflict (CM001)" \
    "$(as t_sam "SELECT (cme.case_assign(1, 1, 'f_derbys_cw2',
	NULL)).case_id")" CM001
is "assign: an officer of another LA is refused (22023)" \
    "$(as t_sam "SELECT (cme.case_assign(1, $(ver 1), 't_casey',
	NULL)).case_id")" 22023
is "assign: another LA's case looks like none (42501)" \
    "$(as t_sam "SELECT (cme.case_assign(4, $(ver 4), 't_sam',
	NULL)).case_id")" 42501
is "assign: t_sam (supervisor) gives it to f_derbys_cw2, team follows" \
    "$(as t_sam "SELECT concat_ws(' ', c.assigned_to, c.team_id) FROM
	cme.case_assign(1, $(ver 1), 'f_derbys_cw2', 'rebalancing') c")" \
    "f_derbys_cw2 2"
is "assign: the audit row has who before and after, and the note" \
    "$(su "SELECT concat_ws('|', actor, before->>'assigned_to',
	after->>'assigned_to', after->>'note') FROM cme.audit_log
	WHERE action = 'case_assign' ORDER BY audit_id DESC LIMIT 1")" \
    "t_sam|t_alex|f_derbys_cw2|rebalancing"
is "assign: one audit row per assignment (3 so far)" \
    "$(su "SELECT count(*) FROM cme.audit_log
	WHERE action = 'case_assign'")" 3

# A batch: one good row, one stale: nothing of it stays.
cid2=$(as t_sam "SELECT case_id FROM cme.case_open(8303, 'school', NULL,
    current_date, NULL)")
v1=$(ver 1)
v2=$(ver "$cid2")
out=$(psql -X -q -v VERBOSITY=sqlstate -At -U t_sam -d "$DB" 2>&1 <<SQL
BEGIN;
SELECT (cme.case_assign($cid2, $v2, 't_alex', 'batch')).case_id;
SELECT (cme.case_assign(1, $((v1 - 1)), 't_alex', 'batch')).case_id;
COMMIT;
SQL
)
like "batch: the stale row fails the batch" "$out" CM001
is "batch: all or nothing (the good row was not kept)" \
    "$(who "$cid2")-$(who 1)" "t_sam-f_derbys_cw2"
out=$(psql -X -q -v ON_ERROR_STOP=1 -At -U t_sam -d "$DB" 2>&1 <<SQL
BEGIN;
SELECT (cme.case_assign($cid2, $v2, 't_alex', 'batch')).case_id;
SELECT (cme.case_assign(1, $v1, 't_alex', 'batch')).case_id;
COMMIT;
SQL
)
is "batch: a good batch commits both" "$(who "$cid2")-$(who 1)" \
    "t_alex-t_alex"
is "batch: one audit row per case, with the note" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE action = 'case_assign'
	AND after->>'note' = 'batch'")" 2
is "assign: a closed case is not assigned (CM002)" \
    "$(as t_sam "SELECT (cme.case_assign(2, $(ver 2), 't_alex',
	NULL)).case_id")" CM002

# NOTIFY: a listener of LA 830 hears the move.
out=$(psql -X -q -At -U t_sam -d "$DB" 2>&1 <<SQL
LISTEN cme_alerts_830;
SELECT (cme.case_assign(1, $(ver 1), 't_sam', NULL)).case_id;
SELECT 1;
SQL
)
like "notify: the move is pushed to the LA's listeners" "$out" \
    "\"case_id\" : 1, \"assigned_to\" : \"t_sam\""

# ------------------------------------------------ open a case from an alert
su "INSERT INTO cme.alert (la_code, alert_id, child_id, rule, severity,
    status, raised_at, assigned_to, team_id) VALUES (830, 50, 8301,
    'unauth_streak', 'high', 'open', now(), 't_alex', 1)" >/dev/null
k=$(as t_alex "SELECT (cme.alert_open_case(50, 1, 'whereabouts_unknown'))
    .case_id")
case $k in
*[!0-9]* | '') not_ok "alert: t_alex opens a case from alert 50" "$k" ;;
*) ok "alert: t_alex opens case $k from alert 50" ;;
esac
is "alert: the new case has its enquiries checklist" \
    "$(su "SELECT count(*) FROM cme.case_enquiry WHERE case_id = $k")" \
    "$(su "SELECT count(*) FROM cme.enquiry_item WHERE active")"
is "alert: the opening is audited as case_open" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE action = 'case_open'
	AND entity_key = '$k'")" 1
exit 0
