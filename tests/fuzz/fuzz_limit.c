/*
 * fuzz_limit.c — libFuzzer target for the limit pattern language
 * (src/model/limit.c): whatever an officer types, or a saved queue holds,
 * the parser either refuses it with a positioned message or yields SQL
 * built only from the whitelist. Checked on every input:
 *   - an error names a column inside the pattern and starts "at N: ";
 *   - the SQL is ASCII with no '"', ';' or "--" (fragments have none, so
 *     user text leaking in would show), its parentheses and quotes
 *     balance, and every $N is one of the parameters returned;
 *   - the canonical form (when it fits in a pattern) parses back to the
 *     same tree and the same SQL and parameters.
 * The first byte picks the list kind and the first parameter number.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/limit.h"
#include "util/sbuf.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_sql(const struct limit_sql *out, int first)
{
	const char	*s;
	int		 depth = 0, quotes = 0, n, i;

	for (s = out->where; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80 || *s == '"' || *s == ';')
			abort();
		if (s[0] == '-' && s[1] == '-')
			abort();
		if (*s == '\'')
			quotes++;
		if (quotes % 2 == 0 && *s == '(')
			depth++;
		if (quotes % 2 == 0 && *s == ')' && --depth < 0)
			abort();
		if (*s == '$') {
			if (s[1] < '0' || s[1] > '9')
				abort();
			n = 0;
			while (s[1] >= '0' && s[1] <= '9' && n < 100000)
				n = n * 10 + (*++s - '0');
			if (n < first || n >= first + out->nparams)
				abort();
		}
	}
	if (depth != 0 || quotes % 2 != 0)
		abort();
	for (i = 0; i < out->nparams; i++)
		if (out->params[i] == NULL)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct limit		*l, *l2;
	struct limit_error	 err;
	struct limit_sql	 out, out2;
	struct sbuf		 f = SBUF_INIT;
	struct sbuf		 d1 = SBUF_INIT, d2 = SBUF_INIT;
	enum limit_kind		 kind;
	char			*pattern;
	int			 first, i;

	if (size == 0 || size > LIMIT_PATTERN_MAX + 100)
		return (0);
	kind = (enum limit_kind)(data[0] % LIMIT_KIND_COUNT);
	first = 1 + data[0] / LIMIT_KIND_COUNT % 5;
	pattern = malloc(size);
	if (pattern == NULL)
		abort();
	memcpy(pattern, data + 1, size - 1);
	pattern[size - 1] = '\0';

	l = limit_parse(pattern, kind, &err);
	if (l == NULL) {
		if (err.column < 1 || err.offset > strlen(pattern) ||
		    strncmp(err.message, "at ", 3) != 0)
			abort();
		free(pattern);
		return (0);
	}
	limit_compile(l, first, &out);
	check_sql(&out, first);

	/* Spelling values out in full may make it longer than a pattern
	 * may be; saving refuses that, so only shorter ones round-trip. */
	limit_format(l, &f);
	if (f.len <= LIMIT_PATTERN_MAX) {
		limit_dump(l, &d1);
		if ((l2 = limit_parse(f.buf, kind, &err)) == NULL)
			abort();
		limit_dump(l2, &d2);
		if (strcmp(d1.buf, d2.buf) != 0)
			abort();
		limit_compile(l2, first, &out2);
		if (strcmp(out.where, out2.where) != 0 ||
		    out.nparams != out2.nparams)
			abort();
		for (i = 0; i < out.nparams; i++)
			if (strcmp(out.params[i], out2.params[i]) != 0)
				abort();
		limit_sql_release(&out2);
		limit_free(l2);
	}
	limit_sql_release(&out);
	limit_free(l);
	sbuf_release(&f);
	sbuf_release(&d1);
	sbuf_release(&d2);
	free(pattern);
	return (0);
}
