/*
 * test_calendar.c — school-day arithmetic on a crafted 2022-23 calendar
 * (counts worked out by hand, and cross-checked by brute force):
 *
 *   Autumn 1  Mon 2022-09-05 .. Fri 2022-10-21   (INSET Mon 09-05,
 *                                                 bank holiday Mon 09-19,
 *                                                 the state funeral)
 *   half term 2022-10-24 .. 2022-10-28
 *   Autumn 2  Mon 2022-10-31 .. Fri 2022-12-16
 *   Spring 1  Wed 2023-01-04 .. Fri 2023-02-10   (INSET Wed 01-04)
 *
 * School days: 33 + 35 + 27 = 95.
 */
#include <limits.h>
#include <time.h>

#include "util/calendar.h"
#include "util/date.h"
#include "unit.h"

static int	 day(const char *);
static void	 build(struct calendar *, int reverse);
static void	 test_counts(void);
static void	 test_edges(void);
static void	 test_brute_force(void);
static void	 test_errors(void);
static void	 test_empty(void);
static void	 test_speed(void);
static int	 oracle(int);

int
main(void)
{
	test_counts();
	test_edges();
	test_brute_force();
	test_errors();
	test_empty();
	test_speed();
	return unit_done();
}

static int
day(const char *iso)
{
	int	 d = INT_MIN;

	if (date_parse_iso(iso, &d) != 0)
		unit_diag("bad test date %s", iso);
	return d;
}

static void
build(struct calendar *cal, int reverse)
{
	calendar_init(cal);
	if (!reverse) {
		calendar_add_term(cal, day("2022-09-05"), day("2022-10-21"));
		calendar_add_term(cal, day("2022-10-31"), day("2022-12-16"));
		calendar_add_term(cal, day("2023-01-04"), day("2023-02-10"));
		calendar_add_closure(cal, day("2022-09-05"));
		calendar_add_closure(cal, day("2022-09-19"));
		calendar_add_closure(cal, day("2023-01-04"));
		calendar_add_closure(cal, day("2022-09-10"));	/* Saturday */
		calendar_add_closure(cal, day("2022-08-29"));	/* holiday */
	} else {
		/* Closures first, terms out of order, a repeated closure. */
		calendar_add_closure(cal, day("2023-01-04"));
		calendar_add_closure(cal, day("2022-09-19"));
		calendar_add_closure(cal, day("2022-09-19"));
		calendar_add_closure(cal, day("2022-09-05"));
		calendar_add_term(cal, day("2023-01-04"), day("2023-02-10"));
		calendar_add_term(cal, day("2022-09-05"), day("2022-10-21"));
		calendar_add_term(cal, day("2022-10-31"), day("2022-12-16"));
	}
}

static void
test_counts(void)
{
	struct calendar	 cal;

	build(&cal, 0);
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-09-02"),
	    day("2022-10-21")), 33, "Autumn 1 has 33 school days");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-10-21"),
	    day("2022-12-16")), 35, "Autumn 2 has 35 school days");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-12-16"),
	    day("2023-02-10")), 27, "Spring 1 has 27 (INSET on day one)");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-01-01"),
	    day("2023-12-31")), 95, "the whole calendar has 95");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-02"), 10),
	    day("2022-09-20"), "10th school day of the year is Tue 20 Sep "
	    "(INSET and bank holiday skipped)");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-02"), 20),
	    day("2022-10-04"), "20th school day is Tue 4 Oct");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-15"), 10),
	    day("2022-09-30"), "last seen Thu 15 Sep: 10 school days is "
	    "Fri 30 Sep");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-15"), 20),
	    day("2022-10-14"), "... 20 school days is Fri 14 Oct");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-10-17"), 10),
	    day("2022-11-07"), "10 school days across half term: Mon 7 Nov");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-12-12"), 10),
	    day("2023-01-12"), "10 school days across Christmas: Thu 12 Jan");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-10-21"),
	    day("2022-10-31")), 1, "half-term week counts no school days");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-12-16"),
	    day("2023-01-05")), 1, "Christmas and the INSET day count none");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-10-21"), 1),
	    day("2022-10-31"), "next school day after half term is 31 Oct");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-12-16"), 1),
	    day("2023-01-05"), "first school day of spring is Thu 5 Jan");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-02"), 95),
	    day("2023-02-10"), "the 95th school day is the last one");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-02"), 96),
	    -1, "the 96th does not exist: -1");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2023-02-10"), 1), -1,
	    "after the last term the calendar runs out: -1");
	calendar_release(&cal);
}

static void
test_edges(void)
{
	struct calendar	 cal;

	build(&cal, 0);
	UNIT_CHECK(!calendar_is_school_day(&cal, day("2022-09-05")),
	    "INSET Mon 5 Sep is not a school day");
	UNIT_CHECK(calendar_is_school_day(&cal, day("2022-09-06")),
	    "Tue 6 Sep is a school day");
	UNIT_CHECK(!calendar_is_school_day(&cal, day("2022-09-19")),
	    "bank holiday Mon 19 Sep is not a school day");
	UNIT_CHECK(!calendar_is_school_day(&cal, day("2022-09-10")),
	    "Saturday is not a school day");
	UNIT_CHECK(!calendar_is_school_day(&cal, day("2022-10-26")),
	    "half-term Wednesday is not a school day");
	UNIT_CHECK(calendar_is_school_day(&cal, day("2023-02-10")),
	    "the last day of the last term is a school day");
	UNIT_CHECK(!calendar_is_school_day(&cal, day("2022-09-02")),
	    "a weekday before the first term is not a school day");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-09-09"),
	    day("2022-09-12")), 1, "Fri to Mon is one school day");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-09-10"),
	    day("2022-09-11")), 0, "Sat to Sun is none");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-09-12"),
	    day("2022-09-12")), 0, "a day to itself is none");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-10"), 1),
	    day("2022-09-12"), "1 school day after Saturday is Monday");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-09"), 1),
	    day("2022-09-12"), "1 school day after Friday is Monday");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-10"), 0),
	    day("2022-09-10"), "0 school days after a day is that day");
	UNIT_INT_EQ(calendar_school_days_between(&cal, day("2022-10-21"),
	    day("2022-09-02")), -33, "backwards range is negative");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-20"), -1),
	    day("2022-09-16"), "1 school day before Tue 20 Sep is Fri 16");
	UNIT_INT_EQ(calendar_add_school_days(&cal, day("2022-09-06"), -1), -1,
	    "no school day before the first one: -1");
	UNIT_CHECK(calendar_covers(&cal, day("2022-12-25")),
	    "Christmas lies inside the calendar's span");
	UNIT_CHECK(!calendar_covers(&cal, day("2023-02-11")),
	    "the day after the last term is not covered");
	UNIT_INT_EQ(calendar_school_days_between(&cal, INT_MIN, INT_MAX), 95,
	    "INT_MIN..INT_MAX is safe and counts 95");
	UNIT_INT_EQ(calendar_add_school_days(&cal, INT_MAX, INT_MIN), -1,
	    "extreme arguments return -1");
	calendar_release(&cal);
}

/* The calendar above, straight from its definition. */
static int
oracle(int d)
{
	static const char	*terms[][2] = {
		{ "2022-09-05", "2022-10-21" },
		{ "2022-10-31", "2022-12-16" },
		{ "2023-01-04", "2023-02-10" },
	};
	size_t			 i;

	if (date_weekday(d) >= 5 || d == day("2022-09-05") ||
	    d == day("2022-09-19") || d == day("2023-01-04"))
		return 0;
	for (i = 0; i < 3; i++) {
		if (d >= day(terms[i][0]) && d <= day(terms[i][1]))
			return 1;
	}
	return 0;
}

/* Every range and every offset against a day-by-day count. */
static void
test_brute_force(void)
{
	struct calendar	 a, b;
	int		 first, last, from, to, d, n, want, got, k;
	int		 bad_between = 0, bad_add = 0, bad_order = 0;
	int		 bad_is = 0, school[200];

	build(&a, 0);
	build(&b, 1);
	first = day("2022-08-25");
	last = day("2023-02-20");
	for (d = first; d <= last; d++)
		school[d - first] = oracle(d);
	for (from = first; from <= last; from++) {
		if (calendar_is_school_day(&a, from) != oracle(from) ||
		    calendar_is_school_day(&b, from) != oracle(from))
			bad_is++;
		for (to = first; to <= last; to++) {
			want = 0;
			for (d = from + 1; d <= to; d++)
				want += school[d - first];
			for (d = to + 1; d <= from; d++)
				want -= school[d - first];
			got = calendar_school_days_between(&a, from, to);
			bad_between += got != want;
			bad_order += got !=
			    calendar_school_days_between(&b, from, to);
		}
		for (n = -100; n <= 100; n++) {
			want = from;
			for (k = 0, d = from; n > 0 && k < n; ) {
				if (++d > last) {
					want = -1;
					break;
				}
				if (school[d - first] && ++k == n)
					want = d;
			}
			for (k = 0, d = from; n < 0 && k < -n; ) {
				if (--d < first) {
					want = -1;
					break;
				}
				if (school[d - first] && ++k == -n)
					want = d;
			}
			got = calendar_add_school_days(&a, from, n);
			bad_add += got != want;
		}
	}
	UNIT_INT_EQ(bad_is, 0, "is_school_day matches the calendar's "
	    "definition on every day");
	UNIT_INT_EQ(bad_between, 0, "school_days_between matches a "
	    "day-by-day count for every pair of days");
	UNIT_INT_EQ(bad_add, 0, "add_school_days matches a day-by-day walk "
	    "for -100..100");
	UNIT_INT_EQ(bad_order, 0, "adding terms and closures in another "
	    "order gives the same calendar");
	calendar_release(&a);
	calendar_release(&b);
}

static void
test_errors(void)
{
	struct calendar	 cal;

	calendar_init(&cal);
	UNIT_INT_EQ(calendar_add_term(&cal, day("2022-10-21"),
	    day("2022-09-05")), -1, "a term that ends before it starts is "
	    "refused");
	UNIT_INT_EQ(calendar_add_term(&cal, day("2022-09-05"),
	    day("2099-12-31")), -1, "a term of 77 years is refused");
	UNIT_INT_EQ(calendar_add_term(&cal, day("2022-09-05"),
	    day("2022-09-05")), 0, "a one-day term is fine");
	UNIT_INT_EQ(calendar_add_term(&cal, day("2200-09-05"),
	    day("2200-09-06")), -1, "a calendar spanning 178 years is refused");
	UNIT_INT_EQ(calendar_school_days_between(&cal, 0, INT_MAX), 1,
	    "a refused term leaves the calendar as it was");
	calendar_release(&cal);

	calendar_init(&cal);
	UNIT_INT_EQ(calendar_add_term(&cal, INT_MAX - 9, INT_MAX), 0,
	    "a term ending on INT_MAX is accepted");
	UNIT_CHECK(calendar_school_days_between(&cal, INT_MIN, INT_MAX) > 0 &&
	    calendar_add_school_days(&cal, INT_MAX, 1) == -1,
	    "... and queried without overflow");
	calendar_release(&cal);
}

static void
test_empty(void)
{
	struct calendar	 cal;

	calendar_init(&cal);
	UNIT_INT_EQ(calendar_school_days_between(&cal, 0, 1000), 0,
	    "an empty calendar has no school days");
	UNIT_INT_EQ(calendar_add_school_days(&cal, 0, 1), -1,
	    "an empty calendar runs out at once");
	UNIT_CHECK(!calendar_is_school_day(&cal, day("2022-09-06")),
	    "an empty calendar's Tuesday is not a school day");
	UNIT_CHECK(!calendar_covers(&cal, 0),
	    "an empty calendar covers nothing");
	calendar_add_closure(&cal, day("2022-09-06"));
	UNIT_INT_EQ(calendar_school_days_between(&cal, 0, 100000), 0,
	    "closures alone make no school days");
	calendar_release(&cal);
	calendar_release(&cal);
	UNIT_CHECK(cal.terms == NULL && cal.ndays == 0,
	    "release twice is harmless");
}

/* Benchmarks call these in inner loops: they must be O(1). */
static void
test_speed(void)
{
	struct calendar	 cal;
	clock_t		 t0;
	double		 secs;
	long		 i, sum = 0;
	int		 first;

	build(&cal, 0);
	first = day("2022-09-01");
	t0 = clock();
	for (i = 0; i < 2000000; i++) {
		sum += calendar_school_days_between(&cal, first + (int)(i % 97),
		    first + (int)(i % 163));
		sum += calendar_add_school_days(&cal, first + (int)(i % 89),
		    (int)(i % 50)) > 0;
	}
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (!UNIT_CHECK(secs < 2.0 && sum != 0,
	    "4 million calendar queries take under 2 s"))
		unit_diag("took %.2f s", secs);
	calendar_release(&cal);
}
