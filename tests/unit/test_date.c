/*
 * test_date.c — civil dates: the strict ISO parser refuses dates that do
 * not exist, weekdays are right (school days depend on them), and day
 * numbers convert both ways for every date a case could carry.
 */
#include <limits.h>
#include <string.h>
#include <time.h>

#include "util/date.h"
#include "unit.h"

static void	 test_known_days(void);
static void	 test_parse(void);
static void	 test_round_trip(void);
static void	 test_format(void);
static void	 test_today(void);
static void	 parse_fails(const char *, const char *);

int
main(void)
{
	test_known_days();
	test_parse();
	test_round_trip();
	test_format();
	test_today();
	return unit_done();
}

static void
test_known_days(void)
{
	int	 y, m, d;

	UNIT_INT_EQ(date_from_ymd(1970, 1, 1), 0, "1970-01-01 is day 0");
	UNIT_INT_EQ(date_from_ymd(1969, 12, 31), -1, "1969-12-31 is day -1");
	UNIT_INT_EQ(date_from_ymd(2000, 3, 1), 11017, "2000-03-01 is 11017");
	UNIT_INT_EQ(date_from_ymd(2025, 9, 1), 20332, "2025-09-01 is 20332");
	UNIT_INT_EQ(date_from_ymd(1600, 1, 1), -135140, "1600-01-01");
	date_to_ymd(19782, &y, &m, &d);
	UNIT_CHECK(y == 2024 && m == 2 && d == 29, "day 19782 is 2024-02-29");
	date_to_ymd(-719468, &y, &m, &d);
	UNIT_CHECK(y == 0 && m == 3 && d == 1, "day -719468 is 0000-03-01");

	UNIT_INT_EQ(date_weekday(0), 3, "1970-01-01 was a Thursday");
	UNIT_INT_EQ(date_weekday(date_from_ymd(2025, 9, 1)), 0,
	    "2025-09-01 is a Monday");
	UNIT_INT_EQ(date_weekday(date_from_ymd(2022, 9, 19)), 0,
	    "2022-09-19 (state funeral bank holiday) was a Monday");
	UNIT_INT_EQ(date_weekday(date_from_ymd(2024, 12, 25)), 2,
	    "2024-12-25 was a Wednesday");
	UNIT_INT_EQ(date_weekday(date_from_ymd(1969, 12, 28)), 6,
	    "1969-12-28 (negative day) was a Sunday");
	UNIT_INT_EQ(date_weekday(INT_MIN), ((INT_MIN % 7) + 7 + 3) % 7,
	    "weekday of INT_MIN does not overflow");

	UNIT_CHECK(date_valid(2024, 2, 29), "2024-02-29 exists");
	UNIT_CHECK(!date_valid(2025, 2, 29), "2025-02-29 does not");
	UNIT_CHECK(!date_valid(1900, 2, 29), "1900 was not a leap year");
	UNIT_CHECK(date_valid(2000, 2, 29), "2000 was a leap year");
	UNIT_CHECK(!date_valid(2025, 4, 31), "April has 30 days");
	UNIT_INT_EQ(date_days_in_month(2025, 13), 0, "month 13 has no days");
}

static void
parse_fails(const char *s, const char *desc)
{
	int	 out = 12345;

	UNIT_CHECK(date_parse_iso(s, &out) == -1 && out == 12345, desc);
}

static void
test_parse(void)
{
	int	 day = 0;

	UNIT_INT_EQ(date_parse_iso("2025-09-01", &day), 0,
	    "2025-09-01 parses");
	UNIT_INT_EQ(day, 20332, "... to day 20332");
	UNIT_CHECK(date_parse_iso("2024-02-29", &day) == 0 && day == 19782,
	    "leap day 2024-02-29 parses");
	UNIT_CHECK(date_parse_iso("1970-01-01", &day) == 0 && day == 0,
	    "1970-01-01 parses to 0");
	UNIT_CHECK(date_parse_iso("0001-01-01", &day) == 0,
	    "year 0001 parses");
	UNIT_CHECK(date_parse_iso("9999-12-31", &day) == 0,
	    "9999-12-31 parses");
	parse_fails("2025-02-30", "2025-02-30 is refused");
	parse_fails("2025-02-29", "2025-02-29 is refused (not a leap year)");
	parse_fails("1900-02-29", "1900-02-29 is refused");
	parse_fails("2025-04-31", "2025-04-31 is refused");
	parse_fails("2025-13-01", "month 13 is refused");
	parse_fails("2025-00-10", "month 00 is refused");
	parse_fails("2025-01-00", "day 00 is refused");
	parse_fails("2025-01-32", "day 32 is refused");
	parse_fails("2025-01-01x", "trailing junk is refused");
	parse_fails("2025-01-01 ", "a trailing space is refused");
	parse_fails(" 2025-01-01", "a leading space is refused");
	parse_fails("2025-1-01", "a one-digit month is refused");
	parse_fails("25-01-01", "a two-digit year is refused");
	parse_fails("2025/01/01", "slashes are refused");
	parse_fails("01-01-2025", "day-first order is refused");
	parse_fails("2025-01-0a", "a letter is refused");
	parse_fails("+025-01-01", "a sign is refused");
	parse_fails("2025-01-\xd9\xa1", "Arabic-Indic digits are refused");
	parse_fails("", "empty string is refused");
	parse_fails(NULL, "NULL is refused");
}

static void
test_round_trip(void)
{
	int	 day, y, m, d, back, bad = 0, prev_wd;
	char	 iso[DATE_ISO_LEN + 1];

	prev_wd = date_weekday(date_from_ymd(1899, 12, 31));
	for (day = date_from_ymd(1900, 1, 1);
	    day <= date_from_ymd(2100, 12, 31); day++) {
		date_to_ymd(day, &y, &m, &d);
		if (!date_valid(y, m, d) || date_from_ymd(y, m, d) != day)
			bad++;
		date_format_iso(day, iso);
		if (date_parse_iso(iso, &back) != 0 || back != day)
			bad++;
		if (date_weekday(day) != (prev_wd + 1) % 7)
			bad++;
		prev_wd = date_weekday(day);
	}
	UNIT_INT_EQ(bad, 0, "every day 1900-2100: ymd, ISO text and weekday "
	    "agree");

	date_to_ymd(INT_MAX, &y, &m, &d);
	UNIT_CHECK(date_from_ymd(y, m, d) == INT_MAX,
	    "INT_MAX day converts both ways");
	date_to_ymd(INT_MIN, &y, &m, &d);
	UNIT_CHECK(date_from_ymd(y, m, d) == INT_MIN,
	    "INT_MIN day converts both ways");
}

static void
test_format(void)
{
	char	 iso[DATE_ISO_LEN + 1];

	date_format_iso(date_from_ymd(2025, 9, 1), iso);
	UNIT_STR_EQ(iso, "2025-09-01", "formats 2025-09-01");
	date_format_iso(date_from_ymd(7, 3, 9), iso);
	UNIT_STR_EQ(iso, "0007-03-09", "pads year 7 to four digits");
	date_format_iso(date_from_ymd(10000, 1, 1), iso);
	UNIT_STR_EQ(iso, "####-##-##", "year 10000 is shown as ####-##-##");
	date_format_iso(date_from_ymd(-1, 12, 31), iso);
	UNIT_STR_EQ(iso, "####-##-##", "year -1 is shown as ####-##-##");
}

static void
test_today(void)
{
	char		 want[16], got[DATE_ISO_LEN + 1];
	time_t		 now;
	struct tm	 tm;

	date_format_iso(date_today(), got);
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(want, sizeof want, "%Y-%m-%d", &tm);
	if (strcmp(got, want) != 0)		/* midnight passed: again */
		date_format_iso(date_today(), got);
	UNIT_STR_EQ(got, want, "date_today is the local date");
}
