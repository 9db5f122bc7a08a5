#!/bin/sh
# live.sh — live push: an alert raised by another process (NOTIFY on the
# LA's channel) updates the open client's queue counts and status line
# within a second, without moving the cursor or reshuffling the list;
# '.' then shows it, and the cursor stays on the same record.
. "$CME_ROOT/tests/lib.sh"

cleanup() {
	screen_stop
	su_psql -c "BEGIN; SET LOCAL cme.bulk_load = on;
	    DELETE FROM cme.alert WHERE detail ->> 'test' = 'live';
	    COMMIT;" >/dev/null 2>&1
	# The import's return and alerts stay: they are what a school sent.
}
trap cleanup EXIT

q() { as_role alex -c "$1"; }
alerts=$(q "SELECT count(*) FROM cme.alert WHERE assigned_to = 'alex'
    AND status <> 'resolved'
    AND (status <> 'snoozed' OR snooze_until <= current_date)")
# The second alert in the list (newest first) and its child's name.
second=$(q "SELECT ch.legal_forename || ' ' || upper(ch.legal_surname)
    FROM cme.alert a JOIN cme.child ch USING (la_code, child_id)
    WHERE a.assigned_to = 'alex' AND a.status <> 'resolved'
      AND (a.status <> 'snoozed' OR a.snooze_until <= current_date)
    ORDER BY a.raised_at DESC, a.alert_id DESC OFFSET 1 LIMIT 1")
# A child of alex's and a rule it has no open alert for.
target=$(su_psql -c "SELECT c.child_id, r.rule FROM cme.cme_case c
    CROSS JOIN cme.alert_rule r
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
      AND NOT EXISTS (SELECT 1 FROM cme.alert a WHERE a.la_code = c.la_code
        AND a.child_id = c.child_id AND a.rule = r.rule
        AND a.status <> 'resolved')
    ORDER BY c.case_id, r.rule LIMIT 1")
child=${target%|*}
rule=${target#*|}

screen_start 80 24 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
screen_expect "the client starts" "[Cases "
screen_keys '{'
screen_expect "My alerts opened" "My alerts ($alerts)  1/$alerts"
screen_keys j
screen_expect "the cursor is on the second alert" "Summary: $second"
screen_expect "the title says 2 of $alerts" "2/$alerts"

su_psql -c "INSERT INTO cme.alert (la_code, child_id, rule, severity,
    assigned_to, detail) VALUES (830, $child, '$rule', 'high', 'alex',
    '{\"test\": \"live\"}')" >/dev/null ||
    not_ok "a live alert could be inserted"

screen_expect "the status line announces the change within a second" \
    "1 new change - press . to show"
screen_expect "the queue count moves" "[Alerts $((alerts + 1))]"
shot=$(screen_shot)
like "the list is not reshuffled: still 2 of $alerts" "$shot" \
    "My alerts ($alerts)  2/$alerts"
like "the cursor stays on its record" "$shot" "Summary: $second"

# --- an import in another process raises alerts the client hears of ---
# A deletion return on ground i for a child of one of alex's cases, with
# no known destination: joint enquiries (and no destination) alerts.
imp=$(su_psql -c "SELECT e.laestab, ch.upn, ch.legal_forename,
      ch.legal_surname, ch.dob
    FROM cme.cme_case c JOIN cme.child ch USING (la_code, child_id)
    JOIN cme.enrolment e ON e.la_code = ch.la_code
      AND e.child_id = ch.child_id
    WHERE c.assigned_to = 'alex' AND c.status NOT IN ('closed','transferred')
      AND ch.upn IS NOT NULL AND ch.child_id <> $child
      AND NOT EXISTS (SELECT 1 FROM cme.alert a WHERE a.la_code = ch.la_code
        AND a.child_id = ch.child_id
        AND a.rule IN ('joint_enquiries', 'no_destination'))
    ORDER BY c.case_id LIMIT 1" | tr '|' ',')
csv="$CME_TMP/live-returns.csv"
printf '%s\n%s,deletion,%s,%s,%s,%s,,,i,XXXXXXX\n' \
    "laestab,kind,event_date,upn,legal_forename,legal_surname,dob,sex,postcode,ground,destination_laestab" \
    "$(printf '%s' "$imp" | cut -d, -f1)" "$(date +%Y-%m-%d)" \
    "$(printf '%s' "$imp" | cut -d, -f2)" "$(printf '%s' "$imp" | cut -d, -f3)" \
    "$(printf '%s' "$imp" | cut -d, -f4)" >"$csv"
# dob goes in its own column
sed -i "2s/,,,i,/,$(printf '%s' "$imp" | cut -d, -f5),,,i,/" "$csv"
before=$(q "SELECT count(*) FROM cme.alert WHERE assigned_to = 'alex'
    AND status <> 'resolved'
    AND (status <> 'snoozed' OR snooze_until <= current_date)")
if PGUSER=$CME_PG_SUPERUSER "$CME_BIN" import returns "$csv" \
    >"$CME_TMP/live-import.out" 2>&1; then
	ok "the deletion return imports in another process"
else
	not_ok "the deletion return imports in another process" \
	    "$(cat "$CME_TMP/live-import.out")"
fi
after=$(q "SELECT count(*) FROM cme.alert WHERE assigned_to = 'alex'
    AND status <> 'resolved'
    AND (status <> 'snoozed' OR snooze_until <= current_date)")
raised=$((after - before))
if [ "$raised" -ge 1 ]; then ok "the import raised $raised alert(s) for alex"
else not_ok "the import raised alerts for alex" "before $before after $after"
fi
screen_expect "the open client counts the import's alerts too" \
    "[Alerts $after]"
screen_expect "the notice counts every change" \
    "$((1 + raised)) new changes - press . to show"
like "still not reshuffled after the import" "$(screen_shot)" \
    "My alerts ($alerts)  2/$alerts"

screen_keys .
screen_expect "'.' shows the new alerts: the list has $after" \
    "My alerts ($after)"
screen_expect "the cursor followed its record down the list" \
    "$((2 + after - alerts))/$after"
shot=$(screen_shot)
like "the detail still shows the same child" "$shot" "Summary: $second"
case $shot in
*"new change"*) not_ok "the notice is gone after '.'" ;;
*) ok "the notice is gone after '.'" ;;
esac
screen_keys Q
screen_wait_dead >/dev/null
exit 0
