/*
 * main.c — argv, settings and subcommands; wires the layers together.
 *
 *   cme [options]            the terminal client
 *   cme db migrate|status    schema migrations
 *   cme db seed --demo ...   synthetic data
 *   cme import ... FILE      school files (cmd_import.c)
 *   cme sweep                time-based alert rules (cmd_sweep.c)
 *   cme report cme-return    the termly DfE return (cmd_report.c)
 *
 * Settings come from the user's libconfig file (or -c FILE); connection
 * settings follow libpq conventions (PGHOST, PGUSER, PGSERVICE, ~/.pgpass)
 * unless database.conninfo says otherwise. A bad setting is reported with
 * file and line and the program carries on with the default.
 */
#include <getopt.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cmd.h"
#include "db/db.h"
#include "settings.h"
#include "util/log.h"
#include "util/xmalloc.h"

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: cme [-c FILE] [--ascii] [--theme NAME]\n"
	    "       cme db migrate|status\n"
	    "       cme db seed --demo [--large] [--pupils N] [--seed S] "
	    "[--as-of YYYY-MM-DD]\n"
	    "       cme import attendance|returns [--skip-bad FILE2] FILE|-\n"
	    "       cme sweep [--la CODE]\n"
	    "       cme report cme-return --census YYYY-MM-DD [--la CODE] "
	    "[--rounded] [-o FILE]\n"
	    "       cme --help | --version\n"
	    "\n"
	    "The terminal casework desk for children missing education.\n"
	    "\n"
	    "options:\n"
	    "  -c, --config FILE  settings file (default: $CME_CONFIG, or\n"
	    "                     ~/.config/cme/config)\n"
	    "      --ascii        draw lines with ASCII characters\n"
	    "      --theme NAME   default, light or monochrome\n"
	    "  -h, --help         this help\n"
	    "  -V, --version      the version\n"
	    "\n"
	    "The database is found the libpq way: PGHOST, PGPORT, PGUSER,\n"
	    "PGDATABASE, PGSERVICE, ~/.pgpass, or database.conninfo in the\n"
	    "settings file. NO_COLOR turns colours off. CME_TRACE=FILE logs\n"
	    "round trips and terminal bytes per action; CME_LOG=FILE logs\n"
	    "debug lines. Notes open in $VISUAL or $EDITOR; what you type\n"
	    "is journalled, encrypted, in $CME_DRAFT_DIR (default\n"
	    "~/.local/state/cme/drafts). See cme(1).\n");
}

/* libpq parameters from the settings: fast failure detection by default. */
static void
build_params(const struct settings *s, struct db_params *p)
{
	char	buf[32];

	db_params_init(p);
	if (s->conninfo != NULL && *s->conninfo != '\0')
		db_params_add(p, "dbname", s->conninfo);
	snprintf(buf, sizeof buf, "%d", s->connect_timeout);
	db_params_add(p, "connect_timeout", buf);
	db_params_add(p, "keepalives", "1");
	snprintf(buf, sizeof buf, "%d", s->keepalives_idle);
	db_params_add(p, "keepalives_idle", buf);
	snprintf(buf, sizeof buf, "%d", s->keepalives_interval);
	db_params_add(p, "keepalives_interval", buf);
	snprintf(buf, sizeof buf, "%d", s->keepalives_count);
	db_params_add(p, "keepalives_count", buf);
	snprintf(buf, sizeof buf, "%d", s->tcp_user_timeout);
	db_params_add(p, "tcp_user_timeout", buf);
	db_params_add(p, "fallback_application_name", "cme");
	db_params_add(p, "client_encoding", "UTF8");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "theme", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct settings		 s;
	struct settings_diag	 diag = { NULL, 0 };
	struct app_options	 opt = { false, NULL };
	struct db_params	 params;
	const char		*config = NULL, *logpath;
	char			*path;
	size_t			 i;
	int			 c, rc;

	setlocale(LC_ALL, "");
	/* Subcommands take their own options: stop at the first word. */
	while ((c = getopt_long(argc, argv, "+c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'a':
			opt.ascii = true;
			break;
		case 't':
			if (strcmp(optarg, "default") != 0 &&
			    strcmp(optarg, "light") != 0 &&
			    strcmp(optarg, "monochrome") != 0) {
				fprintf(stderr, "cme: --theme: unknown theme "
				    "'%s' (default, light, monochrome)\n",
				    optarg);
				return (2);
			}
			opt.theme = optarg;
			break;
		case 'h':
			usage(stdout);
			return (0);
		case 'V':
			printf("cme %s\n", CME_VERSION);
			return (0);
		default:
			fprintf(stderr, "Try 'cme --help' for more.\n");
			return (2);
		}
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "cme: libsodium failed to start\n");
		return (1);
	}

	settings_init(&s);
	if (config != NULL) {
		settings_load_file(&s, config, true, &diag);
	} else if ((path = settings_default_path()) != NULL) {
		settings_load_file(&s, path, false, &diag);
		free(path);
	}
	for (i = 0; i < diag.n; i++)
		fprintf(stderr, "cme: %s (using the default)\n",
		    diag.lines[i]);
	settings_diag_release(&diag);

	logpath = getenv("CME_LOG");
	if (logpath == NULL || *logpath == '\0')
		logpath = s.log_file;
	log_open(logpath);

	build_params(&s, &params);
	if (optind < argc) {
		if (strcmp(argv[optind], "db") == 0) {
			rc = cmd_db(argc - optind, argv + optind, &params);
		} else if (strcmp(argv[optind], "import") == 0) {
			rc = cmd_import(argc - optind, argv + optind, &params);
		} else if (strcmp(argv[optind], "sweep") == 0) {
			rc = cmd_sweep(argc - optind, argv + optind, &params);
		} else if (strcmp(argv[optind], "report") == 0) {
			rc = cmd_report(argc - optind, argv + optind, &params);
		} else {
			fprintf(stderr, "cme: unknown command '%s'\n"
			    "Try 'cme --help' for more.\n", argv[optind]);
			rc = 2;
		}
	} else {
		rc = app_run(&s, &params, &opt);
	}
	db_params_release(&params);
	settings_release(&s);
	log_close();
	return (rc);
}
