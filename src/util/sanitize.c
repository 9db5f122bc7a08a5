/*
 * sanitize.c — replaces terminal-active and invisible content with
 * visible placeholders (the scheme is documented in sanitize.h).
 *
 * Owns the list of code points judged dangerous to draw. Runs of clean
 * bytes are copied in one piece, so clean text costs one scan and one
 * copy.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/sbuf.h"
#include "util/utf8.h"

static bool	 sanitize_is_hidden(uint32_t);
static size_t	 sanitize_clean_run(const char *, size_t);

char *
sanitize_text(const char *in, size_t len, int flags)
{
	struct sbuf	 sb;

	sbuf_init(&sb, len < 64 ? len + 16 : len + len / 8);
	sanitize_append(&sb, in, len, flags);
	return sbuf_detach(&sb, NULL);
}

void
sanitize_append(struct sbuf *out, const char *in, size_t len, int flags)
{
	const unsigned char	*p = (const unsigned char *)in;
	size_t			 pos = 0, run;
	uint32_t		 cp;
	char			 ph[16];
	int			 n;
	bool			 ascii = (flags & SANITIZE_ASCII) != 0;

	while (pos < len) {
		if (ascii) {
			/* Printable ASCII only (never rescan ahead: linear). */
			for (run = 0; pos + run < len && p[pos + run] >= 0x20 &&
			    p[pos + run] < 0x7f; run++)
				;
		} else
			run = sanitize_clean_run(in + pos, len - pos);
		if (run > 0) {
			sbuf_append(out, in + pos, run);
			pos += run;
			continue;
		}
		n = utf8_decode(in + pos, len - pos, &cp);
		if (n == 0) {
			/* One placeholder per bad byte. */
			sbuf_append_str(out, ascii ? "?" : "\xef\xbf\xbd");
			pos++;
			continue;
		}
		if (cp == '\n' && (flags & SANITIZE_KEEP_NEWLINE))
			sbuf_append_char(out, '\n');
		else if (cp == '\r' && (flags & SANITIZE_KEEP_NEWLINE) &&
		    pos + 1 < len && p[pos + 1] == '\n')
			;		/* CRLF: the LF comes next */
		else if (cp < 0x20) {
			sbuf_append_char(out, '^');
			sbuf_append_char(out, (char)(cp + 0x40));
		} else if (cp == 0x7f)
			sbuf_append_str(out, "^?");
		else if (cp <= 0x9f || sanitize_is_hidden(cp)) {
			snprintf(ph, sizeof ph, "<%04X>", (unsigned)cp);
			sbuf_append_str(out, ph);
		} else
			sbuf_append_char(out, '?');	/* ascii only */
		pos += (size_t)n;
	}
}

bool
sanitize_is_clean(const char *s, size_t len)
{
	return sanitize_clean_run(s, len) == len;
}

/*
 * Length of the leading run of s that sanitising leaves unchanged (with
 * no flags): printable ASCII and valid UTF-8 that is neither a C1 control
 * nor hidden.
 */
static size_t
sanitize_clean_run(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 pos = 0;
	uint32_t		 cp;
	int			 n;

	while (pos < len) {
		if (p[pos] >= 0x20 && p[pos] < 0x7f) {
			pos++;
			continue;
		}
		if (p[pos] < 0x80)
			break;
		n = utf8_decode(s + pos, len - pos, &cp);
		if (n == 0 || cp <= 0x9f || sanitize_is_hidden(cp))
			break;
		pos += (size_t)n;
	}
	return pos;
}

/*
 * Characters that are valid but must not be drawn as they are: they
 * reorder the line (bidi), hide text, or break lines behind the UI's back.
 */
static bool
sanitize_is_hidden(uint32_t cp)
{
	if (cp < 0x061c)
		return false;
	if ((cp & 0xfffe) == 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef))
		return true;		/* noncharacters */
	switch (cp) {
	case 0x061c:			/* ARABIC LETTER MARK */
	case 0x180e:			/* MONGOLIAN VOWEL SEPARATOR */
	case 0x200b:			/* ZERO WIDTH SPACE */
	case 0x200e:			/* LEFT-TO-RIGHT MARK */
	case 0x200f:			/* RIGHT-TO-LEFT MARK */
	case 0x2028:			/* LINE SEPARATOR */
	case 0x2029:			/* PARAGRAPH SEPARATOR */
	case 0xfeff:			/* BOM / ZERO WIDTH NO-BREAK SPACE */
		return true;
	}
	if (cp >= 0x202a && cp <= 0x202e)	/* embeddings, overrides */
		return true;
	if (cp >= 0x2060 && cp <= 0x206f)	/* joiners, isolates, ... */
		return true;
	if (cp >= 0xfff9 && cp <= 0xfffb)	/* interlinear annotation */
		return true;
	return false;
}
