/*
 * pane.h — the pane abstraction: a window on the screen with its own ops.
 *
 * A pane does three separate jobs (style.md §2.3): sync pulls from the
 * model when the model's generation counter moved, paint draws the visible
 * rows into the pane's window, action handles a user action. The frame
 * (ui.c) calls them according to the dirty bits, then one doupdate().
 */
#ifndef CME_UI_PANE_H
#define CME_UI_PANE_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "ui/action.h"

struct pane;
struct ui;

enum pane_dirty {
	PANE_DIRTY_LAYOUT	= 1 << 0,	/* geometry changed */
	PANE_DIRTY_CONTENT	= 1 << 1,	/* model changed: sync */
	PANE_DIRTY_PAINT	= 1 << 2,	/* repaint everything */
	PANE_DIRTY_CURSOR	= 1 << 3,	/* only the cursor row moved */
};

enum pane_result {
	PANE_IGNORED,	/* not this pane's action: try the global handler */
	PANE_HANDLED,
};

struct pane_ops {
	const char	*name;
	size_t		 priv_size;	/* zeroed private state */
	void		(*release)(struct pane *);
	void		(*sync)(struct pane *);
	void		(*paint)(struct pane *);
	/* Optional: repaint only what moved (two rows for a cursor move). */
	void		(*paint_cursor)(struct pane *);
	enum pane_result (*action)(struct pane *, enum action);
	/* Optional: where the terminal cursor should sit (screen readers). */
	bool		(*cursor)(struct pane *, int *y, int *x);
};

struct pane {
	const struct pane_ops	*ops;
	struct ui		*ui;		/* borrowed */
	WINDOW			*win;		/* owned */
	int			 y, x, rows, cols;
	unsigned int		 dirty;		/* enum pane_dirty bits */
	bool			 focused;
	bool			 visible;
	void			*priv;		/* owned, ops->priv_size */
};

struct pane	*pane_new(const struct pane_ops *, struct ui *);
void		 pane_free(struct pane *);
/* Moves and resizes the pane's window; marks it for a full repaint. */
void		 pane_place(struct pane *, int y, int x, int rows, int cols);
/* The alerts to act on, tagged or under the cursor (pane_list.c). */
struct alert_target;
size_t		 pane_list_alert_targets(struct pane *, bool tagged,
		     struct alert_target *, size_t max);
/* A case to act on, as the list shows it. */
struct case_target {
	char	case_id[24];
	char	version[16];
	char	officer[64];	/* "-" when unassigned */
};
size_t		 pane_list_case_targets(struct pane *, bool tagged,
		     struct case_target *, size_t max);
size_t		 pane_list_tag_count(const struct pane *);
const char	*pane_list_child_id(struct pane *);
void		 pane_list_untag(struct pane *);
/* The list starts again at its top (after a sort or a limit). */
void		 pane_list_to_top(struct pane *);
/* The queues pane follows a queue opened from elsewhere. */
void		 pane_queues_follow(struct pane *, int queue);

extern const struct pane_ops	pane_queues_ops;
extern const struct pane_ops	pane_list_ops;
extern const struct pane_ops	pane_detail_ops;
const char	*pane_detail_contact(struct pane *);

#endif /* CME_UI_PANE_H */
