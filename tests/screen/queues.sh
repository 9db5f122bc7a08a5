#!/bin/sh
# queues.sh — the queues and the list pane: counts agree with the database
# (as alex, through RLS), { } and the queues pane open queues, the sort
# marker moves with o / O, G and g jump over a long list, and CME_TRACE
# shows one round trip per screen and none for moves within fetched rows.
. "$CME_ROOT/tests/lib.sh"

trap screen_stop EXIT

count() {
	as_role alex -c "$1"
}
my_cases=$(count "SELECT count(*) FROM cme.cme_case WHERE assigned_to = 'alex'
    AND status NOT IN ('closed','transferred')")
my_alerts=$(count "SELECT count(*) FROM cme.alert WHERE assigned_to = 'alex'
    AND status <> 'resolved'
    AND (status <> 'snoozed' OR snooze_until <= current_date)")
children=$(count "SELECT count(*) FROM cme.child")
last_child=$(count "SELECT upper(legal_surname) || ', ' || legal_forename
    FROM cme.child ORDER BY lower(legal_surname || ' ' || legal_forename)
    DESC, child_id DESC LIMIT 1")
first_child=$(count "SELECT upper(legal_surname) || ', ' || legal_forename
    FROM cme.child ORDER BY lower(legal_surname || ' ' || legal_forename),
    child_id LIMIT 1")

# The detail shows "Forename SURNAME" of the row under the cursor.
first_alert=$(count "SELECT ch.legal_forename || ' ' || upper(ch.legal_surname)
    FROM cme.alert a JOIN cme.child ch USING (la_code, child_id)
    WHERE a.assigned_to = 'alex' AND a.status <> 'resolved'
      AND (a.status <> 'snoozed' OR a.snooze_until <= current_date)
    ORDER BY a.raised_at DESC, a.alert_id DESC LIMIT 1")
first_case=$(count "SELECT ch.legal_forename || ' ' || upper(ch.legal_surname)
    FROM cme.cme_case c JOIN cme.child ch USING (la_code, child_id)
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
    ORDER BY c.referred_on, c.case_id LIMIT 1")
last_by_name=$(count "SELECT legal_forename || ' ' || upper(legal_surname)
    FROM cme.child ORDER BY lower(legal_surname || ' ' || legal_forename)
    DESC, child_id DESC LIMIT 1")

trace="$CME_TMP/queues.trace"
rm -f "$trace"
run="env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 CME_TRACE=$trace \
    $CME_BIN"

# --- 80x24: the queue bar ---
screen_start 80 24 "$run"
screen_expect "queue bar shows My cases with its count, bracketed" \
    "[Cases $my_cases]"
screen_expect "queue bar shows My alerts with its count" \
    "Alerts $my_alerts"
screen_expect "queue bar shows All children with its count" \
    "Children $children"
screen_expect "the list title says where the cursor is" \
    "My cases ($my_cases)  1/$my_cases"
screen_expect "the detail shows the first case's child" \
    "Summary: $first_case"

screen_keys '{'
screen_expect "{ opens the previous queue (My alerts)" \
    "My alerts ($my_alerts)"
screen_expect "the detail follows to the newest alert's child" \
    "Summary: $first_alert"
screen_expect "the alerts list has its own columns" "Severity"
screen_keys '{'
screen_expect "{ wraps round to All children" "All children ($children)"
screen_expect "All children is sorted by name, ascending" "Child^"
screen_expect "the first child by name is first" "$first_child"

screen_keys G
screen_expect "G jumps to the last of $children children" \
    "$children/$children"
screen_expect "the last child by name is on screen" "$last_child"
screen_keys g
screen_expect "g goes back to the first" "1/$children"
screen_keys PageDown PageDown PageDown
screen_wait "/$children" >/dev/null
shot=$(screen_shot)
case $shot in
*"  1/$children"*) not_ok "PageDown moves the cursor down the list" ;;
*) ok "PageDown moves the cursor down the list" ;;
esac

screen_keys O
screen_expect "O reverses the order (marker v)" "Childv"
screen_expect "reversed: the last child by name comes first" \
    "Summary: $last_by_name"
screen_keys o
screen_expect "o sorts by the next column" "UPN^"

# An empty queue (or whatever Unassigned holds) opens cleanly.
unassigned=$(count "SELECT count(*) FROM cme.cme_case WHERE assigned_to IS NULL
    AND status NOT IN ('closed','transferred')")
screen_keys : "queue unassigned" Enter
screen_expect ":queue opens Unassigned ($unassigned)" "Unassigned ($unassigned)"
if [ "$unassigned" = 0 ]; then
	screen_expect "an empty queue says so" "Nothing here."
fi

# Tab to the queues pane, pick Team with the cursor, Enter opens it.
screen_keys Tab Tab
screen_keys g j j Enter
screen_expect "Enter in the queues pane opens Team" "Team ("
screen_keys Q
screen_wait_dead >/dev/null
screen_stop

# --- round trips, from the trace (deterministic counts) ---
field() {	# field ACTION N: column N of the first line for ACTION
	awk -F '\t' -v a="$1" -v n="$2" '$1 == a { print $n; exit }' "$trace"
}
is "start: the whole first screen, detail included, is one round trip" \
    "$(field start 2)" 1
# The page and its rows' Summaries are one statement (the page is read
# once, each row joined to its Summary), so a list screen is the page and
# its total.
is "start: whoami, counts, page with summaries, total, saved queues, \
staff, LISTEN, draft key" "$(field start 3)" 8
is "queue-prev: a new queue (page with its summaries, total): one round trip" \
    "$(field queue-prev 2)" 1
is "queue-prev: two statements" "$(field queue-prev 3)" 2
is "sort-reverse: one round trip" "$(field sort-reverse 2)" 1

rm -f "$trace"
screen_start 80 24 "$run"
screen_expect "second run: caseload shown" "My cases ($my_cases)"
screen_expect "second run: detail shown" "Summary: $first_case"
screen_keys j
screen_wait "2/$my_cases" >/dev/null
sleep 0.4
screen_keys k
screen_wait "1/$my_cases" >/dev/null
sleep 0.4
screen_keys Q
screen_wait_dead >/dev/null
is "move-down within fetched rows, detail included: no round trip" \
    "$(field move-down 2)" 0
is "move-down: no statement" "$(field move-down 3)" 0
bytes=$(field move-down 5)
if [ -n "$bytes" ] && [ "$bytes" -gt 0 ] && [ "$bytes" -le 1500 ]; then
	ok "move-down at 80x24, detail included, writes $bytes bytes (<= 1500)"
else
	not_ok "move-down at 80x24 writes at most 1500 bytes" "got: $bytes"
fi
screen_stop
exit 0
