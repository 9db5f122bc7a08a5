/*
 * upn.h — the Unique Pupil Number: check letter, validation, generation.
 *
 * A UPN is 13 characters (domain.md §5): a check letter, the issuing LA's
 * 3-digit number, a 4-digit establishment number, a 2-digit year and a
 * 3-digit serial. A temporary UPN ends in a letter instead of the last
 * digit (G80120000101A). The check letter is sum(char n * n, n = 2..13)
 * mod 23, read through the letters ABCDEFGHJKLMNPQRTUVWXYZ (no I, O, S);
 * a final letter counts as its index in that alphabet (A = 0 .. Z = 22).
 *
 * Letters must be upper case; upn_normalise() tidies what a person typed.
 * Whether characters 2-4 are a real LA code is not checked here (retired
 * codes stay valid inside old UPNs; see domain.md §5.4).
 */
#ifndef CME_UTIL_UPN_H
#define CME_UTIL_UPN_H

#include <stdbool.h>

#define UPN_LEN		13

enum upn_status {
	UPN_OK,
	UPN_BAD_LENGTH,		/* not exactly 13 characters */
	UPN_BAD_CHARACTER,	/* wrong character for its position */
	UPN_BAD_CHECK_LETTER,	/* well formed, but the check letter is wrong */
};

/*
 * The check letter for characters 2-13 (body[0..11]: eleven digits, then a
 * digit or an alphabet letter), or 0 if body is not well formed.
 */
char		 upn_check_letter(const char body[12]);
enum upn_status	 upn_validate(const char *s);
/* A sentence for the status line, e.g. "UPN check letter is wrong".
 * Borrowed, static. */
const char	*upn_status_text(enum upn_status);
/*
 * The check letter s should have, when s is 13 characters whose last 12
 * are well formed (whatever its first character); 0 otherwise. For a
 * valid UPN it is s[0]. Used to say "check letter should be F".
 */
char		 upn_suggest_letter(const char *s);
/*
 * Copies s to out without spaces and in upper case ("b801 2000 05001" ->
 * "B801200005001"). Returns false (out = "") if that is not 13 characters.
 */
bool		 upn_normalise(const char *s, char out[UPN_LEN + 1]);
/*
 * Builds a permanent UPN from its parts: la 0-999, estab 0-9999, year2
 * 0-99, serial 0-999. Returns 0, or -1 (out = "") if a part is out of
 * range.
 */
int		 upn_make(char out[UPN_LEN + 1], int la, int estab, int year2,
		     int serial);

#endif /* CME_UTIL_UPN_H */
