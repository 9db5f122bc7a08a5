/*
 * seed_load.c — COPY passes for the organisation, people and attendance
 * tables of the seed.
 *
 * Owns the row layout of each table it loads: the column list of each
 * COPY and the emitter that frames a family's rows in that order. Every
 * timestamp is derived from the as-of date and the row's own dates, never
 * from the clock, so two runs with the same options load the same bytes.
 * The scratch space of the attendance pass (two arrays of one byte per
 * school day, one marks string) is allocated once per pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/seed_load.h"

#include "db/db.h"
#include "model/seed_cases.h"
#include "model/seed_copy.h"
#include "model/seed_family.h"
#include "model/seed_names.h"
#include "model/seed_places.h"
#include "model/seed_world.h"
#include "util/date.h"
#include "util/prng.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

/* Scratch for the attendance pass. */
struct seed_att_scratch {
	char		*am;		/* owned, one per school day */
	char		*pm;		/* owned */
	char		 marks[2 * 200 + 1];
};

static long	 seed_load_org(struct db *, struct seed_world *,
		     struct db_error *);
static void	 seed_emit_child(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_name(struct seed_copy *, struct seed_gen *, void *);
static void	 seed_emit_former(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_address(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_person(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_child_person(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_enrolment(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_attendance(struct seed_copy *, struct seed_gen *,
		     void *);
static int	 seed_load_created(const struct seed_world *,
		     const struct seed_child *);
static void	 seed_load_commas(long, char *, size_t);

long
seed_load_pass(struct db *db, struct seed_gen *g, const char *what,
    const char *copy_sql, seed_emit_fn emit, void *arg, FILE *out,
    struct db_error *err)
{
	struct seed_copy	 c;
	struct timespec		 t0, t1;
	long			 n;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (seed_copy_begin(&c, db, copy_sql, err) != 0)
		return (-1);
	seed_gen_start(g);
	while (seed_copy_ok(&c) && seed_gen_next(g))
		emit(&c, g, arg);
	if ((n = seed_copy_end(&c)) >= 0 && out != NULL) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		fprintf(out, "  %ld %s (%.1f s)\n", n, what,
		    (double)(t1.tv_sec - t0.tv_sec) +
		    (t1.tv_nsec - t0.tv_nsec) / 1e9);
		fflush(out);
	}
	return (n);
}

/* The day the LA first recorded a child. */
static int
seed_load_created(const struct seed_world *w, const struct seed_child *c)
{
	int	 d = w->as_of - 1;

	if (c->nenrol > 0 && c->enrol[0].starts < d)
		d = c->enrol[0].starts;
	if (c->ncases > 0 && c->cases[0].referred_on < d)
		d = c->cases[0].referred_on;
	if (c->arrived != SEED_NO_DATE && c->arrived + 1 < d &&
	    c->nenrol == 0)
		d = c->arrived + 1;
	return (d);
}

/* ---- organisation: schools, teams, staff, terms ---- */

static long
seed_load_org(struct db *db, struct seed_world *w, struct db_error *err)
{
	struct seed_copy		 c;
	const struct seed_staff		*st;
	const struct seed_year		*y;
	struct seed_la			*la;
	long				 n, total = 0;
	int				 l, i, k, t;

	if (seed_copy_begin(&c, db, "COPY cme.school (laestab, la_code, urn, "
	    "name, phase, governance, postcode) FROM STDIN", err) != 0)
		return (-1);
	for (l = 0; l < SEED_LAS; l++) {
		la = &w->la[l];
		for (i = 0; i < la->nschools; i++) {
			seed_copy_int(&c, la->schools[i].laestab);
			seed_copy_int(&c, la->la_code);
			seed_copy_int(&c, la->schools[i].urn);
			seed_copy_str(&c, la->schools[i].name);
			seed_copy_str(&c, la->schools[i].phase == 'P' ?
			    "primary" : "secondary");
			seed_copy_str(&c, la->schools[i].governance);
			seed_copy_str(&c, la->schools[i].postcode);
			seed_copy_end_row(&c);
		}
	}
	if ((n = seed_copy_end(&c)) < 0)
		return (-1);
	total += n;

	if (seed_copy_begin(&c, db, "COPY cme.team (la_code, team_id, name, "
	    "active) FROM STDIN", err) != 0)
		return (-1);
	for (l = 0; l < SEED_LAS; l++) {
		la = &w->la[l];
		for (t = 0; t < la->nteams; t++) {
			seed_copy_int(&c, la->la_code);
			seed_copy_int(&c, la->teams[t].team_id);
			seed_copy_str(&c, la->teams[t].name);
			seed_copy_bool(&c, true);
			seed_copy_end_row(&c);
		}
	}
	if ((n = seed_copy_end(&c)) < 0)
		return (-1);
	total += n;

	if (seed_copy_begin(&c, db, "COPY cme.staff (la_code, role_name, "
	    "team_id, display_name, kind, email, active, created_at, "
	    "updated_at) FROM STDIN", err) != 0)
		return (-1);
	for (i = 0; i < seed_world_staff_count(); i++) {
		st = seed_world_staff(i);
		la = &w->la[st->la_code == w->la[0].la_code ? 0 : 1];
		seed_copy_int(&c, st->la_code);
		seed_copy_str(&c, st->role);
		if (st->team >= 0)
			seed_copy_int(&c, la->teams[st->team].team_id);
		else
			seed_copy_null(&c);
		seed_copy_str(&c, st->display_name);
		seed_copy_str(&c, st->kind);
		seed_copy_str(&c, st->email);
		seed_copy_bool(&c, true);
		seed_copy_time(&c, la->years[0].terms[0].starts, 9 * 60);
		seed_copy_time(&c, la->years[0].terms[0].starts, 9 * 60);
		seed_copy_end_row(&c);
	}
	if ((n = seed_copy_end(&c)) < 0)
		return (-1);
	total += n;

	if (seed_copy_begin(&c, db, "COPY cme.term (la_code, term_id, "
	    "academic_year, name, starts, ends) FROM STDIN", err) != 0)
		return (-1);
	for (l = 0; l < SEED_LAS; l++) {
		la = &w->la[l];
		for (k = 0; k < 2; k++) {
			y = &la->years[k];
			for (t = 0; t < SEED_CAL_TERMS; t++) {
				seed_copy_int(&c, la->la_code);
				seed_copy_int(&c, la->term_id[k][t]);
				seed_copy_int(&c, y->academic_year);
				seed_copy_str(&c, y->terms[t].name);
				seed_copy_date(&c, y->terms[t].starts);
				seed_copy_date(&c, y->terms[t].ends);
				seed_copy_end_row(&c);
			}
		}
	}
	if ((n = seed_copy_end(&c)) < 0)
		return (-1);
	total += n;

	if (seed_copy_begin(&c, db, "COPY cme.non_school_day (la_code, day, "
	    "reason) FROM STDIN", err) != 0)
		return (-1);
	for (l = 0; l < SEED_LAS; l++) {
		la = &w->la[l];
		for (k = 0; k < 2; k++) {
			y = &la->years[k];
			for (i = 0; i < y->nclosures; i++) {
				seed_copy_int(&c, la->la_code);
				seed_copy_date(&c, y->closures[i].day);
				seed_copy_str(&c, y->closures[i].reason);
				seed_copy_end_row(&c);
			}
		}
	}
	if ((n = seed_copy_end(&c)) < 0)
		return (-1);
	return (total + n);
}

/* ---- people ---- */

static void
seed_emit_child(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	int			 i, created, updated;

	(void)arg;
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		created = seed_load_created(g->w, k);
		updated = created;
		if (k->deleted != SEED_NO_DATE && k->deleted > updated)
			updated = k->deleted;
		if (k->ncases > 0 &&
		    k->cases[k->ncases - 1].referred_on > updated)
			updated = k->cases[k->ncases - 1].referred_on;
		seed_copy_int(c, la->la_code);
		seed_copy_int(c, k->child_id);
		seed_copy_str(c, k->upn[0] != '\0' ? k->upn : NULL);
		seed_copy_str(c, k->forename);
		seed_copy_str(c, k->middle);
		seed_copy_str(c, k->surname);
		seed_copy_str(c, k->pref_forename);
		seed_copy_str(c, k->pref_surname);
		seed_copy_date(c, k->dob);
		seed_copy_bool(c, k->from_abroad && k->nenrol == 0);
		seed_copy_raw(c, &k->sex, 1);
		seed_copy_str(c, k->ehe);
		seed_copy_str(c, k->sen);
		seed_copy_bool(c, k->cin);
		seed_copy_bool(c, k->cp);
		seed_copy_bool(c, k->lac);
		seed_copy_bool(c, k->carer);
		seed_copy_bool(c, k->grt);
		seed_copy_bool(c, k->service);
		seed_copy_bool(c, k->restricted);
		if (k->team >= 0)
			seed_copy_int(c, la->teams[k->team].team_id);
		else
			seed_copy_null(c);
		seed_copy_time(c, created, 9 * 60 + (int)(k->child_id % 480));
		seed_copy_time(c, updated, 9 * 60 + (int)(k->child_id % 480));
		seed_copy_end_row(c);
	}
}

static void
seed_emit_name(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	struct seed_alias	*a;
	long long		*next = arg;
	char			 fore[128], sur[128];
	int			 i, j;

	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		for (j = 0; j < k->naliases; j++) {
			a = &k->aliases[j];
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, (*next)++);
			seed_copy_int(c, k->child_id);
			seed_copy_str(c, a->kind);
			if (a->plain) {
				seed_names_plain(k->forename, fore,
				    sizeof fore);
				seed_names_plain(k->surname, sur, sizeof sur);
				seed_copy_str(c, fore);
				seed_copy_str(c, sur);
			} else {
				seed_copy_str(c, a->forename);
				seed_copy_str(c, a->surname);
			}
			seed_copy_date(c, a->valid_from);
			seed_copy_date(c, a->valid_to);
			seed_copy_str(c, a->note);
			seed_copy_time(c, seed_load_created(g->w, k), 10 * 60);
			seed_copy_end_row(c);
		}
	}
}

static void
seed_emit_former(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	int			 i;

	(void)arg;
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		if (k->former_upn[0] == '\0' || k->upn[0] == '\0')
			continue;
		seed_copy_int(c, la->la_code);
		seed_copy_int(c, k->child_id);
		seed_copy_str(c, k->former_upn);
		seed_copy_date(c, k->former_noted);
		seed_copy_str(c, k->former_source);
		seed_copy_end_row(c);
	}
}

void
seed_load_address(const struct seed_la *la, const struct seed_address *ad,
    struct seed_addr_text *out)
{
	static const char *const notes[] = {
		"Neighbour says the family left in a hurry",
		"Forwarding address from the landlord",
		"Relative's address, given by the school",
	};
	const struct seed_town	*t;
	struct prng		 r;
	char			 street[48];
	int			 number;

	memset(out, 0, sizeof *out);
	prng_seed(&r, ad->text);
	if (ad->town < 0) {
		snprintf(out->line1, sizeof out->line1, "%s",
		    strcmp(ad->country, "GB") == 0 ? "Address not known" :
		    "Address abroad not known");
		snprintf(out->town, sizeof out->town, "%s", ad->place);
		out->note = notes[prng_below(&r, 3)];
		return;
	}
	t = seed_places_town(la->index, ad->town);
	seed_places_street(&r, street, sizeof street);
	number = prng_range(&r, 1, 180);
	if (strcmp(ad->kind, "temporary") == 0) {
		snprintf(out->line1, sizeof out->line1, "Room %d, %s House",
		    prng_range(&r, 1, 40), t->name);
		snprintf(out->line2, sizeof out->line2, "%d %s", number,
		    street);
		out->note = "Temporary accommodation arranged by housing";
	} else if (prng_chance(&r, 0.12)) {
		snprintf(out->line1, sizeof out->line1, "Flat %d",
		    prng_range(&r, 1, 24));
		snprintf(out->line2, sizeof out->line2, "%d %s", number,
		    street);
	} else
		snprintf(out->line1, sizeof out->line1, "%d %s", number,
		    street);
	snprintf(out->town, sizeof out->town, "%s", t->name);
	seed_places_postcode(&r, t, out->postcode);
}

static void
seed_emit_address(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	struct seed_address	*ad;
	struct seed_addr_text	 tx;
	long long		*next = arg;
	int			 i, j, from;

	for (j = 0; j < g->fam.naddrs; j++) {
		ad = &g->fam.addrs[j];
		seed_load_address(la, ad, &tx);
		for (i = 0; i < g->fam.nkids; i++) {
			k = &g->fam.kids[i];
			if (ad->to != SEED_NO_DATE && ad->to < k->dob)
				continue;
			from = ad->from > k->dob ? ad->from : k->dob;
			if (from >= g->w->as_of)
				continue;
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, (*next)++);
			seed_copy_int(c, k->child_id);
			seed_copy_str(c, ad->kind);
			seed_copy_str(c, tx.line1);
			seed_copy_str(c, tx.line2[0] != '\0' ? tx.line2 : NULL);
			seed_copy_null(c);
			seed_copy_str(c, tx.town[0] != '\0' ? tx.town : NULL);
			seed_copy_str(c, tx.postcode[0] != '\0' ? tx.postcode :
			    NULL);
			seed_copy_str(c, ad->country);
			seed_copy_null(c);
			seed_copy_date(c, from);
			seed_copy_date(c, ad->to);
			seed_copy_str(c, tx.note);
			seed_copy_time(c, from < g->w->as_of - 1 ? from + 1 :
			    from, 11 * 60);
			seed_copy_end_row(c);
		}
	}
}

static void
seed_emit_person(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_adult	*a;
	struct seed_addr_text	 tx;
	struct seed_address	 other;
	struct prng		 r;
	char			 phone[24], alt[24], email[96], f[40], s[40];
	char			 where[160], note[96];
	int			 i;

	(void)arg;
	for (i = 0; i < g->fam.nadults; i++) {
		a = &g->fam.adults[i];
		prng_seed(&r, a->text);
		seed_places_mobile(&r, phone, sizeof phone);
		seed_places_landline(&r, alt, sizeof alt);
		seed_names_fold(a->forename, f, sizeof f);
		seed_names_fold(a->surname, s, sizeof s);
		snprintf(email, sizeof email, "%s.%s%u@example.org", f, s,
		    prng_below(&r, 100));
		seed_copy_int(c, la->la_code);
		seed_copy_int(c, a->person_id);
		seed_copy_str(c, a->title);
		seed_copy_str(c, a->forename);
		seed_copy_str(c, a->surname);
		seed_copy_str(c, a->phone ? phone : NULL);
		seed_copy_str(c, a->landline ? alt : NULL);
		seed_copy_str(c, a->email ? email : NULL);
		if (!a->lives_with) {
			memset(&other, 0, sizeof other);
			other.kind = "home";
			other.country = "GB";
			other.town = (int)prng_below(&r, (uint32_t)
			    seed_places_town_count(la->index));
			other.text = prng_next(&r);
			seed_load_address(la, &other, &tx);
			snprintf(where, sizeof where, "%s, %s %s", tx.line1,
			    tx.town, tx.postcode);
			seed_copy_str(c, where);
		} else
			seed_copy_null(c);
		if (a->note != NULL) {
			snprintf(note, sizeof note, "Needs a %s interpreter",
			    a->note);
			seed_copy_str(c, note);
		} else
			seed_copy_null(c);
		seed_copy_time(c, seed_load_created(g->w, &g->fam.kids[0]),
		    10 * 60 + i);
		seed_copy_end_row(c);
	}
}

static void
seed_emit_child_person(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	struct seed_adult	*a;
	const char		*rel;
	int			 i, j;
	bool			 pr;

	(void)arg;
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		for (j = 0; j < g->fam.nadults; j++) {
			a = &g->fam.adults[j];
			rel = a->relationship;
			pr = a->pr;
			if (k->step && strcmp(rel, "father") == 0) {
				rel = "step_parent";	/* a half-sibling */
				pr = false;
			}
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, k->child_id);
			seed_copy_int(c, a->person_id);
			seed_copy_str(c, rel);
			seed_copy_bool(c, pr);
			seed_copy_bool(c, a->lives_with);
			seed_copy_bool(c, a->emergency);
			seed_copy_int(c, j + 1);
			seed_copy_null(c);
			seed_copy_time(c, seed_load_created(g->w, k), 10 * 60);
			seed_copy_end_row(c);
		}
	}
}

static void
seed_emit_enrolment(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	struct seed_enrol	*e;
	long long		*next = arg;
	char			 ground[2];
	int			 i, j;

	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		for (j = 0; j < k->nenrol; j++) {
			e = &k->enrol[j];
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, (*next)++);
			seed_copy_int(c, k->child_id);
			seed_copy_int(c, e->school->laestab);
			seed_copy_date(c, e->starts);
			seed_copy_date(c, e->ends);
			ground[0] = e->ground;
			ground[1] = '\0';
			seed_copy_str(c, e->ground != 0 ? ground : NULL);
			if (e->destination != 0)
				seed_copy_int(c, e->destination);
			else
				seed_copy_null(c);
			seed_copy_bool(c, false);
			seed_copy_end_row(c);
		}
	}
}

/* ---- attendance ---- */

/* Index of the first school day on or after day. */
#define SEED_IDX(la, day) \
	calendar_school_days_between(&(la)->cal, (la)->cal.first - 1, \
	    (day) - 1)

static void
seed_emit_attendance(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_att_scratch	*sc = arg;
	struct seed_world	*w = g->w;
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	struct seed_enrol	*e;
	struct seed_att_plan	 pl;
	struct seed_att_summary	 sum;
	struct seed_att_fact	*fact;
	struct seed_tally	 t;
	struct prng		 r;
	int			 lo[SEED_MAX_ENROL], hi[SEED_MAX_ENROL];
	int			 seen[SEED_MAX_ENROL * SEED_CAL_TERMS];
	int			 i, j, tm, ystart, from, to, tlo, thi, nseen, s;
	const struct seed_term_dates *term;
	bool			 dup;

	ystart = la->year_first;
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		fact = &la->att[k->index];
		fact->n_day = -1;
		fact->sick_day = -1;
		memset(&pl, 0, sizeof pl);
		pl.days = la->cal.school;
		pl.first = la->cutoff;
		pl.last = -1;
		pl.cutoff = la->cutoff;
		pl.tail = k->tail;
		pl.tail_days = k->tail_days;
		pl.tail_end = -1;
		pl.sick_days = k->sick_days;
		pl.secondary = k->year >= 7;
		for (j = 0; j < k->nenrol; j++) {
			e = &k->enrol[j];
			lo[j] = SEED_IDX(la, e->starts);
			if (lo[j] < ystart)
				lo[j] = ystart;
			hi[j] = la->cutoff - 1;
			if (e->ends != SEED_NO_DATE &&
			    SEED_IDX(la, e->ends + 1) - 1 < hi[j])
				hi[j] = SEED_IDX(la, e->ends + 1) - 1;
			if (e->school->laestab / 10000 != la->la_code)
				hi[j] = -1;	/* another LA's school */
			if (lo[j] > hi[j])
				continue;
			if (lo[j] < pl.first)
				pl.first = lo[j];
			if (hi[j] > pl.last)
				pl.last = hi[j];
		}
		if (pl.last < pl.first)
			continue;
		if (k->deleted != SEED_NO_DATE)
			pl.tail_end = SEED_IDX(la, k->deleted + 1) - 1;
		seed_world_rng(w, &r, la->la_code, SEED_RNG_ATTEND,
		    (uint64_t)k->index);
		seed_attendance_generate(&w->codes, &r, &pl, sc->am, sc->pm,
		    &sum);

		nseen = 0;
		for (j = 0; j < k->nenrol; j++) {
			e = &k->enrol[j];
			if (lo[j] > hi[j])
				continue;
			for (tm = 0; tm < SEED_CAL_TERMS; tm++) {
				term = &la->years[1].terms[tm];
				tlo = SEED_IDX(la, term->starts);
				thi = SEED_IDX(la, term->ends + 1) - 1;
				from = lo[j] > tlo ? lo[j] : tlo;
				to = hi[j] < thi ? hi[j] : thi;
				if (from > to)
					continue;
				/* One row per school and term. */
				dup = false;
				for (s = 0; s < nseen && !dup; s++)
					dup = seen[s] == e->school->laestab *
					    4 + tm;
				if (dup)
					continue;
				seen[nseen++] = e->school->laestab * 4 + tm;
				seed_attendance_pack(&w->codes, la->cal.school,
				    sc->am, sc->pm, from, to, term->starts,
				    term->ends, e->school->closed_day,
				    e->school->closed_code, sc->marks, &t);
				seed_copy_int(c, la->la_code);
				seed_copy_int(c, k->child_id);
				seed_copy_int(c, e->school->laestab);
				seed_copy_int(c, la->term_id[1][tm]);
				seed_copy_strn(c, sc->marks, strlen(sc->marks));
				seed_copy_int(c, t.possible);
				seed_copy_int(c, t.present);
				seed_copy_int(c, t.auth);
				seed_copy_int(c, t.unauth);
				seed_copy_date(c, t.last_marked);
				seed_copy_time(c, t.last_marked != SEED_NO_DATE
				    ? t.last_marked : term->starts,
				    17 * 60 + (int)(k->child_id % 60));
				seed_copy_end_row(c);
				la->marks += 2L * (to - from + 1);
				fact->possible += (uint16_t)t.possible;
				fact->present += (uint16_t)t.present;
			}
		}
		if (pl.last == la->cutoff - 1)
			fact->streak = (uint16_t)sum.streak;
		if (sum.n_oldest >= 0)
			fact->n_day = la->cal.school[sum.n_oldest];
		if (sum.sick_start >= 0)
			fact->sick_day = la->cal.school[sum.sick_start];
	}
}

static void
seed_load_commas(long n, char *out, size_t outsz)
{
	char	 tmp[32];
	size_t	 len, i, o = 0;

	snprintf(tmp, sizeof tmp, "%ld", n);
	len = strlen(tmp);
	for (i = 0; i < len && o + 2 < outsz; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

int
seed_load_tables(struct db *db, struct seed_world *w, FILE *out,
    struct db_error *err)
{
	static const struct {
		const char	*what;
		const char	*sql;
		seed_emit_fn	 fn;
		int		 id;	/* 0 none, else which counter */
	} people[] = {
		{ "children", "COPY cme.child (la_code, child_id, upn, "
		  "legal_forename, legal_middle_names, legal_surname, "
		  "preferred_forename, preferred_surname, dob, dob_estimated, "
		  "sex, ehe_status, sen, child_in_need, child_protection, "
		  "looked_after, young_carer, grt, service_child, restricted, "
		  "team_id, created_at, updated_at) FROM STDIN",
		  seed_emit_child, 0 },
		{ "other names", "COPY cme.child_name (la_code, name_id, "
		  "child_id, kind, forename, surname, valid_from, valid_to, "
		  "note, updated_at) FROM STDIN", seed_emit_name, 1 },
		{ "former UPNs", "COPY cme.child_former_upn (la_code, "
		  "child_id, upn, noted_on, source) FROM STDIN",
		  seed_emit_former, 0 },
		{ "people", "COPY cme.person (la_code, person_id, title, "
		  "forename, surname, phone, phone_alt, email, address_text, "
		  "note, updated_at) FROM STDIN", seed_emit_person, 0 },
		{ "family links", "COPY cme.child_person (la_code, child_id, "
		  "person_id, relationship, parental_responsibility, "
		  "lives_with, emergency_contact, contact_order, note, "
		  "updated_at) FROM STDIN", seed_emit_child_person, 0 },
		{ "addresses", "COPY cme.address (la_code, address_id, "
		  "child_id, kind, line1, line2, line3, town, postcode, "
		  "country, uprn, valid_from, valid_to, note, updated_at) "
		  "FROM STDIN", seed_emit_address, 2 },
		{ "enrolments", "COPY cme.enrolment (la_code, enrolment_id, "
		  "child_id, laestab, starts, ends, deletion_ground, "
		  "destination_laestab, dual_registered) FROM STDIN",
		  seed_emit_enrolment, 3 },
	};
	struct seed_gen		 g;
	struct seed_att_scratch	 sc;
	long long		 ids[4];
	long			 n;
	char			 a[32], b[32];
	int			 i, l;

	if (seed_load_org(db, w, err) < 0)
		return (-1);
	seed_gen_init(&g, w);
	ids[1] = w->base_name;
	ids[2] = w->base_address;
	ids[3] = w->base_enrolment;
	for (i = 0; i < (int)(sizeof people / sizeof people[0]); i++) {
		n = seed_load_pass(db, &g, people[i].what, people[i].sql,
		    people[i].fn, people[i].id != 0 ? &ids[people[i].id] :
		    NULL, out, err);
		if (n < 0)
			goto fail;
	}

	memset(&sc, 0, sizeof sc);
	sc.am = xcalloc((size_t)w->la[0].cal.cum[w->la[0].cal.ndays] +
	    (size_t)w->la[1].cal.cum[w->la[1].cal.ndays] + 1, 1);
	sc.pm = xcalloc((size_t)w->la[0].cal.cum[w->la[0].cal.ndays] +
	    (size_t)w->la[1].cal.cum[w->la[1].cal.ndays] + 1, 1);
	n = seed_load_pass(db, &g, "attendance rows", "COPY cme.attendance "
	    "(la_code, child_id, laestab, term_id, marks, possible, present, "
	    "auth_absent, unauth_absent, last_marked, updated_at) FROM STDIN",
	    seed_emit_attendance, &sc, out, err);
	free(sc.am);
	free(sc.pm);
	if (n < 0)
		goto fail;

	if (seed_cases_load(db, &g, out, err) != 0)
		goto fail;
	seed_gen_release(&g);

	if (out != NULL)
		for (l = 0; l < SEED_LAS; l++) {
			seed_load_commas(w->la[l].marks, a, sizeof a);
			seed_load_commas(w->la[l].nchildren, b, sizeof b);
			fprintf(out, "%d %s: %s children, %d schools, "
			    "%s marks, %ld missing education, %ld open "
			    "cases\n",
			    w->la[l].la_code, w->la[l].name, b,
			    w->la[l].nschools, a, w->la[l].cme,
			    w->la[l].open_cases);
		}
	return (0);
fail:
	seed_gen_release(&g);
	return (-1);
}
