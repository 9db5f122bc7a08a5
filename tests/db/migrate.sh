#!/bin/sh
# tests/db/migrate.sh — the schema migrations apply, re-apply and hold the
# structural security rules of design.md §1-§2.
#
#   - a fresh database migrates; migrating again changes nothing (same
#     applied versions, same schema dump); a second fresh database in the
#     same cluster migrates too (the roles already exist there);
#   - every table of schema cme with a la_code column has ROW LEVEL SECURITY
#     enabled AND forced, and at least one policy; no policy reads a setting
#     (current_setting) — identity comes from current_user;
#   - la_code is the first column of every LA-scoped table's primary key and
#     of both sides of every foreign key between LA-scoped tables, and leads
#     an index on every table that has it;
#   - every table, sequence and function in cme is owned by cme_owner;
#   - no cme_* role is a superuser or has BYPASSRLS, the group roles and
#     cme_owner cannot log in, and no non-superuser role is a member of
#     cme_owner;
#   - every SECURITY DEFINER function in cme pins search_path = cme, pg_temp
#     and is not executable by PUBLIC; no table in cme is granted to PUBLIC;
#     application roles cannot write the reference tables, nor TRUNCATE,
#     REFERENCES or TRIGGER anything;
#   - migration files hold no transaction control and start with a header.
#
# Environment (tests/run-all.sh): CME_ROOT, CME_BIN, PGHOST, PGPORT,
# CME_PG_SUPERUSER. Builds its own databases (cme_t_migrate_a, _b).

CME_ROOT=${CME_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$CME_ROOT/tests/lib.sh"
CME_PG_SUPERUSER=${CME_PG_SUPERUSER:-postgres}
PGOPTIONS='-c client_min_messages=warning'
export PGOPTIONS
DBA=cme_t_migrate_a
DBB=cme_t_migrate_b
SQLDIR=$CME_ROOT/src/db/sql

# Tables that carry la_code but are shared reference lists, not LA-scoped
# data (their keys are national: 003_reference.sql explains).
REFERENCE_LA_TABLES="'la', 'school'"

# db_migrate DB: `cme db migrate` as the superuser (tests/lib.sh).
db_migrate() {
	migrate_db "$1"
}

su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" -d "${2:-$DBA}" \
	    -c "$1" 2>&1
}
# none DESC SQL: passes when SQL (a list of offenders) returns no row.
none() {
	_got=$(su "$2")
	if [ -z "$_got" ]; then
		ok "$1"
	else
		not_ok "$1" "offenders: $(printf '%s' "$_got" | tr '\n' ' ' |
		    cut -c 1-400)"
	fi
}
fresh() {
	psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
	    -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
}

if ! psql -X -q -U "$CME_PG_SUPERUSER" -d postgres -c 'SELECT 1' >/dev/null 2>&1
then
	not_ok "migrate: PostgreSQL reachable as $CME_PG_SUPERUSER" \
	    "PGHOST=${PGHOST:-} PGPORT=${PGPORT:-}"
	exit 1
fi

# ------------------------------------------------------------ the files
nfiles=$(ls "$SQLDIR"/[0-9]*_*.sql 2>/dev/null | wc -l)
if [ "$nfiles" -gt 0 ]; then
	ok "migrate: $nfiles migration files"
else
	not_ok "migrate: migration files in src/db/sql"
fi
for f in "$SQLDIR"/[0-9]*_*.sql; do
	b=${f##*/}
	if grep -Eiq '^[[:space:]]*(BEGIN|START[[:space:]]+TRANSACTION|COMMIT|ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE[[:space:]]+TRANSACTION)([[:space:]]+(WORK|TRANSACTION))?[[:space:]]*;' "$f"
	then
		not_ok "migrate: $b holds no transaction control" \
		    "$(grep -Ein '^[[:space:]]*(BEGIN|COMMIT|ROLLBACK|END)[^;]*;' "$f" | head -n 3)"
	else
		ok "migrate: $b holds no transaction control"
	fi
	if head -n 1 "$f" | grep -q "^-- $b "; then
		ok "migrate: $b starts with its header comment"
	else
		not_ok "migrate: $b starts with a header comment naming it" \
		    "$(head -n 1 "$f")"
	fi
done

# dump DB: the schema of cme and cme_ext as pg_dump prints it, less the
# \restrict lines (a random key per run, since PostgreSQL 15.14), and with
# each policy's role list sorted (pg_dump lists them in pg_authid's physical
# order, which ALTER ROLE in another database's migration shuffles).
dump() {
	pg_dump -s -U "$CME_PG_SUPERUSER" -d "$1" -n cme -n cme_ext |
	    grep -v '^\\\(un\)\{0,1\}restrict ' |
	    awk '/^CREATE POLICY / && match($0, / TO [^ ].* (USING|WITH CHECK) /) {
		head = substr($0, 1, RSTART + 3)
		rest = substr($0, RSTART + 4)
		i = index(rest, " USING ")
		j = index(rest, " WITH CHECK ")
		if (i == 0 || (j > 0 && j < i)) i = j
		n = split(substr(rest, 1, i - 1), r, ", ")
		for (a = 1; a <= n; a++)
			for (b = a + 1; b <= n; b++)
				if (r[b] < r[a]) { t = r[a]; r[a] = r[b]; r[b] = t }
		l = r[1]
		for (a = 2; a <= n; a++) l = l ", " r[a]
		print head l substr(rest, i)
		next
	    } { print }' | cksum
}

# ------------------------------------------------------ apply, re-apply
fresh $DBA
if _out=$(db_migrate $DBA 2>&1); then
	ok "migrate: a fresh database migrates"
else
	not_ok "migrate: a fresh database migrates" \
	    "$(printf '%s' "$_out" | head -n 8)"
	exit 1
fi
v1=$(su "SELECT string_agg(version::text, ',' ORDER BY version)
    FROM cme_migrate.applied")
d1=$(dump $DBA)
if _out=$(db_migrate $DBA 2>&1); then
	ok "migrate: migrating again succeeds"
else
	not_ok "migrate: migrating again succeeds" \
	    "$(printf '%s' "$_out" | head -n 8)"
fi
v2=$(su "SELECT string_agg(version::text, ',' ORDER BY version)
    FROM cme_migrate.applied")
d2=$(dump $DBA)
is "migrate: migrating again applies nothing" "$v2" "$v1"
is "migrate: migrating again leaves the schema as it was" "$d2" "$d1"

fresh $DBB
if _out=$(db_migrate $DBB 2>&1); then
	ok "migrate: a second database in the same cluster migrates (roles exist)"
else
	not_ok "migrate: a second database in the same cluster migrates" \
	    "$(printf '%s' "$_out" | head -n 8)"
fi
d3=$(dump $DBB)
is "migrate: the second database has the same schema" "$d3" "$d1"

# ---------------------------------------------------------- RLS, policies
la_tables="SELECT c.oid, c.relname FROM pg_class c
     WHERE c.relnamespace = 'cme'::regnamespace AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
		    AND a.attname = 'la_code' AND NOT a.attisdropped)"
n=$(su "SELECT count(*) FROM ($la_tables) t")
if [ "$n" -ge 20 ]; then
	ok "migrate: $n tables with la_code"
else
	not_ok "migrate: tables with la_code found" "only $n"
fi
none "migrate: every table with la_code has RLS enabled" \
    "SELECT t.relname FROM ($la_tables) t JOIN pg_class c ON c.oid = t.oid
      WHERE NOT c.relrowsecurity"
none "migrate: every table with la_code has RLS forced (owner too)" \
    "SELECT t.relname FROM ($la_tables) t JOIN pg_class c ON c.oid = t.oid
      WHERE NOT c.relforcerowsecurity"
none "migrate: every table with la_code has a policy for an application role" \
    "SELECT t.relname FROM ($la_tables) t
      WHERE NOT EXISTS (SELECT 1 FROM pg_policy p
	 WHERE p.polrelid = t.oid
	   AND p.polroles && ARRAY(SELECT oid FROM pg_roles
	       WHERE rolname IN ('cme_caseworker', 'cme_supervisor',
		   'cme_admin', 'cme_school', 'cme_auditor'))::oid[])
	AND t.relname <> 'audit_head'"
none "migrate: no policy applies to PUBLIC" \
    "SELECT c.relname || '.' || p.polname FROM pg_policy p
       JOIN pg_class c ON c.oid = p.polrelid
      WHERE c.relnamespace = 'cme'::regnamespace AND 0 = ANY (p.polroles)"
none "migrate: no policy reads a setting (identity is current_user)" \
    "SELECT c.relname || '.' || p.polname FROM pg_policy p
       JOIN pg_class c ON c.oid = p.polrelid
      WHERE c.relnamespace = 'cme'::regnamespace
	AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '') ||
	     coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
	    ~* 'current_setting|set_config'"
none "migrate: policies call the scope helper as an initPlan (SELECT ...)" \
    "SELECT c.relname || '.' || p.polname FROM pg_policy p
       JOIN pg_class c ON c.oid = p.polrelid
      WHERE c.relnamespace = 'cme'::regnamespace
	AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '') ||
	     coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
	    ~ 'staff_la'
	AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '') ||
	     coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
	    !~ '\\(\\s*SELECT\\s+cme\\.staff_la\\(CURRENT_USER\\)'"

# --------------------------------------------------------- keys, indexes
none "migrate: la_code leads the primary key of every LA-scoped table" \
    "SELECT t.relname FROM ($la_tables) t
      WHERE t.relname NOT IN ($REFERENCE_LA_TABLES)
	AND NOT EXISTS (SELECT 1 FROM pg_constraint k
	     JOIN pg_attribute a ON a.attrelid = k.conrelid
				AND a.attnum = k.conkey[1]
	    WHERE k.conrelid = t.oid AND k.contype = 'p'
	      AND a.attname = 'la_code')"
none "migrate: la_code leads both sides of every FK between LA-scoped tables" \
    "SELECT k.conname FROM pg_constraint k
       JOIN ($la_tables) s ON s.oid = k.conrelid
       JOIN ($la_tables) d ON d.oid = k.confrelid
      WHERE k.contype = 'f'
	AND s.relname NOT IN ($REFERENCE_LA_TABLES)
	AND d.relname NOT IN ($REFERENCE_LA_TABLES)
	AND ((SELECT attname FROM pg_attribute WHERE attrelid = k.conrelid
	       AND attnum = k.conkey[1]) <> 'la_code'
	  OR (SELECT attname FROM pg_attribute WHERE attrelid = k.confrelid
	       AND attnum = k.confkey[1]) <> 'la_code')"
none "migrate: la_code leads an index on every table that has it" \
    "SELECT t.relname FROM ($la_tables) t
      WHERE NOT EXISTS (SELECT 1 FROM pg_index i
	     JOIN pg_attribute a ON a.attrelid = i.indrelid
				AND a.attnum = i.indkey[0]
	    WHERE i.indrelid = t.oid AND a.attname = 'la_code')"
none "migrate: saved_queue.owner (tested by its policy) is indexed" \
    "SELECT 'saved_queue' WHERE NOT EXISTS (SELECT 1 FROM pg_index i
	WHERE i.indrelid = 'cme.saved_queue'::regclass
	  AND i.indkey::text ~ ('^1 ' || (SELECT attnum FROM pg_attribute
	      WHERE attrelid = 'cme.saved_queue'::regclass
		AND attname = 'owner')::text))"

# ------------------------------------------------------------- ownership
none "migrate: schema cme is owned by cme_owner" \
    "SELECT nspname FROM pg_namespace WHERE nspname = 'cme'
	AND pg_get_userbyid(nspowner) <> 'cme_owner'"
none "migrate: every table, view and sequence in cme is owned by cme_owner" \
    "SELECT relname FROM pg_class WHERE relnamespace = 'cme'::regnamespace
	AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
	AND pg_get_userbyid(relowner) <> 'cme_owner'"
none "migrate: every function in cme is owned by cme_owner" \
    "SELECT oid::regprocedure FROM pg_proc
      WHERE pronamespace = 'cme'::regnamespace
	AND pg_get_userbyid(proowner) <> 'cme_owner'"

# ----------------------------------------------------------------- roles
none "migrate: no cme role is a superuser or has BYPASSRLS" \
    "SELECT rolname FROM pg_roles WHERE rolname LIKE 'cme\\_%'
	AND (rolsuper OR rolbypassrls)"
none "migrate: cme_owner and the group roles cannot log in" \
    "SELECT rolname FROM pg_roles WHERE rolname IN ('cme_owner',
	'cme_caseworker', 'cme_supervisor', 'cme_admin', 'cme_school',
	'cme_auditor') AND rolcanlogin"
is "migrate: all six cme roles exist" \
    "$(su "SELECT count(*) FROM pg_roles WHERE rolname IN ('cme_owner',
	'cme_caseworker', 'cme_supervisor', 'cme_admin', 'cme_school',
	'cme_auditor')")" 6
none "migrate: no non-superuser role is a member of cme_owner" \
    "SELECT rolname FROM pg_roles WHERE rolname <> 'cme_owner'
	AND NOT rolsuper AND pg_has_role(oid, 'cme_owner', 'MEMBER')"

# -------------------------------------------------- functions, privileges
none "migrate: SECURITY DEFINER functions pin search_path = cme, pg_temp" \
    "SELECT oid::regprocedure FROM pg_proc
      WHERE pronamespace = 'cme'::regnamespace AND prosecdef
	AND NOT coalesce('search_path=cme, pg_temp' = ANY (proconfig), false)"
none "migrate: no SECURITY DEFINER function is executable by PUBLIC" \
    "SELECT oid::regprocedure FROM pg_proc
      WHERE pronamespace = 'cme'::regnamespace AND prosecdef
	AND (proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(proacl) x
	     WHERE x.grantee = 0 AND x.privilege_type = 'EXECUTE'))"
n=$(su "SELECT count(*) FROM pg_proc
    WHERE pronamespace = 'cme'::regnamespace AND prosecdef")
if [ "$n" -ge 3 ]; then
	ok "migrate: $n SECURITY DEFINER functions checked"
else
	not_ok "migrate: SECURITY DEFINER functions found" "only $n"
fi
none "migrate: no function in cme is executable by PUBLIC" \
    "SELECT oid::regprocedure FROM pg_proc
      WHERE pronamespace = 'cme'::regnamespace
	AND (proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(proacl) x
	     WHERE x.grantee = 0 AND x.privilege_type = 'EXECUTE'))"
none "migrate: no table or sequence in cme is granted to PUBLIC" \
    "SELECT relname FROM pg_class WHERE relnamespace = 'cme'::regnamespace
	AND EXISTS (SELECT 1 FROM aclexplode(relacl) x WHERE x.grantee = 0)"
none "migrate: application roles cannot write the reference tables" \
    "SELECT r.rolname || ' ' || c.relname FROM pg_class c
      CROSS JOIN pg_roles r
      WHERE c.relnamespace = 'cme'::regnamespace AND c.relkind = 'r'
	AND r.rolname IN ('cme_caseworker', 'cme_supervisor', 'cme_admin',
	    'cme_school', 'cme_auditor')
	AND (c.relname IN ($REFERENCE_LA_TABLES)
	  OR NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
		AND a.attname = 'la_code'))
	AND has_table_privilege(r.oid, c.oid, 'INSERT, UPDATE, DELETE')"
none "migrate: application roles have no TRUNCATE, REFERENCES or TRIGGER" \
    "SELECT r.rolname || ' ' || c.relname FROM pg_class c
      CROSS JOIN pg_roles r
      WHERE c.relnamespace = 'cme'::regnamespace AND c.relkind = 'r'
	AND r.rolname IN ('cme_caseworker', 'cme_supervisor', 'cme_admin',
	    'cme_school', 'cme_auditor')
	AND has_table_privilege(r.oid, c.oid, 'TRUNCATE, REFERENCES, TRIGGER')"
none "migrate: nobody but the owner writes audit_log or audit_head" \
    "SELECT r.rolname || ' ' || c.relname FROM pg_class c
      CROSS JOIN pg_roles r
      WHERE c.oid IN ('cme.audit_log'::regclass, 'cme.audit_head'::regclass)
	AND r.rolname LIKE 'cme\\_%' AND r.rolname <> 'cme_owner'
	AND has_table_privilege(r.oid, c.oid, 'INSERT, UPDATE, DELETE')"
none "migrate: no audit trigger on attendance or register_return" \
    "SELECT tgname FROM pg_trigger
      WHERE tgrelid IN ('cme.attendance'::regclass,
			'cme.register_return'::regclass)
	AND tgfoid = 'cme.audit_row()'::regprocedure"
none "migrate: audit triggers on the casework tables" \
    "SELECT x FROM unnest(ARRAY['child', 'child_name', 'child_former_upn',
	'address', 'person', 'child_person', 'enrolment', 'cme_case',
	'case_contact', 'case_enquiry', 'alert', 'staff', 'team',
	'la_settings', 'term', 'non_school_day']) AS x
      WHERE NOT EXISTS (SELECT 1 FROM pg_trigger
	 WHERE tgrelid = ('cme.' || x)::regclass
	   AND tgfoid = 'cme.audit_row()'::regprocedure)"

for d in $DBA $DBB; do
	psql -X -q -U "$CME_PG_SUPERUSER" -d postgres \
	    -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
done
exit 0
