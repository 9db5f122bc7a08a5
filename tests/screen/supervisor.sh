#!/bin/sh
# supervisor.sh — the supervisor desk's Workload and Reports screens, as
# sam (supervisor, LA 830):
#  - w draws one line per officer with a bar and a number for every figure
#    (80x24), in one round trip (CME_TRACE); Enter opens that officer's
#    caseload in the list; o / O sort and change the order; :workload
#    opens it again;
#  - R shows the DfE return on this term's census day beside the previous
#    term's, the figures cme.cme_return_terms() gives sam through psql;
#  - at 200x50 with TERM=vt100, NO_COLOR and --ascii the bars are '#'
#    with their numbers;
#  - RLS: sam sees no officer of 886 and cannot ask for 886's return;
#    alex (caseworker) is refused the supervisor functions through psql
#    (42501) and on the screen;
#  - database.standby pointing at the same primary: the reads go over a
#    second connection (application name cme-standby, CME_LOG says so),
#    prefer-standby falling back to the primary.
. "$CME_ROOT/tests/lib.sh"

trap screen_stop EXIT

sam() { as_role sam -c "$1"; }
sqlstate() {
	psql -X -q -v VERBOSITY=sqlstate -At -U "$1" -c "$2" 2>&1
}

officers=$(sam "SELECT count(*) FROM cme.workload()")
# The officer with most open cases first (ties by name), and their figures.
top=$(sam "SELECT display_name || '|' || open_cases || '|' || open_alerts
    || '|' || overdue_clocks || '|' || contacts_10d FROM cme.workload()
    ORDER BY open_cases DESC, lower(display_name), role_name LIMIT 1")
top_name=${top%%|*}
top_cases=$(echo "$top" | cut -d'|' -f2)
top_nums=$(echo "$top" | cut -d'|' -f2- | tr '|' ' ')
most_alerts=$(sam "SELECT display_name FROM cme.workload()
    ORDER BY open_alerts DESC, lower(display_name), role_name LIMIT 1")
least_alerts=$(sam "SELECT display_name FROM cme.workload()
    ORDER BY open_alerts, lower(display_name), role_name LIMIT 1")
ret=$(sam "SELECT census_date || '|' || prev_census_date || '|' || children
    || '|' || prev_children FROM cme.cme_return_terms()
    WHERE breakdown = 'total'")
cur=$(echo "$ret" | cut -d'|' -f1)
prev=$(echo "$ret" | cut -d'|' -f2)
cur_n=$(echo "$ret" | cut -d'|' -f3)
prev_n=$(echo "$ret" | cut -d'|' -f4)

# line TEXT: the screen's first line holding TEXT.
line() {
	screen_shot | grep -F -- "$1" | head -n 1
}
# first_is NAME: the first officer line (screen row 4) is NAME's (its first
# 10 characters: a long name is cut to the column).
first_is() {
	case $(screen_shot | sed -n 4p) in
	"> $(printf '%.10s' "$1")"*) echo yes ;;
	*) screen_shot | sed -n 4p ;;
	esac
}
# nums LINE: the numbers of a line, space-separated.
nums() {
	echo "$1" | tr -c '0-9\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//'
}

trace="$CME_TMP/supervisor.trace"
rm -f "$trace"
screen_start 80 24 "env PGUSER=sam TERM=tmux-256color LC_ALL=C.UTF-8 \
    CME_TRACE=$trace $CME_BIN"
screen_expect "sam: the client starts" "[online]"
screen_wait "Team (" >/dev/null
screen_keys w
screen_expect "w opens the workload of $officers officers" \
    "Workload ($officers officers)"
screen_expect "the heading marks the sort column (cases, largest first)" \
    "Casesv"
l=$(line "$top_name")
is "the busiest officer is first: $top_name" "$(first_is "$top_name")" yes
like "$top_name's cases are drawn as a bar" "$l" "█"
is "every bar has its number beside it ($top_nums ...)" \
    "$(nums "$l" | cut -d' ' -f1-4)" "$top_nums"
n=$(screen_shot | sed -n "4,$((3 + officers))p" | grep -c '[0-9-]$')
is "every officer's line ends with a figure" "$n" "$officers"
screen_keys g Enter
screen_expect "Enter opens $top_name's caseload ($top_cases)" \
    "Queue Caseload of $top_name ($top_cases)"
screen_keys : workload Enter
screen_expect ":workload opens the screen again" \
    "Workload ($officers officers)"
screen_keys o
screen_expect "o sorts by open alerts, largest first" "Alertsv"
is "... the officer with most alerts first: $most_alerts" \
    "$(first_is "$most_alerts")" yes
screen_keys O
screen_expect "O reverses the order" "Alerts^"
is "... the officer with fewest alerts first: $least_alerts" \
    "$(first_is "$least_alerts")" yes
screen_keys q
screen_wait_gone "Workload (" >/dev/null
screen_expect "q goes back to the list" "Queue Caseload of"

screen_keys D
screen_expect "R shows the return on census day $cur beside $prev" \
    "DfE CME return: census day $cur, previous term $prev"
l=$(line "CME on census day")
is "the total on both census days ($cur_n, $prev_n), as psql says" \
    "$(nums "$l")" "$cur_n $prev_n"
screen_expect "the breakdowns are shown" "By national curriculum year group"
screen_keys q : reports Enter
screen_expect ":reports opens it too" "DfE CME return: census day $cur"
screen_keys Q
screen_wait_dead >/dev/null

at() {
	awk -F '\t' -v a="$1" -v n="$2" '$1 == a { v = $n } END { print v }' \
	    "$trace"
}
is "trace: the workload is one round trip" "$(at workload 2)" 1
is "trace: the workload is one statement" "$(at workload 3)" 1
is "trace: the reports screen is one round trip" "$(at reports 2)" 1

# --- 200x50, vt100, NO_COLOR, --ascii ---
screen_start 200 50 "env PGUSER=sam TERM=vt100 NO_COLOR=1 LC_ALL=C.UTF-8 \
    $CME_BIN --ascii"
screen_expect "vt100 + NO_COLOR + --ascii: the client starts" "[online]"
screen_keys w
screen_expect "200x50: the workload" "Workload ($officers officers)"
l=$(line "$top_name")
like "ASCII bars are '#'" "$l" "########"
is "... with the numbers beside them" "$(nums "$l" | cut -d' ' -f1-4)" \
    "$top_nums"
screen_keys D
screen_expect "200x50: the whole return fits" \
    "CME at any point in the previous academic year"
screen_keys Q
screen_wait_dead >/dev/null

# --- row-level security ---
n=$(su_psql -c "SELECT count(*) FROM cme.staff WHERE la_code = 886 AND
    role_name IN ($(sam "SELECT string_agg(quote_literal(role_name), ',')
    FROM cme.workload()"))")
is "rls: sam's workload names no officer of LA 886" "$n" 0
is "rls: sam cannot ask for LA 886's return (42501)" \
    "$(sqlstate sam "SELECT count(*) FROM cme.cme_return(current_date,
	886::smallint)")" "ERROR:  42501"
is "rls: alex cannot call cme.workload through psql (42501)" \
    "$(sqlstate alex "SELECT count(*) FROM cme.workload()")" "ERROR:  42501"
is "rls: alex cannot call cme.cme_return through psql (42501)" \
    "$(sqlstate alex "SELECT count(*) FROM cme.cme_return(current_date)")" \
    "ERROR:  42501"
is "rls: alex cannot call cme.cme_return_terms through psql (42501)" \
    "$(sqlstate alex "SELECT count(*) FROM cme.cme_return_terms()")" \
    "ERROR:  42501"
screen_start 80 24 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
screen_expect "alex: the client starts" "[online]"
screen_keys w
screen_expect "alex: the workload screen says he may not" \
    "permission denied for function workload"
screen_keys Q
screen_wait_dead >/dev/null

# --- database.standby: a second connection, prefer-standby ---
conf="$CME_TMP/standby.conf"
log="$CME_TMP/standby.log"
rm -f "$log"
cat >"$conf" <<EOF
database: { standby = "host=$PGHOST port=${PGPORT:-5432} dbname=$PGDATABASE"; };
EOF
screen_start 80 24 "env PGUSER=sam TERM=tmux-256color LC_ALL=C.UTF-8 \
    CME_LOG=$log $CME_BIN -c $conf"
screen_expect "standby: the client starts" "[online]"
is "standby: no second connection before it is needed" \
    "$(su_psql -c "SELECT count(*) FROM pg_stat_activity
	WHERE application_name = 'cme-standby'")" 0
screen_keys w
screen_expect "standby: the workload arrives" "Workload ($officers officers)"
is "standby: a second connection, as sam, opened for it" \
    "$(su_psql -c "SELECT string_agg(usename, ',') FROM pg_stat_activity
	WHERE application_name = 'cme-standby'")" "sam"
like "standby: the log says the workload went over it" "$(cat "$log")" \
    "workload: read over the standby connection"
screen_keys D
screen_expect "standby: the return arrives" "DfE CME return: census day $cur"
like "standby: ... over the same second connection" "$(cat "$log")" \
    "reports: read over the standby connection"
screen_keys Q
screen_wait_dead >/dev/null
exit 0
