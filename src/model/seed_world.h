/*
 * seed_world.h — the fixed parts of the demo: LAs, schools, teams, staff,
 * term calendars, id bases, and the per-LA plan arrays.
 *
 * A struct seed_world is built once per run (seed_world_init) and read by
 * every pass; it owns the school lists, the calendars and the plan arrays
 * (a few bytes per child, so 300,000 children cost a few MB). The staff
 * come from a static table: their login role names are fixed, and the
 * CREATE ROLE statements built from them (seed.c) never see user input.
 */
#ifndef CME_MODEL_SEED_WORLD_H
#define CME_MODEL_SEED_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "model/seed_attendance.h"
#include "model/seed_calendar.h"
#include "model/seed_places.h"
#include "util/calendar.h"

struct prng;

#define SEED_LAS		2
#define SEED_MAX_TEAMS		3
#define SEED_YEAR_GROUPS	12	/* Reception (0) to Year 11 (11) */
#define SEED_HISTORY_YEARS	14	/* academic years with known dates */
#define SEED_LARGE_STAFF	150	/* staff of LA 830 when large */

/* What happens to a child, decided before any family is generated. */
enum seed_kind {
	SEED_KIND_ROLL,		/* on a school roll */
	SEED_KIND_STREAK,	/* on roll, 10+ days unauthorised absence now */
	SEED_KIND_SICK,		/* on roll, a 15-day illness this year */
	SEED_KIND_PAST_CASE,	/* on roll again after a closed CME case */
	SEED_KIND_EHE,		/* home educated, no case */
	SEED_KIND_CME,		/* missing education, with a case */
	SEED_KIND_CME_NEW,	/* deleted days ago: alerts, no case yet */
};

enum seed_status {
	SEED_ST_NONE,
	SEED_ST_REFERRED,
	SEED_ST_ENQUIRIES,
	SEED_ST_LOCATED,
	SEED_ST_ESCALATED,
	SEED_ST_TRANSFERRED,
	SEED_ST_CLOSED,
};

/* One child's plan: four bytes. */
struct seed_plan {
	uint8_t		 kind;		/* enum seed_kind */
	uint8_t		 status;	/* enum seed_status of the case */
	uint8_t		 assignee;	/* staff index + 1; 0 unassigned */
	uint8_t		 repeat;	/* 1: an earlier closed case too */
};

/* Attendance facts kept from the attendance pass for the alerts. */
struct seed_att_fact {
	uint16_t	 possible;	/* this year so far */
	uint16_t	 present;
	uint16_t	 streak;	/* current unauthorised run, days */
	int32_t		 n_day;		/* oldest N still standing, or -1 */
	int32_t		 sick_day;	/* first day of a long illness, -1 */
};

struct seed_school {
	int		 laestab;
	char		 phase;		/* 'P' primary, 'S' secondary */
	char		 name[72];
	const char	*governance;	/* static */
	int		 town;		/* index into the LA's towns */
	char		 postcode[SEED_POSTCODE_LEN];
	int		 urn;
	int		 closed_day;	/* a day it was shut this year, or -1 */
	enum seed_mark	 closed_code;	/* SEED_MARK_CLOSED or _SITE */
};

struct seed_team {
	int		 team_id;
	const char	*name;		/* static */
};

/* The static staff table: one login role each. */
struct seed_staff {
	int		 la_code;
	const char	*role;		/* login role (an SQL identifier) */
	const char	*display_name;
	const char	*kind;		/* cme.staff.kind */
	const char	*group;		/* the cme_* group role granted */
	int		 team;		/* team index in its LA, -1 none */
	const char	*email;
};

struct seed_la {
	int		 index;		/* 0 or 1 */
	int		 la_code;
	const char	*name;
	int		 nchildren;
	long long	 first_child_id;	/* child_id of child 0 */
	struct seed_school *schools;	/* owned; primaries first */
	int		 nschools;
	int		 nprimary;
	struct seed_team teams[SEED_MAX_TEAMS];
	int		 nteams;

	struct seed_year years[2];	/* [0] previous, [1] current year */
	int		 term_id[2][SEED_CAL_TERMS];
	struct calendar	 cal;		/* both years: school-day counting */
	int		 year_first;	/* index in cal.school of the first
					 * school day of the current year */
	int		 cutoff;	/* index of the first school day on or
					 * after as_of (= days before it) */
	/* Pupil days of past years: [k] is academic year ay - k. */
	int		 year_start[SEED_HISTORY_YEARS];
	int		 year_end[SEED_HISTORY_YEARS];

	/* The plan (seed_family_plan). */
	struct seed_plan *plan;		/* owned, nchildren */
	uint8_t		*family_size;	/* owned, nfamilies */
	int		 nfamilies;
	struct seed_att_fact *att;	/* owned, nchildren (attendance pass) */

	/* Figures for the progress line. */
	long		 marks;
	long		 cme;
	long		 open_cases;
};

struct seed_world {
	uint64_t	 seed;
	int		 as_of;
	int		 academic_year;
	int		 pupils;	/* children of the first LA (830); of
					 * both unless large */
	bool		 large;		/* benchmark scale: 830 large (150
					 * staff, fewer open and more closed
					 * cases), 886 at the demo's size */
	struct seed_la	 la[SEED_LAS];
	struct seed_codes codes;	/* from cme.attendance_code */
	char		 enquiry[16][32]; /* cme.enquiry_item, by sort */
	bool		 enquiry_la[16];
	int		 nenquiry;
	char		 rule[16][32];	/* cme.alert_rule and severity */
	char		 severity[16][8];
	int		 nrule;

	/* First free id of each identity column (max + 1 at the start). */
	long long	 base_child;
	long long	 base_person;
	long long	 base_address;
	long long	 base_name;
	long long	 base_enrolment;
	long long	 base_case;
	long long	 base_contact;
	long long	 base_alert;
	long long	 base_return;
	int		 base_team;
	int		 base_term;
};

/*
 * The staff: the static demo table, then (after seed_world_init with
 * large set) the generated officers that bring LA 830 to SEED_LARGE_STAFF.
 * Entries are borrowed until seed_world_release.
 */
int			 seed_world_staff_count(void);
const struct seed_staff	*seed_world_staff(int);
/* The staff index of the n-th caseworker / supervisor of an LA, or -1. */
int			 seed_world_find_staff(int la_code, const char *kind,
			     int n);

/*
 * Builds the schools, teams, calendars and year tables (ids from the bases
 * already set in w). w->seed, as_of, pupils and the bases must be set.
 */
void	 seed_world_init(struct seed_world *);
void	 seed_world_release(struct seed_world *);

/* A seeded PRNG for one purpose: (la, stream, index) -> its own sequence. */
void	 seed_world_rng(const struct seed_world *, struct prng *, int la_code,
	     int stream, uint64_t index);

/* Random school day of the LA in [from, to] (day numbers), or -1. */
int	 seed_world_school_day(const struct seed_la *, struct prng *,
	     int from, int to);
/* A weekday in [from, to], for dates before the calendars begin. */
int	 seed_world_weekday(struct prng *, int from, int to);

/* Streams for seed_world_rng. */
enum seed_stream {
	SEED_RNG_WORLD = 1,
	SEED_RNG_PLAN,
	SEED_RNG_FAMILY1,	/* what the plan needs: size, origin, ages */
	SEED_RNG_FAMILY2,	/* everything else about the family */
	SEED_RNG_ATTEND,
	SEED_RNG_CASE,
	SEED_RNG_TEXT,		/* contacts, enquiries, alerts, returns */
	SEED_RNG_PERSON,	/* a person's phone and e-mail */
	SEED_RNG_ADDRESS,	/* an address's text */
};

#endif /* CME_MODEL_SEED_WORLD_H */
