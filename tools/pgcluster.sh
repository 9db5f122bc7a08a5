#!/bin/sh
# pgcluster.sh — a private PostgreSQL cluster in a directory, Unix socket only.
#
#   sh tools/pgcluster.sh start DIR   initdb if needed, then start (or reuse)
#   sh tools/pgcluster.sh stop DIR    stop it (fast shutdown)
#   sh tools/pgcluster.sh env DIR     print PGHOST=... PGPORT=... lines
#
# PostgreSQL refuses to run as root: when we are root the server runs as the
# "postgres" system user, in a directory that user owns. When DIR is not
# reachable by that user (a checkout under /root, say) or its path is too
# long for a socket, the cluster lives under /tmp and DIR/pg is a link to it.
# Connections: trust over the socket, no TCP (listen_addresses = ''). This
# is for demos and tests only; see README.md for a council's set-up.
set -eu

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || {
	echo "usage: pgcluster.sh start|stop|env DIR" >&2; exit 2; }

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] && [ -x "$pgbin/pg_ctl" ] || {
	echo "pgcluster: PostgreSQL server binaries not found" \
	    "(apt-get install postgresql)" >&2; exit 1; }

self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# The server tools, run as postgres, warn when they cannot return to the
# working directory (a checkout under /root, say): work from / instead.
cd /

if [ "$(id -u)" = 0 ]; then
	runas="runuser -u postgres --"
	owner=postgres
else
	runas=""
	owner=$(id -un)
fi

# Where the cluster really lives: DIR/pg, or a /tmp directory it links to.
home="$dir/pg"
# A link to a /tmp directory that is gone (a reboot): start afresh.
if [ -L "$home" ] && [ ! -d "$(readlink "$home")" ]; then
	rm -f "$home"
fi
if [ -L "$home" ]; then
	home=$(readlink "$home")
elif [ ! -d "$home" ]; then
	need_tmp=no
	if [ -n "$runas" ] && ! $runas test -x "$dir"; then
		need_tmp=yes
	fi
	# sun_path holds 107 bytes: keep the socket path well inside it.
	[ ${#home} -gt 80 ] && need_tmp=yes
	if [ $need_tmp = yes ]; then
		t=$(mktemp -d /tmp/cme-pg.XXXXXX)
		ln -s "$t" "$home"
		home=$t
	else
		mkdir -p "$home"
	fi
fi
[ -n "$runas" ] && chown postgres "$home"
chmod 700 "$home"

data="$home/data"
sock="$home"
port=5432

case $cmd in
start)
	if [ ! -f "$data/PG_VERSION" ]; then
		$runas "$pgbin/initdb" -D "$data" -A trust -U "$owner" \
		    -E UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 || {
			cat "$home/initdb.log" >&2; exit 1; }
		cat >>"$data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$sock'
port = $port
fsync = off
shared_buffers = 128MB
idle_in_transaction_session_timeout = '60s'
log_min_messages = warning
EOF
	fi
	if ! $runas "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
		$runas "$pgbin/pg_ctl" -D "$data" -l "$home/server.log" -w \
		    -t 60 start >/dev/null || {
			tail -n 20 "$home/server.log" >&2; exit 1; }
	fi
	;;
stop)
	if [ -f "$data/PG_VERSION" ] &&
	    $runas "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
		$runas "$pgbin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
	fi
	;;
env)
	echo "PGHOST=$sock"
	echo "PGPORT=$port"
	echo "CME_PG_SUPERUSER=$owner"
	;;
destroy)
	sh "$self" stop "$dir"
	if [ -L "$dir/pg" ]; then rm -rf "$(readlink "$dir/pg")"; fi
	rm -rf "$dir/pg"
	;;
*)
	echo "pgcluster: unknown command '$cmd'" >&2; exit 2
	;;
esac
