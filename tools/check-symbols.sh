#!/bin/sh
# check-symbols.sh BUILD_DIR — our global functions must not share a name
# with a function exported by a library we link against: an executable's
# global symbol silently replaces the library's own (libconfig once called
# our strbuf_append from inside its parser). Prints ok/not ok lines.
set -u
build=${1:-build}
lib="$build/libcme.a"
[ -f "$lib" ] || { echo "not ok - symbols: $lib not built"; exit 1; }

ours=$(mktemp)
theirs=$(mktemp)
trap 'rm -f "$ours" "$theirs"' EXIT
nm --defined-only "$lib" 2>/dev/null | awk '$2 ~ /^[TDBR]$/ {print $3}' |
    sort -u >"$ours"
: >"$theirs"
for so in $(ldd "$build/cme" 2>/dev/null | awk '/=> \// {print $3}'); do
	nm -D --defined-only "$so" 2>/dev/null | awk '{print $3}' >>"$theirs"
done
sort -u -o "$theirs" "$theirs"
clash=$(comm -12 "$ours" "$theirs")
if [ -z "$clash" ]; then
	echo "ok - symbols: no global name of ours is exported by a linked library"
else
	echo "not ok - symbols: global names also exported by a linked library"
	printf '%s\n' "$clash" | sed 's/^/#   /'
	exit 1
fi
