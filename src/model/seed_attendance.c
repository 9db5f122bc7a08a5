/*
 * seed_attendance.c — session marks for one child, and packing them.
 *
 * Owns nothing beyond its arguments: the caller passes scratch arrays (one
 * entry per school day of the year) that are reused from child to child,
 * so a year of marks for 300,000 children costs no allocation here.
 *
 * The absence rate r of a profile is met on average by starting an
 * episode on a present day with probability r / ((1 - r) * L), where L is
 * the mean episode length in days for that profile: then the expected
 * share of absent days is r.
 */
#include <string.h>

#include "model/seed_attendance.h"

#include "model/seed_copy.h"
#include "util/date.h"
#include "util/prng.h"

#define SEED_N_GRACE	5	/* school days an N may stand (la_settings) */

enum seed_episode {
	EP_ILL,		/* whole days of I */
	EP_ILL_PM,	/* went home ill: PM only */
	EP_MEDICAL,	/* one session of M */
	EP_OTHER,	/* whole days of O */
	EP_HOLIDAY,	/* a week or two of G */
	EP_LEAVE,	/* a day or two of C */
	EP_EXCLUDED,	/* a suspension, E */
	EP_COUNT
};

/* Share of episodes of each kind, per 1000, by style: good, PA, SA. */
static const int seed_episode_mix[3][EP_COUNT] = {
	{ 620, 100, 160, 60, 30, 30, 0 },
	{ 400, 70, 80, 300, 60, 40, 50 },
	{ 250, 20, 50, 600, 30, 0, 50 },
};
/* Mean length in days of one episode of each kind, before stretching. */
static const double seed_episode_len[EP_COUNT] = {
	1.8, 0.5, 0.5, 1.6, 7.0, 1.5, 2.0
};
/* How much longer the whole-day episodes run, by style. */
static const double seed_style_stretch[3] = { 1.0, 1.4, 4.0 };

static const char *const seed_mark_names[SEED_MARK_COUNT] = {
	"/", "\\", "L", "I", "M", "O", "G", "N", "U", "C", "E", "K", "V",
	"C2", "#", "Y4",
};

static int	 seed_attendance_days(struct prng *, enum seed_episode,
		     double);

void
seed_codes_init(struct seed_codes *c)
{
	memset(c, 0, sizeof *c);
}

int
seed_codes_add(struct seed_codes *c, const char *code, const char *packed,
    const char *category)
{
	unsigned char	 p;
	char		 cat;
	int		 i;

	if (packed == NULL || strlen(packed) != 1 || category == NULL ||
	    code == NULL)
		return (-1);
	p = (unsigned char)packed[0];
	if (p >= 128 || p <= ' ' || p == '-')
		return (-1);
	if (strcmp(category, "P") == 0)
		cat = 'P';
	else if (strcmp(category, "AA") == 0)
		cat = 'A';
	else if (strcmp(category, "UA") == 0)
		cat = 'U';
	else if (strcmp(category, "NP") == 0)
		cat = 'X';
	else
		return (-1);
	c->category[p] = cat;
	for (i = 0; i < SEED_MARK_COUNT; i++)
		if (strcmp(seed_mark_names[i], code) == 0)
			c->mark[i] = (char)p;
	return (0);
}

const char *
seed_codes_missing(const struct seed_codes *c)
{
	int	 i;

	for (i = 0; i < SEED_MARK_COUNT; i++)
		if (c->mark[i] == 0)
			return (seed_mark_names[i]);
	return (NULL);
}

/* Whole days an episode lasts (0 for the half-day kinds). */
static int
seed_attendance_days(struct prng *r, enum seed_episode e, double stretch)
{
	uint32_t	 x;
	double		 d;

	switch (e) {
	case EP_ILL_PM:
	case EP_MEDICAL:
		return (0);
	case EP_HOLIDAY:
		return (prng_chance(r, 0.7) ? 5 : 10);
	case EP_LEAVE:
		return (prng_range(r, 1, 2));
	case EP_EXCLUDED:
		return (prng_range(r, 1, 3));
	default:
		break;
	}
	x = prng_below(r, 100);
	d = x < 50 ? 1 : x < 80 ? 2 : x < 95 ? 3 : 5;
	d = d * stretch + prng_double(r) * (stretch - 1.0);
	return (d < 1 ? 1 : (int)d);
}

void
seed_attendance_generate(const struct seed_codes *c, struct prng *r,
    const struct seed_att_plan *pl, char *am, char *pm,
    struct seed_att_summary *sum)
{
	const char	*k = c->mark;
	double		 u, x, rate, late, after, mean, p_start;
	int		 style, i, j, t, left, n, start, end, total;
	bool		 part_time, ap;
	enum seed_episode ep = EP_ILL;
	char		 code = 0;

	sum->streak = 0;
	sum->n_oldest = -1;
	sum->sick_start = -1;
	sum->sick_run = 0;
	if (pl->last < pl->first)
		return;

	/* The profile. */
	u = prng_double(r);
	x = prng_double(r);
	if (u < 0.018) {
		style = 2;
		rate = 0.52 + 0.33 * x;
	} else if (u < 0.205) {
		style = 1;
		rate = 0.105 + 0.33 * x * x;
	} else {
		style = 0;
		rate = prng_chance(r, 0.18) ? 0 : 0.085 * x * x;
	}
	late = style == 0 ? 0.015 : style == 1 ? 0.05 : 0.08;
	after = style == 0 ? 0.002 : 0.015;
	part_time = style > 0 && prng_chance(r, style == 2 ? 0.25 : 0.03);
	ap = pl->secondary && prng_chance(r, style == 2 ? 0.2 : 0.006);
	mean = 0;
	for (t = 0; t < EP_COUNT; t++)
		mean += seed_episode_mix[style][t] / 1000.0 *
		    seed_episode_len[t] *
		    (seed_episode_len[t] > 1 ? seed_style_stretch[style] : 1);
	p_start = rate >= 1 ? 1 : rate / ((1 - rate) * mean);
	if (p_start > 1)
		p_start = 1;

	left = 0;
	for (i = pl->first; i <= pl->last; i++) {
		if (left == 0 && prng_chance(r, p_start)) {
			n = (int)prng_below(r, 1000);
			for (t = 0; t < EP_COUNT - 1; t++) {
				n -= seed_episode_mix[style][t];
				if (n < 0)
					break;
			}
			ep = (enum seed_episode)t;
			if (ep == EP_EXCLUDED && !pl->secondary)
				ep = EP_OTHER;
			left = seed_attendance_days(r, ep,
			    seed_style_stretch[style]);
			switch (ep) {
			case EP_ILL:
				code = k[SEED_MARK_ILL];
				break;
			case EP_OTHER:
				code = k[SEED_MARK_OTHER];
				break;
			case EP_HOLIDAY:
				code = k[SEED_MARK_HOLIDAY];
				break;
			case EP_LEAVE:
				code = k[SEED_MARK_LEAVE];
				break;
			case EP_EXCLUDED:
				code = k[SEED_MARK_EXCLUDED];
				break;
			default:
				code = 0;
				break;
			}
			if (left == 0) {		/* a half-day episode */
				am[i] = k[SEED_MARK_AM];
				pm[i] = k[SEED_MARK_PM];
				if (ep == EP_ILL_PM)
					pm[i] = k[SEED_MARK_ILL];
				else if (prng_chance(r, 0.5))
					am[i] = k[SEED_MARK_MEDICAL];
				else
					pm[i] = k[SEED_MARK_MEDICAL];
				continue;
			}
		}
		if (left > 0) {
			am[i] = pm[i] = code;
			left--;
			continue;
		}
		/* A present day. */
		if (ap && date_weekday(pl->days[i]) == 2) {
			am[i] = pm[i] = k[SEED_MARK_AP];
			continue;
		}
		if (prng_chance(r, 0.004)) {
			am[i] = pm[i] = k[SEED_MARK_VISIT];
			continue;
		}
		u = prng_double(r);
		am[i] = u < after ? k[SEED_MARK_AFTER] :
		    u < after + late ? k[SEED_MARK_LATE] : k[SEED_MARK_AM];
		pm[i] = part_time ? k[SEED_MARK_PARTTIME] : k[SEED_MARK_PM];
	}

	/* One long illness (a 15-day sickness return). */
	total = pl->last - pl->first + 1;
	if (pl->sick_days > 0 && pl->sick_days < total) {
		end = pl->last - (int)prng_below(r, (uint32_t)
		    (total - pl->sick_days < 15 ? total - pl->sick_days : 15));
		start = end - pl->sick_days + 1;
		for (i = start; i <= end; i++)
			am[i] = pm[i] = k[SEED_MARK_ILL];
		sum->sick_start = start;
		sum->sick_run = pl->sick_days;
	}

	/* The tail before the last day (or before tail_end). */
	end = pl->tail_end >= pl->first && pl->tail_end <= pl->last ?
	    pl->tail_end : pl->last;
	n = pl->tail_days < end - pl->first + 1 ? pl->tail_days :
	    end - pl->first + 1;
	start = end - n + 1;
	switch (pl->tail) {
	case SEED_TAIL_STREAK:
	case SEED_TAIL_MISSING:
		j = prng_chance(r, 0.15) ? prng_range(r, 0, n / 2) : -1;
		for (i = start; i <= end; i++) {
			code = k[SEED_MARK_OTHER];
			if (j >= 0 && i - start >= j && i - start < j + 5)
				code = k[SEED_MARK_HOLIDAY];
			am[i] = pm[i] = code;
		}
		break;
	case SEED_TAIL_LEAVE:
		j = prng_range(r, 5, 10);
		for (i = start - j; i <= end; i++) {
			if (i < pl->first)
				continue;
			am[i] = pm[i] = i < start ? k[SEED_MARK_LEAVE] :
			    k[SEED_MARK_OTHER];
		}
		break;
	case SEED_TAIL_MOVED:
		for (i = start; i <= end; i++)
			am[i] = pm[i] = k[SEED_MARK_OTHER];
		break;
	case SEED_TAIL_NONE:
		break;
	}

	/*
	 * N: the school has not yet established why. Recent absences often
	 * still show it; now and then an old one was never resolved.
	 */
	for (i = pl->cutoff - SEED_N_GRACE; i <= pl->last; i++) {
		if (i < pl->first)
			continue;
		if ((am[i] == k[SEED_MARK_ILL] ||
		    am[i] == k[SEED_MARK_OTHER]) && prng_chance(r, 0.55))
			am[i] = pm[i] = k[SEED_MARK_NOREASON];
	}
	if (prng_chance(r, style == 0 ? 0.004 : 0.03)) {
		i = pl->first + (int)prng_below(r, (uint32_t)total);
		for (; i <= pl->last && i < pl->cutoff - SEED_N_GRACE; i++)
			if (am[i] == k[SEED_MARK_OTHER] ||
			    am[i] == k[SEED_MARK_ILL]) {
				am[i] = pm[i] = k[SEED_MARK_NOREASON];
				break;
			}
	}

	for (i = pl->last; i >= pl->first; i--) {
		if (c->category[(unsigned char)am[i] & 127] != 'U' ||
		    c->category[(unsigned char)pm[i] & 127] != 'U')
			break;
		sum->streak++;
	}
	for (i = pl->first; i <= pl->last; i++)
		if (am[i] == k[SEED_MARK_NOREASON] ||
		    pm[i] == k[SEED_MARK_NOREASON]) {
			sum->n_oldest = i;
			break;
		}
}

void
seed_attendance_pack(const struct seed_codes *c, const int *days,
    const char *am, const char *pm, int from, int to, int term_start,
    int term_end, int closed_day, enum seed_mark closed_code, char *marks,
    struct seed_tally *t)
{
	char	 m[2], cat;
	int	 i, s, d, off;
	size_t	 n;

	n = 2 * (size_t)(term_end - term_start + 1);
	memset(marks, '-', n);
	marks[n] = '\0';
	memset(t, 0, sizeof *t);
	t->last_marked = SEED_NO_DATE;
	for (i = from; i <= to; i++) {
		d = days[i];
		if (d < term_start || d > term_end)
			continue;
		m[0] = am[i];
		m[1] = pm[i];
		if (d == closed_day)
			m[0] = m[1] = c->mark[closed_code];
		off = 2 * (d - term_start);
		for (s = 0; s < 2; s++) {
			marks[off + s] = m[s];
			cat = c->category[(unsigned char)m[s] & 127];
			if (cat == 'P')
				t->present++;
			else if (cat == 'A')
				t->auth++;
			else if (cat == 'U')
				t->unauth++;
		}
		t->last_marked = d;
	}
	t->possible = t->present + t->auth + t->unauth;
}
