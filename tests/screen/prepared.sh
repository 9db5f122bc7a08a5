#!/bin/sh
# prepared.sh — the client keeps its queries prepared for the session
# (database.prepare, src/db/prepared.c), shown by CME_TRACE's last two
# columns (statements newly prepared, executions of prepared ones), with
# the real binary and server, as alex:
#   1. the Timeline of the first child prepares its statement; moving to
#      the next child runs it again without parsing it (and prepares the
#      child's heading, new to the session);
#   2. after the server restarts, the client reconnects, reads the screen
#      again preparing its statements afresh on the new session, and the
#      next child's Timeline is shown (a name kept from the old session
#      would fail: "prepared statement ... does not exist");
#   3. database.prepare = false: nothing is prepared, the screens are the
#      same.
. "$CME_ROOT/tests/lib.sh"

cleanup() {
	screen_stop
	pg_server_up
}
trap cleanup EXIT

q() { as_role alex -c "$1"; }
# The names of alex's first three children in My cases (oldest referral
# first), as the Timeline's heading shows them.
names=$(q "SELECT ch.legal_forename || ' ' || upper(ch.legal_surname)
    FROM cme.cme_case c JOIN cme.child ch USING (la_code, child_id)
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
    ORDER BY c.referred_on, c.case_id LIMIT 3")
name1=$(printf '%s\n' "$names" | sed -n 1p)
name2=$(printf '%s\n' "$names" | sed -n 2p)
name3=$(printf '%s\n' "$names" | sed -n 3p)
[ -n "$name3" ] || not_ok "setup: alex has three open cases" "$names"

trace="$CME_TMP/prepared.trace"
field() {	# field ACTION N [NTH]: column N of the NTH line for ACTION
	awk -F '\t' -v a="$1" -v n="$2" -v k="${3:-1}" \
	    '$1 == a { if (++seen == k) { print $n; exit } }' "$trace"
}

# ---- 1 and 2: prepared (the default) ----
rm -f "$trace"
screen_start 100 30 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    CME_TRACE=$trace $CME_BIN"
screen_expect "the caseload is shown" "Summary: $name1"
# Each step waits for the Timeline's rows (its column heading "What (N
# events)" is drawn once they are in), not just the tab's title, so each
# trace line holds its own batch.
screen_keys 2
screen_expect "2 opens the Timeline of the first child" "Timeline: $name1"
screen_expect "the first child's Timeline rows" "What ("
screen_keys j
screen_expect "j shows the next child's Timeline" "Timeline: $name2"
screen_expect "the next child's Timeline rows" "What ("
if pg_data_present; then
	# C-l (a redraw: no database work) holds the reconnection's own
	# batches in the trace.
	screen_keys C-l
	pg_server_stop
	pg_server_up
	screen_expect "the client reconnects after the restart" "[online]"
	sleep 1
	screen_keys C-l
	sleep 0.3
	screen_keys j
	screen_expect "the Timeline after the restart is shown" \
	    "Timeline: $name3"
	screen_expect "its rows, read on the new session" "What ("
else
	echo "# prepared: no cluster data directory at $PGHOST/data:" \
	    "restart skipped"
fi
screen_keys Q
screen_wait_dead >/dev/null
screen_stop
cp "$trace" "$trace.1"

is "the first Timeline prepares its statement (one round trip)" \
    "$(field tab-timeline 2)/$(field tab-timeline 6)/$(field tab-timeline 7)" \
    "1/1/0"
# (the move also reads the child's heading: its own statement, prepared
# the first time)
is "the next child's Timeline runs it prepared (one round trip)" \
    "$(field move-down 2)/$(field move-down 6)/$(field move-down 7)" \
    "1/1/1"
if pg_data_present; then
	# The reconnection re-reads the screen on the new session: its
	# statements are parsed afresh there (a name kept from the old
	# session would fail), and the move after it runs them prepared.
	p=$(field redraw 6)
	if [ -n "$p" ] && [ "$p" -ge 2 ]; then
		ok "after the restart the screen's statements are prepared again ($p)"
	else
		not_ok "after the restart the screen's statements are prepared again" \
		    "prepared: $p" "$(cat "$trace.1")"
	fi
	is "the move after the restart runs them prepared" \
	    "$(field move-down 2 2)/$(field move-down 6 2)/$(field move-down 7 2)" \
	    "1/0/2"
fi

# ---- 3: database.prepare = false ----
conf="$CME_TMP/prepared.conf"
printf 'database: { prepare = false; };\n' >"$conf"
rm -f "$trace"
screen_start 100 30 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    CME_TRACE=$trace CME_CONFIG=$conf $CME_BIN"
screen_expect "prepare = false: the caseload is shown" "Summary: $name1"
screen_keys 2
screen_expect "prepare = false: the Timeline" "Timeline: $name1"
screen_expect "prepare = false: its rows" "What ("
screen_keys j
screen_expect "prepare = false: the next child's Timeline" \
    "Timeline: $name2"
screen_expect "prepare = false: its rows" "What ("
screen_keys Q
screen_wait_dead >/dev/null
is "prepare = false: nothing is prepared or reused" \
    "$(awk -F '\t' '{ p += $6; r += $7 } END { print p "/" r }' "$trace")" \
    "0/0"
is "prepare = false: the same round trips" \
    "$(field tab-timeline 2)/$(field move-down 2)" "1/1"
