/*
 * report.h — the termly DfE CME return (016_report.sql's cme.cme_return):
 * its rows, the DfE rounding convention, the CSV form, and the Reports
 * screen's data (this term's census day beside the previous term's).
 *
 * The figures are computed in the database (one definer function, scoped
 * to the caller's LA); this file only carries, rounds and writes them.
 */
#ifndef CME_MODEL_REPORT_H
#define CME_MODEL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct db;
struct db_error;
struct db_rows;

/* One figure of the return. */
struct report_row {
	char	*breakdown;	/* owned: total, sex, year_group, ... */
	char	*category;	/* owned: all, F, Y3, le_12_weeks, a reason */
	char	*label;		/* owned: "Year 3" (reason labels: the db's) */
	long	 children;	/* exact count on the census day */
	long	 prev;		/* the previous term's, -1 when none */
};

struct report {
	struct report_row	*rows;		/* owned, n entries */
	size_t			 n;
	char			 la_code[8];	/* "830" ("" on the screen) */
	char			 census[11];	/* YYYY-MM-DD */
	char			 prev_census[11]; /* "" when none */
};

void	report_release(struct report *);

/*
 * The DfE convention for LA figures (domain.md §4.1): rounded to the
 * nearest 10 (5 goes up), "low" for a count that rounds to 0 but is not
 * 0. Writes into out (at least 8 bytes).
 */
void	report_round(long n, bool rounded, char *out, size_t outsize);

/*
 * One CSV field, RFC 4180 quoted when needed, made inert for spreadsheets:
 * a field starting with = + - @, a tab or a carriage return gets a leading
 * apostrophe so that no program runs it as a formula.
 */
struct sbuf;
void	report_csv_field(struct sbuf *, const char *);

/* Reads cme.cme_return() or cme.cme_return_terms() rows into r. */
int	report_read(struct report *, const struct db_rows *);

/* The blocking read for `cme report` (la may be NULL: the caller's). */
int	report_fetch(struct db *, const char *census, const char *la,
	    struct report *, struct db_error *);

/* The return as CSV (header line first), rounded when asked. */
void	report_csv(const struct report *, bool rounded, struct sbuf *);

/* ---- the Reports screen (model.c hands out one) ---- */

struct reports;

struct reports	*reports_new(void);
void		 reports_free(struct reports *);
/* Asks for this term's return beside the previous one (one statement). */
void		 reports_request(struct reports *, struct db *);
bool		 reports_loading(const struct reports *);
/* Borrowed until the next answer; NULL when none yet. */
const struct report *reports_data(const struct reports *);
const char	*reports_error(const struct reports *);	/* NULL if none */
uint64_t	 reports_gen(const struct reports *);

#endif /* CME_MODEL_REPORT_H */
