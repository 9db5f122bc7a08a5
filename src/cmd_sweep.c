/*
 * cmd_sweep.c — `cme sweep [--la CODE] [--as-of DATE]`: the rules that
 * fire with time, run from cron (as a database administrator, for every
 * LA) or by an LA's cme_admin (its own LA).
 *
 * One call of cme.sweep() (src/db/sql/011_import.sql) in one transaction:
 * snoozed alerts whose day has come are opened again, N codes past the
 * grace period and case clocks past the enquiries clock raise alerts, and
 * the attendance rules take a full pass over the current term. It is
 * idempotent: a second run the same day changes nothing. One summary line
 * per LA on stdout.
 *
 * Exit status: 0 done; 1 failed (nothing changed); 2 usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db/db.h"
#include "util/date.h"

static void	 cmd_sweep_usage(FILE *);
static const char *cmd_sweep_value(const struct db_rows *, int, const char *);

static void
cmd_sweep_usage(FILE *f)
{
	fprintf(f,
	    "usage: cme sweep [--la CODE] [--as-of YYYY-MM-DD]\n"
	    "\n"
	    "The time-based alert rules, for every LA or one: snoozed alerts "
	    "due,\n"
	    "N codes past the grace period, case clocks overdue. Run daily "
	    "from cron;\n"
	    "running it twice changes nothing the second time.\n"
	    "Exit status: 0 done, 1 failed, 2 usage.\n");
}

/* A column of the sweep's result as text ("0" when NULL); borrowed. */
static const char *
cmd_sweep_value(const struct db_rows *rows, int row, const char *col)
{
	const char	*v;
	int		 c;

	if ((c = db_rows_find(rows, col)) < 0 ||
	    (v = db_rows_value(rows, row, c)) == NULL)
		return ("0");
	return (v);
}

int
cmd_sweep(int argc, char **argv, const struct db_params *params)
{
	static const struct option longopts[] = {
		{ "la", required_argument, NULL, 'l' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_error	 err = { "", NULL, NULL, NULL };
	struct db	*db;
	struct db_rows	*rows;
	const char	*p[2], *la = NULL;
	char		 iso[DATE_ISO_LEN + 1], *end;
	int		 c, as_of, i, n;
	long		 code;

	as_of = date_today();
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			code = strtol(optarg, &end, 10);
			if (*end != '\0' || code < 100 || code > 999) {
				fprintf(stderr, "cme sweep: --la: '%s' is not a "
				    "3-digit LA code\n", optarg);
				return (2);
			}
			la = optarg;
			break;
		case 'a':
			if (date_parse_iso(optarg, &as_of) != 0) {
				fprintf(stderr, "cme sweep: --as-of: '%s' is not "
				    "a date (YYYY-MM-DD)\n", optarg);
				return (2);
			}
			break;
		case 'h':
			cmd_sweep_usage(stdout);
			return (0);
		default:
			cmd_sweep_usage(stderr);
			return (2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "cme sweep: unexpected argument '%s'\n",
		    argv[optind]);
		return (2);
	}
	date_format_iso(as_of, iso);
	if ((db = db_connect(params, &err)) == NULL) {
		fprintf(stderr, "cme sweep: cannot connect: %s\n", err.message);
		db_error_release(&err);
		return (1);
	}
	db_command(db, "SET client_min_messages = warning", 0, NULL, NULL);
	p[0] = la;
	p[1] = iso;
	rows = db_query(db, "SELECT la_code, la_name, woken, n_codes, clocks, "
	    "absence, streaks, alerts, batch "
	    "FROM cme.sweep($1::smallint, $2::date)", 2, p, &err);
	db_close(db);
	if (rows == NULL) {
		fprintf(stderr, "cme sweep: %s\n", err.message);
		if (err.hint != NULL)
			fprintf(stderr, "  hint: %s\n", err.hint);
		db_error_release(&err);
		return (1);
	}
	n = db_rows_count(rows);
	for (i = 0; i < n; i++)
		printf("%s %s: %s snoozed alerts due, %s N codes past grace, "
		    "%s case clocks overdue, %s absence and %s streak alerts; "
		    "%s alerts raised (as of %s)\n",
		    cmd_sweep_value(rows, i, "la_code"),
		    cmd_sweep_value(rows, i, "la_name"),
		    cmd_sweep_value(rows, i, "woken"),
		    cmd_sweep_value(rows, i, "n_codes"),
		    cmd_sweep_value(rows, i, "clocks"),
		    cmd_sweep_value(rows, i, "absence"),
		    cmd_sweep_value(rows, i, "streaks"),
		    cmd_sweep_value(rows, i, "alerts"), iso);
	if (n == 0)
		printf("nothing to sweep: no LA%s%s with children\n",
		    la != NULL ? " " : "", la != NULL ? la : "");
	db_rows_free(rows);
	return (0);
}
