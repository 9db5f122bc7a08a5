/*
 * list.c — queues as sliding windows over keyset-paginated queries.
 *
 * Each list kind (cases, alerts, children) has a fixed FROM clause and a
 * fixed set of columns, each with its SQL expression and the type its
 * keyset parameter is cast to. A queue adds a fixed WHERE condition. The
 * statement text is assembled only from these static fragments; every
 * value (the keys of the last row held, the page size) travels as a
 * parameter. Row-level security decides what the officer may see; the
 * conditions below only say what the queue is.
 *
 * Paging: the window holds rows [first, first + n) of the whole list. The
 * next page is fetched after the last held row's (sort value, key), the
 * previous one before the first held row's, in reverse order, then
 * flipped. When the window grows past LIST_WINDOW_MAX rows the end
 * furthest from the wanted row is dropped. A reply for a window that has
 * since been reset (another queue, another sort) is recognised by its
 * serial number and dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/limit.h"
#include "model/list.h"
#include "model/queries.h"
#include "model/search.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

struct list_coldef {
	struct list_column	 col;
	const char		*expr;	/* SQL for the displayed value */
	const char		*sort;	/* SQL for ordering (never NULL) */
	const char		*type;	/* cast for the keyset parameter */
};

struct list_kinddef {
	const char		*from;	/* FROM ... (joins included) */
	const char		*count_from; /* the queues' counts: the base
					   table alone (each row's child is
					   in the same LA under the same
					   policy, by foreign key) */
	const char		*pk;	/* unique bigint key expression */
	const char		*ids;	/* la_code, child_id, case_id, alert_id,
					   version */
	struct list_coldef	 cols[LIST_MAX_COLS];
	int			 ncols;
	int			 default_sort;
	bool			 default_desc;
};

/* The day of a case's last contact (NULL: none yet). */
#define LIST_LAST_CONTACT \
	"(SELECT max(cc.contact_at)::date FROM cme.case_contact cc " \
	"WHERE cc.la_code = c.la_code AND cc.case_id = c.case_id)"

#define CHILD_NAME_EXPR \
	"upper(ch.legal_surname) || ', ' || ch.legal_forename"
/* Indexed as written by 014_list_order.sql: keep the two the same. */
#define CHILD_NAME_SORT \
	"lower(ch.legal_surname || ' ' || ch.legal_forename)"

static const struct list_kinddef list_kinds[] = {
	[LIST_KIND_CASES] = {
		.from = "cme.cme_case c JOIN cme.child ch "
		    "ON ch.la_code = c.la_code AND ch.child_id = c.child_id",
		.count_from = "cme.cme_case c",
		.pk = "c.case_id",
		.ids = "c.la_code::text, c.child_id::text, c.case_id::text, '', "
		    "c.version::text",
		.cols = {
			{ { "Child", "child", 0, false }, CHILD_NAME_EXPR,
			  CHILD_NAME_SORT, "text" },
			{ { "UPN", "upn", 14, false }, "coalesce(ch.upn, '')",
			  "coalesce(ch.upn, '')", "text" },
			{ { "Status", "status", 11, false }, "c.status",
			  "c.status", "text" },
			{ { "Officer", "officer", 9, false },
			  "coalesce(c.assigned_to::text, '-')",
			  "coalesce(c.assigned_to::text, '')", "text" },
			{ { "Referred", "referred", 11, false },
			  "to_char(c.referred_on, 'YYYY-MM-DD')",
			  "c.referred_on", "date" },
			{ { "Days", "days", 5, true },
			  QUERY_SCHOOL_DAYS_BETWEEN("c.la_code",
			  "c.referred_on", "current_date") "::text",
			  QUERY_SCHOOL_DAYS_BETWEEN("c.la_code",
			  "c.referred_on", "current_date"), "int" },
			/* School days since the last contact; none sorts as
			 * the longest wait. */
			{ { "Contact", "contact", 7, true },
			  "coalesce(" QUERY_SCHOOL_DAYS_BETWEEN("c.la_code",
			  LIST_LAST_CONTACT, "current_date") "::text, 'none')",
			  "coalesce(" QUERY_SCHOOL_DAYS_BETWEEN("c.la_code",
			  LIST_LAST_CONTACT, "current_date") ", 99999)", "int" },
		},
		.ncols = 7,
		.default_sort = 4,
		.default_desc = false,
	},
	[LIST_KIND_ALERTS] = {
		.from = "cme.alert a JOIN cme.child ch "
		    "ON ch.la_code = a.la_code AND ch.child_id = a.child_id "
		    "JOIN cme.alert_rule r ON r.rule = a.rule",
		.count_from = "cme.alert a",
		.pk = "a.alert_id",
		.ids = "a.la_code::text, a.child_id::text, "
		    "coalesce(a.case_id::text, ''), a.alert_id::text, "
		    "a.version::text",
		.cols = {
			{ { "Child", "child", 0, false }, CHILD_NAME_EXPR,
			  CHILD_NAME_SORT, "text" },
			{ { "Alert", "rule", 24, false }, "r.label", "r.label",
			  "text" },
			{ { "Severity", "severity", 8, false }, "a.severity",
			  "CASE a.severity WHEN 'high' THEN 3 "
			  "WHEN 'medium' THEN 2 ELSE 1 END", "int" },
			{ { "Status", "status", 12, false }, "a.status",
			  "a.status", "text" },
			{ { "Raised", "raised", 11, false },
			  "to_char(a.raised_at, 'YYYY-MM-DD')", "a.raised_at",
			  "timestamptz" },
		},
		.ncols = 5,
		.default_sort = 4,
		.default_desc = true,
	},
	[LIST_KIND_CHILDREN] = {
		.from = "cme.child ch",
		.count_from = "cme.child ch",
		.pk = "ch.child_id",
		.ids = "ch.la_code::text, ch.child_id::text, '', '', "
		    "ch.version::text",
		.cols = {
			{ { "Child", "child", 0, false }, CHILD_NAME_EXPR,
			  CHILD_NAME_SORT, "text" },
			{ { "UPN", "upn", 14, false }, "coalesce(ch.upn, '')",
			  "coalesce(ch.upn, '')", "text" },
			{ { "Born", "born", 11, false },
			  "to_char(ch.dob, 'YYYY-MM-DD')", "ch.dob", "date" },
			{ { "Sex", "sex", 4, false }, "ch.sex", "ch.sex",
			  "text" },
		},
		.ncols = 4,
		.default_sort = 0,
		.default_desc = false,
	},
	[LIST_KIND_SEARCH] = {
		/* Rows come from cme.search_children, best match first. */
		.from = "cme.child ch",
		.count_from = "cme.child ch",
		.pk = "ch.child_id",
		.ids = "ch.la_code::text, ch.child_id::text, '', '', "
		    "ch.version::text",
		.cols = {
			{ { "Child", "child", 0, false }, CHILD_NAME_EXPR,
			  CHILD_NAME_SORT, "text" },
			{ { "UPN", "upn", 14, false }, "", "", "text" },
			{ { "Born", "born", 11, false }, "", "", "date" },
			{ { "Found by", "how", 24, false }, "", "", "text" },
		},
		.ncols = 4,
		.default_sort = 0,
		.default_desc = false,
	},
};

struct list_queuedef {
	const char	*name;
	const char	*short_name;	/* for the one-line queue bar */
	enum list_kind	 kind;
	const char	*where;		/* fixed condition */
	const char	*pattern;	/* the same, as a limit pattern */
	const char	*size;		/* the whole queue's row count as a
					   cheaper scalar subquery than a
					   count (NULL: count the rows) */
};

#define OPEN_CASE	"c.status NOT IN ('closed', 'transferred')"

static const struct list_queuedef list_queues[QUEUE_SAVED + 1] = {
	[QUEUE_MY_ALERTS] = { "My alerts", "Alerts", LIST_KIND_ALERTS,
	    "a.assigned_to = current_user AND a.status <> 'resolved' "
	    "AND (a.status <> 'snoozed' OR a.snooze_until <= current_date)",
	    "officer:me status:unresolved" },
	[QUEUE_MY_CASES] = { "My cases", "Cases", LIST_KIND_CASES,
	    "c.assigned_to = current_user AND " OPEN_CASE,
	    "officer:me status:open" },
	[QUEUE_TEAM] = { "Team", "Team", LIST_KIND_CASES,
	    "c.team_id = (SELECT cme.staff_team(current_user)) AND "
	    OPEN_CASE, "team:mine status:open" },
	[QUEUE_TEAM_ALERTS] = { "Team alerts", "Tm alerts", LIST_KIND_ALERTS,
	    "a.team_id = (SELECT cme.staff_team(current_user)) AND "
	    "a.status <> 'resolved' AND (a.status <> 'snoozed' OR "
	    "a.snooze_until <= current_date)", "team:mine status:unresolved" },
	[QUEUE_UNASSIGNED] = { "Unassigned", "Unassigned", LIST_KIND_CASES,
	    "c.assigned_to IS NULL AND " OPEN_CASE,
	    "officer:none status:open" },
	/*
	 * Statutory clocks, in school days over the LA's calendar: still
	 * in referral or enquiries past the LA's enquiries clock (20 days
	 * unless la_settings says otherwise), or with no contact at all
	 * after the 10-day mark.
	 */
	[QUEUE_OVERDUE] = { "Overdue", "Overdue", LIST_KIND_CASES,
	    "c.team_id = (SELECT cme.staff_team(current_user)) AND "
	    "c.status IN ('referred', 'enquiries') AND "
	    "(" QUERY_SCHOOL_DAYS_BETWEEN("c.la_code", "c.referred_on",
	    "current_date") " > "
	    "coalesce((SELECT s.enquiries_clock_days FROM cme.la_settings s "
	    "WHERE s.la_code = c.la_code), 20) OR (NOT EXISTS (SELECT 1 FROM "
	    "cme.case_contact cc WHERE cc.la_code = c.la_code AND "
	    "cc.case_id = c.case_id) AND " QUERY_SCHOOL_DAYS_BETWEEN(
	    "c.la_code", "c.referred_on", "current_date") " > 10))",
	    "team:mine status:open days>20" },
	[QUEUE_ESCALATED] = { "Escalated", "Escalated", LIST_KIND_ALERTS,
	    "a.team_id = (SELECT cme.staff_team(current_user)) AND "
	    "a.status = 'escalated'", "team:mine status:escalated" },
	[QUEUE_APPROVALS] = { "Approvals", "Approvals", LIST_KIND_CASES,
	    "c.closure_requested_at IS NOT NULL AND c.closure_decision IS NULL "
	    "AND " OPEN_CASE, "status:open" },
	[QUEUE_ALL_CHILDREN] = { "All children", "Children",
	    LIST_KIND_CHILDREN, "true", "",
	    "(SELECT coalesce(sum(n.children), 0) FROM cme.la_child_count n)" },
	[QUEUE_SEARCH] = { "Search", "Search", LIST_KIND_SEARCH, "true",
	    "" },
	[QUEUE_SAVED] = { "Saved", "Saved", LIST_KIND_CASES, "true", "" },
};

struct list {
	struct db		*db;		/* borrowed */
	uint64_t		 gen;
	uint64_t		 serial;	/* bumps when the window resets */
	enum list_queue		 queue;
	int			 sort;
	bool			 desc;
	struct list_row		*rows;		/* owned, held window */
	int			 n;
	int			 cap;
	long			 first;
	long			 total;		/* -1 unknown */
	bool			 at_start;	/* nothing before rows[0] */
	bool			 at_end;	/* nothing after rows[n-1] */
	bool			 loading;
	char			*error;
	enum list_kind		 saved_kind;	/* QUEUE_SAVED's kind */
	char			*saved_name;	/* owned, QUEUE_SAVED's name */
	char			*limit_text;	/* owned, "" for none */
	struct limit_sql	 lim;		/* compiled limit, $1.. */
	struct search_query	*search;	/* owned, the last search */
	long			 counts[QUEUE_COUNT];
	list_prefetch_fn	 prefetch;	/* summaries of a page's rows */
	void			*prefetch_arg;
	void			(*counts_done)(void *);
	void			*counts_done_arg;
};

enum list_fetch {
	FETCH_TOP,	/* from the start of the list */
	FETCH_AFTER,	/* after the last held row */
	FETCH_BEFORE,	/* before the first held row */
	FETCH_BOTTOM,	/* the last page of the list */
	FETCH_FROM,	/* from the first held row, inclusive (refresh) */
};

struct list_req {
	struct list	*l;
	uint64_t	 serial;
	enum list_fetch	 how;
};

static enum list_kind
list_kind_of(const struct list *l, enum list_queue q)
{
	return (q == QUEUE_SAVED ? l->saved_kind : list_queues[q].kind);
}

static void	list_add_search(struct list *, struct db_batch *);
static bool	list_add_summaries(struct list *, struct db_batch *,
		    const char *, int, const char **, enum list_fetch);

static const struct list_kinddef *
list_kinddef(const struct list *l)
{
	return (&list_kinds[list_kind_of(l, l->queue)]);
}

bool
list_queue_is_desk(enum list_queue q)
{
	return (q == QUEUE_TEAM_ALERTS || q == QUEUE_OVERDUE ||
	    q == QUEUE_ESCALATED);
}

/* Who sees the desk queues; list_add_counts says the same in SQL. */
bool
list_queue_shown_to(enum list_queue q, const char *kind)
{
	return (!list_queue_is_desk(q) || strcmp(kind, "supervisor") == 0 ||
	    strcmp(kind, "admin") == 0);
}
#define LIST_DESK_KINDS_SQL	"('supervisor', 'admin')"

/*
 * The number of rows of queue q, unlimited, as a scalar sub-select: its
 * kept size when it has one, else a count of its base table.
 */
static void
list_append_size(struct sbuf *sql, enum list_queue q)
{
	const struct list_queuedef	*qd = &list_queues[q];

	if (qd->size != NULL) {
		sbuf_append_str(sql, qd->size);
		return;
	}
	sbuf_append_str(sql, "(SELECT count(*) FROM ");
	sbuf_append_str(sql, list_kinds[qd->kind].count_from);
	sbuf_append_str(sql, " WHERE ");
	sbuf_append_str(sql, qd->where);
	sbuf_append_str(sql, ")");
}

const char *
list_queue_name(enum list_queue q)
{
	return ((unsigned)q <= QUEUE_SAVED ? list_queues[q].name : "");
}

const char *
list_queue_short_name(enum list_queue q)
{
	return ((unsigned)q <= QUEUE_SAVED ? list_queues[q].short_name : "");
}


struct list *
list_new(struct db *db)
{
	struct list	*l;
	int		 i;

	l = xcalloc(1, sizeof *l);
	l->db = db;
	l->queue = QUEUE_MY_CASES;
	l->sort = list_kinds[LIST_KIND_CASES].default_sort;
	l->desc = list_kinds[LIST_KIND_CASES].default_desc;
	l->total = -1;
	l->limit_text = xstrdup("");
	for (i = 0; i < QUEUE_COUNT; i++)
		l->counts[i] = -1;
	return (l);
}

static void
list_row_release(struct list_row *r)
{
	int	i;

	free(r->key);
	free(r->sort);
	free(r->la_code);
	free(r->child_id);
	free(r->case_id);
	free(r->alert_id);
	free(r->version);
	for (i = 0; i < LIST_MAX_COLS; i++)
		free(r->cells[i]);
	memset(r, 0, sizeof *r);
}

static void
list_clear_rows(struct list *l)
{
	int	i;

	for (i = 0; i < l->n; i++)
		list_row_release(&l->rows[i]);
	l->n = 0;
}

void
list_free(struct list *l)
{
	if (l == NULL)
		return;
	list_clear_rows(l);
	free(l->rows);
	free(l->error);
	free(l->saved_name);
	free(l->limit_text);
	limit_sql_release(&l->lim);
	free(l->search);
	free(l);
}

/* Drops n rows from the front (front) or the back of the window. */
static void
list_drop(struct list *l, int n, bool front)
{
	int	i;

	if (n <= 0)
		return;
	if (n > l->n)
		n = l->n;
	if (front) {
		for (i = 0; i < n; i++)
			list_row_release(&l->rows[i]);
		if (l->n > n)
			memmove(l->rows, l->rows + n, (size_t)(l->n - n) *
			    sizeof *l->rows);
		l->first += n;
		l->at_start = false;
	} else {
		for (i = l->n - n; i < l->n; i++)
			list_row_release(&l->rows[i]);
		l->at_end = false;
	}
	l->n -= n;
}

/* Copies the result rows into new list_rows (in result order). */
static struct list_row *
list_copy_rows(const struct list *l, const struct db_rows *r, int *count)
{
	const struct list_kinddef	*k = list_kinddef(l);
	struct list_row			*rows;
	int				 i, j, n;

	n = db_rows_count(r);
	*count = n;
	if (n == 0)
		return (NULL);
	rows = xcalloc((size_t)n, sizeof *rows);
	for (i = 0; i < n; i++) {
		const char *v;

#define LIST_COPY(field, col) \
		v = db_rows_value(r, i, col); \
		rows[i].field = xstrdup(v != NULL ? v : "")
		LIST_COPY(key, 0);
		LIST_COPY(sort, 1);
		LIST_COPY(la_code, 2);
		LIST_COPY(child_id, 3);
		LIST_COPY(case_id, 4);
		LIST_COPY(alert_id, 5);
		LIST_COPY(version, 6);
#undef LIST_COPY
		for (j = 0; j < k->ncols; j++) {
			v = db_rows_value(r, i, 7 + j);
			rows[i].cells[j] = xstrdup(v != NULL ? v : "");
		}
	}
	return (rows);
}

static void
list_on_page(void *arg, const struct db_rows *r, const struct db_error *err)
{
	struct list_req	*req = arg;
	struct list	*l = req->l;
	struct list_row	*rows;
	int		 n, i, keep;

	if (req->serial != l->serial) {
		free(req);
		return;
	}
	l->loading = false;
	if (err != NULL) {
		free(l->error);
		l->error = xstrdup(err->message);
		free(req);
		l->gen++;
		return;
	}
	rows = list_copy_rows(l, r, &n);
	if (l->n + n > l->cap) {
		l->cap = l->n + n + LIST_PAGE;
		l->rows = xreallocarray(l->rows, (size_t)l->cap,
		    sizeof *l->rows);
	}
	switch (req->how) {
	case FETCH_TOP:
	case FETCH_FROM:
		list_clear_rows(l);
		if (req->how == FETCH_TOP) {
			l->first = 0;
			l->at_start = true;
		}
		if (n > 0)
			memcpy(l->rows, rows, (size_t)n * sizeof *rows);
		l->n = n;
		l->at_end = n < LIST_PAGE;
		break;
	case FETCH_AFTER:
		if (n > 0)
			memcpy(l->rows + l->n, rows, (size_t)n * sizeof *rows);
		l->n += n;
		l->at_end = n < LIST_PAGE;
		break;
	case FETCH_BEFORE:
	case FETCH_BOTTOM:
		/* Fetched in reverse order: flip them into place. */
		if (req->how == FETCH_BOTTOM) {
			list_clear_rows(l);
			l->at_end = true;
		}
		if (l->n > 0 && n > 0)
			memmove(l->rows + n, l->rows, (size_t)l->n *
			    sizeof *l->rows);
		for (i = 0; i < n; i++)
			l->rows[i] = rows[n - 1 - i];
		l->n += n;
		if (req->how == FETCH_BOTTOM)
			l->first = l->total >= 0 ? l->total - n : 0;
		else
			l->first -= n;
		if (l->first < 0)
			l->first = 0;
		l->at_start = n < LIST_PAGE || l->first == 0;
		if (l->at_start)
			l->first = 0;
		break;
	}
	free(rows);
	if (l->at_end && l->total < l->first + l->n)
		l->total = l->first + l->n;
	/* Keep the window bounded: drop the end we moved away from. */
	if (l->n > LIST_WINDOW_MAX) {
		keep = l->n - LIST_WINDOW_MAX;
		list_drop(l, keep, req->how == FETCH_AFTER);
	}
	free(req);
	l->gen++;
}

static void
list_on_total(void *arg, const struct db_rows *r, const struct db_error *err)
{
	struct list_req	*req = arg;
	struct list	*l = req->l;

	if (req->serial == l->serial && err == NULL &&
	    db_rows_count(r) == 1) {
		l->total = atol(db_rows_value(r, 0, 0));
		l->gen++;
	}
	free(req);
}

static struct list_req *
list_req_new(struct list *l, enum list_fetch how)
{
	struct list_req	*req;

	req = xmalloc(sizeof *req);
	req->l = l;
	req->serial = l->serial;
	req->how = how;
	return (req);
}

/* SELECT ... FROM ... WHERE <queue>; the caller adds keyset and ORDER. */
static void
list_sql_select(const struct list *l, struct sbuf *sql)
{
	const struct list_kinddef	*k = list_kinddef(l);
	int				 j;

	sbuf_append_str(sql, "SELECT (");
	sbuf_append_str(sql, k->pk);
	sbuf_append_str(sql, ")::text, (");
	sbuf_append_str(sql, k->cols[l->sort].sort);
	sbuf_append_str(sql, ")::text, ");
	sbuf_append_str(sql, k->ids);
	for (j = 0; j < k->ncols; j++) {
		sbuf_append_str(sql, ", ");
		sbuf_append_str(sql, k->cols[j].expr);
	}
	sbuf_append_str(sql, " FROM ");
	sbuf_append_str(sql, k->from);
	sbuf_append_str(sql, " WHERE (");
	sbuf_append_str(sql, list_queues[l->queue].where);
	sbuf_append_str(sql, ")");
	if (l->lim.where != NULL) {
		sbuf_append_str(sql, " AND (");
		sbuf_append_str(sql, l->lim.where);
		sbuf_append_str(sql, ")");
	}
}

/* The limit's parameters come first: $1 .. $nlim. */
static int
list_limit_params(const struct list *l, const char **params)
{
	int	i;

	for (i = 0; l->lim.where != NULL && i < l->lim.nparams; i++)
		params[i] = l->lim.params[i];
	return (i);
}

/*
 * Adds one page fetch to a batch. forward: in the list's order after
 * (or from, inclusive) the given keys; otherwise in reverse order before
 * them. keys NULL: from the very start (or end, when !forward).
 */
static void
list_add_page(struct list *l, struct db_batch *b, enum list_fetch how,
    const struct list_row *from)
{
	const struct list_kinddef	*k = list_kinddef(l);
	struct sbuf			 sql;
	const char			*params[LIMIT_TERMS_MAX * 2 + 3];
	char				 limit[16], nbuf[32];
	bool				 forward, asc;
	int				 np;

	forward = how == FETCH_TOP || how == FETCH_AFTER || how == FETCH_FROM;
	asc = forward != l->desc;
	sbuf_init(&sql, 512);
	list_sql_select(l, &sql);
	np = list_limit_params(l, params);
	if (from != NULL) {
		sbuf_append_str(&sql, " AND ((");
		sbuf_append_str(&sql, k->cols[l->sort].sort);
		sbuf_append_str(&sql, "), ");
		sbuf_append_str(&sql, k->pk);
		sbuf_append_str(&sql, ") ");
		if (how == FETCH_FROM)
			sbuf_append_str(&sql, asc ? ">=" : "<=");
		else
			sbuf_append_str(&sql, asc ? ">" : "<");
		snprintf(nbuf, sizeof nbuf, " ($%d::", np + 1);
		sbuf_append_str(&sql, nbuf);
		sbuf_append_str(&sql, k->cols[l->sort].type);
		snprintf(nbuf, sizeof nbuf, ", $%d::bigint)", np + 2);
		sbuf_append_str(&sql, nbuf);
		params[np++] = from->sort;
		params[np++] = from->key;
	}
	sbuf_append_str(&sql, " ORDER BY (");
	sbuf_append_str(&sql, k->cols[l->sort].sort);
	sbuf_append_str(&sql, asc ? ") ASC, " : ") DESC, ");
	sbuf_append_str(&sql, k->pk);
	sbuf_append_str(&sql, asc ? " ASC" : " DESC");
	snprintf(nbuf, sizeof nbuf, " LIMIT $%d::int", np + 1);
	sbuf_append_str(&sql, nbuf);
	snprintf(limit, sizeof limit, "%d", LIST_PAGE);
	params[np++] = limit;
	if (!list_add_summaries(l, b, sql.buf, np, params, how))
		db_batch_add(b, sql.buf, np, params, list_on_page,
		    list_req_new(l, how));
	sbuf_release(&sql);
	l->loading = true;
}

/*
 * The Summary statement (queries.h) for every row of a page, so that the
 * detail can follow the cursor through fetched rows without a round trip.
 * Built once from static text: the statement's own parameters become
 * columns of the page (p, list_add_summaries), read once with the page's
 * parameters.
 */
static const char *
list_summary_sql(void)
{
	static char	*sql;
	struct sbuf	 sb;
	const char	*p, *q;
	static const struct {
		const char	*from, *to;
	} subst[] = {
		{ "$1::bigint", "p.pf_child::bigint" },
		{ "$2::smallint", "p.pf_la::smallint" },
		{ "$3::bigint", "nullif(p.pf_case, '')::bigint" },
	};
	size_t		 i;

	if (sql != NULL)
		return (sql);
	sbuf_init(&sb, sizeof QUERY_DETAIL_SUMMARY + 256);
	for (p = QUERY_DETAIL_SUMMARY; *p != '\0'; ) {
		for (i = 0; i < sizeof subst / sizeof subst[0]; i++) {
			size_t n = strlen(subst[i].from);

			if (strncmp(p, subst[i].from, n) == 0) {
				sbuf_append_str(&sb, subst[i].to);
				p += n;
				break;
			}
		}
		if (i < sizeof subst / sizeof subst[0])
			continue;
		q = p + 1;
		sbuf_append(&sb, p, (size_t)(q - p));
		p = q;
	}
	sql = sbuf_detach(&sb, NULL);
	return (sql);
}

/*
 * The page (or the search results) and the Summaries of its rows come in
 * one result: the prefetch reads the Summary columns (after pf_ord) first,
 * so that when the rows are shown their Summaries are all there.
 */
static void
list_prefetch_rows(struct list *l, const struct list_req *req,
    const struct db_rows *r, const struct db_error *err)
{
	if (req->serial == l->serial && err == NULL && l->prefetch != NULL)
		l->prefetch(l->prefetch_arg, r);
}

static void
list_on_page_summaries(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct list_req	*req = arg;

	list_prefetch_rows(req->l, req, r, err);
	list_on_page(arg, r, err);
}

/*
 * Adds the page whose statement is page_sql together with the Summaries
 * of its rows, as one statement: the page is read once (a subquery), its
 * rows numbered (pf_ord) and each joined to its Summary. The page's own
 * columns come first and in place, as list_on_page reads them; the
 * Summary's follow pf_ord. False (nothing added) when no prefetch is set.
 */
static bool
list_add_summaries(struct list *l, struct db_batch *b, const char *page_sql,
    int np, const char **params, enum list_fetch how)
{
	struct sbuf	sql;

	if (l->prefetch == NULL)
		return (false);
	sbuf_init(&sql, 4096);
	sbuf_append_str(&sql, "WITH p (pf_key, pf_sort, pf_la, pf_child, "
	    "pf_case, pf_alert, pf_version) AS (SELECT q.*, row_number() "
	    "OVER () AS pf_ord FROM (");
	sbuf_append_str(&sql, page_sql);
	sbuf_append_str(&sql, ") q) SELECT p.*, s.* FROM p LEFT JOIN "
	    "LATERAL (");
	sbuf_append_str(&sql, list_summary_sql());
	sbuf_append_str(&sql, ") s ON true ORDER BY p.pf_ord");
	db_batch_add(b, sql.buf, np, params, list_on_page_summaries,
	    list_req_new(l, how));
	/*
	 * A keyset page (paging down a long list) runs with new keys each
	 * time: kept, PostgreSQL's generic plan for it measured slower than
	 * planning afresh (All children at 300,000: p50 15.8 -> 20.0 ms).
	 */
	if (how != FETCH_TOP)
		db_batch_unprepared(b);
	sbuf_release(&sql);
	return (true);
}

void
list_set_prefetch(struct list *l, list_prefetch_fn fn, void *arg)
{
	l->prefetch = fn;
	l->prefetch_arg = arg;
}

static void
list_add_total(struct list *l, struct db_batch *b)
{
	const struct list_kinddef	*k = list_kinddef(l);
	struct sbuf			 sql;
	const char			*params[LIMIT_TERMS_MAX * 2 + 1];
	int				 np;

	sbuf_init(&sql, 256);
	if (l->lim.where == NULL) {
		/* The queue alone: as the queue bar counts it. */
		sbuf_append_str(&sql, "SELECT ");
		list_append_size(&sql, l->queue);
		db_batch_add(b, sql.buf, 0, NULL, list_on_total,
		    list_req_new(l, FETCH_TOP));
		sbuf_release(&sql);
		return;
	}
	/* A limit may name the joined tables. */
	sbuf_append_str(&sql, "SELECT count(*) FROM ");
	sbuf_append_str(&sql, k->from);
	sbuf_append_str(&sql, " WHERE (");
	sbuf_append_str(&sql, list_queues[l->queue].where);
	sbuf_append_str(&sql, ")");
	if (l->lim.where != NULL) {
		sbuf_append_str(&sql, " AND (");
		sbuf_append_str(&sql, l->lim.where);
		sbuf_append_str(&sql, ")");
	}
	np = list_limit_params(l, params);
	db_batch_add(b, sql.buf, np, params, list_on_total,
	    list_req_new(l, FETCH_TOP));
	sbuf_release(&sql);
}

static void
list_send(struct list *l, struct db_batch *b)
{
	struct db_error	err = { "", NULL, NULL, NULL };

	if (db_batch_send(l->db, b, &err) != 0) {
		l->loading = false;
		free(l->error);
		l->error = xstrdup(err.message);
	}
	db_error_release(&err);
	l->gen++;
}

/*
 * Starts the window again from the top, with the list's count: into the
 * caller's batch when given, else in a batch of its own.
 */
static void
list_restart(struct list *l, struct db_batch *into)
{
	struct db_batch	*b;

	l->serial++;
	list_clear_rows(l);
	l->first = 0;
	l->total = -1;
	l->at_start = true;
	l->at_end = false;
	free(l->error);
	l->error = NULL;
	b = into != NULL ? into : db_batch_new();
	if (l->queue == QUEUE_SEARCH) {
		list_add_search(l, b);
	} else {
		list_add_page(l, b, FETCH_TOP, NULL);
		list_add_total(l, b);
	}
	if (into == NULL)
		list_send(l, b);
	l->gen++;
}

void
list_open(struct list *l, enum list_queue q)
{
	list_open_in(l, q, NULL);
}

/* Drops the limit in force. */
static void
list_clear_limit(struct list *l)
{
	limit_sql_release(&l->lim);
	memset(&l->lim, 0, sizeof l->lim);
	free(l->limit_text);
	l->limit_text = xstrdup("");
}

/* Switches to queue q (of kind k), choosing its default sort. */
static void
list_switch(struct list *l, enum list_queue q, enum list_kind k)
{
	if (k != list_kind_of(l, l->queue) ||
	    l->sort >= list_kinds[k].ncols) {
		l->sort = list_kinds[k].default_sort;
		l->desc = list_kinds[k].default_desc;
	}
	if (q == QUEUE_SAVED)
		l->saved_kind = k;
	l->queue = q;
}

void
list_open_in(struct list *l, enum list_queue q, struct db_batch *b)
{
	if ((unsigned)q >= QUEUE_COUNT &&
	    !(q == QUEUE_SEARCH && l->search != NULL))
		return;
	list_clear_limit(l);
	list_switch(l, q, list_queues[q].kind);
	list_restart(l, b);
}

int
list_open_saved(struct list *l, const char *name, enum list_kind k,
    const char *pattern, char *msg, size_t msgsize)
{
	struct limit_sql	sql;
	struct limit_error	err;

	memset(&sql, 0, sizeof sql);
	if (limit_build(pattern, (enum limit_kind)k, 1, &sql, &err) != 0) {
		snprintf(msg, msgsize, "%s: %s", name, err.message);
		return (-1);
	}
	list_clear_limit(l);
	l->lim = sql;
	free(l->limit_text);
	l->limit_text = xstrdup(pattern);
	free(l->saved_name);
	l->saved_name = xstrdup(name);
	list_switch(l, QUEUE_SAVED, k);
	list_restart(l, NULL);
	return (0);
}

int
list_set_limit(struct list *l, const char *pattern, char *msg,
    size_t msgsize)
{
	struct limit_sql	 sql;
	struct limit_error	 err;
	struct limit		*parsed;
	struct sbuf		 canon;
	enum list_kind		 k = list_kind_of(l, l->queue);

	if (l->queue == QUEUE_SEARCH) {
		snprintf(msg, msgsize, "search results cannot be limited");
		return (-1);
	}
	if ((parsed = limit_parse(pattern, (enum limit_kind)k, &err)) ==
	    NULL) {
		snprintf(msg, msgsize, "%s", err.message);
		return (-1);
	}
	list_clear_limit(l);
	if (!limit_is_empty(parsed)) {
		memset(&sql, 0, sizeof sql);
		limit_compile(parsed, 1, &sql);
		l->lim = sql;
		sbuf_init(&canon, 64);
		limit_format(parsed, &canon);
		free(l->limit_text);
		l->limit_text = sbuf_detach(&canon, NULL);
	}
	limit_free(parsed);
	list_restart(l, NULL);
	return (0);
}

const char *
list_limit_text(const struct list *l)
{
	return (l->limit_text);
}

char *
list_pattern(const struct list *l)
{
	const char	*own = list_queues[l->queue].pattern;

	if (l->queue == QUEUE_SAVED || *own == '\0')
		return (xstrdup(l->limit_text));
	if (*l->limit_text == '\0')
		return (xstrdup(own));
	return (xasprintf("%s %s", own, l->limit_text));
}

/* ---- search ---- */

static void
list_on_search(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct list_req	*req = arg;
	struct list	*l = req->l;
	int		 i, n;

	if (req->serial != l->serial) {
		free(req);
		return;
	}
	free(req);
	l->loading = false;
	if (err != NULL) {
		free(l->error);
		l->error = xstrdup(err->message);
		l->gen++;
		return;
	}
	list_clear_rows(l);
	n = db_rows_count(r);
	if (n > l->cap) {
		l->cap = n;
		l->rows = xreallocarray(l->rows, (size_t)n, sizeof *l->rows);
	}
	for (i = 0; i < n; i++) {
		struct list_row *row = &l->rows[i];
		const char *how, *matched;

#define LIST_COL(name) \
		(db_rows_value(r, i, db_rows_find(r, name)) != NULL ? \
		 db_rows_value(r, i, db_rows_find(r, name)) : "")
		memset(row, 0, sizeof *row);
		row->key = xstrdup(LIST_COL("child_id"));
		row->sort = xstrdup(LIST_COL("score"));
		row->la_code = xstrdup(LIST_COL("la_code"));
		row->child_id = xstrdup(LIST_COL("child_id"));
		row->case_id = xstrdup(LIST_COL("case_id"));
		row->alert_id = xstrdup("");
		row->version = xstrdup("");
		row->cells[0] = xstrdup(LIST_COL("child_name"));
		row->cells[1] = xstrdup(LIST_COL("upn"));
		row->cells[2] = xstrdup(LIST_COL("dob"));
		how = LIST_COL("how");
		matched = LIST_COL("matched");
		row->cells[3] = xasprintf("%s%s%s", how, *matched ? ": " : "",
		    matched);
#undef LIST_COL
	}
	l->n = n;
	l->first = 0;
	l->total = n;
	l->at_start = l->at_end = true;
	l->gen++;
}

static void
list_on_search_summaries(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct list_req	*req = arg;

	list_prefetch_rows(req->l, req, r, err);
	list_on_search(arg, r, err);
}

/*
 * The search, and the Summaries of its first LIST_SEARCH_SUMMARIES results
 * (the first child's detail, and the cursor's moves down the first screen,
 * need no round trip) in the same statement: the search function runs once
 * (a subquery), the results are numbered (pf_ord) and the first ones
 * joined to their Summaries. The search's columns come first, so
 * list_on_search finds them by name before the Summary's namesakes.
 */
static void
list_add_search(struct list *l, struct db_batch *b)
{
	struct sbuf	sql;
	char		nbuf[96];

	if (l->prefetch == NULL) {
		db_batch_add(b, l->search->sql, l->search->nparams,
		    l->search->params, list_on_search,
		    list_req_new(l, FETCH_TOP));
		l->loading = true;
		return;
	}
	sbuf_init(&sql, 4096);
	sbuf_append_str(&sql, "WITH p AS (SELECT q.*, q.la_code::text AS pf_la, "
	    "CASE WHEN row_number() OVER () <= ");
	snprintf(nbuf, sizeof nbuf, "%d", LIST_SEARCH_SUMMARIES);
	sbuf_append_str(&sql, nbuf);
	sbuf_append_str(&sql, " THEN q.child_id::text END AS pf_child, "
	    "q.case_id::text AS pf_case, row_number() OVER () AS pf_ord "
	    "FROM (");
	sbuf_append_str(&sql, l->search->sql);
	sbuf_append_str(&sql, ") q) SELECT p.*, s.* FROM p LEFT JOIN "
	    "LATERAL (");
	sbuf_append_str(&sql, list_summary_sql());
	sbuf_append_str(&sql, ") s ON true ORDER BY p.pf_ord");
	db_batch_add(b, sql.buf, l->search->nparams, l->search->params,
	    list_on_search_summaries, list_req_new(l, FETCH_TOP));
	sbuf_release(&sql);
	l->loading = true;
}

void
list_search(struct list *l, const struct search_query *q)
{
	if (q->sql == NULL)
		return;
	free(l->search);
	l->search = xmalloc(sizeof *l->search);
	*l->search = *q;
	/* The parameters point into the copy, not the caller's struct. */
	l->search->params[0] = l->search->text;
	if (l->search->nparams > 2)
		l->search->params[2] = l->search->limit;
	list_clear_limit(l);
	l->queue = QUEUE_SEARCH;
	l->sort = 0;
	l->desc = false;
	list_restart(l, NULL);
}

const char *
list_saved_name(const struct list *l)
{
	return (l->saved_name != NULL ? l->saved_name : "");
}

bool
list_has_search(const struct list *l)
{
	return (l->search != NULL);
}

const char *
list_search_text(const struct list *l)
{
	return (l->search != NULL ? l->search->text : "");
}

void
list_refresh(struct list *l, const char *keep_key)
{
	(void)keep_key;		/* the caller finds it with list_find() */
	list_refresh_in(l, NULL);
}

/*
 * Re-reads the window from its first row (inclusive) and the total, into
 * the caller's batch when given. The pane finds its record again by key.
 */
void
list_refresh_in(struct list *l, struct db_batch *into)
{
	struct db_batch	*b;
	struct list_row	 from;

	if (l->n == 0 || l->at_start || l->queue == QUEUE_SEARCH) {
		list_restart(l, into);
		return;
	}
	l->serial++;
	memset(&from, 0, sizeof from);
	from.sort = xstrdup(l->rows[0].sort);
	from.key = xstrdup(l->rows[0].key);
	b = into != NULL ? into : db_batch_new();
	list_add_page(l, b, FETCH_FROM, &from);
	list_add_total(l, b);
	list_row_release(&from);
	if (into == NULL)
		list_send(l, b);
}

void
list_sort(struct list *l, int column, bool desc)
{
	if (column < 0 || column >= list_kinddef(l)->ncols ||
	    l->queue == QUEUE_SEARCH)
		return;
	l->sort = column;
	l->desc = desc;
	list_restart(l, NULL);
}

int
list_sort_column(const struct list *l)
{
	return (l->sort);
}

bool
list_sort_desc(const struct list *l)
{
	return (l->desc);
}

enum list_queue
list_queue(const struct list *l)
{
	return (l->queue);
}

enum list_kind
list_kind(const struct list *l)
{
	return (list_kind_of(l, l->queue));
}

int
list_columns(const struct list *l)
{
	return (list_kinddef(l)->ncols);
}

const struct list_column *
list_column(const struct list *l, int i)
{
	if (i < 0 || i >= list_kinddef(l)->ncols)
		return (NULL);
	return (&list_kinddef(l)->cols[i].col);
}

long
list_total(const struct list *l)
{
	return (l->total);
}

long
list_first(const struct list *l)
{
	return (l->first);
}

int
list_held(const struct list *l)
{
	return (l->n);
}

bool
list_loading(const struct list *l)
{
	return (l->loading);
}

const char *
list_error(const struct list *l)
{
	return (l->error);
}

const struct list_row *
list_row(const struct list *l, long index)
{
	if (index < l->first || index >= l->first + l->n)
		return (NULL);
	return (&l->rows[index - l->first]);
}

long
list_find(const struct list *l, const char *key)
{
	int	i;

	for (i = 0; key != NULL && i < l->n; i++)
		if (strcmp(l->rows[i].key, key) == 0)
			return (l->first + i);
	return (-1);
}

void
list_want(struct list *l, long index)
{
	struct db_batch	*b;
	long		 last = l->first + l->n;

	if (l->loading || l->error != NULL)
		return;
	if (index >= last - LIST_PAGE / 2 && !l->at_end) {
		b = db_batch_new();
		if (index >= last + LIST_PAGE && l->total >= 0 &&
		    index >= l->total - LIST_PAGE) {
			/* A jump to the end: read the last page directly. */
			l->serial++;
			list_add_page(l, b, FETCH_BOTTOM, NULL);
		} else {
			list_add_page(l, b, FETCH_AFTER, l->n > 0 ?
			    &l->rows[l->n - 1] : NULL);
		}
		list_send(l, b);
	} else if (index < l->first + LIST_PAGE / 2 && !l->at_start) {
		b = db_batch_new();
		if (index < LIST_PAGE && index < l->first - LIST_PAGE) {
			/* A jump to the top. */
			l->serial++;
			list_add_page(l, b, FETCH_TOP, NULL);
		} else {
			list_add_page(l, b, FETCH_BEFORE, &l->rows[0]);
		}
		list_send(l, b);
	}
}

uint64_t
list_gen(const struct list *l)
{
	return (l->gen);
}

static void
list_on_counts(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct list	*l = arg;
	int		 i;

	if (err == NULL && db_rows_count(r) == 1) {
		for (i = 0; i < QUEUE_COUNT && i < db_rows_columns(r); i++) {
			const char *v = db_rows_value(r, 0, i);

			l->counts[i] = v != NULL ? atol(v) : -1;
		}
		l->gen++;
	}
	if (l->counts_done != NULL)
		l->counts_done(l->counts_done_arg);
}

void
list_on_counts_done(struct list *l, void (*fn)(void *), void *arg)
{
	l->counts_done = fn;
	l->counts_done_arg = arg;
}

void
list_add_counts(struct list *l, struct db_batch *b)
{
	struct sbuf	sql;
	int		q;

	sbuf_init(&sql, 1024);
	sbuf_append_str(&sql, "SELECT ");
	for (q = 0; q < QUEUE_COUNT; q++) {
		if (q > 0)
			sbuf_append_str(&sql, ", ");
		/* Queues are counted for those who see them. */
		if (list_queue_is_desk((enum list_queue)q))
			sbuf_append_str(&sql, "CASE WHEN EXISTS (SELECT 1 "
			    "FROM cme.staff s WHERE s.role_name = current_user "
			    "AND s.kind IN " LIST_DESK_KINDS_SQL ") THEN ");
		list_append_size(&sql, (enum list_queue)q);
		if (list_queue_is_desk((enum list_queue)q))
			sbuf_append_str(&sql, " END");
	}
	db_batch_add(b, sql.buf, 0, NULL, list_on_counts, l);
	sbuf_release(&sql);
}

long
list_queue_count(const struct list *l, enum list_queue q)
{
	return ((unsigned)q < QUEUE_COUNT ? l->counts[q] : -1);
}

void
list_reset(struct list *l)
{
	int	i;

	l->serial++;
	list_clear_rows(l);
	l->loading = false;
	l->total = -1;
	for (i = 0; i < QUEUE_COUNT; i++)
		l->counts[i] = -1;
	l->gen++;
}
