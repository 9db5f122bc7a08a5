#!/bin/sh
# bench/deps.sh — what the benchmarks need on top of tools/deps.sh (which
# runs first): python3 for the pty driver, the delay proxy and the report,
# and pspg, the pager the terminal-bytes figures are compared with. Only
# what is missing is installed (as root: apt-get update, then install;
# otherwise the sudo line is printed and we stop).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
sh "$root/tools/deps.sh"
PKGS="python3 pspg"
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=
for p in $PKGS; do
	case $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) in
	*" ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
missing=${missing# }
[ -n "$missing" ] || exit 0
if [ "$(id -u)" != 0 ]; then
	echo "the benchmarks need: sudo apt-get install $missing" >&2
	exit 1
fi
echo "bench: installing $missing"
log=$(mktemp)
if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends $missing; } >"$log" 2>&1; then
	tail -n 20 "$log" >&2
	rm -f "$log"
	exit 1
fi
rm -f "$log"
