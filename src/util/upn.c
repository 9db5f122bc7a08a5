/*
 * upn.c — Unique Pupil Number arithmetic (domain.md §5.2).
 *
 * Owns the 23-letter check alphabet. Note the weights are 2..13 on
 * characters 2..13; public code that uses 1..12 produces wrong letters.
 */
#include <stdio.h>
#include <string.h>

#include "util/upn.h"

static const char upn_alphabet[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

static int	 upn_letter_index(char);
static bool	 upn_is_digit(char);

char
upn_check_letter(const char body[12])
{
	int	 i, sum = 0, v;

	for (i = 0; i < 11; i++) {
		if (!upn_is_digit(body[i]))
			return 0;
		sum += (body[i] - '0') * (i + 2);
	}
	if (upn_is_digit(body[11]))
		v = body[11] - '0';
	else if ((v = upn_letter_index(body[11])) < 0)
		return 0;
	sum += v * 13;
	return upn_alphabet[sum % 23];
}

enum upn_status
upn_validate(const char *s)
{
	char	 want;

	if (s == NULL || strlen(s) != UPN_LEN)
		return UPN_BAD_LENGTH;
	if (upn_letter_index(s[0]) < 0)
		return UPN_BAD_CHARACTER;
	want = upn_check_letter(s + 1);
	if (want == 0)
		return UPN_BAD_CHARACTER;
	if (want != s[0])
		return UPN_BAD_CHECK_LETTER;
	return UPN_OK;
}

const char *
upn_status_text(enum upn_status st)
{
	switch (st) {
	case UPN_OK:
		return "UPN is valid";
	case UPN_BAD_LENGTH:
		return "UPN must be 13 characters";
	case UPN_BAD_CHARACTER:
		return "UPN must be a letter, 11 digits, then a digit or "
		    "letter (no I, O or S)";
	case UPN_BAD_CHECK_LETTER:
		return "UPN check letter is wrong";
	}
	return "UPN is not valid";
}

char
upn_suggest_letter(const char *s)
{
	if (s == NULL || strlen(s) != UPN_LEN)
		return 0;
	return upn_check_letter(s + 1);
}

bool
upn_normalise(const char *s, char out[UPN_LEN + 1])
{
	size_t	 n = 0;
	char	 c;

	out[0] = '\0';
	if (s == NULL)
		return false;
	for (; *s != '\0'; s++) {
		c = *s;
		if (c == ' ' || c == '\t' || c == '-')
			continue;
		if (n == UPN_LEN) {
			out[0] = '\0';
			return false;
		}
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		out[n++] = c;
	}
	out[n] = '\0';
	if (n != UPN_LEN) {
		out[0] = '\0';
		return false;
	}
	return true;
}

int
upn_make(char out[UPN_LEN + 1], int la, int estab, int year2, int serial)
{
	char	 buf[UPN_LEN + 2];

	out[0] = '\0';
	if (la < 0 || la > 999 || estab < 0 || estab > 9999 ||
	    year2 < 0 || year2 > 99 || serial < 0 || serial > 999)
		return -1;
	snprintf(buf, sizeof buf, "?%03d%04d%02d%03d", la, estab, year2,
	    serial);
	buf[0] = upn_check_letter(buf + 1);
	memcpy(out, buf, UPN_LEN + 1);
	return 0;
}

/* Index of c in the check alphabet, or -1 (lower case, I, O, S, ...). */
static int
upn_letter_index(char c)
{
	const char	*p;

	if (c == '\0')
		return -1;
	p = strchr(upn_alphabet, c);
	return p == NULL ? -1 : (int)(p - upn_alphabet);
}

static bool
upn_is_digit(char c)
{
	return c >= '0' && c <= '9';
}
