#!/bin/sh
# tests/db/import.sh — `cme import attendance|returns`, the alert rules they
# run, live push, and the alert actions.
#
#  - the example files (etc/examples/) import cleanly into a copy of the
#    demo database ($PGDATABASE, copied so that other suites see it
#    untouched; seeded afresh with a pinned --as-of if it cannot be
#    copied);
#  - every class of bad input is rejected with FILE:LINE: reason and
#    NOTHING is written (a fingerprint of attendance, alerts, returns,
#    children and the audit log is the same before and after);
#  - --skip-bad writes the bad lines to FILE2 and imports the rest;
#  - each rule fires on a crafted child and not on its near miss;
#  - importing the same file again changes nothing; a later file that
#    corrects an N to I replaces the mark and the counters;
#  - counters always equal cme.attendance_tally(marks);
#  - NOTIFY cme_alerts_<la> arrives with {"alert_id", "child_id"};
#  - who may import (cme_school for its school, cme_admin for its LA) and
#    who may not; the alert actions as t_alex, refused as t_casey, version
#    conflicts, and no direct UPDATE of cme.alert.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, CME_TMP, PGHOST,
# PGPORT, PGDATABASE (demo), CME_PG_SUPERUSER. Builds cme_t_import (the
# fixture plus crafted children) and cme_t_import_demo.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_import
DEMO=cme_t_import_demo
T=${CME_TMP:-${TMPDIR:-/tmp}}/import.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT

# su SQL: superuser query on $DB, tuples only.
su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "$DB" \
	    -c "$1" 2>&1
}
# as ROLE SQL: one statement as ROLE, errors as SQLSTATEs.
as() {
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -c "$2" 2>&1
}
# imp ROLE ARGS...: cme import on $DB as ROLE; output in $out, status $rc.
imp() {
	_r=$1
	shift
	out=$(PGDATABASE=$DB PGUSER=$_r "$CME_BIN" import "$@" 2>&1)
	rc=$?
}
# print: the database's state, to compare before and after.
print() {
	su "SELECT concat_ws(' ',
	    (SELECT md5(coalesce(string_agg(concat_ws(':', la_code, child_id,
		laestab, term_id, marks, possible, present, auth_absent,
		unauth_absent, last_marked), ',' ORDER BY la_code, child_id,
		laestab, term_id), '')) FROM cme.attendance),
	    (SELECT count(*) FROM cme.alert),
	    (SELECT max(version) FROM cme.alert),
	    (SELECT count(*) FROM cme.register_return),
	    (SELECT count(*) FROM cme.child),
	    (SELECT count(*) FROM cme.enrolment WHERE ends IS NULL),
	    (SELECT count(*) FROM cme.audit_log))"
}
# alert CHILD RULE: "severity status" of the open alert, or "none".
alert() {
	_a=$(su "SELECT severity || ' ' || status FROM cme.alert
	    WHERE la_code = 830 AND child_id = $1 AND rule = '$2'
	      AND status <> 'resolved'")
	echo "${_a:-none}"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' \
    >/dev/null 2>&1; then
	not_ok "import: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi

# ------------------------------------------------------------ examples
psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DEMO" >/dev/null 2>&1
demo_asof=
if [ -n "${PGDATABASE:-}" ] && psql -X -q -U "$CME_PG_SUPERUSER" \
    -d postgres -c "CREATE DATABASE $DEMO TEMPLATE \"$PGDATABASE\"" \
    >/dev/null 2>&1; then
	ok "import: a copy of the demo database ($PGDATABASE)"
else
	demo_asof=--as-of=2026-11-30
	psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
	    -c "CREATE DATABASE $DEMO" >/dev/null &&
	    PGDATABASE=$DEMO PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db migrate \
		>/dev/null &&
	    PGDATABASE=$DEMO PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db seed \
		--demo --as-of 2026-11-30 >/dev/null
	check "import: a demo database seeded as of 2026-11-30" \
	    psql -X -q -U "$CME_PG_SUPERUSER" -d "$DEMO" -c 'SELECT 1'
fi
for k in attendance returns; do
	# shellcheck disable=SC2086  # $demo_asof is empty or one word
	out=$(PGDATABASE=$DEMO PGUSER=$CME_PG_SUPERUSER "$CME_BIN" import $k \
	    $demo_asof "$CME_ROOT/etc/examples/$k.csv" 2>&1)
	rc=$?
	is "import: etc/examples/$k.csv imports into the demo (exit 0)" \
	    "$rc" 0
	like "import: etc/examples/$k.csv: every line imported" "$out" \
	    "lines, $(($(wc -l <"$CME_ROOT/etc/examples/$k.csv") - 1)) imported"
done
out=$(PGDATABASE=$DEMO PGUSER=$CME_PG_SUPERUSER "$CME_BIN" import returns \
    $demo_asof "$CME_ROOT/etc/examples/returns.csv" 2>&1)
like "import: the example returns a second time are already received" \
    "$out" "0 returns stored, 5 already received"
psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DEMO" >/dev/null 2>&1

# -------------------------------------------------- crafted database
fresh_db "$DB"
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "import: load tests/db/fixture.sql" "$_out"
	exit 1
fi
# Crafted children in LA 830, school 8302001, autumn term 2024 (term 1,
# from Wed 4 Sep; half term 28 Oct - 1 Nov). The import day is Mon 21 Oct.
# UPNs: 830 2001 24 9nn, with their check letters.
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" 2>&1 <<'SQL'
CREATE FUNCTION pg_temp.upn(p_serial integer) RETURNS text
LANGUAGE sql AS $$
	SELECT substr('ABCDEFGHJKLMNPQRTUVWXYZ', (SELECT sum(i * ((strpos(
	    'ABCDEFGHJKLMNPQRTUVWXYZ0123456789', substr('X' || b, i, 1)) - 1)
	    % 23))::integer % 23 FROM generate_series(2, 13) AS i) + 1, 1) || b
	  FROM (SELECT '83020012' || lpad(p_serial::text, 4, '0') AS b) AS x
$$;
-- Marks of LA 830's autumn term from 4 Sep to p_to: '--' on days that are
-- not school days, p_bad on school days from p_bad_from, '/\' before.
CREATE FUNCTION pg_temp.marks(p_to date, p_bad_from date, p_bad text)
RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(CASE WHEN NOT cme.is_school_day(830, d::date)
		THEN '--' WHEN d >= p_bad_from THEN p_bad ELSE '/\' END, ''
		ORDER BY d)
	  FROM generate_series('2024-09-04'::date, p_to, '1 day') AS d
$$;
INSERT INTO cme.child (la_code, child_id, upn, legal_forename,
    legal_surname, dob, sex, team_id)
SELECT 830, 9000 + n, pg_temp.upn(900 + n), 'Test', 'Pupil ' || n,
       '2014-01-01'::date + n, 'U', 1
  FROM generate_series(1, 30) AS n;
INSERT INTO cme.enrolment (la_code, child_id, laestab, starts)
SELECT 830, 9000 + n, 8302001, '2019-09-04' FROM generate_series(1, 30) n;
-- 9001 pa: 36/38 present, the import makes it 36/40 = 90.0%.
-- 9002 pa near: 64/69, the import makes it 64/71 = 90.1%.
-- 9003 sa: 20/38, made 20/40 = 50.0%.  9004 sa near: 21/41 = 51.2%.
-- 9005 streak 10: 9 school days of O before.  9006: 8 days.
-- 9007 streak 20: 19 days of N before.  9008: 19 days, one of them U.
-- 9009 escalates over two imports (18 days of N before).
INSERT INTO cme.attendance (la_code, child_id, laestab, term_id, marks,
    possible, present, auth_absent, unauth_absent, last_marked)
SELECT 830, c.child_id, 8302001, 1, c.marks, t.possible, t.present,
       t.auth_absent, t.unauth_absent, c.last_marked
  FROM (VALUES
	(9001, repeat('/\', 18) || 'II', '2024-09-30'::date),
	(9002, repeat('/\', 32) || 'IIIII-', '2024-10-11'),
	(9003, repeat('/\', 10) || repeat('OO', 9), '2024-09-30'),
	(9004, repeat('/\', 10) || '/' || repeat('OO', 9) || '-',
	    '2024-09-30'),
	(9005, pg_temp.marks('2024-10-18', '2024-10-08', 'OO'), '2024-10-18'),
	(9006, pg_temp.marks('2024-10-18', '2024-10-09', 'OO'), '2024-10-18'),
	(9007, pg_temp.marks('2024-10-18', '2024-09-24', 'NN'), '2024-10-18'),
	(9008, overlay(pg_temp.marks('2024-10-18', '2024-09-24', 'NN')
	    PLACING 'UU' FROM 2 * ('2024-10-01'::date - '2024-09-04') + 1),
	    '2024-10-18'),
	(9009, pg_temp.marks('2024-10-18', '2024-09-25', 'NN'), '2024-10-18'))
	AS c(child_id, marks, last_marked)
 CROSS JOIN LATERAL cme.attendance_tally(c.marks) AS t;
-- 9020: an open case assigned to t_sam (alerts go to t_sam).
INSERT INTO cme.cme_case (la_code, child_id, status, source, referred_on,
    assigned_to, team_id)
VALUES (830, 9020, 'enquiries', 'school', '2024-10-01', 't_sam', 1);
-- A school of 830 that t_school does not belong to is 8304001.
SQL
)
then
	not_ok "import: load the crafted children" "$_out"
	exit 1
fi
upn() {
	su "SELECT upn FROM cme.child WHERE la_code = 830 AND child_id = $1"
}
ok "import: fresh database with the fixture and crafted children"
U1=$(upn 9001)
U2=$(upn 9002)
U3=$(upn 9003)
U4=$(upn 9004)
U5=$(upn 9005)
U6=$(upn 9006)
U7=$(upn 9007)
U8=$(upn 9008)
U9=$(upn 9009)
U10=$(upn 9010)
U11=$(upn 9011)
U12=$(upn 9012)
U20=$(upn 9020)
H=laestab,upn,date,session,code
good="8302001,$U12,2024-10-21,AM,/"

# --------------------------------------------------------- bad input
# bad NAME LINE WANT CONTENT: a file with CONTENT (printf format) must be
# rejected (exit 1), naming FILE:LINE: WANT, and change nothing.
bad() {
	printf "$4" >"$T/$1.csv"
	_before=$(print)
	imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-21 "$T/$1.csv"
	is "import: $1: rejected with exit 1" "$rc" 1
	like "import: $1: reported as FILE:LINE: reason" "$out" \
	    "$T/$1.csv:$2: $3"
	is "import: $1: nothing written" "$(print)" "$_before"
}
bad columns 3 "4 columns, but the header has 5" \
    "$H\n$good\n8302001,$U12,2024-10-21,PM\n"
bad code 3 'unknown attendance code "ZZ"' \
    "$H\n$good\n8302001,$U12,2024-10-21,PM,ZZ\n"
bad_upn=$(echo "$U12" | sed 's/^A/B/; t; s/^./A/')
bad check-letter 3 "UPN $bad_upn has the wrong check letter: check letter should be $(echo "$U12" | cut -c1)" \
    "$H\n$good\n8302001,$bad_upn,2024-10-21,PM,/\n"
bad school 3 "school 8309999 is not known" \
    "$H\n$good\n8309999,$U12,2024-10-21,PM,/\n"
bad term 3 "2025-08-20 is outside the term dates of LA 830" \
    "$H\n$good\n8302001,$U12,2025-08-20,PM,/\n"
bad half-term 3 "2024-10-29 is not a school day in LA 830 (half term)" \
    "$H\n$good\n8302001,$U12,2024-10-29,PM,/\n"
bad weekend 3 "2024-10-19 is a Saturday, not a school day" \
    "$H\n$good\n8302001,$U12,2024-10-19,PM,/\n"
bad unknown-upn 3 "no pupil with UPN R886200124001 in LA 830" \
    "$H\n$good\n8302001,R886200124001,2024-10-21,PM,/\n"
bad duplicate 2 "the same pupil, school, date and session as line 4" \
    "$H\n$good\n8302001,$U12,2024-10-21,PM,/\n8302001,$U12,2024-10-21,AM,N\n"
like "import: duplicate: the second copy is reported too" "$out" \
    "duplicate.csv:4: the same pupil, school, date and session as line 2"
bad utf8 3 "not valid UTF-8 text" \
    "$H\n$good\n8302001,$U12,2024-10-21,PM,\377\n"
bad bom 3 "a byte order mark (U+FEFF) inside the file" \
    "$H\n$good\n\357\273\2778302001,$U12,2024-10-21,PM,/\n"
bad session 3 'session "XM" is not AM or PM' \
    "$H\n$good\n8302001,$U12,2024-10-21,XM,/\n"
bad date 3 'date "2024-02-30" is not a date (YYYY-MM-DD)' \
    "$H\n$good\n8302001,$U12,2024-02-30,PM,/\n"
bad header 1 'the header has a column "sesion"' \
    "laestab,upn,date,sesion,code\n$good\n"
: >"$T/empty.csv"
_before=$(print)
imp "$CME_PG_SUPERUSER" attendance "$T/empty.csv"
is "import: empty file: rejected with exit 1" "$rc" 1
like "import: empty file: a clear error" "$out" \
    "$T/empty.csv: the file is empty (expected a header line: $H)"
is "import: empty file: nothing written" "$(print)" "$_before"
{
	printf '%s\n%s\n8302001,%s,2024-10-21,PM,' "$H" "$good" "$U12"
	head -c 200000 /dev/zero | tr '\0' 'x'
	printf '\n8302001,%s,2024-10-22,AM,/\n' "$U12"
} >"$T/huge.csv"
_before=$(print)
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-21 "$T/huge.csv"
is "import: huge line: rejected with exit 1" "$rc" 1
like "import: huge line: its line number" "$out" \
    "huge.csv:3: the line is too long"
is "import: huge line: nothing written" "$(print)" "$_before"
printf '%s\n' "$out" | grep -q "huge.csv:4" &&
    not_ok "import: huge line: the next line is read normally" "$out" ||
    ok "import: huge line: the next line is read normally"

# A UTF-8 BOM at the start and CRLF line ends are fine.
printf '\357\273\277%s\r\n%s\r\n8302001,%s,2024-10-21,PM,\\\r\n' "$H" \
    "$good" "$U12" >"$T/bom-crlf.csv"
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-21 "$T/bom-crlf.csv"
is "import: a BOM at the start and CRLF line ends are accepted" "$rc" 0
is "import: ... and the marks are stored" \
    "$(su "SELECT substr(marks, 95, 2) FROM cme.attendance
	WHERE child_id = 9012")" '/\'

# ----------------------------------------------------------- skip-bad
printf '%s\n8302001,%s,2024-10-22,AM,/\n8302001,%s,2024-10-22,PM,Q9\n8302001,%s,2024-10-22,PM,\\\n8302001,%s,2024-10-22,AM,/,extra\n' \
    "$H" "$U12" "$U11" "$U12" "$U12" >"$T/skip.csv"
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-22 \
    --skip-bad "$T/skip-bad.csv" "$T/skip.csv"
is "import: --skip-bad imports the rest (exit 0)" "$rc" 0
is "import: --skip-bad: the good lines are stored" \
    "$(su "SELECT substr(marks, 97, 2) FROM cme.attendance
	WHERE child_id = 9012")" '/\'
is "import: --skip-bad: FILE2 has the header and the bad lines" \
    "$(cat "$T/skip-bad.csv")" 'line,reason,laestab,upn,date,session,code
3,"unknown attendance code ""Q9""",8302001,'"$U11"',2024-10-22,PM,Q9
5,"6 columns, but the header has 5",8302001,'"$U12"',2024-10-22,AM,/,extra'

# ------------------------------------------------------------- rules
LISTEN_OUT=$T/listen.out
{
	printf '%s\n' "8302001,$U1,2024-10-21,AM,I" "8302001,$U1,2024-10-21,PM,I"
	printf '%s\n' "8302001,$U2,2024-10-21,AM,I" "8302001,$U2,2024-10-21,PM,I"
	printf '%s\n' "8302001,$U3,2024-10-21,AM,O" "8302001,$U3,2024-10-21,PM,O"
	printf '%s\n' "8302001,$U4,2024-10-21,AM,O" "8302001,$U4,2024-10-21,PM,O"
	printf '%s\n' "8302001,$U5,2024-10-21,AM,O" "8302001,$U5,2024-10-21,PM,O"
	printf '%s\n' "8302001,$U6,2024-10-21,AM,O" "8302001,$U6,2024-10-21,PM,O"
	printf '%s\n' "8302001,$U7,2024-10-21,AM,N" "8302001,$U7,2024-10-21,PM,N"
	printf '%s\n' "8302001,$U8,2024-10-21,AM,N" "8302001,$U8,2024-10-21,PM,N"
	printf '%s\n' "8302001,$U9,2024-10-21,AM,N" "8302001,$U9,2024-10-21,PM,N"
	printf '%s\n' "8302001,$U10,2024-10-11,AM,N" "8302001,$U10,2024-10-11,PM,/"
	printf '%s\n' "8302001,$U11,2024-10-14,AM,N" "8302001,$U11,2024-10-14,PM,/"
} >"$T/rules.body"
{ echo "$H"; cat "$T/rules.body"; } >"$T/rules.csv"
# The import runs inside a psql session that LISTENs (psql prints the
# notifications that arrived after its next statement).
printf '%s\n' "LISTEN cme_alerts_830;" "LISTEN cme_alerts_886;" \
    "\\! PGDATABASE=$DB PGUSER=$CME_PG_SUPERUSER $CME_BIN import attendance --as-of 2024-10-21 $T/rules.csv >$T/rules.out 2>&1; echo \$? >$T/rules.rc" \
    "SELECT 1;" |
    psql -X -q -At -U "$CME_PG_SUPERUSER" -d "$DB" >"$LISTEN_OUT" 2>&1
is "import: the rules file imports (exit 0)" "$(cat "$T/rules.rc")" 0
is "rule: 90.0% is persistent absence" "$(alert 9001 persistent_absence)" \
    "medium open"
is "rule: 90.1% is not" "$(alert 9002 persistent_absence)" none
is "rule: 50.0% is severe absence" "$(alert 9003 severe_absence)" \
    "high open"
is "rule: 51.2% is not severe" "$(alert 9004 severe_absence)" none
is "rule: 10 school days of unauthorised absence raise an alert" \
    "$(alert 9005 unauth_streak)" "medium open"
is "rule: 9 do not" "$(alert 9006 unauth_streak)" none
is "rule: 20 days of G/N/O: the streak alert is escalated (high)" \
    "$(alert 9007 unauth_streak)" "high open"
is "rule: 20 days with a U among them: not escalated (G, N, O only)" \
    "$(alert 9008 unauth_streak)" "medium open"
is "rule: an N 6 school days old is unresolved" \
    "$(alert 9010 n_code_unresolved)" "medium open"
is "rule: an N 5 school days old is not yet" \
    "$(alert 9011 n_code_unresolved)" none
is "rule: the streak alert says how long" \
    "$(su "SELECT detail ->> 'days' || ' ' || (detail ->> 'since')
	FROM cme.alert WHERE child_id = 9005 AND rule = 'unauth_streak'")" \
    "10 2024-10-08"
is "rule: alerts go to the child's team when no case is open" \
    "$(su "SELECT coalesce(assigned_to, '-') || ' ' || team_id FROM cme.alert
	WHERE child_id = 9001 AND rule = 'persistent_absence'")" "- 1"
n=$(grep -c 'notification "cme_alerts_830" with payload "{"alert_id" : [0-9]*, "child_id" : 90' "$LISTEN_OUT")
na=$(su "SELECT count(*) FROM cme.alert WHERE child_id BETWEEN 9001 AND 9011")
is "notify: one notification per new alert on cme_alerts_830" "$n" "$na"
is "notify: none on cme_alerts_886" \
    "$(grep -c 'cme_alerts_886' "$LISTEN_OUT")" 0
is "audit: the import is one audit row for its batch" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830
	AND action = 'import_attendance'
	AND entity_key = (SELECT max(entity_key) FROM cme.audit_log
	    WHERE la_code = 830 AND action = 'import_attendance')")" 1
is "audit: the alerts raised are one audit row naming them" \
    "$(su "SELECT jsonb_array_length(after -> 'alerts' -> 'unauth_streak')
	FROM cme.audit_log WHERE la_code = 830 AND action = 'raise_alerts'
	ORDER BY audit_id DESC LIMIT 1")" \
    "$(su "SELECT count(*) FROM cme.alert WHERE rule = 'unauth_streak'
	AND child_id BETWEEN 9001 AND 9011")"
is "audit: ... and not one audit row per alert" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830
	AND entity = 'alert' AND action = 'insert'
	AND child_id BETWEEN 9001 AND 9011")" 0

# The next day: 9009 reaches 20 days, its open alert is escalated.
id9=$(su "SELECT alert_id || ' ' || severity FROM cme.alert
    WHERE child_id = 9009 AND rule = 'unauth_streak'")
is "rule: 19 days of N: a medium streak alert" "${id9#* }" medium
printf '%s\n%s\n%s\n' "$H" "8302001,$U9,2024-10-22,AM,N" \
    "8302001,$U9,2024-10-22,PM,N" >"$T/esc.csv"
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-22 "$T/esc.csv"
is "rule: at 20 days the same alert escalates to high" \
    "$(su "SELECT alert_id || ' ' || severity FROM cme.alert
	WHERE child_id = 9009 AND rule = 'unauth_streak'")" "${id9% *} high"

# Importing the same file again changes nothing.
_before=$(print)
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-21 "$T/rules.csv"
is "import: the same file again: exit 0" "$rc" 0
like "import: the same file again: no alert raised" "$out" \
    "0 alerts raised"
is "import: the same file again: marks, counters and alerts unchanged" \
    "$(print | cut -d ' ' -f 1-6)" "$(echo "$_before" | cut -d ' ' -f 1-6)"

# A later file corrects the N of 9010 to I: the mark and the counters.
printf '%s\n%s\n' "$H" "8302001,$U10,2024-10-11,AM,I" >"$T/fix.csv"
c0=$(su "SELECT auth_absent || ' ' || unauth_absent FROM cme.attendance
    WHERE child_id = 9010")
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-21 "$T/fix.csv"
is "import: a correction replaces the N by I" \
    "$(su "SELECT substr(marks, 2 * ('2024-10-11'::date - '2024-09-04') + 1, 2)
	FROM cme.attendance WHERE child_id = 9010")" 'I/'
is "import: ... and moves one session from unauthorised to authorised" \
    "$c0 -> $(su "SELECT auth_absent || ' ' || unauth_absent
	FROM cme.attendance WHERE child_id = 9010")" "0 1 -> 1 0"
is "import: counters equal cme.attendance_tally(marks) on every row" \
    "$(su "SELECT count(*) FROM cme.attendance a,
	cme.attendance_tally(a.marks) t WHERE (a.possible, a.present,
	a.auth_absent, a.unauth_absent) <> (t.possible, t.present,
	t.auth_absent, t.unauth_absent)")" 0

# A file of several days for one pupil: the gaps keep what was there.
printf '%s\n%s\n%s\n%s\n' "$H" "8302001,$U12,2024-10-23,AM,/" \
    "8302001,$U12,2024-10-25,PM,L" "8302001,$U12,2024-10-21,PM,B" \
    >"$T/multi.csv"
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-25 "$T/multi.csv"
is "import: several days at once: each session lands in its place" \
    "$(su "SELECT substr(marks, 95, 12) FROM cme.attendance
	WHERE child_id = 9012")" '/B/\/----L'

# ----------------------------------------------------------- returns
RH=laestab,kind,event_date,upn,legal_forename,legal_surname,dob,sex,postcode,ground,destination_laestab
NEWUPN=$(su "SELECT substr('ABCDEFGHJKLMNPQRTUVWXYZ', (SELECT sum(i * ((strpos(
    'ABCDEFGHJKLMNPQRTUVWXYZ0123456789', substr('X830200124990', i, 1)) - 1)
    % 23))::integer % 23 FROM generate_series(2, 13) AS i) + 1, 1)
    || '830200124990'")
DUPUPN=$(su "SELECT substr('ABCDEFGHJKLMNPQRTUVWXYZ', (SELECT sum(i * ((strpos(
    'ABCDEFGHJKLMNPQRTUVWXYZ0123456789', substr('X830200124991', i, 1)) - 1)
    % 23))::integer % 23 FROM generate_series(2, 13) AS i) + 1, 1)
    || '830200124991'")
cat >"$T/returns.csv" <<EOF
$RH
8302001,deletion,2024-10-21,$(upn 9021),Test,Pupil 21,2014-01-22,U,,h,XXXXXXX
8302001,deletion,2024-10-21,$(upn 9022),Test,Pupil 22,2014-01-23,U,,i,XXXXXXX
8302001,deletion,2024-10-21,$(upn 9023),Test,Pupil 23,2014-01-24,U,,g,8862001
8302001,deletion,2024-10-21,$(upn 9024),Test,Pupil 24,2014-01-25,U,,g,XXXXXXX
8302001,deletion,2024-10-21,$(upn 9025),Test,Pupil 25,2014-01-26,U,,g,
8302001,deletion,2024-10-21,$(upn 9026),Test,Pupil 26,2014-01-27,U,,f,
8302001,absence_10_day,2024-10-18,$(upn 9020),Test,Pupil 20,2014-01-21,U,,,
8302001,sickness_15_day,2024-10-18,$(upn 9027),Test,Pupil 27,2014-01-28,U,,,
8302001,new_pupil,2024-10-21,$NEWUPN,Nova,Example-Newcomer,2018-05-05,F,de4 1aa,,
8302001,new_pupil,2024-10-21,$DUPUPN,Test,Pupil 28,2014-01-29,U,,,
EOF
nkids=$(su "SELECT count(*) FROM cme.child")
imp "$CME_PG_SUPERUSER" returns --as-of 2024-10-21 "$T/returns.csv"
is "returns: the file imports (exit 0)" "$rc" 0
like "returns: the summary" "$out" \
    "10 returns stored, 0 already received, 1 children added, 1 enrolments opened, 6 ended, 1 possible duplicates; 7 alerts raised"
is "returns: ground h needs joint enquiries" \
    "$(alert 9021 joint_enquiries)" "high open"
is "returns: ground i needs joint enquiries" \
    "$(alert 9022 joint_enquiries)" "high open"
is "returns: ground g to a known school raises nothing" \
    "$(su "SELECT count(*) FROM cme.alert WHERE child_id = 9023")" 0
is "returns: an unknown destination (XXXXXXX)" \
    "$(alert 9024 no_destination)" "high open"
is "returns: left the roll with no next school" \
    "$(alert 9025 no_destination)" "high open"
is "returns: elective home education (f) raises no destination alert" \
    "$(alert 9026 no_destination)" none
is "returns: the 10-day absence return" "$(alert 9020 absence_return)" \
    "medium open"
is "returns: ... goes to the caseworker of the open case" \
    "$(su "SELECT assigned_to FROM cme.alert WHERE child_id = 9020
	AND rule = 'absence_return'")" t_sam
is "returns: the 15-day sickness return" "$(alert 9027 sickness_return)" \
    "medium open"
is "returns: a deletion ends the open enrolment with ground and destination" \
    "$(su "SELECT concat_ws(' ', ends, deletion_ground, destination_laestab)
	FROM cme.enrolment WHERE child_id = 9023")" "2024-10-21 g 8862001"
is "returns: a new pupil with an unknown UPN is a new child on the roll" \
    "$(su "SELECT c.legal_surname || ' ' || e.laestab || ' ' || e.starts
	FROM cme.child c JOIN cme.enrolment e USING (la_code, child_id)
	WHERE c.upn = '$NEWUPN'")" "Example-Newcomer 8302001 2024-10-21"
is "returns: same name and date of birth, another UPN: no second child" \
    "$(su "SELECT count(*) FROM cme.child")" "$((nkids + 1))"
is "returns: ... but a possible_duplicate alert on the child it may be" \
    "$(alert 9028 possible_duplicate)" "medium open"
is "returns: stored as received, postcode tidied" \
    "$(su "SELECT postcode || ' ' || (detail ->> 'child_created')
	FROM cme.register_return WHERE upn = '$NEWUPN'")" "DE4 1AA true"
imp "$CME_PG_SUPERUSER" returns --as-of 2024-10-21 "$T/returns.csv"
like "returns: the same file again stores and raises nothing" "$out" \
    "0 returns stored, 10 already received, 0 children added, 0 enrolments opened, 0 ended, 0 possible duplicates; 0 alerts raised"
printf '%s\n%s\n%s\n' "$RH" \
    "8302001,deletion,2024-10-21,,Test,Pupil 29,2014-01-30,U,,q," \
    "8302001,absence_10_day,2024-10-21,,Test,Pupil 29,2014-01-30,U,,h," \
    >"$T/badret.csv"
_before=$(print)
imp "$CME_PG_SUPERUSER" returns --as-of 2024-10-21 "$T/badret.csv"
like "returns: a ground outside a-o is reported" "$out" \
    "badret.csv:2: a deletion needs its reg 9(1) ground"
like "returns: a ground on a non-deletion is reported" "$out" \
    "badret.csv:3: ground and destination_laestab are only for deletion returns"
is "returns: bad returns write nothing" "$(print)" "$_before"

# --------------------------------------------------------- who may
printf '%s\n%s\n%s\n' "$H" "8302001,$U12,2024-10-24,AM,/" \
    "8304001,$U12,2024-10-24,AM,/" >"$T/scope.csv"
imp t_school attendance --as-of 2024-10-24 "$T/scope.csv"
like "scope: t_school may not submit for another school" "$out" \
    "scope.csv:3: school 8304001 (LA 830) is not one you may submit marks for"
is "scope: ... so nothing is written (exit 1)" "$rc" 1
printf '%s\n%s\n' "$H" "8302001,$U12,2024-10-24,AM,/" >"$T/own.csv"
imp t_school attendance --as-of 2024-10-24 "$T/own.csv"
is "scope: t_school imports marks for its own school" "$rc" 0
imp t_ada attendance --as-of 2024-10-24 "$T/scope.csv"
is "scope: t_ada (admin) imports for every school of LA 830" "$rc" 0
printf '%s\n%s\n' "$H" "8862001,R886200124001,2024-10-24,AM,/" \
    >"$T/kent.csv"
imp t_ada attendance --as-of 2024-10-24 "$T/kent.csv"
like "scope: t_ada may not submit for a school of LA 886" "$out" \
    "kent.csv:2: school 8862001 (LA 886) is not one you may submit marks for"
imp t_alex attendance --as-of 2024-10-24 "$T/own.csv"
is "scope: a caseworker may not import (exit 1)" "$rc" 1
like "scope: ... and is told so" "$out" "t_alex may not import school data"
printf '%s\n%s\n' "$RH" \
    "8302001,absence_10_day,2024-10-21,$(upn 9029),Test,Pupil 29,2014-01-30,U,,," \
    >"$T/schoolret.csv"
imp t_school returns --as-of 2024-10-21 "$T/schoolret.csv"
is "scope: t_school sends a return for its school" "$rc" 0
got=$(as t_school "SELECT count(*) FROM cme.alert")
like "scope: a school still sees no alert" "$got" "ERROR:  42501"
got=$(as t_school "CREATE TEMP VIEW cme_import_att AS SELECT 1 AS x;
    SELECT cme.import_begin('attendance')")
like "scope: a caller's own pg_temp object stops import_begin" "$got" \
    "ERROR:"

# ---------------------------------------------------- alert actions
aid=$(su "SELECT alert_id FROM cme.alert WHERE child_id = 9001
    AND rule = 'persistent_absence'")
ver() {
	su "SELECT version FROM cme.alert WHERE alert_id = $aid"
}
got=$(as t_alex "UPDATE cme.alert SET status = 'acknowledged'
    WHERE alert_id = $aid")
like "actions: t_alex cannot UPDATE cme.alert directly" "$got" \
    "ERROR:  42501"
got=$(as t_alex "SELECT status FROM cme.alert_acknowledge($aid, $(ver))")
is "actions: t_alex acknowledges" "$got" acknowledged
got=$(as t_alex "SELECT status FROM cme.alert_acknowledge($aid, 1)")
like "actions: a stale version is refused (CM001)" "$got" "ERROR:  CM001"
# The rule engine's marker cannot be faked to keep a change out of the
# audit: a caller's own pg_temp.cme_rule_engine_on counts for nothing.
sid=$(su "SELECT alert_id || ' ' || version FROM cme.alert
    WHERE child_id = 9003 AND rule = 'severe_absence'")
got=$(printf '%s\n' "CREATE TEMP TABLE cme_rule_engine_on ();" \
    "SELECT status FROM cme.alert_acknowledge(${sid% *}, ${sid#* });" |
    psql -X -q -At -U t_alex -d "$DB" 2>&1)
is "actions: a faked rule-engine marker changes nothing" "$got" acknowledged
is "actions: ... the change is still audited row by row" \
    "$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830
	AND entity = 'alert' AND entity_key = '${sid% *}' AND actor = 't_alex'
	AND action IN ('update', 'alert_acknowledge')")" 2
got=$(as t_alex "SELECT status FROM cme.alert_snooze($aid, $(ver),
    current_date)")
like "actions: snoozing until today is refused" "$got" "ERROR:  22023"
got=$(as t_alex "SELECT status || ' ' || (snooze_until - current_date)
    FROM cme.alert_snooze($aid, $(ver), current_date + 7)")
is "actions: t_alex snoozes for a week" "$got" "snoozed 7"
got=$(as t_alex "SELECT assigned_to FROM cme.alert_assign($aid, $(ver),
    't_casey')")
like "actions: cannot assign to an officer of another LA" "$got" \
    "ERROR:  22023"
got=$(as t_alex "SELECT assigned_to || ' ' || team_id
    FROM cme.alert_assign($aid, $(ver), 't_sam')")
is "actions: t_alex assigns to t_sam" "$got" "t_sam 1"
got=$(as t_alex "SELECT coalesce(assigned_to, '-') || ' ' || team_id
    FROM cme.alert_assign($aid, $(ver), NULL, 2)")
is "actions: ... and back to a team queue" "$got" "- 2"
got=$(as t_alex "SELECT status || ' ' || (detail -> 'escalated' ->> 'by')
    FROM cme.alert_escalate($aid, $(ver), 'needs a decision')")
is "actions: t_alex escalates to a supervisor" "$got" "escalated t_alex"
cid=$(as t_alex "SELECT case_id FROM cme.alert_open_case($aid, $(ver),
    'whereabouts_unknown')")
is "actions: t_alex opens a CME case from the alert" \
    "$(su "SELECT source || ' ' || status || ' ' || child_id || ' ' ||
	reason FROM cme.cme_case WHERE la_code = 830 AND case_id = '$cid'")" \
    "alert referred 9001 whereabouts_unknown"
got=$(as t_alex "SELECT status FROM cme.alert_resolve($aid, $(ver), ' ')")
like "actions: resolving without a note is refused" "$got" "ERROR:  22023"
got=$(as t_casey "SELECT status FROM cme.alert_resolve($aid, $(ver),
    'not mine')")
like "actions: t_casey (LA 886) is refused on an 830 alert" "$got" \
    "ERROR:  42501"
got=$(as t_alex "SELECT status || ' ' || resolved_by
    FROM cme.alert_resolve($aid, $(ver), 'attendance improving')")
is "actions: t_alex resolves with a note" "$got" "resolved t_alex"
got=$(as t_alex "SELECT status FROM cme.alert_acknowledge($aid, $(ver))")
like "actions: a resolved alert takes no more actions (CM002)" "$got" \
    "ERROR:  CM002"
is "actions: each action wrote its audit row as t_alex" \
    "$(su "SELECT string_agg(action, ',' ORDER BY audit_id) FROM cme.audit_log
	WHERE la_code = 830 AND entity = 'alert' AND entity_key = '$aid'
	  AND actor = 't_alex' AND action LIKE 'alert\_%'")" \
    "alert_acknowledge,alert_snooze,alert_assign,alert_assign,alert_escalate,alert_open_case,alert_resolve"
imp "$CME_PG_SUPERUSER" attendance --as-of 2024-10-21 "$T/rules.csv"
is "actions: a resolved alert is not raised again by the next import" \
    "$(alert 9001 persistent_absence)" none
is "audit: the chain of LA 830 still checks" \
    "$(su "SELECT coalesce(cme.audit_chain_check(830)::text, 'intact')")" \
    intact

psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
exit 0
