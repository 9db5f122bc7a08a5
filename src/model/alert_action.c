/*
 * alert_action.c — actioning alerts: acknowledge, assign, snooze,
 * escalate, open a CME case, resolve.
 *
 * Each action is a definer function in the database (011_import.sql) that
 * checks the officer's scope and the alert's version and writes the audit
 * row in the same transaction; the client only names the alert, the
 * version it saw and the action's argument. Several alerts (tagged rows)
 * go in one batch wrapped in BEGIN ... COMMIT: a pipeline stops at the
 * first failure and the transaction rolls back at the sync, so the batch
 * is all or nothing. The list and the queue counts are re-read in the same
 * round trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/alert_action.h"
#include "model/list.h"
#include "model/model.h"
#include "util/date.h"
#include "util/xmalloc.h"

struct alert_act_def {
	const char	*name;		/* for messages: "acknowledged" */
	const char	*sql;		/* $1 alert, $2 version, $3 argument */
	int		 nparams;
};

static const struct alert_act_def alert_acts[ALERT_ACT_COUNT] = {
	[ALERT_ACK] = { "acknowledged",
	    "SELECT cme.alert_acknowledge($1::bigint, $2::integer)", 2 },
	[ALERT_ASSIGN] = { "assigned",
	    "SELECT cme.alert_assign($1::bigint, $2::integer, $3::name)", 3 },
	[ALERT_SNOOZE] = { "snoozed",
	    "SELECT cme.alert_snooze($1::bigint, $2::integer, $3::date)", 3 },
	[ALERT_ESCALATE] = { "escalated",
	    "SELECT cme.alert_escalate($1::bigint, $2::integer, $3::text)", 3 },
	[ALERT_OPEN_CASE] = { "opened as a case",
	    "SELECT cme.alert_open_case($1::bigint, $2::integer, $3::text)",
	    3 },
	[ALERT_RESOLVE] = { "resolved",
	    "SELECT cme.alert_resolve($1::bigint, $2::integer, $3::text)", 3 },
};

/* One batch's outcome, shared by its statements' callbacks. */
struct alert_act_run {
	struct model	*m;
	enum alert_act	 act;
	size_t		 n;		/* alerts in the batch */
	size_t		 seen;		/* action statements answered */
	size_t		 done;		/* ... that succeeded */
	char		*error;		/* the first failure */
	bool		 conflict;	/* someone else changed an alert */
};

const char *
alert_act_name(enum alert_act a)
{
	return ((unsigned)a < ALERT_ACT_COUNT ? alert_acts[a].name : "");
}

/* Says what happened once the last action statement has answered. */
static void
alert_act_finish(struct alert_act_run *run)
{
	char	buf[512];

	if (run->error == NULL) {
		snprintf(buf, sizeof buf, "%s %zu alert%s", alert_acts[run->act]
		    .name, run->done, run->done == 1 ? "" : "s");
		buf[0] = (char)(buf[0] - 'a' + 'A');
	} else if (run->conflict) {
		snprintf(buf, sizeof buf, "Not done: an alert was changed by "
		    "someone else meanwhile; the list now shows it, try again");
	} else {
		snprintf(buf, sizeof buf, "Not done%s: %s", run->n > 1 ?
		    " (nothing was changed)" : "", run->error);
	}
	model_notice(run->m, buf);
	if (run->error != NULL) {
		/* The re-reads behind the failure were not run: read the
		 * list again (their late replies are then dropped). */
		list_refresh(model_list(run->m), NULL);
	}
	free(run->error);
	free(run);
}

static void
alert_act_on_result(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct alert_act_run	*run = arg;

	(void)r;
	run->seen++;
	if (err != NULL && run->error == NULL) {
		run->error = xstrdup(err->message);
		run->conflict = strcmp(err->sqlstate, "CM001") == 0;
	} else if (err == NULL) {
		run->done++;
	}
	if (run->seen == run->n)
		alert_act_finish(run);
}

/* Checks the argument an action needs; 0, or -1 with msg. */
static int
alert_act_check(enum alert_act act, const char *arg, char *msg,
    size_t msgsize)
{
	int	day;

	switch (act) {
	case ALERT_SNOOZE:
		if (arg == NULL || date_parse_iso(arg, &day) != 0) {
			snprintf(msg, msgsize, "snooze until a date: "
			    "YYYY-MM-DD");
			return (-1);
		}
		if (day <= date_today()) {
			snprintf(msg, msgsize, "snooze until a day after "
			    "today");
			return (-1);
		}
		break;
	case ALERT_RESOLVE:
		if (arg == NULL || *arg == '\0') {
			snprintf(msg, msgsize, "resolving an alert needs a "
			    "note");
			return (-1);
		}
		break;
	case ALERT_ASSIGN:
		if (arg == NULL || *arg == '\0') {
			snprintf(msg, msgsize, "assign to whom? (a login "
			    "name, or 'team' for the team queue)");
			return (-1);
		}
		break;
	default:
		break;
	}
	return (0);
}

int
model_alert_act(struct model *m, const struct alert_target *t, size_t n,
    enum alert_act act, const char *arg, char *msg, size_t msgsize)
{
	struct alert_act_run	*run;
	struct db_batch		*b;
	struct db_error		 err = { "", NULL, NULL, NULL };
	const char		*params[3];
	size_t			 i;

	*msg = '\0';
	if ((unsigned)act >= ALERT_ACT_COUNT || n == 0) {
		snprintf(msg, msgsize, "no alert to act on");
		return (-1);
	}
	if (alert_act_check(act, arg, msg, msgsize) != 0)
		return (-1);
	/* "team" (or nothing) assigns to the team queue: a NULL officer. */
	if (act == ALERT_ASSIGN && strcmp(arg, "team") == 0)
		arg = NULL;
	if ((act == ALERT_ESCALATE || act == ALERT_OPEN_CASE) && arg != NULL &&
	    *arg == '\0')
		arg = NULL;

	run = xcalloc(1, sizeof *run);
	run->m = m;
	run->act = act;
	run->n = n;
	b = db_batch_new();
	if (n > 1)
		db_batch_add(b, "BEGIN", 0, NULL, NULL, NULL);
	for (i = 0; i < n; i++) {
		params[0] = t[i].alert_id;
		params[1] = t[i].version;
		params[2] = arg;
		db_batch_add(b, alert_acts[act].sql, alert_acts[act].nparams,
		    params, alert_act_on_result, run);
	}
	if (n > 1)
		db_batch_add(b, "COMMIT", 0, NULL, NULL, NULL);
	/* Whatever happened, show the list and counts as they now are. */
	list_refresh_in(model_list(m), b);
	list_add_counts(model_list(m), b);
	(void)db_batch_send(model_db(m), b, &err);
	db_error_release(&err);
	return (0);
}
