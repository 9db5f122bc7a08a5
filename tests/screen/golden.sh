#!/bin/sh
# golden.sh — whole screens compared with golden files, at 80x24 and
# 160x48: the caseload, the help screen and the Enquiries tab, in colour
# and in monochrome.
#
# The data is a database of its own seeded with a pinned --seed and
# --as-of, so names and order never change; figures that count school days
# up to today still move with the calendar, so every digit is masked to '#'
# before comparing. To accept a deliberate change of layout, run with
# CME_GOLDEN_UPDATE=1 and review the diff of tests/screen/golden/.
. "$CME_ROOT/tests/lib.sh"

golden="$CME_ROOT/tests/screen/golden"
trap screen_stop EXIT

fresh_db cme_golden
PGDATABASE=cme_golden PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db seed --demo \
    --pupils 300 --seed 7 --as-of 2026-11-20 >/dev/null ||
    not_ok "golden: the pinned demo data could be seeded"

mask() {
	sed 's/[0-9]/#/g'
}

# compare NAME: the screen against golden/NAME.screen.
compare() {
	screen_shot | mask >"$CME_TMP/$1.screen"
	if [ "${CME_GOLDEN_UPDATE:-}" = 1 ]; then
		mkdir -p "$golden"
		cp "$CME_TMP/$1.screen" "$golden/$1.screen"
		ok "golden: $1 updated"
	elif diff -u "$golden/$1.screen" "$CME_TMP/$1.screen" \
	    >"$CME_TMP/$1.diff" 2>&1; then
		ok "golden: $1 matches"
	else
		not_ok "golden: $1 matches" "$(head -n 30 "$CME_TMP/$1.diff")"
	fi
}

for size in 80x24 160x48; do
	cols=${size%x*}
	rows=${size#*x}
	screen_start "$cols" "$rows" "env PGUSER=alex PGDATABASE=cme_golden \
	    TERM=tmux-256color LC_ALL=C.UTF-8 NO_COLOR=1 $CME_BIN"
	screen_wait "Summary: " >/dev/null
	screen_wait "[online]" >/dev/null
	sleep 0.3
	compare "caseload-$size"
	screen_keys 4
	screen_wait "[Enquiries]" >/dev/null
	sleep 0.5
	compare "enquiries-$size"
	screen_keys '?'
	screen_wait "any other key closes this help" >/dev/null
	sleep 0.2
	compare "help-$size"
	screen_keys Q
	screen_wait_dead >/dev/null
	screen_stop
done
su_psql -d postgres -c "DROP DATABASE cme_golden" >/dev/null
exit 0
