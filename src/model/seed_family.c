/*
 * seed_family.c — the plan of each LA, and each family's story.
 *
 * Owns the generation of people: children (names, ages, flags, UPNs,
 * school histories, what happened to them), their parents and carers,
 * their addresses over time, and the skeleton of their CME cases (status,
 * dates, officer). Text that only one table needs (street names, phone
 * numbers, contact notes) is not made here: a seed for it is kept instead,
 * so that regenerating a family in every pass stays cheap.
 *
 * Two PRNG streams per family: FAMILY1 draws what the plan needs (number
 * of children, origin, year groups), FAMILY2 everything else, so the plan
 * can be made before anything else without disturbing the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/seed_family.h"

#include "model/seed.h"

#include "model/seed_copy.h"
#include "util/date.h"
#include "util/prng.h"
#include "util/upn.h"
#include "util/xmalloc.h"

#define NELEM(a)	((int)(sizeof(a) / sizeof((a)[0])))

/* Issuing LAs for children who arrive from elsewhere in England. */
static const int seed_other_las[] = {
	352, 330, 881, 888, 873, 855, 891, 831, 887, 305, 316, 209, 801, 380,
};

/* Family-level facts shared by the siblings while their stories are made. */
struct seed_fctx {
	int		 arrival;	/* SEED_NO_DATE: born here */
	int		 from;		/* 0 here, 1 abroad, 2 other LA,
					 * 3 the other demo LA */
	int		 other_la;	/* issuing LA for from == 2 */
	int		 deleted;	/* CME: last day on roll */
	char		 ground;
	bool		 never;		/* CME: never on a roll here */
	int		 resettle;	/* PAST_CASE: back on roll */
	bool		 known_dest;	/* deletion with a destination */
};

static void	 seed_family_stage1(const struct seed_world *,
		     const struct seed_la *, int, int, struct seed_family *);
static void	 seed_family_stage2(struct seed_gen *, struct seed_la *,
		     struct seed_family *);
static void	 seed_family_adults(struct seed_gen *, struct seed_family *,
		     struct prng *);
static void	 seed_family_addresses(struct seed_la *, struct seed_family *,
		     struct seed_fctx *, int, struct prng *);
static void	 seed_family_names(struct seed_family *, struct seed_child *,
		     struct prng *);
static void	 seed_family_history(struct seed_gen *, struct seed_la *,
		     struct seed_child *, struct seed_fctx *, struct prng *);
static void	 seed_family_upn(struct seed_gen *, struct seed_la *,
		     struct seed_child *, struct seed_fctx *, struct prng *);
static void	 seed_family_cases(struct seed_gen *, struct seed_la *,
		     struct seed_family *, struct seed_child *,
		     struct seed_fctx *, struct prng *);
static void	 seed_family_enrol(struct seed_child *,
		     const struct seed_school *, int, int, bool);
static const struct seed_school *seed_family_school(struct seed_la *,
		     char, const struct seed_school *, struct prng *);
static int	 seed_family_day(struct seed_la *, struct prng *, int, int);
static int	 seed_family_idx_day(struct seed_la *, int);
static int	 seed_family_back(struct seed_la *, struct prng *, int, int);
static int	 seed_family_serial(struct seed_upns *, uint32_t);
static int	 seed_family_supervisor(int la_code, int team);
static int	 seed_family_caseworker(int la_code, struct prng *);
static int	 seed_family_before(const struct seed_world *, int);

bool
seed_status_open(enum seed_status s)
{
	return (s != SEED_ST_NONE && s != SEED_ST_CLOSED &&
	    s != SEED_ST_TRANSFERRED);
}

const char *
seed_status_name(enum seed_status s)
{
	switch (s) {
	case SEED_ST_REFERRED:
		return ("referred");
	case SEED_ST_ENQUIRIES:
		return ("enquiries");
	case SEED_ST_LOCATED:
		return ("located");
	case SEED_ST_ESCALATED:
		return ("escalated");
	case SEED_ST_TRANSFERRED:
		return ("transferred");
	case SEED_ST_CLOSED:
		return ("closed");
	case SEED_ST_NONE:
		break;
	}
	return ("referred");
}

/* ---- the plan ---- */

/* Number of children, origin, year groups, sex and date of birth. */
static void
seed_family_stage1(const struct seed_world *w, const struct seed_la *la,
    int f, int remaining, struct seed_family *fam)
{
	struct prng		 r;
	struct seed_child	*c;
	double			 u;
	int			 n, i, j, y, tries, from, to;
	bool			 used;

	seed_world_rng(w, &r, la->la_code, SEED_RNG_FAMILY1, (uint64_t)f);
	u = prng_double(&r);
	n = u < 0.36 ? 1 : u < 0.76 ? 2 : u < 0.92 ? 3 : u < 0.98 ? 4 :
	    u < 0.995 ? 5 : 6;
	if (n > remaining)
		n = remaining;
	fam->index = f;
	fam->nkids = n;
	fam->origin_index = seed_names_pick_origin(&r, la->index);
	fam->origin = seed_names_origin(fam->origin_index);
	for (i = 0; i < n; i++) {
		c = &fam->kids[i];
		c->sex = prng_chance(&r, 0.5) ? 'M' : 'F';
		if (i > 0 && prng_chance(&r, 0.03)) {	/* twins */
			c->year = fam->kids[i - 1].year;
			c->dob = fam->kids[i - 1].dob;
			continue;
		}
		y = (int)prng_below(&r, SEED_YEAR_GROUPS);
		for (tries = 0; i > 0 && tries < 8; tries++) {
			/* One draw per statement: C leaves the order of
			 * operands unspecified, and the data must not
			 * depend on the compiler. */
			y = prng_range(&r, 1, 4);
			if (prng_chance(&r, 0.5))
				y = -y;
			y += fam->kids[i - 1].year;
			used = y < 0 || y >= SEED_YEAR_GROUPS;
			for (j = 0; j < i && !used; j++)
				used = fam->kids[j].year == y;
			if (!used)
				break;
			y = (int)prng_below(&r, SEED_YEAR_GROUPS);
		}
		c->year = y;
		from = date_from_ymd(w->academic_year - 5 - y, 9, 1);
		to = date_from_ymd(w->academic_year - 4 - y, 8, 31);
		c->dob = prng_range(&r, from, to);
	}
}

void
seed_family_plan(struct seed_world *w)
{
	struct seed_family	 fam;
	struct seed_la		*la;
	struct seed_plan	*p;
	struct prng		 r;
	uint8_t			*info;
	int			*order, *start;
	double			 wsum, rate, past, ehe, c, u;
	int			 l, f, i, k, n, child, nopen, quota, lead, t;
	int			 st, nopen_fam, assignee, minimum;
	const struct seed_origin *o;

	for (l = 0; l < SEED_LAS; l++) {
		la = &w->la[l];
		n = la->nchildren;
		la->plan = xcalloc((size_t)n, sizeof *la->plan);
		la->att = xcalloc((size_t)n, sizeof *la->att);
		la->family_size = xmalloc((size_t)n);
		info = xmalloc((size_t)n);
		start = xmalloc((size_t)n * sizeof *start);

		/* Families and who could go missing (Year 1 and older). */
		wsum = 0;
		for (f = 0, child = 0; child < n; f++) {
			memset(&fam, 0, sizeof fam);
			seed_family_stage1(w, la, f, n - child, &fam);
			la->family_size[f] = (uint8_t)fam.nkids;
			start[f] = child;
			info[f] = (uint8_t)fam.origin_index;
			for (i = 0; i < fam.nkids && fam.kids[i].year >= 1; i++)
				continue;
			if (i == fam.nkids) {
				info[f] |= 0x80;
				wsum += fam.nkids * fam.origin->mobility;
			}
			child += fam.nkids;
		}
		la->nfamilies = f;

		/* The CME population: 2-3% of children, by family. */
		seed_world_rng(w, &r, la->la_code, SEED_RNG_PLAN, 0);
		rate = 0.02 + 0.01 * prng_double(&r);
		/*
		 * The benchmark's large LA (seed.h: large): about 3,000 open
		 * cases in 300,000 children (three quarters of its CME
		 * children have one open) and, with past cases on about one
		 * child in ten, 30,000 closed ones; in proportion for other
		 * sizes.
		 */
		past = 0.014;		/* PAST_CASE: u in [0.008, past) */
		ehe = 0.021;		/* EHE: u in [past, ehe) */
		if (w->large && l == 0) {
			rate = 3000.0 / 0.736 / SEED_LARGE_PUPILS;
			past = 0.1055;
			ehe = 0.1125;
		}
		c = wsum > 0 ? rate * n / wsum : 0;
		nopen = 0;
		for (f = 0; f < la->nfamilies; f++) {
			o = seed_names_origin(info[f] & 0x7f);
			k = la->family_size[f];
			p = &la->plan[start[f]];
			if ((info[f] & 0x80) &&
			    prng_chance(&r, c * o->mobility)) {
				u = prng_double(&r);
				st = u < 0.16 ? SEED_ST_REFERRED :
				    u < 0.60 ? SEED_ST_ENQUIRIES :
				    u < 0.72 ? SEED_ST_LOCATED :
				    u < 0.80 ? SEED_ST_ESCALATED :
				    u < 0.82 ? SEED_ST_TRANSFERRED :
				    SEED_ST_CLOSED;
				t = prng_chance(&r, 0.08) ? SEED_KIND_CME_NEW :
				    SEED_KIND_CME;
				for (i = 0; i < k; i++) {
					p[i].kind = (uint8_t)t;
					p[i].status = (uint8_t)(t ==
					    SEED_KIND_CME ? st : SEED_ST_NONE);
					p[i].repeat = t == SEED_KIND_CME &&
					    prng_chance(&r, 0.1);
				}
				la->cme += k;
				if (seed_status_open((enum seed_status)st) &&
				    t == SEED_KIND_CME)
					nopen += k;
				continue;
			}
			for (i = 0; i < k; i++) {
				u = prng_double(&r);
				p[i].kind = u < 0.005 ? SEED_KIND_STREAK :
				    u < 0.008 ? SEED_KIND_SICK :
				    u < past ? SEED_KIND_PAST_CASE :
				    u < ehe ? SEED_KIND_EHE :
				    SEED_KIND_ROLL;
				if (p[i].kind == SEED_KIND_PAST_CASE)
					p[i].status = SEED_ST_CLOSED;
			}
		}

		/*
		 * Chance can leave a small LA with few open cases: top it up
		 * to 24 open cases (or 2.5% of its children, if fewer) with
		 * more families under enquiry, so the demo caseloads are
		 * never thin.
		 */
		minimum = n / 40 < 24 ? n / 40 : 24;
		f = la->nfamilies > 0 ? (int)prng_below(&r,
		    (uint32_t)la->nfamilies) : 0;
		for (i = 0; i < la->nfamilies && nopen < minimum; i++,
		    f = (f + 1) % la->nfamilies) {
			p = &la->plan[start[f]];
			if (!(info[f] & 0x80) || p->kind != SEED_KIND_ROLL)
				continue;
			for (t = 0; t < la->family_size[f]; t++) {
				p[t].kind = SEED_KIND_CME;
				p[t].status = SEED_ST_ENQUIRIES;
				p[t].repeat = 0;
			}
			la->cme += la->family_size[f];
			nopen += la->family_size[f];
		}

		/*
		 * Officers. The LA's first caseworker (alex, casey) holds
		 * 55% of the open cases but never fewer than 20 (while there
		 * are that many) nor more than 35, whatever the LA's size:
		 * a full caseload on screen, within the 15-40 the demo
		 * promises. Families stay together except at the quota's
		 * edge.
		 */
		order = xmalloc((size_t)la->nfamilies * sizeof *order);
		nopen = nopen_fam = 0;
		for (f = 0; f < la->nfamilies; f++) {
			p = &la->plan[start[f]];
			if (p->kind == SEED_KIND_CME &&
			    seed_status_open((enum seed_status)p->status)) {
				order[nopen_fam++] = f;
				nopen += la->family_size[f];
			}
		}
		for (i = nopen_fam - 1; i > 0; i--) {	/* Fisher-Yates */
			k = (int)prng_below(&r, (uint32_t)i + 1);
			t = order[i];
			order[i] = order[k];
			order[k] = t;
		}
		minimum = 20;
		quota = (nopen * 55 + 50) / 100;
		if (quota < minimum)
			quota = minimum;
		if (quota > 35)
			quota = 35;
		if (quota > nopen)
			quota = nopen;
		lead = seed_world_find_staff(la->la_code, "caseworker", 0);
		k = 0;
		for (i = 0; i < nopen_fam; i++) {
			f = order[i];
			p = &la->plan[start[f]];
			assignee = prng_chance(&r, 0.2) ? -1 :
			    seed_family_caseworker(la->la_code, &r);
			if (assignee == lead)
				assignee = -1;
			for (t = 0; t < la->family_size[f]; t++) {
				if (k < quota) {
					p[t].assignee = (uint8_t)(lead + 1);
					k++;
				} else
					p[t].assignee = (uint8_t)(assignee + 1);
			}
		}
		la->open_cases = nopen;
		for (i = 0; i < n; i++) {
			p = &la->plan[i];
			if ((p->kind == SEED_KIND_CME ||
			    p->kind == SEED_KIND_PAST_CASE) &&
			    !seed_status_open((enum seed_status)p->status))
				p->assignee = (uint8_t)(seed_family_caseworker(
				    la->la_code, &r) + 1);
		}
		free(order);
		free(info);
		free(start);
	}
}

/* A caseworker of the LA, any of them. */
static int
seed_family_caseworker(int la_code, struct prng *r)
{
	int	 n = 0;

	while (seed_world_find_staff(la_code, "caseworker", n) >= 0)
		n++;
	return (seed_world_find_staff(la_code, "caseworker",
	    (int)prng_below(r, (uint32_t)n)));
}

/* The supervisor of a team, or the LA's first. */
static int
seed_family_supervisor(int la_code, int team)
{
	int	 i, s;

	for (i = 0; (s = seed_world_find_staff(la_code, "supervisor", i)) >= 0;
	    i++)
		if (seed_world_staff(s)->team == team)
			return (s);
	return (seed_world_find_staff(la_code, "supervisor", 0));
}

/* ---- UPN serials ---- */

static int
seed_family_serial(struct seed_upns *u, uint32_t key)
{
	uint32_t	 h;

	h = (key * 2654435761u) & u->mask;
	while (u->keys[h] != 0 && u->keys[h] != key)
		h = (h + 1) & u->mask;
	if (u->keys[h] == 0) {
		u->keys[h] = key;
		u->next[h] = 0;
	}
	return (u->next[h]++);
}

/* ---- the generator ---- */

void
seed_gen_init(struct seed_gen *g, struct seed_world *w)
{
	uint32_t	 cap = 1u << 16;

	memset(g, 0, sizeof *g);
	g->w = w;
	while (cap < (uint32_t)w->pupils * 2u && cap < (1u << 26))
		cap <<= 1;
	g->upns.mask = cap - 1;
	g->upns.keys = xcalloc(cap, sizeof *g->upns.keys);
	g->upns.next = xcalloc(cap, sizeof *g->upns.next);
}

void
seed_gen_release(struct seed_gen *g)
{
	free(g->upns.keys);
	free(g->upns.next);
	memset(g, 0, sizeof *g);
}

void
seed_gen_start(struct seed_gen *g)
{
	g->la_index = 0;
	g->family = 0;
	g->child = 0;
	g->next_person = g->w->base_person;
	g->next_case = g->w->base_case;
	memset(g->upns.keys, 0, ((size_t)g->upns.mask + 1) *
	    sizeof *g->upns.keys);
}

struct seed_la *
seed_gen_la(struct seed_gen *g)
{
	return (&g->w->la[g->la_index]);
}

bool
seed_gen_next(struct seed_gen *g)
{
	struct seed_la	*la;

	for (;;) {
		if (g->la_index >= SEED_LAS)
			return (false);
		la = &g->w->la[g->la_index];
		if (g->family < la->nfamilies)
			break;
		g->la_index++;
		g->family = 0;
		g->child = 0;
	}
	memset(&g->fam, 0, sizeof g->fam);
	seed_family_stage1(g->w, la, g->family, la->nchildren - g->child,
	    &g->fam);
	seed_family_stage2(g, la, &g->fam);
	g->family++;
	g->child += g->fam.nkids;
	return (true);
}

/* ---- dates ---- */

/* A random school day in [from, to], or a weekday when outside the
 * calendars; from when the range is empty. */
static int
seed_family_day(struct seed_la *la, struct prng *r, int from, int to)
{
	int	 d;

	if (to < from)
		return (from);
	if (from >= la->cal.first &&
	    (d = seed_world_school_day(la, r, from, to)) >= 0)
		return (d);
	return (seed_world_weekday(r, from, to));
}

/*
 * A school-day index from back to back + span - 1 school days before the
 * as-of day, kept inside the calendar (whose first year is always whole).
 */
static int
seed_family_back(struct seed_la *la, struct prng *r, int back, int span)
{
	int	 room = la->cutoff - back;

	if (room <= 0)
		return (0);
	if (span > room)
		span = room;
	return (la->cutoff - back - (int)prng_below(r, (uint32_t)span));
}

/* The school day at an index of the LA calendar, clamped. */
static int
seed_family_idx_day(struct seed_la *la, int idx)
{
	int	 n = la->cal.cum[la->cal.ndays];

	if (idx < 0)
		idx = 0;
	if (idx >= n)
		idx = n - 1;
	return (la->cal.school[idx]);
}

static const struct seed_school *
seed_family_school(struct seed_la *la, char phase,
    const struct seed_school *not, struct prng *r)
{
	const struct seed_school	*s;
	int				 lo, n;

	lo = phase == 'P' ? 0 : la->nprimary;
	n = phase == 'P' ? la->nprimary : la->nschools - la->nprimary;
	do
		s = &la->schools[lo + (int)prng_below(r, (uint32_t)n)];
	while (s == not && n > 1);
	return (s);
}

static void
seed_family_enrol(struct seed_child *c, const struct seed_school *s,
    int starts, int ends, bool in_year)
{
	struct seed_enrol	*e;

	if (c->nenrol == SEED_MAX_ENROL)
		return;
	e = &c->enrol[c->nenrol++];
	memset(e, 0, sizeof *e);
	e->school = s;
	e->starts = starts;
	e->ends = ends;
	e->in_year = in_year;
}

/* ---- stage 2 ---- */

static void
seed_family_stage2(struct seed_gen *g, struct seed_la *la,
    struct seed_family *fam)
{
	struct seed_world	*w = g->w;
	struct seed_fctx	 fx;
	struct seed_child	*c;
	struct prng		 r;
	const struct seed_origin *o = fam->origin;
	int			 i, youngest, oldest, idx, kind, lo, hi;
	double			 u;
	bool			 grt, service, restricted;

	seed_world_rng(w, &r, la->la_code, SEED_RNG_FAMILY2,
	    (uint64_t)fam->index);
	fam->surname = seed_names_surname(&r, o);
	memset(&fx, 0, sizeof fx);
	fx.arrival = SEED_NO_DATE;
	fx.deleted = SEED_NO_DATE;
	fx.resettle = SEED_NO_DATE;

	youngest = oldest = fam->kids[0].dob;
	for (i = 0; i < fam->nkids; i++) {
		c = &fam->kids[i];
		c->index = g->child + i;
		c->child_id = la->first_child_id + c->index;
		c->plan = la->plan[c->index];
		if (c->dob > youngest)
			youngest = c->dob;
		if (c->dob < oldest)
			oldest = c->dob;
	}
	kind = fam->kids[0].plan.kind;

	/* Where the family came from, and when. */
	u = prng_double(&r);
	if (o == seed_names_origin(0) || !(u < 0.45)) {
		u = prng_double(&r);
		fx.from = u < 0.05 ? 2 : u < 0.065 ? 3 : 0;
	} else
		fx.from = 1;
	if (fx.from != 0) {
		lo = youngest + 30;
		if (lo < w->as_of - 3650)
			lo = w->as_of - 3650;
		if (fam->origin->country != NULL &&
		    strcmp(fam->origin->country, "UA") == 0 && fx.from == 1 &&
		    lo < date_from_ymd(2022, 3, 1))
			lo = date_from_ymd(2022, 3, 1);
		if (fam->origin->country != NULL &&
		    strcmp(fam->origin->country, "HK") == 0 && fx.from == 1 &&
		    lo < date_from_ymd(2021, 2, 1))
			lo = date_from_ymd(2021, 2, 1);
		hi = w->as_of - 20;
		fx.arrival = lo < hi ? prng_range(&r, lo, hi) : hi;
	}
	fx.other_la = seed_other_las[prng_below(&r,
	    (uint32_t)NELEM(seed_other_las))];

	/* What happened, for a family that went missing. */
	if (kind == SEED_KIND_CME || kind == SEED_KIND_CME_NEW) {
		u = prng_double(&r);
		fx.ground = u < 0.28 ? 'g' : u < 0.56 ? 'i' : u < 0.68 ? 'h' :
		    u < 0.80 ? 'f' : 'a';
		if (kind == SEED_KIND_CME_NEW) {
			if (fx.ground == 'f')
				fx.ground = 'i';
			idx = seed_family_back(la, &r, 1, 8);
		} else if (prng_chance(&r, 0.55))
			idx = seed_family_back(la, &r, 3, 57);
		else
			idx = seed_family_back(la, &r, 61, 250);
		fx.deleted = seed_family_idx_day(la, idx);
		fx.known_dest = fx.ground == 'a' && prng_chance(&r, 0.3);
		if (kind == SEED_KIND_CME && fx.ground != 'f' &&
		    prng_chance(&r, 0.12)) {
			/* Arrived from abroad, never on a roll here. */
			fx.never = true;
			fx.from = prng_chance(&r, 0.8) ? 1 : 2;
			lo = w->as_of - 200;
			if (lo < youngest + 30)
				lo = youngest + 30;
			fx.arrival = prng_range(&r, lo, w->as_of - 10);
			fx.deleted = SEED_NO_DATE;
			fx.ground = 0;
		} else if (fx.arrival != SEED_NO_DATE &&
		    fx.arrival > fx.deleted - 90) {
			fx.arrival = fx.deleted - 90 - prng_range(&r, 0, 400);
			if (fx.arrival < youngest + 30) {
				fx.arrival = SEED_NO_DATE;
				fx.from = 0;
			}
		}
	}

	seed_family_adults(g, fam, &r);
	seed_family_addresses(la, fam, &fx, oldest, &r);

	grt = (o->flags & SEED_ORIGIN_GRT) ? prng_chance(&r, 0.85) : false;
	service = prng_chance(&r, o->service_pct / 100.0);
	restricted = prng_chance(&r, 0.003);
	for (i = 0; i < fam->nkids; i++) {
		c = &fam->kids[i];
		c->step = i > 0 && prng_chance(&r, 0.1);
		seed_family_names(fam, c, &r);
		u = prng_double(&r);
		kind = c->plan.kind;
		if (kind == SEED_KIND_CME || kind == SEED_KIND_CME_NEW)
			u *= 0.6;	/* more SEN among missing children */
		c->sen = u < 0.045 ? "ehcp" : u < 0.175 ? "sen_support" :
		    "none";
		c->cin = prng_chance(&r, kind >= SEED_KIND_CME ? 0.08 : 0.03);
		c->cp = prng_chance(&r, kind >= SEED_KIND_CME ? 0.02 : 0.005);
		c->lac = prng_chance(&r, 0.006);
		c->carer = prng_chance(&r, 0.015);
		c->grt = grt;
		c->service = service;
		c->restricted = restricted || prng_chance(&r, 0.001);
		c->ehe = "none";
		c->team = -1;
		c->deleted = SEED_NO_DATE;
		c->arrived = fx.arrival;
		c->from_abroad = fx.from == 1;
		seed_family_history(g, la, c, &fx, &r);
		seed_family_upn(g, la, c, &fx, &r);
		seed_family_cases(g, la, fam, c, &fx, &r);
		if (c->sex == 'M' || c->sex == 'F')
			if (fx.never && prng_chance(&r, 0.03))
				c->sex = 'U';	/* not known yet */
	}
}

static void
seed_family_adults(struct seed_gen *g, struct seed_family *fam,
    struct prng *r)
{
	const struct seed_origin	*o = fam->origin;
	const struct seed_surname	*own;
	struct seed_adult		*a;
	int				 i;
	bool				 married;

	/* Mother. */
	if (prng_chance(r, 0.96)) {
		a = &fam->adults[fam->nadults++];
		a->sex = 'F';
		a->relationship = "mother";
		a->pr = true;
		a->lives_with = prng_chance(r, 0.97);
		married = prng_chance(r, 0.7);
		a->forename = seed_names_given(r, o, 'F')->name;
		if (married) {
			a->surname = seed_names_surname_form(fam->surname, 'F',
			    true);
			a->title = prng_chance(r, 0.5) ? "Mrs" : NULL;
		} else {
			own = seed_names_surname(r, o);
			a->surname = seed_names_surname_form(own, 'F', false);
			a->title = prng_chance(r, 0.3) ? "Ms" : NULL;
		}
	}
	/* Father. */
	if (fam->nadults == 0 || prng_chance(r, 0.68)) {
		a = &fam->adults[fam->nadults++];
		a->sex = 'M';
		a->relationship = "father";
		a->pr = prng_chance(r, 0.9);
		a->lives_with = prng_chance(r, 0.75);
		a->forename = seed_names_given(r, o, 'M')->name;
		a->surname = seed_names_surname_form(fam->surname, 'M', true);
		a->title = prng_chance(r, 0.4) ? "Mr" : NULL;
	}
	/* A step-parent. */
	if (fam->nadults < 2 && prng_chance(r, 0.25)) {
		a = &fam->adults[fam->nadults++];
		a->sex = fam->adults[0].sex == 'F' ? 'M' : 'F';
		a->relationship = "step_parent";
		a->lives_with = true;
		own = seed_names_surname(r, prng_chance(r, 0.5) ? o :
		    seed_names_origin(0));
		a->forename = seed_names_given(r, prng_chance(r, 0.5) ? o :
		    seed_names_origin(0), a->sex)->name;
		a->surname = seed_names_surname_form(own, a->sex, true);
	}
	/* A grandparent as emergency contact. */
	if (prng_chance(r, 0.12)) {
		a = &fam->adults[fam->nadults++];
		a->sex = prng_chance(r, 0.7) ? 'F' : 'M';
		a->relationship = "grandparent";
		a->emergency = true;
		a->forename = seed_names_given(r, o, a->sex)->name;
		a->surname = seed_names_surname_form(fam->surname, a->sex,
		    true);
		a->title = a->sex == 'F' ? "Mrs" : "Mr";
	}
	for (i = 0; i < fam->nadults; i++) {
		a = &fam->adults[i];
		a->person_id = g->next_person++;
		a->phone = prng_chance(r, 0.92);
		a->landline = prng_chance(r, 0.22);
		a->email = prng_chance(r, 0.55);
		if (i == 0 && !a->emergency)
			a->emergency = prng_chance(r, 0.3);
		if (o->language != NULL && prng_chance(r, 0.25))
			a->note = o->language;	/* interpreter: see loader */
		a->text = prng_next(r);
	}
}

static void
seed_family_addresses(struct seed_la *la, struct seed_family *fam,
    struct seed_fctx *fx, int oldest, struct prng *r)
{
	struct seed_address	*ad;
	int			 n, i, from, town;
	const char		*abroad;

	n = 1;
	if (prng_chance(r, 0.3))
		n++;
	if (prng_chance(r, 0.1))
		n++;
	from = fx->arrival != SEED_NO_DATE ? fx->arrival : oldest;
	town = (int)prng_below(r, (uint32_t)seed_places_town_count(la->index));
	for (i = 0; i < n; i++) {
		ad = &fam->addrs[fam->naddrs++];
		ad->kind = "home";
		ad->country = "GB";
		ad->town = prng_chance(r, 0.8) ? town : (int)prng_below(r,
		    (uint32_t)seed_places_town_count(la->index));
		ad->from = from;
		ad->text = prng_next(r);
		if (i + 1 < n) {
			ad->to = from + prng_range(r, 200, 900);
			if (ad->to > la->cal.first + 600)
				ad->to = from +
				    (la->cal.first + 600 - from) / 2;
			if (ad->to <= from)
				ad->to = from + 1;
			from = ad->to + 1;
		} else
			ad->to = SEED_NO_DATE;
	}
	ad = &fam->addrs[fam->naddrs - 1];
	if (prng_chance(r, 0.04))
		ad->kind = "temporary";
	/* A family that left: where they may have gone. */
	if (fx->deleted != SEED_NO_DATE && fx->ground == 'g' &&
	    prng_chance(r, 0.5)) {
		ad = &fam->addrs[fam->naddrs++];
		ad->kind = "forwarding";
		ad->from = fx->deleted + prng_range(r, 1, 20);
		ad->to = SEED_NO_DATE;
		ad->town = -1;
		ad->text = prng_next(r);
		abroad = seed_places_abroad(r, fam->origin->country);
		if (abroad != NULL && prng_chance(r, 0.7)) {
			ad->place = abroad;
			ad->country = fam->origin->country;
		} else {
			ad->place = seed_places_elsewhere(r);
			ad->country = "GB";
		}
	}
}

static void
seed_family_names(struct seed_family *fam, struct seed_child *c,
    struct prng *r)
{
	const struct seed_origin	*o = fam->origin;
	const struct seed_origin	*british = seed_names_origin(0);
	const struct seed_given		*g, *m;
	const struct seed_surname	*s = fam->surname, *other;
	struct seed_alias		*al;
	int				 i, tries;
	bool				 cme, clash;

	cme = c->plan.kind == SEED_KIND_CME || c->plan.kind ==
	    SEED_KIND_CME_NEW;
	/* Siblings do not share a forename. */
	for (tries = 0; tries < 6; tries++) {
		g = seed_names_given(r, o != british && prng_chance(r, 0.1) ?
		    british : o, c->sex);
		clash = false;
		for (i = 0; &fam->kids[i] != c && !clash; i++)
			clash = strcmp(fam->kids[i].forename, g->name) == 0;
		if (!clash)
			break;
	}
	m = seed_names_middle(r, o, c->sex);
	if (m == g)
		m = NULL;
	other = seed_names_surname(r, o);
	c->forename = g->name;
	c->middle = m != NULL ? m->name : NULL;
	c->surname = seed_names_surname_form(c->step ? other : s, c->sex,
	    false);

	/* Preferred names. */
	if (seed_names_nickname(c->forename) != NULL && prng_chance(r, 0.25))
		c->pref_forename = seed_names_nickname(c->forename);
	if ((o->flags & SEED_ORIGIN_HAN) && prng_chance(r, 0.35)) {
		if (g->native != NULL)
			c->pref_forename = g->native;
		else if (m != NULL && m->native != NULL)
			c->pref_forename = m->native;
		if (c->pref_forename != NULL)
			c->pref_surname = s->native;
	} else if ((o->flags & SEED_ORIGIN_ENGLISH) && prng_chance(r, 0.2))
		c->pref_forename = seed_names_english(r, c->sex);
	if (c->step && prng_chance(r, 0.4))
		c->pref_surname = seed_names_surname_form(s, c->sex, false);

	/* Former names and aliases. */
	if (prng_chance(r, c->step ? 0.2 : 0.015)) {
		al = &c->aliases[c->naliases++];
		al->kind = "former";
		al->forename = c->forename;
		al->surname = seed_names_surname_form(c->step ? s : other,
		    c->sex, false);
		if (strcmp(al->surname, c->surname) == 0)
			al->surname = seed_names_surname_form(
			    seed_names_surname(r, british), c->sex, false);
		al->valid_from = c->dob;
		al->valid_to = c->dob + prng_range(r, 700, 3000);
		al->note = prng_chance(r, 0.5) ? "Change of name by deed poll" :
		    "Took a step-parent's surname";
	}
	if ((!seed_names_is_ascii(c->forename) ||
	    !seed_names_is_ascii(c->surname)) && prng_chance(r, 0.2)) {
		al = &c->aliases[c->naliases++];
		al->kind = "alias";
		al->plain = true;
		al->valid_from = al->valid_to = SEED_NO_DATE;
		al->note = "Spelling without diacritics, from a previous "
		    "school's MIS";
	}
	if ((o->flags & SEED_ORIGIN_CYRILLIC) && g->native != NULL &&
	    s->native != NULL && prng_chance(r, 0.4)) {
		al = &c->aliases[c->naliases++];
		al->kind = "alias";
		al->forename = g->native;
		al->surname = s->native;
		al->valid_from = al->valid_to = SEED_NO_DATE;
		al->note = "Name in Cyrillic, as on the passport";
	}
	if ((o->flags & SEED_ORIGIN_HAN) && c->pref_surname == NULL &&
	    s->native != NULL && prng_chance(r, 0.2) &&
	    c->naliases < SEED_MAX_ALIASES) {
		al = &c->aliases[c->naliases++];
		al->kind = "alias";
		al->forename = g->native != NULL ? g->native :
		    m != NULL ? m->native : NULL;
		al->surname = s->native;
		al->valid_from = al->valid_to = SEED_NO_DATE;
		al->note = "Chinese name";
	}
	if (prng_chance(r, cme ? 0.2 : 0.008) &&
	    c->naliases < SEED_MAX_ALIASES) {
		al = &c->aliases[c->naliases++];
		al->kind = "alias";
		al->forename = seed_names_given(r, o, c->sex)->name;
		al->surname = c->surname;
		al->valid_from = al->valid_to = SEED_NO_DATE;
		al->note = cme ? "Name given by a neighbour during enquiries" :
		    "Known by this name at a previous school";
	}
}

/*
 * The school history of a child: Reception (or arrival), the move to
 * secondary school, the odd move between schools, and what the plan says
 * happened: a deletion, a return to a roll, home education.
 */
static void
seed_family_history(struct seed_gen *g, struct seed_la *la,
    struct seed_child *c, struct seed_fctx *fx, struct prng *r)
{
	struct seed_world		*w = g->w;
	struct seed_enrol		*e;
	const struct seed_school	*p, *s, *n;
	struct seed_la			*other;
	int				 reception, y7, y6end, entry, limit;
	int				 move, i, d, idx, k;
	bool				 in_year;
	char				 ground;

	reception = la->year_start[c->year];
	y7 = c->year >= 7 ? la->year_start[c->year - 7] : SEED_NO_DATE;
	y6end = c->year >= 7 ? la->year_end[c->year - 6] : SEED_NO_DATE;
	entry = reception;
	in_year = false;
	if (fx->arrival != SEED_NO_DATE && fx->arrival > reception) {
		entry = seed_family_day(la, r, fx->arrival + 5,
		    fx->arrival + 40);
		in_year = true;
	}
	if (entry >= w->as_of)
		entry = seed_family_day(la, r, w->as_of - 15, w->as_of - 1);

	/* What the plan says, as a last day on roll (limit). */
	limit = SEED_NO_DATE;
	ground = 0;
	switch (c->plan.kind) {
	case SEED_KIND_CME:
	case SEED_KIND_CME_NEW:
		if (fx->never)
			return;
		limit = fx->deleted;
		ground = fx->ground;
		break;
	case SEED_KIND_EHE:
		idx = seed_family_back(la, r, 10, 300);
		limit = seed_family_idx_day(la, idx);
		ground = 'f';
		break;
	case SEED_KIND_PAST_CASE:
		idx = seed_family_back(la, r, 90, 200);
		limit = seed_family_idx_day(la, idx);
		ground = prng_chance(r, 0.5) ? 'i' : prng_chance(r, 0.5) ?
		    'h' : 'g';
		k = idx + prng_range(r, 15, 60);
		fx->resettle = seed_family_idx_day(la, k);
		break;
	case SEED_KIND_STREAK:
		c->tail = SEED_TAIL_STREAK;
		c->tail_days = prng_range(r, 10, 19);
		break;
	case SEED_KIND_SICK:
		c->sick_days = prng_range(r, 15, 22);
		break;
	default:
		break;
	}
	if (limit != SEED_NO_DATE && entry > limit - 40) {
		if (reception < limit - 40)
			entry = reception;	/* it was the family's move */
		else
			return;			/* never started school */
	}

	/* The phases. */
	p = seed_family_school(la, 'P', NULL, r);
	s = seed_family_school(la, 'S', NULL, r);
	if (fx->from == 3 && in_year) {
		/* From the other demo LA: its school is in cme.school. */
		other = &w->la[1 - la->index];
		n = c->year >= 7 && fx->arrival > y7 ?
		    seed_family_school(other, 'S', NULL, r) :
		    seed_family_school(other, 'P', NULL, r);
		d = fx->arrival - 1;
		if (d > reception) {
			seed_family_enrol(c, n, reception, d, false);
			c->enrol[0].ground = 'a';
			c->enrol[0].destination = 0;	/* set below */
		}
	}
	if (c->year >= 7 && entry <= y6end) {
		seed_family_enrol(c, p, entry, y6end, in_year);
		c->enrol[c->nenrol - 1].destination = s->laestab;
		seed_family_enrol(c, s, y7, SEED_NO_DATE, false);
	} else if (c->year >= 7 && entry < y7)
		seed_family_enrol(c, s, y7, SEED_NO_DATE, false);
	else
		seed_family_enrol(c, c->year >= 7 ? s : p, entry, SEED_NO_DATE,
		    in_year);
	if (c->nenrol >= 2 && c->enrol[0].ground == 'a')
		c->enrol[0].destination = c->enrol[1].school->laestab;

	/* A move between schools now and then, some of them this year. */
	move = SEED_NO_DATE;
	if (prng_chance(r, 0.08)) {
		e = &c->enrol[c->nenrol - 1];
		d = limit != SEED_NO_DATE ? limit - 30 : w->as_of - 10;
		if (prng_chance(r, 0.35))
			move = seed_family_day(la, r,
			    la->years[1].terms[0].starts, d);
		else
			move = seed_family_day(la, r, e->starts + 30, d);
		if (move > e->starts + 20 && move < d) {
			n = seed_family_school(la, e->school->phase, e->school,
			    r);
			e->ends = seed_family_day(la, r, move - 3, move - 1);
			if (e->ends < e->starts)
				e->ends = e->starts;
			e->ground = 'a';
			e->destination = n->laestab;
			seed_family_enrol(c, n, move, SEED_NO_DATE, true);
		}
	}

	/* Cut the history at the last day on roll. */
	if (limit != SEED_NO_DATE) {
		for (i = 0; i < c->nenrol; i++) {
			e = &c->enrol[i];
			if (e->starts > limit) {
				c->nenrol = i;
				break;
			}
			if (e->ends == SEED_NO_DATE || e->ends >= limit) {
				e->ends = limit;
				e->ground = ground;
				e->destination = 0;
				if (fx->known_dest && ground == 'a')
					e->destination = fx->other_la * 10000 +
					    2000 + prng_range(r, 1, 999);
				c->nenrol = i + 1;
				break;
			}
		}
		c->deleted = limit;
		c->ground = ground;
		switch (ground) {
		case 'i':
			c->tail = SEED_TAIL_MISSING;
			c->tail_days = prng_range(r, 20, 26);
			break;
		case 'h':
			c->tail = SEED_TAIL_LEAVE;
			c->tail_days = prng_range(r, 10, 13);
			break;
		case 'g':
			c->tail = SEED_TAIL_MOVED;
			c->tail_days = prng_range(r, 2, 8);
			break;
		default:
			break;
		}
	}
	if (c->plan.kind == SEED_KIND_EHE) {
		c->ehe = prng_chance(r, 0.6) ? "suitable" :
		    prng_chance(r, 0.6) ? "assessing" : "notified";
		c->tail = SEED_TAIL_NONE;
	}
	if (c->plan.kind == SEED_KIND_PAST_CASE && c->nenrol > 0) {
		e = &c->enrol[c->nenrol - 1];
		n = seed_family_school(la, e->school->phase, e->school, r);
		seed_family_enrol(c, n, fx->resettle, SEED_NO_DATE, true);
	}
}

static void
seed_family_upn(struct seed_gen *g, struct seed_la *la, struct seed_child *c,
    struct seed_fctx *fx, struct prng *r)
{
	char	 body[32];
	int	 issuer, estab, y, m, d, serial, issued, letter;
	uint32_t key;

	c->upn[0] = c->former_upn[0] = '\0';
	if (c->nenrol == 0 && fx->from != 2)
		return;				/* no English school yet */
	if (c->nenrol > 0) {
		issued = c->enrol[0].starts;
		issuer = c->enrol[0].school->laestab / 10000;
		estab = c->enrol[0].school->laestab % 10000;
	} else {
		issued = la->year_start[c->year];
		issuer = fx->other_la;
		estab = 2000 + prng_range(r, 1, 999);
	}
	if (fx->from == 2) {			/* issued by another LA */
		issued = la->year_start[c->year];
		issuer = fx->other_la;
		estab = (c->year >= 7 && fx->arrival >
		    la->year_start[c->year - 7] ? 4000 : 2000) +
		    prng_range(r, 1, 999);
	}
	date_to_ymd(issued, &y, &m, &d);
	for (;;) {
		key = (uint32_t)(issuer * 1000000 + estab * 100 + y % 100);
		serial = seed_family_serial(&g->upns, key);
		if (serial <= 999)
			break;
		estab = estab % 1000 == 999 ? estab - 998 : estab + 1;
	}
	upn_make(c->upn, issuer, estab, y % 100, serial);

	/* Some arrivals had a temporary UPN first; a few a duplicate. */
	if ((c->from_abroad && prng_chance(r, 0.35)) || prng_chance(r, 0.01)) {
		key = (uint32_t)(issuer * 1000000 + estab * 100 + y % 100) |
		    0x80000000u;
		serial = seed_family_serial(&g->upns, key);
		letter = (serial / 100) % 23;
		snprintf(body, sizeof body, "%03u%04u%02u%02u",
		    (unsigned)issuer % 1000, (unsigned)estab % 10000,
		    (unsigned)y % 100, (unsigned)serial % 100);
		body[11] = "ABCDEFGHJKLMNPQRTUVWXYZ"[letter];
		c->former_upn[0] = upn_check_letter(body);
		memcpy(c->former_upn + 1, body, 12);
		c->former_upn[UPN_LEN] = '\0';
		c->former_noted = issued + prng_range(r, 20, 200);
		if (c->former_noted >= g->w->as_of)
			c->former_noted = g->w->as_of - 1;
		c->former_source = "Temporary UPN replaced when the CTF "
		    "arrived";
	}
}

/* A date after a referral, clamped to before the as-of day. */
static int
seed_family_before(const struct seed_world *w, int day)
{
	return (day >= w->as_of ? w->as_of - 1 : day);
}

static void
seed_family_cases(struct seed_gen *g, struct seed_la *la,
    struct seed_family *fam, struct seed_child *c, struct seed_fctx *fx,
    struct prng *r)
{
	static const char *const other_sources[] = {
		"parent", "parent", "other_la", "other_la", "housing",
		"health", "public", "police", "social_care", "other",
	};
	struct seed_world	*w = g->w;
	struct seed_case	*k;
	int			 sup, team, ref, i, lo, d;
	double			 u;
	const char		*out;

	(void)fam;
	if (c->plan.kind != SEED_KIND_CME && c->plan.kind !=
	    SEED_KIND_PAST_CASE)
		return;

	/* An earlier episode, closed: found back on a roll. */
	if (c->plan.repeat && c->nenrol > 0 &&
	    c->enrol[0].starts < w->as_of - 700) {
		k = &c->cases[c->ncases++];
		k->case_id = g->next_case++;
		k->status = SEED_ST_CLOSED;
		k->source = "school";
		k->reason = "whereabouts_unknown";
		k->assignee = seed_family_caseworker(la->la_code, r);
		k->team = seed_world_staff(k->assignee)->team;
		k->referred_on = seed_family_day(la, r, c->enrol[0].starts + 60,
		    w->as_of - 500);
		k->located_on = k->referred_on + prng_range(r, 10, 60);
		k->outcome = "on_roll";
		k->requested_by = k->assignee;
		k->requested_on = k->located_on + prng_range(r, 1, 10);
		k->decided_by = seed_family_supervisor(la->la_code, k->team);
		k->decided_on = k->requested_on + prng_range(r, 0, 5);
		k->approved = true;
		k->closed_on = k->decided_on;
		k->escalated_on = SEED_NO_DATE;
		k->ncontacts = prng_range(r, 4, 8);
		k->text = prng_next(r);
	}

	k = &c->cases[c->ncases++];
	memset(k, 0, sizeof *k);
	k->case_id = g->next_case++;
	k->status = (enum seed_status)c->plan.status;
	k->assignee = c->plan.assignee - 1;
	k->text = prng_next(r);
	k->located_on = k->closed_on = k->escalated_on = SEED_NO_DATE;
	k->requested_by = k->decided_by = -1;
	k->requested_on = k->decided_on = SEED_NO_DATE;
	team = k->assignee >= 0 ? seed_world_staff(k->assignee)->team : -1;
	if (team < 0)
		team = (int)prng_below(r, (uint32_t)(la->nteams > 1 ? 2 : 1));
	k->team = team;
	c->team = team;

	/* When it came to the LA, and from whom. */
	if (c->deleted != SEED_NO_DATE) {
		if (c->ground == 'i' || c->ground == 'h') {
			/* The school refers after 10 days; the deletion
			 * follows the joint enquiries. */
			ref = c->deleted - 14 - prng_range(r, 0, 10);
			k->source = prng_chance(r, 0.6) ? "school" :
			    "register_return";
		} else {
			ref = c->deleted + prng_range(r, 0, 5);
			k->source = "register_return";
		}
	} else if (fx->never) {
		ref = (fx->arrival != SEED_NO_DATE ? fx->arrival :
		    w->as_of - 60) + prng_range(r, 3, 40);
		k->source = other_sources[prng_below(r,
		    (uint32_t)NELEM(other_sources))];
	} else {
		/* Of school age but never started: the admissions team. */
		ref = w->as_of - prng_range(r, 10, 120);
		k->source = prng_chance(r, 0.5) ? "other" : "parent";
	}
	k->referred_on = seed_family_day(la, r, seed_family_before(w, ref),
	    seed_family_before(w, ref + 3));
	if (k->referred_on >= w->as_of)
		k->referred_on = w->as_of - 1;

	switch (c->ground) {
	case 'g':
		k->reason = prng_chance(r, 0.5) ? "moved_abroad" :
		    "whereabouts_unknown";
		break;
	case 'f':
		k->reason = "ehe_unsuitable";
		c->ehe = "unsuitable";
		break;
	case 'a':
		k->reason = prng_chance(r, 0.7) ? "whereabouts_unknown" :
		    "other";
		break;
	case 'h':
	case 'i':
		k->reason = "whereabouts_unknown";
		break;
	default:
		k->reason = fx->never && prng_chance(r, 0.6) ?
		    "application_awaiting" : "offered_not_started";
		break;
	}
	if (k->status == SEED_ST_REFERRED && prng_chance(r, 0.3))
		k->reason = NULL;

	lo = k->referred_on;
	sup = seed_family_supervisor(la->la_code, team);
	switch (k->status) {
	case SEED_ST_REFERRED:
		k->ncontacts = prng_range(r, 0, 2);
		break;
	case SEED_ST_ENQUIRIES:
		k->ncontacts = prng_range(r, 2, 7);
		if (k->assignee >= 0 && prng_chance(r, 0.06)) {
			/* A closure the supervisor sent back. */
			k->outcome = "not_located";
			k->requested_by = k->assignee;
			d = lo + prng_range(r, 10, 40);
			k->requested_on = seed_family_before(w, d);
			k->decided_by = sup;
			k->decided_on = seed_family_before(w, k->requested_on +
			    prng_range(r, 0, 3));
			k->approved = false;
		}
		break;
	case SEED_ST_LOCATED:
		k->ncontacts = prng_range(r, 4, 9);
		d = lo + prng_range(r, 5, 60);
		k->located_on = seed_family_before(w, d);
		u = prng_double(r);
		k->outcome = u < 0.5 ? "on_roll" : u < 0.75 ? "moved_other_la" :
		    u < 0.9 ? "moved_abroad" : "ehe_suitable";
		if (k->assignee >= 0 && prng_chance(r, 0.6)) {
			k->requested_by = k->assignee;
			k->requested_on = seed_family_before(w, k->located_on +
			    prng_range(r, 1, 10));
		}
		break;
	case SEED_ST_ESCALATED:
		k->ncontacts = prng_range(r, 4, 10);
		d = lo + prng_range(r, 10, 40);
		k->escalated_on = seed_family_before(w, d);
		break;
	case SEED_ST_TRANSFERRED:
		k->ncontacts = prng_range(r, 3, 6);
		k->transfer_la = seed_other_las[prng_below(r,
		    (uint32_t)NELEM(seed_other_las))];
		break;
	case SEED_ST_CLOSED:
		k->ncontacts = prng_range(r, 5, 12);
		u = prng_double(r);
		out = u < 0.35 ? "moved_abroad" : u < 0.55 ? "moved_other_la" :
		    u < 0.75 ? "not_located" : c->year == 11 && u < 0.8 ?
		    "ceased_csa" : "on_roll";
		if (c->plan.kind == SEED_KIND_PAST_CASE)
			out = "on_roll";
		k->outcome = out;
		if (strcmp(out, "not_located") != 0 &&
		    strcmp(out, "ceased_csa") != 0)
			k->located_on = seed_family_before(w,
			    lo + prng_range(r, 5, 70));
		if (c->plan.kind == SEED_KIND_PAST_CASE &&
		    fx->resettle != SEED_NO_DATE && fx->resettle > lo)
			k->located_on = fx->resettle;
		k->requested_by = k->assignee >= 0 ? k->assignee :
		    seed_family_caseworker(la->la_code, r);
		d = k->located_on;
		if (d == SEED_NO_DATE)
			d = lo + prng_range(r, 40, 90);
		d += prng_range(r, 1, 10);
		k->requested_on = seed_family_before(w, d);
		k->decided_by = sup;
		if (k->decided_by == k->requested_by)
			k->decided_by = seed_world_find_staff(la->la_code,
			    "supervisor", 1);
		k->decided_on = seed_family_before(w, k->requested_on +
		    prng_range(r, 0, 4));
		k->approved = true;
		k->closed_on = k->decided_on;
		break;
	case SEED_ST_NONE:
		break;
	}
	if (k->located_on != SEED_NO_DATE && k->located_on < lo)
		k->located_on = lo;

	/* Found back on a roll: the new school. */
	if (k->outcome != NULL && strcmp(k->outcome, "on_roll") == 0 &&
	    k->located_on != SEED_NO_DATE && c->plan.kind == SEED_KIND_CME &&
	    (k->status == SEED_ST_LOCATED || k->status == SEED_ST_CLOSED)) {
		i = c->nenrol > 0 ? c->enrol[c->nenrol - 1].ends : lo;
		if (k->located_on > i)
			seed_family_enrol(c, seed_family_school(la,
			    c->year >= 7 ? 'S' : 'P', c->nenrol > 0 ?
			    c->enrol[c->nenrol - 1].school : NULL, r),
			    k->located_on, SEED_NO_DATE, true);
	}
}
