/*
 * cmd_report.c — `cme report cme-return --census YYYY-MM-DD [--la CODE]
 * [--rounded] [-o FILE]`: the termly DfE CME return as CSV.
 *
 * The figures come from one call of cme.cme_return() (016_report.sql, which
 * defines each of them and checks who may ask: a supervisor or manager for
 * their own LA, a database administrator for the LA it names). Exact counts
 * by default; --rounded applies the DfE convention (nearest 10, "low" for
 * 1 to 4). The CSV goes to stdout, or to FILE written atomically (a
 * temporary file in the same directory, then rename), so a reader never
 * sees half a return.
 *
 * Exit status: 0 written; 1 failed (nothing written); 2 usage.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "db/db.h"
#include "model/report.h"
#include "util/date.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

static void	cmd_report_usage(FILE *);
static int	cmd_report_write(const char *path, const struct sbuf *);

static void
cmd_report_usage(FILE *f)
{
	fprintf(f,
	    "usage: cme report cme-return --census YYYY-MM-DD [--la CODE] "
	    "[--rounded]\n"
	    "                             [-o FILE]\n"
	    "\n"
	    "The termly DfE children missing education return as CSV: on the\n"
	    "census day by sex, national curriculum year group, length of "
	    "time\n"
	    "missing and primary reason, and the number missing education at "
	    "any\n"
	    "point in the previous academic year (each child once).\n"
	    "\n"
	    "  --census DATE   the census day (DfE: first Thursday of October,\n"
	    "                  third Thursday of January or of May)\n"
	    "  --la CODE       the LA (a database administrator must name it;\n"
	    "                  staff may only name their own)\n"
	    "  --rounded       DfE rounding: nearest 10, \"low\" for 1 to 4\n"
	    "  -o, --output FILE  write FILE (atomically) instead of stdout\n"
	    "Exit status: 0 written, 1 failed, 2 usage.\n");
}

/* Writes sb to path through a temporary file and rename(2). */
static int
cmd_report_write(const char *path, const struct sbuf *sb)
{
	char	*tmp;
	FILE	*f;
	int	 fd, saved;

	tmp = xmalloc(strlen(path) + 16);
	snprintf(tmp, strlen(path) + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		fprintf(stderr, "cme report: %s: %s\n", path, strerror(errno));
		free(tmp);
		return (-1);
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (fwrite(sb->buf, 1, sb->len, f) != sb->len || fflush(f) != 0 ||
	    fsync(fileno(f)) != 0) {
		saved = errno;
		fclose(f);
		goto fail;
	}
	if (fclose(f) != 0) {
		saved = errno;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		saved = errno;
		goto fail;
	}
	free(tmp);
	return (0);
fail:
	fprintf(stderr, "cme report: %s: %s\n", path, strerror(saved));
	unlink(tmp);
	free(tmp);
	return (-1);
}

int
cmd_report(int argc, char **argv, const struct db_params *params)
{
	static const struct option longopts[] = {
		{ "census", required_argument, NULL, 'c' },
		{ "la", required_argument, NULL, 'l' },
		{ "rounded", no_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_error	 err = { "", NULL, NULL, NULL };
	struct report	 r;
	struct sbuf	 sb = SBUF_INIT;
	struct db	*db;
	const char	*la = NULL, *out = NULL, *census = NULL;
	char		*end;
	bool		 rounded = false;
	int		 c, day, rc;
	long		 code;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		cmd_report_usage(argc < 2 ? stderr : stdout);
		return (argc < 2 ? 2 : 0);
	}
	if (strcmp(argv[1], "cme-return") != 0) {
		fprintf(stderr, "cme report: unknown report '%s' (there is "
		    "cme-return)\n", argv[1]);
		return (2);
	}
	argc--;
	argv++;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (date_parse_iso(optarg, &day) != 0) {
				fprintf(stderr, "cme report: --census: '%s' is "
				    "not a date (YYYY-MM-DD)\n", optarg);
				return (2);
			}
			census = optarg;
			break;
		case 'l':
			code = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || code < 100 ||
			    code > 999) {
				fprintf(stderr, "cme report: --la: '%s' is not "
				    "a 3-digit LA code\n", optarg);
				return (2);
			}
			la = optarg;
			break;
		case 'r':
			rounded = true;
			break;
		case 'o':
			if (*optarg == '\0') {
				fprintf(stderr, "cme report: -o: the file name "
				    "is empty\n");
				return (2);
			}
			out = optarg;
			break;
		case 'h':
			cmd_report_usage(stdout);
			return (0);
		default:
			cmd_report_usage(stderr);
			return (2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "cme report: unexpected argument '%s'\n",
		    argv[optind]);
		return (2);
	}
	if (census == NULL) {
		fprintf(stderr, "cme report: --census YYYY-MM-DD is required "
		    "(the census day of the return)\n");
		return (2);
	}
	if ((db = db_connect(params, &err)) == NULL) {
		fprintf(stderr, "cme report: cannot connect: %s\n",
		    err.message);
		db_error_release(&err);
		return (1);
	}
	rc = report_fetch(db, census, la, &r, &err);
	db_close(db);
	if (rc != 0) {
		fprintf(stderr, "cme report: %s\n", err.message);
		if (strcmp(err.sqlstate, "42501") == 0)
			fprintf(stderr, "  hint: the return is for supervisors "
			    "and managers of the LA\n");
		else if (err.hint != NULL)
			fprintf(stderr, "  hint: %s\n", err.hint);
		db_error_release(&err);
		return (1);
	}
	report_csv(&r, rounded, &sb);
	report_release(&r);
	if (out != NULL) {
		rc = cmd_report_write(out, &sb) == 0 ? 0 : 1;
	} else {
		rc = fwrite(sb.buf, 1, sb.len, stdout) == sb.len &&
		    fflush(stdout) == 0 ? 0 : 1;
		if (rc != 0)
			fprintf(stderr, "cme report: stdout: %s\n",
			    strerror(errno));
	}
	sbuf_release(&sb);
	return (rc);
}
