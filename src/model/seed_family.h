/*
 * seed_family.h — the per-LA plan, and families generated one at a time.
 *
 * The seed never holds an LA's children in memory. Each table is loaded by
 * its own pass (one COPY stream), and every pass walks the same families
 * again: a family is regenerated from PRNGs keyed by (seed, LA, family
 * index), so it comes out identical in every pass, ids included (ids are
 * counters that every pass advances the same way). What must be decided
 * across families — which children go missing, and how many cases each
 * officer holds — is fixed first, in the plan (seed_family_plan), a few
 * bytes per child.
 *
 * Strings in the structs below are static (name lists) or point into the
 * struct itself; a struct seed_family is overwritten by the next family.
 */
#ifndef CME_MODEL_SEED_FAMILY_H
#define CME_MODEL_SEED_FAMILY_H

#include <stdbool.h>
#include <stdint.h>

#include "model/seed_attendance.h"
#include "model/seed_names.h"
#include "model/seed_world.h"
#include "util/upn.h"

#define SEED_MAX_KIDS		6
#define SEED_MAX_ADULTS		5
#define SEED_MAX_ADDRS		4
#define SEED_MAX_ENROL		6
#define SEED_MAX_ALIASES	3
#define SEED_MAX_CASES		2

struct seed_alias {
	const char	*kind;		/* "former" or "alias" */
	bool		 plain;		/* the legal name without diacritics */
	const char	*forename;	/* when not plain; NULL allowed */
	const char	*surname;
	int		 valid_from;	/* or SEED_NO_DATE */
	int		 valid_to;
	const char	*note;
};

struct seed_enrol {
	const struct seed_school *school;	/* borrowed from the world */
	int		 starts;
	int		 ends;		/* SEED_NO_DATE while on roll */
	char		 ground;	/* reg 9(1) letter, 0 for none */
	int		 destination;	/* laestab, 0 unknown / none */
	bool		 in_year;	/* an admission outside the normal
					 * points (new-pupil return) */
};

struct seed_address {
	const char	*kind;		/* home, temporary, forwarding */
	int		 from;
	int		 to;		/* SEED_NO_DATE: current */
	int		 town;		/* LA town index; -1 elsewhere */
	const char	*place;		/* town elsewhere or abroad */
	const char	*country;	/* "GB" or ISO code */
	uint64_t	 text;		/* seeds the street and number */
};

struct seed_adult {
	long long	 person_id;
	char		 sex;
	const char	*title;
	const char	*forename;
	const char	*surname;
	const char	*relationship;	/* cme.child_person.relationship */
	bool		 pr;		/* parental responsibility */
	bool		 lives_with;
	bool		 emergency;
	bool		 phone;		/* has a mobile */
	bool		 landline;
	bool		 email;
	const char	*note;		/* e.g. interpreter needed */
	uint64_t	 text;		/* seeds phone numbers and e-mail */
};

struct seed_case {
	long long	 case_id;
	enum seed_status status;
	const char	*source;
	const char	*reason;	/* cme_reason code or NULL */
	int		 referred_on;
	int		 assignee;	/* staff index, -1 unassigned */
	int		 team;		/* team index */
	int		 located_on;	/* or SEED_NO_DATE */
	const char	*outcome;	/* case_outcome code or NULL */
	int		 requested_by;	/* staff index, -1 */
	int		 requested_on;
	int		 decided_by;	/* staff index, -1 */
	int		 decided_on;
	bool		 approved;
	int		 closed_on;	/* or SEED_NO_DATE */
	int		 escalated_on;	/* or SEED_NO_DATE */
	int		 transfer_la;	/* 0 none */
	int		 ncontacts;
	uint64_t	 text;		/* seeds contacts, enquiries, notes */
};

struct seed_child {
	int		 index;		/* within the LA */
	long long	 child_id;
	struct seed_plan plan;
	char		 sex;		/* M, F, U */
	int		 year;		/* year group: 0 Reception .. 11 */
	int		 dob;
	bool		 step;		/* a half-sibling (other surname) */
	const char	*forename;
	const char	*middle;
	const char	*surname;
	const char	*pref_forename;
	const char	*pref_surname;
	char		 upn[UPN_LEN + 1];	/* "" when none */
	char		 former_upn[UPN_LEN + 1];
	int		 former_noted;
	const char	*former_source;
	const char	*sen;		/* none, sen_support, ehcp */
	bool		 cin, cp, lac, carer, grt, service, restricted;
	const char	*ehe;		/* cme.child.ehe_status */
	int		 team;		/* team index, -1 none */
	int		 arrived;	/* arrival day, or SEED_NO_DATE */
	bool		 from_abroad;
	struct seed_alias aliases[SEED_MAX_ALIASES];
	int		 naliases;
	struct seed_enrol enrol[SEED_MAX_ENROL];	/* by start date */
	int		 nenrol;
	int		 deleted;	/* last deletion day, or SEED_NO_DATE */
	char		 ground;	/* its ground */
	enum seed_tail	 tail;
	int		 tail_days;
	int		 sick_days;
	struct seed_case cases[SEED_MAX_CASES];	/* oldest first */
	int		 ncases;
};

struct seed_family {
	int			 index;
	int			 origin_index;
	const struct seed_origin *origin;
	const struct seed_surname *surname;
	struct seed_child	 kids[SEED_MAX_KIDS];
	int			 nkids;
	struct seed_adult	 adults[SEED_MAX_ADULTS];
	int			 nadults;
	struct seed_address	 addrs[SEED_MAX_ADDRS];	/* oldest first */
	int			 naddrs;
};

/* A map of UPN buckets (issuing LA, estab, year) to the next serial. */
struct seed_upns {
	uint32_t	*keys;		/* owned; 0 = empty */
	uint16_t	*next;		/* owned */
	uint32_t	 mask;
};

/* The generator of one pass. */
struct seed_gen {
	struct seed_world	*w;		/* borrowed */
	int			 la_index;	/* LA being generated */
	int			 family;	/* next family of that LA */
	int			 child;		/* next child index */
	long long		 next_person;
	long long		 next_case;
	struct seed_upns	 upns;
	struct seed_family	 fam;		/* the current family */
};

/* Decides the plan of every LA (call once, after seed_world_init). */
void	 seed_family_plan(struct seed_world *);

void	 seed_gen_init(struct seed_gen *, struct seed_world *);
void	 seed_gen_release(struct seed_gen *);
/* Starts a pass: the first family of the first LA, ids from the bases. */
void	 seed_gen_start(struct seed_gen *);
/* Generates the next family into g->fam; false when every LA is done. */
bool	 seed_gen_next(struct seed_gen *);
/* The LA of the current family; borrowed from the world. */
struct seed_la *seed_gen_la(struct seed_gen *);

/* Whether a case status counts as open. */
bool	 seed_status_open(enum seed_status);
const char *seed_status_name(enum seed_status);

#endif /* CME_MODEL_SEED_FAMILY_H */
