/*
 * model.c — the client's data: identity, the caseload window, the selected
 * child. Every screen's reads go out as one db batch (one round trip).
 *
 * Results arrive through db callbacks; each callback copies what it needs
 * into model-owned strings and bumps the generation counter of its part.
 * The record open in the detail pane lives in detail.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/detail.h"
#include "model/model.h"
#include "model/queries.h"
#include "util/xmalloc.h"

#define MODEL_PAGE	100	/* caseload rows per page */

struct model {
	struct db		*db;		/* borrowed */
	uint64_t		 gen[MODEL_PART_COUNT];
	enum model_conn		 conn;
	char			*conn_error;
	char			*user_name;
	char			*la_name;

	struct case_row		*rows;		/* owned */
	int			 nrows;
	int			 caprows;
	bool			 complete;
	bool			 loading;
	char			*list_error;

	struct detail		*detail;	/* owned */
	int			 selected;	/* row index, -1 none */
};

static char *
model_dup(const struct db_rows *r, int row, const char *col)
{
	const char	*v;

	v = db_rows_value(r, row, db_rows_find(r, col));
	return (xstrdup(v != NULL ? v : ""));
}

static int
model_int(const struct db_rows *r, int row, const char *col)
{
	const char	*v;

	v = db_rows_value(r, row, db_rows_find(r, col));
	return (v != NULL ? atoi(v) : 0);
}

static void
model_bump(struct model *m, enum model_part part)
{
	m->gen[part]++;
}

struct model *
model_new(struct db *db)
{
	struct model	*m;

	m = xcalloc(1, sizeof *m);
	m->db = db;
	m->conn = MODEL_CONNECTING;
	m->user_name = xstrdup("");
	m->la_name = xstrdup("");
	m->selected = -1;
	m->detail = detail_new(db);
	return (m);
}

static void
model_row_release(struct case_row *r)
{
	free(r->case_id);
	free(r->child_id);
	free(r->la_code);
	free(r->child_name);
	free(r->upn);
	free(r->status);
	free(r->referred_on);
}

static void
model_list_clear(struct model *m)
{
	int	i;

	for (i = 0; i < m->nrows; i++)
		model_row_release(&m->rows[i]);
	m->nrows = 0;
	m->complete = false;
	m->loading = false;
	free(m->list_error);
	m->list_error = NULL;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	model_list_clear(m);
	free(m->rows);
	detail_free(m->detail);
	free(m->conn_error);
	free(m->user_name);
	free(m->la_name);
	free(m);
}

/* ---- identity ---- */

static void
model_on_whoami(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct model	*m = arg;

	if (err != NULL || db_rows_count(r) == 0) {
		free(m->user_name);
		m->user_name = xstrdup(db_user(m->db));
		free(m->la_name);
		m->la_name = xstrdup(err != NULL ? "" : "not a member of staff");
	} else {
		free(m->user_name);
		m->user_name = model_dup(r, 0, "display_name");
		free(m->la_name);
		m->la_name = model_dup(r, 0, "la_name");
	}
	model_bump(m, MODEL_CONN);
}

/* ---- caseload ---- */

static void
model_on_caseload(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct model	*m = arg;
	int		 i, n;

	m->loading = false;
	if (err != NULL) {
		free(m->list_error);
		m->list_error = xstrdup(err->message);
		model_bump(m, MODEL_LIST);
		return;
	}
	n = db_rows_count(r);
	if (m->nrows + n > m->caprows) {
		m->caprows = m->nrows + n + MODEL_PAGE;
		m->rows = xreallocarray(m->rows, (size_t)m->caprows,
		    sizeof *m->rows);
	}
	for (i = 0; i < n; i++) {
		struct case_row *row = &m->rows[m->nrows++];

		row->case_id = model_dup(r, i, "case_id");
		row->child_id = model_dup(r, i, "child_id");
		row->la_code = model_dup(r, i, "la_code");
		row->child_name = model_dup(r, i, "child_name");
		row->upn = model_dup(r, i, "upn");
		row->status = model_dup(r, i, "status");
		row->referred_on = model_dup(r, i, "referred_on");
		row->days_open = model_int(r, i, "days_open");
	}
	if (n < MODEL_PAGE)
		m->complete = true;
	model_bump(m, MODEL_LIST);
}

/* Adds the next caseload page (keyset after the last row) to a batch. */
static void
model_add_page(struct model *m, struct db_batch *b)
{
	char		 limit[16];
	const char	*params[3];

	snprintf(limit, sizeof limit, "%d", MODEL_PAGE);
	if (m->nrows == 0) {
		params[0] = NULL;
		params[1] = NULL;
	} else {
		params[0] = m->rows[m->nrows - 1].referred_on;
		params[1] = m->rows[m->nrows - 1].case_id;
	}
	params[2] = limit;
	db_batch_add(b, QUERY_MY_CASELOAD, 3, params, model_on_caseload, m);
	m->loading = true;
}

void
model_start(struct model *m)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	model_list_clear(m);
	b = db_batch_new();
	db_batch_add(b, QUERY_WHOAMI, 0, NULL, model_on_whoami, m);
	model_add_page(m, b);
	if (db_batch_send(m->db, b, &err) != 0) {
		m->loading = false;
		free(m->list_error);
		m->list_error = xstrdup(err.message);
	}
	db_error_release(&err);
	model_bump(m, MODEL_LIST);
}

void
model_list_want(struct model *m, int want)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (m->complete || m->loading || want < m->nrows ||
	    m->conn != MODEL_ONLINE || m->list_error != NULL)
		return;
	b = db_batch_new();
	model_add_page(m, b);
	if (db_batch_send(m->db, b, &err) != 0)
		m->loading = false;
	db_error_release(&err);
}

int
model_list_loaded(const struct model *m)
{
	return (m->nrows);
}

bool
model_list_complete(const struct model *m)
{
	return (m->complete);
}

bool
model_list_loading(const struct model *m)
{
	return (m->loading);
}

/* Borrowed until the list changes (model_gen(MODEL_LIST) moves). */
const struct case_row *
model_list_row(const struct model *m, int i)
{
	if (i < 0 || i >= m->nrows)
		return (NULL);
	return (&m->rows[i]);
}

const char *
model_list_error(const struct model *m)
{
	return (m->list_error);
}

/* ---- the selected record ---- */

void
model_select(struct model *m, int row)
{
	const struct case_row	*cr;
	struct detail_key	 key;

	if ((cr = model_list_row(m, row)) == NULL)
		return;
	memset(&key, 0, sizeof key);
	snprintf(key.la_code, sizeof key.la_code, "%s", cr->la_code);
	snprintf(key.child_id, sizeof key.child_id, "%s", cr->child_id);
	snprintf(key.case_id, sizeof key.case_id, "%s", cr->case_id);
	m->selected = row;
	detail_open(m->detail, &key);
}

/* Borrowed for the life of the model. */
struct detail *
model_detail(const struct model *m)
{
	return (m->detail);
}

/* ---- connection ---- */

void
model_update(struct model *m)
{
	enum model_conn		 now;
	const struct db_error	*e;

	switch (db_state(m->db)) {
	case DB_CONNECTING:
		now = MODEL_CONNECTING;
		break;
	case DB_BROKEN:
		now = MODEL_OFFLINE;
		break;
	default:
		now = MODEL_ONLINE;
		break;
	}
	if (now == m->conn)
		return;
	m->conn = now;
	free(m->conn_error);
	m->conn_error = NULL;
	if (now == MODEL_OFFLINE) {
		e = db_last_error(m->db);
		m->conn_error = xstrdup(e->message != NULL ? e->message :
		    "the database connection was lost");
		m->loading = false;
	}
	model_bump(m, MODEL_CONN);
}

void
model_reconnect(struct model *m)
{
	if (m->conn != MODEL_OFFLINE)
		return;
	if (db_reconnect_start(m->db) == 0)
		model_start(m);
	model_update(m);
	detail_reset(m->detail);
	m->selected = -1;
}

uint64_t
model_gen(const struct model *m, enum model_part part)
{
	if (part == MODEL_DETAIL)
		return (detail_gen(m->detail));
	return (m->gen[part]);
}

enum model_conn
model_conn_state(const struct model *m)
{
	return (m->conn);
}

const char *
model_conn_error(const struct model *m)
{
	return (m->conn_error);
}

const char *
model_user_name(const struct model *m)
{
	return (m->user_name);
}

const char *
model_la_name(const struct model *m)
{
	return (m->la_name);
}

void
model_db_stats(const struct model *m, struct db_stats *st)
{
	db_stats_get(m->db, st);
}
