#!/bin/sh
# tests/db/sweep.sh — `cme sweep`: the rules that fire with time.
#
# On the fixture plus crafted rows, as of Mon 21 Oct 2024 in LA 830:
#  - a snoozed alert whose day has come is open again, a later one is not;
#  - an N 6 school days old raises n_code_unresolved, one 5 days old not;
#  - a case referred 21 school days ago (still referred) is overdue, one
#    referred 20 days ago (in enquiries) is not, nor a located case;
#  - the full pass of the attendance rules: 51.2% is persistent absence,
#    50.0% severe;
#  - the live push of a woken alert;
#  - a second run changes nothing (alerts, versions, audit);
#  - who may sweep which LA, one summary line per LA, usage errors.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# CME_PG_SUPERUSER. Builds its own database (cme_t_sweep).

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_sweep
ASOF=2024-10-21

su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "$DB" \
	    -c "$1" 2>&1
}
# sweep ROLE ARGS...: cme sweep on $DB as ROLE; output in $out, status $rc.
sweep() {
	_r=$1
	shift
	out=$(PGDATABASE=$DB PGUSER=$_r "$CME_BIN" sweep "$@" 2>&1)
	rc=$?
}
alert() {
	_a=$(su "SELECT severity || ' ' || status FROM cme.alert
	    WHERE child_id = $1 AND rule = '$2' AND status <> 'resolved'")
	echo "${_a:-none}"
}
state() {
	su "SELECT md5(string_agg(concat_ws(':', la_code, alert_id, child_id,
		rule, severity, status, version, snooze_until, detail), ','
		ORDER BY la_code, alert_id)) || ' ' ||
	    (SELECT count(*) FROM cme.audit_log) FROM cme.alert"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' \
    >/dev/null 2>&1; then
	not_ok "sweep: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi
fresh_db "$DB"
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "sweep: load tests/db/fixture.sql" "$_out"
	exit 1
fi
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" 2>&1 <<'SQL'
INSERT INTO cme.child (la_code, child_id, legal_forename, legal_surname,
    dob, sex, team_id)
SELECT 830, 9100 + n, 'Sweep', 'Pupil ' || n, '2013-05-01'::date + n, 'U', 1
  FROM generate_series(1, 8) AS n;
-- 9101/9102: an N on Fri 11 Oct (6 school days before Mon 21 Oct) and on
-- Mon 14 Oct (5 school days before).
INSERT INTO cme.attendance (la_code, child_id, laestab, term_id, marks,
    possible, present, auth_absent, unauth_absent, last_marked)
SELECT 830, c.child_id, 8302001, 1, c.marks, t.possible, t.present,
       t.auth_absent, t.unauth_absent, c.last
  FROM (VALUES
	(9101, overlay(repeat('-', 96) PLACING 'N/' FROM
	    2 * ('2024-10-11'::date - '2024-09-04') + 1), '2024-10-11'::date),
	(9102, overlay(repeat('-', 96) PLACING 'N/' FROM
	    2 * ('2024-10-14'::date - '2024-09-04') + 1), '2024-10-14'),
	-- 9103: 21 of 41 present (51.2%); 9104: 20 of 40 (50.0%).
	(9103, repeat('/\', 10) || '/' || repeat('OO', 10) || '-',
	    '2024-10-18'),
	(9104, repeat('/\', 10) || repeat('OO', 10), '2024-10-18'))
	AS c(child_id, marks, last)
 CROSS JOIN LATERAL cme.attendance_tally(c.marks) AS t;
-- Cases: 9105 referred Fri 20 Sep (21 school days before 21 Oct), 9106 on
-- Mon 23 Sep (20), 9107 referred long ago but located.
INSERT INTO cme.cme_case (la_code, child_id, status, source, referred_on,
    team_id, located_on)
VALUES (830, 9105, 'referred', 'school', '2024-09-20', 1, NULL),
       (830, 9106, 'enquiries', 'school', '2024-09-23', 1, NULL),
       (830, 9107, 'located', 'school', '2024-06-03', 1, '2024-06-20');
-- Snoozed: 9108 until 22 Oct (not yet); the fixture's alert 3 (8301)
-- until 20 Oct (due).
INSERT INTO cme.alert (la_code, child_id, rule, severity, status, team_id,
    snooze_until)
VALUES (830, 9108, 'persistent_absence', 'medium', 'snoozed', 1,
    '2024-10-22');
SQL
)
then
	not_ok "sweep: load the crafted rows" "$_out"
	exit 1
fi
ok "sweep: fresh database with the fixture and crafted rows"
is "sweep: the crafted case dates are 21 and 20 school days before $ASOF" \
    "$(su "SELECT cme.school_days_between(830, '2024-09-20', '$ASOF') || ' '
	|| cme.school_days_between(830, '2024-09-23', '$ASOF')")" "21 20"

# ------------------------------------------------------------ the sweep
printf '%s\n' "LISTEN cme_alerts_830;" \
    "\\! PGDATABASE=$DB PGUSER=$CME_PG_SUPERUSER $CME_BIN sweep --as-of $ASOF >${CME_TMP:-/tmp}/sweep.$$ 2>&1; echo \$? >>${CME_TMP:-/tmp}/sweep.$$" \
    "SELECT 1;" |
    psql -X -q -At -U "$CME_PG_SUPERUSER" -d "$DB" >"${CME_TMP:-/tmp}/sweep-listen.$$" 2>&1
out=$(cat "${CME_TMP:-/tmp}/sweep.$$")
listen=$(cat "${CME_TMP:-/tmp}/sweep-listen.$$")
rm -f "${CME_TMP:-/tmp}/sweep.$$" "${CME_TMP:-/tmp}/sweep-listen.$$"
is "sweep: exits 0" "$(echo "$out" | tail -n 1)" 0
is "sweep: one summary line per LA with children" \
    "$(echo "$out" | grep -c '^[0-9][0-9][0-9] .*: .* alerts raised (as of')" 2
like "sweep: the 830 line" "$out" \
    "830 Derbyshire: 1 snoozed alerts due, "
is "sweep: a snoozed alert whose day has come is open again" \
    "$(su "SELECT status || ' ' || coalesce(snooze_until::text, '-')
	FROM cme.alert WHERE alert_id = 3")" "open -"
is "sweep: one due tomorrow stays snoozed" "$(alert 9108 persistent_absence)" \
    "medium snoozed"
is "sweep: an N 6 school days old raises n_code_unresolved" \
    "$(alert 9101 n_code_unresolved)" "medium open"
is "sweep: an N 5 school days old does not" \
    "$(alert 9102 n_code_unresolved)" none
is "sweep: a case referred 21 school days ago is overdue" \
    "$(alert 9105 case_clock_overdue)" "medium open"
is "sweep: one referred 20 school days ago is not" \
    "$(alert 9106 case_clock_overdue)" none
is "sweep: a located case is not" "$(alert 9107 case_clock_overdue)" none
is "sweep: 51.2% is persistent absence, not severe" \
    "$(alert 9103 persistent_absence) / $(alert 9103 severe_absence)" \
    "medium open / none"
is "sweep: 50.0% is severe absence" "$(alert 9104 severe_absence)" \
    "high open"
like "sweep: the woken alert is pushed on cme_alerts_830" "$listen" \
    'notification "cme_alerts_830" with payload "{"alert_id" : 3, "child_id" : 8301}"'
is "sweep: the woken alerts are one audit row" \
    "$(su "SELECT after -> 'woken' FROM cme.audit_log
	WHERE la_code = 830 AND action = 'wake_alerts'")" "[3]"

# ------------------------------------------------------- idempotent
before=$(state)
sweep "$CME_PG_SUPERUSER" --as-of "$ASOF"
is "sweep: a second run exits 0" "$rc" 0
is "sweep: a second run raises nothing" \
    "$(echo "$out" | grep -c '0 snoozed alerts due, 0 N codes past grace, 0 case clocks overdue, 0 absence and 0 streak alerts; 0 alerts raised')" 2
is "sweep: a second run changes no alert and writes no audit row" \
    "$(state)" "$before"

# ------------------------------------------------------------ who may
sweep t_ada --la 830 --as-of "$ASOF"
is "sweep: t_ada (admin) sweeps its own LA" "$rc" 0
like "sweep: ... one line for 830" "$out" "830 Derbyshire:"
sweep t_ada --la 886 --as-of "$ASOF"
is "sweep: t_ada may not sweep LA 886" "$rc" 1
like "sweep: ... and is told so" "$out" "may not sweep LA 886"
sweep t_ada --as-of "$ASOF"
is "sweep: t_ada without --la sweeps only its LA" \
    "$(echo "$out" | grep -c '^[0-9]')" 1
sweep t_alex --as-of "$ASOF"
is "sweep: a caseworker may not sweep" "$rc" 1
sweep "$CME_PG_SUPERUSER" --la abc
is "sweep: --la abc is a usage error" "$rc" 2
sweep "$CME_PG_SUPERUSER" --as-of 2024-13-01
is "sweep: a bad --as-of is a usage error" "$rc" 2
sweep "$CME_PG_SUPERUSER" --la 881 --as-of "$ASOF"
like "sweep: an LA without children: nothing to sweep" "$out" \
    "nothing to sweep"

psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
exit 0
