/*
 * fuzz_upn.c — libFuzzer target for UPN validation (UPNs arrive in CTF
 * and CSV imports). The validator must agree with its own suggestion:
 * a well-formed UPN is valid exactly when its check letter is the one
 * suggested, and fixing that letter always makes it valid.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/upn.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		 s[32], fixed[UPN_LEN + 1], norm[UPN_LEN + 1];
	char		 want;
	enum upn_status	 st;
	size_t		 n;

	n = size < sizeof s - 1 ? size : sizeof s - 1;
	memcpy(s, data, n);
	s[n] = '\0';
	st = upn_validate(s);
	want = upn_suggest_letter(s);
	if (upn_status_text(st) == NULL)
		abort();
	if (st == UPN_OK && want != s[0])
		abort();
	if (st == UPN_BAD_CHECK_LETTER && (want == 0 || want == s[0]))
		abort();
	if (want != 0) {
		memcpy(fixed, s, sizeof fixed);
		fixed[0] = want;
		if (upn_validate(fixed) != UPN_OK)
			abort();
	}
	if (upn_normalise(s, norm) && strlen(norm) != UPN_LEN)
		abort();
	return 0;
}
