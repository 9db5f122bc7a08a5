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
#   CME_DRAFT_DIR     (screen tests) this test's own draft journals
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
	migrate_db "$1" >/dev/null
}

# ---- fault tests: stopping and starting the test cluster's server ----
# The cluster's data directory is $PGHOST/data (tools/pgcluster.sh); as
# root the server runs as postgres.

_pg_ctl() {
	_pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V |
	    tail -n 1)
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$_pgbin/pg_ctl" -D "$PGHOST/data" "$@"
	else
		"$_pgbin/pg_ctl" -D "$PGHOST/data" "$@"
	fi
}
# pg_data_present: true when the cluster's data directory is here.
pg_data_present() {
	[ -f "$PGHOST/data/PG_VERSION" ]
}
# pg_server_stop: a fast shutdown, waiting for it.
pg_server_stop() {
	_pg_ctl -m fast -w stop >/dev/null 2>&1
}
# pg_server_up: starts the server unless it runs, waiting for it.
pg_server_up() {
	_pg_ctl status >/dev/null 2>&1 ||
	    _pg_ctl -l "$PGHOST/server.log" -w -t 60 start >/dev/null 2>&1
}

# ---- screen tests: the real binary in a private, detached tmux server ----
# CME_TMUX names the tmux socket (tests/run-all.sh gives each script its
# own). tmux -f /dev/null: no user configuration; status line off so the
# pane is exactly the size asked for.

tmux_t() {
	tmux -L "${CME_TMUX:-cme-test-$$}" -f /dev/null "$@"
}

# screen_start COLS ROWS COMMAND: a new session running COMMAND. The
# command's exit status lands in a file for screen_exit_status (tmux 3.3
# has no pane_dead_status); the window size is manual so resize-window
# works on a detached session.
screen_start() {
	screen_stop
	_screen_status="${CME_TMP:-/tmp}/screen-status.${CME_TMUX:-$$}"
	rm -f "$_screen_status"
	tmux_t new-session -d -s t -x "$1" -y "$2" \
	    "$3; echo \$? >$_screen_status" \; \
	    set-option -g remain-on-exit on \; \
	    set-option -g window-size manual \; \
	    set-option -g status off >/dev/null || return 1
	tmux_t resize-window -t t -x "$1" -y "$2" 2>/dev/null
	return 0
}

# screen_stop: kill the server and wait until it has gone, so the next
# screen_start cannot reach a server that is still shutting down.
screen_stop() {
	# Ask a client still running to quit first: killing the server hangs
	# it up instead (SIGHUP), which a sanitiser build handles slowly.
	if tmux_t list-sessions >/dev/null 2>&1 && ! screen_dead; then
		tmux_t send-keys -t t Q 2>/dev/null
		screen_wait_dead 20 >/dev/null
	fi
	tmux_t kill-server 2>/dev/null
	_n=0
	while tmux_t list-sessions >/dev/null 2>&1 && [ $_n -lt 100 ]; do
		_n=$((_n + 1))
		sleep 0.05
	done
	return 0
}

# screen_keys KEY...: tmux send-keys names (j, Enter, Tab, C-l...).
screen_keys() {
	tmux_t send-keys -t t "$@"
}

# screen_shot: the pane as text, trailing blanks removed.
screen_shot() {
	tmux_t capture-pane -p -t t | sed 's/[[:space:]]*$//'
}

# screen_wait TEXT [TRIES]: poll (never a bare sleep) until TEXT shows.
screen_wait() {
	_n=0
	until screen_shot | grep -qF -- "$1"; do
		_n=$((_n + 1))
		[ "$_n" -gt "${2:-100}" ] && return 1
		sleep 0.05
	done
	return 0
}

# screen_wait_gone TEXT: poll until TEXT is no longer on screen.
screen_wait_gone() {
	_n=0
	while screen_shot | grep -qF -- "$1"; do
		_n=$((_n + 1))
		[ "$_n" -gt "${2:-100}" ] && return 1
		sleep 0.05
	done
	return 0
}

# screen_dead: true once the program in the pane has exited.
screen_dead() {
	[ -s "$_screen_status" ]
}

# screen_wait_dead: poll until the program has exited.
screen_wait_dead() {
	_n=0
	until screen_dead; do
		_n=$((_n + 1))
		[ "$_n" -gt "${1:-100}" ] && return 1
		sleep 0.05
	done
	return 0
}

# screen_exit_status: the exit status of the program in the pane.
screen_exit_status() {
	cat "$_screen_status" 2>/dev/null
}

# screen_expect DESC TEXT: one assertion that TEXT appears (waits).
screen_expect() {
	if screen_wait "$2"; then
		ok "$1"
	else
		not_ok "$1" "expected on screen: $2" "screen was:" \
		    "$(screen_shot | sed 's/^/|/')"
	fi
}

# migrate_db NAME: `cme db migrate` on database NAME, as the superuser.
migrate_db() {
	PGDATABASE=$1 PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db migrate
}
