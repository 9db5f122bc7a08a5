/*
 * ui_private.h — the screen's state, shared by the files of src/ui/ only.
 */
#ifndef CME_UI_UI_PRIVATE_H
#define CME_UI_UI_PRIVATE_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct keymap;
struct layout_cell;
struct model;
struct pane;
struct settings;

struct ui {
	struct model		*model;		/* borrowed */
	const struct settings	*settings;	/* borrowed */
	SCREEN			*screen;	/* owned */
	FILE			*out;		/* borrowed: terminal output */
	struct keymap		*keymap;	/* owned */
	struct layout_cell	*root;		/* owned */
	struct pane		*list;		/* owned */
	struct pane		*detail;	/* owned */
	struct pane		*focus;		/* list or detail */
	WINDOW			*title;		/* owned, top bar */
	WINDOW			*status;	/* owned, bottom bar */
	char			*theme;		/* owned */
	char			*message;	/* owned, status-bar text */
	const char		*last_action;	/* static string */
	int			 rows, cols;
	int			 escdelay;
	bool			 ascii;
	bool			 wide;		/* side by side */
	bool			 resized;
	bool			 full_redraw;
	bool			 clear;		/* Ctrl-L: resend everything */
	bool			 bars_dirty;
	bool			 help;
	bool			 quit;
	int			 pending_select;	/* row, or -1 */
	double			 select_due;		/* ms */
	uint64_t		 seen_conn, seen_list, seen_detail;
};

/* The list cursor moved to row: fetch its detail once input pauses. */
void	ui_cursor_moved(struct ui *, int row);

#endif /* CME_UI_UI_PRIVATE_H */
