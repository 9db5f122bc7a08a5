/*
 * theme.c — the colour tables (htop style: one row per role, designated
 * initialisers) and their set-up. Pair numbers are role + 1.
 */
#include <curses.h>
#include <string.h>

#include "ui/theme.h"

struct theme_role {
	short	fg, bg;		/* -1: terminal default */
	attr_t	attr;		/* always applied, colour or not */
};

struct theme {
	const char		*name;
	struct theme_role	 roles[CR_COUNT];
};

static const struct theme themes[] = {
	{ "default", {
		[CR_NORMAL] = { -1, -1, A_NORMAL },
		[CR_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
		[CR_PANE_TITLE] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL },
		[CR_PANE_TITLE_FOCUS] = { COLOR_WHITE, COLOR_CYAN, A_BOLD },
		[CR_HEADER] = { COLOR_CYAN, -1, A_UNDERLINE },
		[CR_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
		[CR_SELECTED_BLUR] = { -1, -1, A_BOLD },
		[CR_LABEL] = { COLOR_CYAN, -1, A_NORMAL },
		[CR_HINT] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL },
		[CR_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
		[CR_NOTICE] = { COLOR_YELLOW, -1, A_BOLD },
		[CR_DIM] = { -1, -1, A_DIM },
		[CR_BORDER] = { COLOR_BLUE, -1, A_NORMAL },
	} },
	{ "light", {
		[CR_NORMAL] = { -1, -1, A_NORMAL },
		[CR_TITLE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
		[CR_PANE_TITLE] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL },
		[CR_PANE_TITLE_FOCUS] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
		[CR_HEADER] = { COLOR_BLUE, -1, A_UNDERLINE },
		[CR_SELECTED] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE },
		[CR_SELECTED_BLUR] = { -1, -1, A_BOLD },
		[CR_LABEL] = { COLOR_BLUE, -1, A_NORMAL },
		[CR_HINT] = { COLOR_WHITE, COLOR_BLACK, A_NORMAL },
		[CR_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
		[CR_NOTICE] = { COLOR_MAGENTA, -1, A_BOLD },
		[CR_DIM] = { -1, -1, A_DIM },
		[CR_BORDER] = { COLOR_BLUE, -1, A_NORMAL },
	} },
	{ "monochrome", {
		[CR_NORMAL] = { -1, -1, A_NORMAL },
		[CR_TITLE] = { -1, -1, A_REVERSE | A_BOLD },
		[CR_PANE_TITLE] = { -1, -1, A_REVERSE },
		[CR_PANE_TITLE_FOCUS] = { -1, -1, A_REVERSE | A_BOLD },
		[CR_HEADER] = { -1, -1, A_UNDERLINE },
		[CR_SELECTED] = { -1, -1, A_REVERSE },
		[CR_SELECTED_BLUR] = { -1, -1, A_BOLD },
		[CR_LABEL] = { -1, -1, A_BOLD },
		[CR_HINT] = { -1, -1, A_REVERSE },
		[CR_ERROR] = { -1, -1, A_REVERSE | A_BOLD },
		[CR_NOTICE] = { -1, -1, A_BOLD },
		[CR_DIM] = { -1, -1, A_DIM },
		[CR_BORDER] = { -1, -1, A_NORMAL },
	} },
};

static const struct theme	*theme_current = &themes[0];
static int			 theme_colour;

void
theme_init(const char *name, int no_color)
{
	size_t	i;
	int	r;

	theme_current = &themes[0];
	for (i = 0; i < sizeof themes / sizeof themes[0]; i++)
		if (name != NULL && strcmp(themes[i].name, name) == 0)
			theme_current = &themes[i];
	theme_colour = 0;
	if (no_color || !has_colors() ||
	    strcmp(theme_current->name, "monochrome") == 0) {
		theme_current = &themes[2];
		return;
	}
	if (start_color() == ERR)
		return;
	use_default_colors();
	for (r = 0; r < CR_COUNT; r++)
		init_pair((short)(r + 1), theme_current->roles[r].fg,
		    theme_current->roles[r].bg);
	theme_colour = 1;
}

attr_t
theme_attr(enum color_role r)
{
	const struct theme_role	*role = &theme_current->roles[r];

	if (!theme_colour)
		return (role->attr);
	/* With colour the reverse attribute would undo the pair. */
	return (COLOR_PAIR(r + 1) | (role->attr & (attr_t)~A_REVERSE));
}

const char *
theme_name(void)
{
	return (theme_current->name);
}
