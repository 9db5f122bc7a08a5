/*
 * seed_calendar.h — realistic English term dates for any academic year.
 *
 * A made-up but plausible calendar, computed from the year alone: three
 * terms with half-term weeks, the bank holidays that fall in them, five
 * INSET days, and 190 pupil days (380 sessions, domain.md §8). Two variants
 * differ in where the INSET days sit, as neighbouring LAs' calendars do.
 * Dates are day numbers (util/date.h). Nothing here allocates.
 */
#ifndef CME_MODEL_SEED_CALENDAR_H
#define CME_MODEL_SEED_CALENDAR_H

struct calendar;

#define SEED_CAL_TERMS		3
#define SEED_CAL_MAX_CLOSURES	48
#define SEED_CAL_PUPIL_DAYS	190

struct seed_term_dates {
	const char	*name;		/* "Autumn", "Spring", "Summer" */
	int		 starts;	/* first day, inclusive */
	int		 ends;		/* last day, inclusive */
};

/* A weekday inside a term on which pupils do not attend. */
struct seed_closure {
	int		 day;
	const char	*reason;	/* static text */
};

struct seed_year {
	int			 academic_year;	/* 2025 = 2025/26 */
	struct seed_term_dates	 terms[SEED_CAL_TERMS];
	struct seed_closure	 closures[SEED_CAL_MAX_CLOSURES]; /* by day */
	int			 nclosures;
};

/* The academic year (September to August) a day belongs to. */
int	 seed_calendar_academic_year(int day);
/* Easter Sunday of a Gregorian year. */
int	 seed_calendar_easter(int year);
/* The first Wednesday of September of a year (the usual first day). */
int	 seed_calendar_first_wednesday(int year);
/* Fills y with the calendar of academic_year; variant 0 or 1. */
void	 seed_calendar_year(struct seed_year *y, int academic_year,
	     int variant);
/* Adds y's terms and closures to a school-day calendar (util/calendar.h). */
void	 seed_calendar_add(const struct seed_year *y, struct calendar *);
/* The reason day is closed in y, or NULL when it is not a closure. */
const char *seed_calendar_closure(const struct seed_year *y, int day);

#endif /* CME_MODEL_SEED_CALENDAR_H */
