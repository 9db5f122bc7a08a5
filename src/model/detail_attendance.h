/*
 * detail_attendance.h — a child's school year of session marks, unpacked
 * into school weeks, with the figures an officer needs beside them.
 *
 * A pure function (no db, no curses, no clock): detail_attendance_build()
 * takes the year's terms, the LA's non-school days, the packed marks rows
 * (007_attendance.sql: one character per session from the term's first
 * day, AM then PM, '-' no mark), the DfE code table and the LA's
 * thresholds, and "today", and returns:
 *
 *  - weeks, Monday to Friday, oldest first, each day a school day (with
 *    its AM and PM marks as real DfE codes: "/", "N", "C1", "Y4"), a
 *    non-school day inside a term, a day outside every term, or a day
 *    still to come;
 *  - lines to paint, newest first: a heading per term and one line per
 *    week;
 *  - the figures: possible sessions, attendance, authorised and
 *    unauthorised absence, the persistent and severe absence flags (at or
 *    below the LA's thresholds: exactly 90.0% is persistent, domain.md
 *    §3.2), the current unauthorised streak and the unresolved N codes.
 *
 * A child with marks from two schools in one term (a move, or dual
 * registration) gets one merged strip: per session the first mark that
 * counts (P, AA or UA) wins over a not-counted one (D, X, Y1-Y7, #...),
 * which wins over none. The figures are the child's, over the merged
 * strip, not per enrolment as in the DfE statistics.
 *
 * Types are prefixed att_, functions detail_attendance_.
 */
#ifndef CME_MODEL_DETAIL_ATTENDANCE_H
#define CME_MODEL_DETAIL_ATTENDANCE_H

#include <stdbool.h>
#include <stddef.h>

#define ATT_CODE_LEN	3	/* "C1" and its NUL */

enum att_cat {
	ATT_CAT_NONE,		/* no mark, or a character that is no code */
	ATT_CAT_P,		/* present (an approved activity counts) */
	ATT_CAT_AA,		/* authorised absence */
	ATT_CAT_UA,		/* unauthorised absence */
	ATT_CAT_NP,		/* not counted as a possible session */
};

/* One row of cme.attendance_code. */
struct att_code {
	char		 packed;		/* the character in marks */
	char		 code[ATT_CODE_LEN];	/* the DfE code shown */
	enum att_cat	 cat;
};

/* A term of the year; days are day numbers (util/date.h). */
struct att_term {
	int		 term_id;
	int		 start;		/* first day, inclusive */
	int		 end;		/* last day, inclusive */
};

/* A packed marks row (one per term and school). */
struct att_marks {
	int		 term_id;
	const char	*marks;		/* borrowed for the build */
};

/* The LA's settings (cme.la_settings), percentages in hundredths. */
struct att_settings {
	int		 persistent_x100;	/* 9000: at or below 90.00% */
	int		 severe_x100;		/* 5000 */
	int		 min_possible;		/* no flag below this */
	int		 n_grace_days;		/* N older than this: late */
};

struct att_input {
	int			 today;
	const struct att_code	*codes;
	size_t			 ncodes;
	const struct att_term	*terms;		/* in date order */
	size_t			 nterms;
	const int		*closed;	/* non-school days, any order */
	size_t			 nclosed;
	const struct att_marks	*marks;		/* in the order to merge */
	size_t			 nmarks;
	struct att_settings	 settings;
};

enum att_day_kind {
	ATT_DAY_OUTSIDE,	/* not in any term (holidays between terms) */
	ATT_DAY_SCHOOL,		/* a school day up to today */
	ATT_DAY_CLOSED,		/* a non-school day inside a term */
	ATT_DAY_FUTURE,		/* a school day after today */
};

struct att_session {
	char		 code[ATT_CODE_LEN];	/* "" when no mark */
	enum att_cat	 cat;
};

struct att_day {
	enum att_day_kind	 kind;
	struct att_session	 s[2];		/* AM, PM */
};

struct att_week {
	int		 monday;	/* day number */
	int		 term;		/* index into the input's terms */
	bool		 all_closed;	/* no school day: a holiday week */
	int		 closed_day;	/* all_closed: its first closed day */
	struct att_day	 day[5];	/* Monday to Friday */
};

enum att_line_kind {
	ATT_LINE_TERM,		/* index: a term */
	ATT_LINE_WEEK,		/* index: a week */
};

struct att_line {
	enum att_line_kind	 kind;
	int			 index;
};

struct att_figures {
	int		 possible;	/* sessions counted (P + AA + UA) */
	int		 present;
	int		 auth;
	int		 unauth;
	int		 att_x10;	/* attendance %, tenths (.c) */
	int		 auth_x10;
	int		 unauth_x10;
	bool		 judged;	/* enough possible sessions for flags */
	bool		 persistent;	/* attendance <= persistent threshold */
	bool		 severe;	/* attendance <= severe threshold */
	int		 streak;	/* school days, most recent, UA only */
	int		 streak_end;	/* its last day, or -1 */
	int		 n_count;	/* sessions coded N */
	int		 n_oldest;	/* day of the oldest N, or -1 */
	int		 n_oldest_age;	/* school days from it to today */
	int		 last_marked;	/* day of the last mark, or -1 */
};

/* The result; owns its arrays. */
struct att_year {
	struct att_week	*weeks;		/* oldest first */
	size_t		 nweeks;
	struct att_line	*lines;		/* newest first */
	size_t		 nlines;
	struct att_figures fig;
};

/* Builds y (which must be zeroed or released) from in. */
void	detail_attendance_build(struct att_year *y,
	    const struct att_input *in);
void	detail_attendance_release(struct att_year *);
/*
 * Percentage num/den in tenths, rounded, but never shown on the other
 * side of a threshold (hundredths) than the true value: 90.04% against
 * 90.00 is shown 90.1, not 90.0. -1 when den is 0.
 */
int	detail_attendance_pct_x10(int num, int den, const int *thresholds,
	    size_t nthresholds);
/* "90.00" -> 9000, "90" -> 9000, "92.5" -> 9250; -1 if not a number. */
int	detail_attendance_parse_x100(const char *);
/* The category of a cme.attendance_code.category text (P, AA, UA, NP). */
enum att_cat detail_attendance_cat(const char *);

#endif /* CME_MODEL_DETAIL_ATTENDANCE_H */
