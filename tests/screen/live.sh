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
    "1 new alert change - press . to show"
screen_expect "the queue count moves" "[Alerts $((alerts + 1))]"
shot=$(screen_shot)
like "the list is not reshuffled: still 2 of $alerts" "$shot" \
    "My alerts ($alerts)  2/$alerts"
like "the cursor stays on its record" "$shot" "Summary: $second"

screen_keys .
screen_expect "'.' shows the new alert: the list has $((alerts + 1))" \
    "My alerts ($((alerts + 1)))"
screen_expect "the cursor followed its record to 3rd place" \
    "3/$((alerts + 1))"
shot=$(screen_shot)
like "the detail still shows the same child" "$shot" "Summary: $second"
case $shot in
*"new alert change"*) not_ok "the notice is gone after '.'" ;;
*) ok "the notice is gone after '.'" ;;
esac
screen_keys Q
screen_wait_dead >/dev/null
exit 0
