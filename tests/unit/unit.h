/*
 * unit.h — a tiny single-header test helper for tests/unit/test_*.c.
 *
 * Each test file has its own main(), runs its cases and ends with
 * `return unit_done();`. Every check prints one line, TAP style:
 *
 *	ok - upn_validate accepts B801200005001
 *	not ok - upn_validate rejects A801200005001
 *	#   tests/unit/test_upn.c:41: expected 3 got 0
 *
 * tests/run-all.sh counts the "ok"/"not ok" lines of every suite. A check
 * inside a loop should count failures and report once (one line per
 * assertion group). Strings in diagnostics are printed C-escaped, so a
 * failing sanitiser test cannot send escape sequences to the terminal.
 * The exit status is 1 if anything failed.
 */
#ifndef CME_TESTS_UNIT_H
#define CME_TESTS_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int	 unit_passed;
static int	 unit_failed;

/* Prints s (n bytes) with everything outside printable ASCII escaped. */
static inline void
unit_put_escaped(const char *s, size_t n)
{
	size_t	 i;

	if (s == NULL) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (i = 0; i < n; i++) {
		unsigned char	 c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			putchar(c);
		else
			printf("\\x%02x", c);
	}
	putchar('"');
}

/* Records one result; the description may use printf formats. */
static inline int
unit_result(int ok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static inline int
unit_result(int ok, const char *fmt, ...)
{
	va_list	 ap;

	fputs(ok ? "ok - " : "not ok - ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (ok)
		unit_passed++;
	else
		unit_failed++;
	return ok;
}

/* A diagnostic line after a failure: "#   <text>". */
static inline void
unit_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static inline void
unit_diag(const char *fmt, ...)
{
	va_list	 ap;

	fputs("#   ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline int
unit_check(int ok, const char *file, int line, const char *expr,
    const char *desc)
{
	if (!unit_result(ok, "%s", desc))
		unit_diag("%s:%d: expected %s", file, line, expr);
	return ok;
}

static inline int
unit_int_eq(long long got, long long want, const char *file, int line,
    const char *desc)
{
	if (!unit_result(got == want, "%s", desc))
		unit_diag("%s:%d: expected %lld got %lld", file, line, want,
		    got);
	return got == want;
}

static inline int
unit_mem_eq(const char *got, size_t got_len, const char *want,
    size_t want_len, const char *file, int line, const char *desc)
{
	int	 ok;

	if (got == NULL || want == NULL)
		ok = got == want;
	else
		ok = got_len == want_len && memcmp(got, want, got_len) == 0;
	if (!unit_result(ok, "%s", desc)) {
		printf("#   %s:%d: expected ", file, line);
		unit_put_escaped(want, want_len);
		fputs("\n#   got      ", stdout);
		unit_put_escaped(got, got_len);
		putchar('\n');
	}
	return ok;
}

static inline int
unit_str_eq(const char *got, const char *want, const char *file, int line,
    const char *desc)
{
	return unit_mem_eq(got, got == NULL ? 0 : strlen(got), want,
	    want == NULL ? 0 : strlen(want), file, line, desc);
}

/* Prints the totals as a comment and returns the exit status. */
static inline int
unit_done(void)
{
	printf("# %d passed, %d failed\n", unit_passed, unit_failed);
	fflush(stdout);
	return unit_failed == 0 ? 0 : 1;
}

#define UNIT_CHECK(cond, desc) \
	unit_check((cond) ? 1 : 0, __FILE__, __LINE__, #cond, (desc))
#define UNIT_INT_EQ(got, want, desc) \
	unit_int_eq((long long)(got), (long long)(want), __FILE__, __LINE__, \
	    (desc))
#define UNIT_STR_EQ(got, want, desc) \
	unit_str_eq((got), (want), __FILE__, __LINE__, (desc))
#define UNIT_MEM_EQ(got, got_len, want, want_len, desc) \
	unit_mem_eq((got), (got_len), (want), (want_len), __FILE__, \
	    __LINE__, (desc))

#endif /* CME_TESTS_UNIT_H */
