/*
 * saved_queue.h — named limit patterns an officer keeps as queues of
 * their own (newsboat's query feeds): "Overdue, no contact" =
 * cases: status:open officer:me contact>10.
 *
 * Stored in cme.saved_queue (008_casework.sql, kind from 012_search.sql):
 * a name unique per owner, the list kind, the pattern in canonical form
 * (limit_format), and a position. Row-level security keeps each
 * officer's queues to themselves; the statements (queries.h QUERY_QUEUE_*)
 * say owner = current_user as well.
 *
 * Two ways to use it, as for every model statement:
 *  - saved_queue_add_*() put the statement on the caller's db batch with
 *    a callback (the terminal client);
 *  - saved_queue_prepare_*() fill a struct saved_queue_stmt with the SQL
 *    and parameters, for db_query() (tests, command-line tools).
 * Saving checks the name and parses the pattern for its kind first, so a
 * pattern that would not parse is never stored.
 *
 * Replacing: a save with replace = false of a name the officer already
 * uses stores nothing and returns no row (saved_queue_saved() is false):
 * ask "Replace queue 'X'?" and send it again with replace = true.
 */
#ifndef CME_MODEL_SAVED_QUEUE_H
#define CME_MODEL_SAVED_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "model/limit.h"

#define SAVED_QUEUE_NAME_MAX	60	/* characters, as the table */
#define SAVED_QUEUE_MSG_MAX	LIMIT_ERROR_MAX

/* One saved queue; strings owned by the array (saved_queue_list_free). */
struct saved_queue {
	char		*id;		/* queue_id */
	char		*name;
	enum limit_kind	 kind;
	char		*pattern;	/* canonical */
	int		 position;
};

/* A statement and its parameters; the strings live in the struct. */
struct saved_queue_stmt {
	const char	*sql;
	const char	*params[4];
	int		 nparams;
	char		 name[SAVED_QUEUE_NAME_MAX * 4 + 1];
	char		 position[12];
	char		*pattern;	/* owned: canonical pattern */
};

/*
 * Checks name (trimmed; 1 to 60 characters, no control characters) and
 * pattern (must parse for kind) and prepares the save. Returns 0, or -1
 * with msg set ("at 14: unknown field ..." for a bad pattern). Release
 * the statement with saved_queue_stmt_release() either way.
 */
int	 saved_queue_prepare_save(struct saved_queue_stmt *,
	     const char *name, enum limit_kind, const char *pattern,
	     bool replace, char *msg, size_t msgsize);
/* The statement listing the caller's queues (no parameters). */
void	 saved_queue_prepare_list(struct saved_queue_stmt *);
/* Deleting, and moving to a position; -1 with msg for a bad name. */
int	 saved_queue_prepare_delete(struct saved_queue_stmt *,
	     const char *name, char *msg, size_t msgsize);
int	 saved_queue_prepare_move(struct saved_queue_stmt *,
	     const char *name, int position, char *msg, size_t msgsize);
void	 saved_queue_stmt_release(struct saved_queue_stmt *);

/* The same, added to a batch with a callback (rows as the QUERY_QUEUE_*
 * statements return them). */
void	 saved_queue_add_list(struct db_batch *, db_result_fn, void *);
int	 saved_queue_add_save(struct db_batch *, const char *name,
	     enum limit_kind, const char *pattern, bool replace, db_result_fn,
	     void *, char *msg, size_t msgsize);
int	 saved_queue_add_delete(struct db_batch *, const char *name,
	     db_result_fn, void *, char *msg, size_t msgsize);

/* After a save: true when stored, false when the name was taken (ask). */
bool	 saved_queue_saved(const struct db_rows *);
/* After a delete or move: true when the queue existed. */
bool	 saved_queue_found(const struct db_rows *);

/*
 * Copies the rows of QUERY_QUEUE_LIST out; rows of an unknown kind are
 * skipped. Returns the array (the caller frees it with
 * saved_queue_list_free) and its length in *n; NULL when empty.
 */
struct saved_queue *saved_queue_list_read(const struct db_rows *, size_t *n);
void	 saved_queue_list_free(struct saved_queue *, size_t n);

#endif /* CME_MODEL_SAVED_QUEUE_H */
