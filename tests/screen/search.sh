#!/bin/sh
# search.sh — / search, l limit and :save in the real client: a misspelt
# surname and a former name find the child, a UPN with a wrong check
# letter says which letter is right, a limit narrows the list to what SQL
# counts, a bad pattern names its column, and a saved queue appears in
# the queues pane and opens again with :queue.
. "$CME_ROOT/tests/lib.sh"

cleanup() {
	screen_stop
	su_psql -c "DELETE FROM cme.saved_queue WHERE owner = 'alex'
	    AND name = 'enq-test'" >/dev/null 2>&1
}
trap cleanup EXIT

q() { as_role alex -c "$1"; }
# A distinctive Derbyshire surname (7+ letters, ASCII), misspelt by
# doubling its fourth letter.
row=$(q "SELECT legal_surname, legal_forename FROM cme.child
    WHERE legal_surname ~ '^[A-Za-z]{7,}$'
    GROUP BY legal_surname, legal_forename HAVING count(*) = 1
    ORDER BY legal_surname LIMIT 1")
surname=${row%|*}
forename=${row#*|}
typo=$(printf '%s' "$surname" | sed 's/^\(...\)\(.\)/\1\2\2/')
upper=$(printf '%s' "$surname" | tr '[:lower:]' '[:upper:]')
former=$(q "SELECT n.surname, upper(ch.legal_surname)
    FROM cme.child_name n JOIN cme.child ch USING (la_code, child_id)
    WHERE n.kind = 'former' AND n.surname ~ '^[A-Za-z]{5,}$'
      AND n.surname <> ch.legal_surname
    ORDER BY n.name_id LIMIT 1")
former_name=${former%|*}
former_now=${former#*|}
upn=$(q "SELECT upn FROM cme.child WHERE upn IS NOT NULL
    ORDER BY child_id LIMIT 1")
letter=$(printf '%s' "$upn" | cut -c1)
wrong=A
[ "$letter" = A ] && wrong=B
bad_upn="$wrong$(printf '%s' "$upn" | cut -c2-)"
enq=$(q "SELECT count(*) FROM cme.cme_case WHERE assigned_to = 'alex'
    AND status = 'enquiries'")

screen_start 160 40 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
screen_expect "the client starts" "My cases ("

screen_keys / "$typo" Enter
screen_expect "a misspelt surname ($typo) finds $upper, $forename" \
    "$upper, $forename"
screen_expect "the results list says what was searched" "Search \"$typo\""

screen_keys / "$former_name" Enter
screen_expect "a former name ($former_name) finds the child now called $former_now" \
    "$former_now"
screen_expect "the results say it matched a former name" "former name"

screen_keys / "$bad_upn" Enter
screen_expect "a UPN with a wrong check letter says the right one" \
    "UPN check letter should be $letter"

screen_keys '}'
screen_wait "My cases (" >/dev/null
screen_keys l "status:enquiries" Enter
screen_expect "a limit narrows My cases to $enq (SQL agrees)" \
    "My cases ($enq)"
screen_expect "the title shows the limit in force" "limit: status:enquiries"
screen_keys l C-u "stats:open" Enter
screen_expect "a bad pattern names its column and a suggestion" \
    "at 1: unknown field 'stats' (did you mean status?)"
screen_expect "the old limit stays after a bad pattern" "My cases ($enq)"

screen_keys : "save enq-test" Enter
screen_expect ":save stores the queue" "saved as queue 'enq-test'"
screen_expect "the saved queue appears in the queues pane" "enq-test"
screen_keys '}'
screen_keys : "queue enq-test" Enter
screen_expect ":queue opens the saved queue" "Queue enq-test ($enq)"
is "the queue is stored for alex only" \
    "$(q "SELECT pattern FROM cme.saved_queue WHERE name = 'enq-test'")" \
    "officer:me status:open status:enquiries"
is "sam cannot see alex's queue" \
    "$(as_role sam -c "SELECT count(*) FROM cme.saved_queue
        WHERE name = 'enq-test'")" 0
screen_keys Q
screen_wait_dead >/dev/null
exit 0
