/*
 * utf8.c — strict UTF-8 decoding and display-column arithmetic.
 *
 * Owns the idea of a "glyph" used for clipping (utf8_clip): a run of code
 * points that a terminal draws together and that must never be cut apart.
 * Widths come from the C library (wcwidth) so they agree with ncurses.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/utf8.h"
#include "util/sbuf.h"

/* One character as the locale sees it. */
struct utf8_char {
	size_t	 len;		/* bytes, >= 1 */
	int	 width;		/* columns, >= 0 */
	wchar_t	 wc;		/* the character, or WEOF-ish -1 if invalid */
	bool	 valid;		/* false for an invalid byte */
};

static void	 utf8_next(const char *, size_t, bool, mbstate_t *,
		     struct utf8_char *);
static bool	 utf8_is_modifier(wchar_t);
static bool	 utf8_is_regional(wchar_t);

int
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c, min;
	int			 n, i;

	if (len == 0)
		return 0;
	c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;	/* continuation byte, C0/C1 lead, F5..FF */
	if (len < (size_t)n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp > 0x10ffff)
		return 0;
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int
utf8_width(const char *s)
{
	return utf8_nwidth(s, strlen(s));
}

int
utf8_nwidth(const char *s, size_t len)
{
	struct utf8_char	 ch;
	mbstate_t		 st;
	long long		 cols = 0;
	size_t			 pos = 0;
	bool			 bytes;

	bytes = MB_CUR_MAX == 1;
	if (bytes)
		return len > INT_MAX ? INT_MAX : (int)len;
	memset(&st, 0, sizeof st);
	while (pos < len) {
		if ((unsigned char)s[pos] < 0x80) {	/* fast path */
			cols++;
			pos++;
			continue;
		}
		utf8_next(s + pos, len - pos, bytes, &st, &ch);
		cols += ch.width;
		pos += ch.len;
	}
	return cols > INT_MAX ? INT_MAX : (int)cols;
}

size_t
utf8_clip(const char *s, int max_cols, int *cols_out)
{
	struct utf8_char	 ch;
	mbstate_t		 st;
	size_t			 len, pos = 0, glyph_pos = 0;
	int			 cols = 0, glyph_cols = 0;
	bool			 bytes, after_zwj = false, open_flag = false;
	bool			 joins;

	if (max_cols <= 0) {
		if (cols_out != NULL)
			*cols_out = 0;
		return 0;
	}
	len = strlen(s);
	bytes = MB_CUR_MAX == 1;
	memset(&st, 0, sizeof st);
	while (pos < len) {
		utf8_next(s + pos, len - pos, bytes, &st, &ch);
		joins = pos > 0 && ch.valid && !bytes &&
		    (ch.width == 0 || after_zwj || utf8_is_modifier(ch.wc) ||
		    (open_flag && utf8_is_regional(ch.wc)));
		if (!joins) {
			/* A new glyph starts here; it may not fit at all. */
			glyph_pos = pos;
			glyph_cols = cols;
			open_flag = ch.valid && utf8_is_regional(ch.wc);
		} else if (utf8_is_regional(ch.wc))
			open_flag = false;
		if (cols + ch.width > max_cols) {
			/* Drop the whole glyph this character belongs to. */
			pos = glyph_pos;
			cols = glyph_cols;
			break;
		}
		cols += ch.width;
		pos += ch.len;
		after_zwj = ch.valid && ch.wc == 0x200d;
	}
	if (cols_out != NULL)
		*cols_out = cols;
	return pos;
}

bool
utf8_fit(struct sbuf *out, const char *s, int cols, int flags)
{
	const char	*mark = "\xe2\x80\xa6";	/* U+2026 … */
	size_t		 n;
	int		 used, width;

	if (cols <= 0)
		return *s != '\0';
	width = utf8_width(s);
	if (width <= cols) {
		sbuf_append_str(out, s);
		sbuf_append_repeat(out, ' ', (size_t)(cols - width));
		return false;
	}
	if (flags & UTF8_ELLIPSIS) {
		if ((flags & UTF8_ASCII) || MB_CUR_MAX == 1)
			mark = "~";
		n = utf8_clip(s, cols - 1, &used);
		sbuf_append(out, s, n);
		sbuf_append_str(out, mark);
		used++;
	} else {
		n = utf8_clip(s, cols, &used);
		sbuf_append(out, s, n);
	}
	sbuf_append_repeat(out, ' ', (size_t)(cols - used));
	return true;
}

/*
 * Reads the character at s (len > 0 bytes). In a single-byte locale, or
 * for a byte the locale cannot decode, it is one byte of width one.
 */
static void
utf8_next(const char *s, size_t len, bool bytes, mbstate_t *st,
    struct utf8_char *ch)
{
	wchar_t	 wc;
	size_t	 n;
	int	 w;

	ch->len = 1;
	ch->width = 1;
	ch->wc = (wchar_t)-1;
	ch->valid = false;
	if (bytes)
		return;
	n = mbrtowc(&wc, s, len, st);
	if (n == (size_t)-1 || n == (size_t)-2) {
		memset(st, 0, sizeof *st);
		return;
	}
	if (n == 0)		/* an embedded NUL */
		return;
	w = wcwidth(wc);
	ch->len = n;
	ch->width = w < 0 ? 1 : w;
	ch->wc = wc;
	ch->valid = true;
}

/* Emoji skin-tone modifiers U+1F3FB..U+1F3FF attach to the emoji before. */
static bool
utf8_is_modifier(wchar_t wc)
{
	return wc >= 0x1f3fb && wc <= 0x1f3ff;
}

/* Regional indicator symbols: two of them make a flag. */
static bool
utf8_is_regional(wchar_t wc)
{
	return wc >= 0x1f1e6 && wc <= 0x1f1ff;
}
