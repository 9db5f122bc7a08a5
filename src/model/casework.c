/*
 * casework.c — the writes of the casework desk through the definer
 * functions of 013_casework.sql and 015_casework_desk.sql: opening a
 * case, its status, the enquiries checklist, and assignment (one case or
 * a tagged batch, with undo). contact.c and closure.c send theirs
 * through casework_send() too.
 *
 * A failed statement in a pipeline skips the rest of its batch, so after
 * a failure the re-reads are sent again on their own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "model/casework.h"
#include "model/detail.h"
#include "model/drafts.h"
#include "model/list.h"
#include "model/model.h"
#include "util/xmalloc.h"

const char *const casework_sources[] = {
	"school", "register_return", "alert", "other_la", "health", "police",
	"social_care", "housing", "parent", "public", "other", NULL,
};
const char *const casework_reasons[] = {
	"moved_abroad", "application_awaiting", "offered_not_started",
	"ehe_unsuitable", "whereabouts_unknown", "other", "not_known", NULL,
};
const char *const casework_statuses[] = {
	"enquiries", "located", "escalated", "transferred", NULL,
};
const char *const casework_enquiry_states[] = {
	"done_found", "done_not_found", "not_applicable", "not_started", NULL,
};

struct casework_run {
	struct model			*m;
	const struct casework_what	*what;
	unsigned			 serial;
	void				(*on_ok)(struct casework_run *,
					    const struct db_rows *);
	void				*arg;
	void				(*free_arg)(void *);
	/* A batch: each row that went through, and the first failure. */
	void				(*on_row)(struct casework_run *,
					    const struct db_rows *);
	struct db_error			 first;
};

static void
casework_on_result(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct casework_run	*run = arg;
	struct model		*m = run->m;
	char			 buf[640];

	/* In a batch, the statement that failed says why, not the COMMIT
	 * that was skipped after it. */
	if (err != NULL && run->first.message != NULL)
		err = &run->first;
	if (err != NULL) {
		snprintf(buf, sizeof buf, "%s: %s%s%s", run->what->failed,
		    strcmp(err->sqlstate, "CM001") == 0 ?
		    "changed by someone else since you read it - " : "",
		    err->message, strncmp(err->sqlstate, "08", 2) == 0 ||
		    err->sqlstate[0] == '\0' ? " (it may or may not have been "
		    "saved: R sends it again, safely)" : "");
		if (!drafts_settle(model_drafts(m), run->serial, false, buf))
			model_notice(m, buf);
		/* The re-reads behind it did not run: read again. */
		list_refresh(model_list(m), NULL);
		model_refresh_counts(m);
		detail_refresh(model_detail(m), NULL);
	} else {
		model_notice(m, run->what->done);
		drafts_settle(model_drafts(m), run->serial, true, NULL);
		if (run->on_ok != NULL)
			run->on_ok(run, r);
	}
	if (run->arg != NULL && run->free_arg != NULL)
		run->free_arg(run->arg);
	db_error_release(&run->first);
	free(run);
}

static int
casework_send_run(struct model *m, struct db_batch *b, const char *sql,
    int n, const char *const *params, struct casework_run *run)
{
	struct db_error	 err = { "", NULL, NULL, NULL };

	db_batch_add(b, sql, n, params, casework_on_result, run);
	/* The queue, its counts and the record as they now are. */
	list_refresh_in(model_list(m), b);
	list_add_counts(model_list(m), b);
	detail_refresh(model_detail(m), b);
	drafts_sent(model_drafts(m), run->serial);
	(void)db_batch_send(model_db(m), b, &err);
	db_error_release(&err);
	return (0);
}

static struct casework_run *
casework_run_new(struct model *m, const struct casework_what *what,
    unsigned serial)
{
	struct casework_run	*run;

	run = xcalloc(1, sizeof *run);
	run->m = m;
	run->what = what;
	run->serial = serial;
	return (run);
}

int
casework_send(struct model *m, const char *sql, int n,
    const char *const *params, const struct casework_what *what,
    unsigned serial)
{
	return (casework_send_run(m, db_batch_new(), sql, n, params,
	    casework_run_new(m, what, serial)));
}

static bool
casework_in(const char *const *words, const char *w)
{
	for (; *words != NULL; words++)
		if (strcmp(*words, w) == 0)
			return (true);
	return (false);
}

/* One row of a batch: handed to run->on_row, or its failure kept (the
 * first one says why the batch failed, not the COMMIT skipped after). */
static void
casework_on_row(void *arg, const struct db_rows *r, const struct db_error *err)
{
	struct casework_run	*run = arg;

	if (err == NULL) {
		if (run->on_row != NULL)
			run->on_row(run, r);
	} else if (err->sqlstate[0] != '\0' && run->first.message == NULL) {
		db_error_set(&run->first, err->sqlstate, "%s", err->message);
	}
}

/* BEGIN, sql for each of nrows rows of params (nparams each), COMMIT
 * with run: one transaction, all or nothing. */
static int
casework_batch(struct model *m, struct casework_run *run, const char *sql,
    int nparams, const char *const *params, size_t nrows)
{
	struct db_batch	*b;
	size_t		 i;

	b = db_batch_new();
	db_batch_add(b, "BEGIN", 0, NULL, NULL, NULL);
	for (i = 0; i < nrows; i++)
		db_batch_add(b, sql, nparams, params + i * (size_t)nparams,
		    casework_on_row, run);
	return (casework_send_run(m, b, "COMMIT", 0, NULL, run));
}

int
casework_send_batch(struct model *m, const char *sql, int nparams,
    const char *const *params, size_t nrows,
    const struct casework_what *what, unsigned serial)
{
	return (casework_batch(m, casework_run_new(m, what, serial), sql,
	    nparams, params, nrows));
}

/* ---- open, status, checklist ---- */

static const struct casework_what casework_open_what = {
	"Case opened: the enquiries checklist is ready (4)",
	"Case not opened",
};

int
model_case_open(struct model *m, const char *child_id, const char *source,
    const char *reason, const char *referred_on, const char *summary,
    unsigned serial, char *msg, size_t msgsize)
{
	const char	*params[5];

	if (child_id == NULL || *child_id == '\0') {
		snprintf(msg, msgsize, "no child here");
		return (-1);
	}
	if (!casework_in(casework_sources, source)) {
		snprintf(msg, msgsize, "where the referral came from: Tab "
		    "lists the sources");
		return (-1);
	}
	params[0] = child_id;
	params[1] = source;
	params[2] = *reason != '\0' ? reason : NULL;
	params[3] = *referred_on != '\0' && strcmp(referred_on, "today") != 0
	    ? referred_on : "today";
	params[4] = summary;
	return (casework_send(m, "SELECT cme.case_open($1::bigint, $2, $3, "
	    "$4::date, $5)", 5, params, &casework_open_what, serial));
}

static const struct casework_what casework_status_what = {
	"Status changed", "Status not changed",
};
static const struct casework_what casework_transfer_what = {
	"Case transferred", "Not transferred",
};

int
model_case_status(struct model *m, const char *case_id, const char *version,
    const char *status, const char *la, const char *note, unsigned serial,
    char *msg, size_t msgsize)
{
	const char	*params[4];

	if (case_id == NULL || *case_id == '\0') {
		snprintf(msg, msgsize, "no case here");
		return (-1);
	}
	params[0] = case_id;
	params[1] = version;
	params[3] = note;
	if (strcmp(status, "transferred") == 0) {
		if (la == NULL || strspn(la, "0123456789") != strlen(la) ||
		    strlen(la) != 3) {
			snprintf(msg, msgsize, "transfer to which LA? (its "
			    "three-digit code)");
			return (-1);
		}
		params[2] = la;
		return (casework_send(m, "SELECT cme.case_transfer($1::bigint, "
		    "$2::integer, $3::smallint, $4)", 4, params,
		    &casework_transfer_what, serial));
	}
	if (!casework_in(casework_statuses, status)) {
		snprintf(msg, msgsize, "status: enquiries, located, escalated "
		    "or transferred");
		return (-1);
	}
	params[2] = status;
	return (casework_send(m, "SELECT cme.case_set_status($1::bigint, "
	    "$2::integer, $3, $4)", 4, params, &casework_status_what, serial));
}

static const struct casework_what casework_enquiry_what = {
	"Checklist updated", "Checklist not updated",
};

int
model_enquiry_set(struct model *m, const char *case_id, const char *item,
    const char *version, const char *state, const char *done_on,
    const char *note, unsigned serial, char *msg, size_t msgsize)
{
	const char	*params[6];

	if (case_id == NULL || *case_id == '\0') {
		snprintf(msg, msgsize, "no case here");
		return (-1);
	}
	if (!casework_in(casework_enquiry_states, state)) {
		snprintf(msg, msgsize, "state: done_found, done_not_found, "
		    "not_applicable or not_started");
		return (-1);
	}
	params[0] = case_id;
	params[1] = item;
	params[2] = version;
	params[3] = state;
	params[4] = *done_on == '\0' || strcmp(state, "not_started") == 0 ?
	    NULL : strcmp(done_on, "today") == 0 ? "today" : done_on;
	params[5] = note;
	return (casework_send(m, "SELECT cme.enquiry_set($1::bigint, $2, "
	    "$3::integer, $4, $5::date, $6)", 6, params,
	    &casework_enquiry_what, serial));
}

/* ---- assignment, one case or a batch, and undo ---- */

struct casework_undo {
	size_t	 n;
	char	**case_ids;
	char	**was;		/* the officer before, "" for the team */
	char	**versions;	/* as the batch left them */
	time_t	 at;
};

/* The last batch, for undo: one per process, like the screen. */
static struct casework_undo	casework_last;

static void
casework_undo_clear(void)
{
	size_t	i;

	for (i = 0; i < casework_last.n; i++) {
		free(casework_last.case_ids[i]);
		free(casework_last.was[i]);
		free(casework_last.versions[i]);
	}
	free(casework_last.case_ids);
	free(casework_last.was);
	free(casework_last.versions);
	memset(&casework_last, 0, sizeof casework_last);
}

/* A row of an assignment batch: its new version, kept for undo. */
static void
casework_keep_version(struct casework_run *run, const struct db_rows *r)
{
	struct casework_undo	*u = run->arg;
	int			 vc;
	size_t			 i;

	if (u == NULL || db_rows_count(r) != 1 ||
	    (vc = db_rows_find(r, "version")) < 0)
		return;
	i = u->n++;
	u->versions = xreallocarray(u->versions, u->n, sizeof (char *));
	u->versions[i] = xstrdup(db_rows_value(r, 0, vc) != NULL ?
	    db_rows_value(r, 0, vc) : "");
}

static void
casework_assign_done(struct casework_run *run, const struct db_rows *r)
{
	struct casework_undo	*u = run->arg;

	(void)r;
	casework_undo_clear();
	casework_last = *u;
	casework_last.at = time(NULL);
	free(u);
	run->arg = NULL;
}

static const struct casework_what casework_assign_what = {
	"Assigned (u undoes it for 5 minutes)", "Nothing assigned",
};
static const struct casework_what casework_undo_what = {
	"Assignment undone", "Not undone",
};

#define CASEWORK_ASSIGN_SQL \
	"SELECT * FROM cme.case_assign($1::bigint, $2::integer, $3::name, $4)"

/* The batch failed: what was collected is not a batch to undo. */
static void
casework_undo_free(void *arg)
{
	struct casework_undo	*u = arg;
	size_t			 i;

	for (i = 0; i < u->n; i++)
		free(u->versions[i]);
	for (i = 0; u->case_ids != NULL && u->case_ids[i] != NULL; i++) {
		free(u->case_ids[i]);
		free(u->was[i]);
	}
	free(u->case_ids);
	free(u->was);
	free(u->versions);
	free(u);
}

int
model_case_assign(struct model *m, const char *const *case_ids,
    const char *const *versions, const char *const *was, size_t n,
    const char *officer, const char *note, unsigned serial, char *msg,
    size_t msgsize)
{
	struct casework_undo	*u;
	struct casework_run	*run;
	const char		*who, **params;
	size_t			 i;
	int			 rc;

	if (n == 0) {
		snprintf(msg, msgsize, "no case here");
		return (-1);
	}
	who = officer == NULL || *officer == '\0' ||
	    strcmp(officer, "team") == 0 ? NULL : officer;
	u = xcalloc(1, sizeof *u);
	u->case_ids = xcalloc(n + 1, sizeof (char *));
	u->was = xcalloc(n + 1, sizeof (char *));
	for (i = 0; i < n; i++) {
		u->case_ids[i] = xstrdup(case_ids[i]);
		u->was[i] = xstrdup(was != NULL && was[i] != NULL &&
		    strcmp(was[i], "-") != 0 ? was[i] : "");
	}
	/* u->n counts the rows that came back; the ids are all there. */
	run = casework_run_new(m, &casework_assign_what, serial);
	run->on_ok = casework_assign_done;
	run->on_row = casework_keep_version;
	run->arg = u;
	run->free_arg = casework_undo_free;
	params = xcalloc(n * 4, sizeof *params);
	for (i = 0; i < n; i++) {
		params[i * 4] = case_ids[i];
		params[i * 4 + 1] = versions[i];
		params[i * 4 + 2] = who;
		params[i * 4 + 3] = note;
	}
	rc = casework_batch(m, run, CASEWORK_ASSIGN_SQL, 4, params, n);
	free(params);
	return (rc);
}

int
model_assign_undo(struct model *m, char *msg, size_t msgsize)
{
	const char	**params;
	size_t		  i, n = casework_last.n;
	int		  rc;

	if (n == 0) {
		snprintf(msg, msgsize, "no assignment to undo");
		return (-1);
	}
	if (time(NULL) - casework_last.at > CASEWORK_UNDO_SECONDS) {
		snprintf(msg, msgsize, "too late to undo: the batch was more "
		    "than %d minutes ago", CASEWORK_UNDO_SECONDS / 60);
		casework_undo_clear();
		return (-1);
	}
	params = xcalloc(n * 4, sizeof *params);
	for (i = 0; i < n; i++) {
		params[i * 4] = casework_last.case_ids[i];
		params[i * 4 + 1] = casework_last.versions[i];
		params[i * 4 + 2] = *casework_last.was[i] != '\0' ?
		    casework_last.was[i] : NULL;
		params[i * 4 + 3] = "undo";
	}
	/* The batch copies its parameters: the record can go now. */
	rc = casework_send_batch(m, CASEWORK_ASSIGN_SQL, 4, params, n,
	    &casework_undo_what, 0);
	free(params);
	casework_undo_clear();
	return (rc);
}

void
casework_forget(void)
{
	casework_undo_clear();
}
