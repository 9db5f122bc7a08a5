/*
 * test_upn.c — UPN check letters against the worked examples in
 * domain.md §5.3, and the properties an officer relies on: every
 * generated UPN validates, and any one mistyped digit is caught.
 */
#include <string.h>

#include "util/prng.h"
#include "util/upn.h"
#include "unit.h"

static void	 test_vectors(void);
static void	 test_malformed(void);
static void	 test_suggest(void);
static void	 test_normalise(void);
static void	 test_make(void);
static void	 test_properties(void);

int
main(void)
{
	test_vectors();
	test_malformed();
	test_suggest();
	test_normalise();
	test_make();
	test_properties();
	return unit_done();
}

static void
test_vectors(void)
{
	static const char	*valid[] = {
		"B801200005001", "G80120000101A", "F830123424001",
		"K886200025123", "H330410324777", "R674123101121",
	};
	size_t			 i;

	for (i = 0; i < sizeof valid / sizeof valid[0]; i++)
		unit_result(upn_validate(valid[i]) == UPN_OK,
		    "%s is a valid UPN", valid[i]);
	UNIT_INT_EQ(upn_validate("R900400001001"), UPN_OK,
	    "R900400001001 passes: LA codes are the model's business");
	UNIT_INT_EQ(upn_check_letter("801200005001"), 'B',
	    "check letter of 801200005001 is B (sum 93)");
	UNIT_INT_EQ(upn_check_letter("80120000101A"), 'G',
	    "temporary 80120000101A: A counts 0, check letter G");
	UNIT_INT_EQ(upn_check_letter("830123424001"), 'F',
	    "Derbyshire body 830123424001 gets F");
	UNIT_INT_EQ(upn_check_letter("886200025123"), 'K',
	    "Kent body 886200025123 gets K");
	UNIT_INT_EQ(upn_check_letter("330410324777"), 'H',
	    "Birmingham body 330410324777 gets H");
	UNIT_INT_EQ(upn_validate("A801200005001"), UPN_BAD_CHECK_LETTER,
	    "A801200005001 has the wrong check letter");
	UNIT_INT_EQ(upn_validate("G80120000101B"), UPN_BAD_CHECK_LETTER,
	    "changing a temporary UPN's final letter breaks it");
	UNIT_INT_EQ(upn_check_letter("80120000101Z"), "ABCDEFGHJKLMNPQRTUVWXYZ"
	    [(52 + 22 * 13) % 23], "final Z counts 22, not 25");
}

static void
test_malformed(void)
{
	static const char	 short_body[12] = "8012000050";

	UNIT_INT_EQ(upn_validate(NULL), UPN_BAD_LENGTH, "NULL is bad length");
	UNIT_INT_EQ(upn_validate(""), UPN_BAD_LENGTH, "empty is bad length");
	UNIT_INT_EQ(upn_validate("B80120000500"), UPN_BAD_LENGTH,
	    "12 characters is bad length");
	UNIT_INT_EQ(upn_validate("B8012000050011"), UPN_BAD_LENGTH,
	    "14 characters is bad length");
	UNIT_INT_EQ(upn_validate("B801200005001 "), UPN_BAD_LENGTH,
	    "a trailing space is not ignored by validate");
	UNIT_INT_EQ(upn_validate("b801200005001"), UPN_BAD_CHARACTER,
	    "lower-case check letter is a bad character");
	UNIT_INT_EQ(upn_validate("I801200005001"), UPN_BAD_CHARACTER,
	    "I is never a check letter");
	UNIT_INT_EQ(upn_validate("O801200005001"), UPN_BAD_CHARACTER,
	    "O is never a check letter");
	UNIT_INT_EQ(upn_validate("S801200005001"), UPN_BAD_CHARACTER,
	    "S is never a check letter");
	UNIT_INT_EQ(upn_validate("1801200005001"), UPN_BAD_CHARACTER,
	    "a digit in position 1 is a bad character");
	UNIT_INT_EQ(upn_validate("M80120000500A"), UPN_OK,
	    "a final letter makes a temporary UPN (sum 80, M)");
	UNIT_INT_EQ(upn_validate("B80120000500A"), UPN_BAD_CHECK_LETTER,
	    "temporary UPN with the permanent one's letter is caught");
	UNIT_INT_EQ(upn_validate("G80120000101I"), UPN_BAD_CHARACTER,
	    "I in position 13 is a bad character");
	UNIT_INT_EQ(upn_validate("G80120000101a"), UPN_BAD_CHARACTER,
	    "lower-case final letter is a bad character");
	UNIT_INT_EQ(upn_validate("B8012O0005001"), UPN_BAD_CHARACTER,
	    "letter O for zero in the middle is a bad character");
	UNIT_INT_EQ(upn_validate("B80120000A001"), UPN_BAD_CHARACTER,
	    "a letter in position 10 is a bad character");
	UNIT_INT_EQ(upn_check_letter(short_body), 0,
	    "check_letter of a short body is 0 (stops at the NUL)");
	UNIT_INT_EQ(upn_check_letter("80120000500/"), 0,
	    "check_letter of a body ending in '/' is 0");
	UNIT_CHECK(strlen(upn_status_text(UPN_BAD_CHECK_LETTER)) > 0,
	    "every status has a message");
	UNIT_STR_EQ(upn_status_text(UPN_BAD_LENGTH),
	    "UPN must be 13 characters", "bad length message");
}

static void
test_suggest(void)
{
	UNIT_INT_EQ(upn_suggest_letter("A801200005001"), 'B',
	    "suggests B for A801200005001");
	UNIT_INT_EQ(upn_suggest_letter("I830123424001"), 'F',
	    "suggests F even when the typed letter is I");
	UNIT_INT_EQ(upn_suggest_letter("f830123424001"), 'F',
	    "suggests F for a lower-case f");
	UNIT_INT_EQ(upn_suggest_letter("F830123424001"), 'F',
	    "a valid UPN's suggestion is its own letter");
	UNIT_INT_EQ(upn_suggest_letter("F83012342400"), 0,
	    "no suggestion for a short UPN");
	UNIT_INT_EQ(upn_suggest_letter("F83012X424001"), 0,
	    "no suggestion when the body is malformed");
	UNIT_INT_EQ(upn_suggest_letter(NULL), 0, "no suggestion for NULL");
}

static void
test_normalise(void)
{
	char	 out[UPN_LEN + 1];

	UNIT_CHECK(upn_normalise(" b801 2000 05001 ", out),
	    "normalise accepts spaced lower-case input");
	UNIT_STR_EQ(out, "B801200005001", "normalise upper-cases and squeezes");
	UNIT_CHECK(upn_normalise("g801-2000-0101a", out) &&
	    upn_validate(out) == UPN_OK,
	    "normalised temporary UPN with dashes validates");
	UNIT_CHECK(!upn_normalise("B8012000050011", out) && out[0] == '\0',
	    "normalise rejects 14 characters and leaves out empty");
	UNIT_CHECK(!upn_normalise("B80120", out) && out[0] == '\0',
	    "normalise rejects 6 characters");
}

static void
test_make(void)
{
	char	 out[UPN_LEN + 1];

	UNIT_INT_EQ(upn_make(out, 830, 1234, 24, 1), 0, "upn_make succeeds");
	UNIT_STR_EQ(out, "F830123424001", "upn_make(830,1234,24,1)");
	UNIT_INT_EQ(upn_make(out, 886, 2000, 25, 123), 0, "upn_make Kent");
	UNIT_STR_EQ(out, "K886200025123", "upn_make(886,2000,25,123)");
	UNIT_INT_EQ(upn_make(out, 1000, 1, 1, 1), -1,
	    "upn_make rejects LA 1000");
	UNIT_STR_EQ(out, "", "rejected upn_make leaves out empty");
	UNIT_INT_EQ(upn_make(out, 801, 10000, 1, 1), -1,
	    "upn_make rejects establishment 10000");
	UNIT_INT_EQ(upn_make(out, 801, 1, 100, 1), -1,
	    "upn_make rejects year 100");
	UNIT_INT_EQ(upn_make(out, 801, 1, 1, -1), -1,
	    "upn_make rejects serial -1");
	UNIT_INT_EQ(upn_make(out, 0, 0, 0, 0), 0, "upn_make all zeros");
	UNIT_STR_EQ(out, "A000000000000", "all-zero body has check letter A");
}

/*
 * Property: every upn_make() result validates; every single-digit change
 * and every swap of two different adjacent digits is caught (weights 2..13
 * are all below the prime 23).
 */
static void
test_properties(void)
{
	struct prng	 r;
	char		 upn[UPN_LEN + 1], typo[UPN_LEN + 1];
	int		 i, pos, d, made_bad = 0, missed_digit = 0;
	int		 missed_swap = 0, swaps = 0;

	prng_seed(&r, 20240819);
	for (i = 0; i < 5000; i++) {
		if (upn_make(upn, prng_range(&r, 201, 943),
		    prng_range(&r, 0, 9999), prng_range(&r, 0, 99),
		    prng_range(&r, 0, 999)) != 0 ||
		    upn_validate(upn) != UPN_OK)
			made_bad++;
		for (pos = 1; pos < UPN_LEN; pos++) {
			for (d = '0'; d <= '9'; d++) {
				if (d == upn[pos])
					continue;
				memcpy(typo, upn, sizeof typo);
				typo[pos] = (char)d;
				if (upn_validate(typo) != UPN_BAD_CHECK_LETTER)
					missed_digit++;
			}
			if (pos + 1 < UPN_LEN && upn[pos] != upn[pos + 1]) {
				memcpy(typo, upn, sizeof typo);
				typo[pos] = upn[pos + 1];
				typo[pos + 1] = upn[pos];
				swaps++;
				if (upn_validate(typo) != UPN_BAD_CHECK_LETTER)
					missed_swap++;
			}
		}
	}
	UNIT_INT_EQ(made_bad, 0, "5000 generated UPNs all validate");
	UNIT_INT_EQ(missed_digit, 0,
	    "every one-digit typo in 5000 UPNs breaks the check letter");
	UNIT_CHECK(swaps > 10000, "property test exercised many swaps");
	UNIT_INT_EQ(missed_swap, 0,
	    "every swap of adjacent digits breaks the check letter");
}
