/*
 * utf8.h — display columns of UTF-8 text: measure, clip, fit.
 *
 * Text is measured with mbrtowc() + wcwidth() in the current locale, which
 * main() sets with setlocale(LC_ALL, ""). In a single-byte locale (C,
 * POSIX: MB_CUR_MAX == 1) every byte counts one column. A character that
 * wcwidth() calls non-printable (-1), and each invalid byte, counts one
 * column: callers sanitise outside text first (sanitize.h), so this only
 * keeps the arithmetic total.
 *
 * Clipping never cuts inside a character, never splits a double-width
 * character at the edge, and keeps together what draws as one glyph:
 * a base with its zero-width marks (combining accents, variation
 * selectors, ZWJ), an emoji with its skin-tone modifier, anything joined
 * by ZWJ (U+200D), and a pair of regional indicators (a flag). Widths
 * are the sum of wcwidth() over the code points, which is what ncurses
 * and most terminals advance the cursor by.
 */
#ifndef CME_UTIL_UTF8_H
#define CME_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sbuf;

enum utf8_flags {
	UTF8_ELLIPSIS	= 1 << 0,	/* mark a clipped string with "…" */
	UTF8_ASCII	= 1 << 1,	/* the mark is "~" (--ascii) */
};

/*
 * Decodes one strict UTF-8 sequence from the len (> 0) bytes at s. Returns
 * its length (1 to 4) and sets *cp, or 0 when s does not start a valid
 * sequence: a stray continuation byte, an overlong form, a surrogate, a
 * value above U+10FFFF, or a sequence cut short. Locale-independent.
 */
int		 utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp (a Unicode scalar value) into out; returns 1 to 4 bytes, or
 * 0 if cp is a surrogate or above U+10FFFF. */
int		 utf8_encode(uint32_t cp, char out[4]);

/* Display columns of the NUL-terminated s (never negative). */
int		 utf8_width(const char *s);
/* The same for len bytes (NUL bytes count one column each). */
int		 utf8_nwidth(const char *s, size_t len);
/*
 * Byte length of the longest prefix of s that fits in max_cols columns
 * without splitting a glyph (see above); 0 when max_cols <= 0. cols_out,
 * if not NULL, receives the prefix's width.
 */
size_t		 utf8_clip(const char *s, int max_cols, int *cols_out);
/*
 * Appends s to out clipped and padded with spaces to exactly cols columns
 * (nothing when cols <= 0). With UTF8_ELLIPSIS a clipped string ends with
 * "…" (or "~" with UTF8_ASCII or in a single-byte locale). Returns true
 * when s was clipped.
 */
bool		 utf8_fit(struct sbuf *out, const char *s, int cols,
		     int flags);

#endif /* CME_UTIL_UTF8_H */
