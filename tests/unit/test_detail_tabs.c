/*
 * test_detail_tabs.c — the detail's requests and replies (src/model/
 * detail.c, detail_rows.c) against a fake db/ that records the batches
 * sent and lets each test answer them with canned rows.
 *
 * Checked: opening a record on the Summary tab is one statement (the
 * header rides on it), on another tab one more; each tab is fetched once
 * per record, in one batch; the generation moves once per tab loaded, not
 * per statement; a reply for a record the user has left is dropped (and
 * its request freed: ASan's leak check runs in `make check`); a failed
 * tab keeps only its error and is fetched again when chosen again; the
 * audit rows of a role that may read them are merged into the Timeline
 * by time.
 *
 * The fake replaces the few db.h functions detail.o uses; the linker
 * then takes nothing from src/db/ (no libpq connection is ever made).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/detail.h"
#include "model/queries.h"
#include "unit.h"

#define FAKE_MAX_STMTS	16
#define FAKE_MAX_SENT	32

struct db_rows {
	int		  nrows;
	int		  ncols;
	const char	**names;
	const char	**cells;	/* nrows * ncols */
};

struct fake_stmt {
	const char	*sql;		/* the QUERY_* text (static) */
	db_result_fn	 fn;
	void		*arg;
	bool		 answered;
};

struct db_batch {
	struct fake_stmt	 s[FAKE_MAX_STMTS];
	int			 n;
};

static struct db_batch	*sent[FAKE_MAX_SENT];
static int		 nsent;

/* ---- the fake db.h ---- */

int
db_rows_count(const struct db_rows *r)
{
	return (r != NULL ? r->nrows : 0);
}

int
db_rows_find(const struct db_rows *r, const char *name)
{
	int	j;

	for (j = 0; r != NULL && j < r->ncols; j++)
		if (strcmp(r->names[j], name) == 0)
			return (j);
	return (-1);
}

const char *
db_rows_value(const struct db_rows *r, int row, int col)
{
	if (r == NULL || row < 0 || row >= r->nrows || col < 0 ||
	    col >= r->ncols)
		return (NULL);
	return (r->cells[row * r->ncols + col]);
}

/* The detail frees the summaries it was given with the list pages; the
 * tests here never give it any. */
void
db_rows_free(struct db_rows *r)
{
	(void)r;
}

void
db_error_release(struct db_error *e)
{
	free(e->message);
	free(e->detail);
	free(e->hint);
	e->message = e->detail = e->hint = NULL;
}

struct db_batch *
db_batch_new(void)
{
	return (calloc(1, sizeof (struct db_batch)));
}

void
db_batch_add(struct db_batch *b, const char *sql, int nparams,
    const char *const *params, db_result_fn fn, void *arg)
{
	(void)nparams;
	(void)params;
	if (b->n == FAKE_MAX_STMTS)
		abort();
	b->s[b->n].sql = sql;
	b->s[b->n].fn = fn;
	b->s[b->n].arg = arg;
	b->n++;
}

int
db_batch_size(const struct db_batch *b)
{
	return (b->n);
}

void
db_batch_free(struct db_batch *b)
{
	free(b);
}

int
db_batch_send(struct db *db, struct db_batch *b, struct db_error *err)
{
	(void)db;
	(void)err;
	if (nsent == FAKE_MAX_SENT)
		abort();
	sent[nsent++] = b;
	return (0);
}

/* ---- answering ---- */

static const char *no_cols[] = { NULL };

/* Answers statement i of batch k with rows (names NULL-terminated). */
static void
answer(int k, int i, const char *const *names, const char *const *cells,
    int nrows)
{
	struct db_rows	 r;
	struct fake_stmt *s = &sent[k]->s[i];

	memset(&r, 0, sizeof r);
	while (names[r.ncols] != NULL)
		r.ncols++;
	r.nrows = nrows;
	r.names = (const char **)names;
	r.cells = (const char **)cells;
	s->answered = true;
	s->fn(s->arg, &r, NULL);
}

static void
answer_empty(int k, int i)
{
	answer(k, i, no_cols, NULL, 0);
}

static void
answer_error(int k, int i, const char *msg)
{
	struct db_error	 e;
	struct fake_stmt *s = &sent[k]->s[i];

	memset(&e, 0, sizeof e);
	e.message = (char *)msg;
	s->answered = true;
	s->fn(s->arg, NULL, &e);
}

/* Every statement not answered yet gets an error (frees requests). */
static void
answer_rest(void)
{
	int	k, i;

	for (k = 0; k < nsent; k++)
		for (i = 0; i < sent[k]->n; i++)
			if (!sent[k]->s[i].answered)
				answer_error(k, i, "test over");
}

static void
forget_sent(void)
{
	int	k;

	answer_rest();
	for (k = 0; k < nsent; k++)
		free(sent[k]);
	nsent = 0;
}

static void
key(struct detail_key *k, const char *child, const char *case_id)
{
	memset(k, 0, sizeof *k);
	strcpy(k->la_code, "830");
	strcpy(k->child_id, child);
	strcpy(k->case_id, case_id);
}

static void
summary_row(int k, int i, const char *name, const char *audit)
{
	static const char *names[] = { "name", "legal_name", "restricted",
	    "can_read_audit", "case_id", "days_open", NULL };
	const char	*cells[] = { name, "Amy Jo Smith", "t", audit, "4",
	    "12" };

	answer(k, i, names, cells, 1);
}

static void
test_open_summary(void)
{
	struct detail		*d = detail_new(NULL);
	struct detail_key	 k;
	uint64_t		 g;

	key(&k, "101", "4");
	detail_open(d, &k);
	UNIT_INT_EQ(nsent, 1, "open on Summary: one batch");
	UNIT_INT_EQ(nsent ? sent[0]->n : 0, 1,
	    "... of one statement: the header rides on the summary");
	UNIT_CHECK(nsent && strcmp(sent[0]->s[0].sql,
	    QUERY_DETAIL_SUMMARY) == 0, "... QUERY_DETAIL_SUMMARY");
	UNIT_CHECK(!detail_status(d, DETAIL_SUMMARY)->loaded,
	    "Summary loading until it answers");
	g = detail_gen(d);
	summary_row(0, 0, "Amy SMITH", "f");
	UNIT_INT_EQ(detail_gen(d) - g, 1,
	    "the reply moves the generation once");
	UNIT_CHECK(detail_status(d, DETAIL_SUMMARY)->loaded,
	    "Summary loaded");
	UNIT_STR_EQ(detail_header(d)->name, "Amy SMITH",
	    "the header's name came with it");
	UNIT_CHECK(detail_header(d)->restricted, "and the restricted marker");
	UNIT_STR_EQ(detail_summary(d)->legal_name, "Amy Jo Smith",
	    "the legal name as recorded");
	UNIT_INT_EQ(detail_summary(d)->days_open, 12, "school days open");
	UNIT_STR_EQ(detail_summary(d)->upn, "", "a missing column is \"\"");

	/* Timeline: one statement (no audit for this role), once. */
	detail_set_tab(d, DETAIL_TIMELINE);
	UNIT_INT_EQ(nsent, 2, "Timeline: one more batch");
	UNIT_INT_EQ(nsent > 1 ? sent[1]->n : 0, 1,
	    "... of one statement (this role cannot read the audit log)");
	{
		static const char *names[] = { "at", "day", "kind", "text",
		    "amendment", NULL };
		const char *cells[] = {
			"300", "2026-11-03", "phone", "No answer - Mother", "f",
			"100", "2026-11-01", "case", "case 4 opened", "f",
		};

		answer(1, 0, names, cells, 2);
	}
	UNIT_INT_EQ(detail_timeline(d)->n, 2, "two events");
	detail_set_tab(d, DETAIL_SUMMARY);
	detail_set_tab(d, DETAIL_TIMELINE);
	UNIT_INT_EQ(nsent, 2, "back to a loaded tab: nothing sent");
	detail_open(d, &k);
	UNIT_INT_EQ(nsent, 2, "opening the open record: nothing sent");
	forget_sent();
	detail_free(d);
}

static void
test_attendance_once(void)
{
	static const char *code_names[] = { "packed", "code", "category",
	    NULL };
	static const char *codes[] = { "/", "/", "P", "\\", "\\", "P",
	    "O", "O", "UA" };
	static const char *term_names[] = { "term_id", "name",
	    "academic_year", "starts", "ends", "today", NULL };
	static const char *terms[] = { "7", "Autumn", "2025", "2025-09-01",
	    "2025-12-19", "2025-09-12" };
	static const char *mark_names[] = { "term_id", "laestab", "school",
	    "marks", NULL };
	static const char *marks[] = { "7", "8301234", "Ash School",
	    "/\\/\\/\\OOOO----OOOOOO" };
	struct detail		*d = detail_new(NULL);
	struct detail_key	 k;
	uint64_t		 g;
	int			 i;

	key(&k, "102", "");
	detail_set_tab(d, DETAIL_ATTENDANCE);
	UNIT_INT_EQ(nsent, 0, "a tab with nothing open sends nothing");
	detail_open(d, &k);
	UNIT_INT_EQ(nsent, 1, "open on Attendance: one batch");
	UNIT_INT_EQ(nsent ? sent[0]->n : 0, 6,
	    "... the header and the five attendance statements");
	g = detail_gen(d);
	answer_empty(0, 0);		/* header: not visible */
	UNIT_INT_EQ(detail_gen(d) - g, 1, "the header moves it once");
	UNIT_CHECK(detail_header(d)->st.error != NULL,
	    "no header row: an error, not a name");
	g = detail_gen(d);
	for (i = 1; i < 6; i++) {
		if (i == 1)
			answer(0, i, code_names, codes, 3);
		else if (i == 2)
			answer(0, i, term_names, terms, 1);
		else if (i == 5)
			answer(0, i, mark_names, marks, 1);
		else
			answer_empty(0, i);
		if (i < 5)
			UNIT_INT_EQ(detail_gen(d) - g, 0,
			    "a part of the tab does not move the generation");
	}
	UNIT_INT_EQ(detail_gen(d) - g, 1, "the whole tab moves it once");
	UNIT_CHECK(detail_status(d, DETAIL_ATTENDANCE)->loaded,
	    "Attendance loaded");
	UNIT_INT_EQ(detail_attendance(d)->year.fig.possible, 16,
	    "the year built from the marks: 16 possible sessions");
	UNIT_INT_EQ(detail_attendance(d)->year.fig.streak, 5,
	    "Thu 4 to Wed 10 Sep: a 5-day unauthorised streak");
	UNIT_INT_EQ(detail_attendance(d)->settings.persistent_x100, 9000,
	    "no settings row: the LA defaults");
	UNIT_STR_EQ(detail_attendance(d)->schools, "Ash School",
	    "the school named");
	forget_sent();
	detail_free(d);
}

static void
test_stale_and_retry(void)
{
	struct detail		*d = detail_new(NULL);
	struct detail_key	 a, b;
	uint64_t		 g;

	key(&a, "103", "5");
	key(&b, "104", "6");
	detail_set_tab(d, DETAIL_FAMILY);
	detail_open(d, &a);
	UNIT_INT_EQ(nsent ? sent[0]->n : 0, 4,
	    "Family: header, people, siblings, addresses");
	detail_open(d, &b);
	UNIT_INT_EQ(nsent, 2, "another record: another batch");
	g = detail_gen(d);
	answer_empty(0, 0);
	answer_empty(0, 1);
	answer_empty(0, 2);
	answer_empty(0, 3);
	UNIT_INT_EQ(detail_gen(d) - g, 0,
	    "replies for the record left behind change nothing");
	UNIT_CHECK(!detail_status(d, DETAIL_FAMILY)->loaded,
	    "and do not fill the new record's tab");

	{
		static const char *names[] = { "name", "restricted",
		    "can_read_audit", NULL };
		static const char *cells[] = { "Cy DAY", "f", "f" };

		answer(1, 0, names, cells, 1);
	}
	UNIT_STR_EQ(detail_header(d)->name, "Cy DAY",
	    "the header of the record now open");
	answer_error(1, 1, "permission denied for table person");
	answer_empty(1, 2);
	answer_empty(1, 3);
	UNIT_CHECK(detail_status(d, DETAIL_FAMILY)->loaded,
	    "a failed tab counts as loaded");
	UNIT_STR_EQ(detail_status(d, DETAIL_FAMILY)->error,
	    "permission denied for table person", "with the error");
	UNIT_INT_EQ(detail_family(d)->npeople, 0, "and no half data");
	detail_set_tab(d, DETAIL_FAMILY);
	UNIT_INT_EQ(nsent, 3, "choosing it again fetches it again");
	UNIT_INT_EQ(nsent > 2 ? sent[2]->n : 0, 3,
	    "... its three statements (the header is in)");
	UNIT_CHECK(!detail_status(d, DETAIL_FAMILY)->loaded &&
	    detail_status(d, DETAIL_FAMILY)->error == NULL,
	    "... and shows it loading");
	forget_sent();
	detail_free(d);
}

static void
test_audit_merge(void)
{
	static const char *names[] = { "at", "day", "kind", "text",
	    "amendment", NULL };
	static const char *events[] = {
		"300", "2026-11-03", "phone", "third", "f",
		"100", "2026-11-01", "case", "first", "f",
	};
	static const char *audit[] = {
		"200", "2026-11-02", "case", "second", "f",
	};
	struct detail		*d = detail_new(NULL);
	struct detail_key	 k;
	const struct detail_timeline *t;

	key(&k, "105", "7");
	detail_open(d, &k);
	summary_row(0, 0, "Bo LEE", "t");
	detail_set_tab(d, DETAIL_TIMELINE);
	UNIT_INT_EQ(nsent > 1 ? sent[1]->n : 0, 2,
	    "a role that reads the audit log: Timeline has two statements");
	UNIT_CHECK(nsent > 1 && strcmp(sent[1]->s[1].sql,
	    QUERY_DETAIL_TIMELINE_AUDIT) == 0, "... the second the audit's");
	answer(1, 0, names, events, 2);
	answer(1, 1, names, audit, 1);
	t = detail_timeline(d);
	UNIT_INT_EQ(t->n, 3, "three events");
	if (t->n == 3) {
		UNIT_STR_EQ(t->events[0].text, "third", "newest first");
		UNIT_STR_EQ(t->events[1].text, "second",
		    "the audit row in its place");
		UNIT_STR_EQ(t->events[2].text, "first", "oldest last");
	}
	UNIT_CHECK(t->audit, "the Timeline says the audit is in");
	forget_sent();
	detail_free(d);
}

int
main(void)
{
	test_open_summary();
	test_attendance_once();
	test_stale_and_retry();
	test_audit_merge();
	return unit_done();
}
