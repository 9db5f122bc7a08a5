/*
 * detail.c — the record open in the detail pane (see detail.h): which
 * record and tab, the requests for each tab and what becomes of replies.
 *
 * Each tab's statements go out in one batch (one round trip) the first
 * time the tab is shown for the open record; the first batch for a record
 * also carries the header statement, except on the Summary tab, whose
 * statement answers for the header too (so opening a record there is one
 * statement). A table (detail_parts) says which
 * statements make up each tab, with which parameters, and which function
 * of detail_rows.c copies their rows. Every request carries the serial of
 * the record it was for: a reply for an older record is dropped untouched.
 * A tab counts as loaded when all its statements have answered; only then
 * (and when the record or the tab changes) does the generation move, so
 * the pane repaints once per tab load, not once per statement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/detail.h"
#include "model/detail_private.h"
#include "model/queries.h"
#include "util/xmalloc.h"

#define DETAIL_ARENA_BLOCK	4096

struct detail_arena_block {
	struct detail_arena_block	*next;
	size_t				 used;
	size_t				 size;
	char				 data[];
};

/* A request in flight, tagged so stale replies can be recognised. */
static const struct db_rows *detail_cache_find(const struct detail *);
static void	detail_cache_drop(struct detail *);

struct detail_req {
	struct detail	*d;
	uint64_t	 serial;
	int		 part;		/* index into detail_parts */
};

enum detail_param {
	DP_CHILD,
	DP_LA,
	DP_CASE,
};

/* One statement of a tab. */
struct detail_part {
	int		 slot;		/* a tab, or DETAIL_SLOT_HEADER */
	const char	*sql;
	int		 nparams;
	enum detail_param params[3];
	bool		 audit_only;	/* only for roles that read the audit */
	void		(*rows)(struct detail *, const struct db_rows *);
};

static const struct detail_part detail_parts[] = {
	{ DETAIL_SLOT_HEADER, QUERY_DETAIL_HEADER, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_header },
	{ DETAIL_SUMMARY, QUERY_DETAIL_SUMMARY, 3,
	    { DP_CHILD, DP_LA, DP_CASE }, false, detail_rows_summary },
	{ DETAIL_TIMELINE, QUERY_DETAIL_TIMELINE, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_timeline },
	{ DETAIL_TIMELINE, QUERY_DETAIL_TIMELINE_AUDIT, 2,
	    { DP_CHILD, DP_LA }, true, detail_rows_timeline_audit },
	{ DETAIL_ATTENDANCE, QUERY_DETAIL_ATT_CODES, 0, { DP_CHILD },
	    false, detail_rows_att_codes },
	{ DETAIL_ATTENDANCE, QUERY_DETAIL_ATT_TERMS, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_att_terms },
	{ DETAIL_ATTENDANCE, QUERY_DETAIL_ATT_CLOSED, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_att_closed },
	{ DETAIL_ATTENDANCE, QUERY_DETAIL_ATT_SETTINGS, 1, { DP_LA },
	    false, detail_rows_att_settings },
	{ DETAIL_ATTENDANCE, QUERY_DETAIL_ATT_MARKS, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_att_marks },
	{ DETAIL_ENQUIRIES, QUERY_DETAIL_ENQUIRIES, 3,
	    { DP_CHILD, DP_LA, DP_CASE }, false, detail_rows_enquiries },
	{ DETAIL_FAMILY, QUERY_DETAIL_PEOPLE, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_people },
	{ DETAIL_FAMILY, QUERY_DETAIL_SIBLINGS, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_siblings },
	{ DETAIL_FAMILY, QUERY_DETAIL_ADDRESSES, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_addresses },
	{ DETAIL_ALERTS, QUERY_DETAIL_ALERTS, 2, { DP_CHILD, DP_LA },
	    false, detail_rows_alerts },
};
#define DETAIL_NPARTS	((int)(sizeof detail_parts / sizeof detail_parts[0]))

static const char *detail_tab_names[DETAIL_TAB_COUNT] = {
	[DETAIL_SUMMARY] = "Summary",
	[DETAIL_TIMELINE] = "Timeline",
	[DETAIL_ATTENDANCE] = "Attendance",
	[DETAIL_ENQUIRIES] = "Enquiries",
	[DETAIL_FAMILY] = "Family",
	[DETAIL_ALERTS] = "Alerts",
};

static struct detail_status	*detail_slot_status(struct detail *, int);
static void	 detail_slot_release(struct detail *, int);
static void	 detail_slot_done(struct detail *, int);
static void	 detail_on_rows(void *, const struct db_rows *,
		     const struct db_error *);
static bool	 detail_wants(struct detail *, int);
static int	 detail_add_slot(struct detail *, struct db_batch *, int);
static void	 detail_fetch(struct detail *);
static void	 detail_forget(struct detail *);
static void	 detail_fetch_into(struct detail *, struct db_batch *);

/* ---- the string arena ---- */

const char *
detail_arena_dup(struct detail_arena *a, const char *s)
{
	struct detail_arena_block	*b = a->head;
	size_t				 len, size;
	char				*p;

	if (s == NULL || *s == '\0')
		return ("");
	len = strlen(s) + 1;
	if (b == NULL || b->size - b->used < len) {
		size = len > DETAIL_ARENA_BLOCK ? len : DETAIL_ARENA_BLOCK;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	memcpy(p, s, len);
	b->used += len;
	return (p);
}

void
detail_arena_release(struct detail_arena *a)
{
	struct detail_arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

/* ---- slots ---- */

static struct detail_status *
detail_slot_status(struct detail *d, int slot)
{
	switch (slot) {
	case DETAIL_SUMMARY:
		return (&d->summary.st);
	case DETAIL_TIMELINE:
		return (&d->timeline.st);
	case DETAIL_ATTENDANCE:
		return (&d->attendance.st);
	case DETAIL_ENQUIRIES:
		return (&d->enquiries.st);
	case DETAIL_FAMILY:
		return (&d->family.st);
	case DETAIL_ALERTS:
		return (&d->alerts.st);
	default:
		return (&d->header.st);
	}
}

/* Forgets a slot's data and request; the slot can be asked for again. */
static void
detail_slot_release(struct detail *d, int slot)
{
	struct detail_status	*st = detail_slot_status(d, slot);

	detail_rows_release(d, slot);
	detail_arena_release(&d->slot[slot].arena);
	free(st->error);
	st->error = NULL;
	st->loaded = false;
	d->slot[slot].requested = false;
	d->slot[slot].pending = 0;
}

/* Every statement of a slot has answered. */
static void
detail_slot_done(struct detail *d, int slot)
{
	struct detail_status	*st = detail_slot_status(d, slot);
	char			*error;

	if (st->error != NULL) {
		/* Half a tab is worse than none: keep only the error. */
		error = st->error;
		st->error = NULL;
		detail_rows_release(d, slot);
		detail_arena_release(&d->slot[slot].arena);
		st->error = error;
	} else if (slot == DETAIL_TIMELINE) {
		detail_rows_timeline_done(d);
	} else if (slot == DETAIL_ATTENDANCE) {
		detail_rows_attendance_done(d);
	}
	st->loaded = true;
	if (slot == DETAIL_SUMMARY && d->slot[DETAIL_SLOT_HEADER].requested &&
	    d->slot[DETAIL_SLOT_HEADER].pending == 0 && !d->header.st.loaded) {
		/* The header rode on the summary (detail_fetch). */
		d->header.st.loaded = true;
		if (st->error != NULL)
			d->header.st.error = xstrdup(st->error);
	}
	d->gen++;
}

/* The callback of every statement. */
static void
detail_on_rows(void *arg, const struct db_rows *r, const struct db_error *err)
{
	struct detail_req		*req = arg;
	struct detail			*d = req->d;
	const struct detail_part	*part = &detail_parts[req->part];
	struct detail_status		*st;
	bool				 current = req->serial == d->serial;

	free(req);
	if (!current)
		return;		/* the user has left that record */
	st = detail_slot_status(d, part->slot);
	if (err != NULL) {
		if (st->error == NULL)
			st->error = xstrdup(err->message != NULL ?
			    err->message : "the database did not answer");
	} else if (st->error == NULL) {
		part->rows(d, r);
	}
	if (--d->slot[part->slot].pending == 0)
		detail_slot_done(d, part->slot);
}

/* Whether a slot should be (re)sent: never asked, or failed. */
static bool
detail_wants(struct detail *d, int slot)
{
	struct detail_status	*st = detail_slot_status(d, slot);

	if (!d->slot[slot].requested)
		return (true);
	return (st->loaded && st->error != NULL);
}

/* Adds the statements of one slot to a batch; returns how many. */
static int
detail_add_slot(struct detail *d, struct db_batch *b, int slot)
{
	struct detail_req	*req;
	const char		*params[3], *v;
	int			 i, j, n = 0;

	detail_slot_release(d, slot);
	for (i = 0; i < DETAIL_NPARTS; i++) {
		if (detail_parts[i].slot != slot)
			continue;
		if (detail_parts[i].audit_only &&
		    d->audit != DETAIL_AUDIT_YES)
			continue;
		for (j = 0; j < detail_parts[i].nparams; j++) {
			switch (detail_parts[i].params[j]) {
			case DP_CHILD:
				v = d->key.child_id;
				break;
			case DP_LA:
				v = d->key.la_code;
				break;
			default:
				v = *d->key.case_id ? d->key.case_id : NULL;
				break;
			}
			params[j] = v;
		}
		req = xmalloc(sizeof *req);
		req->d = d;
		req->serial = d->serial;
		req->part = i;
		d->slot[slot].pending++;
		n++;
		db_batch_add(b, detail_parts[i].sql, detail_parts[i].nparams,
		    params, detail_on_rows, req);
	}
	if (slot == DETAIL_TIMELINE)
		d->timeline.audit = d->audit == DETAIL_AUDIT_YES;
	d->slot[slot].requested = true;
	return (n);
}

/*
 * Sends what the current tab (and the header) still lack, in one batch.
 * When the batch cannot go out, its callbacks run at once with the error
 * (db.h), which lands in the tabs' status like any other failure.
 */
static void
detail_fetch(struct detail *d)
{
	detail_fetch_into(d, NULL);
}

/*
 * The same, adding the statements to the caller's batch when given (a
 * write and the re-read of what it changed then share one round trip:
 * a pipeline up to its sync is one transaction, so the reads see it).
 */
static void
detail_fetch_into(struct detail *d, struct db_batch *into)
{
	const struct db_rows	*cached;
	struct db_batch		*b;
	struct db_error		 err = { "", NULL, NULL, NULL };

	if (!d->open)
		return;
	b = into != NULL ? into : db_batch_new();
	if (detail_wants(d, DETAIL_SLOT_HEADER)) {
		if (d->tab == DETAIL_SUMMARY && detail_wants(d, d->tab)) {
			/* The summary's row answers for the header. */
			detail_slot_release(d, DETAIL_SLOT_HEADER);
			d->slot[DETAIL_SLOT_HEADER].requested = true;
		} else {
			detail_add_slot(d, b, DETAIL_SLOT_HEADER);
		}
	}
	if (d->tab == DETAIL_SUMMARY && detail_wants(d, DETAIL_SUMMARY) &&
	    (cached = detail_cache_find(d)) != NULL) {
		/* Fetched with the list page: no round trip. */
		detail_slot_release(d, DETAIL_SUMMARY);
		d->slot[DETAIL_SUMMARY].requested = true;
		detail_rows_summary(d, cached);
		detail_slot_done(d, DETAIL_SUMMARY);
	}
	if (detail_wants(d, d->tab))
		detail_add_slot(d, b, d->tab);
	if (d->with_summary && d->tab != DETAIL_SUMMARY &&
	    detail_wants(d, DETAIL_SUMMARY))
		detail_add_slot(d, b, DETAIL_SUMMARY);
	d->with_summary = false;
	if (into != NULL)
		return;
	if (db_batch_size(b) == 0) {
		db_batch_free(b);
		return;
	}
	(void)db_batch_send(d->db, b, &err);
	db_error_release(&err);
}

#define DETAIL_CACHE_MAX	1200	/* two windows of list rows */

static void
detail_cache_id(char *buf, size_t n, const char *la, const char *child,
    const char *kase)
{
	snprintf(buf, n, "%s:%s:%s", la, child, kase != NULL ? kase : "");
}

void
detail_cache_put(struct detail *d, const char *la, const char *child,
    const char *kase, struct db_rows *row)
{
	char	id[80];
	size_t	i;

	detail_cache_id(id, sizeof id, la, child, kase);
	for (i = 0; i < d->ncache; i++) {
		if (strcmp(d->cache[i].id, id) == 0) {
			db_rows_free(d->cache[i].row);
			d->cache[i].row = row;
			return;
		}
	}
	if (d->ncache == DETAIL_CACHE_MAX) {
		/* Drop the oldest half. */
		for (i = 0; i < DETAIL_CACHE_MAX / 2; i++)
			db_rows_free(d->cache[i].row);
		memmove(d->cache, d->cache + DETAIL_CACHE_MAX / 2,
		    (DETAIL_CACHE_MAX - DETAIL_CACHE_MAX / 2) *
		    sizeof *d->cache);
		d->ncache -= DETAIL_CACHE_MAX / 2;
	}
	if (d->cache == NULL)
		d->cache = xcalloc(DETAIL_CACHE_MAX, sizeof *d->cache);
	snprintf(d->cache[d->ncache].id, sizeof d->cache[d->ncache].id, "%s",
	    id);
	d->cache[d->ncache].row = row;
	d->ncache++;
}

void
detail_cache_clear(struct detail *d)
{
	size_t	i;

	for (i = 0; i < d->ncache; i++)
		db_rows_free(d->cache[i].row);
	d->ncache = 0;
}

/* Forgets the open record's prefetched summary (it has just changed). */
static void
detail_cache_drop(struct detail *d)
{
	char	id[80];
	size_t	i;

	detail_cache_id(id, sizeof id, d->key.la_code, d->key.child_id,
	    d->key.case_id);
	for (i = 0; i < d->ncache; i++) {
		if (strcmp(d->cache[i].id, id) != 0)
			continue;
		db_rows_free(d->cache[i].row);
		d->cache[i] = d->cache[--d->ncache];
		return;
	}
}

static const struct db_rows *
detail_cache_find(const struct detail *d)
{
	char	id[80];
	size_t	i;

	detail_cache_id(id, sizeof id, d->key.la_code, d->key.child_id,
	    d->key.case_id);
	for (i = 0; i < d->ncache; i++)
		if (strcmp(d->cache[i].id, id) == 0)
			return (d->cache[i].row);
	return (NULL);
}

/* Drops every slot's data; replies still in flight become stale. */
static void
detail_forget(struct detail *d)
{
	int	s;

	d->serial++;
	for (s = 0; s < DETAIL_SLOTS; s++)
		detail_slot_release(d, s);
}

/* ---- the API ---- */

struct detail *
detail_new(struct db *db)
{
	struct detail	*d;

	d = xcalloc(1, sizeof *d);
	d->db = db;
	return (d);
}

void
detail_free(struct detail *d)
{
	int	s;

	if (d == NULL)
		return;
	for (s = 0; s < DETAIL_SLOTS; s++)
		detail_slot_release(d, s);
	detail_cache_clear(d);
	free(d->cache);
	free(d);
}

void
detail_open(struct detail *d, const struct detail_key *key)
{
	if (d->open && memcmp(&d->key, key, sizeof *key) == 0) {
		if (detail_wants(d, d->tab) ||
		    detail_wants(d, DETAIL_SLOT_HEADER)) {
			detail_fetch(d);
			d->gen++;
		}
		return;
	}
	detail_forget(d);
	d->key = *key;
	d->open = true;
	detail_fetch(d);
	d->gen++;
}

/*
 * Reads the open record again after a change to it: into the caller's
 * batch (the one carrying the change) when given, else on its own.
 */
void
detail_refresh(struct detail *d, struct db_batch *into)
{
	if (!d->open)
		return;
	detail_forget(d);
	detail_cache_drop(d);	/* only this record's summary is stale */
	/* After a write the case's facts (its version) are read again
	 * whichever tab is showing: the next edit starts from them. */
	d->with_summary = true;
	detail_fetch_into(d, into);
	d->gen++;
}

void
detail_reset(struct detail *d)
{
	detail_forget(d);
	detail_cache_clear(d);
	d->open = false;
	d->audit = DETAIL_AUDIT_UNKNOWN;
	d->gen++;
}

void
detail_set_tab(struct detail *d, enum detail_tab tab)
{
	if ((unsigned)tab >= DETAIL_TAB_COUNT)
		return;
	if (tab == d->tab && !(d->open && detail_wants(d, tab)))
		return;
	d->tab = tab;
	detail_fetch(d);
	d->gen++;
}

enum detail_tab
detail_tab(const struct detail *d)
{
	return (d->tab);
}

const char *
detail_tab_name(enum detail_tab tab)
{
	return ((unsigned)tab < DETAIL_TAB_COUNT ? detail_tab_names[tab] : "");
}

uint64_t
detail_gen(const struct detail *d)
{
	return (d->gen);
}

uint64_t
detail_serial(const struct detail *d)
{
	return (d->serial);
}

const struct detail_key *
detail_key(const struct detail *d)
{
	return (d->open ? &d->key : NULL);
}

bool
detail_case(const struct detail *d, const char *child_id,
    const char **case_id, const char **version)
{
	if (!d->open || child_id == NULL ||
	    strcmp(d->facts.child_id, child_id) != 0 ||
	    d->facts.case_id[0] == '\0')
		return (false);
	*case_id = d->facts.case_id;
	*version = d->facts.version;
	return (true);
}

const struct detail_status *
detail_status(const struct detail *d, enum detail_tab tab)
{
	return (detail_slot_status((struct detail *)d, (int)tab));
}

const struct detail_header *
detail_header(const struct detail *d)
{
	return (&d->header);
}

const struct child_detail *
detail_summary(const struct detail *d)
{
	return (&d->summary);
}

const struct detail_timeline *
detail_timeline(const struct detail *d)
{
	return (&d->timeline);
}

const struct detail_attendance *
detail_attendance(const struct detail *d)
{
	return (&d->attendance);
}

const struct detail_enquiries *
detail_enquiries(const struct detail *d)
{
	return (&d->enquiries);
}

const struct detail_family *
detail_family(const struct detail *d)
{
	return (&d->family);
}

const struct detail_alerts *
detail_alerts(const struct detail *d)
{
	return (&d->alerts);
}

const char *
detail_closed_reason(const struct detail_attendance *a, int day)
{
	int	i;

	for (i = 0; i < a->nclosed; i++)
		if (a->closed_days[i] == day)
			return (a->closed_reasons[i]);
	return ("");
}
