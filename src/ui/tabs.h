/*
 * tabs.h — the painters of the detail pane's six tabs, one file each
 * (tab_summary.c ... tab_alerts.c), and the line helpers they share
 * (tabs.c).
 *
 * pane_detail.c owns the pane: its title line with the tab bar, the
 * loading and error states, and the keys. It hands the current tab's
 * painter the content area below the title and that tab's view state.
 * A painter reads the model through detail.h getters only, draws the
 * lines of the area that are visible (scroll .. scroll + rows) and
 * writes back into the view how many lines there are and the page size,
 * so that the pane can clamp scrolling on the next key. Every database
 * string goes through draw_text() (tabs_line() does), never waddstr.
 */
#ifndef CME_UI_TABS_H
#define CME_UI_TABS_H

#include <curses.h>
#include <stdbool.h>

struct detail;

/* Where a tab draws: the pane's window below its title line. */
struct tab_area {
	WINDOW	*win;		/* borrowed: the detail pane's window */
	int	 y, x;		/* top-left of the content */
	int	 rows, cols;
	bool	 focused;	/* the detail pane has the focus */
};

/* A tab's view state, kept by the pane per tab, reset per record. */
struct tab_view {
	int	 scroll;	/* first line shown */
	int	 cursor;	/* Timeline: the selected event */
	int	 painted_cursor; /* where the cursor was last drawn */
	int	 painted_scroll; /* the scroll it was drawn at */
	int	 lines;		/* set by the painter: scrollable lines */
	int	 page;		/* set by the painter: lines on screen */
	bool	 deciding;	/* Summary: the Approvals queue is open */
};

/*
 * A running list of lines: tabs_line() counts every line and draws only
 * those in view, so a painter can emit its whole content in order.
 */
struct tabs_out {
	const struct tab_area	*area;
	int			 top;	/* first line to draw (the scroll) */
	int			 y;	/* area row for the next line */
	int			 line;	/* lines emitted so far */
	int			 rows;	/* area rows available to lines */
};

void	tabs_out_init(struct tabs_out *, const struct tab_area *, int top,
	    int first_row);
/* Takes the next line: its window row, or -1 when it is out of view. */
int	tabs_next_row(struct tabs_out *);
/* Emits one line at column indent; fmt is static, args may be db text. */
void	tabs_line(struct tabs_out *, int indent, attr_t, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
/* A "label  value" line (value db text); nothing when value is "". */
void	tabs_field(struct tabs_out *, int label_cols, const char *label,
	    attr_t, const char *value);
/* Clamps the view after a paint (lines and page known). */
void	tabs_view_clamp(struct tab_view *);

void	tab_summary_paint(const struct detail *, const struct tab_area *,
	    struct tab_view *);
void	tab_timeline_paint(const struct detail *, const struct tab_area *,
	    struct tab_view *);
/* Repaints only the old and new cursor rows (same scroll). */
void	tab_timeline_paint_cursor(const struct detail *,
	    const struct tab_area *, struct tab_view *);
/* The area row of the cursor, -1 when not on screen. */
int	tab_timeline_cursor_row(const struct tab_view *);
void	tab_attendance_paint(const struct detail *, const struct tab_area *,
	    struct tab_view *);
void	tab_enquiries_paint(const struct detail *, const struct tab_area *,
	    struct tab_view *);
void	tab_family_paint(const struct detail *, const struct tab_area *,
	    struct tab_view *);
void	tab_alerts_paint(const struct detail *, const struct tab_area *,
	    struct tab_view *);

#endif /* CME_UI_TABS_H */
