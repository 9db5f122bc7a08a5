/*
 * import_rows.h — the two file formats of `cme import`, line by line
 * (internal to src/model/import*.c).
 *
 * A format names its columns (the header a file must carry; optional
 * columns may be left out of it), the COPY statement into its staging
 * table, the SQL function that validates and applies it, and a function
 * that checks one line and writes it as one line of COPY text.
 */
#ifndef CME_MODEL_IMPORT_ROWS_H
#define CME_MODEL_IMPORT_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/import.h"

struct sbuf;

#define IMPORT_MAX_COLS		11
#define IMPORT_REASON_MAX	256

struct import_format {
	enum import_kind	 kind;
	const char		*name;		/* for import_begin() */
	const char		*header;	/* the full header line */
	int			 ncols;
	const char		*cols[IMPORT_MAX_COLS];
	bool			 required[IMPORT_MAX_COLS];
	const char		*copy_sql;	/* COPY ... FROM STDIN */
	const char		*apply_sql;	/* SELECT * FROM cme.import_...($1, $2) */
	/*
	 * Checks one line: f[i] is column i of cols (NULL when the file has
	 * no such column). Appends one COPY text line to out and returns
	 * true, or returns false with the reason in why.
	 */
	bool			(*row)(const char *const *f, long line,
				    struct sbuf *out,
				    char why[IMPORT_REASON_MAX]);
};

const struct import_format *import_format(enum import_kind);

/* Appends s as one COPY text field (backslash, tab, CR, LF escaped). */
void		 import_copy_field(struct sbuf *, const char *s);

#endif /* CME_MODEL_IMPORT_ROWS_H */
