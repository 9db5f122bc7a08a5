#!/bin/sh
# demo.sh — the demo database and client behind `make demo`, `make demo-db`
# and `make demo-stop`.
#
#   sh tools/demo.sh open   start or reuse the demo cluster, then open the
#                           client as demo caseworker alex (needs a terminal)
#   sh tools/demo.sh db     the same without the client
#   sh tools/demo.sh stop   stop the demo cluster; its data is kept
#
# The cluster lives in var/demo (tools/pgcluster.sh: trust authentication,
# Unix socket only). Database cme_demo is migrated on every start (`cme db
# migrate` is idempotent) and seeded with synthetic data once, when it holds
# no children yet. var/demo.env then holds the connection:
#   . var/demo.env; psql -U alex          . var/demo.env; PGUSER=alex build/cme
# CME_DEMO_BIN names another binary (default build/cme).
set -eu

cd "$(dirname "$0")/.."
root=$(pwd)
cmd=${1:-open}
dir=var/demo
envfile=var/demo.env
bin=${CME_DEMO_BIN:-build/cme}
db=cme_demo

case $cmd in
open | db) ;;
stop)
	sh tools/pgcluster.sh stop "$dir"
	echo "demo: cluster stopped; its data stays in $dir (make demo-db" \
	    "starts it again)"
	exit 0
	;;
*)
	echo "usage: sh tools/demo.sh open|db|stop" >&2
	exit 2
	;;
esac

[ -x "$bin" ] || { echo "demo: $bin is not built (run make)" >&2; exit 1; }

sh tools/pgcluster.sh start "$dir"
eval "$(sh tools/pgcluster.sh env "$dir")"
PGDATABASE=$db
export PGHOST PGPORT PGDATABASE
unset PGUSER PGSERVICE PGHOSTADDR PGPASSWORD PGOPTIONS
su=$CME_PG_SUPERUSER

# psql_su DB SQL: one value back, as the cluster superuser.
psql_su() {
	psql -X -q -v ON_ERROR_STOP=1 -At -U "$su" -d "$1" -c "$2"
}

if [ "$(psql_su postgres \
    "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
	psql_su postgres "CREATE DATABASE $db" >/dev/null
fi

PGUSER=$su "$bin" db migrate ||
    { echo "demo: cme db migrate failed" >&2; exit 1; }

children=$(psql_su "$db" "select count(*) from cme.child")
if [ "$children" = 0 ]; then
	PGUSER=$su "$bin" db seed --demo ||
	    { echo "demo: cme db seed --demo failed" >&2; exit 1; }
fi

# shellquote VALUE: VALUE as one shell word.
shellquote() {
	case $1 in
	*[!A-Za-z0-9_./:=@%+-]* | "")
		printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
	*)
		printf '%s' "$1" ;;
	esac
}
{
	echo "# The cme demo database (tools/demo.sh). Use it with:"
	echo "#   . $envfile; psql -U alex     . $envfile; PGUSER=alex $bin"
	echo "export PGHOST=$(shellquote "$PGHOST")"
	echo "export PGPORT=$(shellquote "$PGPORT")"
	echo "export PGDATABASE=$(shellquote "$PGDATABASE")"
} >"$envfile.tmp"
mv "$envfile.tmp" "$envfile"

echo "demo: database $db on a private Unix socket ($PGHOST), trust" \
    "authentication, synthetic data: for demos only, never real records."
echo "demo: connection in $envfile (. $envfile; psql -U alex);" \
    "make demo-stop stops it."

[ "$cmd" = open ] || exit 0

if [ ! -t 0 ] || [ ! -t 1 ]; then
	echo "demo: no terminal here, so the client is not opened. To open it" \
	    "later, from $root:"
	echo "  . $envfile; PGUSER=alex $bin"
	exit 0
fi

# The client draws UTF-8: use C.UTF-8 when the locale is not a UTF-8 one.
case $(locale charmap 2>/dev/null) in
UTF-8) ;;
*) LC_ALL=C.UTF-8; export LC_ALL ;;
esac
PGUSER=alex
export PGUSER
exec "$bin"
