/*
 * date.h — civil dates as day numbers.
 *
 * A date is an int: days since 1970-01-01 (day 0), proleptic Gregorian,
 * negative before 1970. Day numbers subtract and compare like integers and
 * are what the school-day calendar (calendar.h) works in. There is no time
 * of day and no time zone: date_today() is the local calendar date.
 */
#ifndef CME_UTIL_DATE_H
#define CME_UTIL_DATE_H

#include <stdbool.h>

#define DATE_ISO_LEN	10	/* "YYYY-MM-DD" */

/* True for a real date (month 1-12, day within the month). */
bool		 date_valid(int y, int m, int d);
int		 date_days_in_month(int y, int m);	/* 0 if m is not 1-12 */
/* The day number of y-m-d; the date must be valid (see date_valid). */
int		 date_from_ymd(int y, int m, int d);
void		 date_to_ymd(int day, int *y, int *m, int *d);
/*
 * Parses exactly "YYYY-MM-DD" (ASCII digits, a real date, nothing before
 * or after). Returns 0 and sets *out, or -1 and leaves *out alone.
 */
int		 date_parse_iso(const char *s, int *out);
/* Writes "YYYY-MM-DD"; a year outside 0000-9999 is written "####-##-##". */
void		 date_format_iso(int day, char out[DATE_ISO_LEN + 1]);
/* 0 = Monday ... 6 = Sunday. */
int		 date_weekday(int day);
/* Today in local time. */
int		 date_today(void);

#endif /* CME_UTIL_DATE_H */
