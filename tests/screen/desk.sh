#!/bin/sh
# desk.sh — a supervisor's day as sam: the team queues with live counts
# (team alerts, overdue clocks, escalated), a bulk reassignment of tagged
# cases (the count and what will change shown before the one transaction,
# an audit row per case, the new officer's queue updating live, undo),
# a batch that meets a conflict changes nothing, closure requested for
# two tagged cases at once, and the Approvals view shows the checklist and
# the last contacts beside the request.
. "$CME_ROOT/tests/lib.sh"

base_tmux=${CME_TMUX:-cme-test-$$}
cleanup() {
	CME_TMUX=$base_tmux-priya screen_stop
	CME_TMUX=$base_tmux screen_stop
}
trap cleanup EXIT
q() { as_role sam -c "$1"; }
client() {
	screen_start 100 30 "env PGUSER=$1 TERM=tmux-256color \
	    LC_ALL=C.UTF-8 $CME_BIN"
}

team="c.team_id = cme.staff_team('sam')"
open="c.status NOT IN ('closed', 'transferred')"
overdue=$(q "SELECT count(*) FROM cme.cme_case c WHERE $team
    AND c.status IN ('referred', 'enquiries')
    AND (cme.school_days_between(c.la_code, c.referred_on, current_date)
	> 20 OR (NOT EXISTS (SELECT 1 FROM cme.case_contact cc
	  WHERE cc.case_id = c.case_id)
	AND cme.school_days_between(c.la_code, c.referred_on, current_date)
	> 10))")
escalated=$(q "SELECT count(*) FROM cme.alert a
    WHERE a.team_id = cme.staff_team('sam') AND a.status = 'escalated'")
teamn=$(q "SELECT count(*) FROM cme.cme_case c WHERE $team AND $open")
talerts=$(q "SELECT count(*) FROM cme.alert a
    WHERE a.team_id = cme.staff_team('sam') AND a.status <> 'resolved'
    AND (a.status <> 'snoozed' OR a.snooze_until <= current_date)")
priya_cases() {
	q "SELECT count(*) FROM cme.cme_case c WHERE assigned_to = 'priya'
	    AND $open"
}
p0=$(priya_cases)
t0=$(q "SELECT now()")

# priya's client, watching her own caseload.
CME_TMUX=$base_tmux-priya
client priya
screen_expect "priya's client shows her cases" "My cases ($p0)"
CME_TMUX=$base_tmux

client sam
screen_expect "sam starts on the Team queue" "Team ($teamn)"
screen_keys : "queue overdue" Enter
screen_expect "the Overdue queue: the team's cases past a clock" \
    "Overdue ($overdue)"
screen_keys : "queue team-alerts" Enter
screen_expect "the team's alerts" "Team alerts ($talerts)"
screen_keys : "queue escalated" Enter
screen_expect "the escalated alerts" "Escalated ($escalated)"

# ---- bulk reassignment: three of alex's cases to priya ----
screen_keys : "queue team" Enter
screen_expect "back on Team" "Team ($teamn)"
screen_keys l "officer:alex" Enter
screen_expect "limited to alex's cases" "officer:alex"
# The first three rows, as the list orders them (referred on).
in_order=$(q "SELECT string_agg(case_id::text, ',' ORDER BY referred_on,
    case_id) FROM (SELECT c.case_id, c.referred_on FROM cme.cme_case c
    WHERE $team AND $open AND c.assigned_to = 'alex'
    ORDER BY c.referred_on, c.case_id LIMIT 3) x")
ids=$(q "SELECT string_agg(x::text, ',' ORDER BY x::bigint)
    FROM unnest(string_to_array('$in_order', ',')) x")
screen_keys g t t t
screen_keys '\;' A
screen_expect "; A asks to whom" "assign to (Tab lists the officers"
screen_keys pri Tab Enter "rebalancing after leave" Enter
screen_expect "the count and what changes, before anything is sent" \
    "Assign 3 cases to priya (now: alex 3)? one transaction, y/n:"
is "nothing has changed yet" "$(priya_cases)" "$p0"
screen_keys y Enter
screen_expect "the batch is assigned" "Assigned (u undoes it"
is "priya has three more cases" "$(priya_cases)" "$((p0 + 3))"
is "the three tagged ones" "$(q "SELECT string_agg(case_id::text, ','
    ORDER BY case_id) FROM cme.cme_case WHERE case_id IN ($ids)
    AND assigned_to = 'priya'")" "$ids"
is "one audit row per case, with the note" "$(su_psql -c "SELECT count(*)
    FROM cme.audit_log WHERE action = 'case_assign'
    AND after->>'note' = 'rebalancing after leave' AND at >= '$t0'
    AND entity_key IN ('$(echo "$ids" | sed "s/,/','/g")')")" 3
CME_TMUX=$base_tmux-priya
screen_expect "priya's queue count updates by itself" \
    "Cases $((p0 + 3))"
CME_TMUX=$base_tmux
screen_keys u
screen_expect "u undoes the batch" "Assignment undone"
is "the cases are alex's again" "$(q "SELECT count(*) FROM cme.cme_case
    WHERE case_id IN ($ids) AND assigned_to = 'alex'")" 3
is "priya is back to where she was" "$(priya_cases)" "$p0"

# ---- a batch that meets a conflict changes nothing ----
screen_keys g
screen_expect "at the top of the list again" "  1/"
screen_keys t t
screen_expect "two rows tagged" "2 tagged"

first=${in_order%%,*}
rest=${in_order#*,}
second=${rest%%,*}
# Someone else moves the second case meanwhile.
sleep 0.3
q "SELECT (cme.case_assign($second, (SELECT version FROM cme.cme_case
    WHERE case_id = $second), 'alex', 'touched')).case_id" >/dev/null
screen_keys '\;' A priya Enter Enter
screen_expect "the preview counts two" "Assign 2 cases to priya"
screen_keys y Enter
screen_expect "the batch is refused as a whole, naming the conflict" \
    "Nothing assigned: changed by someone else"

is "neither case moved" "$(q "SELECT count(*) FROM cme.cme_case
    WHERE case_id IN ($first, $second) AND assigned_to = 'alex'")" 2

# ---- closure requested for two tagged cases at once ----
screen_keys : "queue team" Enter
screen_keys l "officer:alex !status:located" Enter
screen_expect "alex's open cases not yet located" "!status:located"
screen_keys g
screen_expect "at the top" "  1/"
first_row=$(q "SELECT case_id FROM cme.cme_case c WHERE $team AND $open
    AND c.assigned_to = 'alex' AND c.status <> 'located'
    ORDER BY referred_on, case_id LIMIT 2")
screen_keys t t '\;' C not_c Tab Enter "Enrolled at an independent school" \
    Enter
screen_expect "the batch's question: count and outcome" \
    "Request the closure of 2 cases (outcome not_cme)? one transaction"
screen_keys y Enter
screen_expect "both requested" "Closures requested"
is "two closure requests by sam, one transaction" \
    "$(q "SELECT count(*) FROM cme.cme_case WHERE case_id IN
        ($(echo "$first_row" | paste -sd, -))
        AND closure_requested_by = 'sam' AND closure_outcome = 'not_cme'")" 2

# ---- approvals: the request with its checklist and contacts ----
appr=$(q "SELECT count(*) FROM cme.cme_case c WHERE $open
    AND c.closure_requested_at IS NOT NULL AND c.closure_decision IS NULL")
screen_keys : "queue approvals" Enter
screen_expect "Approvals, with every request pending" "Approvals ($appr)"
screen_expect "the request is shown first" "CLOSURE"
screen_expect "with the checklist" "Checklist"
screen_expect "and the last contacts" "Contacts"
screen_keys Q
screen_wait_dead >/dev/null
exit 0
