/*
 * date.c — day-number arithmetic for civil dates.
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days
 * ("chrono-Compatible Low-Level Date Algorithms"); 1970-01-01 is day 0.
 * Intermediate values are long long, so every int day number converts
 * (years up to about +-5.8 million).
 */
#include <string.h>
#include <time.h>

#include "util/date.h"

static long long date_floor_div(long long, long long);
static int	 date_digits(const char *, int);

bool
date_valid(int y, int m, int d)
{
	return d >= 1 && d <= date_days_in_month(y, m);
}

int
date_days_in_month(int y, int m)
{
	static const int	 days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	bool			 leap;

	if (m < 1 || m > 12)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

int
date_from_ymd(int y, int m, int d)
{
	long long	 yy, era;
	unsigned	 yoe, doy, doe;

	yy = (long long)y - (m <= 2);
	era = date_floor_div(yy, 400);
	yoe = (unsigned)(yy - era * 400);			/* [0, 399] */
	doy = (unsigned)((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */
	return (int)(era * 146097 + doe - 719468);
}

void
date_to_ymd(int day, int *y, int *m, int *d)
{
	long long	 z, era;
	unsigned	 doe, yoe, doy, mp;
	int		 mm;

	z = (long long)day + 719468;
	era = date_floor_div(z, 146097);
	doe = (unsigned)(z - era * 146097);		/* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		/* [0, 365] */
	mp = (5 * doy + 2) / 153;				/* [0, 11] */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	mm = mp < 10 ? (int)mp + 3 : (int)mp - 9;
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int
date_parse_iso(const char *s, int *out)
{
	int	 y, m, d;

	if (s == NULL || strlen(s) != DATE_ISO_LEN || s[4] != '-' ||
	    s[7] != '-')
		return -1;
	y = date_digits(s, 4);
	m = date_digits(s + 5, 2);
	d = date_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

void
date_format_iso(int day, char out[DATE_ISO_LEN + 1])
{
	int	 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(out, "####-##-##", DATE_ISO_LEN + 1);
		return;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int
date_weekday(int day)
{
	/* Day 0 was a Thursday (3). */
	return (int)(((long long)day % 7 + 7 + 3) % 7);
}

int
date_today(void)
{
	time_t		 now;
	struct tm	 tm;

	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return (int)(now / 86400);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* a / b rounded towards minus infinity (b > 0). */
static long long
date_floor_div(long long a, long long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The value of the n ASCII digits at s, or -1 if one is not a digit. */
static int
date_digits(const char *s, int n)
{
	int	 i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}
