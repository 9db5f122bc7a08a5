/*
 * cmd_import.c — `cme import attendance|returns [options] FILE|-`.
 *
 * Reads a school's CSV file (or stdin) and hands it to the model
 * (model/import.h), which streams it into the database in one
 * transaction. Every rejected line is reported on stderr as FILE:LINE:
 * reason (made safe for the terminal), or with --skip-bad written to
 * FILE2 as CSV (line,reason,the line's columns) while the good lines are
 * imported. A progress bar goes to stderr only when stderr is a terminal.
 *
 * Exit status: 0 imported; 1 rejected (nothing written), or a database
 * or file error; 2 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "db/db.h"
#include "model/import.h"
#include "util/date.h"
#include "util/sanitize.h"

struct cmd_import {
	const char	*label;		/* FILE, or "stdin" */
	int		 fd;		/* the input */
	uint64_t	 size;		/* bytes, 0 when not a regular file */
	FILE		*bad;		/* --skip-bad FILE2, or NULL */
	const char	*bad_path;
	bool		 tty;		/* stderr is a terminal: progress bar */
	bool		 bar_shown;
	long		 reported;
	bool		 write_failed;
};

static void	 cmd_import_usage(FILE *);
static long	 cmd_import_read(void *, char *, size_t);
static void	 cmd_import_reject(void *, const struct import_reject *);
static void	 cmd_import_progress(void *, enum import_phase, uint64_t,
		     long);
static void	 cmd_import_csv_field(FILE *, const char *);
static void	 cmd_import_summary(const struct cmd_import *,
		     enum import_kind, const struct import_summary *);

static void
cmd_import_usage(FILE *f)
{
	fprintf(f,
	    "usage: cme import attendance [--skip-bad FILE2] [--as-of DATE] "
	    "FILE|-\n"
	    "       cme import returns [--skip-bad FILE2] [--as-of DATE] "
	    "FILE|-\n"
	    "\n"
	    "Imports a school's CSV file in one transaction: any bad line "
	    "rejects the\n"
	    "whole file (each reported as FILE:LINE: reason) unless "
	    "--skip-bad FILE2,\n"
	    "which imports the good lines and writes the bad ones to FILE2.\n"
	    "  attendance: %s\n"
	    "  returns:    %s\n"
	    "  --as-of DATE   \"today\" for the alert rules (default: "
	    "today)\n"
	    "Exit status: 0 imported, 1 rejected or failed, 2 usage.\n",
	    import_header(IMPORT_ATTENDANCE), import_header(IMPORT_RETURNS));
}

static long
cmd_import_read(void *arg, char *buf, size_t len)
{
	struct cmd_import	*ci = arg;
	ssize_t			 n;

	do
		n = read(ci->fd, buf, len);
	while (n < 0 && errno == EINTR);
	return (long)n;
}

static void
cmd_import_csv_field(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void
cmd_import_reject(void *arg, const struct import_reject *rj)
{
	struct cmd_import	*ci = arg;
	char			*safe;

	if (ci->bar_shown) {
		fputs("\r\033[K", stderr);
		ci->bar_shown = false;
	}
	ci->reported++;
	if (ci->bad != NULL && !rj->whole_file) {
		fprintf(ci->bad, "%ld,", rj->line);
		cmd_import_csv_field(ci->bad, rj->reason);
		if (*rj->csv != '\0') {
			fputc(',', ci->bad);
			fputs(rj->csv, ci->bad);
		}
		fputc('\n', ci->bad);
		if (ferror(ci->bad))
			ci->write_failed = true;
		return;
	}
	safe = sanitize_text(rj->reason, strlen(rj->reason), 0);
	if (rj->line > 0)
		fprintf(stderr, "%s:%ld: %s\n", ci->label, rj->line, safe);
	else
		fprintf(stderr, "%s: %s\n", ci->label, safe);
	free(safe);
}

static void
cmd_import_progress(void *arg, enum import_phase phase, uint64_t bytes,
    long rows)
{
	struct cmd_import	*ci = arg;
	char			 bar[31];
	int			 pct, i;

	if (!ci->tty)
		return;
	switch (phase) {
	case IMPORT_READING:
		if (ci->size > 0) {
			pct = (int)(bytes * 100 / ci->size);
			if (pct > 100)
				pct = 100;
			for (i = 0; i < 30; i++)
				bar[i] = i < pct * 30 / 100 ? '#' : '.';
			bar[30] = '\0';
			fprintf(stderr, "\r\033[Kreading  [%s] %3d%%  %ld lines",
			    bar, pct, rows);
		} else
			fprintf(stderr, "\r\033[Kreading  %ld lines", rows);
		break;
	case IMPORT_CHECKING:
		fprintf(stderr, "\r\033[Kchecking and merging %ld lines...",
		    rows);
		break;
	case IMPORT_DONE:
		fputs("\r\033[K", stderr);
		ci->bar_shown = false;
		return;
	}
	ci->bar_shown = true;
}

static void
cmd_import_summary(const struct cmd_import *ci, enum import_kind kind,
    const struct import_summary *s)
{
	long	 good = s->rows - s->rejected;

	if (kind == IMPORT_ATTENDANCE)
		printf("%s: %ld lines, %ld imported: %ld attendance rows "
		    "updated, %ld added; %ld alerts raised", ci->label, s->rows,
		    good, s->updated, s->inserted, s->alerts);
	else
		printf("%s: %ld lines, %ld imported: %ld returns stored, %ld "
		    "already received, %ld children added, %ld enrolments "
		    "opened, %ld ended, %ld possible duplicates; %ld alerts "
		    "raised", ci->label, s->rows, good, s->returns, s->already,
		    s->children, s->opened, s->closed, s->duplicates,
		    s->alerts);
	if (s->batch > 0)
		printf(" (batch %ld)", s->batch);
	printf("\n");
	if (s->rejected > 0)
		printf("%s: %ld lines rejected, written to %s\n", ci->label,
		    s->rejected, ci->bad_path);
}

int
cmd_import(int argc, char **argv, const struct db_params *params)
{
	static const struct option longopts[] = {
		{ "skip-bad", required_argument, NULL, 's' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_import	 ci;
	struct import_options	 opt;
	struct import_summary	 sum;
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct db		*db = NULL;
	struct stat		 sb;
	const char		*path;
	int			 c, rc;

	memset(&ci, 0, sizeof ci);
	memset(&opt, 0, sizeof opt);
	ci.fd = -1;
	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		cmd_import_usage(argc < 2 ? stderr : stdout);
		return (argc < 2 ? 2 : 0);
	}
	if (strcmp(argv[1], "attendance") == 0)
		opt.kind = IMPORT_ATTENDANCE;
	else if (strcmp(argv[1], "returns") == 0)
		opt.kind = IMPORT_RETURNS;
	else {
		fprintf(stderr, "cme import: unknown kind of file '%s' "
		    "(attendance or returns)\n", argv[1]);
		return (2);
	}
	opt.as_of = date_today();
	optind = 1;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			ci.bad_path = optarg;
			break;
		case 'a':
			if (date_parse_iso(optarg, &opt.as_of) != 0) {
				fprintf(stderr, "cme import: --as-of: '%s' is not "
				    "a date (YYYY-MM-DD)\n", optarg);
				return (2);
			}
			break;
		case 'h':
			cmd_import_usage(stdout);
			return (0);
		default:
			cmd_import_usage(stderr);
			return (2);
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "cme import %s: name one FILE (or - for "
		    "stdin)\n", argv[0]);
		return (2);
	}
	path = argv[optind];
	if (strcmp(path, "-") == 0) {
		ci.fd = STDIN_FILENO;
		ci.label = "stdin";
	} else if ((ci.fd = open(path, O_RDONLY)) < 0) {
		fprintf(stderr, "cme import: %s: %s\n", path, strerror(errno));
		return (1);
	} else
		ci.label = path;
	if (fstat(ci.fd, &sb) == 0 && S_ISREG(sb.st_mode))
		ci.size = (uint64_t)sb.st_size;
	ci.tty = isatty(STDERR_FILENO) == 1;
	if (ci.bad_path != NULL) {
		if ((ci.bad = fopen(ci.bad_path, "w")) == NULL) {
			fprintf(stderr, "cme import: %s: %s\n", ci.bad_path,
			    strerror(errno));
			rc = 1;
			goto out;
		}
		fprintf(ci.bad, "line,reason,%s\n", import_header(opt.kind));
	}

	if ((db = db_connect(params, &err)) == NULL) {
		fprintf(stderr, "cme import: cannot connect: %s\n", err.message);
		rc = 1;
		goto out;
	}
	opt.read = cmd_import_read;
	opt.read_arg = &ci;
	opt.skip_bad = ci.bad != NULL;
	opt.on_reject = cmd_import_reject;
	opt.on_progress = cmd_import_progress;
	opt.arg = &ci;
	rc = import_run(db, &opt, &sum, &err);
	if (ci.bar_shown)
		fputs("\r\033[K", stderr);
	if (rc < 0) {
		fprintf(stderr, "cme import: %s\n", err.message);
		if (err.detail != NULL)
			fprintf(stderr, "  detail: %s\n", err.detail);
		if (err.hint != NULL)
			fprintf(stderr, "  hint: %s\n", err.hint);
		fprintf(stderr, "cme import: %s: nothing was imported\n",
		    ci.label);
		rc = 1;
	} else if (rc == 1 && sum.rows == 0) {
		fprintf(stderr, "cme import: %s: rejected; nothing was "
		    "imported\n", ci.label);
	} else if (rc == 1) {
		fprintf(stderr, "cme import: %s: rejected, %ld of %ld lines "
		    "bad; nothing was imported (--skip-bad FILE2 imports the "
		    "rest)\n", ci.label, sum.rejected, sum.rows);
	} else
		cmd_import_summary(&ci, opt.kind, &sum);
	if (ci.write_failed) {
		fprintf(stderr, "cme import: %s: could not write every "
		    "rejected line\n", ci.bad_path);
		rc = 1;
	}
out:
	if (ci.bad != NULL && fclose(ci.bad) != 0 && rc == 0) {
		fprintf(stderr, "cme import: %s: %s\n", ci.bad_path,
		    strerror(errno));
		rc = 1;
	}
	if (ci.fd > STDIN_FILENO)
		close(ci.fd);
	db_close(db);
	db_error_release(&err);
	return (rc);
}
