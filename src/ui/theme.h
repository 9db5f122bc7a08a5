/*
 * theme.h — colours by meaning, never meaning by colour.
 *
 * Panes draw with semantic roles; the theme maps each role to a colour
 * pair and attributes. Every role also carries a non-colour attribute
 * (bold, reverse, underline) so that the monochrome theme, NO_COLOR and
 * vt100 terminals lose nothing.
 */
#ifndef CME_UI_THEME_H
#define CME_UI_THEME_H

#include <curses.h>

enum color_role {
	CR_NORMAL,
	CR_TITLE,		/* top bar */
	CR_PANE_TITLE,		/* a pane's own title line */
	CR_PANE_TITLE_FOCUS,	/* ... of the focused pane */
	CR_HEADER,		/* column headings */
	CR_SELECTED,		/* the cursor row, focused pane */
	CR_SELECTED_BLUR,	/* the cursor row, other pane */
	CR_LABEL,		/* field labels in the detail pane */
	CR_HINT,		/* the bottom hint bar */
	CR_ERROR,		/* errors, offline banner */
	CR_NOTICE,		/* neutral status messages */
	CR_DIM,			/* secondary text */
	CR_BORDER,
	CR_COUNT,
};

/* Starts colours for the named theme (default, light, monochrome). */
void	theme_init(const char *name, int no_color);
attr_t	theme_attr(enum color_role);
/* The name actually in use (monochrome when colours are unavailable). */
const char *theme_name(void);

#endif /* CME_UI_THEME_H */
