#!/bin/sh
# alerts.sh — actioning alerts in the client as alex: `a` then `k`
# acknowledges the alert under the cursor; `t` tags rows and `;` `a` `z`
# snoozes every tagged alert in one transaction; the database shows the
# result (status, snooze date, audit rows) and a bad date is refused with
# a message, nothing sent.
. "$CME_ROOT/tests/lib.sh"

q() { as_role alex -c "$1"; }
# Work on a copy of alex's alerts state: remember and restore it.
save="$CME_TMP/alerts.save"
su_psql -c "COPY (SELECT alert_id, status, snooze_until, version
    FROM cme.alert WHERE assigned_to = 'alex') TO STDOUT" >"$save"
cleanup() {
	screen_stop
	su_psql -c "BEGIN; SET LOCAL cme.bulk_load = on;
	    CREATE TEMP TABLE s (alert_id bigint, status text,
	      snooze_until date, version int);
	    COPY s FROM '$save';
	    UPDATE cme.alert a SET status = s.status,
	      snooze_until = s.snooze_until, version = s.version
	    FROM s WHERE a.alert_id = s.alert_id;
	    COMMIT;" >/dev/null 2>&1
}
trap cleanup EXIT
chmod a+r "$save" 2>/dev/null

order="ORDER BY a.raised_at DESC, a.alert_id DESC"
mine="FROM cme.alert a WHERE a.assigned_to = 'alex'
    AND a.status <> 'resolved'
    AND (a.status <> 'snoozed' OR a.snooze_until <= current_date)"
first=$(q "SELECT a.alert_id $mine $order LIMIT 1")
second=$(q "SELECT a.alert_id $mine $order OFFSET 1 LIMIT 1")
third=$(q "SELECT a.alert_id $mine $order OFFSET 2 LIMIT 1")
audit_q="SELECT count(*) FROM cme.audit_log WHERE la_code = 830
    AND actor = 'alex' AND action IN ('alert_acknowledge', 'alert_snooze')"
audit_before=$(su_psql -c "$audit_q")

screen_start 100 30 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
screen_expect "the client starts" "My cases ("
nalerts=$(q "SELECT count(*) $mine")
screen_keys '{'
screen_expect "My alerts opened" "My alerts ($nalerts)"
screen_keys a
screen_expect "a shows the alert menu" "k acknowledge  s assign  z snooze"
screen_keys k
screen_expect "k acknowledges it" "Acknowledged 1 alert"
is "the first alert is acknowledged in the database" \
    "$(q "SELECT status FROM cme.alert WHERE alert_id = $first")" \
    acknowledged

screen_keys j t t
screen_expect "t tags two rows" "2 tagged"
screen_keys '\;' a z "2020-01-01" Enter
screen_expect "a batch asks first, with the action and the count" \
    "Snooze 2 alerts (2020-01-01) in one transaction? y/n:"
screen_keys y Enter
screen_expect "a snooze date in the past is refused" \
    "snooze until a day after today"
screen_keys '\;' a z "2099-01-15" Enter n Enter
screen_expect "n sends nothing" "nothing done"
screen_keys '\;' a z "2099-01-15" Enter y Enter
screen_expect "; a z snoozes both tagged alerts" "Snoozed 2 alerts"
is "both are snoozed until 2099-01-15" \
    "$(q "SELECT string_agg(status || ' ' || snooze_until, ',')
        FROM cme.alert WHERE alert_id IN ($second, $third)")" \
    "snoozed 2099-01-15,snoozed 2099-01-15"
audit_after=$(su_psql -c "$audit_q")
is "each alert actioned has its audit row, by alex (3)" \
    "$((audit_after - audit_before))" 3
shot=$(screen_shot)
case $shot in
*"2 tagged"*) not_ok "the tags are cleared after the action" ;;
*) ok "the tags are cleared after the action" ;;
esac
screen_keys Q
screen_wait_dead >/dev/null
exit 0
