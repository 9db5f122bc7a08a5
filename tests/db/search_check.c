/*
 * search_check.c — test driver for tests/db/search.sh: runs what the
 * client runs for a search, end to end, and prints it for the script to
 * check. For each INPUT: search_prepare() (src/model/search.c), then its
 * statement (QUERY_SEARCH_CHILDREN) with its parameters through db_query,
 * connected as ROLE to $PGDATABASE (PGHOST, PGPORT from the environment).
 *
 *	db_search_check ROLE INPUT...
 *
 * prints, per input:
 *	input: <input>
 *	kind: <name|upn|dob|postcode|>
 *	message: <the status-line sentence, or nothing>
 *	row: <la_code>|<child_id>|<how>|<matched>|<score>	(0 or more)
 *	error: <sqlstate> <message>			(on failure)
 * Not a test by itself (it prints no ok lines); exit status 2 when it
 * cannot connect.
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "model/search.h"

static void
show(const struct db_rows *r, int row, const char *col)
{
	const char	*v = db_rows_value(r, row, db_rows_find(r, col));

	fputs(v != NULL ? v : "", stdout);
}

int
main(int argc, char **argv)
{
	struct db_params	 params;
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct search_query	 q;
	struct db		*db;
	struct db_rows		*r;
	int			 i, j;

	if (argc < 2) {
		fprintf(stderr, "usage: db_search_check ROLE INPUT...\n");
		return (2);
	}
	db_params_init(&params);
	db_params_add(&params, "user", argv[1]);
	db = db_connect(&params, &err);
	db_params_release(&params);
	if (db == NULL) {
		printf("error: cannot connect as %s: %s\n", argv[1],
		    err.message != NULL ? err.message : "?");
		db_error_release(&err);
		return (2);
	}
	for (i = 2; i < argc; i++) {
		search_prepare(argv[i], &q);
		printf("input: %s\nkind: %s\nmessage: %s\n", argv[i],
		    search_kind_name(q.kind), q.message);
		if (q.sql == NULL)
			continue;
		r = db_query(db, q.sql, q.nparams, q.params, &err);
		if (r == NULL) {
			printf("error: %s %s\n", err.sqlstate,
			    err.message != NULL ? err.message : "?");
			db_error_release(&err);
			continue;
		}
		for (j = 0; j < db_rows_count(r); j++) {
			fputs("row: ", stdout);
			show(r, j, "la_code");
			putchar('|');
			show(r, j, "child_id");
			putchar('|');
			show(r, j, "how");
			putchar('|');
			show(r, j, "matched");
			putchar('|');
			show(r, j, "score");
			putchar('\n');
		}
		db_rows_free(r);
	}
	db_close(db);
	return (0);
}
