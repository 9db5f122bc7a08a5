#!/bin/sh
# casework.sh — a case run end to end from the keyboard, referral to
# approved closure: alex opens a case for a child found by search (+),
# works the enquiries checklist (e), records a contact whose note is
# written in $EDITOR (E, and C-x from the inline note) and a correction of
# it from the Timeline, escalates (s) — refused without a reason, the text
# kept, R reopens it — marks the child located and requests closure (C);
# sam approves it in Approvals with the checklist beside it. Each change
# is in the database with its audit row.
. "$CME_ROOT/tests/lib.sh"

trap screen_stop EXIT
q() { as_role alex -c "$1"; }

# A child of LA 830 with no open case, found by UPN.
child=$(q "SELECT ch.child_id || '|' || ch.upn FROM cme.child ch
    WHERE ch.upn IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cme.cme_case k
      WHERE k.la_code = ch.la_code AND k.child_id = ch.child_id)
    ORDER BY ch.child_id LIMIT 1")
child_id=${child%%|*}
upn=${child#*|}

# The editor: a script that writes a two-line note after what is there.
ed="$CME_TMP/casework-editor.sh"
cat >"$ed" <<'EOS'
#!/bin/sh
printf 'Spoke to the aunt on the doorstep.\nFamily moved to Leeds in May.\n' >>"$1"
EOS
chmod +x "$ed"

screen_start 100 30 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    EDITOR=$ed VISUAL= $CME_BIN"
screen_expect "the client starts" "Summary: "

# ---- open a case from the child ----
screen_keys / "$upn" Enter
screen_expect "the search finds the child" "(1)  1/1"
screen_keys +
screen_expect "+ asks where the referral came from" "referred by (Tab lists"
screen_keys sch Tab Enter
screen_expect "then the primary reason" "primary reason (Tab lists"
screen_keys whe Tab Enter Enter "No forwarding address; school referral" Enter
screen_expect "the case is opened" "Case opened"
case_id=$(q "SELECT case_id FROM cme.cme_case WHERE child_id = $child_id
    AND status = 'referred'")
is "one referred case for the child, source and reason as chosen, alex's" \
    "$(q "SELECT source || '|' || reason || '|' || assigned_to || '|' ||
        (referred_on = current_date) FROM cme.cme_case
        WHERE case_id = $case_id")" "school|whereabouts_unknown|alex|true"
is "its enquiries checklist is seeded (11 items)" \
    "$(q "SELECT count(*) FROM cme.case_enquiry WHERE case_id = $case_id")" 11
screen_expect "the detail shows the new case" "referred (case $case_id)"

# ---- the checklist ----
screen_keys e
screen_expect "e asks for the item, and shows the checklist" \
    "checklist item (its number"
screen_expect "the Enquiries tab is open" "0 of 11 enquiries done"
screen_keys 3 Enter
screen_expect "then its state" "state (Tab lists them)"
screen_keys done_not Tab Enter Enter "Nobody home; neighbour says moved" Enter
screen_expect "the checklist is updated" "Checklist updated"
is "home visit: done, not found, today, by alex, with the note" \
    "$(q "SELECT state || '|' || (done_on = current_date) || '|' || officer
        || '|' || note FROM cme.case_enquiry
        WHERE case_id = $case_id AND item = 'home_visit'")" \
    "done_not_found|true|alex|Nobody home; neighbour says moved"
screen_expect "the tab shows it done" "1 of 11 enquiries done"
screen_keys e 99 Enter
screen_expect "an item that is not there is refused, the question asked again" \
    "[no such item"
screen_keys Escape
screen_expect "Esc gives the change up" "checklist not changed"

# ---- a contact, the note in $EDITOR ----
screen_keys E phone Enter Enter "Aunt" Enter "Family moved" Enter
screen_expect "E: the note comes from the editor, and the contact is saved" \
    "Contact recorded"
is "the note is the editor's two lines" \
    "$(q "SELECT note FROM cme.case_contact WHERE case_id = $case_id
        ORDER BY contact_id DESC LIMIT 1")" \
    "Spoke to the aunt on the doorstep.
Family moved to Leeds in May."
screen_keys C-l		# clears the last message
screen_wait_gone "Contact recorded" >/dev/null
screen_keys c letter Enter Enter "Household" Enter "Sent" Enter \
    "Typed inline, then" C-x
screen_expect "C-x from the inline note: edited, then saved" \
    "Contact recorded"
is "the inline text went to the editor and came back with its lines" \
    "$(q "SELECT note FROM cme.case_contact WHERE case_id = $case_id
        ORDER BY contact_id DESC LIMIT 1")" \
    "Typed inline, then
Spoke to the aunt on the doorstep.
Family moved to Leeds in May."
screen_expect "the screen is redrawn after the editor" "Enquiries: "

# ---- a correction: contacts are never changed, a new one is linked ----
last=$(q "SELECT contact_id FROM cme.case_contact WHERE case_id = $case_id
    ORDER BY contact_id DESC LIMIT 1")
screen_keys 2
screen_expect "the Timeline" "[Timeline]"
screen_keys Tab
screen_keys c
screen_expect "c on a contact in the Timeline corrects it" \
    "[correcting contact $last]"
screen_keys letter Enter Enter "Household" Enter "Returned unopened" Enter \
    Enter
screen_expect "the correction is recorded" "Correction recorded"
is "a new contact, linked to the original, which is unchanged" \
    "$(q "SELECT (SELECT amends_contact_id FROM cme.case_contact
        WHERE case_id = $case_id ORDER BY contact_id DESC LIMIT 1) || '|' ||
        (SELECT outcome FROM cme.case_contact WHERE contact_id = $last)")" \
    "$last|Sent"
screen_expect "the Timeline shows it under the original" \
    "correction (letter): Returned unopened"
screen_keys Tab Tab		# back to the list

# ---- escalate: refused without a reason, the text kept, R re-applies ----
screen_keys s escalated Enter Enter
screen_expect "escalating without a reason is refused, the form kept" \
    "[R: your text is kept] Status not changed"
is "the case is not escalated" \
    "$(q "SELECT status FROM cme.cme_case WHERE case_id = $case_id")" \
    referred
screen_keys R
screen_expect "R reopens the form with the answer given" \
    "new status (Tab lists them): escalated"
screen_keys Enter "Safeguarding concern: younger sibling seen" Enter
screen_expect "the case is escalated" "Status changed"
is "escalated, with the reason" \
    "$(q "SELECT status || '|' || escalation_reason FROM cme.cme_case
        WHERE case_id = $case_id")" \
    "escalated|Safeguarding concern: younger sibling seen"
is "every change has its audit row (open, enquiry, status)" \
    "$(su_psql -d "$PGDATABASE" -c "SELECT string_agg(action, ',' ORDER BY
        audit_id) FROM cme.audit_log WHERE entity_key IN ('$case_id',
        '$case_id/home_visit') AND action LIKE 'case_%'")" \
    "case_open,case_enquiry_set,case_status"
screen_keys 2
screen_expect "the Timeline shows the contact from the editor" \
    "Family moved"

# ---- to the end: located, closure requested, sam approves ----
screen_keys 1 s located Enter "Found on roll in Leeds" Enter
screen_expect "the case is located" "Status changed"
screen_keys C on_r Tab Enter "On roll at a Leeds school since May" Enter
screen_expect "closure is requested" "Closure requested"
screen_keys Q
screen_wait_dead >/dev/null
base_tmux=${CME_TMUX:-cme-test-$$}
screen_start 100 30 "env PGUSER=sam TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
screen_expect "sam's client starts" "Summary: "
n=$(q "SELECT count(*) FROM cme.cme_case WHERE closure_requested_at
    IS NOT NULL AND closure_decision IS NULL
    AND status NOT IN ('closed', 'transferred')")
screen_keys : "queue approvals" Enter
screen_expect "sam opens Approvals" "Approvals ($n)  1/$n"
screen_keys l "upn:$upn" Enter
screen_expect "the request for this child is shown first, alex's" \
    "CLOSURE       Alex Turner"
screen_expect "with its checklist beside it" "1 of 11 done"
screen_keys C y Enter "Agreed: school confirms attendance" Enter
screen_expect "sam approves" "Closure approved"
is "the case is closed by four eyes: requested by alex, approved by sam" \
    "$(q "SELECT concat_ws('|', status, closure_outcome,
        closure_requested_by, closure_decided_by, closure_decision)
        FROM cme.cme_case WHERE case_id = $case_id")" \
    "closed|on_roll|alex|sam|approved"
screen_keys Q
screen_wait_dead >/dev/null
exit 0
