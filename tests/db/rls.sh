#!/bin/sh
# tests/db/rls.sh — row-level security, privileges and the rules the schema
# enforces, checked as each test login role against tests/db/fixture.sql.
#
# For every test role and EVERY table of schema cme that has la_code
# (discovered from the catalog, so a new table is covered automatically, and
# a table missing from expect() below is reported as "not ok"):
#   - it sees exactly its own LA's rows (compared with the superuser's count
#     for that LA), all rows (public reference lists), only its own rows
#     (saved queues), or has no SELECT privilege at all — see expect();
#   - it cannot INSERT a row of the other LA (42501: no privilege or RLS);
#   - it cannot UPDATE rows of the other LA (0 rows, or 42501) nor move its
#     own rows into the other LA (42501), and where it may update, an update
#     of its own rows does reach them (so "0 rows" above is not vacuous);
#   - where it may DELETE, it deletes nothing of the other LA.
# Then: nobody writes audit_log or calls audit_write; case_contact refuses
# UPDATE and DELETE for every role, the owner and the superuser included;
# the UPN check letter (domain.md §5.3 vectors); school-day counting over a
# crafted calendar with a half-term and a bank holiday; the scope helper
# answers nobody about anybody else; the contact and saved-queue insert
# rules; each policy runs as an initPlan that is an index condition; a
# non-superuser's SET cme.bulk_load = on does not skip the audit.
#
# Every "cannot" check requires SQLSTATE 42501 (insufficient_privilege:
# a missing privilege or a row-level security WITH CHECK violation), never
# just "some error", so a foreign-key or unique violation does not pass for
# a refusal.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# CME_PG_SUPERUSER. Builds its own database (cme_t_rls); PGDATABASE (the
# demo database) is not used.

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DB=cme_t_rls

# db_migrate DB: `cme db migrate` as the superuser (tests/lib.sh).
db_migrate() {
	migrate_db "$1"
}

# su SQL: as the superuser, tuples only; su_try SQL: same, output + errors.
su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "$DB" -c "$1"
}
# q ROLE SQL: one statement as ROLE; prints rows or "...ERROR:  <sqlstate>".
q() {
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -c "$2" 2>&1
}
# try ROLE SQL: SQL as ROLE inside BEGIN ... ROLLBACK, with command tags
# ("UPDATE 0") and errors as SQLSTATEs.
try() {
	printf 'BEGIN;\n%s;\nROLLBACK;\n' "$2" |
	    psql -X -v VERBOSITY=sqlstate -At -U "$1" -d "$DB" -f - 2>&1
}
# denied DESC OUTPUT: passes when OUTPUT shows an insufficient_privilege
# error (privilege missing, or a row-level security WITH CHECK violation).
denied() {
	like "$1" "$2" "ERROR:  42501"
}
# tagged DESC OUTPUT TAG: passes when a line of OUTPUT is exactly TAG
# (a command tag such as "UPDATE 0").
tagged() {
	if printf '%s\n' "$2" | grep -qx -- "$3"; then
		ok "$1"
	else
		not_ok "$1" "got:  $(printf '%s' "$2" | tr '\n' ' ')" "want: $3"
	fi
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' >/dev/null 2>&1
then
	not_ok "rls: PostgreSQL reachable as $CME_PG_SUPERUSER" \
	    "PGHOST=${PGHOST:-} PGPORT=${PGPORT:-}"
	exit 1
fi

psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c "DROP DATABASE IF EXISTS $DB" &&
    psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c "CREATE DATABASE $DB" ||
    { not_ok "rls: create database $DB"; exit 1; }
if ! _out=$(db_migrate "$DB" 2>&1); then
	not_ok "rls: migrate $DB" "$(printf '%s' "$_out" | head -n 5)"
	exit 1
fi
if ! _out=$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
    -U "$CME_PG_SUPERUSER" -d "$DB" -f "$CME_ROOT/tests/db/fixture.sql" 2>&1)
then
	not_ok "rls: load tests/db/fixture.sql" "$(printf '%s' "$_out" | head -n 5)"
	exit 1
fi
ok "rls: fresh database migrated and fixture loaded"

# ------------------------------------------------------------ expectations
# expect KIND TABLE: what a role of that kind may see of TABLE.
#   own   exactly the rows of its own LA
#   all   every row (public reference lists: la, school)
#   mine  its own LA's rows that it owns (saved_queue.owner = the role)
#   none  no SELECT privilege at all (the query fails with 42501)
# By design: schools see no LA data but la and school (their submissions go
# through definer functions of a later issue); auditors see audit_log, staff
# and team of their LA, no casework; caseworkers and supervisors do not read
# the audit log; nobody reads audit_head (the chain's tip, for audit_write).
# Every LA-scoped table must be named in the last branch (or above): a new
# table that is not is reported, so that someone decides.
expect() {
	case $2 in
	la | school) echo all; return ;;
	audit_head) echo none; return ;;
	audit_log)
		case $1 in auditor | admin) echo own ;; *) echo none ;; esac
		return ;;
	saved_queue)
		case $1 in school | auditor) echo none ;; *) echo mine ;; esac
		return ;;
	team | staff)
		case $1 in school) echo none ;; *) echo own ;; esac
		return ;;
	la_settings | term | non_school_day | school_day | la_child_count | \
	search_name_key | child | child_name | \
	child_former_upn | address | person | child_person | enrolment | \
	attendance | register_return | cme_case | case_contact | \
	case_enquiry | alert)
		case $1 in school | auditor) echo none ;; *) echo own ;; esac
		return ;;
	esac
	echo unknown
}

ROLES="t_alex:caseworker:830:886 t_sam:supervisor:830:886
t_ada:admin:830:886 t_school:school:830:886 t_casey:caseworker:886:830
t_aud:auditor:886:830"

TABLES=$(su "SELECT c.relname FROM pg_class c
	WHERE c.relnamespace = 'cme'::regnamespace AND c.relkind IN ('r', 'p')
	  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
		       AND a.attname = 'la_code' AND NOT a.attisdropped)
	ORDER BY 1")
_n=$(echo "$TABLES" | wc -w)
if [ "$_n" -ge 20 ]; then
	ok "rls: $_n LA-scoped tables discovered"
else
	not_ok "rls: LA-scoped tables discovered" "only $_n: $TABLES"
fi

for t in $TABLES; do
	if [ "$(expect caseworker "$t")" = unknown ]; then
		not_ok "rls: table cme.$t has an expectation in rls.sh expect()"
	fi
	_c830=$(su "SELECT count(*) FROM cme.$t WHERE la_code = 830")
	_c886=$(su "SELECT count(*) FROM cme.$t WHERE la_code = 886")
	if [ "${_c830:-0}" -gt 0 ] && [ "${_c886:-0}" -gt 0 ]; then
		ok "rls: fixture has rows of cme.$t in 830 ($_c830) and 886 ($_c886)"
	else
		not_ok "rls: fixture has rows of cme.$t in 830 and 886" \
		    "830: $_c830, 886: $_c886"
	fi
done

# ---------------------------------------------------- per role, per table
# One psql session per role runs every check of the matrix. Each check is a
# call of a temporary function that runs the statement, reports "ROWS n" or
# "ERROR <sqlstate>" (or the value, for counts), and always undoes it (an
# exception block rolls back its own subtransaction), so the checks cannot
# disturb each other. A plan file holds, line for line, what each result
# must be.
TMPD=${CME_TMP:-${TMPDIR:-/tmp}}/rls.$$
mkdir -p "$TMPD"
TAB=$(printf '\t')
cat >"$TMPD/prelude.sql" <<'SQL'
CREATE FUNCTION pg_temp.try(p_sql text) RETURNS text
LANGUAGE plpgsql AS $f$
DECLARE
	n bigint;
BEGIN
	EXECUTE p_sql;
	GET DIAGNOSTICS n = ROW_COUNT;
	RAISE EXCEPTION USING ERRCODE = 'P0999', MESSAGE = n::text;
EXCEPTION
	WHEN SQLSTATE 'P0999' THEN RETURN 'ROWS ' || SQLERRM;
	WHEN OTHERS THEN RETURN 'ERROR ' || SQLSTATE;
END
$f$;
CREATE FUNCTION pg_temp.val(p_sql text) RETURNS text
LANGUAGE plpgsql AS $f$
DECLARE
	v text;
BEGIN
	EXECUTE p_sql INTO v;
	RETURN v;
EXCEPTION
	WHEN OTHERS THEN RETURN 'ERROR ' || SQLSTATE;
END
$f$;
SQL

# add WANT DESC SQL: one check; the result of SQL must equal WANT.
add() {
	printf '%s\t%s\n' "$1" "$2" >>"$plan"
	printf 'SELECT %s;\n' "$3" >>"$sql"
}

for t in $TABLES; do
	su "SELECT row_to_json(x) FROM cme.$t x WHERE la_code = 830 LIMIT 1" \
	    >"$TMPD/row.$t.830"
	su "SELECT row_to_json(x) FROM cme.$t x WHERE la_code = 886 LIMIT 1" \
	    >"$TMPD/row.$t.886"
	su "SELECT count(*) FILTER (WHERE la_code = 830) || ' ' ||
		   count(*) FILTER (WHERE la_code = 886) || ' ' || count(*)
	      FROM cme.$t" | {
		read -r a b c
		echo "$a" >"$TMPD/n.$t.830"
		echo "$b" >"$TMPD/n.$t.886"
		echo "$c" >"$TMPD/n.$t.all"
	}
done

for spec in $ROLES; do
	role=${spec%%:*}
	rest=${spec#*:}
	kind=${rest%%:*}
	rest=${rest#*:}
	own=${rest%%:*}
	other=${rest#*:}
	plan=$TMPD/plan.$role
	sql=$TMPD/sql.$role
	: >"$plan"
	cp "$TMPD/prelude.sql" "$sql"
	# Per table: the columns this role may insert, the first column it may
	# update, and whether it may DELETE (from the catalog, as superuser).
	su "SELECT c.relname || E'\\t' ||
		coalesce((SELECT string_agg(quote_ident(a.attname), ', '
			    ORDER BY a.attnum) FROM pg_attribute a
			   WHERE a.attrelid = c.oid AND a.attnum > 0
			     AND NOT a.attisdropped
			     AND has_column_privilege('$role', c.oid, a.attnum,
				 'INSERT')), 'la_code') || E'\\t' ||
		coalesce((SELECT quote_ident(a.attname) FROM pg_attribute a
			   WHERE a.attrelid = c.oid AND a.attnum > 0
			     AND NOT a.attisdropped
			     AND has_column_privilege('$role', c.oid, a.attnum,
				 'UPDATE')
			   ORDER BY a.attnum LIMIT 1), '-') || E'\\t' ||
		has_table_privilege('$role', c.oid, 'DELETE')
	      FROM pg_class c
	     WHERE c.relnamespace = 'cme'::regnamespace
	       AND c.relkind IN ('r', 'p')" >"$TMPD/priv.$role"
	for t in $TABLES; do
		e=$(expect "$kind" "$t")
		tag="$role ($kind $own) cme.$t"
		line=$(grep "^$t$TAB" "$TMPD/priv.$role")
		cols=$(echo "$line" | cut -f 2)
		col=$(echo "$line" | cut -f 3)
		[ "$col" = - ] && col=
		del=$(echo "$line" | cut -f 4)
		nown=$(cat "$TMPD/n.$t.$own")
		nall=$(cat "$TMPD/n.$t.all")
		nmine=0
		[ "$t" = saved_queue ] && nmine=$(su "SELECT count(*)
		    FROM cme.$t WHERE la_code = $own AND owner = '$role'")

		# What it sees.
		cnt="pg_temp.val('SELECT count(*) FROM cme.$t')"
		cnto="pg_temp.val('SELECT count(*) FROM cme.$t WHERE la_code <> $own')"
		case $e in
		none)
			add "ERROR 42501" "$tag: no SELECT privilege" "$cnt" ;;
		own)
			add "$nown" "$tag: sees exactly its LA's $nown rows" "$cnt"
			add 0 "$tag: sees no row of another LA" "$cnto" ;;
		all)
			add "$nall" "$tag: sees all $nall rows (public list)" "$cnt" ;;
		mine)
			add "$nmine" "$tag: sees exactly its own $nmine rows" "$cnt" ;;
		*)
			not_ok "$tag: has an expectation" "expect() said '$e'" ;;
		esac

		# INSERT a row of the other LA: a copy of one of that LA's rows,
		# through the columns this role may insert.
		json=$(cat "$TMPD/row.$t.$other")
		add "ERROR 42501" "$tag: cannot INSERT a row of LA $other" \
		    "pg_temp.try(\$q\$INSERT INTO cme.$t ($cols) SELECT $cols
		    FROM json_populate_record(NULL::cme.$t, \$j\$$json\$j\$)\$q\$)"

		# UPDATE rows of the other LA, through a column it may update;
		# the same UPDATE of its own rows reaches them all.
		if [ -n "$col" ]; then
			want=$nown
			[ "$e" = mine ] && want=$nmine
			add "ROWS 0" "$tag: UPDATE of LA $other rows reaches none" \
			    "pg_temp.try('UPDATE cme.$t SET $col = $col WHERE la_code = $other')"
			add "ROWS $want" "$tag: UPDATE of its own rows reaches $want" \
			    "pg_temp.try('UPDATE cme.$t SET $col = $col WHERE la_code = $own')"
		else
			add "ERROR 42501" "$tag: no UPDATE privilege" \
			    "pg_temp.try('UPDATE cme.$t SET la_code = la_code WHERE la_code = $other')"
		fi
		add "ERROR 42501" "$tag: cannot move its rows to LA $other" \
		    "pg_temp.try('UPDATE cme.$t SET la_code = $other WHERE la_code = $own')"

		# DELETE.
		if [ "$del" = true ]; then
			add "ROWS 0" "$tag: DELETE of LA $other rows reaches none" \
			    "pg_temp.try('DELETE FROM cme.$t WHERE la_code = $other')"
		else
			add "ERROR 42501" "$tag: no DELETE privilege" \
			    "pg_temp.try('DELETE FROM cme.$t WHERE la_code = $other')"
		fi
	done

	psql -X -q -At -v ON_ERROR_STOP=1 -U "$role" -d "$DB" -f "$sql" \
	    >"$TMPD/out.$role" 2>&1
	if [ "$(wc -l <"$TMPD/out.$role")" -ne "$(wc -l <"$plan")" ]; then
		not_ok "$role: the matrix session ran every check" \
		    "$(head -n 5 "$TMPD/out.$role")"
		continue
	fi
	paste "$plan" "$TMPD/out.$role" | while IFS=$TAB read -r want desc got
	do
		is "$desc" "$got" "$want"
	done
done
rm -rf "$TMPD"

# ------------------------------------------------------------- audit_log
row=$(su "SELECT row_to_json(a) FROM cme.audit_log a LIMIT 1")
for spec in $ROLES; do
	role=${spec%%:*}
	got=$(try "$role" "INSERT INTO cme.audit_log SELECT *
	    FROM json_populate_record(NULL::cme.audit_log, \$j\$$row\$j\$)")
	denied "$role: cannot INSERT into audit_log" "$got"
	got=$(try "$role" "UPDATE cme.audit_log SET actor = actor")
	denied "$role: cannot UPDATE audit_log" "$got"
	got=$(try "$role" "DELETE FROM cme.audit_log")
	denied "$role: cannot DELETE from audit_log" "$got"
	got=$(try "$role" "SELECT cme.audit_write(830::smallint, 'view',
	    'child', '8301', 8301, NULL, NULL)")
	denied "$role: cannot call cme.audit_write" "$got"
	got=$(try "$role" "SET ROLE cme_owner")
	denied "$role: cannot SET ROLE cme_owner" "$got"
done
got=$(try "$CME_PG_SUPERUSER" "SET ROLE cme_owner;
    UPDATE cme.audit_log SET actor = actor")
like "owner path: UPDATE audit_log refused" "$got" "ERROR:  42501"

# ------------------------------------------------- case_contact append-only
for spec in $ROLES; do
	role=${spec%%:*}
	own=$(echo "$spec" | cut -d: -f3)
	got=$(try "$role" "UPDATE cme.case_contact SET note = note
	    WHERE la_code = $own")
	like "$role: UPDATE of case_contact refused" "$got" "ERROR:"
	got=$(try "$role" "DELETE FROM cme.case_contact WHERE la_code = $own")
	like "$role: DELETE of case_contact refused" "$got" "ERROR:"
done
for who in "SET ROLE cme_owner" "SET search_path = cme"; do
	for stmt in "UPDATE cme.case_contact SET note = 'rewritten'" \
	    "DELETE FROM cme.case_contact" "TRUNCATE cme.case_contact CASCADE"
	do
		got=$(printf 'BEGIN;\n%s;\n%s;\nROLLBACK;\n' "$who" "$stmt" |
		    psql -X -At -U "$CME_PG_SUPERUSER" -d "$DB" -f - 2>&1)
		like "case_contact append-only for the superuser ($who): ${stmt%% *}" \
		    "$got" "append-only"
	done
done

# ---------------------------------------------------- contacts and queues
got=$(try t_alex "INSERT INTO cme.case_contact (la_code, case_id, kind,
    contact_at, with_whom, outcome) VALUES (830, 1, 'letter', now(),
    'father', 'letter sent') RETURNING recorded_by")
like "t_alex: records a contact on an own case (recorded_by = session_user)" \
    "$got" "t_alex"
got=$(try t_alex "INSERT INTO cme.case_contact (la_code, case_id, kind,
    contact_at, with_whom, outcome, recorded_by) VALUES (830, 1, 'letter',
    now(), 'father', 'letter sent', 't_sam')")
denied "t_alex: cannot record a contact as someone else" "$got"
got=$(try t_alex "INSERT INTO cme.case_contact (la_code, case_id, kind,
    contact_at, with_whom, outcome, recorded_at) VALUES (830, 1, 'letter',
    now(), 'father', 'letter sent', '2000-01-01')")
denied "t_alex: cannot backdate recorded_at" "$got"
got=$(try t_alex "INSERT INTO cme.case_contact (la_code, case_id, kind,
    contact_at, with_whom, outcome) VALUES (886, 3, 'letter', now(),
    'mother', 'letter sent')")
denied "t_alex: cannot record a contact on another LA's case" "$got"
got=$(try t_alex "INSERT INTO cme.saved_queue (la_code, name, pattern)
    VALUES (830, 'new one', 'x') RETURNING owner")
like "t_alex: saves a queue of its own (owner = current_user)" "$got" "t_alex"
got=$(try t_alex "INSERT INTO cme.saved_queue (la_code, owner, name, pattern)
    VALUES (830, 't_sam', 'planted', 'x')")
denied "t_alex: cannot save a queue for t_sam" "$got"
got=$(try t_alex "UPDATE cme.saved_queue SET pattern = 'x'
    WHERE owner = 't_sam'")
tagged "t_alex: cannot change t_sam's queue" "$got" "UPDATE 0"
got=$(try t_alex "INSERT INTO cme.child_name (la_code, child_id, kind,
    forename) VALUES (830, 8302, 'alias', 'Ozzy') RETURNING name_id")
case $got in
*ERROR*) not_ok "t_alex: adds an alias to an own child" "$got" ;;
*) ok "t_alex: adds an alias to an own child" ;;
esac
got=$(try t_alex "INSERT INTO cme.child_name (la_code, child_id, kind,
    forename) VALUES (830, 8861, 'alias', 'Ozzy')")
like "t_alex: cannot attach an alias to a child of another LA" "$got" \
    "ERROR:  23503"
got=$(try t_alex "UPDATE cme.la_settings SET severe_absence_pct = 10")
denied "t_alex: cannot change LA settings" "$got"
got=$(try t_ada "UPDATE cme.la_settings SET severe_absence_pct = 40")
tagged "t_ada: changes its own LA's settings only" "$got" "UPDATE 1"
got=$(try t_ada "INSERT INTO cme.staff (la_code, role_name, display_name,
    kind) VALUES (886, 't_planted', 'Planted', 'caseworker')")
denied "t_ada: cannot add staff to another LA" "$got"

# ------------------------------------------------------------------- UPN
for u in B801200005001 G80120000101A F830123424001 K886200025123 \
    H330410324777; do
	is "upn_valid($u)" "$(q t_alex "SELECT cme.upn_valid('$u')")" t
done
for u in A801200005001 B80120000500 b801200005001 I801200005001 \
    B8012000050I1; do
	is "upn_valid($u) is false" "$(q t_alex "SELECT cme.upn_valid('$u')")" f
done
got=$(try t_alex "INSERT INTO cme.child (la_code, upn, legal_forename,
    legal_surname, dob, sex) VALUES (830, 'A801200005001', 'Test', 'Child',
    '2015-01-01', 'U')")
like "child.upn CHECK rejects a bad check letter" "$got" "ERROR:  23514"
got=$(try t_alex "INSERT INTO cme.child (la_code, upn, legal_forename,
    legal_surname, dob, sex) VALUES (830, 'B801200005001', 'Test', 'Child',
    '2015-01-01', 'U')")
tagged "child.upn CHECK accepts a valid UPN" "$got" "INSERT 0 1"
got=$(try t_alex "INSERT INTO cme.child_former_upn (la_code, child_id, upn)
    VALUES (830, 8301, 'G80120000101B')")
like "child_former_upn CHECK rejects a bad temporary UPN" "$got" "ERROR:  23514"

# -------------------------------------------------------------- calendar
# LA 881 (no fixture data), summer 2025: term 22 Apr - 23 May, half-term
# 26-30 May (a gap between terms), term 2 Jun - 22 Jul, bank holiday Mon
# 5 May. School days d with 25 Apr < d <= 6 Jun: 28 Apr-2 May 5, 5-9 May 4
# (bank holiday), 12-16 May 5, 19-23 May 5, half-term 0, 2-6 Jun 5 = 24.
cal="INSERT INTO cme.term (la_code, academic_year, name, starts, ends) VALUES
	(881, 2024, 'summer 1', '2025-04-22', '2025-05-23'),
	(881, 2024, 'summer 2', '2025-06-02', '2025-07-22');
    INSERT INTO cme.non_school_day VALUES (881, '2025-05-05', 'bank holiday');"
calc() {
	printf 'BEGIN;\n%s\nSELECT %s;\nROLLBACK;\n' "$cal" "$1" |
	    psql -X -q -At -U "$CME_PG_SUPERUSER" -d "$DB" -f - 2>&1
}
is "school_days_between over half-term and a bank holiday = 24" \
    "$(calc "cme.school_days_between(881, '2025-04-25', '2025-06-06')")" 24
is "school_days_between across the bank holiday weekend = 1" \
    "$(calc "cme.school_days_between(881, '2025-05-02', '2025-05-06')")" 1
is "school_days_between with to <= from = 0" \
    "$(calc "cme.school_days_between(881, '2025-06-06', '2025-04-25')")" 0
is "is_school_day: Tuesday in term, Saturday, bank holiday, half-term" \
    "$(calc "concat_ws(',', cme.is_school_day(881, '2025-05-06'),
	cme.is_school_day(881, '2025-05-10'), cme.is_school_day(881, '2025-05-05'),
	cme.is_school_day(881, '2025-05-28'))")" "t,f,f,f"
is "add_school_days: 1 school day after the last day before half-term" \
    "$(calc "cme.add_school_days(881, '2025-05-23', 1)")" "2025-06-02"
is "add_school_days: 24 school days after 25 Apr" \
    "$(calc "cme.add_school_days(881, '2025-04-25', 24)")" "2025-06-06"
# The fixture's autumn 2024 in LA 830: Wed 4 Sep - Fri 20 Dec, 78 weekdays,
# half-term 28 Oct - 1 Nov as non_school_day rows: 73. The caseworker reads
# the same calendar through RLS, and nothing of LA 886's.
is "t_alex: 830 autumn 2024 has 73 school days" \
    "$(q t_alex "SELECT cme.school_days_between(830, '2024-09-01', '2024-12-31')")" 73
is "t_alex: sees no school day in LA 886's calendar" \
    "$(q t_alex "SELECT cme.school_days_between(886, '2024-09-01', '2024-12-31')")" 0

# ---------------------------------------------------------- policy plans
# The scope is computed once per statement (an initPlan) and is an index
# condition on la_code (design.md §1; facts-postgres-terminal.md §2).
for t in $TABLES; do
	case $(expect caseworker "$t") in own | mine) ;; *) continue ;; esac
	got=$(printf '%s\n' "SET enable_seqscan = off;" \
	    "EXPLAIN (COSTS OFF) SELECT * FROM cme.$t;" |
	    psql -X -q -At -U t_alex -d "$DB" -f - 2>&1)
	case $got in
	*"InitPlan"*"Index Cond: "*"la_code = \$0"* | \
	*"Index Cond: "*"la_code = \$0"*"InitPlan"*)
		ok "t_alex: policy on cme.$t is an initPlan used as an index condition" ;;
	*)
		not_ok "t_alex: policy on cme.$t is an initPlan used as an index condition" \
		    "$(printf '%s' "$got" | tr '\n' ' ')" ;;
	esac
done

# ----------------------------------------------------------- scope helper
is "t_alex: staff_la(current_user) = 830" \
    "$(q t_alex "SELECT cme.staff_la(current_user)")" 830
is "t_casey: staff_la(current_user) = 886" \
    "$(q t_casey "SELECT cme.staff_la(current_user)")" 886
is "t_alex: staff_la('t_casey') answers nothing (other LA)" \
    "$(q t_alex "SELECT coalesce(cme.staff_la('t_casey')::text, 'null')")" null
is "t_alex: staff_la('t_sam') answers nothing (a colleague)" \
    "$(q t_alex "SELECT coalesce(cme.staff_la('t_sam')::text, 'null')")" null
is "t_casey: staff_team('t_alex') answers nothing" \
    "$(q t_casey "SELECT coalesce(cme.staff_team('t_alex')::text, 'null')")" null
is "t_alex: staff_la of a role that does not exist answers nothing" \
    "$(q t_alex "SELECT coalesce(cme.staff_la('no_such_role_x')::text, 'null')")" null
got=$(try t_alex "SET ROLE t_casey")
denied "t_alex: cannot SET ROLE t_casey" "$got"

# --------------------------------------------------- audit and bulk_load
# (last: these commit rows.)
n0=$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830")
id=$(printf '%s\n' "SET cme.bulk_load = on;" \
    "INSERT INTO cme.child_name (la_code, child_id, kind, forename)
	VALUES (830, 8303, 'alias', 'Zo') RETURNING name_id;" |
    psql -X -q -At -v ON_ERROR_STOP=1 -U t_alex -d "$DB" -f - 2>&1)
got=$(su "SELECT actor || ' ' || action FROM cme.audit_log
    WHERE la_code = 830 AND entity = 'child_name' AND entity_key = '$id'")
is "t_alex with SET cme.bulk_load = on is still audited" "$got" "t_alex insert"
id=$(printf '%s\n' "BEGIN;" "SET LOCAL cme.bulk_load = on;" \
    "INSERT INTO cme.child_name (la_code, child_id, kind, forename)
	VALUES (830, 8303, 'alias', 'Zed') RETURNING name_id;" "COMMIT;" |
    psql -X -q -At -v ON_ERROR_STOP=1 -U "$CME_PG_SUPERUSER" -d "$DB" -f - 2>&1)
got=$(su "SELECT count(*) FROM cme.audit_log
    WHERE la_code = 830 AND entity = 'child_name' AND entity_key = '$id'")
is "superuser bulk load (SET LOCAL cme.bulk_load = on) skips the audit" "$got" 0
n1=$(su "SELECT count(*) FROM cme.audit_log WHERE la_code = 830")
is "exactly one audit row was added by the two inserts" "$((n1 - n0))" 1
is "audit chain of 830 checks" \
    "$(su "SELECT coalesce(cme.audit_chain_check(830)::text, 'intact')")" intact

psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
    -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
exit 0
