/*
 * seed.h — synthetic data for demos, tests and benchmarks (`cme db seed`).
 *
 * Everything it makes is invented: names drawn from lists of many origins,
 * valid but made-up UPNs, addresses on fictional streets. The same options
 * and seed always give the same data.
 */
#ifndef CME_MODEL_SEED_H
#define CME_MODEL_SEED_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct db;
struct db_error;

struct seed_options {
	bool		 demo;		/* the demo LAs, staff and logins */
	int		 pupils;	/* children per LA (0: default) */
	uint64_t	 seed;		/* PRNG seed */
	FILE		*progress;	/* progress lines, or NULL */
};

/* Loads the data in one transaction; returns 0, or -1 with err set. */
int	seed_run(struct db *, const struct seed_options *, struct db_error *);

#endif /* CME_MODEL_SEED_H */
