/*
 * seed.h — synthetic data for demos, tests and benchmarks (`cme db seed`).
 *
 * Everything it makes is invented: names drawn from lists of many origins,
 * valid but made-up UPNs, addresses on fictional streets. The same options
 * and seed always give the same data, byte for byte: nothing depends on the
 * wall clock except through as_of, which the caller fills (cme db seed
 * defaults it to today, tests pin it with --as-of).
 *
 * The implementation is split by responsibility (all in src/model/):
 *   seed.c             entry point: checks, transaction, roles, progress
 *   seed_load.c        the passes that stream each table through COPY
 *   seed_world.c       the demo LAs, schools, teams, staff, term calendars
 *   seed_family.c      the per-LA plan and each family's children and carers
 *   seed_cases.c       CME cases, contacts, enquiries, alerts, returns
 *   seed_attendance.c  session marks and their counters
 *   seed_calendar.c    English term dates for any academic year
 *   seed_names.c       forenames and surnames of many origins
 *   seed_places.c      school names, streets, towns, postcodes, phones
 *   seed_copy.c        COPY text framing and escaping
 */
#ifndef CME_MODEL_SEED_H
#define CME_MODEL_SEED_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct db;
struct db_error;

#define SEED_DEFAULT_PUPILS	1500	/* children per LA */
#define SEED_LARGE_PUPILS	300000	/* LA 830's children with --large */

struct seed_options {
	bool		 demo;		/* the demo LAs, staff and logins */
	int		 pupils;	/* children per LA (0: default); with
					 * large, of LA 830 only */
	bool		 large;		/* benchmark scale: LA 830 with
					 * SEED_LARGE_PUPILS children, 150
					 * staff, ~3,000 open and ~30,000
					 * closed cases; 886 at the default */
	uint64_t	 seed;		/* PRNG seed */
	int		 as_of;		/* day number (util/date.h): "today"
					 * for the data; marks stop the day
					 * before it */
	FILE		*progress;	/* progress lines, or NULL */
};

/*
 * Loads the data in one transaction, connected as a superuser (it creates
 * login roles and loads with cme.bulk_load on). Refuses, changing nothing,
 * when either demo LA already has children. Returns 0, or -1 with err set.
 */
int	seed_run(struct db *, const struct seed_options *, struct db_error *);

#endif /* CME_MODEL_SEED_H */
