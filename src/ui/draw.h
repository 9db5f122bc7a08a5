/*
 * draw.h — putting outside text on the screen safely.
 *
 * Every string that came from the database or a file goes through
 * draw_text(), which sanitises it (control characters and escape sequences
 * become inert placeholders), then cuts and pads it by display columns.
 */
#ifndef CME_UI_DRAW_H
#define CME_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>

enum draw_flags {
	DRAW_ELLIPSIS	= 1 << 0,	/* mark text cut at the right edge */
	DRAW_NO_PAD	= 1 << 1,	/* do not pad to the full width */
};

/* ASCII mode: non-ASCII text becomes '?', lines are drawn with -|+. */
void	draw_set_ascii(bool);
bool	draw_ascii(void);
/* Draws s at (y, x) in exactly cols columns (unless DRAW_NO_PAD); returns
 * the columns used. */
int	draw_text(WINDOW *, int y, int x, const char *s, int cols, attr_t,
	    int flags);
/* A full-width line of the window filled with attr (a bar). */
void	draw_bar(WINDOW *, int y, attr_t);
/* A vertical rule in column x from row y0 to y1 inclusive. */
void	draw_vline(WINDOW *, int x, int y0, int y1, attr_t);

#endif /* CME_UI_DRAW_H */
