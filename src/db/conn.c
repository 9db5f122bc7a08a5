/*
 * conn.c — one PostgreSQL connection: blocking calls for the command-line
 * tools, and the asynchronous pipeline the terminal client lives on.
 *
 * Asynchronous life: db_connect_start() begins PQconnectStartParams and the
 * event loop calls db_pump() whenever db_fd() is ready or db_timeout_ms()
 * runs out. Once connected the connection stays in non-blocking pipeline
 * mode. A batch's statements are sent back to back followed by one sync, so
 * a whole screen costs one round trip (design.md §5). Results come back in
 * order; each statement's callback runs once, with its rows or its error.
 * Batches sent while one is in flight queue behind it.
 *
 * libpq ignores connect_timeout in PQconnectPoll, so the deadline is kept
 * here and enforced by db_pump(); the loop asks db_timeout_ms() how long it
 * may sleep.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "util/log.h"
#include "util/xmalloc.h"

static void	db_notice_to_log(void *, const char *);

struct db_stmt {
	char		 *sql;		/* owned */
	int		  nparams;
	char		**params;	/* owned, entries may be NULL */
	db_result_fn	  fn;
	void		 *arg;
	int		  delivered;	/* callback has run */
	int		  unprepared;	/* never kept (db_batch_unprepared) */
	int		  prep_slot;	/* kept statement (prepared.c), or -1 */
	int		  prep_phase;	/* 1: its Parse's result is due, 2: the
					   NULL after it; 0: neither */
};

struct db_batch {
	struct db_stmt	 *stmts;	/* owned */
	int		  n;
	int		  cap;
	struct db_batch	 *next;		/* queue of batches not yet sent */
};

struct db {
	PGconn			*conn;		/* owned */
	struct db_params	 params;	/* owned copy, for reconnects */
	enum db_state		 state;
	int			 async;		/* started by db_connect_start */
	PostgresPollingStatusType poll;		/* while DB_CONNECTING */
	double			 deadline;	/* connect deadline, ms */
	struct db_error		 last_error;
	char			 user[128];
	char			 ident[512];	/* host:port/dbname */
	struct db_stats		 stats;

	struct db_batch		*inflight;	/* sent, awaiting results */
	int			 cur;		/* statement awaiting result */
	double			 sent_at;
	struct db_batch		*queue;		/* waiting to be sent */
	struct db_batch		*queue_tail;
	db_notify_fn		 notify;
	void			*notify_arg;
	struct db_prep_cache	*prep;		/* owned; NULL: run unnamed */
};

/* Do new connections keep their statements (db_set_prepare_default)? */
static bool	db_prepare_default = true;

static void	db_fail_batch(struct db_batch *, const struct db_error *);
static void	db_fail_inflight(struct db *, const char *);
static int	db_send_batch(struct db *, struct db_batch *,
		    struct db_error *);
static void	db_stmt_release(struct db_stmt *);

static void
db_copy_params(struct db_params *dst, const struct db_params *src)
{
	size_t	i;

	db_params_init(dst);
	for (i = 0; i < src->n; i++)
		db_params_add(dst, src->keys[i], src->values[i]);
}

static void
db_remember_user(struct db *db)
{
	const char	*u;

	u = PQuser(db->conn);
	snprintf(db->user, sizeof db->user, "%s", u != NULL ? u : "");
	snprintf(db->ident, sizeof db->ident, "%s:%s/%s",
	    PQhost(db->conn) != NULL ? PQhost(db->conn) : "",
	    PQport(db->conn) != NULL ? PQport(db->conn) : "",
	    PQdb(db->conn) != NULL ? PQdb(db->conn) : "");
}

/* ---- blocking ---- */

struct db *
db_connect(const struct db_params *params, struct db_error *err)
{
	struct db	*db;

	db = xcalloc(1, sizeof *db);
	db_copy_params(&db->params, params);
	db->conn = PQconnectdbParams((const char *const *)db->params.keys,
	    (const char *const *)db->params.values, 1);
	if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
		db_error_from_conn(err, db->conn);
		db_close(db);
		return (NULL);
	}
	db->state = DB_READY;
	db_remember_user(db);
	return (db);
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_fail_inflight(db, "connection closed");
	if (db->conn != NULL)
		PQfinish(db->conn);
	db_params_release(&db->params);
	db_error_release(&db->last_error);
	db_prep_free(db->prep);
	free(db);
}

int
db_exec_script(struct db *db, const char *sql, struct db_error *err)
{
	PGresult	*res;
	int		 rc = 0;

	db->stats.round_trips++;
	db->stats.statements++;
	if (!PQsendQuery(db->conn, sql)) {
		db_error_from_conn(err, db->conn);
		return (-1);
	}
	/* A script yields one result per statement; report the first error. */
	while ((res = PQgetResult(db->conn)) != NULL) {
		switch (PQresultStatus(res)) {
		case PGRES_COMMAND_OK:
		case PGRES_TUPLES_OK:
		case PGRES_EMPTY_QUERY:
			break;
		default:
			if (rc == 0)
				db_error_from_result(err, res);
			rc = -1;
			break;
		}
		PQclear(res);
	}
	return (rc);
}

/* Runs one statement; returns its result (owned by the caller) or NULL. */
static PGresult *
db_run(struct db *db, const char *sql, int nparams, const char *const *params,
    struct db_error *err)
{
	PGresult	*res;
	double		 t0;

	t0 = db_now_ms();
	res = PQexecParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	db->stats.round_trips++;
	db->stats.statements++;
	db->stats.server_ms += db_now_ms() - t0;
	if (res == NULL) {
		db_error_from_conn(err, db->conn);
		return (NULL);
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_COMMAND_OK) {
		db_error_from_result(err, res);
		PQclear(res);
		return (NULL);
	}
	return (res);
}

struct db_rows *
db_query(struct db *db, const char *sql, int nparams,
    const char *const *params, struct db_error *err)
{
	PGresult	*res;
	struct db_rows	*rows;

	if ((res = db_run(db, sql, nparams, params, err)) == NULL)
		return (NULL);
	rows = db_rows_from_result(res);
	PQclear(res);
	return (rows);
}

long
db_command(struct db *db, const char *sql, int nparams,
    const char *const *params, struct db_error *err)
{
	PGresult	*res;
	const char	*n;
	long		 affected;

	if ((res = db_run(db, sql, nparams, params, err)) == NULL)
		return (-1);
	n = PQcmdTuples(res);
	affected = (n != NULL && *n != '\0') ? strtol(n, NULL, 10) : 0;
	PQclear(res);
	return (affected);
}

int
db_copy_begin(struct db *db, const char *copy_sql, struct db_error *err)
{
	PGresult	*res;

	res = PQexec(db->conn, copy_sql);
	db->stats.round_trips++;
	db->stats.statements++;
	if (res == NULL || PQresultStatus(res) != PGRES_COPY_IN) {
		if (res != NULL)
			db_error_from_result(err, res);
		else
			db_error_from_conn(err, db->conn);
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	return (0);
}

int
db_copy_put(struct db *db, const char *buf, size_t len, struct db_error *err)
{
	while (len > 0) {
		int	chunk = len > (1 << 20) ? (1 << 20) : (int)len;

		if (PQputCopyData(db->conn, buf, chunk) != 1) {
			db_error_from_conn(err, db->conn);
			return (-1);
		}
		buf += chunk;
		len -= (size_t)chunk;
	}
	return (0);
}

long
db_copy_end(struct db *db, const char *abort_reason, struct db_error *err)
{
	PGresult	*res;
	long		 n = -1;
	int		 failed = 0;

	if (PQputCopyEnd(db->conn, abort_reason) != 1) {
		db_error_from_conn(err, db->conn);
		return (-1);
	}
	while ((res = PQgetResult(db->conn)) != NULL) {
		if (PQresultStatus(res) == PGRES_COMMAND_OK) {
			n = strtol(PQcmdTuples(res), NULL, 10);
		} else if (!failed) {
			db_error_from_result(err, res);
			failed = 1;
		}
		PQclear(res);
	}
	return (failed || abort_reason != NULL ? -1 : n);
}

/* ---- asynchronous ---- */

struct db *
db_connect_start(const struct db_params *params, struct db_error *err)
{
	struct db	*db;

	db = xcalloc(1, sizeof *db);
	db->async = 1;
	if (db_prepare_default)
		db->prep = db_prep_new();
	db_copy_params(&db->params, params);
	if (db_reconnect_start(db) != 0 && db->conn == NULL) {
		db_error_set(err, NULL, "%s", db->last_error.message);
		db_close(db);
		return (NULL);
	}
	return (db);
}

static double
db_connect_timeout_ms(const struct db *db)
{
	const char	*t;
	int		 s;

	t = db_params_get(&db->params, "connect_timeout");
	s = t != NULL ? atoi(t) : 0;
	if (s <= 0)
		s = 10;
	if (s < 2)
		s = 2;
	return ((double)s * 1000.0);
}

int
db_reconnect_start(struct db *db)
{
	db_fail_inflight(db, "connection lost");
	if (db->conn != NULL)
		PQfinish(db->conn);
	db_error_release(&db->last_error);
	db->user[0] = '\0';
	db->conn = PQconnectStartParams((const char *const *)db->params.keys,
	    (const char *const *)db->params.values, 1);
	if (db->conn == NULL) {
		db_error_set(&db->last_error, NULL, "out of memory");
		db->state = DB_BROKEN;
		return (-1);
	}
	/*
	 * The client owns the terminal: libpq's default would print server
	 * notices and a FATAL received while idle ("terminating connection
	 * due to administrator command") on stderr, over the screen. They go
	 * to the debug log; the lost connection itself reaches the user as
	 * the error of the next call.
	 */
	PQsetNoticeProcessor(db->conn, db_notice_to_log, NULL);
	if (PQstatus(db->conn) == CONNECTION_BAD) {
		db_error_from_conn(&db->last_error, db->conn);
		db->state = DB_BROKEN;
		return (-1);
	}
	db->state = DB_CONNECTING;
	db->poll = PGRES_POLLING_WRITING;
	db->deadline = db_now_ms() + db_connect_timeout_ms(db);
	return (0);
}

static void
db_notice_to_log(void *arg, const char *message)
{
	(void)arg;
	log_debug("server: %s", message);
}

enum db_state
db_state(const struct db *db)
{
	return (db->state);
}

int
db_fd(const struct db *db)
{
	if (db->conn == NULL || db->state == DB_BROKEN)
		return (-1);
	return (PQsocket(db->conn));
}

bool
db_wants_write(const struct db *db)
{
	if (db->conn == NULL)
		return (false);
	if (db->state == DB_CONNECTING)
		return (db->poll == PGRES_POLLING_WRITING);
	return (db->state == DB_BUSY && PQisnonblocking(db->conn) &&
	    PQflush(db->conn) == 1);
}

/* Milliseconds until db_pump() must run even without I/O, or -1. */
int
db_timeout_ms(const struct db *db)
{
	double	left;

	if (db->state != DB_CONNECTING)
		return (-1);
	left = db->deadline - db_now_ms();
	return (left <= 0 ? 0 : (int)left + 1);
}

const struct db_error *
db_last_error(const struct db *db)
{
	return (&db->last_error);
}

PGconn *
db_pgconn(struct db *db)
{
	return (db->conn);
}

const char *
db_user(const struct db *db)
{
	return (db->user);
}

const char *
db_ident(const struct db *db)
{
	return (db->ident);
}

void
db_stats_get(const struct db *db, struct db_stats *st)
{
	*st = db->stats;
}

static void
db_mark_broken(struct db *db)
{
	if (db->last_error.message == NULL)
		db_error_from_conn(&db->last_error, db->conn);
	db->state = DB_BROKEN;
	db_fail_inflight(db, db->last_error.message);
}

/* Advances the connection handshake. Returns true when the state changed. */
static bool
db_pump_connect(struct db *db)
{
	if (db_now_ms() >= db->deadline) {
		db_error_set(&db->last_error, NULL,
		    "timed out connecting to the database");
		db->state = DB_BROKEN;
		return (true);
	}
	db->poll = PQconnectPoll(db->conn);
	switch (db->poll) {
	case PGRES_POLLING_FAILED:
		db_error_from_conn(&db->last_error, db->conn);
		db->state = DB_BROKEN;
		return (true);
	case PGRES_POLLING_OK:
		break;
	default:
		return (false);
	}
	if (PQsetnonblocking(db->conn, 1) != 0 ||
	    PQenterPipelineMode(db->conn) != 1) {
		db_mark_broken(db);
		return (true);
	}
	db_remember_user(db);
	db_prep_forget(db->prep);	/* a new session keeps nothing yet */
	db->state = DB_READY;
	if (db->queue != NULL) {
		struct db_batch *b = db->queue;

		db->queue = b->next;
		if (db->queue == NULL)
			db->queue_tail = NULL;
		b->next = NULL;
		if (db_send_batch(db, b, &db->last_error) != 0)
			db_mark_broken(db);
	}
	return (true);
}

/* Delivers one result to the statement awaiting it. */
static void
db_deliver(struct db *db, PGresult *res)
{
	struct db_stmt	*s;
	struct db_rows	*rows;
	struct db_error	 err;

	if (db->inflight == NULL || db->cur >= db->inflight->n)
		return;
	s = &db->inflight->stmts[db->cur];
	if (s->delivered)
		return;
	s->delivered = 1;
	memset(&err, 0, sizeof err);
	switch (PQresultStatus(res)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		rows = db_rows_from_result(res);
		if (s->fn != NULL)
			s->fn(s->arg, rows, NULL);
		db_rows_free(rows);
		break;
	case PGRES_PIPELINE_ABORTED:
		db_error_set(&err, NULL,
		    "not run: an earlier statement of the batch failed");
		if (s->fn != NULL)
			s->fn(s->arg, NULL, &err);
		break;
	default:
		db_error_from_result(&err, res);
		/*
		 * "cached plan must not change result type": a table under a
		 * kept statement changed (a migration). Parse afresh.
		 */
		if (strcmp(err.sqlstate, "0A000") == 0)
			db_prep_forget(db->prep);
		if (s->fn != NULL)
			s->fn(s->arg, NULL, &err);
		break;
	}
	db_error_release(&err);
}

/*
 * The result of parsing the current statement under its name: kept, or
 * (an error, or not run) forgotten, and then the statement's own answer
 * is that error: its execution can only report the pipeline aborted.
 */
static void
db_deliver_parse(struct db *db, PGresult *res)
{
	struct db_stmt	*s = &db->inflight->stmts[db->cur];
	bool		 ok = PQresultStatus(res) == PGRES_COMMAND_OK;

	s->prep_phase = 2;
	if (!ok) {
		db_prep_failed(db->prep, s->prep_slot);
		db_deliver(db, res);
	}
}

/* The in-flight batch is complete: account for it, send the next one. */
static void
db_finish_batch(struct db *db)
{
	struct db_batch	*b;

	db->stats.server_ms += db_now_ms() - db->sent_at;
	db_batch_free(db->inflight);
	db->inflight = NULL;
	db->cur = 0;
	db->state = DB_READY;
	if ((b = db->queue) != NULL) {
		db->queue = b->next;
		if (db->queue == NULL)
			db->queue_tail = NULL;
		b->next = NULL;
		if (db_send_batch(db, b, &db->last_error) != 0)
			db_mark_broken(db);
	}
}

/* Hands every notification that has arrived to the callback. */
static bool
db_deliver_notifies(struct db *db)
{
	PGnotify	*n;
	bool		 any = false;

	while ((n = PQnotifies(db->conn)) != NULL) {
		if (db->notify != NULL)
			db->notify(db->notify_arg, n->relname,
			    n->extra != NULL ? n->extra : "");
		PQfreemem(n);
		any = true;
	}
	return (any);
}

bool
db_pump(struct db *db)
{
	PGresult	*res;
	bool		 changed = false;

	if (db->conn == NULL || db->state == DB_BROKEN)
		return (false);
	if (db->state == DB_CONNECTING)
		return (db_pump_connect(db));

	if (PQflush(db->conn) < 0 || !PQconsumeInput(db->conn)) {
		db_mark_broken(db);
		return (true);
	}
	while (db->inflight != NULL && !PQisBusy(db->conn)) {
		res = PQgetResult(db->conn);
		if (res == NULL) {
			/*
			 * The end of one statement's results. A NULL that does
			 * not follow a result (libpq may return one after a
			 * sync) only means nothing more is ready yet. The NULL
			 * after a Parse's result leads to the execution's.
			 */
			if (db->cur < db->inflight->n &&
			    db->inflight->stmts[db->cur].prep_phase == 2) {
				db->inflight->stmts[db->cur].prep_phase = 0;
				continue;
			}
			if (db->cur < db->inflight->n &&
			    db->inflight->stmts[db->cur].delivered) {
				db->cur++;
				continue;
			}
			break;
		}
		changed = true;
		if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			db_finish_batch(db);
			continue;
		}
		if (db->cur < db->inflight->n &&
		    db->inflight->stmts[db->cur].prep_phase == 1)
			db_deliver_parse(db, res);
		else
			db_deliver(db, res);
		PQclear(res);
	}
	changed |= db_deliver_notifies(db);
	if (PQstatus(db->conn) == CONNECTION_BAD) {
		db_mark_broken(db);
		changed = true;
	}
	return (changed);
}

void
db_set_notify(struct db *db, db_notify_fn fn, void *arg)
{
	db->notify = fn;
	db->notify_arg = arg;
}

/* Runs the callbacks of a batch's undelivered statements with err. */
static void
db_fail_batch(struct db_batch *b, const struct db_error *err)
{
	int	i;

	for (i = 0; i < b->n; i++) {
		if (!b->stmts[i].delivered && b->stmts[i].fn != NULL)
			b->stmts[i].fn(b->stmts[i].arg, NULL, err);
		b->stmts[i].delivered = 1;
	}
	db_batch_free(b);
}

/* Runs every pending callback with an error; frees in-flight and queued. */
static void
db_fail_inflight(struct db *db, const char *why)
{
	struct db_batch	*b;
	struct db_error	 err;

	memset(&err, 0, sizeof err);
	db_error_set(&err, "08006", "%s", why != NULL ? why :
	    "connection lost");
	if ((b = db->inflight) != NULL) {
		db->inflight = NULL;
		db_fail_batch(b, &err);
	}
	while ((b = db->queue) != NULL) {
		db->queue = b->next;
		db_fail_batch(b, &err);
	}
	db->queue_tail = NULL;
	db->cur = 0;
	db_error_release(&err);
}

/* ---- batches ---- */

struct db_batch *
db_batch_new(void)
{
	return (xcalloc(1, sizeof (struct db_batch)));
}

void
db_batch_add(struct db_batch *b, const char *sql, int nparams,
    const char *const *params, db_result_fn fn, void *arg)
{
	struct db_stmt	*s;
	int		 i;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4;
		b->stmts = xreallocarray(b->stmts, (size_t)b->cap,
		    sizeof *b->stmts);
	}
	s = &b->stmts[b->n++];
	memset(s, 0, sizeof *s);
	s->sql = xstrdup(sql);
	s->nparams = nparams;
	if (nparams > 0) {
		s->params = xcalloc((size_t)nparams, sizeof *s->params);
		for (i = 0; i < nparams; i++)
			s->params[i] = params[i] != NULL ?
			    xstrdup(params[i]) : NULL;
	}
	s->fn = fn;
	s->arg = arg;
	s->prep_slot = -1;
}

void
db_set_prepare_default(bool on)
{
	db_prepare_default = on;
}

void
db_batch_unprepared(struct db_batch *b)
{
	if (b->n > 0)
		b->stmts[b->n - 1].unprepared = 1;
}

int
db_batch_size(const struct db_batch *b)
{
	return (b->n);
}

static void
db_stmt_release(struct db_stmt *s)
{
	int	i;

	free(s->sql);
	for (i = 0; i < s->nparams; i++)
		free(s->params[i]);
	free(s->params);
}

void
db_batch_free(struct db_batch *b)
{
	int	i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++)
		db_stmt_release(&b->stmts[i]);
	free(b->stmts);
	free(b);
}

/*
 * A batch that opened a transaction (BEGIN ... COMMIT) and failed in it
 * leaves the session in the aborted transaction at the sync: the next
 * batch starts with a ROLLBACK of it, so a failed batch never holds a
 * transaction open (or blocks what the user does next).
 */
static void
db_batch_prepend_rollback(struct db_batch *b)
{
	struct db_stmt	rollback;

	db_batch_add(b, "ROLLBACK", 0, NULL, NULL, NULL);
	rollback = b->stmts[b->n - 1];
	memmove(&b->stmts[1], &b->stmts[0], (size_t)(b->n - 1) *
	    sizeof *b->stmts);
	b->stmts[0] = rollback;
}

static int
db_send_batch(struct db *db, struct db_batch *b, struct db_error *err)
{
	int	i;

	if (PQtransactionStatus(db->conn) == PQTRANS_INERROR ||
	    PQtransactionStatus(db->conn) == PQTRANS_INTRANS)
		db_batch_prepend_rollback(b);
	for (i = 0; i < b->n; i++) {
		struct db_stmt	*s = &b->stmts[i];
		const char	*name;
		bool		 parse;

		name = s->unprepared ? NULL :
		    db_prep_lookup(db->prep, s->sql, &s->prep_slot, &parse);
		if (name == NULL) {
			if (!PQsendQueryParams(db->conn, s->sql, s->nparams,
			    NULL, (const char *const *)s->params, NULL, NULL,
			    0))
				goto fail;
			continue;
		}
		if (parse) {
			if (!PQsendPrepare(db->conn, name, s->sql, s->nparams,
			    NULL))
				goto fail;
			s->prep_phase = 1;
			db->stats.prepared++;
		} else
			db->stats.reused++;
		if (!PQsendQueryPrepared(db->conn, name, s->nparams,
		    (const char *const *)s->params, NULL, NULL, 0))
			goto fail;
	}
	if (!PQpipelineSync(db->conn))
		goto fail;
	(void)PQflush(db->conn);
	db->inflight = b;
	db->cur = 0;
	db->sent_at = db_now_ms();
	db->stats.round_trips++;
	db->stats.statements += (uint64_t)b->n;
	db->state = DB_BUSY;
	return (0);

fail:
	db_error_from_conn(err, db->conn);
	db_fail_batch(b, err);
	return (-1);
}

int
db_batch_send(struct db *db, struct db_batch *b, struct db_error *err)
{
	if (b->n == 0) {
		db_batch_free(b);
		return (0);
	}
	if (db->state == DB_BROKEN || db->conn == NULL) {
		db_error_set(err, "08006", "not connected to the database");
		db_fail_batch(b, err);
		return (-1);
	}
	if (db->state == DB_CONNECTING || db->inflight != NULL) {
		if (db->queue_tail != NULL)
			db->queue_tail->next = b;
		else
			db->queue = b;
		db->queue_tail = b;
		return (0);
	}
	if (db_send_batch(db, b, err) != 0) {
		db_mark_broken(db);
		return (-1);
	}
	return (0);
}
