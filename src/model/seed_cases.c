/*
 * seed_cases.c — rows for cases, contacts, enquiries, returns and alerts.
 *
 * Owns the wording of the casework an officer would have typed (contact
 * outcomes and notes, closure notes, escalation reasons) and the rules by
 * which the demo's alerts and register returns follow from each child's
 * story and attendance. Every text is drawn from a PRNG seeded by the
 * case (or child), so the rows are the same in every run. A few notes
 * hold several lines and one a backslash, as real notes do: the COPY
 * escaping must carry them intact.
 */
#include <stdio.h>
#include <string.h>

#include "model/seed_cases.h"

#include "db/db.h"
#include "model/seed_copy.h"
#include "model/seed_family.h"
#include "model/seed_load.h"
#include "model/seed_names.h"
#include "model/seed_world.h"
#include "util/date.h"
#include "util/prng.h"
#include "util/sbuf.h"

#define NELEM(a)	((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, a)	((a)[prng_below((r), (uint32_t)NELEM(a))])

static void	 seed_emit_case(struct seed_copy *, struct seed_gen *, void *);
static void	 seed_emit_contact(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_enquiry(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_return(struct seed_copy *, struct seed_gen *,
		     void *);
static void	 seed_emit_alert(struct seed_copy *, struct seed_gen *,
		     void *);
static const char *seed_cases_role(int staff);
static int	 seed_cases_officer(const struct seed_la *,
		     const struct seed_case *);
static int	 seed_cases_end(const struct seed_world *,
		     const struct seed_case *);
static const struct seed_school *seed_cases_left(const struct seed_child *);
static void	 seed_cases_uuid(struct prng *, char out[37]);
static int	 seed_cases_weekday(int day);
static const char *seed_cases_severity(const struct seed_world *,
		     const char *);

static const char *
seed_cases_role(int staff)
{
	return (staff >= 0 ? seed_world_staff(staff)->role : NULL);
}

/* Who works the case: its officer, else the team's supervisor. */
static int
seed_cases_officer(const struct seed_la *la, const struct seed_case *k)
{
	int	 i, s;

	if (k->assignee >= 0)
		return (k->assignee);
	for (i = 0; (s = seed_world_find_staff(la->la_code, "supervisor", i))
	    >= 0; i++)
		if (seed_world_staff(s)->team == k->team)
			return (s);
	return (seed_world_find_staff(la->la_code, "supervisor", 0));
}

/* The last day anything happened on a case. */
static int
seed_cases_end(const struct seed_world *w, const struct seed_case *k)
{
	if (k->closed_on != SEED_NO_DATE)
		return (k->closed_on);
	return (w->as_of - 1);
}

/* The school a child was last deleted from, or NULL. */
static const struct seed_school *
seed_cases_left(const struct seed_child *c)
{
	int	 i;

	for (i = c->nenrol - 1; i >= 0; i--)
		if (c->enrol[i].ground != 0)
			return (c->enrol[i].school);
	return (NULL);
}

/* A weekday on or before day. */
static int
seed_cases_weekday(int day)
{
	while (date_weekday(day) >= 5)
		day--;
	return (day);
}

static void
seed_cases_uuid(struct prng *r, char out[37])
{
	static const char	 hex[] = "0123456789abcdef";
	unsigned char		 b[16];
	uint64_t		 x, y;
	int			 i, o = 0;

	x = prng_next(r);
	y = prng_next(r);
	for (i = 0; i < 8; i++) {
		b[i] = (unsigned char)(x >> (8 * i));
		b[8 + i] = (unsigned char)(y >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);	/* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);	/* RFC 4122 */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

static const char *
seed_cases_severity(const struct seed_world *w, const char *rule)
{
	int	 i;

	for (i = 0; i < w->nrule; i++)
		if (strcmp(w->rule[i], rule) == 0)
			return (w->severity[i]);
	return (NULL);
}

/* ---- cme_case ---- */

static void
seed_emit_case(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	static const char *const escalations[] = {
		"Younger sibling not seen by any agency for six weeks; "
		    "referred to the children's social care front door",
		"Police report of domestic abuse at the last known address",
		"Health visitor has concerns about neglect; strategy "
		    "discussion requested",
		"Child known to children's social care (child in need plan); "
		    "whereabouts unknown",
	};
	struct seed_la			*la = seed_gen_la(g);
	struct seed_child		*k;
	struct seed_case		*cs;
	const struct seed_school	*left;
	struct prng			 r;
	char				 summary[256], note[256];
	char				 iso[DATE_ISO_LEN + 1];
	int				 i, j, updated;
	bool				 outcome;

	(void)arg;
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		for (j = 0; j < k->ncases; j++) {
			cs = &k->cases[j];
			prng_seed(&r, cs->text);
			left = seed_cases_left(k);
			if (j + 1 < k->ncases) {	/* an earlier episode */
				date_format_iso(cs->referred_on, iso);
				snprintf(summary, sizeof summary,
				    "Not seen at school for 10 days from %s; "
				    "found and back in school.", iso);
			} else if (k->deleted != SEED_NO_DATE && left != NULL) {
				date_format_iso(k->deleted, iso);
				snprintf(summary, sizeof summary,
				    "Deleted from the roll of %s under reg "
				    "9(1)(%c) on %s.", left->name,
				    k->ground != 0 ? k->ground : 'a', iso);
			} else if (k->from_abroad)
				snprintf(summary, sizeof summary,
				    "Family arrived from abroad (%s); no "
				    "school place yet.", g->fam.origin->label);
			else
				snprintf(summary, sizeof summary,
				    "Of compulsory school age and not on any "
				    "school roll.");
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, cs->case_id);
			seed_copy_int(c, k->child_id);
			seed_copy_str(c, seed_status_name(cs->status));
			seed_copy_str(c, cs->source);
			seed_copy_str(c, cs->reason);
			seed_copy_date(c, cs->referred_on);
			seed_copy_str(c, seed_cases_role(cs->assignee));
			seed_copy_int(c, la->teams[cs->team].team_id);
			seed_copy_str(c, summary);
			seed_copy_date(c, cs->located_on);
			outcome = cs->requested_by >= 0 ||
			    cs->status == SEED_ST_CLOSED;
			seed_copy_str(c, outcome ? cs->outcome : NULL);
			if (outcome) {
				if (strcmp(cs->outcome, "on_roll") == 0)
					snprintf(note, sizeof note, "On roll "
					    "at %s: admissions confirmed the "
					    "start date.", k->nenrol > 0 ?
					    k->enrol[k->nenrol - 1].school->name
					    : "a school");
				else if (strcmp(cs->outcome, "moved_abroad")
				    == 0)
					snprintf(note, sizeof note, "Father "
					    "confirmed by phone that the "
					    "family now lives abroad; no "
					    "plans to return.");
				else if (strcmp(cs->outcome,
				    "moved_other_la") == 0)
					snprintf(note, sizeof note, "Handed "
					    "over to the CME officer of the "
					    "new LA, who confirmed an "
					    "application.");
				else if (strcmp(cs->outcome, "not_located")
				    == 0)
					snprintf(note, sizeof note, "All "
					    "enquiries exhausted.\nAdded to "
					    "the Lost Pupils Database.");
				else
					snprintf(note, sizeof note, "Closure: "
					    "%s.", cs->outcome);
				seed_copy_str(c, note);
			} else
				seed_copy_null(c);
			seed_copy_str(c, seed_cases_role(cs->requested_by));
			seed_copy_time(c, cs->requested_by >= 0 ?
			    cs->requested_on : SEED_NO_DATE, 16 * 60 + 5);
			seed_copy_str(c, seed_cases_role(cs->decided_by));
			seed_copy_time(c, cs->decided_by >= 0 ?
			    cs->decided_on : SEED_NO_DATE, 16 * 60 + 40);
			seed_copy_str(c, cs->decided_by < 0 ? NULL :
			    cs->approved ? "approved" : "rejected");
			seed_copy_date(c, cs->closed_on);
			seed_copy_str(c, cs->status == SEED_ST_ESCALATED ?
			    PICK(&r, escalations) : NULL);
			seed_copy_time(c, cs->status == SEED_ST_ESCALATED ?
			    cs->escalated_on : SEED_NO_DATE, 14 * 60 + 20);
			if (cs->transfer_la != 0)
				seed_copy_int(c, cs->transfer_la);
			else
				seed_copy_null(c);
			updated = cs->referred_on;
			if (cs->located_on != SEED_NO_DATE)
				updated = cs->located_on;
			if (cs->requested_by >= 0 && cs->requested_on > updated)
				updated = cs->requested_on;
			if (cs->decided_by >= 0 && cs->decided_on > updated)
				updated = cs->decided_on;
			if (cs->escalated_on != SEED_NO_DATE &&
			    cs->escalated_on > updated)
				updated = cs->escalated_on;
			seed_copy_time(c, cs->referred_on, 9 * 60 + 15);
			seed_copy_time(c, updated, 16 * 60 + 45);
			seed_copy_end_row(c);
		}
	}
}

/* ---- case_contact ---- */

static void
seed_emit_contact(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	static const char *const kinds[] = {
		"phone", "letter", "home_visit", "agency_check", "email",
		"agency_check", "home_visit", "agency_check", "meeting",
		"phone", "agency_check", "letter",
	};
	static const char *const agencies[] = {
		"Health visitor", "GP surgery", "School nursing team",
		"Housing officer", "Police (non-emergency)",
		"Children's social care front door", "Admissions team",
		"School-to-School (S2S) search", "Youth justice service",
		"Home Office (Border Force) liaison",
	};
	static const char *const phone_out[] = {
		"No answer; voicemail left asking for a call back",
		"Number not recognised",
		"Spoke to the parent: says the family is moving to Leeds",
		"Phone switched off",
		"Spoke to the parent: child staying with grandparents",
	};
	static const char *const visit_out[] = {
		"No answer; card left through the door",
		"Neighbour says the family left about three weeks ago",
		"New tenants at the address; no forwarding address",
		"Seen the parent at the door; child not seen",
		"Curtains closed, post piling up behind the door",
	};
	static const char *const agency_out[] = {
		"No record held", "Registered, last seen more than a year ago",
		"No current involvement", "Request sent; awaiting reply",
		"Record found: registered elsewhere", "No trace",
	};
	static const char *const notes[] = {
		"",
		"Will try again after school hours.",
		"Left a CME leaflet in English and the family's home "
		    "language.",
		"Agreed next steps with the supervisor:\n- second home "
		    "visit\n- check with health and housing",
		"Letter reference CME\\%d\\%04d, copy on file.",
		"Neighbour (did not give a name) said the children had "
		    "not been seen \"since half term\".",
	};
	struct seed_world	*w = g->w;
	struct seed_la		*la = seed_gen_la(g);
	long long		*next = arg;
	struct seed_child	*k;
	struct seed_case	*cs;
	struct seed_adult	*a;
	struct prng		 r;
	const char		*kind, *out, *note;
	char			 with[160], text[320], uuid[37];
	long long		 prev;
	int			 i, j, n, start, end, day, minute, y, m, d;
	const char		*rel;

	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		for (j = 0; j < k->ncases; j++) {
			cs = &k->cases[j];
			seed_world_rng(w, &r, la->la_code, SEED_RNG_TEXT,
			    (uint64_t)cs->case_id);
			start = cs->referred_on;
			end = seed_cases_end(w, cs);
			prev = 0;
			kind = NULL;
			for (n = 0; n < cs->ncontacts; n++) {
				day = start + (int)((long)(end - start) *
				    (n + 1) / (cs->ncontacts + 1));
				day = seed_cases_weekday(day);
				if (day < start)
					day = start;
				minute = 9 * 60 + prng_range(&r, 0, 8 * 60);
				/* Now and then a correction of the last. */
				if (prev != 0 && prng_chance(&r, 0.04)) {
					seed_copy_int(c, la->la_code);
					seed_copy_int(c, *next);
					seed_copy_int(c, cs->case_id);
					seed_copy_str(c, kind);
					seed_copy_time(c, day, minute);
					seed_copy_str(c, with);
					seed_copy_str(c,
					    "Amended: date corrected");
					seed_copy_str(c, "Correction to the "
					    "entry above: wrong date recorded; "
					    "it happened a day later.");
					seed_copy_str(c, seed_cases_role(
					    seed_cases_officer(la, cs)));
					seed_copy_time(c, day, minute + 30);
					seed_copy_int(c, prev);
					seed_cases_uuid(&r, uuid);
					seed_copy_str(c, uuid);
					seed_copy_end_row(c);
					prev = (*next)++;
					continue;
				}
				kind = kinds[n % NELEM(kinds)];
				note = PICK(&r, notes);
				if (strchr(note, '%') != NULL) {
					date_to_ymd(day, &y, &m, &d);
					snprintf(text, sizeof text, note, y,
					    (int)(cs->case_id % 10000));
					note = text;
				}
				if (strcmp(kind, "phone") == 0 ||
				    strcmp(kind, "email") == 0) {
					if (g->fam.nadults > 0) {
						a = &g->fam.adults[prng_below(
						    &r, (uint32_t)
						    g->fam.nadults)];
						rel = a->relationship;
						snprintf(with, sizeof with,
						    "%c%s (%s %s)", rel[0] - 32,
						    strcmp(rel, "step_parent")
						    == 0 ? "tep-parent" :
						    rel + 1, a->forename,
						    a->surname);
					} else
						snprintf(with, sizeof with,
						    "Last known phone number");
					out = PICK(&r, phone_out);
				} else if (strcmp(kind, "letter") == 0) {
					snprintf(with, sizeof with, "Parents "
					    "and carers at the last known "
					    "address");
					out = "Letter sent first class";
				} else if (strcmp(kind, "home_visit") == 0) {
					snprintf(with, sizeof with,
					    "Household at the last known "
					    "address");
					out = PICK(&r, visit_out);
				} else if (strcmp(kind, "meeting") == 0) {
					snprintf(with, sizeof with,
					    "Multi-agency meeting (MASH)");
					out = "Actions agreed; see note";
				} else {
					snprintf(with, sizeof with, "%s",
					    PICK(&r, agencies));
					out = PICK(&r, agency_out);
				}
				seed_copy_int(c, la->la_code);
				seed_copy_int(c, *next);
				seed_copy_int(c, cs->case_id);
				seed_copy_str(c, kind);
				seed_copy_time(c, day, minute);
				seed_copy_str(c, with);
				seed_copy_str(c, out);
				seed_copy_str(c, note);
				seed_copy_str(c, seed_cases_role(
				    seed_cases_officer(la, cs)));
				seed_copy_time(c, day, minute + prng_range(&r,
				    5, 120));
				seed_copy_null(c);
				seed_cases_uuid(&r, uuid);
				seed_copy_str(c, uuid);
				seed_copy_end_row(c);
				prev = (*next)++;
			}
		}
	}
}

/* ---- case_enquiry ---- */

static void
seed_emit_enquiry(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_world	*w = g->w;
	struct seed_la		*la = seed_gen_la(g);
	struct seed_child	*k;
	struct seed_case	*cs;
	struct prng		 r;
	const char		*state, *note;
	int			 i, j, it, done, found, day, end;
	bool			 british;

	(void)arg;
	british = g->fam.origin == seed_names_origin(0);
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		for (j = 0; j < k->ncases; j++) {
			cs = &k->cases[j];
			seed_world_rng(w, &r, la->la_code, SEED_RNG_TEXT,
			    (uint64_t)cs->case_id + (1ULL << 40));
			switch (cs->status) {
			case SEED_ST_REFERRED:
				done = prng_chance(&r, 0.4) ? 1 : 0;
				break;
			case SEED_ST_ENQUIRIES:
				done = prng_range(&r, 2, w->nenquiry - 2);
				break;
			case SEED_ST_ESCALATED:
				done = w->nenquiry - prng_range(&r, 0, 2);
				break;
			default:
				done = w->nenquiry;
				break;
			}
			found = -1;
			if (cs->located_on != SEED_NO_DATE)
				found = prng_range(&r, 0, done > 0 ? done - 1 :
				    0);
			end = seed_cases_end(w, cs);
			for (it = 0; it < w->nenquiry; it++) {
				day = cs->referred_on + (int)((long)(end -
				    cs->referred_on) * (it + 1) /
				    (w->nenquiry + 1));
				day = seed_cases_weekday(day);
				if (day < cs->referred_on)
					day = cs->referred_on;
				note = NULL;
				if (british && strcmp(w->enquiry[it],
				    "home_office") == 0)
					state = "not_applicable";
				else if (it == found) {
					state = "done_found";
					note = "Found: see the contact record";
				} else if (it < done)
					state = "done_not_found";
				else
					state = "not_started";
				seed_copy_int(c, la->la_code);
				seed_copy_int(c, cs->case_id);
				seed_copy_str(c, w->enquiry[it]);
				seed_copy_str(c, state);
				if (strncmp(state, "done", 4) == 0) {
					seed_copy_date(c, day);
					seed_copy_str(c, seed_cases_role(
					    seed_cases_officer(la, cs)));
				} else {
					seed_copy_null(c);
					seed_copy_null(c);
				}
				seed_copy_str(c, note);
				seed_copy_time(c, strcmp(state, "not_started")
				    == 0 ? cs->referred_on : day, 15 * 60);
				seed_copy_end_row(c);
			}
		}
	}
}

/* ---- register_return ---- */

struct seed_return {
	const struct seed_school *school;
	const char	*kind;
	int		 event;
	char		 ground;
	int		 destination;
	int		 received;
};

static void
seed_emit_return(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_world	*w = g->w;
	struct seed_la		*la = seed_gen_la(g);
	long long		*next = arg;
	struct seed_child	*k;
	struct seed_enrol	*e;
	struct seed_att_fact	*f;
	const struct seed_school *left;
	struct seed_return	 rt[SEED_MAX_ENROL * 2 + 4];
	struct seed_addr_text	 tx;
	struct sbuf		 detail = SBUF_INIT;
	struct prng		 r;
	char			 fore[128], sur[128], ground[2], sex[2];
	int			 i, j, n, day, home;
	bool			 plain;

	home = -1;
	for (j = 0; j < g->fam.naddrs; j++)
		if (strcmp(g->fam.addrs[j].kind, "forwarding") != 0)
			home = j;
	memset(&tx, 0, sizeof tx);
	if (home >= 0)
		seed_load_address(la, &g->fam.addrs[home], &tx);
	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		f = &la->att[k->index];
		seed_world_rng(w, &r, la->la_code, SEED_RNG_TEXT,
		    (uint64_t)k->child_id + (2ULL << 40));
		n = 0;
		for (j = 0; j < k->nenrol; j++) {
			e = &k->enrol[j];
			if (e->school->laestab / 10000 != la->la_code)
				continue;
			if (e->ground != 0 && e->ends >= w->as_of - 540 &&
			    e->ends < w->as_of) {
				rt[n].school = e->school;
				rt[n].kind = "deletion";
				rt[n].event = e->ends;
				rt[n].ground = e->ground;
				rt[n].destination = e->destination;
				rt[n++].received = e->ends +
				    prng_range(&r, 0, 3);
			}
			if (e->in_year && e->starts >=
			    la->years[1].terms[0].starts && e->starts <
			    w->as_of) {
				rt[n].school = e->school;
				rt[n].kind = "new_pupil";
				rt[n].event = e->starts;
				rt[n].ground = 0;
				rt[n].destination = 0;
				rt[n++].received = e->starts + prng_range(&r, 0,
				    2);
			}
		}
		if (k->nenrol > 0 &&
		    k->enrol[k->nenrol - 1].school->laestab / 10000 ==
		    la->la_code) {
			e = &k->enrol[k->nenrol - 1];
			left = e->school;
			day = SEED_NO_DATE;
			if (f->streak >= 10)
				day = la->cal.school[la->cutoff - f->streak];
			else if (k->deleted != SEED_NO_DATE &&
			    (k->tail == SEED_TAIL_MISSING ||
			    k->tail == SEED_TAIL_LEAVE) &&
			    k->deleted >= la->cal.first &&
			    seed_cases_left(k) != NULL) {
				day = calendar_add_school_days(&la->cal,
				    k->deleted, -(k->tail_days - 1));
				left = seed_cases_left(k);
			}
			if (day != SEED_NO_DATE && day >= 0) {
				rt[n].school = left;
				rt[n].kind = "absence_10_day";
				rt[n].event = day;
				rt[n].ground = 0;
				rt[n].destination = 0;
				rt[n].received = calendar_add_school_days(
				    &la->cal, day, 10);
				if (rt[n].received > 0)
					n++;
			}
			if (f->sick_day >= 0) {
				rt[n].school = e->school;
				rt[n].kind = "sickness_15_day";
				rt[n].event = f->sick_day;
				rt[n].ground = 0;
				rt[n].destination = 0;
				rt[n].received = calendar_add_school_days(
				    &la->cal, f->sick_day, 15);
				if (rt[n].received > 0)
					n++;
			}
		}
		for (j = 0; j < n; j++) {
			if (rt[j].received >= w->as_of)
				continue;
			plain = prng_chance(&r, 0.3);
			if (plain) {
				seed_names_plain(k->forename, fore,
				    sizeof fore);
				seed_names_plain(k->surname, sur, sizeof sur);
			} else {
				snprintf(fore, sizeof fore, "%s", k->forename);
				snprintf(sur, sizeof sur, "%s", k->surname);
			}
			sbuf_reset(&detail);
			sbuf_append_str(&detail, "{\"address\": \"");
			seed_json_escape(&detail, tx.line1);
			if (tx.town[0] != '\0') {
				sbuf_append_str(&detail, ", ");
				seed_json_escape(&detail, tx.town);
			}
			sbuf_append_char(&detail, '"');
			if (g->fam.nadults > 0) {
				sbuf_append_str(&detail, ", \"parent\": \"");
				seed_json_escape(&detail,
				    g->fam.adults[0].forename);
				sbuf_append_char(&detail, ' ');
				seed_json_escape(&detail,
				    g->fam.adults[0].surname);
				sbuf_append_char(&detail, '"');
			}
			if (rt[j].ground == 'i' || rt[j].ground == 'h')
				sbuf_append_str(&detail, ", \"joint_enquiries"
				    "\": \"school and LA, no trace\"");
			if (rt[j].ground != 0 && rt[j].destination == 0)
				sbuf_append_str(&detail,
				    ", \"ctf_destination\": \"XXXXXXX\"");
			sbuf_append_char(&detail, '}');
			ground[0] = rt[j].ground;
			ground[1] = '\0';
			sex[0] = k->sex;
			sex[1] = '\0';
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, (*next)++);
			seed_copy_int(c, rt[j].school->laestab);
			seed_copy_str(c, rt[j].kind);
			seed_copy_date(c, rt[j].event);
			seed_copy_str(c, rt[j].ground != 0 ? ground : NULL);
			if (rt[j].destination != 0)
				seed_copy_int(c, rt[j].destination);
			else
				seed_copy_null(c);
			seed_copy_str(c, k->upn[0] != '\0' ? k->upn : NULL);
			seed_copy_str(c, fore);
			seed_copy_str(c, sur);
			seed_copy_date(c, k->dob);
			seed_copy_str(c, sex);
			seed_copy_str(c, tx.postcode[0] != '\0' ? tx.postcode :
			    NULL);
			seed_copy_str(c, detail.buf);
			seed_copy_time(c, rt[j].received, 10 * 60 +
			    prng_range(&r, 0, 400));
			if (prng_chance(&r, 0.95))
				seed_copy_int(c, k->child_id);
			else
				seed_copy_null(c);	/* not yet matched */
			seed_copy_end_row(c);
		}
	}
	sbuf_release(&detail);
}

/* ---- alert ---- */

struct seed_alert {
	const char	*rule;
	const char	*status;
	int		 raised;
	long long	 case_id;	/* 0 none */
	int		 assignee;	/* staff index, -1 */
	int		 snooze;	/* or SEED_NO_DATE */
	char		 detail[160];
};

static void
seed_emit_alert(struct seed_copy *c, struct seed_gen *g, void *arg)
{
	struct seed_world	*w = g->w;
	struct seed_la		*la = seed_gen_la(g);
	long long		*next = arg;
	struct seed_child	*k;
	struct seed_case	*open;
	struct seed_att_fact	*f;
	struct seed_alert	 al[8];
	struct prng		 r;
	const char		*sev;
	char			 iso[DATE_ISO_LEN + 1];
	double			 pct, u;
	int			 i, j, n, team, days;
	bool			 on_roll;

	for (i = 0; i < g->fam.nkids; i++) {
		k = &g->fam.kids[i];
		f = &la->att[k->index];
		seed_world_rng(w, &r, la->la_code, SEED_RNG_TEXT,
		    (uint64_t)k->child_id + (3ULL << 40));
		open = NULL;
		for (j = 0; j < k->ncases; j++)
			if (seed_status_open(k->cases[j].status))
				open = &k->cases[j];
		on_roll = k->nenrol > 0 &&
		    k->enrol[k->nenrol - 1].ends == SEED_NO_DATE;
		team = k->team >= 0 ? k->team : k->index % la->nteams;
		if (team >= 2)
			team = 0;
		n = 0;
		memset(al, 0, sizeof al);

		if (k->plan.kind == SEED_KIND_CME_NEW &&
		    k->deleted != SEED_NO_DATE) {
			if (k->ground == 'h' || k->ground == 'i') {
				al[n].rule = "joint_enquiries";
				al[n].status = "open";
				al[n].raised = k->deleted + 1;
				snprintf(al[n++].detail, sizeof al[0].detail,
				    "{\"ground\": \"%c\"}", k->ground);
			}
			if (k->nenrol > 0 &&
			    k->enrol[k->nenrol - 1].destination == 0) {
				al[n].rule = "no_destination";
				al[n].status = "open";
				al[n].raised = k->deleted + 1;
				snprintf(al[n++].detail, sizeof al[0].detail,
				    "{\"laestab\": %d}",
				    k->enrol[k->nenrol - 1].school->laestab);
			}
		}
		if (open != NULL && open->status == SEED_ST_REFERRED &&
		    (k->ground == 'h' || k->ground == 'i')) {
			al[n].rule = "joint_enquiries";
			al[n].status = "acknowledged";
			al[n].raised = open->referred_on;
			al[n].case_id = open->case_id;
			al[n].assignee = open->assignee;
			snprintf(al[n++].detail, sizeof al[0].detail,
			    "{\"ground\": \"%c\"}", k->ground);
		}
		if (open != NULL && open->status == SEED_ST_ENQUIRIES &&
		    (days = calendar_school_days_between(&la->cal,
		    open->referred_on, w->as_of - 1)) > 20) {
			al[n].rule = "case_clock_overdue";
			al[n].status = "open";
			al[n].raised = calendar_add_school_days(&la->cal,
			    open->referred_on, 21);
			al[n].case_id = open->case_id;
			al[n].assignee = open->assignee;
			snprintf(al[n++].detail, sizeof al[0].detail,
			    "{\"clock\": \"enquiries\", \"school_days\": %d}",
			    days);
		}
		if (on_roll && f->streak >= 10) {
			al[n].rule = "unauth_streak";
			al[n].status = "open";
			al[n].raised = la->cal.school[la->cutoff - f->streak
			    + 9] + 1;
			snprintf(al[n++].detail, sizeof al[0].detail,
			    "{\"school_days\": %d}", f->streak);
			al[n].rule = "absence_return";
			al[n].status = "acknowledged";
			al[n].raised = la->cal.school[la->cutoff - f->streak
			    + 9] + 1;
			snprintf(al[n++].detail, sizeof al[0].detail,
			    "{\"kind\": \"absence_10_day\"}");
		}
		if (on_roll && f->possible >= 20) {
			pct = 100.0 * f->present / f->possible;
			u = prng_double(&r);
			if (pct <= 50) {
				al[n].rule = "severe_absence";
				al[n].status = u < 0.6 ? "open" : u < 0.85 ?
				    "acknowledged" : "snoozed";
			} else if (pct <= 90 && prng_chance(&r, 0.3)) {
				al[n].rule = "persistent_absence";
				al[n].status = u < 0.5 ? "open" : u < 0.8 ?
				    "acknowledged" : u < 0.9 ? "snoozed" :
				    "resolved";
			}
			if (al[n].rule != NULL) {
				al[n].raised = w->as_of - prng_range(&r, 1, 30);
				if (strcmp(al[n].status, "snoozed") == 0)
					al[n].snooze = w->as_of +
					    prng_range(&r, 3, 20);
				snprintf(al[n++].detail, sizeof al[0].detail,
				    "{\"attendance_pct\": %.1f, \"possible\": "
				    "%d}", pct, f->possible);
			}
		}
		if (on_roll && f->n_day >= 0 &&
		    calendar_school_days_between(&la->cal, f->n_day,
		    w->as_of - 1) > 5) {
			al[n].rule = "n_code_unresolved";
			al[n].status = "open";
			al[n].raised = calendar_add_school_days(&la->cal,
			    f->n_day, 6);
			date_format_iso(f->n_day, iso);
			snprintf(al[n++].detail, sizeof al[0].detail,
			    "{\"first_n\": \"%s\"}", iso);
		}
		if (on_roll && f->sick_day >= 0) {
			al[n].rule = "sickness_return";
			al[n].status = "acknowledged";
			al[n].raised = calendar_add_school_days(&la->cal,
			    f->sick_day, 15);
			snprintf(al[n++].detail, sizeof al[0].detail,
			    "{\"kind\": \"sickness_15_day\"}");
		}

		for (j = 0; j < n; j++) {
			if ((sev = seed_cases_severity(w, al[j].rule)) == NULL)
				continue;
			if (al[j].raised >= w->as_of || al[j].raised <= 0)
				al[j].raised = w->as_of - 1;
			if (al[j].case_id == 0 && open != NULL) {
				al[j].case_id = open->case_id;
				al[j].assignee = open->assignee;
			} else if (al[j].case_id == 0)
				al[j].assignee = -1;
			seed_copy_int(c, la->la_code);
			seed_copy_int(c, (*next)++);
			seed_copy_int(c, k->child_id);
			seed_copy_str(c, al[j].rule);
			seed_copy_str(c, sev);
			seed_copy_str(c, al[j].status);
			seed_copy_time(c, al[j].raised, 6 * 60 + 30 + j);
			if (al[j].case_id != 0)
				seed_copy_int(c, al[j].case_id);
			else
				seed_copy_null(c);
			seed_copy_str(c, seed_cases_role(al[j].assignee));
			seed_copy_int(c, la->teams[team].team_id);
			seed_copy_date(c, strcmp(al[j].status, "snoozed") == 0 ?
			    al[j].snooze : SEED_NO_DATE);
			seed_copy_str(c, al[j].detail);
			if (strcmp(al[j].status, "resolved") == 0) {
				seed_copy_time(c, al[j].raised + 2 < w->as_of ?
				    al[j].raised + 2 : al[j].raised, 11 * 60);
				seed_copy_str(c, seed_cases_role(
				    seed_world_find_staff(la->la_code,
				    "supervisor", 0)));
				seed_copy_str(c, "Attendance plan agreed with "
				    "the family; school monitoring.");
			} else {
				seed_copy_null(c);
				seed_copy_null(c);
				seed_copy_null(c);
			}
			seed_copy_time(c, al[j].raised, 6 * 60 + 30 + j);
			seed_copy_end_row(c);
		}
	}
}

int
seed_cases_load(struct db *db, struct seed_gen *g, FILE *out,
    struct db_error *err)
{
	static const struct {
		const char	*what;
		const char	*sql;
		seed_emit_fn	 fn;
		int		 id;	/* which counter, -1 none */
	} passes[] = {
		{ "cases", "COPY cme.cme_case (la_code, case_id, child_id, "
		  "status, source, reason, referred_on, assigned_to, team_id, "
		  "summary, located_on, closure_outcome, closure_note, "
		  "closure_requested_by, closure_requested_at, "
		  "closure_decided_by, closure_decided_at, closure_decision, "
		  "closed_on, escalation_reason, escalated_at, transfer_la, "
		  "created_at, updated_at) FROM STDIN", seed_emit_case, -1 },
		{ "case contacts", "COPY cme.case_contact (la_code, "
		  "contact_id, case_id, kind, contact_at, with_whom, outcome, "
		  "note, "
		  "recorded_by, recorded_at, amends_contact_id, idem_key) "
		  "FROM STDIN", seed_emit_contact, 0 },
		{ "enquiry checklist rows", "COPY cme.case_enquiry (la_code, "
		  "case_id, item, state, done_on, officer, note, updated_at) "
		  "FROM STDIN", seed_emit_enquiry, -1 },
		{ "register returns", "COPY cme.register_return (la_code, "
		  "return_id, laestab, kind, event_date, ground, "
		  "destination_laestab, upn, forename, surname, dob, sex, "
		  "postcode, detail, received_at, child_id) FROM STDIN",
		  seed_emit_return, 1 },
		{ "alerts", "COPY cme.alert (la_code, alert_id, child_id, "
		  "rule, severity, status, raised_at, case_id, assigned_to, "
		  "team_id, snooze_until, detail, resolved_at, resolved_by, "
		  "resolution_note, updated_at) FROM STDIN", seed_emit_alert,
		  2 },
	};
	long long	 ids[3];
	int		 i;

	ids[0] = g->w->base_contact;
	ids[1] = g->w->base_return;
	ids[2] = g->w->base_alert;
	for (i = 0; i < (int)(sizeof passes / sizeof passes[0]); i++)
		if (seed_load_pass(db, g, passes[i].what, passes[i].sql,
		    passes[i].fn, passes[i].id >= 0 ? &ids[passes[i].id] :
		    NULL, out, err) < 0)
			return (-1);
	return (0);
}
