/*
 * workload.c — the rows of the supervisor's workload view and their order.
 *
 * The figures are defined and scoped in 016_report.sql (cme.workload():
 * supervisors and managers of the LA only). The answer replaces every row;
 * the sort is kept across answers, and ties fall back to the officer's
 * name so that the order never depends on the server's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/db.h"
#include "model/workload.h"
#include "util/xmalloc.h"

#define WORKLOAD_SQL \
	"SELECT role_name, display_name, team, open_cases, open_alerts, " \
	"overdue_clocks, contacts_10d, untouched_days, untouched_case " \
	"FROM cme.workload()"

struct workload {
	struct workload_row	*rows;		/* owned, n entries */
	size_t			 n;
	bool			 loaded;
	bool			 loading;
	char			*error;		/* owned */
	enum workload_col	 sort;
	bool			 desc;
	uint64_t		 gen;
};

static const char *workload_titles[WL_COL_COUNT] = {
	[WL_OFFICER] = "Officer",
	[WL_CASES] = "Cases",
	[WL_ALERTS] = "Alerts",
	[WL_OVERDUE] = "Overdue",
	[WL_CONTACTS] = "Contacts",
	[WL_UNTOUCHED] = "Untouched",
};

/* The sort comparator's column and direction (qsort has no argument). */
static enum workload_col	workload_cmp_col;
static bool			workload_cmp_desc;

static void
workload_clear(struct workload *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++) {
		free(w->rows[i].role);
		free(w->rows[i].name);
		free(w->rows[i].team);
		free(w->rows[i].untouched_case);
	}
	free(w->rows);
	w->rows = NULL;
	w->n = 0;
}

struct workload *
workload_new(void)
{
	struct workload	*w;

	w = xcalloc(1, sizeof *w);
	w->sort = WL_CASES;
	w->desc = true;
	return (w);
}

void
workload_free(struct workload *w)
{
	if (w == NULL)
		return;
	workload_clear(w);
	free(w->error);
	free(w);
}

static int
workload_cmp(const void *a, const void *b)
{
	const struct workload_row	*x = a, *y = b;
	int				 c = 0;

	if (workload_cmp_col != WL_OFFICER) {
		if (x->v[workload_cmp_col] != y->v[workload_cmp_col])
			c = x->v[workload_cmp_col] < y->v[workload_cmp_col] ?
			    -1 : 1;
		if (workload_cmp_desc)
			c = -c;
	}
	if (c == 0) {
		c = strcasecmp(x->name, y->name);
		if (workload_cmp_col == WL_OFFICER && workload_cmp_desc)
			c = -c;
	}
	if (c == 0)
		c = strcmp(x->role, y->role);
	return (c);
}

static void
workload_order(struct workload *w)
{
	workload_cmp_col = w->sort;
	workload_cmp_desc = w->desc;
	if (w->n > 1)
		qsort(w->rows, w->n, sizeof *w->rows, workload_cmp);
}

static const char *
workload_value(const struct db_rows *r, int row, const char *col)
{
	int	c = db_rows_find(r, col);

	return (c < 0 ? NULL : db_rows_value(r, row, c));
}

static long
workload_number(const struct db_rows *r, int row, const char *col,
    long none)
{
	const char	*v = workload_value(r, row, col);

	return (v != NULL ? strtol(v, NULL, 10) : none);
}

static void
workload_on_rows(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct workload	*w = arg;
	const char	*v;
	int		 i, n;

	w->loading = false;
	free(w->error);
	w->error = NULL;
	if (err != NULL) {
		w->error = xstrdup(err->message != NULL ? err->message :
		    "the workload could not be read");
		w->gen++;
		return;
	}
	workload_clear(w);
	n = db_rows_count(r);
	w->rows = xcalloc(n > 0 ? (size_t)n : 1, sizeof *w->rows);
	for (i = 0; i < n; i++) {
		struct workload_row *row = &w->rows[w->n++];

		v = workload_value(r, i, "role_name");
		row->role = xstrdup(v != NULL ? v : "");
		v = workload_value(r, i, "display_name");
		row->name = xstrdup(v != NULL ? v : "");
		v = workload_value(r, i, "team");
		row->team = xstrdup(v != NULL ? v : "");
		v = workload_value(r, i, "untouched_case");
		row->untouched_case = xstrdup(v != NULL ? v : "");
		row->v[WL_OFFICER] = 0;
		row->v[WL_CASES] = workload_number(r, i, "open_cases", 0);
		row->v[WL_ALERTS] = workload_number(r, i, "open_alerts", 0);
		row->v[WL_OVERDUE] = workload_number(r, i, "overdue_clocks",
		    0);
		row->v[WL_CONTACTS] = workload_number(r, i, "contacts_10d",
		    0);
		row->v[WL_UNTOUCHED] = workload_number(r, i,
		    "untouched_days", -1);
	}
	w->loaded = true;
	workload_order(w);
	w->gen++;
}

void
workload_request(struct workload *w, struct db *db)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (w->loading)
		return;
	w->loading = true;
	w->gen++;
	b = db_batch_new();
	db_batch_add(b, WORKLOAD_SQL, 0, NULL, workload_on_rows, w);
	(void)db_batch_send(db, b, &err);	/* the callback says */
	db_error_release(&err);
}

bool
workload_loading(const struct workload *w)
{
	return (w->loading);
}

bool
workload_loaded(const struct workload *w)
{
	return (w->loaded);
}

const char *
workload_error(const struct workload *w)
{
	return (w->error);
}

size_t
workload_count(const struct workload *w)
{
	return (w->n);
}

const struct workload_row *
workload_row(const struct workload *w, size_t i)
{
	return (i < w->n ? &w->rows[i] : NULL);
}

long
workload_max(const struct workload *w, enum workload_col c)
{
	long	m = 1;
	size_t	i;

	for (i = 0; i < w->n; i++)
		if (w->rows[i].v[c] > m)
			m = w->rows[i].v[c];
	return (m);
}

const char *
workload_col_title(enum workload_col c)
{
	return ((unsigned)c < WL_COL_COUNT ? workload_titles[c] : "");
}

void
workload_sort(struct workload *w, enum workload_col c, bool desc)
{
	if ((unsigned)c >= WL_COL_COUNT)
		return;
	w->sort = c;
	w->desc = desc;
	workload_order(w);
	w->gen++;
}

enum workload_col
workload_sort_col(const struct workload *w)
{
	return (w->sort);
}

bool
workload_sort_desc(const struct workload *w)
{
	return (w->desc);
}

long
workload_find(const struct workload *w, const char *role)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->rows[i].role, role) == 0)
			return ((long)i);
	return (-1);
}

uint64_t
workload_gen(const struct workload *w)
{
	return (w->gen);
}
