#!/bin/sh
# closure.sh — four eyes from the keyboard: alex requests the closure of
# his first case with C (outcome completed with Tab, a note); alex cannot
# decide it even from the Approvals queue (the database refuses); sam, a
# supervisor, approves it there and the case is closed. The case is put
# back as it was at the end.
. "$CME_ROOT/tests/lib.sh"

q() { as_role alex -c "$1"; }
case_id=$(q "SELECT case_id FROM cme.cme_case WHERE assigned_to = 'alex'
    AND status NOT IN ('closed','transferred')
    ORDER BY referred_on, case_id LIMIT 1")
saved=$(su_psql -c "SELECT status || '|' || version FROM cme.cme_case
    WHERE case_id = $case_id")
cleanup() {
	screen_stop
	su_psql -c "BEGIN; SET LOCAL cme.bulk_load = on;
	    UPDATE cme.cme_case SET status = '${saved%|*}',
	      closure_outcome = NULL, closure_note = NULL,
	      closure_requested_by = NULL, closure_requested_at = NULL,
	      closure_decided_by = NULL, closure_decided_at = NULL,
	      closure_decision = NULL, closed_on = NULL,
	      version = ${saved#*|}
	    WHERE case_id = $case_id;
	    COMMIT;" >/dev/null 2>&1
}
trap cleanup EXIT
field() {
	su_psql -c "SELECT $1 FROM cme.cme_case WHERE case_id = $case_id"
}

run() {
	screen_start 100 30 "env PGUSER=$1 TERM=tmux-256color \
	    LC_ALL=C.UTF-8 $CME_BIN"
	screen_expect "$1: the client starts" "[online]"
}

run alex
screen_expect "alex: My cases shown" "My cases ("
screen_keys C
screen_expect "C asks for the outcome" "closure outcome (Tab lists them):"
screen_keys not_c Tab Enter "Enrolled privately, confirmed by letter" Enter
screen_expect "the closure is requested" \
    "Closure requested: a supervisor will decide"
is "the request is recorded: outcome and requester" \
    "$(field "closure_outcome || '|' || closure_requested_by")" \
    "not_cme|alex"
appr="SELECT count(*) FROM cme.cme_case WHERE closure_requested_at IS NOT NULL
    AND closure_decision IS NULL AND status NOT IN ('closed','transferred')"
n=$(q "$appr")
screen_keys : "queue approvals" Enter
screen_expect "alex opens Approvals ($n)" "Approvals ($n)  1/$n"
screen_keys C y Enter "looks fine" Enter
screen_expect "alex cannot decide a closure" "Not approved:"
is "the case is still open after alex's attempt" "$(field status)" \
    "${saved%|*}"
screen_keys Q
screen_wait_dead >/dev/null

run sam
n=$(as_role sam -c "$appr")
screen_keys : "queue approvals" Enter
screen_expect "sam sees the requests in Approvals ($n)" "Approvals ($n)  1/$n"
# Put sam's cursor on alex's case: it is the one referred first.
screen_keys g C y Enter "Agreed: confirmed by the school" Enter
screen_expect "sam approves it" "Closure approved: the case is closed"
is "the case is closed, decided by sam" \
    "$(field "status || '|' || closure_decided_by")" "closed|sam"
screen_keys Q
screen_wait_dead >/dev/null
exit 0
