#!/bin/sh
# fault.sh — the database goes away under an open client: the banner says
# so, the screen keeps what it showed, and once the server is back the
# client reconnects by itself (backing off), rebuilds its session and
# shows the caseload again; nothing needed a key press.
. "$CME_ROOT/tests/lib.sh"

cleanup() {
	screen_stop
	pg_server_up
}
trap cleanup EXIT

if ! pg_data_present; then
	echo "# fault: no cluster data directory at $PGHOST/data: skipped"
	exit 77
fi

n=$(as_role alex -c "SELECT count(*) FROM cme.cme_case
    WHERE assigned_to = 'alex' AND status NOT IN ('closed','transferred')")
screen_start 80 24 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
screen_expect "the caseload is shown" "My cases ($n)"
screen_expect "and the detail" "Summary: "

pg_server_stop
screen_expect "the server stops: the banner says not connected" \
    "Not connected"
screen_expect "the title bar says OFFLINE" "[OFFLINE]"
like "the caseload stays on screen while offline" "$(screen_shot)" \
    "My cases ($n)"

pg_server_up
if screen_wait "[online]" 400; then
	ok "the server is back: the client reconnects by itself"
else
	not_ok "the server is back: the client reconnects by itself" \
	    "$(screen_shot | sed 's/^/|/')"
fi
screen_expect "the caseload is read again" "My cases ($n)  1/$n"
screen_expect "the detail is back" "Summary: "
screen_keys Q
screen_wait_dead >/dev/null
is "the client exits cleanly after the outage" "$(screen_exit_status)" 0
exit 0
