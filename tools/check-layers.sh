#!/bin/sh
# check-layers.sh — the layering rule: ui -> model -> db, util below all.
#
#   sh tools/check-layers.sh        (make check-layers; the "layers" suite)
#
# Reads every #include in src/ and checks five rules:
#   - only src/db/ includes <libpq-fe.h> (or any other libpq header);
#   - only src/ui/ includes curses (curses.h, ncurses.h, ncursesw/..., and
#     the curses family: term.h, panel.h, menu.h, form.h);
#   - src/db/ includes nothing from model/ or ui/;
#   - src/model/ includes nothing from ui/;
#   - src/util/ includes nothing from db/, model/ or ui/.
# Files directly in src/ (main.c) may include any layer's header, but not
# libpq or curses themselves.
#
# Prints one TAP-like line per rule ("ok - layering: ..." or "not ok - ..."),
# in the format of tests/lib.sh, with a "#" line naming file:line for each
# offending include. Exits 1 when any rule is broken.
set -eu
LC_ALL=C
export LC_ALL

cd "$(dirname "$0")/.."
[ -d src ] || { echo "not ok - layering: no src/ directory in $(pwd)"; exit 1; }

# Every include as "file<TAB>line<TAB>target", target keeping its <> or "".
# A relative target ("../ui/x.h") is resolved against the including file's
# directory and then written as "layer/x.h", so both spellings are caught.
includes=$(find src -type f \( -name '*.c' -o -name '*.h' \) | sort |
    while IFS= read -r f; do
	awk -v f="$f" '
	/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
		t = $0
		sub(/^[ \t]*#[ \t]*include[ \t]*/, "", t)
		if (substr(t, 1, 1) == "<")
			t = substr(t, 1, index(t, ">"))
		else
			t = "\"" substr(t, 2, index(substr(t, 2), "\""))
		printf "%s\t%d\t%s\n", f, FNR, t
	}' "$f"
    done | awk -F '\t' '
	# Resolve "../x/y.h" and "./y.h" against the including file.
	{
		t = $3
		if (t ~ /^"\.\.?\//) {
			dir = $1
			sub(/\/[^\/]*$/, "", dir)	# src/model
			p = dir "/" substr(t, 2)
			n = split(p, parts, "/")
			m = 0
			for (i = 1; i <= n; i++) {
				if (parts[i] == "." || parts[i] == "")
					continue
				if (parts[i] == "..") {
					if (m > 0)
						m--
					continue
				}
				out[++m] = parts[i]
			}
			p = ""
			for (i = 1; i <= m; i++)
				p = p (i > 1 ? "/" : "") out[i]
			sub(/^src\//, "", p)
			t = "\"" p
		}
		printf "%s\t%s\t%s\n", $1, $2, t
	}')

failed=0

# rule DESCRIPTION FILES EXCEPT TARGETS: a file whose path matches FILES and
# not EXCEPT must not include a target matching TARGETS (extended regexes).
rule() {
	bad=$(printf '%s\n' "$includes" | awk -F '\t' -v in_re="$2" \
	    -v ex_re="$3" -v t_re="$4" '
	    NF == 3 && $1 ~ in_re && $1 !~ ex_re && $3 ~ t_re {
		    printf "#   %s:%s: #include %s\n", $1, $2, $3
	    }')
	if [ -z "$bad" ]; then
		echo "ok - layering: $1"
	else
		echo "not ok - layering: $1"
		printf '%s\n' "$bad"
		failed=1
	fi
}

none='^$'	# no file path matches
libpq='^[<"](libpq-fe\.h|libpq-events\.h|libpq/|postgresql/)'
curses='^[<"](n?curses\.h|ncursesw/|ncurses/|term\.h|panel\.h|menu\.h|form\.h)'

rule "only src/db/ includes <libpq-fe.h>" '^src/' '^src/db/' "$libpq"
rule "only src/ui/ includes curses" '^src/' '^src/ui/' "$curses"
rule "src/db/ includes nothing from model/ or ui/" '^src/db/' "$none" \
    '^"(model|ui)/'
rule "src/model/ includes nothing from ui/" '^src/model/' "$none" '^"ui/'
rule "src/util/ includes nothing from db/, model/ or ui/" '^src/util/' \
    "$none" '^"(db|model|ui)/'

if [ $failed -ne 0 ]; then
	echo "check-layers: broken layering (ui -> model -> db, util below all):" \
	    "see the # lines above for file:line" >&2
	exit 1
fi
