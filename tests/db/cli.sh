#!/bin/sh
# cli.sh — the command line: --help, --version, usage errors (status 2),
# `cme db migrate` twice and `cme db status`, connection failures named.
. "$CME_ROOT/tests/lib.sh"

out=$("$CME_BIN" --version 2>&1); rc=$?
is "--version exits 0" "$rc" 0
like "--version names the program" "$out" "cme "

out=$("$CME_BIN" --help 2>&1); rc=$?
is "--help exits 0" "$rc" 0
like "--help shows the db commands" "$out" "cme db migrate|status"

out=$("$CME_BIN" --frobnicate 2>&1); rc=$?
is "an unknown option exits 2" "$rc" 2
like "an unknown option is named" "$out" "frobnicate"

out=$("$CME_BIN" frobnicate 2>&1); rc=$?
is "an unknown command exits 2" "$rc" 2
like "an unknown command is named" "$out" "unknown command 'frobnicate'"

out=$("$CME_BIN" db frobnicate 2>&1); rc=$?
is "an unknown db command exits 2" "$rc" 2

out=$("$CME_BIN" --theme purple 2>&1); rc=$?
is "an unknown theme exits 2" "$rc" 2

out=$("$CME_BIN" db seed --pupils many 2>&1); rc=$?
is "a bad --pupils exits 2" "$rc" 2
like "a bad --pupils is named" "$out" "--pupils"

out=$(PGHOST="$CME_TMP/nowhere" "$CME_BIN" db status 2>&1); rc=$?
is "db status without a server exits 1" "$rc" 1
like "db status without a server says it cannot connect" "$out" \
    "cannot connect"

out=$("$CME_BIN" </dev/null 2>&1); rc=$?
is "the client without a terminal exits 1" "$rc" 1
like "the client without a terminal says why" "$out" "needs a terminal"

# A bad config file: reported with file and line, defaults used.
printf 'ui: {\n  theme = "purple";\n};\n' >"$CME_TMP/bad.conf"
out=$(PGHOST="$CME_TMP/nowhere" "$CME_BIN" -c "$CME_TMP/bad.conf" db status \
    2>&1)
like "a bad setting is named with file and line" "$out" \
    "bad.conf:2: ui.theme must be one of default|light|monochrome"
like "a bad setting does not stop cme" "$out" "cannot connect"
out=$("$CME_BIN" -c "$CME_TMP/missing.conf" db status 2>&1)
like "a missing -c file is named" "$out" "missing.conf: No such file"

fresh_db cme_cli
out=$(PGDATABASE=cme_cli PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db migrate 2>&1)
rc=$?
is "migrating an already migrated database exits 0" "$rc" 0
like "migrating twice applies nothing" "$out" "up to date"
out=$(PGDATABASE=cme_cli PGUSER=$CME_PG_SUPERUSER "$CME_BIN" db status 2>&1)
rc=$?
is "db status exits 0 when up to date" "$rc" 0
like "db status shows the version" "$out" "schema version"

su_psql -d postgres -c "DROP DATABASE IF EXISTS cme_cli_empty" >/dev/null
su_psql -d postgres -c "CREATE DATABASE cme_cli_empty" >/dev/null
out=$(PGDATABASE=cme_cli_empty PGUSER=$CME_PG_SUPERUSER "$CME_BIN" \
    db status 2>&1); rc=$?
is "db status on an empty database exits 3" "$rc" 3
like "db status says migrations are pending" "$out" "pending"
su_psql -d postgres -c "DROP DATABASE cme_cli_empty" >/dev/null
su_psql -d postgres -c "DROP DATABASE cme_cli" >/dev/null
exit 0
