#!/bin/sh
# tests/db/search.sh — finding a child: cme.search_children (012_search.sql)
# and, end to end, what the client sends (search_prepare + the statement
# QUERY_SEARCH_CHILDREN, through the driver tests/db/search_check.c).
#
# Against the seeded demo database, with fixtures picked from its data:
#   alex (caseworker, LA 830) finds a child by a misspelt name, a name
#   typed without its accents, a sounds-like surname (Smyth -> Smith), a
#   former name, an alias, a UPN, a UPN with a wrong check letter (the
#   client says "UPN check letter should be X" and the database finds the
#   UPN one slip away), a former UPN, a date of birth in either format, a
#   postcode and an outward code; an impossible date is refused with a
#   message and never sent;
#   casey (caseworker, LA 886) never gets an 830 child back, even for the
#   exact UPN, name, date of birth or postcode of one;
#   nobody can aim it at another LA: the function takes no LA, is a
#   definer function with a pinned search_path, not executable by PUBLIC,
#   an auditor or a non-staff login; quotes and SQL in the text are text;
#   a supervisor's name search uses the trigram and sounds-like indexes
#   (auto_explain), and takes milliseconds;
#   the folded names behind the trigram search (cme.search_name_key,
#   020_search_speed.sql) are exactly those the LA's children, preferred
#   names, former names and aliases bear, and stay so when a child is
#   renamed or given an alias (the old name goes, the new one is found).
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# PGDATABASE (the demo database), CME_PG_SUPERUSER. Changes nothing.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
CME_BIN=${CME_BIN:-$CME_ROOT/build/cme}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS

command -v psql >/dev/null 2>&1 || { echo "# psql not found"; exit 77; }
[ -n "${PGDATABASE:-}" ] || { echo "# PGDATABASE is not set"; exit 77; }
DRIVER=$(dirname "$CME_BIN")/tests/db_search_check
if [ ! -x "$DRIVER" ]; then
	not_ok "search: the driver is built" "missing: $DRIVER" \
	    "(make unit-bins builds it)"
	exit 1
fi

su1() {	# su1 SQL: one value as the superuser
	su_psql -c "$1"
}
# search ROLE ARGS...: the driver's output, as ROLE.
search() {
	_r=$1
	shift
	"$DRIVER" "$_r" "$@" 2>&1
}
# has_row DESC OUTPUT CHILD HOW: a "row:" line of the driver for child
# CHILD of LA 830 whose how is HOW.
has_row() {
	if printf '%s\n' "$2" | grep -q "^row: 830|$3|$4|"; then
		ok "$1"
	else
		not_ok "$1" "want a row for child $3 matched by '$4'; got:" \
		    "$(printf '%s' "$2" | head -n 8)"
	fi
}
# no_830 DESC OUTPUT: no row of LA 830 in the driver's output, and no error.
no_830() {
	if printf '%s\n' "$2" | grep -q '^row: 830|'; then
		not_ok "$1" "an 830 child came back:" \
		    "$(printf '%s\n' "$2" | grep '^row: 830|' | head -n 3)"
	elif printf '%s\n' "$2" | grep -q '^error:'; then
		not_ok "$1" "$(printf '%s\n' "$2" | grep '^error:')"
	else
		ok "$1"
	fi
}

# ---------------------------------------------------------------- fixtures
# All from LA 830, the first by child_id that fits, so the test follows the
# demo data rather than hard-coding it.

misspelt=$(su1 "SELECT child_id || '|' || legal_forename || ' ' ||
    overlay(legal_surname PLACING substr(legal_surname, 4, 1) ||
	substr(legal_surname, 3, 1) FROM 3 FOR 2)
  FROM cme.child WHERE la_code = 830
   AND legal_surname ~ '^[A-Za-z]{7,}\$' AND legal_forename ~ '^[A-Za-z]{3,}\$'
   AND substr(legal_surname, 3, 1) <> substr(legal_surname, 4, 1)
 ORDER BY child_id LIMIT 1")
accented=$(su1 "SELECT child_id || '|' ||
    left(cme.name_key(legal_surname), -1) || 'y'
  FROM cme.child WHERE la_code = 830
   AND cme.name_key(legal_surname) <> lower(legal_surname)
   AND length(legal_surname) >= 8
 ORDER BY child_id LIMIT 1")
former=$(su1 "SELECT child_id || '|' || forename || ' ' || surname
  FROM cme.child_name WHERE la_code = 830 AND kind = 'former'
   AND forename IS NOT NULL AND surname IS NOT NULL
 ORDER BY name_id LIMIT 1")
alias=$(su1 "SELECT child_id || '|' || forename || ' ' || surname
  FROM cme.child_name WHERE la_code = 830 AND kind = 'alias'
   AND forename IS NOT NULL AND surname IS NOT NULL
 ORDER BY name_id LIMIT 1")
upn=$(su1 "SELECT child_id || '|' || upn FROM cme.child
 WHERE la_code = 830 AND upn IS NOT NULL ORDER BY child_id LIMIT 1")
fupn=$(su1 "SELECT child_id || '|' || upn FROM cme.child_former_upn
 WHERE la_code = 830 ORDER BY child_id, upn LIMIT 1")
dob=$(su1 "SELECT child_id || '|' || to_char(dob, 'DD/MM/YYYY') || '|' ||
    to_char(dob, 'YYYY-MM-DD')
  FROM cme.child c WHERE la_code = 830
 ORDER BY child_id LIMIT 1")
postcode=$(su1 "SELECT child_id || '|' || postcode FROM cme.address
 WHERE la_code = 830 AND valid_to IS NULL AND postcode IS NOT NULL
 ORDER BY child_id LIMIT 1")
smith=$(su1 "SELECT count(*) FROM cme.child WHERE la_code = 830
   AND legal_surname = 'Smith'")

for f in "$misspelt" "$accented" "$former" "$alias" "$upn" "$fupn" "$dob" \
    "$postcode"; do
	if [ -z "$f" ]; then
		not_ok "search: the demo data has every fixture" \
		    "misspelt=$misspelt accented=$accented former=$former" \
		    "alias=$alias upn=$upn fupn=$fupn dob=$dob" \
		    "postcode=$postcode"
		exit 1
	fi
done
id() { echo "${1%%|*}"; }
val() { _x=${1#*|}; echo "${_x%%|*}"; }

# ------------------------------------------------ alex finds his LA's child

out=$(search alex "$(val "$misspelt")")
has_row "search: a misspelt surname ('$(val "$misspelt")') finds the child" \
    "$out" "$(id "$misspelt")" "legal name"
out=$(search alex "$(val "$accented")")
has_row "search: a name typed without accents, with a slip ('$(val \
    "$accented")'), finds the child" "$out" "$(id "$accented")" "legal name"
out=$(search alex "$(val "$former")")
has_row "search: a former name ('$(val "$former")') finds the child" "$out" \
    "$(id "$former")" "former name"
out=$(search alex "$(val "$alias")")
has_row "search: an alias ('$(val "$alias")') finds the child" "$out" \
    "$(id "$alias")" "alias"
if [ "$smith" -gt 0 ]; then
	out=$(search alex "Smyth")
	like "search: Smyth sounds like Smith" "$out" "Smith|"
	like "search: ... and says so" "$out" "|sounds like|"
else
	ok "search: Smyth sounds like Smith # SKIP no Smith in this demo"
fi

u=$(val "$upn")
out=$(search alex "$u")
has_row "search: the UPN $u finds its child" "$out" "$(id "$upn")" "UPN"
like "search: ... with no message" "$out" "message: 
"
# The check letter mistyped: A, or B when the real one is A.
bad=A
[ "${u%"${u#?}"}" = A ] && bad=B
badupn=$bad${u#?}
out=$(search alex "$(echo "$badupn" | tr 'A-Z' 'a-z')")
like "search: a wrong check letter ($badupn) is told" "$out" \
    "message: UPN check letter should be ${u%"${u#?}"}"
has_row "search: ... and the child is found by the UPN one slip away" \
    "$out" "$(id "$upn")" "similar UPN"
out=$(search alex "$(val "$fupn")")
has_row "search: a former UPN ($(val "$fupn")) finds the child" "$out" \
    "$(id "$fupn")" "former UPN"

out=$(search alex "$(val "$dob")")
has_row "search: a date of birth typed $(val "$dob") finds the child" \
    "$out" "$(id "$dob")" "date of birth"
iso=${dob##*|}
out=$(search alex "$iso")
has_row "search: ... and typed $iso" "$out" "$(id "$dob")" "date of birth"
out=$(search alex "31/02/2014")
like "search: an impossible date is refused with the reason" "$out" \
    "message: 31/02/2014 is not a date: February 2014 has 28 days"
if printf '%s\n' "$out" | grep -q '^row:\|^error:'; then
	not_ok "search: ... and nothing is sent" "$out"
else
	ok "search: ... and nothing is sent"
fi

pc=$(val "$postcode")
out=$(search alex "$(echo "$pc" | tr -d ' ' | tr 'A-Z' 'a-z')")
has_row "search: the postcode $pc, typed any how, finds the child" "$out" \
    "$(id "$postcode")" "postcode"
outward=${pc% *}
out=$(search alex "$outward")
n_all=$(printf '%s\n' "$out" | grep -c '^row: ')
n_in=$(printf '%s\n' "$out" |
    grep -c "^row: 830|[0-9]*|[a-z ]*postcode|$outward ")
if [ "$n_all" -gt 0 ] && [ "$n_all" = "$n_in" ]; then
	ok "search: the outward code $outward finds $n_all children, all in it"
else
	not_ok "search: the outward code $outward finds children in it" \
	    "rows: $n_all, in $outward: $n_in" \
	    "$(printf '%s' "$out" | head -n 5)"
fi

# ------------------------------------------------- casey never sees 830

out=$(search casey "$u" "$(val "$misspelt")" "$(val "$former")" \
    "$(val "$alias")" "$badupn" "$(val "$fupn")" "$(val "$dob")" "$pc" \
    "$outward" "Smyth")
no_830 "search: casey (886) gets no 830 child for any of them" "$out"
n=$(as_role casey -c "SELECT count(*) FROM cme.search_children('$u', 200)")
is "search: casey gets nothing at all for the exact 830 UPN $u" "$n" 0
n=$(as_role casey -c "SELECT count(*) FROM cme.search_children('$u', 200,
    'upn') WHERE la_code <> 886")
is "search: ... nor, whatever kind is asked for, anything outside 886" \
    "$n" 0
n=$(as_role casey -c "SELECT count(*) FROM cme.search_children('smith', 200)
    WHERE la_code <> 886")
is "search: casey's name search stays in 886" "$n" 0
n=$(as_role casey -c "SELECT count(*) > 0 FROM cme.search_children('smith',
    200)")
is "search: ... and does find 886 children (not vacuous)" "$n" t

# ------------------------------------------- no way to aim it elsewhere

row=$(su1 "SELECT p.pronargs || '|' || pg_get_function_identity_arguments(p.oid)
    || '|' || p.prosecdef || '|' || array_to_string(p.proconfig, ';')
  FROM pg_proc p
 WHERE p.oid = 'cme.search_children(text,integer,text)'::regprocedure")
is "search: the function's arguments are the text, a limit and a kind" \
    "$(echo "$row" | cut -d '|' -f 1-2)" \
    "3|p_query text, p_limit integer, p_kind text"
is "search: ... it is SECURITY DEFINER" "$(echo "$row" | cut -d '|' -f 3)" \
    true
like "search: ... with search_path = cme, pg_temp (pg_temp last)" "$row" \
    "search_path=cme, pg_temp"
is "search: PUBLIC cannot execute it" "$(su1 "SELECT
    has_function_privilege('public', 'cme.search_children(text,integer,text)',
    'EXECUTE')")" f
for r in cme_caseworker cme_supervisor cme_admin; do
	is "search: $r may execute it" "$(su1 "SELECT
	    has_function_privilege('$r',
	    'cme.search_children(text,integer,text)', 'EXECUTE')")" t
done
for r in cme_school cme_auditor; do
	is "search: $r may not" "$(su1 "SELECT
	    has_function_privilege('$r',
	    'cme.search_children(text,integer,text)', 'EXECUTE')")" f
done
out=$(psql -X -q -v VERBOSITY=sqlstate -At -U ash \
    -c "SELECT * FROM cme.search_children('smith')" 2>&1)
like "search: the auditor is refused (42501)" "$out" "ERROR:  42501"
out=$(psql -X -q -At -U "$CME_PG_SUPERUSER" \
    -c "SELECT * FROM cme.search_children('smith')" 2>&1)
like "search: a login that is not staff is refused" "$out" \
    "is not an active member of staff"
out=$(as_role alex -c "SELECT count(*) FROM cme.search_children(
    'x''); DROP TABLE cme.child; --')" 2>&1)
is "search: quotes and SQL in the text are only text" "$out" 0
is "search: ... cme.child is still there" \
    "$(su1 "SELECT count(*) > 0 FROM cme.child")" t
n=$(as_role alex -c "SELECT count(*) FROM cme.search_children('smith', 3)")
is "search: the limit is kept" "$n" 3
out=$(psql -X -q -v VERBOSITY=sqlstate -At -U alex \
    -c "SELECT * FROM cme.search_children('smith', 5, 'la')" 2>&1)
like "search: an unknown kind is an error (22023)" "$out" "ERROR:  22023"

# ------------------------------------------ the indexes, as a supervisor
# auto_explain shows the plans of the statements inside the function;
# SET SESSION AUTHORIZATION makes the superuser's session sam's, so the
# function sees sam as the caller.
plan=$(psql -X -q -At -U "$CME_PG_SUPERUSER" 2>&1 <<'EOF'
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_level = notice;
SET client_min_messages = notice;
SET SESSION AUTHORIZATION sam;
SELECT count(*) FROM cme.search_children('wisniewsky');
EOF
)
# (The small tables, child_name and the preferred names, may be read
# whole in the demo database: that is the planner's choice, not scope.)
# 020_search_speed.sql: the LA's distinct folded names (a small table,
# which the planner may read whole in the demo database), then the
# children bearing them through the btree over the same expression.
for ix in search_name_key child_legal_key child_legal_sound; do
	like "search: a supervisor's name search uses $ix" "$plan" \
	    "$ix"
done
case $plan in
*"Seq Scan on child "*) not_ok "search: ... and never scans cme.child" \
    "$(printf '%s\n' "$plan" | grep -B2 -A2 'Seq Scan on child ')" ;;
*) ok "search: ... and never scans cme.child" ;;
esac
ms=$(psql -X -q -At -U sam 2>&1 <<'EOF'
SELECT count(*) FROM cme.search_children('wisniewsky');
\timing on
SELECT count(*) FROM cme.search_children('wisniewsky');
EOF
)
echo "# a supervisor's name search, warm: $(printf '%s\n' "$ms" |
    sed -n 's/^Time: //p')"

# ------------------------------------ the folded names (020_search_speed)
names_sql="SELECT la_code, cme.full_name_key(legal_forename, legal_surname)
      FROM cme.child
    UNION SELECT la_code, cme.full_name_key(coalesce(preferred_forename,
	legal_forename), coalesce(preferred_surname, legal_surname))
      FROM cme.child
     WHERE preferred_forename IS NOT NULL OR preferred_surname IS NOT NULL
    UNION SELECT la_code, cme.full_name_key(forename, surname)
      FROM cme.child_name"
is "search: search_name_key holds exactly the names children bear" \
    "$(su1 "SELECT count(*) FROM ((SELECT * FROM cme.search_name_key
	EXCEPT ($names_sql)) UNION ALL (($names_sql) EXCEPT
	SELECT * FROM cme.search_name_key)) AS x")" 0
# Rename a child whose name nobody else bears, as alex, in a transaction
# that is rolled back: the new name is found, the old one is gone from
# the names; an alias added the same way is found as an alias.
lone=$(su1 "SELECT c.child_id || '|' || cme.full_name_key(c.legal_forename,
	c.legal_surname)
  FROM cme.child c WHERE c.la_code = 830
   AND c.preferred_forename IS NULL AND c.preferred_surname IS NULL
   AND NOT EXISTS (SELECT 1 FROM cme.child d WHERE d.la_code = 830
	AND d.child_id <> c.child_id
	AND cme.full_name_key(d.legal_forename, d.legal_surname) =
	    cme.full_name_key(c.legal_forename, c.legal_surname))
   AND NOT EXISTS (SELECT 1 FROM cme.child_name n WHERE n.la_code = 830
	AND cme.full_name_key(n.forename, n.surname) =
	    cme.full_name_key(c.legal_forename, c.legal_surname))
 ORDER BY c.child_id LIMIT 1")
lone_id=${lone%%|*}
lone_key=${lone#*|}
out=$(psql -X -q -At -U alex 2>&1 <<EOF
BEGIN;
UPDATE cme.child SET legal_surname = 'Quenbyworthe'
 WHERE la_code = 830 AND child_id = $lone_id;
SELECT 'renamed:' || child_id || '|' || how
  FROM cme.search_children('Quenbyworth', 5, 'name');
SELECT 'old:' || count(*) FROM cme.search_name_key
 WHERE la_code = 830 AND name_key = '$lone_key';
INSERT INTO cme.child_name (la_code, child_id, kind, forename, surname)
VALUES (830, $lone_id, 'alias', 'Zebedee', 'Frobisham');
SELECT 'alias:' || child_id || '|' || how
  FROM cme.search_children('Zebedee Frobisam', 5, 'name');
ROLLBACK;
EOF
)
like "search: a renamed child is found by the new name" "$out" \
    "renamed:$lone_id|legal name"
like "search: ... and the old name is gone from search_name_key" "$out" \
    "old:0"
like "search: an alias added is found as an alias" "$out" \
    "alias:$lone_id|alias"
out=$(su_psql <<EOF
BEGIN;
INSERT INTO cme.child_name (la_code, child_id, kind, forename, surname)
VALUES (830, $lone_id, 'alias', 'Zebedee', 'Frobisham');
SELECT 'added:' || count(*) FROM cme.search_name_key
 WHERE la_code = 830 AND name_key = 'zebedee frobisham';
DELETE FROM cme.child_name WHERE la_code = 830 AND child_id = $lone_id
   AND surname = 'Frobisham';
SELECT 'deleted:' || count(*) FROM cme.search_name_key
 WHERE la_code = 830 AND name_key = 'zebedee frobisham';
ROLLBACK;
EOF
)
like "search: an alias's name is added to search_name_key" "$out" "added:1"
like "search: ... and goes when the alias is deleted" "$out" "deleted:0"
