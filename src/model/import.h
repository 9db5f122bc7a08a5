/*
 * import.h — `cme import`: school files into the database, all or nothing.
 *
 * Two kinds of file (README.md "Importing school data"; doc/cme.1):
 *   attendance  laestab,upn,date,session,code
 *   returns     laestab,kind,event_date,upn,legal_forename,legal_surname,
 *               dob,sex,postcode,ground,destination_laestab
 * The file is read as a stream (util/csv.h) in bounded memory. What can be
 * checked on one line alone is checked here (columns, UTF-8, UPN check
 * letter, dates, sessions, kinds, grounds); the good lines stream through
 * COPY into a TEMP staging table, the bad ones into the server's reject
 * table, and src/db/sql/011_import.sql checks the rest set-wise (schools,
 * scope, codes, term dates, pupils, duplicates), merges, and runs the
 * rules — all in ONE transaction. Every rejected line comes back through
 * on_reject, in line order, with its reason and its columns. Without
 * skip_bad a single bad line means nothing is written.
 *
 * The model never sees libpq: it talks through db.h (blocking calls).
 */
#ifndef CME_MODEL_IMPORT_H
#define CME_MODEL_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "util/csv.h"

struct db;
struct db_error;

enum import_kind {
	IMPORT_ATTENDANCE,
	IMPORT_RETURNS,
};

/* One rejected line. */
struct import_reject {
	long		 line;		/* 0: about the file as a whole */
	const char	*reason;	/* borrowed for the callback */
	const char	*csv;		/* the line's columns as CSV, or "" */
	bool		 whole_file;	/* empty file, bad header: nothing
					 * can be imported */
};

enum import_phase {
	IMPORT_READING,		/* streaming the file: bytes, rows */
	IMPORT_CHECKING,	/* the server validates and merges */
	IMPORT_DONE,
};

struct import_options {
	enum import_kind kind;
	csv_read_fn	 read;		/* the input */
	void		*read_arg;
	bool		 skip_bad;	/* import the good lines anyway */
	int		 as_of;		/* "today" for the rules (day number) */
	/* Called for each rejected line, in line order. */
	void		(*on_reject)(void *, const struct import_reject *);
	/* Called now and then; may be NULL. */
	void		(*on_progress)(void *, enum import_phase,
			    uint64_t bytes, long rows);
	void		*arg;		/* passed to both */
};

struct import_summary {
	long		 rows;		/* data lines read */
	long		 rejected;	/* lines rejected */
	bool		 applied;	/* committed */
	long		 updated;	/* attendance rows changed */
	long		 inserted;	/* attendance rows added */
	long		 returns;	/* register returns stored */
	long		 children;	/* children created (returns) */
	long		 opened;	/* enrolments opened */
	long		 closed;	/* enrolments ended */
	long		 duplicates;	/* returns held as possible duplicates */
	long		 already;	/* returns received before: skipped */
	long		 alerts;	/* alerts raised or escalated */
	long		 batch;		/* audit batch number, 0 if none */
};

/* The header line a kind of file must start with (static). */
const char	*import_header(enum import_kind);

/*
 * Runs one import on db (connected, no transaction open). Returns 0 when
 * the file was imported (with skip_bad, possibly without some lines),
 * 1 when it was rejected and nothing was written, -1 on a database or
 * read error (err set; nothing written).
 */
int		 import_run(struct db *, const struct import_options *,
		     struct import_summary *, struct db_error *);

#endif /* CME_MODEL_IMPORT_H */
