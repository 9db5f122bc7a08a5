/*
 * detail.c — the record open in the detail pane (see detail.h).
 *
 * Each tab's data is fetched with one batch (one round trip) the first
 * time the tab is shown for the open record. Every request carries the
 * serial of the record it was for; a reply for an older record is dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/detail.h"
#include "model/queries.h"
#include "util/xmalloc.h"

struct detail {
	struct db		*db;		/* borrowed */
	uint64_t		 gen;
	uint64_t		 serial;	/* bumps per record opened */
	bool			 open;
	struct detail_key	 key;
	enum detail_tab		 tab;
	bool			 requested[DETAIL_TAB_COUNT];
	struct child_detail	 summary;
};

/* A request in flight, tagged so stale replies can be recognised. */
struct detail_req {
	struct detail	*d;
	uint64_t	 serial;
};

static const char *detail_tab_names[DETAIL_TAB_COUNT] = {
	[DETAIL_SUMMARY] = "Summary",
	[DETAIL_TIMELINE] = "Timeline",
	[DETAIL_ATTENDANCE] = "Attendance",
	[DETAIL_ENQUIRIES] = "Enquiries",
	[DETAIL_FAMILY] = "Family",
	[DETAIL_ALERTS] = "Alerts",
};

static char *
detail_dup(const struct db_rows *r, int row, const char *col)
{
	const char	*v;

	v = db_rows_value(r, row, db_rows_find(r, col));
	return (xstrdup(v != NULL ? v : ""));
}

static int
detail_int(const struct db_rows *r, int row, const char *col)
{
	const char	*v;

	v = db_rows_value(r, row, db_rows_find(r, col));
	return (v != NULL ? atoi(v) : 0);
}

static void
detail_summary_release(struct child_detail *c)
{
	free(c->child_id);
	free(c->legal_name);
	free(c->preferred_name);
	free(c->upn);
	free(c->dob);
	free(c->sex);
	free(c->address);
	free(c->school);
	free(c->flags);
	free(c->case_status);
	free(c->case_reason);
	free(c->referred_on);
	free(c->other_names);
	free(c->error);
	memset(c, 0, sizeof *c);
}

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
	if (d == NULL)
		return;
	detail_summary_release(&d->summary);
	free(d);
}

/* Takes a request tag for the open record; NULL when it is stale. */
static struct detail *
detail_claim(struct detail_req *req)
{
	struct detail	*d = req->d;
	bool		 current = req->serial == d->serial;

	free(req);
	return (current ? d : NULL);
}

static void
detail_on_summary(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct detail		*d;
	struct child_detail	*c;

	if ((d = detail_claim(arg)) == NULL)
		return;
	c = &d->summary;
	detail_summary_release(c);
	c->loaded = true;
	if (err != NULL) {
		c->error = xstrdup(err->message);
	} else if (db_rows_count(r) == 0) {
		c->error = xstrdup("this child is not visible to you");
	} else {
		c->child_id = detail_dup(r, 0, "child_id");
		c->legal_name = detail_dup(r, 0, "legal_name");
		c->preferred_name = detail_dup(r, 0, "preferred_name");
		c->upn = detail_dup(r, 0, "upn");
		c->dob = detail_dup(r, 0, "dob");
		c->sex = detail_dup(r, 0, "sex");
		c->address = detail_dup(r, 0, "address");
		c->school = detail_dup(r, 0, "school");
		c->flags = detail_dup(r, 0, "flags");
		c->case_status = detail_dup(r, 0, "case_status");
		c->case_reason = detail_dup(r, 0, "case_reason");
		c->referred_on = detail_dup(r, 0, "referred_on");
		c->other_names = detail_dup(r, 0, "other_names");
		c->days_open = detail_int(r, 0, "days_open");
	}
	d->gen++;
}

static struct detail_req *
detail_req_new(struct detail *d)
{
	struct detail_req	*req;

	req = xmalloc(sizeof *req);
	req->d = d;
	req->serial = d->serial;
	return (req);
}

/* Adds the statements of one tab to a batch. */
static void
detail_add_tab(struct detail *d, struct db_batch *b, enum detail_tab tab)
{
	const char	*params[3];

	params[0] = d->key.child_id;
	params[1] = *d->key.case_id ? d->key.case_id : NULL;
	params[2] = d->key.la_code;
	switch (tab) {
	case DETAIL_SUMMARY:
	default:
		db_batch_add(b, QUERY_CHILD_SUMMARY, 3, params,
		    detail_on_summary, detail_req_new(d));
		break;
	}
	d->requested[tab] = true;
}

/* Fetches the current tab if it has not been asked for yet. */
static void
detail_fetch(struct detail *d)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (!d->open || d->requested[d->tab])
		return;
	b = db_batch_new();
	detail_add_tab(d, b, d->tab);
	if (db_batch_send(d->db, b, &err) != 0) {
		/* The callbacks will not run: record the failure here. */
		detail_summary_release(&d->summary);
		d->summary.loaded = true;
		d->summary.error = xstrdup(err.message);
	}
	db_error_release(&err);
	d->gen++;
}

void
detail_open(struct detail *d, const struct detail_key *key)
{
	if (d->open && memcmp(&d->key, key, sizeof *key) == 0 &&
	    d->summary.loaded && d->summary.error == NULL)
		return;
	d->key = *key;
	d->open = true;
	d->serial++;
	memset(d->requested, 0, sizeof d->requested);
	detail_summary_release(&d->summary);
	detail_fetch(d);
	d->gen++;
}

void
detail_reset(struct detail *d)
{
	d->open = false;
	d->serial++;
	memset(d->requested, 0, sizeof d->requested);
	detail_summary_release(&d->summary);
	d->gen++;
}

void
detail_set_tab(struct detail *d, enum detail_tab tab)
{
	if ((unsigned)tab >= DETAIL_TAB_COUNT || tab == d->tab)
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

const struct detail_key *
detail_key(const struct detail *d)
{
	return (d->open ? &d->key : NULL);
}

const struct child_detail *
detail_summary(const struct detail *d)
{
	return (&d->summary);
}
