/*
 * calendar.c — school-day arithmetic over a term calendar.
 *
 * Owns the precomputed tables: cum[] (school days before each day of the
 * span) and school[] (the school days themselves). Queries clamp to the
 * span, so any int is a safe argument.
 */
#include <stdlib.h>
#include <string.h>

#include "util/calendar.h"
#include "util/date.h"
#include "util/xmalloc.h"

static void	 calendar_rebuild(struct calendar *);
static int	 calendar_upto(const struct calendar *, long long);

void
calendar_init(struct calendar *cal)
{
	memset(cal, 0, sizeof *cal);
}

void
calendar_release(struct calendar *cal)
{
	free(cal->terms);
	free(cal->closures);
	free(cal->cum);
	free(cal->school);
	calendar_init(cal);
}

int
calendar_add_term(struct calendar *cal, int start, int end)
{
	long long	 lo, hi;

	if (end < start || (long long)end - start + 1 > CALENDAR_MAX_TERM_DAYS)
		return -1;
	lo = start;
	hi = end;
	if (cal->nterms > 0) {
		if (cal->first < lo)
			lo = cal->first;
		if ((long long)cal->first + cal->ndays - 1 > hi)
			hi = (long long)cal->first + cal->ndays - 1;
	}
	if (hi - lo + 1 > CALENDAR_MAX_SPAN_DAYS)
		return -1;
	if (cal->nterms == cal->terms_cap) {
		cal->terms_cap = cal->terms_cap == 0 ? 8 : cal->terms_cap * 2;
		cal->terms = xreallocarray(cal->terms, cal->terms_cap,
		    sizeof *cal->terms);
	}
	cal->terms[cal->nterms].start = start;
	cal->terms[cal->nterms].end = end;
	cal->nterms++;
	calendar_rebuild(cal);
	return 0;
}

int
calendar_add_closure(struct calendar *cal, int day)
{
	size_t	 lo = 0, hi = cal->nclosures, mid;

	while (lo < hi) {		/* first closure >= day */
		mid = lo + (hi - lo) / 2;
		if (cal->closures[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < cal->nclosures && cal->closures[lo] == day)
		return 0;
	if (cal->nclosures == cal->closures_cap) {
		cal->closures_cap = cal->closures_cap == 0 ? 16 :
		    cal->closures_cap * 2;
		cal->closures = xreallocarray(cal->closures,
		    cal->closures_cap, sizeof *cal->closures);
	}
	memmove(cal->closures + lo + 1, cal->closures + lo,
	    (cal->nclosures - lo) * sizeof *cal->closures);
	cal->closures[lo] = day;
	cal->nclosures++;
	calendar_rebuild(cal);
	return 0;
}

bool
calendar_is_school_day(const struct calendar *cal, int day)
{
	long long	 i;

	if (!calendar_covers(cal, day))
		return false;
	i = (long long)day - cal->first;
	return cal->cum[i + 1] != cal->cum[i];
}

bool
calendar_covers(const struct calendar *cal, int day)
{
	return cal->ndays > 0 && day >= cal->first &&
	    (long long)day < (long long)cal->first + cal->ndays;
}

int
calendar_school_days_between(const struct calendar *cal, int from, int to)
{
	return calendar_upto(cal, to) - calendar_upto(cal, from);
}

int
calendar_add_school_days(const struct calendar *cal, int day, int n)
{
	long long	 i;

	if (n == 0)
		return day;
	if (n > 0)	/* school[k] for k >= upto(day) lie after day */
		i = (long long)calendar_upto(cal, day) + n - 1;
	else		/* school[k] for k < upto(day - 1) lie before day */
		i = (long long)calendar_upto(cal, (long long)day - 1) + n;
	if (cal->ndays == 0 || i < 0 || i >= cal->cum[cal->ndays])
		return -1;
	return cal->school[i];
}

/* The number of school days d <= day. */
static int
calendar_upto(const struct calendar *cal, long long day)
{
	long long	 i;

	if (cal->ndays == 0)
		return 0;
	i = day - cal->first + 1;
	if (i < 0)
		i = 0;
	if (i > cal->ndays)
		i = cal->ndays;
	return cal->cum[i];
}

/* Recomputes first, ndays, cum[] and school[] from terms and closures. */
static void
calendar_rebuild(struct calendar *cal)
{
	unsigned char	*open;
	size_t		 t, c;
	int		 first, last, i, n;

	free(cal->cum);
	free(cal->school);
	cal->cum = NULL;
	cal->school = NULL;
	cal->ndays = 0;
	if (cal->nterms == 0)
		return;

	first = cal->terms[0].start;
	last = cal->terms[0].end;
	for (t = 1; t < cal->nterms; t++) {
		if (cal->terms[t].start < first)
			first = cal->terms[t].start;
		if (cal->terms[t].end > last)
			last = cal->terms[t].end;
	}
	cal->first = first;
	cal->ndays = last - first + 1;		/* checked by add_term */

	open = xcalloc((size_t)cal->ndays, 1);
	for (t = 0; t < cal->nterms; t++) {
		/* Offsets, so a term ending on INT_MAX cannot overflow. */
		for (i = cal->terms[t].start - first;
		    i <= cal->terms[t].end - first; i++)
			open[i] = date_weekday(first + i) < 5;
	}
	for (c = 0; c < cal->nclosures; c++) {
		if (cal->closures[c] >= first && cal->closures[c] <= last)
			open[cal->closures[c] - first] = 0;
	}

	cal->cum = xreallocarray(NULL, (size_t)cal->ndays + 1,
	    sizeof *cal->cum);
	cal->school = xreallocarray(NULL, (size_t)cal->ndays,
	    sizeof *cal->school);
	n = 0;
	for (i = 0; i < cal->ndays; i++) {
		cal->cum[i] = n;
		if (open[i])
			cal->school[n++] = first + i;
	}
	cal->cum[cal->ndays] = n;
	free(open);
}
