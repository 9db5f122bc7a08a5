/*
 * rows.c — struct db_rows: a query result copied out of libpq.
 *
 * One allocation holds every string of the result (names and values), so a
 * result costs three allocations whatever its size, and freeing it is cheap.
 * The PGresult is never kept: db/ clears it right after the copy.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "util/xmalloc.h"

struct db_rows {
	int	  nrows;
	int	  ncols;
	long	  affected;	/* PQcmdTuples, -1 when not a command */
	char	**names;	/* ncols pointers into arena */
	char	**cells;	/* nrows * ncols pointers into arena, or NULL */
	char	 *arena;	/* owned */
};

struct db_rows *
db_rows_from_result(const PGresult *res)
{
	struct db_rows	*r;
	size_t		 size, off, len;
	const char	*tuples;
	int		 i, j;

	r = xcalloc(1, sizeof *r);
	r->nrows = PQntuples(res);
	r->ncols = PQnfields(res);
	tuples = PQcmdTuples((PGresult *)res);
	r->affected = (tuples != NULL && *tuples != '\0') ?
	    strtol(tuples, NULL, 10) : -1;

	size = 1;
	for (j = 0; j < r->ncols; j++)
		size += strlen(PQfname(res, j)) + 1;
	for (i = 0; i < r->nrows; i++)
		for (j = 0; j < r->ncols; j++)
			if (!PQgetisnull(res, i, j))
				size += (size_t)PQgetlength(res, i, j) + 1;

	r->arena = xmalloc(size);
	r->names = xcalloc(r->ncols > 0 ? (size_t)r->ncols : 1,
	    sizeof *r->names);
	r->cells = xcalloc(r->nrows > 0 && r->ncols > 0 ?
	    (size_t)r->nrows * (size_t)r->ncols : 1, sizeof *r->cells);

	off = 0;
	for (j = 0; j < r->ncols; j++) {
		len = strlen(PQfname(res, j));
		memcpy(r->arena + off, PQfname(res, j), len + 1);
		r->names[j] = r->arena + off;
		off += len + 1;
	}
	for (i = 0; i < r->nrows; i++) {
		for (j = 0; j < r->ncols; j++) {
			if (PQgetisnull(res, i, j))
				continue;
			len = (size_t)PQgetlength(res, i, j);
			memcpy(r->arena + off, PQgetvalue(res, i, j), len);
			r->arena[off + len] = '\0';
			r->cells[(size_t)i * (size_t)r->ncols + (size_t)j] =
			    r->arena + off;
			off += len + 1;
		}
	}
	return (r);
}

int
db_rows_count(const struct db_rows *r)
{
	return (r != NULL ? r->nrows : 0);
}

int
db_rows_columns(const struct db_rows *r)
{
	return (r != NULL ? r->ncols : 0);
}


int
db_rows_find(const struct db_rows *r, const char *name)
{
	int	j;

	for (j = 0; r != NULL && j < r->ncols; j++)
		if (strcmp(r->names[j], name) == 0)
			return (j);
	return (-1);
}

/* Borrowed until db_rows_free(); NULL for SQL NULL or out of range. */
const char *
db_rows_value(const struct db_rows *r, int row, int col)
{
	if (r == NULL || row < 0 || row >= r->nrows || col < 0 ||
	    col >= r->ncols)
		return (NULL);
	return (r->cells[(size_t)row * (size_t)r->ncols + (size_t)col]);
}

/*
 * A new db_rows holding only row `row` of r, with its columns from column
 * `from` on, or NULL when out of range. Owned by the caller.
 */
struct db_rows *
db_rows_slice_from(const struct db_rows *r, int row, int from)
{
	struct db_rows	*s;
	size_t		 size = 1, off = 0, len;
	int		 j;

	if (r == NULL || row < 0 || row >= r->nrows || from < 0 ||
	    from > r->ncols)
		return (NULL);
	for (j = from; j < r->ncols; j++) {
		const char *v = db_rows_value(r, row, j);

		size += strlen(r->names[j]) + 1;
		if (v != NULL)
			size += strlen(v) + 1;
	}
	s = xcalloc(1, sizeof *s);
	s->nrows = 1;
	s->ncols = r->ncols - from;
	s->affected = -1;
	s->arena = xmalloc(size);
	s->names = xcalloc(s->ncols > 0 ? (size_t)s->ncols : 1,
	    sizeof *s->names);
	s->cells = xcalloc(s->ncols > 0 ? (size_t)s->ncols : 1,
	    sizeof *s->cells);
	for (j = from; j < r->ncols; j++) {
		const char *v = db_rows_value(r, row, j);

		len = strlen(r->names[j]);
		memcpy(s->arena + off, r->names[j], len + 1);
		s->names[j - from] = s->arena + off;
		off += len + 1;
		if (v != NULL) {
			len = strlen(v);
			memcpy(s->arena + off, v, len + 1);
			s->cells[j - from] = s->arena + off;
			off += len + 1;
		}
	}
	return (s);
}

/* Row `row` of r with all its columns. Owned by the caller. */
struct db_rows *
db_rows_slice(const struct db_rows *r, int row)
{
	return (db_rows_slice_from(r, row, 0));
}

long
db_rows_affected(const struct db_rows *r)
{
	return (r != NULL ? r->affected : -1);
}

void
db_rows_free(struct db_rows *r)
{
	if (r == NULL)
		return;
	free(r->arena);
	free(r->names);
	free(r->cells);
	free(r);
}
