/*
 * fuzz_sanitize.c — libFuzzer target for the terminal sanitiser and the
 * column arithmetic that runs on its output (make fuzz).
 *
 * For every flag set the output must hold no byte below 0x20 (except a
 * kept '\n'), no 0x7F, only valid UTF-8 with no C1 or bidi control, only
 * ASCII in ASCII mode; it must be clean and stable under a second pass;
 * and clipping/fitting it must respect the column budget. Any violation
 * aborts.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/sanitize.h"
#include "util/sbuf.h"
#include "util/utf8.h"

int	 LLVMFuzzerInitialize(int *, char ***);
int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	 check_output(const char *, size_t, int);
static uint32_t	 decode_strict(const unsigned char *, size_t, size_t *);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int	 flagsets[] = {
		0, SANITIZE_KEEP_NEWLINE, SANITIZE_ASCII,
		SANITIZE_ASCII | SANITIZE_KEEP_NEWLINE,
	};
	struct sbuf		 sb = SBUF_INIT;
	const char		*in = (const char *)data;
	char			*out, *again;
	size_t			 f, len, cut;
	int			 cols, used, w;
	mbstate_t		 st;
	wchar_t			 wc;

	for (f = 0; f < sizeof flagsets / sizeof flagsets[0]; f++) {
		out = sanitize_text(in, size, flagsets[f]);
		len = strlen(out);
		check_output(out, len, flagsets[f]);
		if (!(flagsets[f] & SANITIZE_KEEP_NEWLINE) &&
		    !sanitize_is_clean(out, len))
			abort();
		again = sanitize_text(out, len, flagsets[f]);
		if (strcmp(again, out) != 0)
			abort();
		free(again);

		w = utf8_width(out);
		if (w < 0 || (size_t)w > len)
			abort();
		cols = size > 0 ? data[0] % 40 : 0;
		cut = utf8_clip(out, cols, &used);
		if (cut > len || used < 0 || used > cols ||
		    utf8_nwidth(out, cut) != used)
			abort();
		if (cut < len && !sanitize_is_clean(out, cut) &&
		    !(flagsets[f] & SANITIZE_KEEP_NEWLINE))
			abort();		/* cut inside a character */
		memset(&st, 0, sizeof st);
		if (cut > 0 && cut < len &&
		    mbrtowc(&wc, out + cut, len - cut, &st) < (size_t)-2 &&
		    wcwidth(wc) == 0)
			abort();		/* mark cut from its base */
		sbuf_reset(&sb);
		utf8_fit(&sb, out, cols, UTF8_ELLIPSIS);
		if (utf8_width(sb.buf) != cols)
			abort();
		free(out);
	}
	if (sanitize_is_clean(in, size)) {
		out = sanitize_text(in, size, 0);
		if (strlen(out) != size || memcmp(out, in, size) != 0)
			abort();
		free(out);
	}
	sbuf_release(&sb);
	return 0;
}

static void
check_output(const char *s, size_t len, int flags)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 cp;

	while (i < len) {
		if (p[i] == '\n' && (flags & SANITIZE_KEEP_NEWLINE)) {
			i++;
			continue;
		}
		if (p[i] < 0x20 || p[i] == 0x7f)
			abort();
		if ((flags & SANITIZE_ASCII) && p[i] >= 0x80)
			abort();
		cp = decode_strict(p + i, len - i, &n);
		if (n == 0)
			abort();		/* invalid UTF-8 */
		if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x061c ||
		    cp == 0x200e || cp == 0x200f ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff)
			abort();		/* a control survived */
		i += n;
	}
}

/* A second, independent strict decoder; *n = 0 when invalid. */
static uint32_t
decode_strict(const unsigned char *p, size_t len, size_t *n)
{
	uint32_t	 cp;
	size_t		 need, i;

	*n = 0;
	if (p[0] < 0x80) {
		*n = 1;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0) {
		need = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		need = 3;
		cp = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		need = 4;
		cp = p[0] & 0x07;
	} else
		return 0;
	if (len < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((need == 2 && cp < 0x80) || (need == 3 && cp < 0x800) ||
	    (need == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*n = need;
	return cp;
}
