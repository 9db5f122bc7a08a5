/*
 * prng.c — xoshiro256** 1.0 and splitmix64, after the public-domain
 * reference code at prng.di.unimi.it, and Lemire's nearly-divisionless
 * unbiased bounded integers ("Fast Random Integer Generation in an
 * Interval", 2019).
 */
#include "util/prng.h"

static uint64_t	 prng_rotl(uint64_t, int);

void
prng_seed(struct prng *r, uint64_t seed)
{
	uint64_t	 z;
	int		 i;

	for (i = 0; i < 4; i++) {
		seed += 0x9e3779b97f4a7c15ULL;		/* splitmix64 */
		z = seed;
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		r->s[i] = z ^ (z >> 31);
	}
	if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
		r->s[0] = 1;		/* cannot happen; keeps the invariant */
}

uint64_t
prng_next(struct prng *r)
{
	uint64_t	 result, t;

	result = prng_rotl(r->s[1] * 5, 7) * 9;
	t = r->s[1] << 17;
	r->s[2] ^= r->s[0];
	r->s[3] ^= r->s[1];
	r->s[1] ^= r->s[2];
	r->s[0] ^= r->s[3];
	r->s[2] ^= t;
	r->s[3] = prng_rotl(r->s[3], 45);
	return result;
}

uint32_t
prng_below(struct prng *r, uint32_t n)
{
	uint64_t	 m;
	uint32_t	 low, threshold;

	if (n == 0)
		return 0;
	m = (prng_next(r) >> 32) * (uint64_t)n;
	low = (uint32_t)m;
	if (low < n) {
		threshold = (uint32_t)-n % n;
		while (low < threshold) {
			m = (prng_next(r) >> 32) * (uint64_t)n;
			low = (uint32_t)m;
		}
	}
	return (uint32_t)(m >> 32);
}

int
prng_range(struct prng *r, int lo, int hi)
{
	uint64_t	 span;

	if (hi <= lo)
		return lo;
	span = (uint64_t)((long long)hi - lo) + 1;
	if (span > UINT32_MAX)	/* exactly 2^32: the low bits are fair */
		return (int)((long long)lo + (long long)(prng_next(r) % span));
	return (int)((long long)lo + prng_below(r, (uint32_t)span));
}

double
prng_double(struct prng *r)
{
	return (double)(prng_next(r) >> 11) * 0x1.0p-53;
}

bool
prng_chance(struct prng *r, double p)
{
	if (p <= 0)
		return false;
	if (p >= 1)
		return true;
	return prng_double(r) < p;
}

static uint64_t
prng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}
