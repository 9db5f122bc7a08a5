# tests/lib.sh — helpers sourced by the shell test suites (tests/db, tests/screen).
#
# Every test prints one line per assertion: "ok - what" or "not ok - what",
# optionally followed by "#"-prefixed diagnostic lines. tests/run-all.sh
# counts those lines across every suite and prints "N passed, N failed".
#
# The environment set by tests/run-all.sh:
#   CME_ROOT          the checkout
#   CME_BIN           the cme binary under test (sanitiser build)
#   CME_TMP           a scratch directory for this run
#   PGHOST, PGPORT    the throwaway cluster (Unix socket)
#   PGDATABASE        a migrated database seeded with the demo data
#   CME_PG_SUPERUSER  the cluster's superuser (postgres when run as root)

ok() {
	echo "ok - $*"
}

not_ok() {
	echo "not ok - $1"
	shift
	for line in "$@"; do
		printf '#   %s\n' "$line"
	done
}

# check DESC CMD...: passes when CMD exits 0.
check() {
	_desc=$1
	shift
	if _out=$("$@" 2>&1); then
		ok "$_desc"
	else
		not_ok "$_desc" "command: $*" "$(printf '%s' "$_out" | head -n 5)"
	fi
}

# check_fails DESC CMD...: passes when CMD exits non-zero.
check_fails() {
	_desc=$1
	shift
	if _out=$("$@" 2>&1); then
		not_ok "$_desc" "command unexpectedly succeeded: $*" \
		    "$(printf '%s' "$_out" | head -n 5)"
	else
		ok "$_desc"
	fi
}

# is DESC GOT WANT: passes when the two strings are equal.
is() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "got:  $2" "want: $3"
	fi
}

# like DESC GOT PATTERN: passes when GOT contains the fixed string PATTERN.
like() {
	case $2 in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1" "got:  $(printf '%s' "$2" | head -n 5)" "want text: $3" ;;
	esac
}

# psql as a given login role, unaligned, tuples only, stop on error.
as_role() {
	_role=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$_role" "$@"
}

# psql as the cluster superuser.
su_psql() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$CME_PG_SUPERUSER" "$@"
}

# fresh_db NAME: a new, migrated, empty database (drops any old one).
fresh_db() {
	su_psql -d postgres -c "DROP DATABASE IF EXISTS \"$1\"" >/dev/null
	su_psql -d postgres -c "CREATE DATABASE \"$1\"" >/dev/null
	PGDATABASE=$1 PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db migrate >/dev/null
}
