/*
 * model.c — the client's data: identity, the lists (list.c) and the open
 * record (detail.c). Every screen's reads go out as one db batch (one
 * round trip).
 *
 * Results arrive through db callbacks; each callback copies what it needs
 * into model-owned strings and bumps the generation counter of its part.
 * The record open in the detail pane lives in detail.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "model/casework.h"
#include "model/desk.h"
#include "model/detail.h"
#include "model/drafts.h"
#include "model/list.h"
#include "model/saved_queue.h"
#include "model/search.h"
#include "model/model.h"
#include "model/queries.h"
#include "util/xmalloc.h"


struct model {
	struct db		*db;		/* borrowed */
	uint64_t		 gen[MODEL_PART_COUNT];
	enum model_conn		 conn;
	char			*conn_error;
	char			*user_name;
	char			*la_name;
	char			*kind;		/* staff kind, "" until known */

	struct list		*list;		/* owned */
	int			 la_code;	/* from whoami, 0 unknown */
	int			 news;		/* notifications not shown */
	struct saved_queue	*saved;		/* owned, the caller's queues */
	size_t			 nsaved;
	char			*pending_replace; /* owned: :save NAME twice */
	char			*notice;	/* owned, for the status line */
	double			 retry_at;	/* ms: next automatic reconnect */
	int			 backoff_ms;	/* doubles per failure, 1 s..30 s */
	bool			 counts_inflight;
	bool			 counts_again;	/* news came during a refresh */

	struct detail		*detail;	/* owned */
	long			 selected;	/* row index, -1 none */
	struct drafts		*drafts;	/* owned */
	char			**staff;	/* owned: officers of the LA */
	size_t			 nstaff;
	struct desk		*desk;		/* owned: supervisor reads */
};

#define MODEL_BACKOFF_MIN	1000	/* ms before the first retry */
#define MODEL_BACKOFF_MAX	30000	/* ms between retries at most */

static void	model_on_counts_done(void *);
static void	model_on_summaries(void *, const struct db_rows *);
static void	model_on_saved(void *, const struct db_rows *,
		    const struct db_error *);
static void	model_on_notify(void *, const char *, const char *);

static void
model_on_draft_notice(void *arg, const char *text)
{
	model_notice(arg, text);
}

static void
model_staff_free(struct model *m)
{
	size_t	i;

	for (i = 0; i < m->nstaff; i++)
		free(m->staff[i]);
	m->nstaff = 0;
}

/* The officers of the LA, for completing an assignment. */
static void
model_on_staff(void *arg, const struct db_rows *r, const struct db_error *err)
{
	struct model	*m = arg;
	int		 i, n;

	if (err != NULL)
		return;
	model_staff_free(m);
	n = db_rows_count(r);
	m->staff = xreallocarray(m->staff, (size_t)n + 1, sizeof *m->staff);
	for (i = 0; i < n; i++)
		if (db_rows_value(r, i, 0) != NULL)
			m->staff[m->nstaff++] = xstrdup(db_rows_value(r, i, 0));
	m->staff[m->nstaff] = NULL;
}

/* NULL-terminated, borrowed until the next reconnect. */
const char *const *
model_staff(const struct model *m)
{
	return ((const char *const *)m->staff);
}

struct drafts *
model_drafts(const struct model *m)
{
	return (m->drafts);
}

static double
model_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6);
}

static char *
model_dup(const struct db_rows *r, int row, const char *col)
{
	const char	*v;

	v = db_rows_value(r, row, db_rows_find(r, col));
	return (xstrdup(v != NULL ? v : ""));
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
	m->kind = xstrdup("");
	m->selected = -1;
	m->detail = detail_new(db);
	m->list = list_new(db);
	m->desk = desk_new(db);
	list_on_counts_done(m->list, model_on_counts_done, m);
	list_set_prefetch(m->list, model_on_summaries, m);
	db_set_notify(db, model_on_notify, m);
	m->drafts = drafts_new(db, model_on_draft_notice, m);
	m->staff = xcalloc(1, sizeof *m->staff);
	return (m);
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	desk_free(m->desk);
	list_free(m->list);
	detail_free(m->detail);
	drafts_free(m->drafts);
	casework_forget();
	model_staff_free(m);
	free(m->staff);
	saved_queue_list_free(m->saved, m->nsaved);
	free(m->pending_replace);
	free(m->notice);
	free(m->conn_error);
	free(m->user_name);
	free(m->la_name);
	free(m->kind);
	free(m);
}

/* ---- live push ---- */

static void
model_on_counts_done(void *arg)
{
	struct model	*m = arg;

	m->counts_inflight = false;
	if (m->counts_again) {
		m->counts_again = false;
		model_refresh_counts(m);
	}
}

static void
model_on_notify(void *arg, const char *channel, const char *payload)
{
	struct model	*m = arg;

	(void)payload;
	if (strncmp(channel, "cme_alerts_", 11) != 0)
		return;
	m->news++;
	model_refresh_counts(m);
	model_bump(m, MODEL_CONN);
}

int
model_news(const struct model *m)
{
	return (m->news);
}

void
model_show_news(struct model *m)
{
	m->news = 0;
	list_refresh(m->list, NULL);
	model_refresh_counts(m);
	model_bump(m, MODEL_CONN);
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
		free(m->kind);
		m->kind = model_dup(r, 0, "kind");
	}
	model_bump(m, MODEL_CONN);
}

/* ---- lists ---- */

/* Borrowed for the life of the model. */
struct db *
model_db(const struct model *m)
{
	return (m->db);
}

/* Borrowed for the life of the model. */
struct list *
model_list(const struct model *m)
{
	return (m->list);
}

int
model_list_loaded(const struct model *m)
{
	return (list_held(m->list));
}

void
model_start(struct model *m)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	/*
	 * The first screen in one round trip: who I am, the queue counts,
	 * the current queue's first page, and LISTEN for live alert and case changes
	 * (last: it is session state, rebuilt on every reconnect).
	 */
	b = db_batch_new();
	db_batch_add(b, QUERY_WHOAMI, 0, NULL, model_on_whoami, m);
	list_add_counts(m->list, b);
	list_open_in(m->list, list_queue(m->list), b);
	saved_queue_add_list(b, model_on_saved, m);
	db_batch_add(b, QUERY_STAFF_NAMES, 0, NULL, model_on_staff, m);
	db_batch_add(b, QUERY_LISTEN_ALERTS, 0, NULL, NULL, NULL);
	drafts_add_key(m->drafts, b);
	if (db_batch_send(m->db, b, &err) != 0) {
		free(m->conn_error);
		m->conn_error = xstrdup(err.message);
	}
	db_error_release(&err);
	model_bump(m, MODEL_CONN);
}

void
model_open_queue(struct model *m, enum list_queue q)
{
	list_open(m->list, q);
	m->selected = -1;
}

/* At most one counts refresh in flight; news during it asks for one more. */
void
model_refresh_counts(struct model *m)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (m->counts_inflight) {
		m->counts_again = true;
		return;
	}
	m->counts_inflight = true;
	b = db_batch_new();
	list_add_counts(m->list, b);
	(void)db_batch_send(m->db, b, &err);
	db_error_release(&err);
}

/* ---- saved queues, search, limit ---- */

void
model_notice(struct model *m, const char *text)
{
	free(m->notice);
	m->notice = text != NULL ? xstrdup(text) : NULL;
	model_bump(m, MODEL_CONN);
}

/* The notice for the status line, handed over (the caller frees it). */
char *
model_take_notice(struct model *m)
{
	char	*n = m->notice;

	m->notice = NULL;
	return (n);
}

static void
model_on_saved(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct model	*m = arg;

	if (err != NULL)
		return;
	saved_queue_list_free(m->saved, m->nsaved);
	m->saved = saved_queue_list_read(r, &m->nsaved);
	model_bump(m, MODEL_LIST);
}

struct model_save {
	struct model	*m;
	char		*name;
};

static void
model_on_save(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct model_save	*sv = arg;
	struct model		*m = sv->m;
	char			 buf[256];

	if (err != NULL) {
		snprintf(buf, sizeof buf, "not saved: %s", err->message);
		model_notice(m, buf);
	} else if (!saved_queue_saved(r)) {
		snprintf(buf, sizeof buf, "a queue called '%s' exists: "
		    ":save %s again to replace it", sv->name, sv->name);
		model_notice(m, buf);
		free(m->pending_replace);
		m->pending_replace = xstrdup(sv->name);
	} else {
		snprintf(buf, sizeof buf, "saved as queue '%s'", sv->name);
		model_notice(m, buf);
		free(m->pending_replace);
		m->pending_replace = NULL;
	}
	free(sv->name);
	free(sv);
}

int
model_save_queue(struct model *m, const char *name, char *msg,
    size_t msgsize)
{
	struct model_save	*sv;
	struct db_batch		*b;
	struct db_error		 err = { "", NULL, NULL, NULL };
	char			*pattern;
	bool			 replace;
	int			 rc;

	if (list_kind(m->list) == LIST_KIND_SEARCH) {
		snprintf(msg, msgsize, "search results cannot be saved as a "
		    "queue");
		return (-1);
	}
	replace = m->pending_replace != NULL &&
	    strcmp(m->pending_replace, name) == 0;
	pattern = list_pattern(m->list);
	sv = xmalloc(sizeof *sv);
	sv->m = m;
	sv->name = xstrdup(name);
	b = db_batch_new();
	rc = saved_queue_add_save(b, name,
	    (enum limit_kind)list_kind(m->list), pattern, replace,
	    model_on_save, sv, msg, msgsize);
	free(pattern);
	if (rc != 0) {
		free(sv->name);
		free(sv);
		db_batch_free(b);
		return (-1);
	}
	saved_queue_add_list(b, model_on_saved, m);
	(void)db_batch_send(m->db, b, &err);
	db_error_release(&err);
	return (0);
}

size_t
model_saved_count(const struct model *m)
{
	return (m->nsaved);
}

const struct saved_queue *
model_saved(const struct model *m, size_t i)
{
	return (i < m->nsaved ? &m->saved[i] : NULL);
}

int
model_open_saved(struct model *m, size_t i, char *msg, size_t msgsize)
{
	const struct saved_queue	*q = model_saved(m, i);

	if (q == NULL)
		return (-1);
	m->selected = -1;
	return (list_open_saved(m->list, q->name, (enum list_kind)q->kind,
	    q->pattern, msg, msgsize));
}

int
model_search(struct model *m, const char *text, char *msg, size_t msgsize)
{
	struct search_query	q;

	(void)search_prepare(text, &q);
	snprintf(msg, msgsize, "%s", q.message);
	if (q.sql == NULL)
		return (-1);
	m->selected = -1;
	list_search(m->list, &q);
	return (0);
}

/*
 * The Summary of each row of a page (or search) just read, with it
 * (list_set_prefetch): the Summary's columns are those after pf_ord; a row
 * without one (NULL there) is skipped.
 */
static void
model_on_summaries(void *arg, const struct db_rows *r)
{
	struct model	*m = arg;
	int		 i, la, child, kase, from;

	la = db_rows_find(r, "pf_la");
	child = db_rows_find(r, "pf_child");
	kase = db_rows_find(r, "pf_case");
	from = db_rows_find(r, "pf_ord") + 1;
	if (la < 0 || child < 0 || kase < 0 || from <= 0 ||
	    from >= db_rows_columns(r))
		return;
	for (i = 0; i < db_rows_count(r); i++) {
		if (db_rows_value(r, i, child) == NULL ||
		    db_rows_value(r, i, from) == NULL)
			continue;
		detail_cache_put(m->detail, db_rows_value(r, i, la),
		    db_rows_value(r, i, child), db_rows_value(r, i, kase),
		    db_rows_slice_from(r, i, from));
	}
}

/* ---- the selected record ---- */

void
model_select(struct model *m, long row)
{
	const struct list_row	*r;
	struct detail_key	 key;

	if ((r = list_row(m->list, row)) == NULL)
		return;
	memset(&key, 0, sizeof key);
	snprintf(key.la_code, sizeof key.la_code, "%s", r->la_code);
	snprintf(key.child_id, sizeof key.child_id, "%s", r->child_id);
	snprintf(key.case_id, sizeof key.case_id, "%s", r->case_id);
	snprintf(key.alert_id, sizeof key.alert_id, "%s", r->alert_id);
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
		/* Try again by itself, backing off: 1 s, 2 s, 4 s ... 30 s. */
		m->backoff_ms = m->backoff_ms == 0 ? MODEL_BACKOFF_MIN :
		    m->backoff_ms * 2;
		if (m->backoff_ms > MODEL_BACKOFF_MAX)
			m->backoff_ms = MODEL_BACKOFF_MAX;
		m->retry_at = model_now_ms() + m->backoff_ms;
	} else if (now == MODEL_ONLINE) {
		m->backoff_ms = 0;
	}
	model_bump(m, MODEL_CONN);
}

/* Milliseconds until model_tick() wants to run, or -1. */
int
model_timeout_ms(const struct model *m)
{
	double	left;

	if (m->conn != MODEL_OFFLINE)
		return (-1);
	left = m->retry_at - model_now_ms();
	return (left <= 0 ? 0 : (int)left + 1);
}

/* Reconnects by itself when the back-off has run out. */
void
model_tick(struct model *m)
{
	if (m->conn == MODEL_OFFLINE && model_now_ms() >= m->retry_at)
		model_reconnect(m);
}

void
model_reconnect(struct model *m)
{
	if (m->conn != MODEL_OFFLINE)
		return;
	list_reset(m->list);
	m->counts_inflight = m->counts_again = false;
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
	if (part == MODEL_LIST)
		return (list_gen(m->list));
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
model_user_kind(const struct model *m)
{
	return (m->kind);
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
	desk_add_stats(m->desk, st);
}

/* ---- the supervisor desk (desk.c) ---- */

/* Borrowed for the life of the model. */
struct desk *
model_desk(const struct model *m)
{
	return (m->desk);
}

int
model_open_pattern(struct model *m, const char *name, enum list_kind k,
    const char *pattern, char *msg, size_t msgsize)
{
	m->selected = -1;
	return (list_open_saved(m->list, name, k, pattern, msg, msgsize));
}
