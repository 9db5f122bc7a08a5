/*
 * calendar.h — an LA's term calendar, for counting school days.
 *
 * Attendance rules count school days, not calendar days ("missing for 10
 * school days", domain.md §1). A school day is a Monday to Friday inside a
 * term (start and end inclusive) that is not a closure (INSET day, bank
 * holiday, emergency closure). Days are day numbers (date.h).
 *
 * Every change rebuilds a cumulative count over the calendar's span, so
 * the three queries are O(1). Add terms and closures in any order; adding
 * the same closure twice is harmless. Outside the span of its terms a
 * calendar has no school days: calendar_covers() tells whether an answer
 * rests on known terms.
 */
#ifndef CME_UTIL_CALENDAR_H
#define CME_UTIL_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#define CALENDAR_MAX_TERM_DAYS	366	/* a longer "term" is a data error */
#define CALENDAR_MAX_SPAN_DAYS	36525	/* 100 years */

struct calendar_term {
	int	 start;		/* first day, inclusive */
	int	 end;		/* last day, inclusive */
};

struct calendar {
	struct calendar_term	*terms;		/* owned, in order added */
	size_t			 nterms;
	size_t			 terms_cap;
	int			*closures;	/* owned, sorted, no repeats */
	size_t			 nclosures;
	size_t			 closures_cap;
	int			 first;		/* first day of the span */
	int			 ndays;		/* days in the span, 0: empty */
	/* owned; ndays + 1 entries, cum[i]: school days in [first, first+i) */
	int			*cum;
	/* owned; the school days in order, cum[ndays] of them */
	int			*school;
};

void		 calendar_init(struct calendar *);
void		 calendar_release(struct calendar *);
/*
 * Adds a term from start to end inclusive. Returns 0, or -1 (calendar
 * unchanged) if end < start, the term is longer than
 * CALENDAR_MAX_TERM_DAYS, or the calendar would span more than
 * CALENDAR_MAX_SPAN_DAYS.
 */
int		 calendar_add_term(struct calendar *, int start, int end);
/* Marks day as closed. Returns 0 (a closure outside every term is kept
 * and simply has no effect). */
int		 calendar_add_closure(struct calendar *, int day);

bool		 calendar_is_school_day(const struct calendar *, int day);
/* True when day lies between the first term's start and last term's end. */
bool		 calendar_covers(const struct calendar *, int day);
/*
 * The number of school days d with from < d <= to; negative (minus the
 * count of to < d <= from) when to < from.
 */
int		 calendar_school_days_between(const struct calendar *, int from,
		     int to);
/*
 * The n-th school day after day (n > 0), the |n|-th before it (n < 0), or
 * day itself (n == 0). Returns -1 when the calendar runs out.
 */
int		 calendar_add_school_days(const struct calendar *, int day,
		     int n);

#endif /* CME_UTIL_CALENDAR_H */
