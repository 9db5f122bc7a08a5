/*
 * workload.h — the supervisor's workload view: one row per officer of the
 * LA (016_report.sql's cme.workload(), one statement, one round trip),
 * sortable by any column. An LA has tens of officers, not thousands, so
 * every row is held and sorting happens here, without a round trip.
 */
#ifndef CME_MODEL_WORKLOAD_H
#define CME_MODEL_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;

enum workload_col {
	WL_OFFICER,		/* display name */
	WL_CASES,		/* open cases */
	WL_ALERTS,		/* open alerts */
	WL_OVERDUE,		/* overdue statutory clocks */
	WL_CONTACTS,		/* contacts in the last 10 school days */
	WL_UNTOUCHED,		/* school days since the oldest untouched case */
	WL_COL_COUNT,
};

struct workload_row {
	char	*role;		/* owned: the login role */
	char	*name;		/* owned: display name */
	char	*team;		/* owned, "" when none */
	long	 v[WL_COL_COUNT];	/* figures; v[WL_UNTOUCHED] -1: none */
	char	*untouched_case; /* owned: case id, "" when none */
};

struct workload;

struct workload	*workload_new(void);
void		 workload_free(struct workload *);
/* Reads the figures again (one statement on db). */
void		 workload_request(struct workload *, struct db *);
bool		 workload_loading(const struct workload *);
bool		 workload_loaded(const struct workload *);
const char	*workload_error(const struct workload *);	/* NULL: none */
size_t		 workload_count(const struct workload *);
/* Row i in the current order; borrowed until the next answer. */
const struct workload_row *workload_row(const struct workload *, size_t);
/* The largest value of a column (for scaling bars), at least 1. */
long		 workload_max(const struct workload *, enum workload_col);
const char	*workload_col_title(enum workload_col);
/* Sorts by a column (names ascending, figures descending by default). */
void		 workload_sort(struct workload *, enum workload_col, bool desc);
enum workload_col workload_sort_col(const struct workload *);
bool		 workload_sort_desc(const struct workload *);
/* Finds the row of a login role in the current order, or -1. */
long		 workload_find(const struct workload *, const char *role);
uint64_t	 workload_gen(const struct workload *);

#endif /* CME_MODEL_WORKLOAD_H */
