/*
 * draw.c — sanitised, column-exact text output into curses windows.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "util/sanitize.h"
#include "util/sbuf.h"
#include "util/utf8.h"

static bool	draw_ascii_mode;

void
draw_set_ascii(bool on)
{
	draw_ascii_mode = on;
}

bool
draw_ascii(void)
{
	return (draw_ascii_mode);
}

int
draw_text(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr,
    int flags)
{
	struct sbuf	 sb;
	char		*clean;
	int		 used;

	if (cols <= 0)
		return (0);
	if (s == NULL)
		s = "";
	clean = sanitize_text(s, strlen(s), draw_ascii_mode ?
	    SANITIZE_ASCII : 0);
	sbuf_init(&sb, 64);
	utf8_fit(&sb, clean, cols, ((flags & DRAW_ELLIPSIS) ? UTF8_ELLIPSIS :
	    0) | (draw_ascii_mode ? UTF8_ASCII : 0));
	used = utf8_width(sb.buf);
	if (flags & DRAW_NO_PAD) {
		/* Draw only the text itself, not the padding utf8_fit added. */
		int text_cols = utf8_width(clean);

		if (text_cols < used) {
			sbuf_truncate(&sb, utf8_clip(sb.buf, text_cols,
			    &used));
		}
	}
	free(clean);
	wattrset(w, attr);
	mvwaddstr(w, y, x, sb.buf);
	wattrset(w, A_NORMAL);
	sbuf_release(&sb);
	return (used);
}

void
draw_bar(WINDOW *w, int y, attr_t attr)
{
	int	cols = getmaxx(w);

	wattrset(w, attr);
	mvwhline(w, y, 0, ' ', cols);
	wattrset(w, A_NORMAL);
}

void
draw_vline(WINDOW *w, int x, int y0, int y1, attr_t attr)
{
	if (y1 < y0)
		return;
	wattrset(w, attr);
	mvwvline(w, y0, x, draw_ascii_mode ? '|' : ACS_VLINE, y1 - y0 + 1);
	wattrset(w, A_NORMAL);
}
