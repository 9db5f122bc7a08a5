/*
 * desk.c — the connection for the supervisor's heavy reads (desk.h) and
 * the two screens' data that travel on it.
 *
 * The standby connection is opened lazily: a supervisor who never looks at
 * the workload or the return costs the server no second backend. If it
 * breaks, the next read connects it again; its batches wait while it
 * connects (db_batch_send queues them). A log line (CME_LOG) says which
 * connection each read went over.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/desk.h"
#include "model/report.h"
#include "model/workload.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct desk {
	struct db		*primary;	/* borrowed */
	struct db		*standby;	/* owned, NULL until needed */
	struct db_params	 params;	/* the standby's */
	bool			 has_standby;	/* configured */
	struct workload		*workload;	/* owned */
	struct reports		*reports;	/* owned */
};

struct desk *
desk_new(struct db *primary)
{
	struct desk	*d;

	d = xcalloc(1, sizeof *d);
	d->primary = primary;
	db_params_init(&d->params);
	d->workload = workload_new();
	d->reports = reports_new();
	return (d);
}

void
desk_free(struct desk *d)
{
	if (d == NULL)
		return;
	db_close(d->standby);		/* pending callbacks reach the data */
	db_params_release(&d->params);
	workload_free(d->workload);
	reports_free(d->reports);
	free(d);
}

void
desk_set_standby(struct desk *d, const struct db_params *main,
    const char *conninfo)
{
	size_t	i;

	db_params_release(&d->params);
	db_params_init(&d->params);
	d->has_standby = conninfo != NULL && *conninfo != '\0';
	if (!d->has_standby)
		return;
	for (i = 0; i < main->n; i++)
		db_params_add(&d->params, main->keys[i], main->values[i]);
	/* Later keywords win over those inside the expanded conninfo. */
	db_params_add(&d->params, "dbname", conninfo);
	db_params_add(&d->params, "target_session_attrs", "prefer-standby");
	db_params_add(&d->params, "fallback_application_name", "cme-standby");
}

struct db *
desk_standby(const struct desk *d)
{
	return (d->standby);
}

/* The connection heavy reads go over, connecting the standby if needed. */
static struct db *
desk_read_db(struct desk *d, const char *what)
{
	struct db_error	 err = { "", NULL, NULL, NULL };

	if (!d->has_standby) {
		log_debug("%s: read over the main connection", what);
		return (d->primary);
	}
	if (d->standby == NULL) {
		log_debug("standby: connecting (target_session_attrs="
		    "prefer-standby)");
		if ((d->standby = db_connect_start(&d->params, &err)) ==
		    NULL) {
			log_debug("standby: %s; reading from the main "
			    "connection", err.message);
			db_error_release(&err);
			return (d->primary);
		}
	} else if (db_state(d->standby) == DB_BROKEN) {
		log_debug("standby: connecting again");
		(void)db_reconnect_start(d->standby);
	}
	log_debug("%s: read over the standby connection", what);
	return (d->standby);
}

void
desk_refresh_workload(struct desk *d)
{
	workload_request(d->workload, desk_read_db(d, "workload"));
}

void
desk_refresh_reports(struct desk *d)
{
	reports_request(d->reports, desk_read_db(d, "reports"));
}

struct workload *
desk_workload(const struct desk *d)
{
	return (d->workload);
}

struct reports *
desk_reports(const struct desk *d)
{
	return (d->reports);
}

void
desk_add_stats(const struct desk *d, struct db_stats *st)
{
	struct db_stats	s;

	if (d->standby == NULL)
		return;
	db_stats_get(d->standby, &s);
	st->round_trips += s.round_trips;
	st->statements += s.statements;
	st->server_ms += s.server_ms;
	st->prepared += s.prepared;
	st->reused += s.reused;
}
