/*
 * search.c — classifying what the officer typed into the search box.
 *
 * Pure: no I/O, no allocation. The order of the tests matters and is the
 * same as the database function's (012_search.sql), which re-checks what
 * it is sent: a UPN shape first (13 characters once spaces and hyphens
 * go), then a date, then a postcode, and anything else is a name. Shapes
 * that are nearly one of these (a UPN with 12 digits, a date with a
 * two-digit year, 31/02/2014) are refused with a sentence saying what is
 * wrong rather than searched for as a name, which would find nothing and
 * say nothing.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model/queries.h"
#include "model/search.h"
#include "util/date.h"
#include "util/upn.h"
#include "util/utf8.h"

static const char *const search_kind_names[] = {
	[SEARCH_NONE] = "",
	[SEARCH_NAME] = "name",
	[SEARCH_UPN] = "upn",
	[SEARCH_DOB] = "dob",
	[SEARCH_POSTCODE] = "postcode",
};

static const char *const search_months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static bool
search_is_digit(char c)
{
	return (c >= '0' && c <= '9');
}

static bool
search_is_upper(char c)
{
	return (c >= 'A' && c <= 'Z');
}

static char
search_upper(char c)
{
	return (c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
}

/* Refuses: nothing to run, message says why. */
static int
search_refuse(struct search_query *q, const char *msg)
{
	q->kind = SEARCH_NONE;
	q->sql = NULL;
	q->nparams = 0;
	if (msg != q->message)
		snprintf(q->message, sizeof q->message, "%s", msg);
	return (-1);
}

/* Reads 1 to max digits at s[*i]; returns the number or -1. */
static int
search_number(const char *s, size_t *i, int max, int *ndigits)
{
	int	 n = 0, k = 0;

	while (k < max && search_is_digit(s[*i])) {
		n = n * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	*ndigits = k;
	return (k == 0 ? -1 : n);
}

/*
 * A date: YYYY-M-D, or D/M/YYYY, with '-', '/' or '.' between. Returns
 * 1 and the ISO text when it is one; 0 when it is not date-shaped; -1
 * when it is date-shaped but wrong (message set).
 */
static int
search_date(const char *s, struct search_query *q)
{
	size_t	 i = 0;
	int	 a, b, c, na, nb, nc, y, m, d;
	char	 sep;

	a = search_number(s, &i, 4, &na);
	if (a < 0 || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
		return (0);
	sep = s[i++];
	b = search_number(s, &i, 2, &nb);
	if (b < 0 || s[i] != sep)
		return (0);
	i++;
	c = search_number(s, &i, 4, &nc);
	if (c < 0 || s[i] != '\0')
		return (0);
	if (na == 4 && nb <= 2 && nc <= 2) {
		y = a;
		m = b;
		d = c;
	} else if (na <= 2 && nc == 4) {
		d = a;
		m = b;
		y = c;
	} else if (na <= 2 && nc == 2) {
		search_refuse(q, "write the year in full, e.g. 02/03/2014");
		return (-1);
	} else
		return (0);
	if (m < 1 || m > 12) {
		snprintf(q->message, sizeof q->message, "%.12s is not a date: "
		    "there is no month %d (dates are day first: DD/MM/YYYY)",
		    s, m);
		return (search_refuse(q, q->message));
	}
	if (y < 1900 || y > 2199) {
		snprintf(q->message, sizeof q->message, "%.12s is not a "
		    "date of birth: the year is %d", s, y);
		return (search_refuse(q, q->message));
	}
	if (d == 0) {
		snprintf(q->message, sizeof q->message, "%.12s is not a date: "
		    "there is no day 0", s);
		return (search_refuse(q, q->message));
	}
	if (!date_valid(y, m, d)) {
		snprintf(q->message, sizeof q->message, "%.12s is not a date: "
		    "%s %d has %d days", s, search_months[m - 1], y,
		    date_days_in_month(y, m));
		return (search_refuse(q, q->message));
	}
	snprintf(q->text, sizeof q->text, "%04d-%02d-%02d", y, m, d);
	return (1);
}

/* An outward code: A9, A9A, A99, AA9, AA9A, AA99 (n bytes of s). */
static bool
search_outward(const char *s, size_t n)
{
	size_t	 i = 0;

	while (i < n && i < 2 && search_is_upper(s[i]))
		i++;
	if (i == 0 || i >= n || !search_is_digit(s[i]))
		return (false);
	i++;
	if (i < n && (search_is_digit(s[i]) || search_is_upper(s[i])))
		i++;
	return (i == n);
}

/* An inward code: 9AA. */
static bool
search_inward(const char *s, size_t n)
{
	return (n == 3 && search_is_digit(s[0]) && search_is_upper(s[1]) &&
	    search_is_upper(s[2]));
}

/*
 * A postcode or its start. s is upper case with single spaces. Returns
 * true and the canonical text ("DE4 3AB", "DE4", "DE4 3", "DE4 3A").
 */
static bool
search_postcode(const char *s, struct search_query *q)
{
	const char	*sp = strchr(s, ' ');
	size_t		 n = strlen(s), o;

	if (sp == NULL) {
		if (n >= 5 && n <= 7 && search_outward(s, n - 3) &&
		    search_inward(s + n - 3, 3)) {
			snprintf(q->text, sizeof q->text, "%.*s %s",
			    (int)(n - 3), s, s + n - 3);
			return (true);
		}
		if (search_outward(s, n)) {
			snprintf(q->text, sizeof q->text, "%s", s);
			return (true);
		}
		return (false);
	}
	o = (size_t)(sp - s);
	if (!search_outward(s, o) || strchr(sp + 1, ' ') != NULL)
		return (false);
	sp++;
	n = strlen(sp);
	if (search_inward(sp, n) ||
	    (n == 1 && search_is_digit(sp[0])) ||
	    (n == 2 && search_is_digit(sp[0]) && search_is_upper(sp[1]))) {
		snprintf(q->text, sizeof q->text, "%s", s);
		return (true);
	}
	return (false);
}

/*
 * A UPN. compact is the text without spaces or hyphens, upper case.
 * Returns 1 (a UPN search, maybe with a message), 0 (not UPN-shaped) or
 * -1 (nearly a UPN: refused, message set).
 */
static int
search_upn(const char *compact, struct search_query *q)
{
	size_t		 n = strlen(compact), i, digits = 0;
	enum upn_status	 st;
	char		 want;

	if (n == 0 || !search_is_upper(compact[0]))
		return (0);
	for (i = 1; i < n; i++)
		if (search_is_digit(compact[i]))
			digits++;
	if (n != UPN_LEN) {
		if (digits == n - 1 && n >= 9 && n <= 16) {
			snprintf(q->message, sizeof q->message, "a UPN has 13 "
			    "characters, a letter and 12 more (this has %zu)",
			    n);
			return (search_refuse(q, q->message));
		}
		return (0);
	}
	if (digits < 10)
		return (0);
	st = upn_validate(compact);
	want = upn_suggest_letter(compact);
	if (st == UPN_BAD_LENGTH || (st == UPN_BAD_CHARACTER && want == 0))
		return (search_refuse(q, upn_status_text(UPN_BAD_CHARACTER)));
	snprintf(q->text, sizeof q->text, "%s", compact);
	if (st != UPN_OK)
		snprintf(q->message, sizeof q->message, "UPN check letter "
		    "should be %c", want);
	return (1);
}

int
search_prepare(const char *input, struct search_query *q)
{
	char		 text[SEARCH_TEXT_MAX + 1];
	char		 compact[SEARCH_TEXT_MAX + 1];
	char		 upper[SEARCH_TEXT_MAX + 1];
	size_t		 len, i, n = 0, nc = 0, chars = 0, letters = 0;
	uint32_t	 cp;
	int		 k, r;
	bool		 space = false;

	memset(q, 0, sizeof *q);
	q->kind = SEARCH_NONE;
	if (input == NULL)
		input = "";
	len = strlen(input);
	/* Whitespace and control characters collapse to one space. */
	for (i = 0; i < len; i += (size_t)k) {
		k = utf8_decode(input + i, len - i, &cp);
		if (k == 0)
			return (search_refuse(q, "the search text is not valid "
			    "UTF-8"));
		if (cp < 0x20 || cp == ' ' || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0)) {
			space = n > 0;
			continue;
		}
		if (n + (space ? 1 : 0) + (size_t)k > SEARCH_TEXT_MAX) {
			snprintf(q->message, sizeof q->message, "the search "
			    "text is too long (%d characters at most)",
			    SEARCH_TEXT_MAX);
			return (search_refuse(q, q->message));
		}
		if (space)
			text[n++] = ' ';
		space = false;
		memcpy(text + n, input + i, (size_t)k);
		n += (size_t)k;
		chars++;
		if (cp >= 0x80 || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z'))
			letters++;
	}
	text[n] = '\0';
	if (n == 0)
		return (search_refuse(q, "type a name, UPN, date of birth or "
		    "postcode to search for"));
	for (i = 0; i < n; i++) {
		upper[i] = search_upper(text[i]);
		if (text[i] != ' ' && text[i] != '-')
			compact[nc++] = upper[i];
	}
	upper[n] = '\0';
	compact[nc] = '\0';

	if ((r = search_upn(compact, q)) != 0) {
		if (r < 0)
			return (-1);
		q->kind = SEARCH_UPN;
	} else if ((r = search_date(text, q)) != 0) {
		if (r < 0)
			return (-1);
		q->kind = SEARCH_DOB;
	} else if (search_postcode(upper, q)) {
		q->kind = SEARCH_POSTCODE;
	} else {
		if (letters == 0)
			return (search_refuse(q, "that is not a name, UPN, "
			    "date of birth or postcode"));
		if (chars < 2)
			return (search_refuse(q, "type at least 2 letters of a "
			    "name"));
		snprintf(q->text, sizeof q->text, "%s", text);
		q->kind = SEARCH_NAME;
	}
	snprintf(q->limit, sizeof q->limit, "%d", SEARCH_LIMIT);
	q->sql = QUERY_SEARCH_CHILDREN;
	q->params[0] = q->text;
	q->params[1] = search_kind_names[q->kind];
	q->params[2] = q->limit;
	q->nparams = 3;
	return (0);
}

/* Borrowed, static. */
const char *
search_kind_name(enum search_kind kind)
{
	if ((unsigned)kind >= sizeof search_kind_names /
	    sizeof search_kind_names[0])
		return ("");
	return (search_kind_names[kind]);
}
