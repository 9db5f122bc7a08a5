/*
 * cmd_db.c — `cme db migrate`, `cme db status`, `cme db seed`.
 *
 * These run as a database administrator (PGUSER with rights to create
 * roles and schemas), block on the network (there is no screen to keep
 * alive), and print plain lines for scripts and people alike.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db/db.h"
#include "db/migrate.h"
#include "model/seed.h"
#include "util/date.h"

static void
cmd_db_usage(FILE *f)
{
	fprintf(f,
	    "usage: cme db migrate            apply the schema migrations\n"
	    "       cme db status             show the schema version\n"
	    "       cme db seed --demo [--large] [--pupils N] [--seed S] "
	    "[--as-of YYYY-MM-DD]\n"
	    "                                 load synthetic demo data\n");
}

static void
cmd_db_progress(void *arg, int version, const char *name)
{
	(void)arg;
	printf("applied %03d_%s\n", version, name);
}

static int
cmd_db_report(const char *what, struct db_error *err)
{
	fprintf(stderr, "cme db %s: %s\n", what, err->message);
	if (err->detail != NULL)
		fprintf(stderr, "  detail: %s\n", err->detail);
	if (err->hint != NULL)
		fprintf(stderr, "  hint: %s\n", err->hint);
	db_error_release(err);
	return (1);
}

static int
cmd_db_migrate(struct db *db)
{
	struct db_error	err = { "", NULL, NULL, NULL };
	struct migrate_status st;
	int		n;

	if ((n = db_migrate(db, cmd_db_progress, NULL, &err)) < 0)
		return (cmd_db_report("migrate", &err));
	if (db_migrate_status(db, &st, &err) != 0)
		return (cmd_db_report("migrate", &err));
	if (n == 0)
		printf("schema is up to date at version %d\n", st.current);
	else
		printf("schema now at version %d (%d applied)\n", st.current,
		    n);
	return (0);
}

static int
cmd_db_status(struct db *db)
{
	struct db_error	err = { "", NULL, NULL, NULL };
	struct migrate_status st;

	if (db_migrate_status(db, &st, &err) != 0)
		return (cmd_db_report("status", &err));
	printf("schema version %d of %d", st.current, st.latest);
	if (st.pending > 0)
		printf(", %d pending (run: cme db migrate)", st.pending);
	printf("\n");
	if (st.modified > 0)
		printf("warning: %d applied migration(s) changed since they "
		    "were applied\n", st.modified);
	if (st.unknown > 0)
		printf("warning: the database has %d migration(s) this "
		    "binary does not know: upgrade cme\n", st.unknown);
	return (st.pending > 0 || st.unknown > 0 ? 3 : 0);
}

/*
 * Parses the options of `cme db seed` into opt. Returns -1 when they are
 * good, else the exit status (2, or 0 after --help). Done before
 * connecting, so a usage error needs no server.
 */
static int
cmd_db_seed_options(int argc, char **argv, struct seed_options *opt)
{
	static const struct option longopts[] = {
		{ "demo", no_argument, NULL, 'd' },
		{ "pupils", required_argument, NULL, 'p' },
		{ "large", no_argument, NULL, 'l' },
		{ "seed", required_argument, NULL, 's' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char			*end;
	int			 c, y, m, d;
	bool			 pupils = false, as_of = false;

	memset(opt, 0, sizeof *opt);
	opt->seed = 1;
	opt->pupils = SEED_DEFAULT_PUPILS;
	opt->as_of = date_today();	/* the one use of the clock */
	opt->progress = stdout;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt->demo = true;
			break;
		case 'l':
			opt->demo = true;
			opt->large = true;
			break;
		case 'p':
			pupils = true;
			opt->pupils = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || opt->pupils < 1 ||
			    opt->pupils > 5000000) {
				fprintf(stderr, "cme db seed: --pupils: '%s' "
				    "is not a number from 1 to 5000000\n",
				    optarg);
				return (2);
			}
			break;
		case 's':
			opt->seed = strtoull(optarg, &end, 10);
			if (*end != '\0' || *optarg == '\0' ||
			    *optarg == '-') {
				fprintf(stderr, "cme db seed: --seed: '%s' "
				    "is not a whole number\n", optarg);
				return (2);
			}
			break;
		case 'a':
			as_of = true;
			if (date_parse_iso(optarg, &opt->as_of) != 0) {
				fprintf(stderr, "cme db seed: --as-of: '%s' "
				    "is not a date (YYYY-MM-DD)\n", optarg);
				return (2);
			}
			break;
		case 'h':
			cmd_db_usage(stdout);
			return (0);
		default:
			cmd_db_usage(stderr);
			return (2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "cme db seed: unexpected argument '%s'\n",
		    argv[optind]);
		return (2);
	}
	if (!opt->demo) {
		fprintf(stderr, "cme db seed: say what to seed: --demo\n");
		return (2);
	}
	if (opt->large && !pupils)
		opt->pupils = SEED_LARGE_PUPILS;
	/* A full school year of marks: "today" is the last 31 August. */
	if (opt->large && !as_of) {
		date_to_ymd(opt->as_of, &y, &m, &d);
		opt->as_of = date_from_ymd(m >= 9 ? y : y - 1, 8, 31);
	}
	return (-1);
}

static int
cmd_db_seed(struct db *db, const struct seed_options *opt)
{
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (seed_run(db, opt, &err) != 0)
		return (cmd_db_report("seed", &err));
	return (0);
}

int
cmd_db(int argc, char **argv, const struct db_params *params)
{
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct seed_options	 opt;
	struct db		*db;
	const char		*sub;
	int			 rc;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		cmd_db_usage(argc < 2 ? stderr : stdout);
		return (argc < 2 ? 2 : 0);
	}
	sub = argv[1];
	if (strcmp(sub, "migrate") != 0 && strcmp(sub, "status") != 0 &&
	    strcmp(sub, "seed") != 0) {
		fprintf(stderr, "cme db: unknown command '%s'\n", sub);
		cmd_db_usage(stderr);
		return (2);
	}
	if (strcmp(sub, "seed") != 0 && argc > 2) {
		fprintf(stderr, "cme db %s: unexpected argument '%s'\n", sub,
		    argv[2]);
		return (2);
	}
	if (strcmp(sub, "seed") == 0 &&
	    (rc = cmd_db_seed_options(argc - 1, argv + 1, &opt)) >= 0)
		return (rc);
	if ((db = db_connect(params, &err)) == NULL) {
		fprintf(stderr, "cme db %s: cannot connect: %s\n", sub,
		    err.message);
		db_error_release(&err);
		return (1);
	}
	if (strcmp(sub, "migrate") == 0)
		rc = cmd_db_migrate(db);
	else if (strcmp(sub, "status") == 0)
		rc = cmd_db_status(db);
	else
		rc = cmd_db_seed(db, &opt);
	db_close(db);
	return (rc);
}
