/*
 * report.c — the DfE CME return: rows from cme.cme_return() (016_report.sql,
 * where every figure is defined), the DfE rounding convention, the CSV
 * form for `cme report cme-return`, and the Reports screen's data.
 *
 * The CSV holds numbers and fixed labels only, but the reason labels come
 * from a reference table an LA administrator edits, so every field still
 * goes through report_csv_field(): quoted per RFC 4180 when it needs to
 * be, and never starting with a character a spreadsheet takes for a
 * formula.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/report.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

#define REPORT_SQL \
	"SELECT la_code, census_date, breakdown, category, label, children " \
	"FROM cme.cme_return($1::date, $2::smallint)"
#define REPORTS_SQL \
	"SELECT breakdown, category, label, census_date, children, " \
	"prev_census_date, prev_children FROM cme.cme_return_terms()"

struct reports {
	struct report	 data;
	bool		 have;
	bool		 loading;
	char		*error;		/* owned */
	uint64_t	 gen;
};

void
report_release(struct report *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		free(r->rows[i].breakdown);
		free(r->rows[i].category);
		free(r->rows[i].label);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

void
report_round(long n, bool rounded, char *out, size_t outsize)
{
	if (!rounded || n == 0)
		snprintf(out, outsize, "%ld", n);
	else if (n < 5)
		snprintf(out, outsize, "low");
	else
		snprintf(out, outsize, "%ld", (n + 5) / 10 * 10);
}

void
report_csv_field(struct sbuf *sb, const char *v)
{
	bool	quote;

	quote = strpbrk(v, ",\"\r\n") != NULL;
	if (quote)
		sbuf_append_char(sb, '"');
	if (strchr("=+-@\t\r", *v) != NULL && *v != '\0')
		sbuf_append_char(sb, '\'');
	for (; *v != '\0'; v++) {
		if (*v == '"')
			sbuf_append_char(sb, '"');
		sbuf_append_char(sb, *v);
	}
	if (quote)
		sbuf_append_char(sb, '"');
}

static const char *
report_value(const struct db_rows *rows, int row, const char *col)
{
	const char	*v;
	int		 c;

	if ((c = db_rows_find(rows, col)) < 0 ||
	    (v = db_rows_value(rows, row, c)) == NULL)
		return (NULL);
	return (v);
}

int
report_read(struct report *r, const struct db_rows *rows)
{
	const char	*v;
	int		 i, n;

	memset(r, 0, sizeof *r);
	n = db_rows_count(rows);
	r->rows = xcalloc(n > 0 ? (size_t)n : 1, sizeof *r->rows);
	for (i = 0; i < n; i++) {
		struct report_row *row = &r->rows[r->n++];

		v = report_value(rows, i, "breakdown");
		row->breakdown = xstrdup(v != NULL ? v : "");
		v = report_value(rows, i, "category");
		row->category = xstrdup(v != NULL ? v : "");
		v = report_value(rows, i, "label");
		row->label = xstrdup(v != NULL ? v : "");
		v = report_value(rows, i, "children");
		row->children = v != NULL ? strtol(v, NULL, 10) : 0;
		v = report_value(rows, i, "prev_children");
		row->prev = v != NULL ? strtol(v, NULL, 10) : -1;
		if (i == 0) {
			if ((v = report_value(rows, i, "la_code")) != NULL)
				snprintf(r->la_code, sizeof r->la_code, "%s",
				    v);
			if ((v = report_value(rows, i, "census_date")) != NULL)
				snprintf(r->census, sizeof r->census, "%s", v);
			if ((v = report_value(rows, i, "prev_census_date")) !=
			    NULL)
				snprintf(r->prev_census,
				    sizeof r->prev_census, "%s", v);
		}
	}
	return (0);
}

int
report_fetch(struct db *db, const char *census, const char *la,
    struct report *r, struct db_error *err)
{
	struct db_rows	*rows;
	const char	*p[2];

	p[0] = census;
	p[1] = la;
	if ((rows = db_query(db, REPORT_SQL, 2, p, err)) == NULL)
		return (-1);
	report_read(r, rows);
	db_rows_free(rows);
	return (0);
}

void
report_csv(const struct report *r, bool rounded, struct sbuf *sb)
{
	char	num[32];
	size_t	i;

	sbuf_append_str(sb, "la_code,census_date,breakdown,category,label,"
	    "children\r\n");
	for (i = 0; i < r->n; i++) {
		report_csv_field(sb, r->la_code);
		sbuf_append_char(sb, ',');
		report_csv_field(sb, r->census);
		sbuf_append_char(sb, ',');
		report_csv_field(sb, r->rows[i].breakdown);
		sbuf_append_char(sb, ',');
		report_csv_field(sb, r->rows[i].category);
		sbuf_append_char(sb, ',');
		report_csv_field(sb, r->rows[i].label);
		sbuf_append_char(sb, ',');
		report_round(r->rows[i].children, rounded, num, sizeof num);
		report_csv_field(sb, num);
		sbuf_append_str(sb, "\r\n");
	}
}

/* ---- the Reports screen ---- */

struct reports *
reports_new(void)
{
	return (xcalloc(1, sizeof(struct reports)));
}

void
reports_free(struct reports *rs)
{
	if (rs == NULL)
		return;
	report_release(&rs->data);
	free(rs->error);
	free(rs);
}

static void
reports_on_rows(void *arg, const struct db_rows *rows,
    const struct db_error *err)
{
	struct reports	*rs = arg;

	rs->loading = false;
	free(rs->error);
	rs->error = NULL;
	if (err != NULL) {
		rs->error = xstrdup(err->message != NULL ? err->message :
		    "the return could not be read");
	} else {
		report_release(&rs->data);
		report_read(&rs->data, rows);
		rs->have = true;
	}
	rs->gen++;
}

void
reports_request(struct reports *rs, struct db *db)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (rs->loading)
		return;
	rs->loading = true;
	rs->gen++;
	b = db_batch_new();
	db_batch_add(b, REPORTS_SQL, 0, NULL, reports_on_rows, rs);
	(void)db_batch_send(db, b, &err);	/* the callback says */
	db_error_release(&err);
}

bool
reports_loading(const struct reports *rs)
{
	return (rs->loading);
}

const struct report *
reports_data(const struct reports *rs)
{
	return (rs->have ? &rs->data : NULL);
}

const char *
reports_error(const struct reports *rs)
{
	return (rs->error);
}

uint64_t
reports_gen(const struct reports *rs)
{
	return (rs->gen);
}
