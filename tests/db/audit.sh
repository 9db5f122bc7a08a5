#!/bin/sh
# tests/db/audit.sh — the audit log: what the triggers write, the hash chain
# and its documented canonical form, tamper detection, and the per-LA
# serialisation of writers (including REPEATABLE READ, which must fail with
# a serialization error rather than fork the chain).
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# CME_PG_SUPERUSER. Builds its own database (cme_t_audit).

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_audit

# db_migrate DB: `cme db migrate` as the superuser (tests/lib.sh).
db_migrate() {
	migrate_db "$1"
}

su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "$DB" -c "$1" 2>&1
}
as() {
	psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" \
	    -c "$2" 2>&1
}
last() {	# last audit row of LA $1 as "actor|action|entity|key|child"
	su "SELECT concat_ws('|', actor, action, entity, entity_key, child_id)
	      FROM cme.audit_log WHERE la_code = $1
	     ORDER BY audit_id DESC LIMIT 1"
}
chain() {
	su "SELECT coalesce(cme.audit_chain_check($1)::text, 'intact')"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' >/dev/null 2>&1
then
	not_ok "audit: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi
psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c "DROP DATABASE IF EXISTS $DB" \
    -c "CREATE DATABASE $DB" >/dev/null &&
    _out=$(db_migrate $DB 2>&1) &&
    _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
	-U "$CME_PG_SUPERUSER" -d $DB -f "$CME_ROOT/tests/db/fixture.sql" 2>&1) ||
    { not_ok "audit: migrate and load the fixture" \
	"$(printf '%s' "$_out" | head -n 5)"; exit 1; }
ok "audit: fresh database migrated and fixture loaded"

# --------------------------------------------------------- what is written
is "audit: the fixture load left an intact chain in 830" "$(chain 830)" intact
is "audit: the fixture load left an intact chain in 886" "$(chain 886)" intact
is "audit: ids run 1..n without gaps, head agrees" \
    "$(su "SELECT bool_and(n = last_id AND m = last_id)
	     FROM (SELECT la_code, count(*) AS n, max(audit_id) AS m
		     FROM cme.audit_log GROUP BY 1) a
	     JOIN cme.audit_head h USING (la_code)")" t
is "audit: the first link of each LA starts from 32 zero bytes" \
    "$(su "SELECT bool_and(prev_hash = decode(repeat('00', 32), 'hex'))
	     FROM cme.audit_log WHERE audit_id = 1")" t

# The documented canonical form (009_audit.sql), rebuilt here without
# cme.audit_canonical, as `cme audit verify` must rebuild it in C.
is "audit: hashes follow the documented netstring form" \
    "$(su "WITH f AS (
	SELECT a.*, ARRAY[la_code::text, audit_id::text,
	    ((extract(epoch FROM at) * 1000000)::bigint)::text, actor::text,
	    action, entity, entity_key, child_id::text, before::text,
	    after::text] AS fields
	  FROM cme.audit_log a)
	SELECT count(*) FILTER (WHERE hash <> sha256(prev_hash || convert_to(
		(SELECT string_agg(CASE WHEN x IS NULL THEN 'N,'
		    ELSE octet_length(x) || ':' || x || ',' END, '' ORDER BY i)
		   FROM unnest(fields) WITH ORDINALITY AS u(x, i)), 'UTF8')))
	  FROM f")" 0

as t_alex "INSERT INTO cme.child_name (la_code, child_id, kind, forename,
    surname) VALUES (830, 8302, 'alias', 'Ozzie', 'Nowak')" >/dev/null
is "audit: an insert by t_alex is recorded as t_alex, with the child" \
    "$(last 830)" "t_alex|insert|child_name|5|8302"
is "audit: the insert row holds the new row" \
    "$(su "SELECT after->>'forename' || ' ' || (before IS NULL)
	     FROM cme.audit_log WHERE la_code = 830
	    ORDER BY audit_id DESC LIMIT 1")" "Ozzie true"
as t_alex "UPDATE cme.child SET preferred_forename = 'Mills'
    WHERE la_code = 830 AND child_id = 8301" >/dev/null
is "audit: an update records only what changed" \
    "$(su "SELECT before::text || ' ' || after::text FROM cme.audit_log
	    WHERE la_code = 830 ORDER BY audit_id DESC LIMIT 1")" \
    '{"preferred_forename": "Millie"} {"preferred_forename": "Mills"}'
n0=$(su "SELECT last_id FROM cme.audit_head WHERE la_code = 830")
as t_alex "UPDATE cme.child SET preferred_forename = preferred_forename
    WHERE la_code = 830" >/dev/null
is "audit: an update that changes nothing writes nothing" \
    "$(su "SELECT last_id FROM cme.audit_head WHERE la_code = 830")" "$n0"
as t_alex "INSERT INTO cme.case_contact (la_code, case_id, kind, contact_at,
    with_whom, outcome) VALUES (830, 1, 'phone', now(), 'father',
    'answered')" >/dev/null
is "audit: a contact is recorded against the case's child" \
    "$(last 830 | cut -d'|' -f 1,2,3,5)" "t_alex|insert|case_contact|8302"
as t_casey "INSERT INTO cme.child_name (la_code, child_id, kind, forename)
    VALUES (886, 8861, 'alias', 'KJ')" >/dev/null
is "audit: t_casey's change lands in 886's chain" \
    "$(last 886 | cut -d'|' -f 1,2,3)" "t_casey|insert|child_name"
n0=$(su "SELECT count(*) FROM cme.audit_log")
su "UPDATE cme.attendance SET marks = marks;
    INSERT INTO cme.register_return (la_code, laestab, kind, event_date)
    VALUES (830, 8302001, 'absence_10_day', '2024-11-01')" >/dev/null
is "audit: attendance and register_return writes are not audited per row" \
    "$(su "SELECT count(*) FROM cme.audit_log")" "$n0"
is "audit: t_aud reads the chain check of its own LA" \
    "$(as t_aud "SELECT coalesce(cme.audit_chain_check(886)::text, 'intact')")" \
    intact
is "audit: chains still intact after the changes" \
    "$(chain 830) $(chain 886)" "intact intact"

# ------------------------------------------------------------ serialising
# A holds the 830 head (an uncommitted audited insert, then a sleep). B, in
# READ COMMITTED, waits and then chains after A. C, in REPEATABLE READ with
# a snapshot taken before A commits, must fail with 40001, not fork.
printf '%s\n' "SET application_name = 'cme_audit_a';" "BEGIN;" \
    "INSERT INTO cme.child_name (la_code, child_id, kind, forename)
	VALUES (830, 8301, 'alias', 'A');" \
    "SELECT pg_sleep(3);" "COMMIT;" |
    psql -X -q -At -U t_alex -d $DB -f - >/dev/null 2>&1 &
apid=$!
i=0
until [ "$(su "SELECT count(*) FROM pg_stat_activity
    WHERE application_name = 'cme_audit_a' AND query LIKE '%pg_sleep%'")" = 1 ]
do
	i=$((i + 1))
	[ $i -gt 100 ] && break
	sleep 0.05
done
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ;" "SELECT 1;" \
    "SELECT pg_sleep(0.2);" \
    "INSERT INTO cme.child_name (la_code, child_id, kind, forename)
	VALUES (830, 8301, 'alias', 'C');" "COMMIT;" |
    psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate -U t_sam -d $DB \
	-f - >"${CME_TMP:-/tmp}/audit_c.$$" 2>&1 &
cpid=$!
got_b=$(as t_sam "INSERT INTO cme.child_name (la_code, child_id, kind,
    forename) VALUES (830, 8301, 'alias', 'B')" 2>&1)
wait $apid
wait $cpid
got_c=$(cat "${CME_TMP:-/tmp}/audit_c.$$")
rm -f "${CME_TMP:-/tmp}/audit_c.$$"
is "audit: a READ COMMITTED writer waits for the LA's head and succeeds" \
    "$got_b" ""
like "audit: a REPEATABLE READ writer behind it gets a serialization failure" \
    "$got_c" "40001"
is "audit: A's then B's link, in commit order" \
    "$(su "SELECT string_agg(after->>'forename', ',' ORDER BY audit_id)
	     FROM cme.audit_log WHERE la_code = 830 AND entity = 'child_name'
	      AND after->>'forename' IN ('A', 'B', 'C')")" "A,B"
is "audit: the chain is intact after concurrent writers" "$(chain 830)" intact

# --------------------------------------------------------------- tamper
bad=$(su "SELECT audit_id FROM cme.audit_log WHERE la_code = 830
    ORDER BY audit_id LIMIT 1 OFFSET 4")
got=$(as "$CME_PG_SUPERUSER" "UPDATE cme.audit_log SET actor = 'someone'
    WHERE la_code = 830 AND audit_id = $bad")
like "audit: even the superuser's UPDATE of audit_log is refused by trigger" \
    "$got" "42501"
printf '%s\n' "SET session_replication_role = replica;" \
    "UPDATE cme.audit_log SET actor = 'someone'
	WHERE la_code = 830 AND audit_id = $bad;" |
    psql -X -q -U "$CME_PG_SUPERUSER" -d $DB -f - >/dev/null 2>&1
is "audit: a row rewritten behind the triggers' back breaks the chain there" \
    "$(chain 830)" "$bad"
is "audit: the other LA's chain is unaffected" "$(chain 886)" intact
printf '%s\n' "SET session_replication_role = replica;" \
    "DELETE FROM cme.audit_log WHERE la_code = 886 AND audit_id = 3;" |
    psql -X -q -U "$CME_PG_SUPERUSER" -d $DB -f - >/dev/null 2>&1
is "audit: a deleted row shows as a gap" "$(chain 886)" 4

psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
exit 0
