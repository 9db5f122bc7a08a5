/*
 * db.h — the only door to PostgreSQL.
 *
 * Only src/db/ includes <libpq-fe.h>; everything above talks to the server
 * through this header. A PGresult never leaves db/: every result is copied
 * into a struct db_rows (one arena per result) before the caller sees it.
 *
 * Two ways in:
 *  - blocking calls for the command-line tools (migrate, seed, import), which
 *    have no screen to keep alive;
 *  - an asynchronous connection for the terminal client: db_connect_start()
 *    then db_pump() whenever poll() says db_fd() is ready. Statements go out
 *    in batches (libpq pipeline mode): one batch is one round trip, whatever
 *    number of statements it holds. Every statement is parameterised.
 *
 * The db layer counts round trips, statements and time per connection
 * (struct db_stats) so that tests and benchmarks can assert them.
 */
#ifndef CME_DB_DB_H
#define CME_DB_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_batch;

/* A recoverable error; the caller owns the strings. */
struct db_error {
	char	 sqlstate[6];	/* "" when not a server error */
	char	*message;	/* owned, NULL when no error */
	char	*detail;	/* owned, may be NULL */
	char	*hint;		/* owned, may be NULL */
};

void		 db_error_set(struct db_error *, const char *sqlstate,
		     const char *fmt, ...)
		     __attribute__((format(printf, 3, 4)));
void		 db_error_release(struct db_error *);

/*
 * Connection parameters, libpq keyword/value pairs. Unset keywords fall back
 * to libpq's own defaults and environment (PGHOST, PGUSER, PGSERVICE,
 * ~/.pgpass, service files). "dbname" may hold a whole conninfo string or
 * URI. db_params_add() copies both strings; a later value for the same
 * keyword replaces the earlier one.
 */
struct db_params {
	char	**keys;		/* owned, NULL-terminated */
	char	**values;	/* owned */
	size_t	  n;
	size_t	  cap;
};

void		 db_params_init(struct db_params *);
void		 db_params_add(struct db_params *, const char *, const char *);
const char	*db_params_get(const struct db_params *, const char *);
void		 db_params_release(struct db_params *);

/* A result copied out of libpq. Values are NULL for SQL NULL. */
struct db_rows;

int		 db_rows_count(const struct db_rows *);
int		 db_rows_columns(const struct db_rows *);
int		 db_rows_find(const struct db_rows *, const char *name);
/* Borrowed: valid until db_rows_free(). NULL when SQL NULL. */
const char	*db_rows_value(const struct db_rows *, int row, int col);
/* A copy of one row (same columns), owned by the caller; NULL if none. */
struct db_rows	*db_rows_slice(const struct db_rows *, int row);
/* The same, of the columns from column from on. */
struct db_rows	*db_rows_slice_from(const struct db_rows *, int row,
		     int from);
/* Number of rows a command changed (INSERT/UPDATE/DELETE/COPY). */
long		 db_rows_affected(const struct db_rows *);
void		 db_rows_free(struct db_rows *);

/* ---- blocking calls (command-line tools) ---- */

/* Returns a new connection owned by the caller, or NULL with err set. */
struct db	*db_connect(const struct db_params *, struct db_error *);
void		 db_close(struct db *);

/* Static SQL text with several statements (migrations only; no params). */
int		 db_exec_script(struct db *, const char *sql, struct db_error *);
/* One parameterised statement. Returns rows owned by the caller or NULL. */
struct db_rows	*db_query(struct db *, const char *sql, int nparams,
		     const char *const *params, struct db_error *);
/* One parameterised statement; returns rows affected, or -1 with err. */
long		 db_command(struct db *, const char *sql, int nparams,
		     const char *const *params, struct db_error *);

/* COPY ... FROM STDIN: begin, put any number of buffers, end. */
int		 db_copy_begin(struct db *, const char *copy_sql,
		     struct db_error *);
int		 db_copy_put(struct db *, const char *buf, size_t len,
		     struct db_error *);
/* Returns rows copied, or -1 with err (the COPY is then aborted). */
long		 db_copy_end(struct db *, const char *abort_reason,
		     struct db_error *);

/* ---- asynchronous connection (terminal client) ---- */

enum db_state {
	DB_CONNECTING,	/* handshake in progress */
	DB_READY,	/* connected, nothing in flight */
	DB_BUSY,	/* a batch is in flight */
	DB_BROKEN,	/* failed or lost; see db_last_error() */
};

/* Starts a non-blocking connect. Never blocks on the network. */
struct db	*db_connect_start(const struct db_params *, struct db_error *);
/* Drops the connection and starts connecting again (after a failure). */
int		 db_reconnect_start(struct db *);
enum db_state	 db_state(const struct db *);
int		 db_fd(const struct db *);		/* -1 when none */
bool		 db_wants_write(const struct db *);
/* Milliseconds until db_pump() must run even without I/O; -1: no limit. */
int		 db_timeout_ms(const struct db *);
/*
 * Drives the connection: call when db_fd() is readable or writable (or
 * after a timeout). Completed statements' callbacks run from inside.
 * Returns true when anything changed the caller may want to redraw.
 */
bool		 db_pump(struct db *);
/* The last connection-level error, borrowed until the next db_pump(). */
const struct db_error *db_last_error(const struct db *);
/* Who the server says we are (current_user), "" until connected. */
const char	*db_user(const struct db *);
/* Which database: "host:port/dbname" as connected, "" until then. */
const char	*db_ident(const struct db *);

/*
 * Called once per statement of a batch, in order. rows is borrowed for the
 * duration of the call; err is non-NULL when the statement failed (rows is
 * then NULL). When the connection breaks, every pending callback runs with
 * an error.
 */
typedef void	(*db_result_fn)(void *arg, const struct db_rows *rows,
		     const struct db_error *err);

struct db_batch	*db_batch_new(void);
/* Copies sql and params. params may hold NULL for SQL NULL. */
void		 db_batch_add(struct db_batch *, const char *sql, int nparams,
		     const char *const *params, db_result_fn, void *arg);
int		 db_batch_size(const struct db_batch *);
void		 db_batch_free(struct db_batch *);
/*
 * Sends every statement of the batch in one pipeline (one round trip) and
 * takes ownership of the batch. Returns 0, or -1 with err when it could not
 * be sent. Either way every callback runs exactly once (with the error when
 * the batch could not go out), so callback arguments are always released.
 * Only one batch is in flight at a time: a batch sent while one is in
 * flight waits and goes out after it.
 */
int		 db_batch_send(struct db *, struct db_batch *,
		     struct db_error *);

/*
 * Notifications (LISTEN/NOTIFY): fn runs from db_pump() for each one that
 * arrives, with the channel and payload borrowed for the call.
 */
typedef void	(*db_notify_fn)(void *arg, const char *channel,
		    const char *payload);

void		 db_set_notify(struct db *, db_notify_fn, void *);

/* Per-connection counters since the connection was made. */
struct db_stats {
	uint64_t	round_trips;	/* batches (and blocking calls) sent */
	uint64_t	statements;	/* statements executed */
	double		server_ms;	/* time from send to last result */
	uint64_t	prepared;	/* statements sent to be kept */
	uint64_t	reused;		/* executions of a kept statement */
};

void		 db_stats_get(const struct db *, struct db_stats *);

/* The statement added last runs unnamed, never kept (a plan per run). */
void		 db_batch_unprepared(struct db_batch *);

/*
 * Whether connections opened from now on keep their queries parsed and
 * planned for the session (named prepared statements, src/db/prepared.c;
 * default true). False for a pooler that does not carry them between
 * transactions (settings: database.prepare).
 */
void		 db_set_prepare_default(bool);

#endif /* CME_DB_DB_H */
