/*
 * seed_attendance.h — synthetic session marks and their counters.
 *
 * The codes come from the database (cme.attendance_code: code, packed
 * character, category) so that the counters computed here are, by
 * construction, the ones cme.attendance_tally() computes from the string.
 *
 * A child's year is generated over the LA's list of school days (indexes
 * into it, not dates), two sessions a day, from a profile drawn with the
 * child's own PRNG: most children attend 95% or more, about one in five is
 * persistently absent (attendance 90% or less) and about one in fifty
 * severely (50% or less). Absence comes in episodes (a few days of illness,
 * a week's unauthorised holiday, single sessions for appointments), with
 * late marks, the odd suspension, part-time timetables and alternative
 * provision. Absences in the last few school days are often still N
 * (reason not yet established), and a few older N codes were never
 * resolved. A "tail" reproduces what comes before a deletion or an alert:
 * a run of unauthorised absence, leave of absence then silence, a long
 * illness.
 */
#ifndef CME_MODEL_SEED_ATTENDANCE_H
#define CME_MODEL_SEED_ATTENDANCE_H

#include <stdbool.h>

struct prng;

/* The codes the generator uses, by their 2024 names. */
enum seed_mark {
	SEED_MARK_AM,		/* "/" present AM */
	SEED_MARK_PM,		/* "\" present PM */
	SEED_MARK_LATE,		/* L */
	SEED_MARK_ILL,		/* I */
	SEED_MARK_MEDICAL,	/* M */
	SEED_MARK_OTHER,	/* O */
	SEED_MARK_HOLIDAY,	/* G */
	SEED_MARK_NOREASON,	/* N */
	SEED_MARK_AFTER,	/* U */
	SEED_MARK_LEAVE,	/* C */
	SEED_MARK_EXCLUDED,	/* E */
	SEED_MARK_AP,		/* K */
	SEED_MARK_VISIT,	/* V */
	SEED_MARK_PARTTIME,	/* C2 */
	SEED_MARK_CLOSED,	/* # planned closure */
	SEED_MARK_SITE,		/* Y4 site unexpectedly closed */
	SEED_MARK_COUNT
};

struct seed_codes {
	char	 category[128];		/* by packed char: 'P' present,
					 * 'A' authorised, 'U' unauthorised,
					 * 'X' not possible, 0 not a code */
	char	 mark[SEED_MARK_COUNT];	/* packed char of each seed_mark */
};

void	 seed_codes_init(struct seed_codes *);
/* Records one row of cme.attendance_code. Returns 0, or -1 if malformed. */
int	 seed_codes_add(struct seed_codes *, const char *code,
	     const char *packed, const char *category);
/* The 2024 code name of the first seed_mark not defined, or NULL. */
const char *seed_codes_missing(const struct seed_codes *);

/* What comes before the last day of a child's window. */
enum seed_tail {
	SEED_TAIL_NONE,
	SEED_TAIL_STREAK,	/* tail_days of unauthorised absence (O, N) */
	SEED_TAIL_MISSING,	/* same, before a ground (i) deletion */
	SEED_TAIL_LEAVE,	/* leave (C), then tail_days of O: ground (h) */
	SEED_TAIL_MOVED,	/* a few days of O: the family left */
};

struct seed_att_plan {
	const int	*days;		/* borrowed: the LA's school days */
	int		 first;		/* first school-day index on roll */
	int		 last;		/* last index marked, inclusive */
	int		 cutoff;	/* index of the as-of day: N codes
					 * within grace of it stay N */
	enum seed_tail	 tail;
	int		 tail_end;	/* index the tail ends on; -1: last */
	int		 tail_days;
	int		 sick_days;	/* one illness this long; 0: none */
	bool		 secondary;	/* suspensions, study-type codes */
};

struct seed_att_summary {
	int	 streak;	/* school days of only unauthorised absence
				 * ending at last (both sessions) */
	int	 n_oldest;	/* index of the oldest N, -1 if none */
	int	 sick_start;	/* index where the long illness began, -1 */
	int	 sick_run;	/* its length in school days */
};

/*
 * Writes am[i], pm[i] for first <= i <= last (packed characters); other
 * entries are left alone.
 */
void	 seed_attendance_generate(const struct seed_codes *, struct prng *,
	     const struct seed_att_plan *, char *am, char *pm,
	     struct seed_att_summary *);

struct seed_tally {
	int	 possible;
	int	 present;
	int	 auth;
	int	 unauth;
	int	 last_marked;	/* day number, or SEED_NO_DATE (seed_copy.h) */
};

/*
 * Builds one packed row: marks gets 2 * (term_end - term_start + 1)
 * characters plus a NUL, '-' where there is no mark. days[] are the LA's
 * school days; indexes from..to (inclusive) are the ones this row covers.
 * closed_day (or -1) is a day the school was shut: both sessions get
 * closed_code (a seed_mark). Fills the counters.
 */
void	 seed_attendance_pack(const struct seed_codes *, const int *days,
	     const char *am, const char *pm, int from, int to,
	     int term_start, int term_end, int closed_day,
	     enum seed_mark closed_code, char *marks, struct seed_tally *);

#endif /* CME_MODEL_SEED_ATTENDANCE_H */
