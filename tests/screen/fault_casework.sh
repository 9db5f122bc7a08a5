#!/bin/sh
# fault_casework.sh — nothing typed is lost, nothing is saved twice, and
# nothing is overwritten, with the real server and the real binary:
#   1. the terminal hangs up (kill -HUP) while a note is being typed: the
#      next start offers it back, R reopens it, it is saved once;
#   2. the server stops as a contact is saved: the client says it may not
#      have been saved and keeps it; once the server is back R sends it
#      again with the same idempotency key: exactly one contact;
#   3. two clients (alex and sam) edit the same checklist item: the later
#      save is refused as a conflict with alex's text kept, sam's entry is
#      not overwritten, and R re-applies alex's text on top of sam's.
. "$CME_ROOT/tests/lib.sh"

base_tmux=${CME_TMUX:-cme-test-$$}
cleanup() {
	CME_TMUX=$base_tmux-sam screen_stop
	CME_TMUX=$base_tmux screen_stop
	pg_server_up
}
trap cleanup EXIT
if ! pg_data_present; then
	echo "# fault_casework: no cluster data directory at $PGHOST/data: skipped"
	exit 77
fi

q() { as_role alex -c "$1"; }
client() {	# client ROLE: the client as ROLE in this tmux server
	screen_start 100 30 "env PGUSER=$1 TERM=tmux-256color \
	    LC_ALL=C.UTF-8 $CME_BIN"
}
# alex's first open case whose child has a UPN (to find it by search).
row=$(q "SELECT k.case_id || '|' || ch.upn FROM cme.cme_case k
    JOIN cme.child ch ON ch.la_code = k.la_code AND ch.child_id = k.child_id
    WHERE k.assigned_to = 'alex' AND k.status IN ('referred', 'enquiries')
      AND ch.upn IS NOT NULL ORDER BY k.referred_on, k.case_id LIMIT 1")
case_id=${row%%|*}
upn=${row#*|}
count() { q "SELECT count(*) FROM cme.case_contact WHERE case_id = $case_id"; }
find_case() {
	screen_keys / "$upn" Enter
	screen_expect "$1 finds the case's child" "(1)  1/1"
	screen_expect "$1 sees the case" "(case $case_id)"
}

# ---- 1. SIGHUP while typing a note ----
before=$(count)
client alex
screen_expect "alex's client starts" "Summary: "
find_case alex
screen_keys c phone Enter Enter "Gran" Enter "No answer" Enter \
    "Rang twice, will try the"
screen_expect "the note is being typed" "will try the"
sleep 0.3
pane=$(tmux_t display-message -p -t t '#{pane_pid}')
pkill -HUP -P "$pane"
if screen_wait_dead >/dev/null; then
	ok "the client leaves on SIGHUP"
else
	not_ok "the client leaves on SIGHUP"
fi
is "nothing was saved" "$(count)" "$before"
client alex
screen_expect "the next start offers the note back" \
    "Kept: a contact on case $case_id"
screen_keys R
screen_expect "R reopens the form with its answers" \
    "contact (Tab lists the kinds): phone"
screen_keys Enter Enter Enter Enter
screen_expect "up to the note as it was typed" "Rang twice, will try the"
screen_keys " school next" Enter
screen_expect "the contact is saved" "Contact recorded"
is "once" "$(count)" "$((before + 1))"
is "with the whole note" "$(q "SELECT note FROM cme.case_contact
    WHERE case_id = $case_id ORDER BY contact_id DESC LIMIT 1")" \
    "Rang twice, will try the school next"

# ---- 2. the server stops as the contact is saved ----
before=$(count)
find_case alex
screen_keys C-l
note="Will bring her in on Monday ($$)"
screen_keys c phone Enter Enter "Dad" Enter "Answered" Enter "$note"
screen_expect "the note is typed" "$note"
pg_server_stop
screen_keys Enter
screen_expect "the save fails: the banner says the text is kept" \
    "Not connected [your text is kept: R]"
screen_expect "the screen stays whole (no stray server text)" \
    "Search \"$upn\""
like "the title bar is in its place" "$(screen_shot | head -n 1)" "cme  Alex"
pg_server_up
screen_expect "the client reconnects by itself" "[online]"
is "nothing was saved while the server was down" "$(count)" "$before"
screen_keys R Enter Enter Enter Enter Enter
screen_expect "R sends it again" "Contact recorded"
is "exactly one contact" "$(count)" "$((before + 1))"
is "one row with that note" "$(q "SELECT count(*) FROM cme.case_contact
    WHERE note = '$note'")" 1
screen_keys Q
screen_wait_dead >/dev/null

# ---- 3. two clients, one checklist item ----
since=$(q "SELECT now()")
CME_TMUX=$base_tmux-sam
client sam
screen_expect "sam's client starts" "Summary: "
find_case sam
CME_TMUX=$base_tmux
client alex
screen_expect "alex's client starts again" "Summary: "
find_case alex
screen_keys e
screen_expect "alex opens the checklist" "enquiries done"
# (C-u: the note prompt offers the item's note as it stands.)
screen_keys 1 Enter done_not_found Enter Enter C-u \
    "alex: no reply on any number"
CME_TMUX=$base_tmux-sam
screen_keys e
screen_expect "sam opens the checklist" "enquiries done"
screen_keys 1 Enter done_found Enter Enter C-u "sam: mother answered" Enter
screen_expect "sam saves first" "Checklist updated"
CME_TMUX=$base_tmux
screen_keys Enter
screen_expect "alex's save is refused as a conflict, the text kept" \
    "[R: your text is kept] Checklist not updated: changed by someone else"
item="SELECT state || '|' || note FROM cme.case_enquiry
    WHERE case_id = $case_id AND item = 'phone_email'"
is "sam's entry is not overwritten" "$(q "$item")" \
    "done_found|sam: mother answered"
screen_expect "alex sees sam's entry" "sam: mother answered"
screen_keys R
screen_expect "R reopens alex's change" "checklist item (its number"
screen_keys Enter Enter Enter
screen_expect "with alex's note kept" "alex: no reply on any number"
screen_keys Enter
screen_expect "re-applied on top of sam's" "Checklist updated"
is "alex's entry now stands" "$(q "$item")" \
    "done_not_found|alex: no reply on any number"
is "both changes are in the audit log" \
    "$(su_psql -c "SELECT string_agg(actor, ',' ORDER BY audit_id)
        FROM cme.audit_log WHERE action = 'case_enquiry_set'
        AND entity_key = '$case_id/phone_email' AND at >= '$since'")" \
    "sam,alex"
exit 0
