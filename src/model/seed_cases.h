/*
 * seed_cases.h — the casework passes of the seed: CME cases, their
 * contacts and enquiry checklists, register returns from schools, and
 * alerts.
 *
 * The case skeletons (status, dates, officer) are made with the family
 * (seed_family.c); this file writes their rows and the text around them:
 * who was phoned, what the neighbour said, which checks came back empty.
 * Alerts read the attendance facts the attendance pass left in the world,
 * so the alert pass must come after it.
 */
#ifndef CME_MODEL_SEED_CASES_H
#define CME_MODEL_SEED_CASES_H

#include <stdio.h>

struct db;
struct db_error;
struct seed_gen;

/* Runs the casework passes. Returns 0, or -1 with err set. */
int	 seed_cases_load(struct db *, struct seed_gen *, FILE *out,
	     struct db_error *);

#endif /* CME_MODEL_SEED_CASES_H */
