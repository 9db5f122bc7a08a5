/*
 * prng.h — a deterministic pseudo-random generator for synthetic data.
 *
 * xoshiro256** (Blackman and Vigna) seeded through splitmix64: the same
 * seed gives the same sequence on every machine and build, so seeded demo
 * data and benchmarks are reproducible. Not for secrets or tokens (use
 * libsodium's randombytes for those).
 */
#ifndef CME_UTIL_PRNG_H
#define CME_UTIL_PRNG_H

#include <stdbool.h>
#include <stdint.h>

struct prng {
	uint64_t	 s[4];		/* xoshiro256** state, never all zero */
};

void		 prng_seed(struct prng *, uint64_t seed);
uint64_t	 prng_next(struct prng *);
/* Uniform in [0, n), without modulo bias; 0 when n is 0. */
uint32_t	 prng_below(struct prng *, uint32_t n);
/* Uniform in [lo, hi] inclusive (lo <= hi). */
int		 prng_range(struct prng *, int lo, int hi);
/* Uniform in [0, 1), 53 random bits. */
double		 prng_double(struct prng *);
/* True with probability p (p <= 0: never, p >= 1: always). */
bool		 prng_chance(struct prng *, double p);

#endif /* CME_UTIL_PRNG_H */
