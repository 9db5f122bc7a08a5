#!/bin/sh
# contact.sh — recording a contact with `c` on alex's first case: five
# questions on the bottom line (Tab completes the kind, Enter takes "now"
# for the time), one round trip,
# the row in the database with alex as the recorder, the Timeline shows
# it at once; Esc part-way records nothing; a bad kind is refused.
. "$CME_ROOT/tests/lib.sh"

trap screen_stop EXIT
q() { as_role alex -c "$1"; }
case_id=$(q "SELECT case_id FROM cme.cme_case WHERE assigned_to = 'alex'
    AND status NOT IN ('closed','transferred')
    ORDER BY referred_on, case_id LIMIT 1")
count() {
	q "SELECT count(*) FROM cme.case_contact WHERE case_id = $case_id"
}
before=$(count)
trace="$CME_TMP/contact.trace"
rm -f "$trace"

screen_start 100 30 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    CME_TRACE=$trace $CME_BIN"
screen_expect "the client starts" "Summary: "
screen_keys c
screen_expect "c asks for the kind of contact" "contact (Tab lists the kinds):"
screen_keys ph Tab Enter Enter "Mother, by phone" Enter "Left a voicemail" Enter \
    "Will ring again on Monday" Enter
screen_expect "the contact is recorded" "Contact recorded"
is "one more contact on the case" "$(count)" "$((before + 1))"
is "the contact as typed, recorded by alex" \
    "$(q "SELECT kind || '|' || with_whom || '|' || outcome || '|' ||
        note || '|' || recorded_by FROM cme.case_contact
        WHERE case_id = $case_id ORDER BY contact_id DESC LIMIT 1")" \
    "phone|Mother, by phone|Left a voicemail|Will ring again on Monday|alex"
screen_keys 2
screen_expect "the Timeline shows it" "Left a voicemail - Mother, by phone"

# Only the changed record's prefetched summary was dropped: moving to the
# next row still costs no round trip.
screen_keys 1
screen_wait "[Summary]" >/dev/null
screen_keys j
sleep 0.4
screen_keys k
sleep 0.4

screen_keys c "phone" Enter Enter "Father" Enter Escape
screen_expect "Esc part-way drops the contact" "contact not recorded"
is "nothing recorded after Esc" "$(count)" "$((before + 1))"
screen_keys c "telepathy" Enter
screen_expect "an unknown kind is refused, naming the kinds" \
    "choose one of: home_visit phone"
screen_keys Escape
is "nothing recorded for a bad kind" "$(count)" "$((before + 1))"
screen_keys Q
screen_wait_dead >/dev/null
rt=$(awk -F '\t' '$1 == "contact" { print $2; exit }' "$trace")
is "recording a contact and re-reading the record: one round trip" "$rt" 1
rt=$(awk -F '\t' '$1 == "move-down" { print $2; exit }' "$trace")
is "after the contact, moving to the next row: no round trip" "$rt" 0
exit 0
