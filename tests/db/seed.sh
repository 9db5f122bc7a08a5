#!/bin/sh
# tests/db/seed.sh — `cme db seed --demo`: deterministic, valid and
# realistic synthetic data, loaded once.
#
# Seeds three fresh databases at a pinned --as-of date (two with the same
# --seed, one with another) and checks: identical data for the same seed
# and options (an md5 over ordered COPY dumps of every seeded table), a
# different seed differs; every UPN passes cme.upn_valid; every packed
# attendance row's counters and last_marked match its marks, recomputed in
# SQL; alex (connecting as alex) has 15-40 open cases and sees only 830;
# both LAs have children, schools and a 190-day calendar; the share of
# persistently absent pupils this term is 10-30%; names include non-ASCII
# ones; COPY escaping survives notes with newlines and backslashes; and a
# second seed into the same database fails with a clear message and
# changes nothing.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# CME_PG_SUPERUSER. Builds its own databases (cme_t_seed1..3) and drops
# them at the end.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
CME_BIN=${CME_BIN:-$CME_ROOT/build/cme}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS

command -v psql >/dev/null 2>&1 || { echo "# psql not found"; exit 77; }
[ -x "$CME_BIN" ] || { echo "# $CME_BIN is not built"; exit 77; }

ASOF=2025-11-20		# a Thursday, half way through the autumn term
DB1=cme_t_seed1
DB2=cme_t_seed2
DB3=cme_t_seed3

cleanup() {
	for _d in $DB1 $DB2 $DB3; do
		su_psql -d postgres -c "DROP DATABASE IF EXISTS $_d" \
		    >/dev/null 2>&1
	done
}
trap cleanup EXIT

# seed DB ARGS...: cme db seed --demo into DB as the superuser.
seed() {
	_db=$1
	shift
	PGDATABASE=$_db PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db seed --demo "$@"
}

q() {	# q DB SQL: one value as the superuser
	su_psql -d "$1" -c "$2"
}

# digest DB: md5 over every seeded table, each dumped in key order.
digest() {
	for _t in "cme.school ORDER BY laestab" \
	    "cme.team ORDER BY la_code, team_id" \
	    "cme.staff ORDER BY la_code, role_name" \
	    "cme.la_settings ORDER BY la_code" \
	    "cme.term ORDER BY la_code, term_id" \
	    "cme.non_school_day ORDER BY la_code, day" \
	    "cme.child ORDER BY la_code, child_id" \
	    "cme.child_name ORDER BY la_code, name_id" \
	    "cme.child_former_upn ORDER BY la_code, child_id, upn" \
	    "cme.address ORDER BY la_code, address_id" \
	    "cme.person ORDER BY la_code, person_id" \
	    "cme.child_person ORDER BY la_code, child_id, person_id" \
	    "cme.enrolment ORDER BY la_code, enrolment_id" \
	    "cme.attendance ORDER BY la_code, child_id, laestab, term_id" \
	    "cme.register_return ORDER BY la_code, return_id" \
	    "cme.cme_case ORDER BY la_code, case_id" \
	    "cme.case_contact ORDER BY la_code, contact_id" \
	    "cme.case_enquiry ORDER BY la_code, case_id, item" \
	    "cme.alert ORDER BY la_code, alert_id"; do
		su_psql -d "$1" -c "COPY (SELECT * FROM $_t) TO STDOUT" ||
		    echo "dump of $_t failed"
	done | md5sum | cut -d ' ' -f 1
}

for _d in $DB1 $DB2 $DB3; do
	fresh_db $_d || { not_ok "seed: create and migrate $_d"; exit 1; }
done

t0=$(date +%s)
check "seed: cme db seed --demo --seed 7 --as-of $ASOF" \
    seed $DB1 --seed 7 --as-of $ASOF
t1=$(date +%s)
echo "# default demo (2 x 1500 children) seeded in $((t1 - t0)) s"
check "seed: the same options into a second database" \
    seed $DB2 --seed 7 --as-of $ASOF
check "seed: another seed into a third database" \
    seed $DB3 --seed 8 --as-of $ASOF --pupils 1500

# ---- determinism ----
d1=$(digest $DB1)
d2=$(digest $DB2)
d3=$(digest $DB3)
is "seed: same seed and as-of give byte-identical tables" "$d2" "$d1"
if [ "$d1" != "$d3" ]; then
	ok "seed: a different seed gives different data"
else
	not_ok "seed: a different seed gives different data" "both $d1"
fi

# ---- the two LAs ----
is "seed: both LAs have 1500 children" \
    "$(q $DB1 "SELECT string_agg(la_code || ':' || n, ' ' ORDER BY la_code)
	FROM (SELECT la_code, count(*) n FROM cme.child GROUP BY 1) x")" \
    "830:1500 886:1500"
is "seed: both LAs have 12 or more schools, primaries 2xxx, secondaries 4xxx" \
    "$(q $DB1 "SELECT string_agg(la_code || ':' || ok, ' ' ORDER BY la_code)
	FROM (SELECT la_code, count(*) >= 12 AND bool_and(CASE phase
	    WHEN 'primary' THEN laestab % 10000 BETWEEN 2000 AND 2999
	    ELSE laestab % 10000 BETWEEN 4000 AND 4999 END) AS ok
	    FROM cme.school WHERE la_code IN (830, 886) GROUP BY 1) x")" \
    "830:true 886:true"
is "seed: two academic years of three terms, 190 pupil days each, per LA" \
    "$(q $DB1 "SELECT string_agg(la_code || '/' || academic_year || ':' ||
	n || ':' || days, ' ' ORDER BY la_code, academic_year)
	FROM (SELECT la_code, academic_year, count(*) n,
	    sum(cme.school_days_between(la_code, starts - 1, ends)) days
	    FROM cme.term GROUP BY 1, 2) x")" \
    "830/2024:3:190 830/2025:3:190 886/2024:3:190 886/2025:3:190"
is "seed: la_settings for both LAs" \
    "$(q $DB1 "SELECT count(*) FROM cme.la_settings
	WHERE la_code IN (830, 886)")" 2

# ---- identity ----
is "seed: every UPN and former UPN passes cme.upn_valid" \
    "$(q $DB1 "SELECT (SELECT count(*) FROM cme.child
	WHERE upn IS NOT NULL AND NOT cme.upn_valid(upn)) +
	(SELECT count(*) FROM cme.child_former_upn
	WHERE NOT cme.upn_valid(upn))")" 0
is "seed: nearly every child has a UPN, some have former UPNs" \
    "$(q $DB1 "SELECT count(upn) > 0.9 * count(*) AND
	(SELECT count(*) FROM cme.child_former_upn) > 0 FROM cme.child")" t
is "seed: some names are not ASCII (legal, preferred and aliases)" \
    "$(q $DB1 "SELECT (SELECT count(*) > 30 FROM cme.child
	WHERE legal_forename || legal_surname ~ '[^ -~]')
	AND (SELECT count(*) > 0 FROM cme.child
	WHERE preferred_forename || preferred_surname ~ '[^ -~]')
	AND (SELECT count(*) > 0 FROM cme.child_name
	WHERE forename || surname ~ '[^ -~]')")" t
is "seed: apostrophes and hyphens in names came through" \
    "$(q $DB1 "SELECT count(*) FILTER (WHERE legal_surname LIKE '%''%') > 0
	AND count(*) FILTER (WHERE legal_surname || legal_forename
	LIKE '%-%') > 0 FROM cme.child")" t
is "seed: about 5-8% of children have a former name or alias" \
    "$(q $DB1 "SELECT (100.0 * count(DISTINCT child_id) / 3000)
	BETWEEN 4 AND 9 FROM cme.child_name")" t
is "seed: phones in the drama range, e-mail at example.org" \
    "$(q $DB1 "SELECT count(*) FROM cme.person
	WHERE phone !~ '^07700 900[0-9]{3}\$'
	   OR phone_alt !~ '^01632 960[0-9]{3}\$'
	   OR email !~ '@example\\.org\$'")" 0
is "seed: siblings share their carers" \
    "$(q $DB1 "SELECT count(*) > 0 FROM (SELECT person_id FROM
	cme.child_person GROUP BY la_code, person_id HAVING count(*) > 1) x")" t

# ---- attendance ----
is "seed: every attendance row's counters match its marks (recomputed)" \
    "$(q $DB1 "SELECT count(*) FROM cme.attendance a CROSS JOIN LATERAL (
	SELECT count(*) FILTER (WHERE c.category <> 'NP') AS possible,
	       count(*) FILTER (WHERE c.category = 'P') AS present,
	       count(*) FILTER (WHERE c.category = 'AA') AS auth,
	       count(*) FILTER (WHERE c.category = 'UA') AS unauth
	  FROM regexp_split_to_table(a.marks, '') AS m(ch)
	  JOIN cme.attendance_code c ON c.packed = m.ch) r
	WHERE (r.possible, r.present, r.auth, r.unauth) IS DISTINCT FROM
	      (a.possible, a.present, a.auth_absent, a.unauth_absent)")" 0
is "seed: last_marked is the day of the last mark, marks fit the term" \
    "$(q $DB1 "SELECT count(*) FROM cme.attendance a
	JOIN cme.term t USING (la_code, term_id)
	WHERE length(a.marks) <> 2 * (t.ends - t.starts + 1)
	   OR a.last_marked IS DISTINCT FROM
	      t.starts + (length(rtrim(a.marks, '-')) - 1) / 2
	   OR a.last_marked >= date '$ASOF'")" 0
is "seed: no marks on weekends or closures" \
    "$(q $DB1 "SELECT count(*) FROM cme.attendance a
	JOIN cme.term t USING (la_code, term_id)
	CROSS JOIN LATERAL generate_series(0, t.ends - t.starts) AS d(n)
	WHERE substr(a.marks, 2 * d.n + 1, 2) <> '--'
	  AND NOT cme.is_school_day(a.la_code, t.starts + d.n)")" 0
pa=$(q $DB1 "SELECT round(100.0 * count(*) FILTER (WHERE present * 10 <=
	possible * 9) / count(*), 1) FROM cme.attendance a
	JOIN cme.term t USING (la_code, term_id)
	WHERE date '$ASOF' BETWEEN t.starts AND t.ends AND possible > 0")
sa=$(q $DB1 "SELECT round(100.0 * count(*) FILTER (WHERE present * 2 <=
	possible) / count(*), 1) FROM cme.attendance a
	JOIN cme.term t USING (la_code, term_id)
	WHERE date '$ASOF' BETWEEN t.starts AND t.ends AND possible > 0")
echo "# persistent absence this term: $pa%, severe: $sa%"
is "seed: 10-30% persistently absent (attendance <= 90%) this term" \
    "$(q $DB1 "SELECT $pa BETWEEN 10 AND 30")" t
is "seed: some pupils severely absent (<= 50%), not many" \
    "$(q $DB1 "SELECT $sa > 0 AND $sa < 8")" t
ua=$(q $DB1 "SELECT string_agg(packed, '') FROM cme.attendance_code
	WHERE category = 'UA'")
is "seed: a few on roll with 10+ school days of only unauthorised codes" \
    "$(q $DB1 "SELECT count(*) BETWEEN 1 AND 60 FROM cme.attendance a
	JOIN cme.term t USING (la_code, term_id)
	JOIN cme.enrolment e ON e.la_code = a.la_code
	 AND e.child_id = a.child_id AND e.laestab = a.laestab
	 AND e.ends IS NULL
	WHERE date '$ASOF' BETWEEN t.starts AND t.ends
	  AND right(replace(rtrim(a.marks, '-'), '-', ''), 20)
	      ~ '^[$ua]{20}\$'")" t
is "seed: recent N codes still unresolved" \
    "$(q $DB1 "SELECT count(*) > 0 FROM cme.attendance
	WHERE right(rtrim(marks, '-'), 12) LIKE '%N%'")" t
is "seed: illness, medical, unauthorised and late codes all occur" \
    "$(q $DB1 "SELECT bool_and(strpos(m, x) > 0) FROM (SELECT
	string_agg(marks, '') m FROM cme.attendance) a,
	unnest(ARRAY['I', 'M', 'O', 'G', 'L', 'N']) AS x")" t

# ---- casework ----
alex=$(as_role alex -d $DB1 -c "SELECT count(*) FROM cme.cme_case
	WHERE assigned_to = current_user
	  AND status NOT IN ('closed', 'transferred')")
echo "# alex has $alex open cases"
is "seed: alex, connected as alex, has 15-40 open cases" \
    "$(q $DB1 "SELECT ${alex:-0} BETWEEN 15 AND 40")" t
is "seed: alex sees 830's children only" \
    "$(as_role alex -d $DB1 -c "SELECT string_agg(DISTINCT la_code::text,
	',') FROM cme.child")" 830
is "seed: casey has open cases in 886, and some cases are unassigned" \
    "$(q $DB1 "SELECT count(*) FILTER (WHERE assigned_to = 'casey') > 0
	AND count(*) FILTER (WHERE assigned_to IS NULL) > 0
	FROM cme.cme_case WHERE status NOT IN ('closed', 'transferred')")" t
is "seed: login roles with their group roles" \
    "$(q $DB1 "SELECT string_agg(r.rolname || ':' || r.rolcanlogin || ':' ||
	g.rolname, ' ' ORDER BY r.rolname) FROM pg_roles r
	JOIN pg_auth_members m ON m.member = r.oid
	JOIN pg_roles g ON g.oid = m.roleid
	WHERE r.rolname IN ('alex', 'sam', 'casey')")" \
    "alex:true:cme_caseworker casey:true:cme_caseworker sam:true:cme_supervisor"
is "seed: sam supervises alex's team" \
    "$(q $DB1 "SELECT a.team_id = s.team_id AND s.kind = 'supervisor'
	FROM cme.staff a, cme.staff s
	WHERE a.role_name = 'alex' AND s.role_name = 'sam'")" t
is "seed: CME population 2-3% per LA, cases in several states" \
    "$(q $DB1 "SELECT bool_and(p BETWEEN 1.5 AND 4) AND
	(SELECT count(DISTINCT status) >= 5 FROM cme.cme_case)
	FROM (SELECT la_code, 100.0 * count(*) FILTER (WHERE NOT EXISTS (
	    SELECT 1 FROM cme.enrolment e WHERE e.la_code = c.la_code
	    AND e.child_id = c.child_id AND e.ends IS NULL)
	    AND c.ehe_status NOT IN ('suitable', 'assessing', 'notified'))
	    / count(*) AS p FROM cme.child c GROUP BY la_code) x")" t
is "seed: deletions with grounds g, h, i, f and a" \
    "$(q $DB1 "SELECT string_agg(DISTINCT deletion_ground::text, '' ORDER
	BY deletion_ground::text) FROM cme.enrolment
	WHERE deletion_ground IN ('a', 'f', 'g', 'h', 'i')")" afghi
is "seed: contacts, checklists, returns of every kind, open alerts" \
    "$(q $DB1 "SELECT (SELECT count(*) > 0 FROM cme.case_contact)
	AND (SELECT count(DISTINCT state) >= 3 FROM cme.case_enquiry)
	AND (SELECT count(DISTINCT kind) = 4 FROM cme.register_return)
	AND (SELECT count(*) > 0 FROM cme.alert WHERE status = 'open')")" t
is "seed: nothing happens after the as-of date; closures follow locating" \
    "$(q $DB1 "SELECT (SELECT count(*) FROM cme.cme_case
	WHERE referred_on >= date '$ASOF' OR located_on >= date '$ASOF'
	   OR closed_on >= date '$ASOF' OR located_on > closed_on
	   OR closure_requested_at >= date '$ASOF'
	   OR created_at >= date '$ASOF')
	+ (SELECT count(*) FROM cme.case_contact
	   WHERE contact_at >= date '$ASOF' OR recorded_at >= date '$ASOF')
	+ (SELECT count(*) FROM cme.alert WHERE raised_at >= date '$ASOF')
	+ (SELECT count(*) FROM cme.register_return
	   WHERE received_at >= date '$ASOF' OR event_date >= date '$ASOF')
	+ (SELECT count(*) FROM cme.enrolment
	   WHERE starts >= date '$ASOF' OR ends >= date '$ASOF')
	+ (SELECT count(*) FROM cme.child WHERE created_at >= date '$ASOF')")" 0
is "seed: notes with newlines and backslashes survive COPY" \
    "$(q $DB1 "SELECT count(*) FILTER (WHERE note LIKE E'%\\n%') > 0
	AND count(*) FILTER (WHERE strpos(note, E'\\\\') > 0) > 0
	FROM cme.case_contact")" t
is "seed: the bulk load wrote one audit link per LA, not one per row" \
    "$(q $DB1 "SELECT string_agg(la_code || ':' || n, ' ' ORDER BY la_code)
	FROM (SELECT la_code, count(*) n FROM cme.audit_log GROUP BY 1) x")" \
    "830:1 886:1"

# ---- seeding twice ----
roles=$(q $DB1 "SELECT count(*) FROM pg_roles")
out=$(seed $DB1 --seed 9 --as-of $ASOF 2>&1)
st=$?
if [ $st -ne 0 ]; then
	ok "seed: a second seed into the same database fails"
else
	not_ok "seed: a second seed into the same database fails" "$out"
fi
like "seed: ... with a clear message" "$out" \
    "database already holds demo data for LA 830; use a fresh database"
is "seed: ... and changes nothing" "$(digest $DB1) $(q $DB1 \
    "SELECT count(*) FROM pg_roles")" "$d1 $roles"

cleanup
trap - EXIT
