/*
 * sanitize.h — make outside text inert before it reaches the terminal.
 *
 * Every string that comes from the database, an import file or the
 * environment passes through here before it is drawn (design §7). The
 * output is valid UTF-8 with no byte below 0x20 (except '\n' when kept),
 * no 0x7F, no C1 control and no bidi or invisible format character, so
 * an escape sequence such as "\x1b]52;c;...\x07" (clipboard write) or
 * "\x1b[2J" (clear screen) shows up as plain text, "^[]52;c;...^G".
 *
 * Placeholders (all visible, all printable ASCII except U+FFFD):
 *
 *   C0 controls U+0000..U+001F   caret notation: ESC "^[", TAB "^I",
 *                                LF "^J", CR "^M", BEL "^G", NUL "^@"
 *   DEL U+007F                   "^?"
 *   C1 controls U+0080..U+009F   "<0080>".."<009F>" (CSI is "<009B>")
 *   bidi controls                "<061C>" "<200E>" "<200F>" "<202A>"..
 *                                "<202E>" "<2066>".."<2069>" (isolates)
 *   invisible/format characters  "<180E>" "<200B>" "<2028>" "<2029>"
 *                                "<2060>".."<206F>" (word joiner,
 *                                invisible operators, deprecated format)
 *                                "<FEFF>" "<FFF9>".."<FFFB>", and the
 *                                noncharacters U+FDD0..U+FDEF and
 *                                U+xxFFFE/U+xxFFFF ("<FFFE>", "<10FFFF>")
 *   each byte that is not part   U+FFFD "�" — one per bad byte, so a raw
 *   of valid UTF-8               0x9B (8-bit CSI) is one "�"; overlongs,
 *                                surrogates, values over U+10FFFF and cut
 *                                sequences all count as bad bytes
 *
 * Zero-width joiner/non-joiner (U+200D, U+200C) and variation selectors
 * are kept: emoji sequences and several scripts need them.
 *
 * SANITIZE_ASCII (for --ascii and non-UTF-8 terminals): every other
 * non-ASCII character becomes one '?', and so does each bad byte; the
 * placeholders above stay as they are (they are ASCII). The output is
 * then printable ASCII only.
 *
 * SANITIZE_KEEP_NEWLINE (multi-line notes): '\n' is kept, and a CR
 * directly before it is dropped (Windows line ends); a lone CR is "^M".
 */
#ifndef CME_UTIL_SANITIZE_H
#define CME_UTIL_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;

enum sanitize_flags {
	SANITIZE_ASCII		= 1 << 0,	/* printable ASCII only */
	SANITIZE_KEEP_NEWLINE	= 1 << 1,	/* keep '\n' */
};

/*
 * Returns a sanitised copy of the len bytes at in (which may hold NULs:
 * they become "^@"). The result is NUL-terminated and owned by the
 * caller. in may be NULL when len is 0.
 */
char		*sanitize_text(const char *in, size_t len, int flags);
/* The same, appended to out. */
void		 sanitize_append(struct sbuf *out, const char *in,
		     size_t len, int flags);
/*
 * True when sanitize_text(s, len, 0) would return exactly s: it is safe
 * to draw as it is on a UTF-8 terminal. Checks without allocating.
 */
bool		 sanitize_is_clean(const char *s, size_t len);

#endif /* CME_UTIL_SANITIZE_H */
