#!/bin/sh
# deps.sh — installs the Debian packages that cme needs to build, test and
# demo, and only those that are missing (make check, make demo, make deps).
#
# Quiet when nothing is missing. Otherwise, as root: one line, then
# `apt-get update` and a non-interactive `apt-get install` of what is
# missing (their output goes to a log, shown only on failure). Not root: prints
# the exact `sudo apt-get install ...` line and exits 1.
#
# The postgresql package would create and start a system cluster ("main", TCP
# port 5432). cme never uses it: tests and the demo run private socket-only
# clusters under var/ (tools/pgcluster.sh). So when postgresql is not yet
# installed we first set create_main_cluster = false in
# /etc/postgresql-common/createcluster.conf, which the package then keeps.
# An existing main cluster is left alone.
set -eu

# What each package is for:
#   build-essential      gcc, make, libc6-dev
#   pkg-config           the Makefile's PKGS
#   libncurses-dev       ncursesw (the client)
#   libpq-dev            libpq (db/)
#   libconfig-dev        the config file
#   libsodium-dev        secrets
#   postgresql           server 15 with contrib (pg_trgm, fuzzystrmatch)
#   postgresql-client    psql, for the db tests and the demo
#   tmux                 the screen tests
#   clang                the fuzz targets (libFuzzer)
#   libclang-rt-14-dev   clang's ASan/UBSan/libFuzzer runtimes (clang 14)
#   util-linux           runuser: the server runs as "postgres" when we are root
#   procps               ps, for the tests
# C.UTF-8, used for the cluster and the client, is built into Debian's libc.
PKGS="build-essential pkg-config libncurses-dev libpq-dev libconfig-dev
libsodium-dev postgresql postgresql-client tmux clang libclang-rt-14-dev
util-linux procps"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; make sure these (or their" \
	    "equivalents) are installed: $(printf '%s' "$PKGS" | tr '\n' ' ')" >&2
	exit 0
fi

installed() {
	case $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) in
	*" ok installed") return 0 ;;
	*) return 1 ;;
	esac
}

missing=
for p in $PKGS; do
	installed "$p" || missing="$missing $p"
done
missing=${missing# }
[ -n "$missing" ] || exit 0

if [ "$(id -u)" != 0 ]; then
	echo "cme needs these Debian packages, which are not installed:" >&2
	echo "  sudo apt-get install $missing" >&2
	exit 1
fi

log=$(mktemp "${TMPDIR:-/tmp}/cme-deps.XXXXXX")
fail() {
	echo "deps: $1 failed; the last lines of its output ($log):" >&2
	tail -n 25 "$log" >&2
	exit 1
}

echo "deps: installing $missing (apt-get, log in $log)"

# No system cluster on a fresh install (see above). The file is managed by
# ucf, which keeps a local version under a non-interactive install; a
# setting already there (a person's choice) is left as it is.
case " $missing " in
*" postgresql "*)
	conf=/etc/postgresql-common/createcluster.conf
	if ! grep -qs '^[[:space:]]*create_main_cluster' "$conf"; then
		mkdir -p /etc/postgresql-common
		echo "create_main_cluster = false" >>"$conf"
	fi
	;;
esac

DEBIAN_FRONTEND=noninteractive
UCF_FORCE_CONFFOLD=1
export DEBIAN_FRONTEND UCF_FORCE_CONFFOLD
apt="apt-get -q -o DPkg::Lock::Timeout=300"

$apt update >"$log" 2>&1 || fail "apt-get update"
# shellcheck disable=SC2086  # word splitting of $missing is wanted
$apt install -y --no-install-recommends $missing >>"$log" 2>&1 </dev/null ||
    fail "apt-get install"

for p in $missing; do
	installed "$p" || fail "installing $p"
done
rm -f "$log"
