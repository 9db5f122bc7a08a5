#!/bin/sh
# tabs.sh — the detail pane's six tabs in the real client, as alex, against
# the seeded demo database: each tab (keys 1-6) shows what psql says as
# alex for the selected child (the clock and last contact, a contact's
# outcome and the number of contacts, the attendance percentage computed
# here from the packed marks and the persistent-absence flag, an enquiry
# item with its state, a carer, an alert's rule); the tab bar marks the
# current tab in brackets on a vt100 without colour; j/k scroll; each tab
# costs one round trip the first time and none after (CME_TRACE); and a
# contact note carrying escape sequences and a bidi override is drawn
# inert on the Timeline.
. "$CME_ROOT/tests/lib.sh"

note_key=3f8e0f5c-7ab1-4c53-9a5e-7ab500000001
cleanup() {
	screen_stop
	# case_contact is append-only (a trigger refuses DELETE): the test
	# row goes with the triggers off for this transaction only.
	su_psql -c "BEGIN; SET LOCAL session_replication_role = replica;
	    DELETE FROM cme.case_contact WHERE idem_key = '$note_key'; COMMIT" \
	    >/dev/null 2>&1
}
trap cleanup EXIT

q() {
	as_role alex -c "$1"
}

# --- the children, straight from the database as alex (RLS) ---
# The first row of "My cases" (oldest referral first).
first=$(q "SELECT c.case_id || '|' || c.child_id || '|' ||
      ch.legal_forename || ' ' || upper(ch.legal_surname)
    FROM cme.cme_case c JOIN cme.child ch USING (la_code, child_id)
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
    ORDER BY c.referred_on, c.case_id LIMIT 1")
case_id=${first%%|*}
rest=${first#*|}
child_id=${rest%%|*}
name=${rest#*|}

# A hostile note on that case, the newest contact of all (inserted as the
# superuser, audit skipped the way the seed loads; cleanup removes it).
# Short words first so the escapes fall inside an 80-column Timeline.
su_psql -c "BEGIN; SET LOCAL cme.bulk_load = on;
    INSERT INTO cme.case_contact (la_code, case_id, kind, contact_at,
      with_whom, outcome, note, recorded_by, idem_key)
    VALUES (830, $case_id, 'phone', now(), 'T', 'Esc test',
      E'\u202e\x1b]52;c;SGVsbG8=\x07\x1b[2J end', 'alex', '$note_key');
    COMMIT" >/dev/null ||
    not_ok "setup: insert the hostile note"
esc=$(q "SELECT count(*) FROM cme.case_contact WHERE idem_key = '$note_key'
    AND position(chr(27) IN note) > 0 AND position(chr(8238) IN note) > 0")
is "setup: the note holds a raw ESC and U+202E" "$esc" "1"

today=$(q "SELECT to_char(now(), 'YYYY-MM-DD')")
days=$(q "SELECT cme.school_days_between(830, referred_on, current_date)
    FROM cme.cme_case WHERE case_id = $case_id")
last_contact=$(q "SELECT to_char(max(contact_at), 'YYYY-MM-DD')
    FROM cme.case_contact WHERE case_id = $case_id")
contacts=$(q "SELECT count(*) FROM cme.case_contact k
    JOIN cme.cme_case c USING (la_code, case_id)
    WHERE c.child_id = $child_id AND k.amends_contact_id IS NULL")
# (its first 30 characters: the Timeline cuts long lines at the edge)
older_outcome=$(q "SELECT left(k.outcome, 30) FROM cme.case_contact k
    JOIN cme.cme_case c USING (la_code, case_id)
    WHERE c.child_id = $child_id AND k.idem_key <> '$note_key'
      AND k.amends_contact_id IS NULL
    ORDER BY k.contact_at DESC LIMIT 1")
enquiry=$(q "SELECT CASE coalesce(e.state, 'not_started')
      WHEN 'not_started' THEN '[ ]|not started'
      WHEN 'done_found' THEN '[x]|done: found'
      WHEN 'done_not_found' THEN '[x]|done: not found'
      ELSE '[-]|not applicable' END || '|' || i.label
    FROM cme.enquiry_item i LEFT JOIN cme.case_enquiry e
      ON e.case_id = $case_id AND e.item = i.item
    ORDER BY i.sort LIMIT 1")
enquiry_box=${enquiry%%|*}
rest=${enquiry#*|}
enquiry_state=${rest%%|*}
enquiry_label=${rest#*|}
carer=$(q "SELECT concat_ws(' ', p.title, p.forename, upper(p.surname))
    FROM cme.child_person cp JOIN cme.person p USING (la_code, person_id)
    WHERE cp.child_id = $child_id
    ORDER BY cp.contact_order, cp.parental_responsibility DESC, p.surname,
      p.person_id LIMIT 1")
alert=$(q "SELECT r.label FROM cme.alert a JOIN cme.alert_rule r USING (rule)
    WHERE a.child_id = $child_id
    ORDER BY a.status = 'resolved', a.raised_at DESC, a.alert_id DESC
    LIMIT 1")

# A persistently absent child of alex's with one marks row this year:
# its position in the list, its name, and its attendance computed here
# from the packed string (one character per session).
year="(SELECT max(t.academic_year) FROM cme.term t
      WHERE t.la_code = 830 AND t.starts <= current_date)"
pa=$(q "WITH l AS (
      SELECT c.child_id, row_number() OVER (ORDER BY c.referred_on,
        c.case_id) - 1 AS pos,
        ch.legal_forename || ' ' || upper(ch.legal_surname) AS name
      FROM cme.cme_case c JOIN cme.child ch USING (la_code, child_id)
      WHERE c.assigned_to = 'alex'
        AND c.status NOT IN ('closed','transferred')),
    m AS (
      SELECT a.child_id,
        count(*) FILTER (WHERE k.category = 'P') AS present,
        count(*) FILTER (WHERE k.category <> 'NP') AS possible
      FROM cme.attendance a
      JOIN cme.term t ON t.la_code = a.la_code AND t.term_id = a.term_id
      CROSS JOIN LATERAL regexp_split_to_table(a.marks, '') AS s(ch)
      JOIN cme.attendance_code k ON k.packed = s.ch
      WHERE t.academic_year = $year
      GROUP BY a.child_id
      HAVING count(DISTINCT (a.laestab, a.term_id)) = 1)
    SELECT l.pos || '|' || l.name || '|' ||
      to_char(round(100.0 * m.present / m.possible, 1), 'FM990.0') || '%'
    FROM l JOIN m USING (child_id)
    WHERE m.possible >= 20 AND m.present * 100 <= 90 * m.possible
    ORDER BY l.pos LIMIT 1")
pa_pos=${pa%%|*}
rest=${pa#*|}
pa_name=${rest%%|*}
pa_pct=${rest#*|}
[ -n "$pa" ] || not_ok "setup: a persistently absent child in alex's list"

trace="$CME_TMP/tabs.trace"
rm -f "$trace"
run="env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 CME_TRACE=$trace \
    $CME_BIN"

# --- 160x48: every tab of the first child ---
screen_start 160 48 "$run"
screen_expect "160x48: Summary of the first child" "Summary: $name"
screen_expect "160x48: the tab bar marks Summary" "[Summary]"
shot=$(screen_shot)
like "Summary: the clock counts school days since referral" "$shot" \
    "day $days"
like "Summary: the last contact is the newest of case_contact" "$shot" \
    "Last contact  $last_contact"

screen_keys 2
screen_expect "2 opens the Timeline" "Timeline: $name"
screen_expect "Timeline: the newest contact is first" "phone    Esc test - T:"
shot=$(screen_shot)
like "Timeline: an older contact's outcome" "$shot" "$older_outcome"
n=$(printf '%s\n' "$shot" |
    grep -cE ' [0-9-]{10} (visit|phone|letter|email|meeting|agency) ')
is "Timeline: one line per contact ($contacts)" "$n" "$contacts"
screen_keys 4
screen_expect "4 opens Enquiries" "Enquiries: $name"
screen_expect "Enquiries: the first item's label" "$enquiry_label"
line=$(screen_shot | grep -F -- "$enquiry_label" | head -n 1)
like "Enquiries: ... with its box" "$line" "$enquiry_box "
like "Enquiries: ... and its state in words" "$line" "$enquiry_state"

screen_keys 5
screen_expect "5 opens Family" "Family: $name"
screen_expect "Family: the first person to contact" "$carer"
screen_expect "Family: parental responsibility in words" \
    "parental responsibility"

screen_keys 6
screen_expect "6 opens Alerts" "Alerts: $name"
if [ -n "$alert" ]; then
	screen_expect "Alerts: the newest open alert's rule" "$alert"
fi

screen_keys 3
screen_expect "3 opens Attendance" "Attendance: $name"
screen_expect "Attendance: the week header" "Mon  Tue  Wed  Thu  Fri"

# A second press of a loaded tab costs nothing; [ and ] move along.
screen_keys 2
screen_expect "back on the Timeline" "[Timeline]"
screen_keys ']'
screen_expect "] goes to the next tab" "[Attendance]"
screen_keys '['
screen_expect "[ goes to the previous tab" "[Timeline]"

# j/k on the Timeline, with the focus on the detail pane.
screen_keys Tab
screen_expect "Tab: the cursor is on the newest event" \
    ">$today phone    Esc test"
screen_keys j
n=0
until screen_shot | grep -q '^.*>[0-9-]\{10\} ' &&
    ! screen_shot | grep -q '>[0-9-]\{10\} phone    Esc test'
do
	n=$((n + 1)); [ $n -gt 100 ] && break; sleep 0.05
done
case $(screen_shot | grep '>[0-9-]\{10\} ' | head -n 1) in
*"Esc test"*) not_ok "j moves the Timeline cursor down" ;;
*">"*) ok "j moves the Timeline cursor down" ;;
*) not_ok "j moves the Timeline cursor down" "$(screen_shot)" ;;
esac
screen_keys G
sleep 0.3
first_event=$(printf '%s\n' "$(screen_shot)" | grep '>[0-9-]\{10\} ' |
    head -n 1)
case $first_event in
*school*joined*) ok "G goes to the oldest event (the first school)" ;;
*) not_ok "G goes to the oldest event (the first school)" \
    "line: $first_event" ;;
esac
screen_keys Q
screen_wait_dead >/dev/null
screen_stop

# --- round trips, from the trace ---
field() {	# field ACTION N [NTH]: column N of the NTH line for ACTION
	awk -F '\t' -v a="$1" -v n="$2" -v k="${3:-1}" \
	    '$1 == a { if (++seen == k) { print $n; exit } }' "$trace"
}
is "Timeline: one round trip" "$(field tab-timeline 2)" 1
is "Timeline: one statement (alex may not read the audit log)" \
    "$(field tab-timeline 3)" 1
is "Attendance: one round trip" "$(field tab-attendance 2)" 1
is "Attendance: codes, terms, closures, settings, marks" \
    "$(field tab-attendance 3)" 5
is "Enquiries: one round trip" "$(field tab-enquiries 2)" 1
is "Family: one round trip (people, siblings, addresses)" \
    "$(field tab-family 2)/$(field tab-family 3)" "1/3"
is "Alerts: one round trip" "$(field tab-alerts 2)" 1
is "Timeline again: no round trip" "$(field tab-timeline 2 2)" 0
is "tab-next to a loaded tab: no round trip" "$(field tab-next 2)" 0
is "j on the Timeline: no round trip" "$(field move-down 2)" 0
bytes=$(field move-down 5)
if [ -n "$bytes" ] && [ "$bytes" -lt 600 ]; then
	ok "j on the Timeline repaints two rows ($bytes bytes)"
else
	not_ok "j on the Timeline repaints two rows" "bytes: $bytes"
fi

# --- 80x24: the hostile note, then a persistently absent child ---
# Everything the client writes is captured (tmux pipe-pane) and searched
# for the note's sequences; the screen must show placeholders instead.
raw="$CME_TMP/tabs.raw"
rm -f "$raw"
screen_start 80 24 "$run"
tmux_t pipe-pane -o -t t "cat >>'$raw'"
screen_expect "80x24: caseload shown" "Summary: $name"
screen_keys 2
screen_expect "80x24: Timeline of the first child" "Timeline: $name"
screen_expect "80x24: the note's bidi override shows as <202E>" \
    "Esc test - T: <202E>^[]52;c;SGVsbG8=^G^[[2J"
sleep 0.3
if grep -q "$(printf '\033]52')" "$raw"; then
	not_ok "80x24: no OSC 52 from the note reaches the terminal"
else
	ok "80x24: no OSC 52 from the note reaches the terminal"
fi
if grep -q "$(printf '\342\200\256')" "$raw"; then
	not_ok "80x24: no U+202E from the note reaches the terminal"
else
	ok "80x24: no U+202E from the note reaches the terminal"
fi
if [ -s "$raw" ]; then ok "80x24: the capture saw the client's output"
else not_ok "80x24: the capture saw the client's output"; fi
screen_keys 1
i=0
while [ "$i" -lt "$pa_pos" ]; do
	screen_keys j
	i=$((i + 1))
done
screen_expect "80x24: the persistently absent child is selected" \
    "Summary: $pa_name"
screen_keys 3
screen_expect "80x24: Attendance tab" "Attendance: $pa_name"
screen_expect "80x24: attendance % as computed from the packed marks" \
    "Attendance $pa_pct of"
screen_expect "80x24: the persistent-absence flag" "PERSISTENT absence"
shot=$(screen_shot)
like "80x24: the strip shows weeks Monday to Friday" "$shot" \
    "Mon  Tue  Wed  Thu  Fri"
weeks=$(printf '%s\n' "$shot" | grep -c '^ *[0-9][0-9] [A-Z][a-z][a-z]  ')
if [ "$weeks" -ge 5 ]; then
	ok "80x24: the most recent weeks fit ($weeks)"
else
	not_ok "80x24: the most recent weeks fit" "$shot"
fi
top=$(printf '%s\n' "$shot" | grep '^ *[0-9][0-9] [A-Z][a-z][a-z]  ' |
    head -n 1 | cut -c1-8)
screen_keys Tab j j j
sleep 0.3
top2=$(screen_shot | grep '^ *[0-9][0-9] [A-Z][a-z][a-z]  ' | head -n 1 |
    cut -c1-8)
if [ -n "$top2" ] && [ "$top2" != "$top" ]; then
	ok "80x24: j scrolls back through the weeks ($top -> $top2)"
else
	not_ok "80x24: j scrolls back through the weeks" "top: $top $top2"
fi
screen_keys Q
screen_wait_dead >/dev/null
screen_stop

# --- vt100 without colour: the current tab still reads ---
screen_start 80 24 "env PGUSER=alex TERM=vt100 NO_COLOR=1 LC_ALL=C.UTF-8 \
    $CME_BIN --ascii"
screen_expect "vt100: caseload shown" "Summary: $name"
screen_keys 3
screen_expect "vt100 + NO_COLOR: the tab bar marks [Attendance]" \
    "[Attendance]"
screen_keys 2
screen_expect "vt100 + NO_COLOR: the tab bar marks [Timeline]" "[Timeline]"
screen_expect "vt100 --ascii: the note is still inert" \
    "Esc test - T: <202E>^[]52;c;SGVsbG8=^G"
screen_keys Q
screen_wait_dead >/dev/null
screen_stop
exit 0
