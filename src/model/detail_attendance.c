/*
 * detail_attendance.c — unpacking a child's year of marks into school
 * weeks and figures (see detail_attendance.h).
 *
 * Built once per load of the Attendance tab, never per frame. The work is
 * linear in the days of the year: the marks of each term are merged into
 * one array of code indexes, the weeks are laid out over the terms, and
 * the figures are counted from the merged arrays. School days come from a
 * util/calendar.h calendar of the same terms and non-school days, so the
 * streak and the N-code age step over weekends, half terms and bank
 * holidays exactly as cme.school_days_between does in SQL.
 */
#include <stdlib.h>
#include <string.h>

#include "model/detail_attendance.h"
#include "util/calendar.h"
#include "util/date.h"
#include "util/xmalloc.h"

/* Working state of one build. */
struct att_ctx {
	const struct att_input	*in;
	signed char		 lut[256];	/* packed char -> code index */
	int			**merged;	/* per term: code per session */
	int			*nsess;		/* per term: sessions */
	struct calendar		 cal;
};

static int	 att_rank(const struct att_ctx *, int);
static void	 att_merge(struct att_ctx *);
static int	 att_term_of(const struct att_ctx *, int);
static bool	 att_is_closed(const struct att_ctx *, int);
static void	 att_day_sessions(const struct att_ctx *, int, int[2]);
static void	 att_fill_day(const struct att_ctx *, int, struct att_day *);
static void	 att_weeks(struct att_ctx *, struct att_year *);
static void	 att_lines(struct att_year *);
static void	 att_figures(struct att_ctx *, struct att_year *);
static void	 att_streak(struct att_ctx *, struct att_figures *);

enum att_cat
detail_attendance_cat(const char *s)
{
	if (s == NULL)
		return (ATT_CAT_NONE);
	if (strcmp(s, "P") == 0)
		return (ATT_CAT_P);
	if (strcmp(s, "AA") == 0)
		return (ATT_CAT_AA);
	if (strcmp(s, "UA") == 0)
		return (ATT_CAT_UA);
	if (strcmp(s, "NP") == 0)
		return (ATT_CAT_NP);
	return (ATT_CAT_NONE);
}

int
detail_attendance_parse_x100(const char *s)
{
	long	v = 0;
	int	frac = 0, digits = 0;

	if (s == NULL || *s < '0' || *s > '9')
		return (-1);
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (v > 100000)
			return (-1);
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			if (digits < 2) {
				frac = frac * 10 + (*s - '0');
				digits++;
			}
			s++;
		}
	}
	if (*s != '\0')
		return (-1);
	while (digits++ < 2)
		frac *= 10;
	return ((int)(v * 100 + frac));
}

int
detail_attendance_pct_x10(int num, int den, const int *thresholds,
    size_t nthresholds)
{
	long long	v, t;
	bool		truth, shown;
	size_t		i;

	if (den <= 0 || num < 0)
		return (-1);
	/* Round half up: num * 1000 / den. */
	v = ((long long)num * 2000 + den) / (2LL * den);
	for (i = 0; i < nthresholds; i++) {
		t = thresholds[i];
		if (t < 0)
			continue;
		truth = (long long)num * 10000 <= t * den;
		shown = v * 10 <= t;
		while (truth && !shown) {
			v--;
			shown = v * 10 <= t;
		}
		while (!truth && shown) {
			v++;
			shown = v * 10 <= t;
		}
	}
	return ((int)v);
}

/* 0: no mark, 1: a mark that is not counted, 2: a counted mark. */
static int
att_rank(const struct att_ctx *c, int idx)
{
	if (idx < 0)
		return (0);
	return (c->in->codes[idx].cat == ATT_CAT_NP ? 1 : 2);
}

/* One array of code indexes per term, the marks rows merged. */
static void
att_merge(struct att_ctx *c)
{
	const struct att_input	*in = c->in;
	size_t			 t, r, i, len;
	int			 idx;

	c->merged = xcalloc(in->nterms > 0 ? in->nterms : 1,
	    sizeof *c->merged);
	c->nsess = xcalloc(in->nterms > 0 ? in->nterms : 1,
	    sizeof *c->nsess);
	for (t = 0; t < in->nterms; t++) {
		if (in->terms[t].end < in->terms[t].start)
			continue;
		c->nsess[t] = 2 * (in->terms[t].end - in->terms[t].start + 1);
		c->merged[t] = xreallocarray(NULL, (size_t)c->nsess[t],
		    sizeof **c->merged);
		for (i = 0; i < (size_t)c->nsess[t]; i++)
			c->merged[t][i] = -1;
		for (r = 0; r < in->nmarks; r++) {
			if (in->marks[r].term_id != in->terms[t].term_id ||
			    in->marks[r].marks == NULL)
				continue;
			len = strlen(in->marks[r].marks);
			if (len > (size_t)c->nsess[t])
				len = (size_t)c->nsess[t];
			for (i = 0; i < len; i++) {
				idx = c->lut[(unsigned char)
				    in->marks[r].marks[i]];
				if (att_rank(c, idx) > att_rank(c,
				    c->merged[t][i]))
					c->merged[t][i] = idx;
			}
		}
	}
}

/* The index of the term holding day, or -1. */
static int
att_term_of(const struct att_ctx *c, int day)
{
	size_t	t;

	for (t = 0; t < c->in->nterms; t++)
		if (day >= c->in->terms[t].start && day <= c->in->terms[t].end)
			return ((int)t);
	return (-1);
}

/* A weekday inside a term that is not a school day: a closure. */
static bool
att_is_closed(const struct att_ctx *c, int day)
{
	return (date_weekday(day) < 5 && att_term_of(c, day) >= 0 &&
	    !calendar_is_school_day(&c->cal, day));
}

/* The code indexes of day's AM and PM sessions (-1: none). */
static void
att_day_sessions(const struct att_ctx *c, int day, int out[2])
{
	int	t, off;

	out[0] = out[1] = -1;
	if ((t = att_term_of(c, day)) < 0 || c->merged[t] == NULL)
		return;
	off = 2 * (day - c->in->terms[t].start);
	if (off + 1 < c->nsess[t]) {
		out[0] = c->merged[t][off];
		out[1] = c->merged[t][off + 1];
	}
}

static void
att_fill_day(const struct att_ctx *c, int day, struct att_day *d)
{
	int	s[2], i;

	memset(d, 0, sizeof *d);
	if (att_term_of(c, day) < 0)
		d->kind = ATT_DAY_OUTSIDE;
	else if (att_is_closed(c, day))
		d->kind = ATT_DAY_CLOSED;
	else if (day > c->in->today)
		d->kind = ATT_DAY_FUTURE;
	else
		d->kind = ATT_DAY_SCHOOL;
	att_day_sessions(c, day, s);
	for (i = 0; i < 2; i++) {
		if (s[i] < 0)
			continue;
		memcpy(d->s[i].code, c->in->codes[s[i]].code, ATT_CODE_LEN);
		d->s[i].code[ATT_CODE_LEN - 1] = '\0';
		d->s[i].cat = c->in->codes[s[i]].cat;
	}
}

/*
 * The weeks of every term up to the week holding today (a whole year
 * when it is over). Two terms meeting inside one week share its line.
 */
static void
att_weeks(struct att_ctx *c, struct att_year *y)
{
	const struct att_input	*in = c->in;
	size_t			 t, cap = 0;
	int			 m, last, i, school;
	struct att_week		*w;

	for (t = 0; t < in->nterms; t++) {
		if (in->terms[t].start > in->today)
			continue;
		last = in->terms[t].end < in->today ? in->terms[t].end :
		    in->today;
		m = in->terms[t].start - date_weekday(in->terms[t].start);
		for (; m <= last; m += 7) {
			if (y->nweeks > 0 &&
			    y->weeks[y->nweeks - 1].monday >= m)
				continue;	/* shared with the last term */
			if (y->nweeks == cap) {
				cap = cap ? cap * 2 : 64;
				y->weeks = xreallocarray(y->weeks, cap,
				    sizeof *y->weeks);
			}
			w = &y->weeks[y->nweeks++];
			memset(w, 0, sizeof *w);
			w->monday = m;
			w->term = (int)t;
			w->closed_day = -1;
			school = 0;
			for (i = 0; i < 5; i++) {
				att_fill_day(c, m + i, &w->day[i]);
				if (w->day[i].kind == ATT_DAY_SCHOOL ||
				    w->day[i].kind == ATT_DAY_FUTURE)
					school++;
				if (w->day[i].kind == ATT_DAY_CLOSED &&
				    w->closed_day < 0)
					w->closed_day = m + i;
			}
			w->all_closed = school == 0 && w->closed_day >= 0;
		}
	}
}

/* Newest first: a term heading above the newest week of each term. */
static void
att_lines(struct att_year *y)
{
	size_t	i, n = 0;
	int	term = -1;

	y->lines = xreallocarray(NULL, 2 * y->nweeks + 1, sizeof *y->lines);
	for (i = y->nweeks; i-- > 0;) {
		if (y->weeks[i].term != term) {
			term = y->weeks[i].term;
			y->lines[n].kind = ATT_LINE_TERM;
			y->lines[n++].index = term;
		}
		y->lines[n].kind = ATT_LINE_WEEK;
		y->lines[n++].index = (int)i;
	}
	y->nlines = n;
}

/*
 * The unauthorised streak: from the last school day with a mark, back
 * over school days while each day's marks are unauthorised (a day with
 * only not-counted marks, a closure, is stepped over; a day with no mark
 * at all, or any present or authorised mark, ends it).
 */
static void
att_streak(struct att_ctx *c, struct att_figures *f)
{
	const struct att_input	*in = c->in;
	int			 day, s[2], i, ua, other;

	f->streak = 0;
	f->streak_end = -1;
	if (f->last_marked < 0 || in->nterms == 0)
		return;
	day = f->last_marked;
	if (!calendar_is_school_day(&c->cal, day))
		day = calendar_add_school_days(&c->cal, day, -1);
	for (; day >= 0 && day >= in->terms[0].start;
	    day = calendar_add_school_days(&c->cal, day, -1)) {
		att_day_sessions(c, day, s);
		ua = other = 0;
		for (i = 0; i < 2; i++) {
			if (s[i] < 0)
				continue;
			switch (in->codes[s[i]].cat) {
			case ATT_CAT_UA:
				ua++;
				break;
			case ATT_CAT_NP:
			case ATT_CAT_NONE:
				break;
			default:
				other++;
				break;
			}
		}
		if (other > 0 || (ua == 0 && s[0] < 0 && s[1] < 0))
			break;
		if (ua == 0)
			continue;	/* not counted only: step over */
		if (f->streak == 0)
			f->streak_end = day;
		f->streak++;
	}
}

static void
att_figures(struct att_ctx *c, struct att_year *y)
{
	const struct att_input	*in = c->in;
	const struct att_settings *st = &in->settings;
	struct att_figures	*f = &y->fig;
	size_t			 t;
	int			 i, idx, day, th[2];

	memset(f, 0, sizeof *f);
	f->n_oldest = f->last_marked = -1;
	for (t = 0; t < in->nterms; t++) {
		for (i = 0; i < c->nsess[t]; i++) {
			if ((idx = c->merged[t][i]) < 0)
				continue;
			day = in->terms[t].start + i / 2;
			if (day > f->last_marked)
				f->last_marked = day;
			switch (in->codes[idx].cat) {
			case ATT_CAT_P:
				f->present++;
				break;
			case ATT_CAT_AA:
				f->auth++;
				break;
			case ATT_CAT_UA:
				f->unauth++;
				break;
			default:
				break;
			}
			if (strcmp(in->codes[idx].code, "N") == 0) {
				f->n_count++;
				if (f->n_oldest < 0 || day < f->n_oldest)
					f->n_oldest = day;
			}
		}
	}
	f->possible = f->present + f->auth + f->unauth;
	th[0] = st->persistent_x100;
	th[1] = st->severe_x100;
	f->att_x10 = detail_attendance_pct_x10(f->present, f->possible, th, 2);
	f->auth_x10 = detail_attendance_pct_x10(f->auth, f->possible, NULL, 0);
	f->unauth_x10 = detail_attendance_pct_x10(f->unauth, f->possible,
	    NULL, 0);
	f->judged = f->possible > 0 && f->possible >= st->min_possible;
	if (f->judged) {
		f->persistent = (long long)f->present * 10000 <=
		    (long long)st->persistent_x100 * f->possible;
		f->severe = (long long)f->present * 10000 <=
		    (long long)st->severe_x100 * f->possible;
	}
	if (f->n_oldest >= 0)
		f->n_oldest_age = calendar_school_days_between(&c->cal,
		    f->n_oldest, in->today);
	att_streak(c, f);
}

void
detail_attendance_build(struct att_year *y, const struct att_input *in)
{
	struct att_ctx	c;
	size_t		i;

	memset(y, 0, sizeof *y);
	memset(&c, 0, sizeof c);
	c.in = in;
	memset(c.lut, -1, sizeof c.lut);
	for (i = 0; i < in->ncodes && i < 127; i++)
		if (in->codes[i].packed != '-')
			c.lut[(unsigned char)in->codes[i].packed] =
			    (signed char)i;
	calendar_init(&c.cal);
	for (i = 0; i < in->nterms; i++)
		(void)calendar_add_term(&c.cal, in->terms[i].start,
		    in->terms[i].end);
	for (i = 0; i < in->nclosed; i++)
		(void)calendar_add_closure(&c.cal, in->closed[i]);

	att_merge(&c);
	att_weeks(&c, y);
	att_lines(y);
	att_figures(&c, y);

	for (i = 0; i < in->nterms; i++)
		free(c.merged[i]);
	free(c.merged);
	free(c.nsess);
	calendar_release(&c.cal);
}

void
detail_attendance_release(struct att_year *y)
{
	free(y->weeks);
	free(y->lines);
	memset(y, 0, sizeof *y);
}
