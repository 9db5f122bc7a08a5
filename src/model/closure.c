/*
 * closure.c — four-eyes closure through the definer functions of
 * 013_casework.sql: cme.case_request_closure records the outcome and who
 * asked; cme.case_decide_closure lets another supervisor approve (the
 * case closes) or reject (the request is cleared, the note kept). The
 * rule that nobody decides their own request lives in the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/closure.h"
#include "model/detail.h"
#include "model/list.h"
#include "model/model.h"
#include "util/xmalloc.h"

const char *const closure_outcomes[] = {
	"on_roll", "ehe_suitable", "moved_other_la", "moved_abroad",
	"ceased_csa", "not_cme", "not_located", NULL,
};

struct closure_what {
	const char	*done;		/* notice on success */
	const char	*failed;	/* prefix on failure */
};

static const struct closure_what closure_request_what = {
	"Closure requested: a supervisor will decide", "Closure not requested",
};
static const struct closure_what closure_approve_what = {
	"Closure approved: the case is closed", "Not approved",
};
static const struct closure_what closure_reject_what = {
	"Closure rejected: the case stays open", "Not rejected",
};

struct closure_run {
	struct model			*m;
	const struct closure_what	*what;
};

static void
closure_on_result(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct closure_run	*run = arg;
	char			 buf[512];

	(void)r;
	if (err != NULL) {
		snprintf(buf, sizeof buf, "%s: %s", run->what->failed,
		    err->message);
		model_notice(run->m, buf);
		/* The re-reads behind it did not run: read again. */
		list_refresh(model_list(run->m), NULL);
		detail_refresh(model_detail(run->m), NULL);
	} else {
		model_notice(run->m, run->what->done);
	}
	free(run);
}

static int
closure_send(struct model *m, const char *sql, const char **params, int n,
    const struct closure_what *what)
{
	struct closure_run	*run;
	struct db_batch		*b;
	struct db_error		 err = { "", NULL, NULL, NULL };

	run = xmalloc(sizeof *run);
	run->m = m;
	run->what = what;
	b = db_batch_new();
	db_batch_add(b, sql, n, params, closure_on_result, run);
	/* The queue, its counts and the record as they now are. */
	list_refresh_in(model_list(m), b);
	list_add_counts(model_list(m), b);
	detail_refresh(model_detail(m), b);
	(void)db_batch_send(model_db(m), b, &err);
	db_error_release(&err);
	return (0);
}

int
model_closure_request(struct model *m, const char *case_id,
    const char *version, const char *outcome, const char *note, char *msg,
    size_t msgsize)
{
	const char	*params[4];

	if (case_id == NULL || *case_id == '\0') {
		snprintf(msg, msgsize, "no case here");
		return (-1);
	}
	if (outcome == NULL || *outcome == '\0') {
		snprintf(msg, msgsize, "closing a case needs an outcome "
		    "(Tab lists them)");
		return (-1);
	}
	params[0] = case_id;
	params[1] = version;
	params[2] = outcome;
	params[3] = note;
	return (closure_send(m, "SELECT cme.case_request_closure($1::bigint, "
	    "$2::integer, $3, $4)", params, 4, &closure_request_what));
}

int
model_closure_decide(struct model *m, const char *case_id,
    const char *version, bool approve, const char *note, char *msg,
    size_t msgsize)
{
	const char	*params[4];

	if (case_id == NULL || *case_id == '\0') {
		snprintf(msg, msgsize, "no case here");
		return (-1);
	}
	if (!approve && (note == NULL || *note == '\0')) {
		snprintf(msg, msgsize, "rejecting a closure needs a note");
		return (-1);
	}
	params[0] = case_id;
	params[1] = version;
	params[2] = approve ? "true" : "false";
	params[3] = note;
	return (closure_send(m, "SELECT cme.case_decide_closure($1::bigint, "
	    "$2::integer, $3::boolean, $4)", params, 4, approve ?
	    &closure_approve_what : &closure_reject_what));
}
