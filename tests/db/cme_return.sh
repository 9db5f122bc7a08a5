#!/bin/sh
# tests/db/cme_return.sh — the DfE CME return and the workload view of
# 016_report.sql, against hand-computed figures, and `cme report`.
#
# Census day Thursday 3 October 2024 (first Thursday of October), LA 830.
# Crafted children on top of tests/db/fixture.sql (R = referred, C = closed):
#   8311 F Y4  R 2024-07-11 (exactly 84 days: 12 weeks or less) moved_abroad
#   8312 M Y5  R 2024-07-10 (85 days: more than 12 weeks) application_awaiting
#   8313 M Y1  R 2024-07-12 (83 days) no reason (-> not_known), located
#   8314 F R   R on the census day itself (counts, 0 days) whereabouts_unknown
#   8315 U Y11 R the day after the census: not counted
#   8316 F Y7  R 2024-06-01 C on the census day: not counted on it
#   8317 M Y9  R 2024-09-20 C the day after: counted (13 days) other
#   8318 M     missing twice in 2023/24 (two closed cases): counted once
#   8319 F     closed as not_cme: never counted
#   8320 M     transferred to 886 on 2024-09-15: not counted on the day
#   8321 F     R 2023-06-01 C 2023-09-01: ended on the first day of 2023/24
#   8864 (886) open on the census day: another LA, not counted
# plus the fixture's 8301 (closed Feb 2024: previous year only) and 8302
# (referred 14 Oct 2024: neither).
#
# Expected on the census day: 8311 8312 8313 8314 8317 = 5; F 2, M 3;
# R 1, Y1 1, Y4 1, Y5 1, Y9 1; <=12 weeks 4, >12 weeks 1; one for each of
# moved_abroad, application_awaiting, not_known, whereabouts_unknown,
# other. Any point in 2023/24: 8301 8311 8312 8313 8316 8318 8320 = 7.
# Rounded: 5 -> 10, 7 -> 10, 1..4 -> low, 0 -> 0.
#
# Workload on Tuesday 19 November 2024 (fixture calendar: half term 28 Oct
# to 1 Nov): t_alex has case 1 (referred 14 Oct, 21 school days: the
# 20-day enquiries clock is overdue; contacted, last on 17 Oct: 18 school
# days untouched), alert 1 open; Robin (f_derbys_cw2) has W1 (referred 1
# Nov, no contact, 12 school days: the 10-day clock is overdue) and W2
# (referred 4 Nov, contacted 6 Nov), one contact in the last 10 school
# days.
#
# Roles: t_sam (supervisor) and t_ada (admin) of 830 may; t_alex and
# t_casey (caseworkers) get 42501, even through psql; t_sam naming 886
# gets 42501; the superuser must name the LA and then sees 886's child.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_report
CENSUS=2024-10-03

as() {
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -c "$2" 2>&1
}
# fig ROLE: the return as "breakdown:category=n" words, in order.
fig() {
	as "$1" "SELECT string_agg(breakdown || ':' || category || '=' ||
	    children, ' ' ORDER BY sort) FROM cme.cme_return('$CENSUS')
	    WHERE children > 0"
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' \
    >/dev/null 2>&1; then
	not_ok "cme_return: PostgreSQL reachable as $CME_PG_SUPERUSER"
	exit 1
fi

fresh_db "$DB"
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "cme_return: load tests/db/fixture.sql" "$_out"
	exit 1
fi
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" 2>&1 <<'SQL'
INSERT INTO cme.child (la_code, child_id, legal_forename, legal_surname,
    dob, sex) VALUES
	(830, 8311, 'Ava', 'Exactly', '2015-09-01', 'F'),
	(830, 8312, 'Ben', 'Overby', '2015-08-31', 'M'),
	(830, 8313, 'Cal', 'Under', '2019-03-01', 'M'),
	(830, 8314, 'Dee', 'Today', '2020-01-10', 'F'),
	(830, 8315, 'Eli', 'Tomorrow', '2009-05-05', 'U'),
	(830, 8316, 'Fay', 'Closedon', '2012-12-12', 'F'),
	(830, 8317, 'Gus', 'Closedafter', '2011-02-02', 'M'),
	(830, 8318, 'Hal', 'Twice', '2013-04-04', 'M'),
	(830, 8319, 'Ivy', 'Notcme', '2014-02-02', 'F'),
	(830, 8320, 'Jon', 'Moved', '2012-06-06', 'M'),
	(830, 8321, 'Kit', 'Ended', '2012-07-07', 'F'),
	(830, 8330, 'Lou', 'Workone', '2014-01-01', 'M'),
	(830, 8331, 'Max', 'Worktwo', '2014-01-02', 'M'),
	(886, 8864, 'Ned', 'Kent', '2014-03-03', 'M');
INSERT INTO cme.cme_case (la_code, case_id, child_id, status, source, reason,
    referred_on, assigned_to, located_on) VALUES
	(830, 11, 8311, 'enquiries', 'school', 'moved_abroad', '2024-07-11', NULL, NULL),
	(830, 12, 8312, 'enquiries', 'school', 'application_awaiting', '2024-07-10', NULL, NULL),
	(830, 13, 8313, 'located', 'school', NULL, '2024-07-12', NULL, '2024-09-10'),
	(830, 14, 8314, 'referred', 'school', 'whereabouts_unknown', '2024-10-03', NULL, NULL),
	(830, 15, 8315, 'referred', 'school', 'other', '2024-10-04', NULL, NULL),
	(830, 40, 8330, 'referred', 'school', NULL, '2024-11-01', 'f_derbys_cw2', NULL),
	(830, 41, 8331, 'enquiries', 'school', NULL, '2024-11-04', 'f_derbys_cw2', NULL),
	(886, 60, 8864, 'enquiries', 'school', 'other', '2024-09-01', NULL, NULL);
INSERT INTO cme.cme_case (la_code, case_id, child_id, status, source, reason,
    referred_on, closure_outcome, closure_requested_by, closure_requested_at,
    closure_decided_by, closure_decided_at, closure_decision, closed_on)
VALUES
	(830, 16, 8316, 'closed', 'school', 'other', '2024-06-01', 'on_roll', 't_alex', '2024-10-02 10:00+01', 't_sam', '2024-10-03 10:00+01', 'approved', '2024-10-03'),
	(830, 17, 8317, 'closed', 'school', 'other', '2024-09-20', 'on_roll', 't_alex', '2024-10-03 10:00+01', 't_sam', '2024-10-04 10:00+01', 'approved', '2024-10-04'),
	(830, 18, 8318, 'closed', 'school', 'other', '2023-10-01', 'on_roll', 't_alex', '2023-11-30 10:00+00', 't_sam', '2023-12-01 10:00+00', 'approved', '2023-12-01'),
	(830, 19, 8318, 'closed', 'school', 'other', '2024-03-01', 'on_roll', 't_alex', '2024-04-30 10:00+01', 't_sam', '2024-05-01 10:00+01', 'approved', '2024-05-01'),
	(830, 20, 8319, 'closed', 'school', 'other', '2024-02-01', 'not_cme', 't_alex', '2024-10-09 10:00+01', 't_sam', '2024-10-10 10:00+01', 'approved', '2024-10-10'),
	(830, 22, 8321, 'closed', 'school', 'other', '2023-06-01', 'on_roll', 't_alex', '2023-08-31 10:00+01', 't_sam', '2023-09-01 10:00+01', 'approved', '2023-09-01');
INSERT INTO cme.cme_case (la_code, case_id, child_id, status, source, reason,
    referred_on, transfer_la) VALUES
	(830, 21, 8320, 'transferred', 'school', 'other', '2024-05-01', 886);
ALTER TABLE cme.cme_case DISABLE TRIGGER cme_case_touch;
UPDATE cme.cme_case SET updated_at = '2024-09-15 12:00+01'
 WHERE la_code = 830 AND case_id = 21;
ALTER TABLE cme.cme_case ENABLE TRIGGER cme_case_touch;
INSERT INTO cme.case_contact (la_code, contact_id, case_id, kind, contact_at,
    with_whom, outcome, recorded_by) VALUES
	(830, 40, 41, 'phone', '2024-11-06 10:00+00', 'mother', 'no answer', 'f_derbys_cw2');
SQL
)
then
	not_ok "cme_return: load the crafted cases" "$_out"
	exit 1
fi

# ---- the return, exact ----
want="total:all=5 sex:F=2 sex:M=3 year_group:R=1 year_group:Y1=1"
want="$want year_group:Y4=1 year_group:Y5=1 year_group:Y9=1"
want="$want length_missing:le_12_weeks=4 length_missing:gt_12_weeks=1"
want="$want reason:moved_abroad=1 reason:application_awaiting=1"
want="$want reason:whereabouts_unknown=1 reason:other=1 reason:not_known=1"
want="$want previous_year:all=7"
is "return: every non-zero figure as computed by hand (supervisor)" \
    "$(fig t_sam)" "$want"
is "return: the admin (manager) of the LA gets the same" "$(fig t_ada)" "$want"
is "return: every category is listed, zeros included (28 rows)" \
    "$(as t_sam "SELECT count(*) FROM cme.cme_return('$CENSUS')")" 28
is "return: the previous-year row names the academic year" \
    "$(as t_sam "SELECT label FROM cme.cme_return('$CENSUS')
	WHERE breakdown = 'previous_year'")" "CME at any point in 2023/24"
is "return: the day before the census 8314 and 8316 swap places" \
    "$(as t_sam "SELECT children FROM cme.cme_return('2024-10-02')
	WHERE breakdown = 'total'")" 5
is "return: a day later 8311 (85 days) joins 8312 over 12 weeks" \
    "$(as t_sam "SELECT children FROM cme.cme_return('2024-10-04')
	WHERE category = 'gt_12_weeks'")" 2

# ---- census days ----
is "census days: 2022/23 as DfE published them" \
    "$(as t_sam "SELECT cme.census_day(2022, 'autumn') || ' ' ||
	cme.census_day(2022, 'spring') || ' ' || cme.census_day(2022, 'summer')")" \
    "2022-10-06 2023-01-19 2023-05-18"
is "census days: the latest on or before a day" \
    "$(as t_sam "SELECT cme.census_on_or_before('2024-10-02') || ' ' ||
	cme.census_on_or_before('2024-10-03')")" "2024-05-16 2024-10-03"
is "nc_year: 31 Aug and 1 Sep birthdays a year apart; reception" \
    "$(as t_sam "SELECT cme.nc_year('2015-08-31', '$CENSUS') || ' ' ||
	cme.nc_year('2015-09-01', '$CENSUS') || ' ' ||
	cme.nc_year('2020-01-10', '$CENSUS')")" "5 4 0"
is "return_terms: this term beside the previous one" \
    "$(as t_sam "SELECT census_date || ' ' || children || ' ' ||
	prev_census_date || ' ' || prev_children
	FROM cme.cme_return_terms('2024-10-10') WHERE breakdown = 'total'")" \
    "2024-10-03 5 2024-05-16 1"

# ---- who may ----
is "return: a caseworker is refused (42501) through psql" \
    "$(as t_alex "SELECT count(*) FROM cme.cme_return('$CENSUS')")" \
    "ERROR:  42501"
is "return: a caseworker of another LA is refused (42501)" \
    "$(as t_casey "SELECT count(*) FROM cme.cme_return('$CENSUS')")" \
    "ERROR:  42501"
is "return: a supervisor naming another LA is refused (42501)" \
    "$(as t_sam "SELECT count(*) FROM cme.cme_return('$CENSUS', 886::smallint)")" \
    "ERROR:  42501"
is "return_terms: a caseworker is refused (42501)" \
    "$(as t_alex "SELECT count(*) FROM cme.cme_return_terms()")" \
    "ERROR:  42501"
is "return: the superuser must name the LA (22023)" \
    "$(as "$CME_PG_SUPERUSER" "SELECT count(*) FROM cme.cme_return('$CENSUS')")" \
    "ERROR:  22023"
is "return: for 886 the superuser counts 886's child only" \
    "$(as "$CME_PG_SUPERUSER" "SELECT children FROM
	cme.cme_return('$CENSUS', 886::smallint) WHERE breakdown = 'total'")" 1

# ---- workload ----
is "workload: per officer, hand-computed (19 Nov 2024)" \
    "$(as t_sam "SELECT string_agg(concat_ws('|', role_name, open_cases,
	open_alerts, overdue_clocks, contacts_10d, untouched_days,
	untouched_case), ' ' ORDER BY display_name)
	FROM cme.workload('2024-11-19')")" \
    "t_alex|1|1|1|0|18|1 f_derbys_cw2|2|0|1|1|12|40 t_sam|0|0|0|0"
is "workload: a caseworker is refused (42501) through psql" \
    "$(as t_alex "SELECT count(*) FROM cme.workload()")" "ERROR:  42501"
is "workload: a supervisor naming another LA is refused (42501)" \
    "$(as t_sam "SELECT count(*) FROM cme.workload(NULL, 886::smallint)")" \
    "ERROR:  42501"
is "workload: t_sam sees no officer of 886" \
    "$(as t_sam "SELECT count(*) FROM cme.workload()
	WHERE role_name IN ('t_casey', 'f_kent_sup')")" 0

# ---- cme report cme-return ----
run() {
	PGDATABASE=$DB PGUSER=t_sam "$CME_BIN" report cme-return "$@"
}
out=$(run --census "$CENSUS" 2>&1)
is "cli: the CSV header" "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" \
    "la_code,census_date,breakdown,category,label,children"
is "cli: the total line" \
    "$(printf '%s\n' "$out" | grep ',total,' | tr -d '\r')" \
    "830,2024-10-03,total,all,CME on census day,5"
is "cli: CR LF line ends, 29 lines" \
    "$(printf '%s\n' "$out" | grep -c "$(printf '\r')\$")" 29
out=$(run --census "$CENSUS" --rounded 2>&1 | tr -d '\r')
is "cli --rounded: 5 -> 10, 2 and 3 -> low, 7 -> 10, 0 stays 0" \
    "$(printf '%s\n' "$out" | grep -E ',(total|sex|previous_year),' |
	cut -d, -f6 | tr '\n' ' ')" "10 low low 0 10 "
f=$CME_TMP/report-$$.csv
check "cli -o FILE writes the file" run --census "$CENSUS" -o "$f"
is "cli -o FILE: the same bytes as stdout" \
    "$(cksum <"$f")" "$(run --census "$CENSUS" | cksum)"
is "cli -o FILE: no temporary file left behind" \
    "$(ls "$CME_TMP" | grep -c "report-$$.csv.tmp")" 0
rm -f "$f"

usage() {
	_desc=$1
	_want=$2
	shift 2
	_out=$(PGDATABASE=$DB PGUSER=t_sam "$CME_BIN" report "$@" 2>&1)
	_rc=$?
	if [ "$_rc" -eq 2 ]; then
		like "$_desc (exit 2)" "$_out" "$_want"
	else
		not_ok "$_desc (exit 2)" "exit $_rc" "$_out"
	fi
}
usage "cli: --census is required" "--census YYYY-MM-DD is required" \
    cme-return
usage "cli: a bad date names --census" "--census: '2024-02-30'" \
    cme-return --census 2024-02-30
usage "cli: a bad LA code names --la" "--la: 'kent'" \
    cme-return --census "$CENSUS" --la kent
usage "cli: an unknown report" "unknown report 'dfe'" dfe
usage "cli: an unknown option" "usage: cme report" \
    cme-return --census "$CENSUS" --bogus
out=$(PGDATABASE=$DB PGUSER=t_alex "$CME_BIN" report cme-return \
    --census "$CENSUS" 2>&1)
rc=$?
is "cli: a caseworker is refused (exit 1)" "$rc" 1
like "cli: ... and told who may" "$out" "supervisors and managers"
out=$(PGDATABASE=$DB PGUSER=t_sam "$CME_BIN" report cme-return \
    --census "$CENSUS" --la 886 2>&1)
is "cli: a supervisor cannot name another LA (exit 1)" "$?" 1

su_psql -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
exit 0
