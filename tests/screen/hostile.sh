#!/bin/sh
# hostile.sh — text from the database never reaches the terminal raw, and
# a storm of resizes leaves a correct screen behind.
#
# A child whose names carry an OSC 52 clipboard write, a clear-screen CSI,
# a C1 CSI (U+009B), BEL and a right-to-left override is put at the top of
# alex's caseload; the bytes the client writes are captured with tmux
# pipe-pane and searched for those sequences, and the screen must show
# inert placeholders instead. (Invalid UTF-8 cannot be stored in a UTF8
# database; the sanitiser's unit tests and fuzz target cover it.)
. "$CME_ROOT/tests/lib.sh"

raw="$CME_TMP/hostile.raw"
cleanup() {
	screen_stop
	su_psql -c "BEGIN; SET LOCAL cme.bulk_load = on;
	    DELETE FROM cme.cme_case WHERE summary = 'hostile-test';
	    DELETE FROM cme.child WHERE legal_forename LIKE 'Hostile%';
	    COMMIT;" >/dev/null 2>&1
}
trap cleanup EXIT

su_psql -c "BEGIN; SET LOCAL cme.bulk_load = on;
    WITH c AS (
      INSERT INTO cme.child (la_code, legal_forename, legal_surname, dob, sex)
      VALUES (830, E'Hostile\\u202Eelif', E'EVIL\\x1b]52;c;SGVsbG8=\\x07X\\x1b[2J\\u009b31m', '2015-01-01', 'U')
      RETURNING la_code, child_id)
    INSERT INTO cme.cme_case (la_code, child_id, status, source, referred_on,
      assigned_to, summary)
    SELECT la_code, child_id, 'referred', 'other', '2000-01-03', 'alex',
      'hostile-test' FROM c;
    COMMIT;" >/dev/null || not_ok "the hostile child could be inserted"

rm -f "$raw"
screen_start 100 30 "env PGUSER=alex TERM=tmux-256color LC_ALL=C.UTF-8 \
    $CME_BIN"
tmux_t pipe-pane -o -t t "cat >>'$raw'"
screen_keys C-l
screen_expect "the hostile child is listed first" "EVIL^["
screen_expect "its summary is shown" "Summary: Hostile"
sleep 0.3
shot=$(screen_shot)
like "ESC in a name shows as ^[" "$shot" "EVIL^[]52;c;SGVsbG8=^GX^[[2J"
like "U+009B shows as <009B>" "$shot" "<009B>31m"
like "a right-to-left override shows as <202E>" "$shot" "Hostile<202E>elif"

if grep -q "$(printf '\033]52')" "$raw"; then
	not_ok "no OSC 52 (clipboard write) reaches the terminal"
else
	ok "no OSC 52 (clipboard write) reaches the terminal"
fi
if grep -q "$(printf '\342\200\256')" "$raw"; then
	not_ok "no U+202E reaches the terminal"
else
	ok "no U+202E reaches the terminal"
fi
if grep -q "$(printf '\302\233')" "$raw"; then
	not_ok "no C1 CSI reaches the terminal"
else
	ok "no C1 CSI reaches the terminal"
fi
if [ -s "$raw" ]; then ok "the capture saw the client's output"; else
	not_ok "the capture saw the client's output"; fi

# --- a resize storm ---
i=0
while [ $i -lt 40 ]; do
	w=$((60 + (i * 37) % 140))
	h=$((15 + (i * 11) % 40))
	tmux_t resize-window -t t -x "$w" -y "$h" 2>/dev/null
	i=$((i + 1))
done
tmux_t resize-window -t t -x 90 -y 28
sleep 0.5
screen_keys C-l
screen_expect "after 40 resizes the title bar is back" "[online]"
screen_expect "after 40 resizes the list is back" "My cases ("
screen_expect "after 40 resizes the same child is selected" "Summary: Hostile"
is "after 40 resizes the pane is 28 rows" \
    "$(screen_shot | wc -l | tr -d ' ')" 28
if screen_dead; then
	not_ok "the client survived the resize storm"
else
	ok "the client survived the resize storm"
fi
screen_keys Q
screen_wait_dead >/dev/null
is "the client exits cleanly after the storm" "$(screen_exit_status)" 0
exit 0
