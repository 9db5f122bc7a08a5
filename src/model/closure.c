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
#include "model/casework.h"
#include "model/closure.h"
#include "model/detail.h"
#include "model/list.h"
#include "model/model.h"
#include "util/xmalloc.h"

const char *const closure_outcomes[] = {
	"on_roll", "ehe_suitable", "moved_other_la", "moved_abroad",
	"ceased_csa", "not_cme", "not_located", NULL,
};

static const struct casework_what closure_request_what = {
	"Closure requested: a supervisor will decide", "Closure not requested",
};
static const struct casework_what closure_approve_what = {
	"Closure approved: the case is closed", "Not approved",
};
static const struct casework_what closure_reject_what = {
	"Closure rejected: the case stays open", "Not rejected",
};

int
model_closure_request(struct model *m, const char *case_id,
    const char *version, const char *outcome, const char *note,
    unsigned serial, char *msg, size_t msgsize)
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
	return (casework_send(m, "SELECT cme.case_request_closure($1::bigint, "
	    "$2::integer, $3, $4)", 4, params, &closure_request_what, serial));
}

static const struct casework_what closure_batch_what = {
	"Closures requested: a supervisor will decide",
	"No closure requested",
};

int
model_closure_request_batch(struct model *m, const char *const *case_ids,
    const char *const *versions, size_t n, const char *outcome,
    const char *note, unsigned serial, char *msg, size_t msgsize)
{
	const char	**params;
	size_t		  i;
	int		  rc;

	if (n == 0 || outcome == NULL || *outcome == '\0') {
		snprintf(msg, msgsize, n == 0 ? "no case here" : "closing "
		    "cases needs an outcome (Tab lists them)");
		return (-1);
	}
	params = xcalloc(n * 4, sizeof *params);
	for (i = 0; i < n; i++) {
		params[i * 4] = case_ids[i];
		params[i * 4 + 1] = versions[i];
		params[i * 4 + 2] = outcome;
		params[i * 4 + 3] = note;
	}
	rc = casework_send_batch(m, "SELECT cme.case_request_closure("
	    "$1::bigint, $2::integer, $3, $4)", 4, params, n,
	    &closure_batch_what, serial);
	free(params);
	return (rc);
}

int
model_closure_decide(struct model *m, const char *case_id,
    const char *version, bool approve, const char *note, unsigned serial,
    char *msg, size_t msgsize)
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
	return (casework_send(m, "SELECT cme.case_decide_closure($1::bigint, "
	    "$2::integer, $3::boolean, $4)", 4, params, approve ?
	    &closure_approve_what : &closure_reject_what, serial));
}
