/*
 * detail_rows.c — each detail statement's rows copied into the tabs'
 * structs (detail.h), with the database's codes turned into the words an
 * officer reads ("done: not found", "step-parent").
 *
 * Strings go into the slot's arena (detail_private.h); arrays are sized
 * once from the row count. Nothing here keeps a pointer into a db_rows.
 * The Timeline's two statements are merged by time when both have come,
 * and the Attendance tab's parts are handed to detail_attendance_build()
 * once, when the last of them has arrived.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "model/detail.h"
#include "model/detail_attendance.h"
#include "model/detail_private.h"
#include "util/date.h"
#include "util/xmalloc.h"

/* Defaults of cme.la_settings, for an LA without a row. */
#define DETAIL_DEFAULT_PERSISTENT	9000
#define DETAIL_DEFAULT_SEVERE		5000
#define DETAIL_DEFAULT_MIN_POSSIBLE	20
#define DETAIL_DEFAULT_N_GRACE		5

struct detail_words {
	const char	*code;
	const char	*words;
};

static const struct detail_words detail_ehe_words[] = {
	{ "none", "" },
	{ "notified", "notified to the LA" },
	{ "assessing", "being assessed" },
	{ "suitable", "suitable" },
	{ "unsuitable", "judged unsuitable" },
	{ "ceased", "ceased" },
	{ NULL, NULL },
};

static const struct detail_words detail_relationship_words[] = {
	{ "mother", "mother" },
	{ "father", "father" },
	{ "step_parent", "step-parent" },
	{ "grandparent", "grandparent" },
	{ "sibling", "sibling" },
	{ "other_relative", "other relative" },
	{ "foster_carer", "foster carer" },
	{ "carer", "carer" },
	{ "social_worker", "social worker" },
	{ "other", "other" },
	{ NULL, NULL },
};

static const struct {
	const char			*code;
	enum detail_enquiry_state	 state;
	const char			*words;
} detail_enquiry_words[] = {
	{ "not_started", ENQUIRY_NOT_STARTED, "not started" },
	{ "done_found", ENQUIRY_DONE_FOUND, "done: found" },
	{ "done_not_found", ENQUIRY_DONE_NOT_FOUND, "done: not found" },
	{ "not_applicable", ENQUIRY_NOT_APPLICABLE, "not applicable" },
};

static const char	*detail_val(const struct db_rows *, int, const char *);
static const char	*detail_str(struct detail *, int,
			    const struct db_rows *, int, const char *);
static bool		 detail_bool(const struct db_rows *, int,
			    const char *);
static int		 detail_int(const struct db_rows *, int, const char *,
			    int);
static const char	*detail_word(struct detail *, int,
			    const struct detail_words *, const char *);
static int		 detail_day(const char *);
static void		*detail_rows_array(const struct db_rows *, size_t,
			    int *);
static void		 detail_tl_add(struct detail *, int,
			    const struct db_rows *);

/* The raw value of a column, NULL for SQL NULL or no such column. */
static const char *
detail_val(const struct db_rows *r, int row, const char *col)
{
	return (db_rows_value(r, row, db_rows_find(r, col)));
}

/* A column copied into the slot's arena ("" for NULL). */
static const char *
detail_str(struct detail *d, int slot, const struct db_rows *r, int row,
    const char *col)
{
	return (detail_arena_dup(&d->slot[slot].arena,
	    detail_val(r, row, col)));
}

static bool
detail_bool(const struct db_rows *r, int row, const char *col)
{
	const char	*v = detail_val(r, row, col);

	return (v != NULL && (*v == 't' || *v == '1'));
}

static int
detail_int(const struct db_rows *r, int row, const char *col, int dflt)
{
	const char	*v = detail_val(r, row, col);

	return (v != NULL && *v != '\0' ? atoi(v) : dflt);
}

/* The words for a database code; the code itself when unknown. */
static const char *
detail_word(struct detail *d, int slot, const struct detail_words *w,
    const char *code)
{
	if (code == NULL)
		return ("");
	for (; w->code != NULL; w++)
		if (strcmp(w->code, code) == 0)
			return (w->words);
	return (detail_arena_dup(&d->slot[slot].arena, code));
}

/* An ISO date as a day number; -1 when absent or malformed. */
static int
detail_day(const char *iso)
{
	int	day;

	if (iso == NULL || date_parse_iso(iso, &day) != 0)
		return (-1);
	return (day);
}

/* A zeroed array with one element per row (never a zero-size alloc). */
static void *
detail_rows_array(const struct db_rows *r, size_t size, int *n)
{
	*n = db_rows_count(r);
	return (xcalloc(*n > 0 ? (size_t)*n : 1, size));
}

/* ---- header and summary ---- */

void
detail_rows_header(struct detail *d, const struct db_rows *r)
{
	struct detail_header	*h = &d->header;
	const int		 s = DETAIL_SLOT_HEADER;

	if (db_rows_count(r) == 0) {
		h->st.error = xstrdup("this child is not visible to you");
		return;
	}
	h->name = detail_str(d, s, r, 0, "name");
	h->restricted = detail_bool(r, 0, "restricted");
	d->audit = detail_bool(r, 0, "can_read_audit") ? DETAIL_AUDIT_YES :
	    DETAIL_AUDIT_NO;
}

void
detail_rows_summary(struct detail *d, const struct db_rows *r)
{
	struct child_detail	*c = &d->summary;
	const int		 s = DETAIL_SUMMARY;

	if (db_rows_count(r) == 0) {
		c->st.error = xstrdup("this child is not visible to you");
		return;
	}
	if (!d->header.st.loaded) {
		/* The header rode on this statement (detail.c). */
		d->header.name = detail_str(d, DETAIL_SLOT_HEADER, r, 0,
		    "name");
		d->header.restricted = detail_bool(r, 0, "restricted");
		d->audit = detail_bool(r, 0, "can_read_audit") ?
		    DETAIL_AUDIT_YES : DETAIL_AUDIT_NO;
	}
	c->child_id = detail_str(d, s, r, 0, "child_id");
	c->legal_name = detail_str(d, s, r, 0, "legal_name");
	c->preferred_name = detail_str(d, s, r, 0, "preferred_name");
	c->upn = detail_str(d, s, r, 0, "upn");
	c->dob = detail_str(d, s, r, 0, "dob");
	c->sex = detail_str(d, s, r, 0, "sex");
	c->address = detail_str(d, s, r, 0, "address");
	c->school = detail_str(d, s, r, 0, "school");
	c->flags = detail_str(d, s, r, 0, "flags");
	c->other_names = detail_str(d, s, r, 0, "other_names");
	c->ehe = detail_word(d, s, detail_ehe_words,
	    detail_val(r, 0, "ehe_status"));
	c->restricted = detail_bool(r, 0, "restricted");
	c->case_id = detail_str(d, s, r, 0, "case_id");
	c->case_status = detail_str(d, s, r, 0, "case_status");
	c->case_reason = detail_str(d, s, r, 0, "case_reason");
	c->referred_on = detail_str(d, s, r, 0, "referred_on");
	c->assigned_to = detail_str(d, s, r, 0, "assigned_to");
	c->located_on = detail_str(d, s, r, 0, "located_on");
	c->closed_on = detail_str(d, s, r, 0, "closed_on");
	c->outcome = detail_str(d, s, r, 0, "outcome");
	c->case_open = detail_bool(r, 0, "case_open");
	c->days_open = detail_int(r, 0, "days_open", 0);
	c->clock_limit = detail_int(r, 0, "clock_limit", 20);
	c->mark10_on = detail_str(d, s, r, 0, "mark10_on");
	c->clock_due_on = detail_str(d, s, r, 0, "clock_due_on");
	c->last_contact = detail_str(d, s, r, 0, "last_contact");
	c->case_version = detail_str(d, s, r, 0, "case_version");
	c->closure_pending = detail_bool(r, 0, "closure_pending");
	c->closure_request = detail_str(d, s, r, 0, "closure_request");
	c->closure_note = detail_str(d, s, r, 0, "closure_note");
	c->closure_checklist = detail_str(d, s, r, 0, "closure_checklist");
	c->closure_contacts = detail_str(d, s, r, 0, "closure_contacts");
	/* Kept past the next refresh: an edit can start while it runs. */
	snprintf(d->facts.child_id, sizeof d->facts.child_id, "%s",
	    d->key.child_id);
	snprintf(d->facts.case_id, sizeof d->facts.case_id, "%s", c->case_id);
	snprintf(d->facts.version, sizeof d->facts.version, "%s",
	    c->case_version);
	c->since_contact = detail_int(r, 0, "since_contact", -1);
}

/* ---- timeline ---- */

/* Appends a statement's rows to one of the two raw lists. */
static void
detail_tl_add(struct detail *d, int which, const struct db_rows *r)
{
	struct detail_tl_raw	*t = &d->tl_raw;
	struct detail_tl_row	*row;
	const char		*at;
	int			 i, n = db_rows_count(r);

	if (n <= 0)
		return;
	t->rows[which] = xreallocarray(t->rows[which],
	    (size_t)(t->n[which] + n), sizeof *t->rows[which]);
	for (i = 0; i < n; i++) {
		row = &t->rows[which][t->n[which]++];
		at = detail_val(r, i, "at");
		row->at = at != NULL ? strtod(at, NULL) : 0;
		row->ev.day = detail_str(d, DETAIL_TIMELINE, r, i, "day");
		row->ev.kind = detail_str(d, DETAIL_TIMELINE, r, i, "kind");
		row->ev.text = detail_str(d, DETAIL_TIMELINE, r, i, "text");
		row->ev.amendment = detail_bool(r, i, "amendment");
		row->ev.contact_id = detail_str(d, DETAIL_TIMELINE, r, i,
		    "contact_id");
	}
}

void
detail_rows_timeline(struct detail *d, const struct db_rows *r)
{
	detail_tl_add(d, 0, r);
}

void
detail_rows_timeline_audit(struct detail *d, const struct db_rows *r)
{
	detail_tl_add(d, 1, r);
}

/*
 * Both lists come newest first: merge them by time. On a tie the event
 * list's row goes first, so a correction stays under its contact.
 */
void
detail_rows_timeline_done(struct detail *d)
{
	struct detail_tl_raw	*t = &d->tl_raw;
	struct detail_timeline	*tl = &d->timeline;
	int			 i = 0, j = 0, k = 0;

	tl->n = t->n[0] + t->n[1];
	tl->events = xcalloc(tl->n > 0 ? (size_t)tl->n : 1,
	    sizeof *tl->events);
	while (i < t->n[0] || j < t->n[1]) {
		if (j >= t->n[1] || (i < t->n[0] &&
		    t->rows[0][i].at >= t->rows[1][j].at))
			tl->events[k++] = t->rows[0][i++].ev;
		else
			tl->events[k++] = t->rows[1][j++].ev;
	}
	for (i = 0; i < 2; i++) {
		free(t->rows[i]);
		t->rows[i] = NULL;
		t->n[i] = 0;
	}
}

/* ---- attendance ---- */

void
detail_rows_att_codes(struct detail *d, const struct db_rows *r)
{
	struct detail_att_raw	*a = &d->att_raw;
	const char		*v;
	int			 i;

	free(a->codes);
	a->codes = detail_rows_array(r, sizeof *a->codes, &a->ncodes);
	for (i = 0; i < a->ncodes; i++) {
		v = detail_val(r, i, "packed");
		a->codes[i].packed = v != NULL ? v[0] : '-';
		v = detail_val(r, i, "code");
		if (v != NULL) {
			strncpy(a->codes[i].code, v, ATT_CODE_LEN - 1);
			a->codes[i].code[ATT_CODE_LEN - 1] = '\0';
		}
		a->codes[i].cat = detail_attendance_cat(detail_val(r, i,
		    "category"));
	}
}

void
detail_rows_att_terms(struct detail *d, const struct db_rows *r)
{
	struct detail_att_raw	*a = &d->att_raw;
	struct detail_attendance *at = &d->attendance;
	const int		 s = DETAIL_ATTENDANCE;
	int			 i;

	free(a->terms);
	a->terms = detail_rows_array(r, sizeof *a->terms, &a->nterms);
	at->terms = detail_rows_array(r, sizeof *at->terms, &at->nterms);
	at->today = date_today();
	for (i = 0; i < a->nterms; i++) {
		a->terms[i].term_id = detail_int(r, i, "term_id", 0);
		a->terms[i].start = detail_day(detail_val(r, i, "starts"));
		a->terms[i].end = detail_day(detail_val(r, i, "ends"));
		at->terms[i].name = detail_str(d, s, r, i, "name");
		at->terms[i].starts = detail_str(d, s, r, i, "starts");
		at->terms[i].ends = detail_str(d, s, r, i, "ends");
		at->academic_year = detail_int(r, i, "academic_year", 0);
		if (detail_day(detail_val(r, i, "today")) >= 0)
			at->today = detail_day(detail_val(r, i, "today"));
	}
}

void
detail_rows_att_closed(struct detail *d, const struct db_rows *r)
{
	struct detail_attendance *at = &d->attendance;
	int			 i, n;

	free(at->closed_days);
	free(at->closed_reasons);
	at->closed_days = detail_rows_array(r, sizeof *at->closed_days, &n);
	at->closed_reasons = detail_rows_array(r,
	    sizeof *at->closed_reasons, &n);
	at->nclosed = 0;
	for (i = 0; i < n; i++) {
		if ((at->closed_days[at->nclosed] = detail_day(detail_val(r,
		    i, "day"))) < 0)
			continue;
		at->closed_reasons[at->nclosed++] = detail_str(d,
		    DETAIL_ATTENDANCE, r, i, "reason");
	}
}

void
detail_rows_att_settings(struct detail *d, const struct db_rows *r)
{
	struct att_settings	*s = &d->attendance.settings;
	int			 v;

	if (db_rows_count(r) == 0)
		return;
	d->att_raw.settings_seen = true;
	v = detail_attendance_parse_x100(detail_val(r, 0, "persistent"));
	s->persistent_x100 = v >= 0 ? v : DETAIL_DEFAULT_PERSISTENT;
	v = detail_attendance_parse_x100(detail_val(r, 0, "severe"));
	s->severe_x100 = v >= 0 ? v : DETAIL_DEFAULT_SEVERE;
	s->min_possible = detail_int(r, 0, "min_possible_sessions",
	    DETAIL_DEFAULT_MIN_POSSIBLE);
	s->n_grace_days = detail_int(r, 0, "n_code_grace_days",
	    DETAIL_DEFAULT_N_GRACE);
}

void
detail_rows_att_marks(struct detail *d, const struct db_rows *r)
{
	struct detail_att_raw	*a = &d->att_raw;
	struct detail_attendance *at = &d->attendance;
	const char		*school, *prev;
	char			*list = NULL, *tmp;
	int			 i, j;

	free(a->marks);
	a->marks = detail_rows_array(r, sizeof *a->marks, &a->nmarks);
	for (i = 0; i < a->nmarks; i++) {
		a->marks[i].term_id = detail_int(r, i, "term_id", 0);
		a->marks[i].marks = detail_str(d, DETAIL_ATTENDANCE, r, i,
		    "marks");
		if ((school = detail_val(r, i, "school")) == NULL)
			continue;
		for (j = 0; j < i; j++) {
			prev = detail_val(r, j, "school");
			if (prev != NULL && strcmp(prev, school) == 0)
				break;
		}
		if (j < i)
			continue;	/* named already */
		tmp = list == NULL ? xstrdup(school) :
		    xasprintf("%s; %s", list, school);
		free(list);
		list = tmp;
	}
	at->schools = detail_arena_dup(&d->slot[DETAIL_ATTENDANCE].arena,
	    list);
	free(list);
}

/* All parts are in: unpack the year once. */
void
detail_rows_attendance_done(struct detail *d)
{
	struct detail_att_raw	*a = &d->att_raw;
	struct detail_attendance *at = &d->attendance;
	struct att_input	 in;

	if (!a->settings_seen) {
		at->settings.persistent_x100 = DETAIL_DEFAULT_PERSISTENT;
		at->settings.severe_x100 = DETAIL_DEFAULT_SEVERE;
		at->settings.min_possible = DETAIL_DEFAULT_MIN_POSSIBLE;
		at->settings.n_grace_days = DETAIL_DEFAULT_N_GRACE;
	}
	memset(&in, 0, sizeof in);
	in.today = at->today;
	in.codes = a->codes;
	in.ncodes = (size_t)a->ncodes;
	in.terms = a->terms;
	in.nterms = (size_t)a->nterms;
	in.closed = at->closed_days;
	in.nclosed = (size_t)at->nclosed;
	in.marks = a->marks;
	in.nmarks = (size_t)a->nmarks;
	in.settings = at->settings;
	detail_attendance_build(&at->year, &in);
	free(a->codes);
	free(a->terms);
	free(a->marks);
	memset(a, 0, sizeof *a);
}

/* ---- enquiries, family, alerts ---- */

void
detail_rows_enquiries(struct detail *d, const struct db_rows *r)
{
	struct detail_enquiries	*e = &d->enquiries;
	struct detail_enquiry	*it;
	const int		 s = DETAIL_ENQUIRIES;
	const char		*state;
	size_t			 w;
	int			 i;

	e->items = detail_rows_array(r, sizeof *e->items, &e->n);
	e->case_id = detail_str(d, s, r, 0, "case_id");
	e->case_status = detail_str(d, s, r, 0, "case_status");
	for (i = 0; i < e->n; i++) {
		it = &e->items[i];
		it->item = detail_str(d, s, r, i, "item");
		it->version = detail_str(d, s, r, i, "version");
		it->label = detail_str(d, s, r, i, "label");
		it->done_on = detail_str(d, s, r, i, "done_on");
		it->officer = detail_str(d, s, r, i, "officer");
		it->note = detail_str(d, s, r, i, "note");
		state = detail_val(r, i, "state");
		it->state = ENQUIRY_OTHER;
		it->state_words = detail_arena_dup(&d->slot[s].arena, state);
		for (w = 0; state != NULL && w < sizeof detail_enquiry_words /
		    sizeof detail_enquiry_words[0]; w++) {
			if (strcmp(state, detail_enquiry_words[w].code) != 0)
				continue;
			it->state = detail_enquiry_words[w].state;
			it->state_words = detail_enquiry_words[w].words;
		}
		if (it->state != ENQUIRY_NOT_STARTED)
			e->done++;
	}
}

void
detail_rows_people(struct detail *d, const struct db_rows *r)
{
	struct detail_family	*f = &d->family;
	struct detail_person	*p;
	const int		 s = DETAIL_FAMILY;
	int			 i;

	f->people = detail_rows_array(r, sizeof *f->people, &f->npeople);
	for (i = 0; i < f->npeople; i++) {
		p = &f->people[i];
		p->relationship = detail_word(d, s,
		    detail_relationship_words,
		    detail_val(r, i, "relationship"));
		p->name = detail_str(d, s, r, i, "name");
		p->pr = detail_bool(r, i, "parental_responsibility");
		p->lives_with = detail_bool(r, i, "lives_with");
		p->emergency = detail_bool(r, i, "emergency_contact");
		p->phones = detail_str(d, s, r, i, "phones");
		p->email = detail_str(d, s, r, i, "email");
		p->address = detail_str(d, s, r, i, "address_text");
		p->note = detail_str(d, s, r, i, "note");
	}
}

void
detail_rows_siblings(struct detail *d, const struct db_rows *r)
{
	struct detail_family	*f = &d->family;
	struct detail_sibling	*sb;
	const int		 s = DETAIL_FAMILY;
	int			 i;

	f->siblings = detail_rows_array(r, sizeof *f->siblings,
	    &f->nsiblings);
	for (i = 0; i < f->nsiblings; i++) {
		sb = &f->siblings[i];
		sb->name = detail_str(d, s, r, i, "name");
		sb->dob = detail_str(d, s, r, i, "dob");
		sb->restricted = detail_bool(r, i, "restricted");
		sb->via = detail_str(d, s, r, i, "via");
		sb->school = detail_str(d, s, r, i, "school");
	}
}

void
detail_rows_addresses(struct detail *d, const struct db_rows *r)
{
	struct detail_family	*f = &d->family;
	struct detail_address	*a;
	const int		 s = DETAIL_FAMILY;
	int			 i;

	f->addresses = detail_rows_array(r, sizeof *f->addresses,
	    &f->naddresses);
	for (i = 0; i < f->naddresses; i++) {
		a = &f->addresses[i];
		a->kind = detail_str(d, s, r, i, "kind");
		a->text = detail_str(d, s, r, i, "address");
		a->from = detail_str(d, s, r, i, "valid_from");
		a->to = detail_str(d, s, r, i, "valid_to");
		a->note = detail_str(d, s, r, i, "note");
	}
}

void
detail_rows_alerts(struct detail *d, const struct db_rows *r)
{
	struct detail_alerts	*al = &d->alerts;
	struct detail_alert	*a;
	const int		 s = DETAIL_ALERTS;
	const char		*id;
	int			 i;

	al->items = detail_rows_array(r, sizeof *al->items, &al->n);
	for (i = 0; i < al->n; i++) {
		a = &al->items[i];
		a->label = detail_str(d, s, r, i, "label");
		a->severity = detail_str(d, s, r, i, "severity");
		a->status = detail_str(d, s, r, i, "status");
		a->raised = detail_str(d, s, r, i, "raised");
		a->age = detail_int(r, i, "age", 0);
		a->assigned = detail_str(d, s, r, i, "assigned");
		a->snooze_until = detail_str(d, s, r, i, "snooze_until");
		a->resolved = detail_str(d, s, r, i, "resolved");
		a->resolved_by = detail_str(d, s, r, i, "resolved_by");
		a->note = detail_str(d, s, r, i, "resolution_note");
		a->open = strcmp(a->status, "resolved") != 0;
		id = detail_val(r, i, "alert_id");
		a->selected = id != NULL && *d->key.alert_id != '\0' &&
		    strcmp(id, d->key.alert_id) == 0;
		if (a->open)
			al->nopen++;
	}
}

/* ---- release ---- */

void
detail_rows_release(struct detail *d, int slot)
{
	struct detail_status	 st;
	int			 i;

	switch (slot) {
	case DETAIL_SUMMARY:
		st = d->summary.st;
		memset(&d->summary, 0, sizeof d->summary);
		d->summary.st = st;
		break;
	case DETAIL_TIMELINE:
		st = d->timeline.st;
		free(d->timeline.events);
		memset(&d->timeline, 0, sizeof d->timeline);
		d->timeline.st = st;
		for (i = 0; i < 2; i++) {
			free(d->tl_raw.rows[i]);
			d->tl_raw.rows[i] = NULL;
			d->tl_raw.n[i] = 0;
		}
		break;
	case DETAIL_ATTENDANCE:
		st = d->attendance.st;
		detail_attendance_release(&d->attendance.year);
		free(d->attendance.terms);
		free(d->attendance.closed_days);
		free(d->attendance.closed_reasons);
		memset(&d->attendance, 0, sizeof d->attendance);
		d->attendance.st = st;
		free(d->att_raw.codes);
		free(d->att_raw.terms);
		free(d->att_raw.marks);
		memset(&d->att_raw, 0, sizeof d->att_raw);
		break;
	case DETAIL_ENQUIRIES:
		st = d->enquiries.st;
		free(d->enquiries.items);
		memset(&d->enquiries, 0, sizeof d->enquiries);
		d->enquiries.st = st;
		break;
	case DETAIL_FAMILY:
		st = d->family.st;
		free(d->family.people);
		free(d->family.siblings);
		free(d->family.addresses);
		memset(&d->family, 0, sizeof d->family);
		d->family.st = st;
		break;
	case DETAIL_ALERTS:
		st = d->alerts.st;
		free(d->alerts.items);
		memset(&d->alerts, 0, sizeof d->alerts);
		d->alerts.st = st;
		break;
	default:
		st = d->header.st;
		memset(&d->header, 0, sizeof d->header);
		d->header.st = st;
		break;
	}
}
