#!/bin/sh
# run-all.sh — the test runner behind `make check`: every suite, one count.
#
#   sh tests/run-all.sh BUILD_DIR [SUITE...]
#
# Suites, in this order (default: all of them):
#   layers  tools/check-layers.sh
#   unit    every executable BUILD_DIR/tests/test_* (from tests/unit/)
#   db      every tests/db/*.sh, against a throwaway cluster
#   screen  every tests/screen/*.sh: the client under tmux, same cluster
#   fuzz    `make fuzz`, then each build/fuzz/fuzz_* for a bounded run (clang)
#
# Every test prints "ok - ..." / "not ok - ..." lines (tests/lib.sh); this
# script echoes them with "suite/name: " in front, the "#" diagnostics of
# failures only, and keeps each program's whole output in
# var/test-run/logs/SUITE-NAME.log. A program that crashes, exits non-zero
# without saying "not ok", times out (CME_TEST_TIMEOUT, default 300 s) or
# prints no ok/not ok line at all counts as one more "not ok". Exit 77 means
# skipped. The last line is always "N passed, N failed"; the exit status is
# 1 when anything failed.
#
# For db and screen, a private cluster is started in var/test-run (Unix
# socket only, see tools/pgcluster.sh), database cme_test is created,
# migrated and seeded with the demo data by `$CME_BIN db migrate` and
# `db seed --demo`; the cluster is destroyed on exit (CME_TEST_KEEP=1 leaves
# it running, for a look with psql). The tests get the environment that
# tests/lib.sh documents. var/test-run is wiped at the start of each run, so
# two runs in one checkout must not overlap.
#
# Sanitiser builds: ASAN_OPTIONS and UBSAN_OPTIONS make any report fatal,
# leaks included (set them yourself to override; CME_SCREEN_ASAN_OPTIONS
# for the screen suite alone). Under tmux the client's reports go to
# var/test-run/logs/sanitizer-screen-NAME.* and fail that test. Fuzzing
# stops after CME_FUZZ_RUNS runs (50000) or CME_FUZZ_SECONDS (20) per target;
# a crashing input is kept as var/test-run/logs/fuzz-NAME-crash-*.
set -u

usage() {
	echo "usage: sh tests/run-all.sh BUILD_DIR [layers|unit|db|screen|fuzz]..." >&2
	exit 2
}
[ $# -ge 1 ] || usage
case $1 in
/*) build=$1 ;;
*) build=$(pwd)/$1 ;;
esac
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
suites=${*:-layers unit db screen fuzz}
for s in $suites; do
	case $s in
	layers | unit | db | screen | fuzz) ;;
	*) echo "run-all: unknown suite '$s'" >&2; usage ;;
	esac
done
wants() {
	case " $suites " in *" $1 "*) return 0 ;; esac
	return 1
}

run=$root/var/test-run
logs=$run/logs
limit=${CME_TEST_TIMEOUT:-300}
passed=0
failed=0
cluster=no

# --- reporting ---------------------------------------------------------

pass() {
	passed=$((passed + 1))
	echo "ok - $*"
}

fail() {
	failed=$((failed + 1))
	echo "not ok - $*"
}

# diag FILE: the useful part of a log as "#" lines: the first sanitiser
# report up to its SUMMARY line if there is one, else the last lines; 20 at
# most either way.
diag() {
	first=$(grep -nE '^==[0-9]+==(ERROR|WARNING)|runtime error:' "$1" \
	    2>/dev/null | head -n 1 | cut -d: -f1)
	if [ -n "$first" ]; then
		sed -n "$first,\$p" "$1" | awk '{ print } /^SUMMARY: / { exit }'
	else
		tail -n 20 "$1"
	fi | head -n 20 | sed 's/^/#   /'
}

# report LABEL LOG STATUS: echo the test's ok/not ok lines as "LABEL: ...",
# the diagnostics under each failure, count them, and judge the status.
report() {
	awk -v p="$1" '
	/^not ok([ \t]|$)/ {
		sub(/^not ok[ \t]*[0-9]*[ \t]*-?[ \t]*/, "")
		print "not ok - " p ": " $0
		show = 1
		next
	}
	/^ok([ \t]|$)/ {
		sub(/^ok[ \t]*[0-9]*[ \t]*-?[ \t]*/, "")
		print "ok - " p ": " $0
		show = 0
		next
	}
	/^#/ { if (show) print; next }
	{ show = 0 }' "$2"
	np=$(grep -cE '^ok([[:space:]]|$)' "$2")
	nf=$(grep -cE '^not ok([[:space:]]|$)' "$2")
	passed=$((passed + np))
	failed=$((failed + nf))

	why=
	case $3 in
	0) [ $((np + nf)) -gt 0 ] || why="printed no ok/not ok line" ;;
	1) [ "$nf" -gt 0 ] || why="exited with status 1" ;;
	77) [ "$nf" -gt 0 ] || { echo "# $1: skipped (exit 77)"; return; }
	    why="exited with status 77 (skip) after a failure" ;;
	124) why="timed out after ${limit}s" ;;
	137) why="killed (status 137: over the ${limit}s limit, or out of memory)" ;;
	*)
		if [ "$3" -gt 128 ]; then
			why="exited with status $3 (signal $(($3 - 128)))"
		else
			why="exited with status $3"
		fi
		;;
	esac
	if [ -n "$why" ]; then
		fail "$1 $why (log: ${2#"$root"/})"
		diag "$2"
	fi
}

# bounded SECS LOG CMD...: run CMD under a time limit, output to LOG, and
# return its status. timeout(1) puts CMD in a process group of its own
# (so a hung test's children die with it), out of reach of a Ctrl-C: it
# runs in the background and we wait, so our INT/TERM trap can pass the
# signal on.
child=
bounded() {
	_secs=$1
	_out=$2
	shift 2
	timeout -k 10 "$_secs" "$@" >"$_out" 2>&1 </dev/null &
	child=$!
	wait "$child" 2>/dev/null	# no "Aborted" from the shell: it's in LOG
	_st=$?
	child=
	return $_st
}

# run_one SUITE NAME CMD...: run a test program with a time limit, its
# output in the log, and report it.
run_one() {
	_label=$1/$2
	_log=$logs/$1-$2.log
	shift 2
	bounded "$limit" "$_log" "$@"
	report "$_label" "$_log" $?
}

# script_cmd FILE: how to run a test script (its own #! when executable).
script_cmd() {
	if [ -x "$1" ]; then echo "$1"; else echo "sh $1"; fi
}

# --- the scratch directory, the environment, the cluster ----------------

cleanup() {
	# A client left running (a test that failed half-way) would hang on
	# in the sanitiser's leak check once its terminal is gone.
	if [ -n "${CME_BIN:-}" ] && pkill -KILL -f "^$CME_BIN( |\$)" \
	    2>/dev/null; then
		echo "# stray clients of $CME_BIN were still running: killed"
	fi
	if [ $cluster = yes ]; then
		if [ "${CME_TEST_KEEP:-}" = 1 ]; then
			echo "# cluster kept running: PGHOST=$PGHOST" \
			    "PGDATABASE=$PGDATABASE (stop: sh tools/pgcluster.sh" \
			    "destroy var/test-run)"
		else
			sh "$root/tools/pgcluster.sh" destroy "$run" \
			    >/dev/null 2>&1
		fi
		cluster=no
	fi
}
# on_signal STATUS: stop the running test (timeout passes the signal on to
# its process group), then exit; the EXIT trap removes the cluster.
on_signal() {
	if [ -n "$child" ]; then
		kill -TERM "$child" 2>/dev/null
		wait "$child" 2>/dev/null
	fi
	exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

# A cluster left running by a run that was killed hard: stop it first.
if [ -e "$run/pg" ] || [ -L "$run/pg" ]; then
	sh tools/pgcluster.sh destroy "$run" >/dev/null 2>&1
fi
rm -rf "$run"
mkdir -p "$logs" "$run/tmp" || exit 2

CME_ROOT=$root
CME_BIN=$build/cme
CME_TMP=$run/tmp
export CME_ROOT CME_BIN CME_TMP
# Nothing from the caller's own PostgreSQL set-up may leak into the tests.
unset PGUSER PGSERVICE PGSERVICEFILE PGHOSTADDR PGPASSWORD PGPASSFILE \
    PGOPTIONS PGDATABASE PGHOST PGPORT 2>/dev/null
LC_ALL=C.UTF-8
export LC_ALL
asan=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
ubsan=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ASAN_OPTIONS=$asan
UBSAN_OPTIONS=$ubsan
export ASAN_OPTIONS UBSAN_OPTIONS

dbready=no
if wants db || wants screen; then
	echo "# setup: cluster in var/test-run, database cme_test"
	if [ ! -x "$CME_BIN" ]; then
		fail "setup: ${CME_BIN#"$root"/} is not built"
	elif ! sh tools/pgcluster.sh start "$run" \
	    >"$logs/setup-cluster.log" 2>&1; then
		fail "setup: start a throwaway PostgreSQL cluster"
		diag "$logs/setup-cluster.log"
	else
		cluster=yes
		eval "$(sh tools/pgcluster.sh env "$run")"
		PGDATABASE=cme_test
		export PGHOST PGPORT PGDATABASE CME_PG_SUPERUSER
		if ! psql -X -q -v ON_ERROR_STOP=1 -U "$CME_PG_SUPERUSER" \
		    -d postgres -c 'CREATE DATABASE cme_test' \
		    >"$logs/setup-createdb.log" 2>&1; then
			fail "setup: create database cme_test"
			diag "$logs/setup-createdb.log"
		else
			dbready=yes
			for step in migrate "seed --demo"; do
				l=$logs/setup-${step%% *}.log
				# shellcheck disable=SC2086  # $step is two words
				if bounded "$limit" "$l" env \
				    PGUSER="$CME_PG_SUPERUSER" "$CME_BIN" db $step
				then
					pass "setup: cme db $step"
				else
					fail "setup: cme db $step (status $?)"
					diag "$l"
					dbready=no
					break
				fi
			done
		fi
	fi
	if [ $dbready = no ]; then
		echo "# the db and screen suites are skipped: no test database"
	fi
fi

# --- the suites ---------------------------------------------------------

if wants layers; then
	echo "# layers"
	run_one layers check-layers sh tools/check-layers.sh
	run_one layers check-symbols sh tools/check-symbols.sh "$build"
fi

if wants unit; then
	echo "# unit"
	for src in tests/unit/test_*.c; do
		[ -f "$src" ] || continue
		n=$(basename "$src" .c)
		[ -x "$build/tests/$n" ] ||
		    fail "unit/$n: not built (${build#"$root"/}/tests/$n)"
	done
	for t in "$build"/tests/test_*; do
		if [ ! -f "$t" ] || [ ! -x "$t" ]; then continue; fi
		run_one unit "$(basename "$t")" "$t"
	done
fi

if wants db && [ $dbready = yes ]; then
	echo "# db"
	for t in tests/db/*.sh; do
		[ -f "$t" ] || continue
		# shellcheck disable=SC2046  # "sh FILE" is two words
		run_one db "$(basename "$t" .sh)" $(script_cmd "$t")
	done
fi

if wants screen && [ $dbready = yes ]; then
	echo "# screen"
	i=0
	for t in tests/screen/*.sh; do
		[ -f "$t" ] || continue
		i=$((i + 1))
		n=$(basename "$t" .sh)
		CME_TMUX=cme-test-$$-$i
		# Each test's clients keep their draft journals apart.
		CME_DRAFT_DIR=$run/drafts/$n
		export CME_TMUX CME_DRAFT_DIR
		san=$logs/sanitizer-screen-$n
		ASAN_OPTIONS=${CME_SCREEN_ASAN_OPTIONS:-$asan}:log_path=$san
		UBSAN_OPTIONS=$ubsan:log_path=$san
		# shellcheck disable=SC2046  # "sh FILE" is two words
		run_one screen "$n" $(script_cmd "$t")
		tmux -L "$CME_TMUX" kill-server >/dev/null 2>&1
		ASAN_OPTIONS=$asan
		UBSAN_OPTIONS=$ubsan
		for f in "$san".*; do
			[ -f "$f" ] || continue
			fail "screen/$n: sanitiser report from the client" \
			    "(log: ${f#"$root"/})"
			diag "$f"
		done
	done
	unset CME_TMUX CME_DRAFT_DIR
fi

if wants fuzz; then
	echo "# fuzz"
	if ! command -v clang >/dev/null 2>&1; then
		echo "# fuzz: clang not found, skipped"
	elif [ -z "$(ls tests/fuzz/fuzz_*.c 2>/dev/null)" ]; then
		echo "# fuzz: no targets in tests/fuzz"
	elif ! ${MAKE:-make} --no-print-directory fuzz \
	    >"$logs/fuzz-build.log" 2>&1 </dev/null; then
		fail "fuzz: make fuzz (log: var/test-run/logs/fuzz-build.log)"
		diag "$logs/fuzz-build.log"
	else
		runs=${CME_FUZZ_RUNS:-50000}
		secs=${CME_FUZZ_SECONDS:-20}
		for src in tests/fuzz/fuzz_*.c; do
			n=$(basename "$src" .c)
			bin=build/fuzz/$n
			if [ ! -x "$bin" ]; then
				fail "fuzz/$n: not built ($bin)"
				continue
			fi
			# A scratch corpus, seeded from tests/fuzz/corpus/NAME/.
			corpus=$run/fuzz/$n
			mkdir -p "$corpus"
			if [ -d "tests/fuzz/corpus/$n" ]; then
				cp -R "tests/fuzz/corpus/$n/." "$corpus/"
			fi
			set -- -runs="$runs" -max_total_time="$secs" \
			    -artifact_prefix="$logs/fuzz-$n-"
			if [ -f "tests/fuzz/$n.dict" ]; then
				set -- "$@" -dict="tests/fuzz/$n.dict"
			fi
			l=$logs/fuzz-$n.log
			bounded $((secs + 120)) "$l" "$bin" "$@" "$corpus"
			st=$?
			if [ $st -eq 0 ]; then
				pass "fuzz/$n: $runs runs or ${secs}s, no crash"
			else
				fail "fuzz/$n: status $st, the input is in" \
				    "var/test-run/logs/fuzz-$n-crash-*" \
				    "(log: ${l#"$root"/})"
				diag "$l"
			fi
		done
	fi
fi

cleanup
trap - EXIT
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
