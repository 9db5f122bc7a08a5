/*
 * test_prng.c — the seeded generator behind the demo data: the same seed
 * must give the same children on every machine, and bounded draws must be
 * in range and fair. Expected numbers come from an independent
 * implementation of splitmix64 + xoshiro256** (and splitmix64(0)'s
 * published first output, 0xe220a8397b1dcdaf).
 */
#include <limits.h>
#include <stdint.h>

#include "util/prng.h"
#include "unit.h"

static void	 test_fixed(void);
static void	 test_bounds(void);
static void	 test_fairness(void);

int
main(void)
{
	test_fixed();
	test_bounds();
	test_fairness();
	return unit_done();
}

static void
test_fixed(void)
{
	static const uint64_t	 want0[4] = {
		0x99ec5f36cb75f2b4ULL, 0xbf6e1f784956452aULL,
		0x1a5f849d4933e6e0ULL, 0x6aa594f1262d2d2cULL,
	};
	static const uint64_t	 want1[4] = {
		0xb3f2af6d0fc710c5ULL, 0x853b559647364ceaULL,
		0x92f89756082a4514ULL, 0x642e1c7bc266a3a7ULL,
	};
	static const uint32_t	 dice[10] = { 0, 2, 4, 5, 5, 4, 4, 5, 4, 3 };
	struct prng		 r, r2;
	int			 i, same = 1, differ = 0;

	prng_seed(&r, 0);
	UNIT_CHECK(r.s[0] == 0xe220a8397b1dcdafULL,
	    "seeding uses splitmix64 (first word for seed 0)");
	for (i = 0; i < 4; i++)
		same &= prng_next(&r) == want0[i];
	UNIT_CHECK(same, "seed 0 gives the expected first four numbers");
	prng_seed(&r, 1);
	same = 1;
	for (i = 0; i < 4; i++)
		same &= prng_next(&r) == want1[i];
	UNIT_CHECK(same, "seed 1 gives the expected first four numbers");
	prng_seed(&r, 42);
	same = 1;
	for (i = 0; i < 10; i++)
		same &= prng_below(&r, 6) == dice[i];
	UNIT_CHECK(same, "seed 42 rolls 0 2 4 5 5 4 4 5 4 3 with below(6)");

	prng_seed(&r, 20240819);
	prng_seed(&r2, 20240819);
	same = 1;
	for (i = 0; i < 10000; i++)
		same &= prng_next(&r) == prng_next(&r2);
	UNIT_CHECK(same, "the same seed repeats the same 10000 numbers");
	prng_seed(&r, 20240819);
	prng_seed(&r2, 20240820);
	for (i = 0; i < 100; i++)
		differ += prng_next(&r) != prng_next(&r2);
	UNIT_INT_EQ(differ, 100, "neighbouring seeds give different streams");
}

static void
test_bounds(void)
{
	struct prng	 r;
	int		 i, bad = 0, lo_seen = 0, hi_seen = 0, v;
	double		 x;

	prng_seed(&r, 7);
	UNIT_INT_EQ(prng_below(&r, 0), 0, "below(0) is 0");
	for (i = 0; i < 100000; i++) {
		bad += prng_below(&r, 1) != 0;
		bad += prng_below(&r, 3) >= 3;
		bad += prng_below(&r, UINT32_MAX) >= UINT32_MAX;
		v = prng_range(&r, -2, 2);
		bad += v < -2 || v > 2;
		lo_seen |= v == -2;
		hi_seen |= v == 2;
		x = prng_double(&r);
		bad += x < 0.0 || x >= 1.0;
		bad += prng_chance(&r, 0.0) || !prng_chance(&r, 1.0);
		(void)prng_range(&r, INT_MIN, INT_MAX);
	}
	UNIT_INT_EQ(bad, 0, "every draw stays in its range");
	UNIT_CHECK(lo_seen && hi_seen, "range(-2, 2) reaches both ends");
	UNIT_INT_EQ(prng_range(&r, 5, 5), 5, "range(5, 5) is 5");
}

static void
test_fairness(void)
{
	struct prng	 r;
	long		 count[6] = { 0 }, hits = 0;
	int		 i, fair = 1;

	prng_seed(&r, 99);
	for (i = 0; i < 600000; i++)
		count[prng_below(&r, 6)]++;
	for (i = 0; i < 6; i++)
		fair &= count[i] > 99000 && count[i] < 101000;
	UNIT_CHECK(fair, "600000 rolls of below(6): each face 100000 +- 1%");

	/*
	 * n = 3 * 2^30: a plain multiply-shift would give multiples of 3
	 * half of the time instead of a third.
	 */
	hits = 0;
	for (i = 0; i < 60000; i++)
		hits += prng_below(&r, 0xc0000000u) % 3 == 0;
	if (!UNIT_CHECK(hits > 19000 && hits < 21000,
	    "below(3 * 2^30) is unbiased: a third are multiples of 3"))
		unit_diag("%ld of 60000", hits);
	hits = 0;
	for (i = 0; i < 400000; i++)
		hits += prng_chance(&r, 0.25);
	UNIT_CHECK(hits > 99000 && hits < 101000,
	    "chance(0.25) hits a quarter of the time +- 1%");
}
