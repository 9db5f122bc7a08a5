/*
 * import.c — one `cme import` run: the header, the stream, COPY, the
 * server's verdict, the rejected lines in line order, COMMIT or ROLLBACK.
 *
 * Memory is bounded whatever the file: the CSV reader holds one record,
 * good lines go to the server in COPY chunks of IMPORT_COPY_CHUNK bytes,
 * and lines rejected here go to an anonymous temporary file (tmpfile())
 * as COPY text, sent after the data into the server's reject table, so
 * that the server merges them with its own and hands them all back in
 * line order, IMPORT_PAGE at a time. The transaction is opened after the
 * header is read and is never held open waiting for a person.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/import.h"
#include "model/import_rows.h"
#include "util/csv.h"
#include "util/date.h"
#include "util/sbuf.h"

#define IMPORT_COPY_CHUNK	(256 * 1024)	/* bytes per db_copy_put */
#define IMPORT_PAGE		2000		/* rejects fetched at a time */
#define IMPORT_PROGRESS_ROWS	8192		/* rows between callbacks */

struct import_state {
	const struct import_options	*opt;
	const struct import_format	*fmt;
	struct csv_reader		 cr;
	int				 map[IMPORT_MAX_COLS];	/* file column,
								 * or -1 */
	int				 nfile;	/* columns in the header */
	FILE				*bad;	/* owned: rejects, COPY text */
	long				 nbad;
	long				 rows;
};

static void	 import_reject_now(struct import_state *, long, const char *);
static int	 import_header_map(struct import_state *, char *, size_t);
static void	 import_csv_line(struct import_state *, struct sbuf *);
static int	 import_bad(struct import_state *, long, const char *,
		     const char *, struct db_error *);
static int	 import_stream(struct import_state *, struct db *,
		     struct db_error *);
static int	 import_send_bad(struct import_state *, struct db *,
		     struct db_error *);
static int	 import_verdict(struct import_state *, struct db *,
		     struct import_summary *, struct db_error *);
static int	 import_rejects(struct import_state *, struct db *,
		     struct db_error *);
static long	 import_long(const struct db_rows *, const char *);
static void	 import_progress(struct import_state *, enum import_phase);

/* A reject that never reached the server (the header, an empty file). */
static void
import_reject_now(struct import_state *st, long line, const char *why)
{
	struct import_reject	 rj;

	rj.line = line;
	rj.reason = why;
	rj.csv = "";
	rj.whole_file = true;
	st->opt->on_reject(st->opt->arg, &rj);
}

static void
import_progress(struct import_state *st, enum import_phase phase)
{
	if (st->opt->on_progress != NULL)
		st->opt->on_progress(st->opt->arg, phase, csv_bytes(&st->cr),
		    st->rows);
}

/*
 * Maps the header's names (any case, any order, spaces around ignored) to
 * the format's columns. Returns 0, or -1 with why filled.
 */
static int
import_header_map(struct import_state *st, char *why, size_t len)
{
	const struct import_format	*fmt = st->fmt;
	char				 name[64];
	const char			*f;
	size_t				 n, k;
	int				 i, j;

	st->nfile = csv_fields(&st->cr);
	for (j = 0; j < fmt->ncols; j++)
		st->map[j] = -1;
	for (i = 0; i < st->nfile; i++) {
		f = csv_field(&st->cr, i);
		while (*f == ' ')
			f++;
		n = strlen(f);
		while (n > 0 && f[n - 1] == ' ')
			n--;
		if (n >= sizeof name)
			n = sizeof name - 1;
		for (k = 0; k < n; k++)
			name[k] = f[k] >= 'A' && f[k] <= 'Z' ?
			    (char)(f[k] - 'A' + 'a') : f[k];
		name[n] = '\0';
		for (j = 0; j < fmt->ncols; j++)
			if (strcmp(name, fmt->cols[j]) == 0)
				break;
		if (j == fmt->ncols) {
			snprintf(why, len, "the header has a column \"%s\" that "
			    "is not one of %s (is this the right kind of "
			    "file?)", name, fmt->header);
			return (-1);
		}
		if (st->map[j] != -1) {
			snprintf(why, len, "the header has the column \"%s\" "
			    "twice", name);
			return (-1);
		}
		st->map[j] = i;
	}
	for (j = 0; j < fmt->ncols; j++)
		if (fmt->required[j] && st->map[j] == -1) {
			snprintf(why, len, "the header has no column \"%s\" "
			    "(expected %s)", fmt->cols[j], fmt->header);
			return (-1);
		}
	return (0);
}

/* The current record's fields as one CSV line (no line end). */
static void
import_csv_line(struct import_state *st, struct sbuf *out)
{
	const char	*f;
	int		 i;

	for (i = 0; i < csv_fields(&st->cr); i++) {
		if (i > 0)
			sbuf_append_char(out, ',');
		f = csv_field(&st->cr, i);
		if (strpbrk(f, ",\"\r\n") == NULL) {
			sbuf_append_str(out, f);
			continue;
		}
		sbuf_append_char(out, '"');
		for (; *f != '\0'; f++) {
			if (*f == '"')
				sbuf_append_char(out, '"');
			sbuf_append_char(out, *f);
		}
		sbuf_append_char(out, '"');
	}
}

/* Keeps one rejected line for the server's reject table. */
static int
import_bad(struct import_state *st, long line, const char *why,
    const char *csv, struct db_error *err)
{
	struct sbuf	 b = SBUF_INIT;
	int		 rc = 0;

	if (st->bad == NULL && (st->bad = tmpfile()) == NULL) {
		db_error_set(err, NULL, "cannot make a temporary file: %s",
		    strerror(errno));
		return (-1);
	}
	sbuf_appendf(&b, "%ld\t", line);
	import_copy_field(&b, why);
	sbuf_append_char(&b, '\t');
	import_copy_field(&b, csv);
	sbuf_append_char(&b, '\n');
	if (fwrite(b.buf, 1, b.len, st->bad) != b.len) {
		db_error_set(err, NULL, "cannot write a temporary file: %s",
		    strerror(errno));
		rc = -1;
	}
	sbuf_release(&b);
	st->nbad++;
	return (rc);
}

/* Every data line: into COPY, or into the reject file. */
static int
import_stream(struct import_state *st, struct db *db, struct db_error *err)
{
	const struct import_format	*fmt = st->fmt;
	const char			*f[IMPORT_MAX_COLS];
	struct sbuf			 chunk = SBUF_INIT, csv = SBUF_INIT;
	char				 why[IMPORT_REASON_MAX];
	enum csv_result			 r;
	size_t				 before;
	long				 line;
	int				 j, rc = -1;

	if (db_copy_begin(db, fmt->copy_sql, err) != 0)
		return (-1);
	sbuf_init(&chunk, IMPORT_COPY_CHUNK + 4096);
	while ((r = csv_next(&st->cr)) != CSV_EOF) {
		line = csv_line(&st->cr);
		if (r == CSV_IO_ERROR) {
			db_error_set(err, NULL, "cannot read the file (line %ld):"
			    " %s", line, strerror(errno));
			db_copy_end(db, "read error", NULL);
			goto done;
		}
		st->rows++;
		if (st->rows % IMPORT_PROGRESS_ROWS == 0)
			import_progress(st, IMPORT_READING);
		if (r == CSV_BAD) {
			if (import_bad(st, line, csv_error(&st->cr), "",
			    err) != 0)
				goto abort;
			continue;
		}
		sbuf_reset(&csv);
		if (csv_fields(&st->cr) != st->nfile) {
			snprintf(why, sizeof why, "%d columns, but the header "
			    "has %d", csv_fields(&st->cr), st->nfile);
			import_csv_line(st, &csv);
			if (import_bad(st, line, why, csv.buf, err) != 0)
				goto abort;
			continue;
		}
		for (j = 0; j < fmt->ncols; j++)
			f[j] = st->map[j] < 0 ? NULL :
			    csv_field(&st->cr, st->map[j]);
		before = chunk.len;
		if (!fmt->row(f, line, &chunk, why)) {
			sbuf_truncate(&chunk, before);
			import_csv_line(st, &csv);
			if (import_bad(st, line, why, csv.buf, err) != 0)
				goto abort;
			continue;
		}
		if (chunk.len >= IMPORT_COPY_CHUNK) {
			if (db_copy_put(db, chunk.buf, chunk.len, err) != 0)
				goto abort;
			sbuf_reset(&chunk);
		}
	}
	if (chunk.len > 0 && db_copy_put(db, chunk.buf, chunk.len, err) != 0)
		goto abort;
	if (db_copy_end(db, NULL, err) < 0)
		goto done;
	rc = 0;
	goto done;
abort:
	db_copy_end(db, "import stopped", NULL);
done:
	import_progress(st, IMPORT_READING);
	sbuf_release(&chunk);
	sbuf_release(&csv);
	return (rc);
}

/* The lines rejected here join the server's reject table. */
static int
import_send_bad(struct import_state *st, struct db *db, struct db_error *err)
{
	char	 buf[64 * 1024];
	size_t	 n;

	if (st->nbad == 0)
		return (0);
	if (fflush(st->bad) != 0 || fseek(st->bad, 0, SEEK_SET) != 0) {
		db_error_set(err, NULL, "cannot read a temporary file: %s",
		    strerror(errno));
		return (-1);
	}
	if (db_copy_begin(db, "COPY pg_temp.cme_import_reject (line_no, "
	    "reason, csv) FROM STDIN", err) != 0)
		return (-1);
	while ((n = fread(buf, 1, sizeof buf, st->bad)) > 0)
		if (db_copy_put(db, buf, n, err) != 0) {
			db_copy_end(db, "import stopped", NULL);
			return (-1);
		}
	if (ferror(st->bad)) {
		db_error_set(err, NULL, "cannot read a temporary file");
		db_copy_end(db, "import stopped", NULL);
		return (-1);
	}
	return (db_copy_end(db, NULL, err) < 0 ? -1 : 0);
}

static long
import_long(const struct db_rows *rows, const char *col)
{
	const char	*v;
	int		 c;

	if ((c = db_rows_find(rows, col)) < 0 ||
	    (v = db_rows_value(rows, 0, c)) == NULL)
		return (0);
	if (strcmp(v, "t") == 0)
		return (1);
	return (strtol(v, NULL, 10));
}

/* The server checks, merges and raises alerts; fills the summary. */
static int
import_verdict(struct import_state *st, struct db *db,
    struct import_summary *sum, struct db_error *err)
{
	struct db_rows	*rows;
	const char	*params[2];
	char		 iso[DATE_ISO_LEN + 1];

	date_format_iso(st->opt->as_of, iso);
	params[0] = st->opt->skip_bad ? "true" : "false";
	params[1] = iso;
	if ((rows = db_query(db, st->fmt->apply_sql, 2, params, err)) == NULL)
		return (-1);
	sum->rows = import_long(rows, "rows_read");
	sum->rejected = import_long(rows, "rows_rejected");
	sum->applied = import_long(rows, "applied") != 0;
	sum->updated = import_long(rows, "rows_updated");
	sum->inserted = import_long(rows, "rows_inserted");
	sum->returns = import_long(rows, "returns_stored");
	sum->children = import_long(rows, "children_created");
	sum->opened = import_long(rows, "enrolments_opened");
	sum->closed = import_long(rows, "enrolments_closed");
	sum->duplicates = import_long(rows, "possible_duplicates");
	sum->already = import_long(rows, "already_received");
	sum->alerts = import_long(rows, "alerts");
	sum->batch = import_long(rows, "batch");
	db_rows_free(rows);
	return (0);
}

/* Every rejected line, in line order, a page at a time. */
static int
import_rejects(struct import_state *st, struct db *db, struct db_error *err)
{
	struct db_rows		*rows;
	struct import_reject	 rj;
	const char		*params[2];
	char			 after[32], page[16];
	int			 i, n;

	snprintf(after, sizeof after, "%d", -1);
	snprintf(page, sizeof page, "%d", IMPORT_PAGE);
	for (;;) {
		params[0] = after;
		params[1] = page;
		rows = db_query(db, "SELECT line_no, string_agg(reason, '; ' "
		    "ORDER BY reason) AS reason, max(csv) AS csv "
		    "FROM pg_temp.cme_import_reject WHERE line_no > $1::integer "
		    "GROUP BY line_no ORDER BY line_no LIMIT $2::integer",
		    2, params, err);
		if (rows == NULL)
			return (-1);
		n = db_rows_count(rows);
		for (i = 0; i < n; i++) {
			rj.line = strtol(db_rows_value(rows, i, 0), NULL, 10);
			rj.reason = db_rows_value(rows, i, 1);
			rj.csv = db_rows_value(rows, i, 2);
			if (rj.csv == NULL)
				rj.csv = "";
			rj.whole_file = false;
			st->opt->on_reject(st->opt->arg, &rj);
			snprintf(after, sizeof after, "%ld", rj.line);
		}
		db_rows_free(rows);
		if (n < IMPORT_PAGE)
			return (0);
	}
}

int
import_run(struct db *db, const struct import_options *opt,
    struct import_summary *sum, struct db_error *err)
{
	struct import_state	 st;
	enum csv_result		 r;
	char			 why[512];
	const char		*params[1];
	int			 rc = -1;
	bool			 in_tx = false;

	memset(sum, 0, sizeof *sum);
	memset(&st, 0, sizeof st);
	st.opt = opt;
	st.fmt = import_format(opt->kind);
	csv_init(&st.cr, opt->read, opt->read_arg, 0);

	/* The header: nothing reaches the server without a good one. */
	r = csv_next(&st.cr);
	if (r == CSV_IO_ERROR) {
		db_error_set(err, NULL, "cannot read the file: %s",
		    strerror(errno));
		goto out;
	}
	if (r == CSV_EOF) {
		snprintf(why, sizeof why, "the file is empty (expected a "
		    "header line: %s)", st.fmt->header);
		import_reject_now(&st, 0, why);
		sum->rejected = 1;
		rc = 1;
		goto out;
	}
	if (r == CSV_BAD || import_header_map(&st, why, sizeof why) != 0) {
		if (r == CSV_BAD)
			snprintf(why, sizeof why, "the header line: %s",
			    csv_error(&st.cr));
		import_reject_now(&st, csv_line(&st.cr), why);
		sum->rejected = 1;
		rc = 1;
		goto out;
	}

	/* Before the first temp table: the staging stays in memory. */
	db_command(db, "SET temp_buffers = '256MB'", 0, NULL, NULL);
	db_command(db, "SET client_min_messages = warning", 0, NULL, NULL);
	if (db_command(db, "BEGIN", 0, NULL, err) < 0)
		goto out;
	in_tx = true;
	params[0] = st.fmt->name;
	if (db_command(db, "SELECT cme.import_begin($1)", 1, params, err) < 0)
		goto out;
	if (import_stream(&st, db, err) != 0 ||
	    import_send_bad(&st, db, err) != 0)
		goto out;
	import_progress(&st, IMPORT_CHECKING);
	if (import_verdict(&st, db, sum, err) != 0)
		goto out;
	if (sum->rejected > 0 && import_rejects(&st, db, err) != 0)
		goto out;
	if (sum->applied) {
		if (db_command(db, "COMMIT", 0, NULL, err) < 0) {
			in_tx = false;
			sum->applied = false;
			goto out;
		}
		in_tx = false;
		rc = 0;
	} else
		rc = sum->rejected > 0 ? 1 : 0;
	import_progress(&st, IMPORT_DONE);
out:
	if (in_tx)
		db_command(db, "ROLLBACK", 0, NULL, NULL);
	if (st.bad != NULL)
		fclose(st.bad);
	csv_release(&st.cr);
	return (rc);
}
