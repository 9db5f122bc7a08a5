/*
 * test_detail_attendance.c — the Attendance tab's pure part: packed marks
 * and a term calendar in, school weeks and figures out
 * (src/model/detail_attendance.c).
 *
 * The calendar is autumn 2025 of an invented LA:
 *
 *   term     Mon 2025-09-01 .. Fri 2025-12-19
 *   INSET    Mon 2025-09-01
 *   half     Mon 2025-10-27 .. Fri 2025-10-31
 *   today    Wed 2025-11-05
 *
 * Marks are written per school day by the tests (school_marks()), so a
 * test says what happened on which date and the packing is done here.
 * Near-misses: exactly 90.0% is persistent absence, 90.1% is not; a
 * streak runs across a weekend and a half term, steps over a closure
 * code, and stops at a present mark.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model/detail_attendance.h"
#include "util/date.h"
#include "unit.h"

static const struct att_code	codes[] = {
	{ '/', "/", ATT_CAT_P }, { '\\', "\\", ATT_CAT_P },
	{ 'L', "L", ATT_CAT_P }, { 'I', "I", ATT_CAT_AA },
	{ 'c', "C1", ATT_CAT_AA }, { 'N', "N", ATT_CAT_UA },
	{ 'O', "O", ATT_CAT_UA }, { 'G', "G", ATT_CAT_UA },
	{ '#', "#", ATT_CAT_NP }, { 'D', "D", ATT_CAT_NP },
	{ '4', "Y4", ATT_CAT_NP },
};

/* What happened on a day: two packed characters, or NULL for "--". */
struct day_mark {
	const char	*day;
	const char	*pair;
};

static int	 day(const char *);
static char	*school_marks(int, int, const struct day_mark *, size_t,
		    const char *);
static void	 input(struct att_input *, struct att_term *, int *,
		    size_t, struct att_marks *, size_t, const char *);
static void	 test_parse(void);
static void	 test_pct(void);
static void	 test_threshold_build(void);
static void	 test_streak(void);
static void	 test_weeks(void);
static void	 test_merge(void);
static void	 test_not_judged(void);

int
main(void)
{
	test_parse();
	test_pct();
	test_threshold_build();
	test_streak();
	test_weeks();
	test_merge();
	test_not_judged();
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

/*
 * A packed string for start..end: "--" on weekends, then for each
 * weekday the pair given for it in marks[], else fill ("--" if NULL).
 * Caller frees.
 */
static char *
school_marks(int start, int end, const struct day_mark *marks, size_t n,
    const char *fill)
{
	char	*s;
	int	 d, k;
	size_t	 i;
	const char *p;

	s = calloc((size_t)(end - start + 1) * 2 + 1, 1);
	for (d = start, k = 0; d <= end; d++, k += 2) {
		p = date_weekday(d) < 5 ? fill : NULL;
		for (i = 0; i < n; i++)
			if (day(marks[i].day) == d)
				p = marks[i].pair;
		memcpy(s + k, p != NULL ? p : "--", 2);
	}
	return s;
}

static const char	*autumn_closed[] = {
	"2025-09-01", "2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30",
	"2025-10-31",
};

/* The autumn 2025 input around marks rows, today as given. */
static void
input(struct att_input *in, struct att_term *term, int *closed,
    size_t nclosed, struct att_marks *rows, size_t nrows, const char *today)
{
	size_t	 i;

	memset(in, 0, sizeof *in);
	term->term_id = 7;
	term->start = day("2025-09-01");
	term->end = day("2025-12-19");
	for (i = 0; i < nclosed; i++)
		closed[i] = day(autumn_closed[i]);
	in->today = day(today);
	in->codes = codes;
	in->ncodes = sizeof codes / sizeof codes[0];
	in->terms = term;
	in->nterms = 1;
	in->closed = closed;
	in->nclosed = nclosed;
	in->marks = rows;
	in->nmarks = nrows;
	in->settings.persistent_x100 = 9000;
	in->settings.severe_x100 = 5000;
	in->settings.min_possible = 20;
	in->settings.n_grace_days = 5;
}

static void
test_parse(void)
{
	UNIT_INT_EQ(detail_attendance_parse_x100("90.00"), 9000,
	    "parse 90.00 (numeric(5,2) text)");
	UNIT_INT_EQ(detail_attendance_parse_x100("90"), 9000, "parse 90");
	UNIT_INT_EQ(detail_attendance_parse_x100("92.5"), 9250, "parse 92.5");
	UNIT_INT_EQ(detail_attendance_parse_x100("x"), -1, "parse x fails");
	UNIT_INT_EQ(detail_attendance_parse_x100("9 0"), -1,
	    "parse with a space fails");
	UNIT_INT_EQ(detail_attendance_cat("UA"), ATT_CAT_UA, "category UA");
	UNIT_INT_EQ(detail_attendance_cat("XX"), ATT_CAT_NONE,
	    "unknown category");
}

static void
test_pct(void)
{
	int	th[] = { 9000, 5000 };

	UNIT_INT_EQ(detail_attendance_pct_x10(900, 1000, th, 2), 900,
	    "900/1000 is 90.0%");
	UNIT_INT_EQ(detail_attendance_pct_x10(901, 1000, th, 2), 901,
	    "901/1000 is 90.1%");
	UNIT_INT_EQ(detail_attendance_pct_x10(9004, 10000, th, 2), 901,
	    "90.04% is shown 90.1, not 90.0 (it is above the threshold)");
	UNIT_INT_EQ(detail_attendance_pct_x10(8996, 10000, th, 2), 900,
	    "89.96% is shown 90.0 (at or below: persistent either way)");
	UNIT_INT_EQ(detail_attendance_pct_x10(5001, 10000, th, 2), 501,
	    "50.01% is shown 50.1, not 50.0");
	UNIT_INT_EQ(detail_attendance_pct_x10(2, 3, NULL, 0), 667,
	    "2/3 rounds to 66.7%");
	UNIT_INT_EQ(detail_attendance_pct_x10(1, 0, th, 2), -1,
	    "no possible sessions: no percentage");
}

/*
 * 500 school days (1000 sessions) over two long terms with no closures:
 * 900 present is exactly 90.0% (persistent), 901 is 90.1% (not).
 */
static void
test_threshold_build(void)
{
	struct att_term		 terms[2];
	struct att_marks	 rows[2];
	struct att_input	 in;
	struct att_year		 y;
	char			*m[2];
	int			 present, t, d, k, left;

	for (present = 900; present <= 901; present++) {
		terms[0].term_id = 1;
		terms[0].start = day("2024-01-01");	/* a Monday */
		terms[0].end = terms[0].start + 7 * 50 - 3;
		terms[1].term_id = 2;
		terms[1].start = terms[0].start + 7 * 50;
		terms[1].end = terms[1].start + 7 * 50 - 3;
		left = present;
		for (t = 0; t < 2; t++) {
			m[t] = calloc((size_t)(terms[t].end - terms[t].start
			    + 1) * 2 + 1, 1);
			for (d = terms[t].start, k = 0; d <= terms[t].end;
			    d++, k += 2) {
				if (date_weekday(d) >= 5) {
					memcpy(m[t] + k, "--", 2);
					continue;
				}
				m[t][k] = left-- > 0 ? '/' : 'O';
				m[t][k + 1] = left-- > 0 ? '\\' : 'O';
			}
			rows[t].term_id = terms[t].term_id;
			rows[t].marks = m[t];
		}
		memset(&in, 0, sizeof in);
		in.today = terms[1].end + 30;
		in.codes = codes;
		in.ncodes = sizeof codes / sizeof codes[0];
		in.terms = terms;
		in.nterms = 2;
		in.marks = rows;
		in.nmarks = 2;
		in.settings.persistent_x100 = 9000;
		in.settings.severe_x100 = 5000;
		in.settings.min_possible = 20;
		detail_attendance_build(&y, &in);
		UNIT_INT_EQ(y.fig.possible, 1000, "1000 possible sessions");
		UNIT_INT_EQ(y.fig.present, present, "present sessions counted");
		if (present == 900) {
			UNIT_INT_EQ(y.fig.att_x10, 900, "shown as 90.0%");
			UNIT_CHECK(y.fig.persistent,
			    "exactly 90.0% is persistent absence");
		} else {
			UNIT_INT_EQ(y.fig.att_x10, 901, "shown as 90.1%");
			UNIT_CHECK(!y.fig.persistent,
			    "90.1% is not persistent absence");
		}
		UNIT_CHECK(!y.fig.severe, "90% is not severe absence");
		UNIT_INT_EQ(y.fig.unauth_x10, 1000 - y.fig.att_x10,
		    "the rest is unauthorised");
		detail_attendance_release(&y);
		free(m[0]);
		free(m[1]);
	}
}

static void
test_streak(void)
{
	static const struct day_mark a[] = {
		{ "2025-10-22", "/\\" },
		{ "2025-10-23", "NN" },
		{ "2025-10-24", "OO" },
		/* weekend, half term 27-31, weekend */
		{ "2025-11-03", "GG" },
		{ "2025-11-04", "NN" },
		{ "2025-11-05", "N-" },	/* today: PM not yet taken */
	};
	struct day_mark		 b[6];
	struct att_term		 term;
	struct att_marks	 row;
	struct att_input	 in;
	struct att_year		 y;
	int			 closed[6];
	char			*m;

	/* Present every school day before, then the streak. */
	input(&in, &term, closed, 6, &row, 1, "2025-11-05");
	m = school_marks(term.start, day("2025-11-05"), a, 6, "/\\");
	row.term_id = 7;
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.fig.streak, 5,
	    "streak: Thu, Fri, (weekend, half term, weekend) Mon, Tue, Wed");
	UNIT_INT_EQ(y.fig.streak_end, day("2025-11-05"),
	    "the streak ends on the last marked day");
	UNIT_INT_EQ(y.fig.n_count, 5, "five sessions coded N");
	UNIT_INT_EQ(y.fig.n_oldest, day("2025-10-23"), "oldest N");
	UNIT_INT_EQ(y.fig.n_oldest_age, 4,
	    "oldest N is 4 school days old (half term not counted)");
	UNIT_INT_EQ(y.fig.last_marked, day("2025-11-05"), "last marked day");
	detail_attendance_release(&y);
	free(m);

	/* A closure code (not counted) inside the streak is stepped over. */
	memcpy(b, a, sizeof b);
	b[2].pair = "##";
	m = school_marks(term.start, day("2025-11-05"), b, 6, "/\\");
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.fig.streak, 4, "a # day neither counts nor breaks");
	detail_attendance_release(&y);
	free(m);

	/* A present morning breaks it. */
	memcpy(b, a, sizeof b);
	b[3].pair = "/N";
	m = school_marks(term.start, day("2025-11-05"), b, 6, "/\\");
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.fig.streak, 2, "a present session ends the streak");
	detail_attendance_release(&y);
	free(m);

	/* An authorised absence breaks it too. */
	memcpy(b, a, sizeof b);
	b[4].pair = "II";
	m = school_marks(term.start, day("2025-11-05"), b, 6, "/\\");
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.fig.streak, 1, "an illness mark ends the streak");
	detail_attendance_release(&y);
	free(m);

	/* No unauthorised mark: no streak. */
	m = school_marks(term.start, day("2025-11-05"), NULL, 0, "/\\");
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.fig.streak, 0, "all present: no streak");
	UNIT_INT_EQ(y.fig.streak_end, -1, "and no streak end");
	UNIT_INT_EQ(y.fig.n_count, 0, "and no N codes");
	detail_attendance_release(&y);
	free(m);
}

static void
test_weeks(void)
{
	static const struct day_mark a[] = {
		{ "2025-11-03", "cc" },		/* C1 */
		{ "2025-11-04", "44" },		/* Y4 */
	};
	struct att_term		 term;
	struct att_marks	 row;
	struct att_input	 in;
	struct att_year		 y;
	const struct att_week	*w;
	int			 closed[6];
	char			*m;

	input(&in, &term, closed, 6, &row, 1, "2025-11-05");
	m = school_marks(term.start, day("2025-11-05"), a, 2, "/\\");
	row.term_id = 7;
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.nweeks, 10, "ten weeks from 1 Sep to the week of today");
	UNIT_INT_EQ(y.nlines, 11, "a term heading and ten weeks");
	UNIT_CHECK(y.nlines > 1 && y.lines[0].kind == ATT_LINE_TERM,
	    "the heading comes first (newest first)");
	UNIT_CHECK(y.nlines > 1 && y.lines[1].kind == ATT_LINE_WEEK &&
	    y.lines[1].index == 9, "then the newest week");
	if (y.nweeks == 10) {
		w = &y.weeks[9];
		UNIT_INT_EQ(w->monday, day("2025-11-03"), "newest Monday");
		UNIT_STR_EQ(w->day[0].s[0].code, "C1",
		    "C1 is shown as C1, not its packed 'c'");
		UNIT_INT_EQ(w->day[0].s[0].cat, ATT_CAT_AA, "C1 is authorised");
		UNIT_STR_EQ(w->day[1].s[1].code, "Y4", "Y4 shown as Y4");
		UNIT_INT_EQ(w->day[1].s[1].cat, ATT_CAT_NP,
		    "Y4 is not counted");
		UNIT_INT_EQ(w->day[3].kind, ATT_DAY_FUTURE,
		    "Thursday after today is still to come");
		UNIT_INT_EQ(w->day[2].kind, ATT_DAY_SCHOOL, "today is school");
		UNIT_CHECK(y.weeks[8].all_closed, "half-term week is closed");
		UNIT_INT_EQ(y.weeks[8].closed_day, day("2025-10-27"),
		    "and names its first closed day");
		UNIT_INT_EQ(y.weeks[0].day[0].kind, ATT_DAY_CLOSED,
		    "the INSET day is a closed day");
		UNIT_CHECK(!y.weeks[0].all_closed,
		    "a week with one INSET day is not a holiday week");
		UNIT_STR_EQ(y.weeks[0].day[1].s[0].code, "/",
		    "Tuesday 2 Sep AM present");
		UNIT_STR_EQ(y.weeks[0].day[1].s[1].code, "\\",
		    "Tuesday 2 Sep PM present");
	}
	/* 2 C1 sessions authorised; Y4 not possible. */
	UNIT_INT_EQ(y.fig.auth, 2, "two authorised sessions");
	UNIT_INT_EQ(y.fig.possible, y.fig.present + 2,
	    "Y4 sessions are not possible sessions");
	detail_attendance_release(&y);
	free(m);
}

static void
test_merge(void)
{
	static const struct day_mark first[] = {
		{ "2025-09-02", "/\\" },
		{ "2025-09-03", "DD" },
	};
	static const struct day_mark second[] = {
		{ "2025-09-03", "NO" },
		{ "2025-09-04", "//" },
	};
	struct att_term		 term;
	struct att_marks	 rows[2];
	struct att_input	 in;
	struct att_year		 y;
	int			 closed[6];
	char			*m[2];

	input(&in, &term, closed, 6, rows, 2, "2025-09-05");
	m[0] = school_marks(term.start, day("2025-09-05"), first, 2, NULL);
	m[1] = school_marks(term.start, day("2025-09-05"), second, 2, NULL);
	rows[0].term_id = rows[1].term_id = 7;
	rows[0].marks = m[0];
	rows[1].marks = m[1];
	detail_attendance_build(&y, &in);
	UNIT_CHECK(y.nweeks == 1, "one week");
	if (y.nweeks == 1) {
		UNIT_STR_EQ(y.weeks[0].day[2].s[0].code, "N",
		    "a counted mark wins over D from the other school");
		UNIT_STR_EQ(y.weeks[0].day[2].s[1].code, "O", "PM likewise");
		UNIT_STR_EQ(y.weeks[0].day[3].s[0].code, "/",
		    "the second school fills a day the first left blank");
		UNIT_STR_EQ(y.weeks[0].day[4].s[0].code, "",
		    "Friday: no mark from either");
	}
	UNIT_INT_EQ(y.fig.possible, 6, "six possible sessions merged");
	detail_attendance_release(&y);
	free(m[0]);
	free(m[1]);
}

static void
test_not_judged(void)
{
	static const struct day_mark a[] = {
		{ "2025-09-02", "OO" }, { "2025-09-03", "OO" },
		{ "2025-09-04", "OO" }, { "2025-09-05", "OO" },
	};
	struct att_term		 term;
	struct att_marks	 row;
	struct att_input	 in;
	struct att_year		 y;
	int			 closed[6];
	char			*m;

	input(&in, &term, closed, 6, &row, 1, "2025-09-05");
	m = school_marks(term.start, day("2025-09-05"), a, 4, NULL);
	row.term_id = 7;
	row.marks = m;
	detail_attendance_build(&y, &in);
	UNIT_INT_EQ(y.fig.possible, 8, "eight possible sessions");
	UNIT_INT_EQ(y.fig.att_x10, 0, "0% attendance");
	UNIT_CHECK(!y.fig.judged, "below the LA's minimum: not judged");
	UNIT_CHECK(!y.fig.persistent && !y.fig.severe,
	    "and no flag is raised");
	UNIT_INT_EQ(y.fig.streak, 4, "but the streak still shows: 4 days");
	detail_attendance_release(&y);
	free(m);
}
