#!/bin/sh
# caseload.sh — the real client in tmux against the seeded demo database:
# alex's caseload on screen at 80x24 (stacked) and 200x50 (side by side),
# the detail pane follows the cursor, vt100 and NO_COLOR still work, q
# quits and the terminal comes back, a resize keeps the selection.
. "$CME_ROOT/tests/lib.sh"

trap screen_stop EXIT

# What alex should see first, straight from the database (as alex: RLS).
first=$(as_role alex -c "
    SELECT upper(ch.legal_surname)
    FROM cme.cme_case c JOIN cme.child ch
      ON ch.la_code = c.la_code AND ch.child_id = c.child_id
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
    ORDER BY c.referred_on, c.case_id LIMIT 1")
second=$(as_role alex -c "
    SELECT ch.legal_forename || ' ' || upper(ch.legal_surname), ch.upn
    FROM cme.cme_case c JOIN cme.child ch
      ON ch.la_code = c.la_code AND ch.child_id = c.child_id
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
    ORDER BY c.referred_on, c.case_id OFFSET 1 LIMIT 1")
second_upn=${second##*|}
second_name=${second%|*}
open_cases=$(as_role alex -c "SELECT count(*) FROM cme.cme_case
    WHERE assigned_to = 'alex' AND status NOT IN ('closed','transferred')")
# A Kent child whose name no Derbyshire child shares.
kent=$(su_psql -c "SELECT upper(k.legal_surname) || ', ' || k.legal_forename
    FROM cme.child k WHERE k.la_code = 886 AND NOT EXISTS (
      SELECT 1 FROM cme.child d WHERE d.la_code = 830
        AND d.legal_surname = k.legal_surname
        AND d.legal_forename = k.legal_forename)
    ORDER BY k.child_id LIMIT 1")

run="env PGUSER=alex TERM=xterm-256color LC_ALL=C.UTF-8 $CME_BIN"

# --- 80x24: stacked panes ---
screen_start 80 24 "$run"
screen_expect "80x24: the caseload title appears" "My cases ($open_cases)"
screen_expect "80x24: alex's oldest case is listed first" "$first"
screen_expect "80x24: the detail pane shows the first child" "Summary:"
shot=$(screen_shot)
is "80x24: the screen is 24 rows" "$(tmux_t display-message -p -t t \
    '#{pane_height}')" "24"
like "80x24: the hint bar is on the last row" \
    "$(printf '%s\n' "$shot" | sed -n 24p)" "? help  q quit"
case $shot in
*"$kent"*) not_ok "80x24: no Kent child on alex's screen" \
    "found $kent from LA 886" ;;
*) ok "80x24: no Kent child on alex's screen" ;;
esac

screen_keys j
screen_expect "80x24: j moves and the detail follows the cursor" \
    "Summary: $second_name"
shot=$(screen_shot)
like "80x24: after j the title bar is still drawn" \
    "$(printf '%s\n' "$shot" | sed -n 1p)" "[online]"
like "80x24: after j the list title is still drawn" "$shot" \
    "My cases ($open_cases)"
screen_keys Tab
screen_expect "80x24: Tab focuses the detail pane" "Summary:"
screen_keys q
sleep 0.2
if screen_dead; then
	not_ok "80x24: q from the detail pane goes back, not out"
else
	ok "80x24: q from the detail pane goes back, not out"
fi
screen_keys q
if screen_wait_dead; then
	ok "80x24: q from the list quits"
	is "80x24: exit status 0" "$(screen_exit_status)" "0"
else
	not_ok "80x24: q from the list quits"
fi
screen_stop

# --- 200x50: side by side, and a resize keeps the selection ---
screen_start 200 50 "$run"
screen_expect "200x50: caseload shown" "$first"
screen_keys j
screen_expect "200x50: second child selected" "Summary: $second_name"
n=0
until screen_shot | grep -F "Summary:" | grep -qF "My cases" ||
    [ $n -gt 100 ]; do n=$((n + 1)); sleep 0.05; done
shot=$(screen_shot)
line=$(printf '%s\n' "$shot" | grep -F "Summary:" | head -n 1)
case $line in
*"My cases"*) ok "200x50: list and detail side by side" ;;
*) not_ok "200x50: list and detail side by side" "title line: $line" ;;
esac
tmux_t resize-window -t t -x 80 -y 24
n=0
while screen_shot | grep -F "Summary:" | grep -qF "My cases" &&
    [ $n -le 100 ]; do n=$((n + 1)); sleep 0.05; done
screen_expect "resize to 80x24 keeps the selected child" \
    "Summary: $second_name"
line=$(screen_shot | grep -F "Summary:" | head -n 1)
case $line in
*"My cases"*) not_ok "80x24 after resize: panes stacked again" \
    "title line: $line" ;;
*) ok "80x24 after resize: panes stacked again" ;;
esac
tmux_t resize-window -t t -x 200 -y 50
n=0
until screen_shot | grep -F "Summary:" | grep -qF "My cases" ||
    [ $n -gt 100 ]; do n=$((n + 1)); sleep 0.05; done
screen_expect "resize back to 200x50 keeps the selected child" \
    "Summary: $second_name"
screen_keys Q
screen_stop

# --- vt100 and NO_COLOR, ASCII lines ---
screen_start 80 24 "env PGUSER=alex TERM=vt100 NO_COLOR=1 LC_ALL=C.UTF-8 \
    $CME_BIN --ascii"
screen_expect "vt100 + NO_COLOR + --ascii: caseload shown" "$first"
screen_keys Q
screen_stop

# --- a supervisor with no cases of their own starts on the team queue ---
sam_cases=$(as_role sam -c "SELECT count(*) FROM cme.cme_case
    WHERE assigned_to = 'sam' AND status NOT IN ('closed','transferred')")
team=$(as_role sam -c "SELECT count(*) FROM cme.cme_case
    WHERE team_id = cme.staff_team('sam')
      AND status NOT IN ('closed','transferred')")
screen_start 80 24 "env PGUSER=sam TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
if [ "$sam_cases" = 0 ]; then
	screen_expect "sam (supervisor, no cases) starts on Team ($team)" \
	    "Team ($team)"
else
	screen_expect "sam (supervisor) starts on My cases" "My cases ("
fi
screen_keys Q
screen_stop

# --- no database: a clear message, not a crash ---
screen_start 80 24 "env PGUSER=alex PGHOST=$CME_TMP/nowhere \
    LC_ALL=C.UTF-8 $CME_BIN"
screen_expect "no server: the offline banner says so" "Not connected"
screen_expect "no server: the title bar says OFFLINE" "[OFFLINE]"
screen_keys q
if screen_wait_dead; then ok "no server: q still quits"; else
	not_ok "no server: q still quits"; fi
screen_stop

exit 0
