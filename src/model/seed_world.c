/*
 * seed_world.c — the demo LAs, their schools, teams, staff and calendars.
 *
 * Owns the static staff table (the login roles the demo creates) and, per
 * LA, the school list, the two-year school-day calendar and the plan
 * arrays. Schools scale with the pupils asked for: 12-20 per LA, or one
 * per 750 children when that is more, so that UPN serials (999 per school
 * and year) never run out. Establishment numbers follow the DfE pattern:
 * 2xxx primary, 4xxx secondary (3xxx and 5xxx only when an LA needs more
 * than 999 of a phase).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/seed_world.h"

#include "model/seed.h"

#include "util/date.h"
#include "util/prng.h"
#include "util/xmalloc.h"

#define NELEM(a)	((int)(sizeof(a) / sizeof((a)[0])))

/*
 * The demo staff. alex is a caseworker in 830 and sam supervises alex's
 * team; casey is a caseworker in 886. The others keep team queues, the
 * admin screens and the audit views from being empty. Every role is a
 * plain lower-case identifier; seed.c still quotes them.
 */
static const struct seed_staff seed_staff_table[] = {
	{ 830, "alex", "Alex Turner", "caseworker", "cme_caseworker", 0,
	  "alex.turner@derbyshire.example.org" },
	{ 830, "priya", "Priya Chauhan", "caseworker", "cme_caseworker", 0,
	  "priya.chauhan@derbyshire.example.org" },
	{ 830, "rhys", "Rhys Evans", "caseworker", "cme_caseworker", 1,
	  "rhys.evans@derbyshire.example.org" },
	{ 830, "sam", "Sam Whitfield", "supervisor", "cme_supervisor", 0,
	  "sam.whitfield@derbyshire.example.org" },
	{ 830, "jo", "Jo Bennett", "supervisor", "cme_supervisor", 1,
	  "jo.bennett@derbyshire.example.org" },
	{ 830, "robin", "Robin Hale", "admin", "cme_admin", -1,
	  "robin.hale@derbyshire.example.org" },
	{ 830, "ash", "Ash Okafor", "auditor", "cme_auditor", -1,
	  "ash.okafor@derbyshire.example.org" },
	{ 886, "casey", "Casey Adeyemi", "caseworker", "cme_caseworker", 0,
	  "casey.adeyemi@kent.example.org" },
	{ 886, "kim", "Kim Nowak", "caseworker", "cme_caseworker", 1,
	  "kim.nowak@kent.example.org" },
	{ 886, "taylor", "Taylor Reid", "supervisor", "cme_supervisor", 0,
	  "taylor.reid@kent.example.org" },
	{ 886, "morgan", "Morgan Price", "admin", "cme_admin", -1,
	  "morgan.price@kent.example.org" },
	{ 886, "noor", "Noor Rahman", "auditor", "cme_auditor", -1,
	  "noor.rahman@kent.example.org" },
};

static const struct {
	int		 la_code;
	const char	*name;
	const char	*teams[SEED_MAX_TEAMS];
} seed_las[SEED_LAS] = {
	{ 830, "Derbyshire", { "CME North Derbyshire", "CME South Derbyshire",
	    "Education Welfare" } },
	{ 886, "Kent", { "CME East Kent", "CME West Kent", NULL } },
};

static void	 seed_world_schools(struct seed_world *, struct seed_la *);
static uint64_t	 seed_world_mix(uint64_t);

/*
 * The generated officers of a large LA 830 (seed_world_init, large):
 * mostly caseworkers, a supervisor per ten of them, a few admins, spread
 * over the LA's teams. Their strings live in seed_extra_text. A seed is
 * one run of one command, so one static table is enough.
 */
#define SEED_EXTRA_MAX	SEED_LARGE_STAFF
static struct seed_staff seed_extra[SEED_EXTRA_MAX];
static char	 seed_extra_text[SEED_EXTRA_MAX][3][64];
static int	 seed_nextra;

static const char *const seed_extra_fore[] = {
	"Jordan", "Hannah", "Imran", "Chloe", "Tom", "Aisha", "Gareth",
	"Mei", "Owen", "Zara", "Liam", "Femi", "Ruth", "Dev", "Nia", "Piotr",
};
static const char *const seed_extra_sur[] = {
	"Ellis", "Patel", "Hughes", "Mensah", "Kowalski", "Brooks", "Iqbal",
	"Shaw", "Lloyd", "Osei", "Marsh", "Fraser", "Khan", "Wood", "Begum",
	"Doyle", "Reilly", "Lin", "Parry",
};

static void
seed_world_extra_staff(int have)
{
	struct seed_staff	*st;
	int			 i, n;

	n = SEED_LARGE_STAFF - have;
	if (n > SEED_EXTRA_MAX)
		n = SEED_EXTRA_MAX;
	for (i = 0; i < n; i++) {
		st = &seed_extra[i];
		st->la_code = 830;
		if (i % 11 == 10) {
			st->kind = "supervisor";
			st->group = "cme_supervisor";
		} else if (i % 47 == 46) {
			st->kind = "admin";
			st->group = "cme_admin";
		} else {
			st->kind = "caseworker";
			st->group = "cme_caseworker";
		}
		st->team = strcmp(st->kind, "admin") == 0 ? -1 : i % 3;
		snprintf(seed_extra_text[i][0], sizeof seed_extra_text[i][0],
		    "officer%03d", i + 1);
		snprintf(seed_extra_text[i][1], sizeof seed_extra_text[i][1],
		    "%s %s", seed_extra_fore[i % NELEM(seed_extra_fore)],
		    seed_extra_sur[i % NELEM(seed_extra_sur)]);
		snprintf(seed_extra_text[i][2], sizeof seed_extra_text[i][2],
		    "officer%03d@derbyshire.example.org", i + 1);
		st->role = seed_extra_text[i][0];
		st->display_name = seed_extra_text[i][1];
		st->email = seed_extra_text[i][2];
	}
	seed_nextra = n > 0 ? n : 0;
}

int
seed_world_staff_count(void)
{
	return (NELEM(seed_staff_table) + seed_nextra);
}

const struct seed_staff *
seed_world_staff(int i)
{
	if (i >= NELEM(seed_staff_table))
		return (&seed_extra[i - NELEM(seed_staff_table)]);
	return (&seed_staff_table[i]);
}

int
seed_world_find_staff(int la_code, const char *kind, int n)
{
	const struct seed_staff	*st;
	int			 i;

	for (i = 0; i < seed_world_staff_count(); i++) {
		st = seed_world_staff(i);
		if (st->la_code == la_code && strcmp(st->kind, kind) == 0 &&
		    n-- == 0)
			return (i);
	}
	return (-1);
}

static uint64_t
seed_world_mix(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

void
seed_world_rng(const struct seed_world *w, struct prng *r, int la_code,
    int stream, uint64_t index)
{
	uint64_t	 k;

	k = seed_world_mix(w->seed);
	k = seed_world_mix(k ^ ((uint64_t)la_code << 8 | (uint64_t)stream));
	k = seed_world_mix(k ^ index);
	prng_seed(r, k);
}

int
seed_world_school_day(const struct seed_la *la, struct prng *r, int from,
    int to)
{
	int	 lo, hi;

	if (to < from)
		return (-1);
	lo = calendar_school_days_between(&la->cal, la->cal.first - 1,
	    from - 1);
	hi = calendar_school_days_between(&la->cal, la->cal.first - 1, to);
	if (hi <= lo)
		return (-1);
	return (la->cal.school[lo + (int)prng_below(r, (uint32_t)(hi - lo))]);
}

int
seed_world_weekday(struct prng *r, int from, int to)
{
	int	 d;

	if (to < from)
		to = from;
	d = prng_range(r, from, to);
	while (date_weekday(d) >= 5)
		d -= 1;
	return (d < from ? from + (7 - date_weekday(from)) % 7 : d);
}

static void
seed_world_schools(struct seed_world *w, struct seed_la *la)
{
	struct prng		 r;
	struct seed_school	*s;
	const struct seed_town	*t;
	int			 n, i, j, tries, estab, gap, polling, spring;
	bool			 clash;

	seed_world_rng(w, &r, la->la_code, SEED_RNG_WORLD, 1);
	n = 12 + (int)prng_below(&r, 9);
	if (la->nchildren / 750 > n)
		n = la->nchildren / 750;
	if (n > 3990)
		n = 3990;
	la->nschools = n;
	la->nprimary = (n * 74 + 50) / 100;
	if (n - la->nprimary < 2)
		la->nprimary = n - 2;
	la->schools = xcalloc((size_t)n, sizeof *la->schools);

	polling = 0;
	for (i = 1; i <= 7; i++) {	/* first Thursday of May: elections */
		polling = date_from_ymd(w->academic_year + 1, 5, i);
		if (date_weekday(polling) == 3)
			break;
	}
	spring = la->years[1].terms[1].starts;

	for (i = 0; i < n; i++) {
		s = &la->schools[i];
		s->phase = i < la->nprimary ? 'P' : 'S';
		/* Spread estab numbers over the range with small gaps. */
		j = s->phase == 'P' ? i : i - la->nprimary;
		gap = (s->phase == 'P' ? la->nprimary : n - la->nprimary);
		gap = gap < 999 ? 999 / gap : 1;
		estab = (s->phase == 'P' ? 2000 : 4000) + 1 + j * gap +
		    (gap > 1 ? (int)prng_below(&r, (uint32_t)gap) : 0);
		if (estab % 1000 == 0)
			estab++;
		s->laestab = la->la_code * 10000 + estab;
		s->urn = la->la_code * 10000 + i + 1;
		for (tries = 0; ; tries++) {
			seed_places_school(&r, la->index, s->phase, s->name,
			    sizeof s->name);
			if (tries > 20) {
				t = seed_places_town(la->index, (int)prng_below(
				    &r, (uint32_t)seed_places_town_count(
				    la->index)));
				snprintf(s->name + strlen(s->name),
				    sizeof s->name - strlen(s->name),
				    " %s %d", t->name, i + 1);
			}
			clash = false;
			for (j = 0; j < i && !clash; j++)
				clash = strcmp(la->schools[j].name,
				    s->name) == 0;
			if (!clash)
				break;
		}
		if (strstr(s->name, "Academy") != NULL ||
		    strstr(s->name, "Grammar") != NULL)
			s->governance = "academy";
		else if (s->phase == 'S')
			s->governance = prng_chance(&r, 0.6) ? "academy" :
			    "maintained";
		else
			s->governance = prng_chance(&r, 0.35) ? "academy" :
			    "maintained";
		s->town = (int)prng_below(&r,
		    (uint32_t)seed_places_town_count(la->index));
		seed_places_postcode(&r, seed_places_town(la->index, s->town),
		    s->postcode);
		s->closed_day = -1;
		s->closed_code = SEED_MARK_SITE;
		if (s->phase == 'P' && prng_chance(&r, 0.2) &&
		    calendar_is_school_day(&la->cal, polling)) {
			s->closed_day = polling;	/* a polling station */
			s->closed_code = SEED_MARK_CLOSED;
		} else if (prng_chance(&r, 0.05)) {
			s->closed_day = seed_world_school_day(la, &r, spring,
			    spring + 55);		/* snow */
			s->closed_code = SEED_MARK_SITE;
		}
	}
}

void
seed_world_init(struct seed_world *w)
{
	struct seed_la	*la;
	struct seed_year y;
	int		 i, k, t;

	long long	 next_child;
	int		 have;

	w->academic_year = seed_calendar_academic_year(w->as_of);
	seed_nextra = 0;
	if (w->large) {
		for (i = have = 0; i < NELEM(seed_staff_table); i++)
			have += seed_staff_table[i].la_code == 830;
		seed_world_extra_staff(have);
	}
	next_child = w->base_child;
	for (i = 0; i < SEED_LAS; i++) {
		la = &w->la[i];
		memset(la, 0, sizeof *la);
		la->index = i;
		la->la_code = seed_las[i].la_code;
		la->name = seed_las[i].name;
		la->nchildren = w->large && i > 0 ? SEED_DEFAULT_PUPILS :
		    w->pupils;
		la->first_child_id = next_child;
		next_child += la->nchildren;
		for (t = 0; t < SEED_MAX_TEAMS && seed_las[i].teams[t] != NULL;
		    t++) {
			la->teams[t].team_id = w->base_team + i * SEED_MAX_TEAMS
			    + t;
			la->teams[t].name = seed_las[i].teams[t];
		}
		la->nteams = t;
		calendar_init(&la->cal);
		for (k = 0; k < 2; k++) {
			seed_calendar_year(&la->years[k],
			    w->academic_year - 1 + k, i);
			seed_calendar_add(&la->years[k], &la->cal);
			for (t = 0; t < SEED_CAL_TERMS; t++)
				la->term_id[k][t] = w->base_term + i * 6 +
				    k * 3 + t;
		}
		la->year_first = calendar_school_days_between(&la->cal,
		    la->cal.first - 1, la->years[1].terms[0].starts - 1);
		la->cutoff = calendar_school_days_between(&la->cal,
		    la->cal.first - 1, w->as_of - 1);
		for (k = 0; k < SEED_HISTORY_YEARS; k++) {
			seed_calendar_year(&y, w->academic_year - k, i);
			la->year_start[k] = y.terms[0].starts;
			while (seed_calendar_closure(&y, la->year_start[k]))
				la->year_start[k]++;	/* first pupil day */
			la->year_end[k] = y.terms[2].ends;
		}
		seed_world_schools(w, la);
	}
}

void
seed_world_release(struct seed_world *w)
{
	int	 i;

	for (i = 0; i < SEED_LAS; i++) {
		free(w->la[i].schools);
		free(w->la[i].plan);
		free(w->la[i].family_size);
		free(w->la[i].att);
		calendar_release(&w->la[i].cal);
		memset(&w->la[i], 0, sizeof w->la[i]);
	}
	seed_nextra = 0;
}
