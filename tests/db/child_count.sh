#!/bin/sh
# tests/db/child_count.sh — cme.la_child_count (019_child_count.sql): the
# size of All children per LA stays exactly count(*) of cme.child through
# inserts (several rows, COPY), deletes, an LA change and a rolled-back
# insert, and an ordinary edit writes nothing; staff read their own LA's figure and cannot write it.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_child_count

as() {
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -c "$2" 2>&1
}
su() {
	as "$CME_PG_SUPERUSER" "$1"
}
# figures: "la=kept/counted" per LA, kept from la_child_count and counted
# from cme.child, in LA order.
figures() {
	su "SELECT string_agg(l.la_code || '=' || coalesce(k.children, 0) ||
	    '/' || (SELECT count(*) FROM cme.child c
		    WHERE c.la_code = l.la_code), ' ' ORDER BY l.la_code)
	    FROM cme.la l LEFT JOIN cme.la_child_count k USING (la_code)
	    WHERE l.la_code IN (830, 886)"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' \
    >/dev/null 2>&1; then
	not_ok "child_count: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi

fresh_db "$DB"
is "child_count: an empty database counts no children" "$(figures)" \
    "830=0/0 886=0/0"
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "child_count: load tests/db/fixture.sql" "$_out"
	exit 1
fi
base=$(figures)
case $base in
830=*/*" "886=*/*) ;;
*) not_ok "child_count: figures readable" "$base"; exit 1 ;;
esac
n830=$(su "SELECT count(*) FROM cme.child WHERE la_code = 830")
n886=$(su "SELECT count(*) FROM cme.child WHERE la_code = 886")
is "child_count: the fixture's children are counted per LA" "$base" \
    "830=$n830/$n830 886=$n886/$n886"

su "INSERT INTO cme.child (la_code, child_id, legal_forename, legal_surname,
    dob, sex) VALUES (830, 9101, 'Ann', 'Countone', '2015-01-01', 'F'),
    (830, 9102, 'Bob', 'Counttwo', '2015-01-02', 'M'),
    (886, 9103, 'Cat', 'Countthree', '2015-01-03', 'F')" >/dev/null
is "child_count: one insert of three rows adds to each LA" "$(figures)" \
    "830=$((n830 + 2))/$((n830 + 2)) 886=$((n886 + 1))/$((n886 + 1))"

printf '830\t9104\tDan\tCopied\t2014-05-05\tM\n830\t9105\tEve\tCopied\t2014-06-06\tF\n' |
    psql -X -q -U "$CME_PG_SUPERUSER" -d "$DB" -c "COPY cme.child (la_code,
    child_id, legal_forename, legal_surname, dob, sex) FROM STDIN" >/dev/null
is "child_count: COPY (the seed's way in) counts" "$(figures)" \
    "830=$((n830 + 4))/$((n830 + 4)) 886=$((n886 + 1))/$((n886 + 1))"

su "BEGIN; INSERT INTO cme.child (la_code, child_id, legal_forename,
    legal_surname, dob, sex) VALUES (830, 9106, 'Fin', 'Never', '2014-07-07',
    'M'); ROLLBACK" >/dev/null
is "child_count: a rolled-back insert is not counted" "$(figures)" \
    "830=$((n830 + 4))/$((n830 + 4)) 886=$((n886 + 1))/$((n886 + 1))"

su "UPDATE cme.child SET legal_surname = 'Renamed' WHERE child_id = 9101" \
    >/dev/null
is "child_count: editing a child changes nothing" "$(figures)" \
    "830=$((n830 + 4))/$((n830 + 4)) 886=$((n886 + 1))/$((n886 + 1))"
# ... and neither locks nor rewrites the figure: while the edit's
# transaction is open, the LA's row can be locked at once.
psql -X -q -U "$CME_PG_SUPERUSER" -d "$DB" -c "BEGIN" -c "UPDATE cme.child
    SET legal_forename = 'Annie' WHERE child_id = 9101" \
    -c "SELECT pg_sleep(3)" -c "ROLLBACK" >/dev/null 2>&1 &
_edit=$!
sleep 1
is "child_count: an open edit holds no lock on its LA's figure" \
    "$(su "SELECT la_code FROM cme.la_child_count WHERE la_code = 830
	FOR UPDATE NOWAIT")" "830"
wait $_edit
psql -X -q -U "$CME_PG_SUPERUSER" -d "$DB" -c "BEGIN" -c "INSERT INTO
    cme.child (la_code, child_id, legal_forename, legal_surname, dob, sex)
    VALUES (830, 9107, 'Gil', 'Meanwhile', '2014-08-08', 'M')" \
    -c "SELECT pg_sleep(3)" -c "ROLLBACK" >/dev/null 2>&1 &
_add=$!
sleep 1
like "child_count: (the check can fail: an open insert does lock it)" \
    "$(su "SELECT la_code FROM cme.la_child_count WHERE la_code = 830
	FOR UPDATE NOWAIT")" "55P03"
wait $_add

su "UPDATE cme.child SET la_code = 886 WHERE child_id = 9105" >/dev/null
is "child_count: a child moved to another LA moves its count" "$(figures)" \
    "830=$((n830 + 3))/$((n830 + 3)) 886=$((n886 + 2))/$((n886 + 2))"

su "DELETE FROM cme.child WHERE child_id IN (9102, 9103, 9104)" >/dev/null
is "child_count: a delete of rows in two LAs takes from each" "$(figures)" \
    "830=$((n830 + 1))/$((n830 + 1)) 886=$((n886 + 1))/$((n886 + 1))"

is "child_count: a caseworker reads its own LA's figure only" \
    "$(as t_alex "SELECT la_code || '=' || children FROM cme.la_child_count")" \
    "830=$((n830 + 1))"
is "child_count: another LA's caseworker reads its own" \
    "$(as t_casey "SELECT la_code || '=' || children FROM cme.la_child_count")" \
    "886=$((n886 + 1))"
like "child_count: a supervisor cannot change the figure" \
    "$(as t_sam "UPDATE cme.la_child_count SET children = 0")" "42501"
like "child_count: an admin cannot add a figure" \
    "$(as t_ada "INSERT INTO cme.la_child_count VALUES (830, 1)")" "42501"
like "child_count: nobody may call the trigger function" \
    "$(as t_ada "SELECT cme.la_child_count_sync()")" "42501"

# What the client shows as the size of All children (list.c) equals the
# count it replaced, for the caseworker as for the superuser.
is "child_count: for a caseworker, the kept figure is what a count sees" \
    "$(as t_alex "SELECT (SELECT coalesce(sum(n.children), 0)
	FROM cme.la_child_count n) = (SELECT count(*) FROM cme.child)")" "t"

[ -n "${CME_KEEP_DB:-}" ] || su_psql -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null
