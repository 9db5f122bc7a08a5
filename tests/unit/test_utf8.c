/*
 * test_utf8.c — display columns: names in any script line up in the
 * grid, clipping never cuts a character or strips an accent, and a
 * clipped field says so with "…".
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/utf8.h"
#include "unit.h"

#define WANG	"\xe7\x8e\x8b\xe7\xa7\x80\xe8\x8b\xb1"	/* 王秀英 */
#define ZOE	"Zoe\xcc\x88"			/* Zoë, e + U+0308 */
/* 👩🏽‍🎓 woman, skin tone, ZWJ, graduation cap: 2 + 2 + 0 + 2 columns */
#define GRAD	"\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x8e\x93"
/* 🇬🇧🇫🇷: two flags, each a pair of regional indicators */
#define FLAGS	"\xf0\x9f\x87\xac\xf0\x9f\x87\xa7" \
		"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
#define NGUYEN_NFD "Nguye\xcc\x82\xcc\x83n"	/* e + U+0302 + U+0303 */

static void	 test_width(void);
static void	 test_clip(void);
static void	 test_fit(void);
static void	 test_fit_property(void);
static void	 test_codec(void);
static void	 test_byte_locale(void);
static void	 fit_is(const char *s, int cols, int flags, const char *want,
		     const char *desc);

int
main(void)
{
	if (!unit_result(setlocale(LC_ALL, "C.UTF-8") != NULL,
	    "C.UTF-8 locale is available"))
		return unit_done();
	test_width();
	test_clip();
	test_fit();
	test_fit_property();
	test_codec();
	test_byte_locale();
	return unit_done();
}

static void
test_width(void)
{
	UNIT_INT_EQ(utf8_width(""), 0, "empty string is 0 columns");
	UNIT_INT_EQ(utf8_width("Smith"), 5, "Smith is 5 columns");
	UNIT_INT_EQ(utf8_width(WANG), 6, "王秀英 is 6 columns (double width)");
	UNIT_INT_EQ(utf8_width(ZOE), 3, "Zoë with combining diaeresis is 3");
	UNIT_INT_EQ(utf8_width("Zo\xc3\xab"), 3, "precomposed Zoë is 3");
	UNIT_INT_EQ(utf8_width("Łukasz"), 6, "Łukasz is 6 columns");
	UNIT_INT_EQ(utf8_width("Şükrü"), 5, "Şükrü is 5 columns");
	UNIT_INT_EQ(utf8_width("Nguyễn"), 6, "Nguyễn (precomposed) is 6");
	UNIT_INT_EQ(utf8_width(NGUYEN_NFD), 6,
	    "Nguyễn with two combining marks is 6");
	UNIT_INT_EQ(utf8_width("Ó Súilleabháin"), 14,
	    "Ó Súilleabháin is 14 columns");
	UNIT_INT_EQ(utf8_width(GRAD), 6,
	    "ZWJ emoji: sum of wcwidth (2+2+0+2)");
	UNIT_INT_EQ(utf8_width(FLAGS), 4, "two flags are 4 columns");
	UNIT_INT_EQ(utf8_width("\xff\xfe"), 2, "each invalid byte counts 1");
	UNIT_INT_EQ(utf8_width("a\x1b" "b"), 3,
	    "a non-printable character counts 1, never -1");
	UNIT_INT_EQ(utf8_width("a\xc2\x85" "b"), 3,
	    "U+0085 (wcwidth -1) counts 1, never -1");
	UNIT_INT_EQ(utf8_clip("\xc2\x85\xc2\x85", 1, NULL), 2,
	    "clip counts a wcwidth -1 character as one column");
	UNIT_INT_EQ(utf8_nwidth("a\0b", 3), 3, "nwidth counts an embedded NUL");
	UNIT_INT_EQ(utf8_nwidth(WANG, 4), 3,
	    "nwidth of 王 plus a cut byte is 2 + 1");
}

static void
test_clip(void)
{
	int	 cols = -1;

	UNIT_INT_EQ(utf8_clip(WANG, 5, &cols), 6,
	    "5 columns of 王秀英 hold two characters, not two and a half");
	UNIT_INT_EQ(cols, 4, "... and report 4 columns used");
	UNIT_INT_EQ(utf8_clip(WANG, 1, &cols), 0,
	    "1 column cannot hold half of 王");
	UNIT_INT_EQ(cols, 0, "... 0 columns used");
	UNIT_INT_EQ(utf8_clip(WANG, 6, &cols), 9, "6 columns hold all 王秀英");
	UNIT_INT_EQ(utf8_clip(ZOE, 3, &cols), 5,
	    "clip at Zoë's width keeps the combining mark");
	UNIT_INT_EQ(utf8_clip(ZOE "y", 3, &cols), 5,
	    "clip after ë keeps the mark, drops y");
	UNIT_INT_EQ(utf8_clip(ZOE, 2, &cols), 2,
	    "clip before e drops e and its mark together");
	UNIT_INT_EQ(utf8_clip(NGUYEN_NFD, 5, &cols), 9,
	    "both combining marks stay with their e");
	UNIT_INT_EQ(utf8_clip(NGUYEN_NFD, 4, &cols), 4,
	    "cut before ễ drops e and both marks");
	UNIT_INT_EQ(utf8_clip("Łukasz", 3, &cols), 4,
	    "3 columns of Łukasz are 4 bytes (Łuk)");
	UNIT_INT_EQ(utf8_clip(GRAD, 5, &cols), 0,
	    "5 columns cannot hold part of the ZWJ emoji");
	UNIT_INT_EQ(utf8_clip("ab" GRAD "c", 7, &cols), 2,
	    "emoji is dropped whole, text before it kept");
	UNIT_INT_EQ(utf8_clip(GRAD "c", 6, &cols), 15, "6 columns hold it");
	UNIT_INT_EQ(utf8_clip(FLAGS, 3, &cols), 8,
	    "3 columns hold one flag, not one flag and a half");
	UNIT_INT_EQ(utf8_clip(FLAGS, 1, &cols), 0, "a flag is never split");
	UNIT_INT_EQ(utf8_clip("abc", 0, &cols), 0, "0 columns: empty prefix");
	UNIT_INT_EQ(utf8_clip("abc", -5, &cols), 0, "negative: empty prefix");
	UNIT_INT_EQ(utf8_clip("abc", 100, NULL), 3, "cols_out may be NULL");
	UNIT_INT_EQ(utf8_clip("\xff\xfe\xfd", 2, &cols), 2,
	    "invalid bytes clip one column each");
	UNIT_INT_EQ(utf8_clip("x\xe2\x80", 2, &cols), 2,
	    "a cut sequence at the end counts byte by byte");
}

static void
fit_is(const char *s, int cols, int flags, const char *want,
    const char *desc)
{
	struct sbuf	 sb = SBUF_INIT;

	utf8_fit(&sb, s, cols, flags);
	UNIT_STR_EQ(sb.buf, want, desc);
	sbuf_release(&sb);
}

static void
test_fit(void)
{
	struct sbuf	 sb = SBUF_INIT;

	fit_is("Smith", 8, 0, "Smith   ", "short text is padded to 8");
	fit_is("Smith", 5, UTF8_ELLIPSIS, "Smith", "exact fit: no ellipsis");
	fit_is("Smithson", 5, UTF8_ELLIPSIS, "Smit\xe2\x80\xa6",
	    "clipped text ends in …");
	fit_is("Smithson", 5, UTF8_ELLIPSIS | UTF8_ASCII, "Smit~",
	    "ASCII mode uses ~");
	fit_is("Smithson", 5, 0, "Smith", "without the flag: a hard cut");
	fit_is(WANG, 5, UTF8_ELLIPSIS, "\xe7\x8e\x8b\xe7\xa7\x80\xe2\x80\xa6",
	    "王秀英 in 5 columns is 王秀…");
	fit_is(WANG, 4, UTF8_ELLIPSIS, "\xe7\x8e\x8b\xe2\x80\xa6 ",
	    "王秀英 in 4 columns is 王… plus a space");
	fit_is(WANG, 5, 0, "\xe7\x8e\x8b\xe7\xa7\x80 ",
	    "hard cut of 王秀英 in 5 pads the half cell");
	fit_is("Ó Súilleabháin", 6, UTF8_ELLIPSIS, "Ó Súi\xe2\x80\xa6",
	    "Ó Súilleabháin in 6 columns keeps its accents");
	fit_is(ZOE "y", 4, UTF8_ELLIPSIS, ZOE "y", "Zoëy fits in 4");
	fit_is(ZOE "yy", 4, UTF8_ELLIPSIS, ZOE "\xe2\x80\xa6",
	    "Zoëyy in 4 keeps ë whole before …");
	fit_is("abc", 1, UTF8_ELLIPSIS, "\xe2\x80\xa6",
	    "1 column holds only the ellipsis");
	fit_is("", 3, UTF8_ELLIPSIS, "   ", "empty text is all padding");

	sbuf_append_str(&sb, "[");
	UNIT_CHECK(utf8_fit(&sb, "abc", 0, 0) && sb.len == 1,
	    "0 columns append nothing and report clipping");
	UNIT_CHECK(!utf8_fit(&sb, "ab", 2, 0),
	    "fit reports no clipping when it fits");
	UNIT_CHECK(utf8_fit(&sb, "abc", 2, 0), "fit reports clipping");
	UNIT_STR_EQ(sb.buf, "[abab", "fit appends to what is there");
	sbuf_release(&sb);
}

/* Whatever the text and width, the result is exactly cols columns. */
static void
test_fit_property(void)
{
	static const char	*texts[] = {
		"", "Smith", WANG, ZOE, GRAD, FLAGS, NGUYEN_NFD, "Łukasz",
		"Şükrü", "Ó Súilleabháin", "a" WANG "b" GRAD "c" ZOE,
		("\xff\xfe" "abc"),
	};
	struct sbuf		 sb = SBUF_INIT;
	size_t			 i;
	int			 cols, flags, bad = 0;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		for (cols = 0; cols <= 24; cols++) {
			for (flags = 0; flags < 4; flags++) {
				sbuf_reset(&sb);
				utf8_fit(&sb, texts[i], cols, flags);
				if (utf8_width(sb.buf) != cols) {
					bad++;
					unit_diag("text %zu cols %d flags %d "
					    "gave %d", i, cols, flags,
					    utf8_width(sb.buf));
				}
			}
		}
	}
	UNIT_INT_EQ(bad, 0, "utf8_fit output is exactly cols columns for "
	    "every sample, width 0-24 and flag set");
	sbuf_release(&sb);
}

static void
test_codec(void)
{
	uint32_t	 cp, back;
	char		 buf[4];
	int		 n, bad = 0;

	for (cp = 0; cp <= 0x10ffff; cp++) {
		n = utf8_encode(cp, buf);
		if (cp >= 0xd800 && cp <= 0xdfff) {
			bad += n != 0;
			continue;
		}
		if (n == 0 || utf8_decode(buf, (size_t)n, &back) != n ||
		    back != cp || utf8_decode(buf, (size_t)n - 1, &back) != 0)
			bad++;
	}
	UNIT_INT_EQ(bad, 0, "every scalar value encodes and decodes; "
	    "surrogates refuse; a cut sequence fails");
	UNIT_INT_EQ(utf8_encode(0x110000, buf), 0, "no encoding above 10FFFF");
	UNIT_INT_EQ(utf8_decode("\xc1\xbf", 2, &cp), 0, "C1 BF is overlong");
	UNIT_INT_EQ(utf8_decode("\xe0\x9f\xbf", 3, &cp), 0,
	    "E0 9F BF is overlong");
	UNIT_INT_EQ(utf8_decode("\xf0\x8f\xbf\xbf", 4, &cp), 0,
	    "F0 8F BF BF is overlong");
	UNIT_INT_EQ(utf8_decode("\xed\xbf\xbf", 3, &cp), 0,
	    "ED BF BF is a surrogate");
}

static void
test_byte_locale(void)
{
	struct sbuf	 sb = SBUF_INIT;

	setlocale(LC_ALL, "C");
	UNIT_INT_EQ(utf8_width(WANG), 9,
	    "single-byte locale: every byte is a column");
	UNIT_INT_EQ(utf8_clip(WANG, 4, NULL), 4,
	    "single-byte locale: clip counts bytes");
	utf8_fit(&sb, "Smithson", 5, UTF8_ELLIPSIS);
	UNIT_STR_EQ(sb.buf, "Smit~",
	    "single-byte locale: ellipsis is ~ even without UTF8_ASCII");
	sbuf_release(&sb);
	setlocale(LC_ALL, "C.UTF-8");
}
