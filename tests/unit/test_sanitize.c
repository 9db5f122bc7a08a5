/*
 * test_sanitize.c — hostile text from the database must reach the screen
 * as visible, inert characters: no escape sequence, no control byte, no
 * bidi trickery, no invalid UTF-8. Names in any script pass untouched.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/prng.h"
#include "util/sanitize.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "unit.h"

#define FFFD	"\xef\xbf\xbd"
/* in is a string literal; its length is taken from sizeof. */
#define EXPECT(in, flags, want, desc) \
	expect((in), sizeof(in) - 1, (flags), (want), (desc))

static void	 expect(const char *in, size_t len, int flags, const char *want,
		     const char *desc);
static void	 test_escapes(void);
static void	 test_controls(void);
static void	 test_invalid_utf8(void);
static void	 test_bidi_and_format(void);
static void	 test_clean_text(void);
static void	 test_ascii(void);
static void	 test_long(void);
static void	 test_random(void);
static int	 output_ok(const char *, size_t, int);

int
main(void)
{
	test_escapes();
	test_controls();
	test_invalid_utf8();
	test_bidi_and_format();
	test_clean_text();
	test_ascii();
	test_long();
	test_random();
	return unit_done();
}

static void
expect(const char *in, size_t len, int flags, const char *want,
    const char *desc)
{
	char	*got;

	got = sanitize_text(in, len, flags);
	UNIT_STR_EQ(got, want, desc);
	free(got);
}

static void
test_escapes(void)
{
	const char	*osc52 = "\x1b]52;c;SGVsbG8=\x07";
	char		*got;

	expect(osc52, strlen(osc52), 0, "^[]52;c;SGVsbG8=^G",
	    "OSC 52 clipboard write shows as text");
	got = sanitize_text(osc52, strlen(osc52), 0);
	UNIT_CHECK(strchr(got, 0x1b) == NULL && strchr(got, 0x07) == NULL,
	    "OSC 52 output holds no ESC or BEL byte");
	free(got);
	EXPECT("\x1b[2J\x1b[H", 0, "^[[2J^[[H",
	    "clear-screen and home show as text");
	EXPECT("\x1b]0;pwned\x1b\\", 0, "^[]0;pwned^[\\",
	    "window-title OSC with ST shows as text");
	EXPECT("\x1bP+q544e\x1b\\", 0, "^[P+q544e^[\\",
	    "DCS request shows as text");
	EXPECT("\x9b" "31m", 0, FFFD "31m",
	    "raw 8-bit CSI byte 0x9B becomes U+FFFD");
	EXPECT("\xc2\x9b" "31m", 0, "<009B>31m",
	    "CSI as code point U+009B becomes <009B>");
	EXPECT("\xc2\x9d" "8;;http://x\xc2\x9c", 0,
	    "<009D>8;;http://x<009C>", "C1 OSC hyperlink becomes text");
	EXPECT("\xc2\x80\xc2\x9f", 0, "<0080><009F>",
	    "C1 range ends U+0080 and U+009F");
	EXPECT("\xc2\xa0", 0, "\xc2\xa0", "U+00A0 (after C1) is kept");
}

static void
test_controls(void)
{
	EXPECT("a\tb\nc", 0, "a^Ib^Jc", "tab and newline become ^I ^J");
	EXPECT("a\tb\nc", SANITIZE_KEEP_NEWLINE, "a^Ib\nc",
	    "KEEP_NEWLINE keeps newline, not tab");
	EXPECT("line1\r\nline2\r\n", SANITIZE_KEEP_NEWLINE,
	    "line1\nline2\n", "KEEP_NEWLINE turns CRLF into LF");
	EXPECT("Paid 50\r99", SANITIZE_KEEP_NEWLINE, "Paid 50^M99",
	    "a lone CR (overwrite trick) is visible even with KEEP_NEWLINE");
	EXPECT("a\r\nb", 0, "a^M^Jb", "CRLF without KEEP_NEWLINE");
	EXPECT("\r\r\n", SANITIZE_KEEP_NEWLINE, "^M\n",
	    "CR CR LF keeps one visible CR");
	EXPECT("abc\b\b\bxyz", 0, "abc^H^H^Hxyz",
	    "backspaces cannot erase text");
	EXPECT("a\0b", 0, "a^@b", "an embedded NUL becomes ^@");
	EXPECT("x\x7fy", 0, "x^?y", "DEL becomes ^?");
	EXPECT("\x01\x1f", 0, "^A^_", "C0 ends become ^A ^_");
	expect(NULL, 0, 0, "", "NULL with length 0 gives \"\"");
	EXPECT("", SANITIZE_ASCII, "", "empty stays empty");
}

static void
test_invalid_utf8(void)
{
	EXPECT("\xff", 0, FFFD, "lone 0xFF becomes one U+FFFD");
	EXPECT("\xc0\xaf", 0, FFFD FFFD,
	    "overlong '/' (C0 AF) is two bad bytes");
	EXPECT("\xe0\x80\xaf", 0, FFFD FFFD FFFD,
	    "3-byte overlong is three bad bytes");
	EXPECT("\xed\xa0\x80", 0, FFFD FFFD FFFD,
	    "surrogate U+D800 is three bad bytes");
	EXPECT("\xf4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD,
	    "above U+10FFFF is four bad bytes");
	EXPECT("\xf5\x80", 0, FFFD FFFD, "F5 lead byte is bad");
	EXPECT("ab\xe2\x82", 0, "ab" FFFD FFFD,
	    "sequence cut short at the end");
	EXPECT("\xe2\x82" "A", 0, FFFD FFFD "A",
	    "sequence cut short by ASCII keeps the ASCII");
	EXPECT("\xe2\x82\x1b[1m", 0, FFFD FFFD "^[[1m",
	    "truncated sequence cannot swallow the ESC after it");
	EXPECT("\x80\xbf", 0, FFFD FFFD, "stray continuation bytes");
	EXPECT("\xf0\x9f\x98", 0, FFFD FFFD FFFD, "emoji cut short");
	EXPECT("\xf4\x8f\xbf\xbd", 0, "\xf4\x8f\xbf\xbd",
	    "U+10FFFD (plane 16 private use) is valid and kept");
}

static void
test_bidi_and_format(void)
{
	EXPECT("abc\xe2\x80\xae" "evil", 0, "abc<202E>evil",
	    "RIGHT-TO-LEFT OVERRIDE becomes <202E>");
	EXPECT("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", 0,
	    "<202A><202B><202C><202D>", "embeddings and PDF are shown");
	EXPECT("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", 0,
	    "<2066><2067><2068><2069>", "bidi isolates are shown");
	EXPECT("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", 0,
	    "<200E><200F><061C>", "LRM, RLM and ALM are shown");
	EXPECT("\xef\xbb\xbf" "Smith", 0, "<FEFF>Smith",
	    "a byte-order mark pasted into a name is shown");
	EXPECT("Jo\xe2\x80\x8bhn", 0, "Jo<200B>hn",
	    "zero-width space inside a name is shown");
	EXPECT("a\xe2\x80\xa8" "b\xe2\x80\xa9", 0, "a<2028>b<2029>",
	    "line and paragraph separators are shown");
	EXPECT("\xe2\x81\xa0", 0, "<2060>", "word joiner is shown");
	EXPECT("\xef\xbf\xbe\xef\xbf\xbf", 0, "<FFFE><FFFF>",
	    "noncharacters FFFE/FFFF are shown");
	EXPECT("\xf4\x8f\xbf\xbf", 0, "<10FFFF>",
	    "noncharacter U+10FFFF is shown");
	EXPECT("\xef\xb7\x90", 0, "<FDD0>", "noncharacter U+FDD0 is shown");
	EXPECT("\xef\xbf\xbd", 0, "\xef\xbf\xbd",
	    "a real U+FFFD in the data is kept");
}

static void
test_clean_text(void)
{
	static const char	*names[] = {
		"Łukasz Wiśniewski", "Şükrü Yılmaz", "Nguyễn Văn An",
		"Ó Súilleabháin", "王秀英", "Zoe\xcc\x88",
		"\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x8e\x93",
		"Ng\xc3\xb4 \xe2\x80\x8c", "محمد", "Ærøskøbing ß",
		"~!@#$%^&*()_+`-={}|[]\\:\";'<>?,./",
	};
	struct sbuf		 sb = SBUF_INIT;
	size_t			 i;
	int			 bad = 0;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		char	*got = sanitize_text(names[i], strlen(names[i]), 0);

		if (strcmp(got, names[i]) != 0 ||
		    !sanitize_is_clean(names[i], strlen(names[i])))
			unit_diag("changed: %s", names[i]);
		bad += strcmp(got, names[i]) != 0 ||
		    !sanitize_is_clean(names[i], strlen(names[i]));
		free(got);
	}
	UNIT_INT_EQ(bad, 0, "names in many scripts (and ZWJ emoji) are "
	    "untouched and clean");

	UNIT_CHECK(sanitize_is_clean("", 0), "empty string is clean");
	UNIT_CHECK(!sanitize_is_clean("\x1b[2J", 4), "ESC is not clean");
	UNIT_CHECK(!sanitize_is_clean("a\nb", 3), "newline is not clean");
	UNIT_CHECK(!sanitize_is_clean("a\0b", 3), "NUL is not clean");
	UNIT_CHECK(!sanitize_is_clean("\xc2\x9b", 2), "U+009B is not clean");
	UNIT_CHECK(!sanitize_is_clean("\xed\xa0\x80", 3),
	    "surrogate is not clean");
	UNIT_CHECK(!sanitize_is_clean("x\xe2\x80\xae", 4),
	    "RLO is not clean");
	UNIT_CHECK(!sanitize_is_clean("\xe2\x80\xae", 2),
	    "a sequence cut short by len is not clean");
	UNIT_CHECK(sanitize_is_clean("ok\x1b", 2),
	    "only len bytes are looked at");

	sbuf_append_str(&sb, "Name: ");
	sanitize_append(&sb, "Bob\x1b[31m", 8, 0);
	UNIT_STR_EQ(sb.buf, "Name: Bob^[[31m",
	    "sanitize_append appends after existing text");
	sbuf_release(&sb);
}

static void
test_ascii(void)
{
	const char	*emoji =
	    "\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x8e\x93";

	expect("Łukasz", strlen("Łukasz"), SANITIZE_ASCII, "?ukasz",
	    "ASCII mode: Ł becomes ?");
	expect("王秀英", strlen("王秀英"), SANITIZE_ASCII, "???",
	    "ASCII mode: one ? per CJK character");
	EXPECT("Zoe\xcc\x88", SANITIZE_ASCII, "Zoe?",
	    "ASCII mode: a combining mark is one ?");
	expect(emoji, strlen(emoji), SANITIZE_ASCII, "????",
	    "ASCII mode: ZWJ emoji is one ? per code point");
	EXPECT("\xff\xc0\xaf", SANITIZE_ASCII, "???",
	    "ASCII mode: bad bytes become ?");
	EXPECT("\xc2\x9b" "x\xe2\x80\xae", SANITIZE_ASCII, "<009B>x<202E>",
	    "ASCII mode keeps the ASCII placeholders for C1 and bidi");
	EXPECT("\x1b[2J\r\n", SANITIZE_ASCII | SANITIZE_KEEP_NEWLINE,
	    "^[[2J\n", "ASCII and KEEP_NEWLINE combine");
	expect("Ó Súilleabháin", strlen("Ó Súilleabháin"), SANITIZE_ASCII,
	    "? S?illeabh?in", "ASCII mode: Irish name keeps its ASCII");
}

static void
test_long(void)
{
	size_t	 n = 1 << 20, i;
	char	*in, *got;
	int	 ok;
	clock_t	 t0;
	double	 secs;

	in = malloc(n);
	memset(in, 0x1b, n);
	got = sanitize_text(in, n, 0);
	ok = strlen(got) == 2 * n;
	for (i = 0; ok && i < 2 * n; i += 2)
		ok = got[i] == '^' && got[i + 1] == '[';
	UNIT_CHECK(ok, "1 MiB of ESC becomes 2 MiB of ^[");
	free(got);

	for (i = 0; i < n; i++)
		in[i] = (char)('a' + i % 26);
	got = sanitize_text(in, n, 0);
	UNIT_CHECK(strlen(got) == n && memcmp(got, in, n) == 0,
	    "1 MiB of clean text comes back unchanged");
	free(got);

	for (i = 0; i < n; i++)
		in[i] = (char)(0x80 + i % 0x20);
	got = sanitize_text(in, n, 0);
	UNIT_CHECK(strlen(got) == 3 * n && output_ok(got, strlen(got), 0),
	    "1 MiB of raw C1 bytes becomes 1M U+FFFD, all valid");
	free(got);

	for (i = 0; i + 1 < n; i += 2)
		memcpy(in + i, "\xc3\xa9", 2);		/* é */
	t0 = clock();
	got = sanitize_text(in, n, SANITIZE_ASCII);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok = strlen(got) == n / 2 && strspn(got, "?") == n / 2;
	UNIT_CHECK(ok && secs < 2.0, "1 MiB of é in ASCII mode becomes 512 Ki "
	    "'?' in linear time");
	free(got);
	free(in);
}

/*
 * The invariants the renderer relies on, checked independently of
 * sanitize.c: no byte < 0x20 (but kept '\n'), no 0x7F, valid UTF-8, no
 * C1 code point, and ASCII-only output in ASCII mode.
 */
static int
output_ok(const char *s, size_t len, int flags)
{
	size_t		 i = 0;
	uint32_t	 cp;
	int		 n;

	while (i < len) {
		unsigned char	 c = (unsigned char)s[i];

		if (c == '\n' && (flags & SANITIZE_KEEP_NEWLINE)) {
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			return 0;
		if ((flags & SANITIZE_ASCII) && c >= 0x80)
			return 0;
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || (cp >= 0x80 && cp <= 0x9f) || cp == 0x202e)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

static void
test_random(void)
{
	static const int	 flagsets[] = {
		0, SANITIZE_KEEP_NEWLINE, SANITIZE_ASCII,
		SANITIZE_ASCII | SANITIZE_KEEP_NEWLINE,
	};
	struct prng		 r;
	char			 in[64], *out, *again;
	size_t			 len, i, f;
	int			 bad = 0, unstable = 0, unclean = 0;

	prng_seed(&r, 1);
	for (i = 0; i < 20000; i++) {
		len = prng_below(&r, sizeof in);
		for (f = 0; f < len; f++) {
			/* Bias towards the interesting bytes. */
			if (prng_chance(&r, 0.3))
				in[f] = "\x1b\x9b\xc2\xe2\x80\xae\xed\xf4\n\r"
				    [prng_below(&r, 10)];
			else
				in[f] = (char)prng_below(&r, 256);
		}
		for (f = 0; f < 4; f++) {
			out = sanitize_text(in, len, flagsets[f]);
			if (!output_ok(out, strlen(out), flagsets[f]))
				bad++;
			if (!(flagsets[f] & SANITIZE_KEEP_NEWLINE) &&
			    !sanitize_is_clean(out, strlen(out)))
				unclean++;
			again = sanitize_text(out, strlen(out), flagsets[f]);
			if (strcmp(again, out) != 0)
				unstable++;
			free(again);
			free(out);
		}
	}
	UNIT_INT_EQ(bad, 0, "80000 random inputs: no control byte, valid "
	    "UTF-8, no C1 in any output");
	UNIT_INT_EQ(unclean, 0, "sanitised output is always clean");
	UNIT_INT_EQ(unstable, 0, "sanitising twice changes nothing");
}
