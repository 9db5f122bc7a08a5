/*
 * db_private.h — helpers shared by the files of src/db/ only.
 *
 * Copying a PGresult into a struct db_rows and turning libpq's error
 * reports into a struct db_error happen here, so that no other layer ever
 * sees libpq types.
 */
#ifndef CME_DB_DB_PRIVATE_H
#define CME_DB_DB_PRIVATE_H

#include <libpq-fe.h>

#include "db/db.h"

/* A new db_rows copied from res (res is not freed). Owned by the caller. */
struct db_rows	*db_rows_from_result(const PGresult *res);
/* Fills err from a failed result: SQLSTATE, message, detail, hint. */
void		 db_error_from_result(struct db_error *, const PGresult *);
/* Fills err from the connection's last error message. */
void		 db_error_from_conn(struct db_error *, const PGconn *);
/* The libpq connection of a db (borrowed). */
PGconn		*db_pgconn(struct db *);
/* Milliseconds from a monotonic clock. */
double		 db_now_ms(void);

/* The session's kept statements (prepared.c). */
struct db_prep_cache;
struct db_prep_cache *db_prep_new(void);
void		 db_prep_free(struct db_prep_cache *);
/* A new session: nothing is kept any more. */
void		 db_prep_forget(struct db_prep_cache *);
/*
 * The name to execute sql under (NULL: run it unnamed), its slot, and
 * whether it must be parsed under that name first (*parse).
 */
const char	*db_prep_lookup(struct db_prep_cache *, const char *sql,
		    int *slot, bool *parse);
/* The server refused (or never ran) the parse of slot: forget it. */
void		 db_prep_failed(struct db_prep_cache *, int slot);

#endif /* CME_DB_DB_PRIVATE_H */
