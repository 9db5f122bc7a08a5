#!/bin/sh
# tests/db/limit.sh — the limit pattern language and saved queues against
# the seeded demo database.
#
# Runs the driver tests/db/limit_check.c (built by `make unit-bins` as
# BUILD/tests/db_limit_check, beside the cme under test) as alex, a
# caseworker of 830, with sam, alex's supervisor, as the other officer:
# every compiled pattern selects the same rows as SQL written by hand, the
# listed values agree with the database, SQL typed into a value is only a
# value, and saved queues save, ask before replacing, list, move, delete
# and stay private. Then, with psql, the saved-queue policy itself: sam
# and casey (886) see none of alex's queues, cannot change, delete or
# take them over, and cannot create one in alex's name.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# PGDATABASE (the demo database), CME_PG_SUPERUSER. Leaves nothing behind.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
CME_BIN=${CME_BIN:-$CME_ROOT/build/cme}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS

command -v psql >/dev/null 2>&1 || { echo "# psql not found"; exit 77; }
[ -n "${PGDATABASE:-}" ] || { echo "# PGDATABASE is not set"; exit 77; }
DRIVER=$(dirname "$CME_BIN")/tests/db_limit_check
if [ ! -x "$DRIVER" ]; then
	not_ok "limit: the driver is built" "missing: $DRIVER" \
	    "(make unit-bins builds it)"
	exit 1
fi

# The driver prints its own ok/not ok lines; its status says whether any
# failed.
"$DRIVER" alex sam
st=$?

# try ROLE SQL: SQL as ROLE in a transaction rolled back; command tags
# and errors as SQLSTATEs.
try() {
	printf 'BEGIN;\n%s;\nROLLBACK;\n' "$2" |
	    psql -X -v VERBOSITY=sqlstate -At -U "$1" -f - 2>&1
}

Q="Test queue of alex (limit.sh)"
su_psql -c "DELETE FROM cme.saved_queue WHERE name = '$Q'" >/dev/null
as_role alex -c "INSERT INTO cme.saved_queue (la_code, name, kind, pattern)
    VALUES (830, '$Q', 'cases', 'officer:me')" >/dev/null
is "queues: alex sees the queue alex saved" \
    "$(as_role alex -c "SELECT count(*) FROM cme.saved_queue
	WHERE name = '$Q'")" 1
for r in sam casey; do
	is "queues: $r sees none of alex's queues" \
	    "$(as_role $r -c "SELECT count(*) FROM cme.saved_queue
		WHERE owner = 'alex'")" 0
	out=$(try $r "UPDATE cme.saved_queue SET pattern = 'flag:lac'
	    WHERE name = '$Q'")
	like "queues: $r cannot change it (UPDATE 0)" "$out" "UPDATE 0"
	out=$(try $r "DELETE FROM cme.saved_queue WHERE name = '$Q'")
	like "queues: $r cannot delete it (DELETE 0)" "$out" "DELETE 0"
done
out=$(try sam "INSERT INTO cme.saved_queue (la_code, owner, name, kind,
    pattern) VALUES (830, 'alex', 'planted', 'cases', 'status:open')")
like "queues: sam cannot save a queue in alex's name (42501)" "$out" \
    "ERROR:  42501"
out=$(try casey "INSERT INTO cme.saved_queue (la_code, name, kind,
    pattern) VALUES (830, 'wrong LA', 'cases', 'status:open')")
like "queues: casey cannot save one into LA 830 (42501)" "$out" \
    "ERROR:  42501"
out=$(try sam "UPDATE cme.saved_queue SET owner = 'alex'")
like "queues: nobody can hand a queue to someone else (no privilege on owner)" \
    "$out" "ERROR:  42501"
out=$(try alex "INSERT INTO cme.saved_queue (la_code, name, kind, pattern)
    VALUES (830, 'bad kind', 'queues', 'status:open')")
like "queues: the list kind is checked (23514)" "$out" "ERROR:  23514"
out=$(try alex "INSERT INTO cme.saved_queue (la_code, name, kind, pattern)
    VALUES (830, '$Q', 'cases', 'status:open')")
like "queues: one name per owner (23505)" "$out" "ERROR:  23505"
as_role alex -c "DELETE FROM cme.saved_queue WHERE name = '$Q'" >/dev/null
is "queues: alex deletes it" "$(su_psql -c "SELECT count(*) FROM
    cme.saved_queue WHERE name = '$Q'")" 0

[ $st -eq 0 ] || exit 1
