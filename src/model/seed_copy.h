/*
 * seed_copy.h — one COPY ... FROM STDIN stream in text format, for the seed.
 *
 * Rows are framed into a sbuf (fields separated by tabs, rows ended by a
 * newline, NULL as \N) and sent with db_copy_put() whenever the buffer
 * passes SEED_COPY_FLUSH bytes, so a table of any size costs a bounded
 * amount of client memory and no per-row round trip. Text values are
 * escaped for COPY (backslash, tab, newline, carriage return); everything
 * else, UTF-8 included, passes through.
 *
 * Errors are sticky: once a put fails, every later call is a no-op and
 * seed_copy_end() reports the first error. Callers may test seed_copy_ok()
 * to stop generating early.
 */
#ifndef CME_MODEL_SEED_COPY_H
#define CME_MODEL_SEED_COPY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/sbuf.h"

struct db;
struct db_error;

#define SEED_COPY_FLUSH	(1u << 20)	/* 1 MiB */
#define SEED_NO_DATE	(-2147483647 - 1)	/* a date column's NULL */

struct seed_copy {
	struct db	*db;		/* borrowed */
	struct db_error	*err;		/* borrowed: where failures go */
	struct sbuf	 buf;		/* owned: rows not yet sent */
	bool		 failed;	/* a put failed; err is set */
	bool		 in_copy;	/* the server is in COPY IN */
	bool		 row_open;	/* a field was written in this row */
	long		 rows;		/* rows framed so far */
};

/* Starts copy_sql (a COPY ... FROM STDIN). Returns 0, or -1 with err set. */
int	 seed_copy_begin(struct seed_copy *, struct db *, const char *copy_sql,
	     struct db_error *);
bool	 seed_copy_ok(const struct seed_copy *);

/* Field writers: each appends one column of the current row. */
void	 seed_copy_null(struct seed_copy *);
void	 seed_copy_str(struct seed_copy *, const char *);	/* NULL: \N */
void	 seed_copy_strn(struct seed_copy *, const char *, size_t);
void	 seed_copy_int(struct seed_copy *, long long);
void	 seed_copy_bool(struct seed_copy *, bool);
void	 seed_copy_date(struct seed_copy *, int day);	/* SEED_NO_DATE: \N */
/* A timestamptz at day + minutes after midnight, UK local time. */
void	 seed_copy_time(struct seed_copy *, int day, int minutes);
/* A field whose bytes the caller promises need no escaping (ASCII). */
void	 seed_copy_raw(struct seed_copy *, const char *, size_t);
/* Ends the row; sends the buffer when it is full. */
void	 seed_copy_end_row(struct seed_copy *);
/*
 * Sends the rest and ends the COPY (aborting it after a failure). Returns
 * the rows the server took, or -1 with err set. Releases the buffer.
 */
long	 seed_copy_end(struct seed_copy *);

/*
 * Appends s to sb as the inside of a JSON string (quotes, backslashes and
 * control characters escaped; UTF-8 kept).
 */
void	 seed_json_escape(struct sbuf *sb, const char *s);

#endif /* CME_MODEL_SEED_COPY_H */
