/*
 * seed_calendar.c — English term dates computed from the year.
 *
 * The rules, chosen to look like a real LA's published dates:
 *   Autumn   from the Tuesday before the first Wednesday of September (an
 *            INSET day; pupils start on the Wednesday; when 1 September
 *            is that Wednesday, the term starts on it) to the last Friday
 *            on or before 22 December; half term is the week of the last
 *            Monday of October.
 *   Spring   from 3 January (or the Monday after, if that is a Thursday or
 *            later in the week) to the Friday nine days before Easter;
 *            half term is the week of the third Monday of February.
 *   Easter   the two weeks from the Monday before Easter Sunday, so Good
 *            Friday and Easter Monday always fall in the holiday.
 *   Summer   from the Monday after Easter week until pupils have had 190
 *            days in the year; the early May bank holiday is a closure,
 *            half term is the week of the late May bank holiday.
 * One-off bank holidays of the 2020s that fell in term time (the state
 * funeral on 19 September 2022, the coronation on 8 May 2023) are closures.
 * The five INSET days are placed by variant. Every closure is a weekday
 * inside a term; the list is kept sorted and without repeats.
 */
#include <stdbool.h>
#include <string.h>

#include "model/seed_calendar.h"

#include "util/calendar.h"
#include "util/date.h"

static void	 seed_calendar_close(struct seed_year *, int, const char *);
static void	 seed_calendar_close_week(struct seed_year *, int,
		     const char *);
static int	 seed_calendar_nth_weekday(int, int, int, int);
static int	 seed_calendar_last_weekday(int, int, int);
static int	 seed_calendar_pupil_days(const struct seed_year *, int, int);

int
seed_calendar_academic_year(int day)
{
	int	 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return (m >= 9 ? y : y - 1);
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
int
seed_calendar_easter(int year)
{
	int	 a, b, c, d, e, f, g, h, i, k, l, m, month, day;

	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	month = (h + l - 7 * m + 114) / 31;
	day = (h + l - 7 * m + 114) % 31 + 1;
	return (date_from_ymd(year, month, day));
}

/* The n-th (1-based) weekday wd (0 = Monday) of a month. */
static int
seed_calendar_nth_weekday(int year, int month, int wd, int n)
{
	int	 first;

	first = date_from_ymd(year, month, 1);
	return (first + (wd - date_weekday(first) + 7) % 7 + 7 * (n - 1));
}

/* The last weekday wd (0 = Monday) of a month. */
static int
seed_calendar_last_weekday(int year, int month, int wd)
{
	int	 last;

	last = date_from_ymd(year, month, date_days_in_month(year, month));
	return (last - (date_weekday(last) - wd + 7) % 7);
}

int
seed_calendar_first_wednesday(int year)
{
	return (seed_calendar_nth_weekday(year, 9, 2, 1));
}

/* Adds a closure, keeping the list sorted; the first reason wins. */
static void
seed_calendar_close(struct seed_year *y, int day, const char *reason)
{
	int	 i, t;
	bool	 in_term = false;

	if (date_weekday(day) >= 5)
		return;
	for (t = 0; t < SEED_CAL_TERMS; t++)
		if (day >= y->terms[t].starts && day <= y->terms[t].ends)
			in_term = true;
	if (!in_term || y->nclosures == SEED_CAL_MAX_CLOSURES)
		return;
	for (i = 0; i < y->nclosures && y->closures[i].day < day; i++)
		continue;
	if (i < y->nclosures && y->closures[i].day == day)
		return;
	memmove(&y->closures[i + 1], &y->closures[i],
	    (size_t)(y->nclosures - i) * sizeof y->closures[0]);
	y->closures[i].day = day;
	y->closures[i].reason = reason;
	y->nclosures++;
}

static void
seed_calendar_close_week(struct seed_year *y, int monday, const char *reason)
{
	int	 d;

	for (d = 0; d < 5; d++)
		seed_calendar_close(y, monday + d, reason);
}

const char *
seed_calendar_closure(const struct seed_year *y, int day)
{
	int	 lo = 0, hi = y->nclosures, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (y->closures[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < y->nclosures && y->closures[lo].day == day)
		return (y->closures[lo].reason);
	return (NULL);
}

/* Pupil days from..to inclusive: weekdays in a term and not closed. */
static int
seed_calendar_pupil_days(const struct seed_year *y, int from, int to)
{
	int	 d, t, n = 0;

	for (d = from; d <= to; d++) {
		if (date_weekday(d) >= 5 || seed_calendar_closure(y, d) != NULL)
			continue;
		for (t = 0; t < SEED_CAL_TERMS; t++)
			if (d >= y->terms[t].starts && d <= y->terms[t].ends) {
				n++;
				break;
			}
	}
	return (n);
}

void
seed_calendar_year(struct seed_year *y, int ay, int variant)
{
	static const struct {
		int		 y, m, d;
		const char	*reason;
	} oneoffs[] = {
		{ 2022, 9, 19, "Bank holiday (state funeral)" },
		{ 2023, 5, 8, "Bank holiday (coronation)" },
	};
	int	 autumn, easter, jan3, spring, summer, wd, d, days, need;
	int	 oct_ht, feb_ht, may_bh, late_may, i;

	memset(y, 0, sizeof *y);
	y->academic_year = ay;

	autumn = seed_calendar_first_wednesday(ay) - 1;
	if (autumn < date_from_ymd(ay, 9, 1))
		autumn++;	/* 1 September is a Wednesday: start on it */
	y->terms[0].name = "Autumn";
	y->terms[0].starts = autumn;
	y->terms[0].ends = seed_calendar_last_weekday(ay, 12, 4);
	while (y->terms[0].ends > date_from_ymd(ay, 12, 22))
		y->terms[0].ends -= 7;

	jan3 = date_from_ymd(ay + 1, 1, 3);
	wd = date_weekday(jan3);
	spring = wd <= 2 ? jan3 : jan3 + (7 - wd);
	easter = seed_calendar_easter(ay + 1);
	y->terms[1].name = "Spring";
	y->terms[1].starts = spring;
	y->terms[1].ends = easter - 9;

	summer = easter + 8;
	y->terms[2].name = "Summer";
	y->terms[2].starts = summer;
	y->terms[2].ends = date_from_ymd(ay + 2, 7, 31); /* trimmed below */

	/* Bank holidays first: they name the day even inside a half term. */
	may_bh = seed_calendar_nth_weekday(ay + 1, 5, 0, 1);
	late_may = seed_calendar_last_weekday(ay + 1, 5, 0);
	seed_calendar_close(y, date_from_ymd(ay + 1, 1, 1),
	    "Bank holiday (New Year)");
	seed_calendar_close(y, easter - 2, "Bank holiday (Good Friday)");
	seed_calendar_close(y, easter + 1, "Bank holiday (Easter Monday)");
	seed_calendar_close(y, may_bh, "Bank holiday (early May)");
	seed_calendar_close(y, late_may, "Bank holiday (spring)");
	for (i = 0; i < (int)(sizeof oneoffs / sizeof oneoffs[0]); i++) {
		d = date_from_ymd(oneoffs[i].y, oneoffs[i].m, oneoffs[i].d);
		if (seed_calendar_academic_year(d) == ay)
			seed_calendar_close(y, d, oneoffs[i].reason);
	}

	oct_ht = seed_calendar_last_weekday(ay, 10, 0);
	feb_ht = seed_calendar_nth_weekday(ay + 1, 2, 0, 3);
	seed_calendar_close_week(y, oct_ht, "Half term");
	seed_calendar_close_week(y, feb_ht, "Half term");
	seed_calendar_close_week(y, late_may, "Half term");

	/* INSET days (staff training; no pupils). */
	seed_calendar_close(y, autumn, "INSET day");
	seed_calendar_close(y, spring, "INSET day");
	if (variant == 0) {
		seed_calendar_close(y, oct_ht - 3, "INSET day");
		seed_calendar_close(y, summer, "INSET day");
	} else {
		seed_calendar_close(y, autumn + 1, "INSET day");
		seed_calendar_close(y, feb_ht + 7, "INSET day");
	}

	/*
	 * End the summer term once pupils have had their 190 days, then
	 * one more weekday for the last INSET day.
	 */
	days = seed_calendar_pupil_days(y, y->terms[0].starts,
	    y->terms[1].ends);
	need = SEED_CAL_PUPIL_DAYS - days;
	d = summer;
	for (;;) {
		if (date_weekday(d) < 5 &&
		    seed_calendar_closure(y, d) == NULL && --need <= 0)
			break;
		d++;
	}
	d++;
	while (date_weekday(d) >= 5)
		d++;
	y->terms[2].ends = d;
	seed_calendar_close(y, d, "INSET day");

	/* Keep only closures inside the (now trimmed) terms. */
	for (i = 0; i < y->nclosures; ) {
		if (y->closures[i].day > y->terms[2].ends) {
			y->nclosures = i;
			break;
		}
		i++;
	}
}

void
seed_calendar_add(const struct seed_year *y, struct calendar *cal)
{
	int	 i;

	for (i = 0; i < SEED_CAL_TERMS; i++)
		calendar_add_term(cal, y->terms[i].starts, y->terms[i].ends);
	for (i = 0; i < y->nclosures; i++)
		calendar_add_closure(cal, y->closures[i].day);
}
