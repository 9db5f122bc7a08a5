/*
 * tab_timeline.c — the Timeline tab: every event of the child's record
 * in one dated list, newest first, one line each (date, kind, what),
 * long text cut at the pane's edge. A correction sits indented under the
 * contact it corrects. With the focus on the detail pane a cursor selects
 * an event (marked ">" as well as highlighted); moving it within the
 * screen repaints two rows (tab_timeline_paint_cursor), scrolling
 * repaints the tab.
 */
#include <curses.h>
#include <stdio.h>

#include "model/detail.h"
#include "ui/draw.h"
#include "ui/tabs.h"
#include "ui/theme.h"

#define TIMELINE_HEAD_ROWS	1
#define TIMELINE_DATE_COLS	11	/* "2026-11-20 " */
#define TIMELINE_KIND_COLS	9	/* "contact  " */

static void	timeline_row(const struct detail *, const struct tab_area *,
		    const struct tab_view *, int);

/* One event's line, if it is on screen. */
static void
timeline_row(const struct detail *d, const struct tab_area *a,
    const struct tab_view *v, int idx)
{
	const struct detail_timeline	*t = detail_timeline(d);
	const struct detail_event	*e;
	int				 y, x;
	attr_t				 at, kind_at;
	bool				 sel;

	if (idx < 0 || idx >= t->n || idx < v->scroll ||
	    idx >= v->scroll + v->page)
		return;
	e = &t->events[idx];
	y = a->y + TIMELINE_HEAD_ROWS + idx - v->scroll;
	sel = a->focused && idx == v->cursor;
	at = sel ? theme_attr(CR_SELECTED) : A_NORMAL;
	kind_at = sel ? at : e->amendment ? theme_attr(CR_DIM) :
	    theme_attr(CR_LABEL);
	wattrset(a->win, at);
	mvwhline(a->win, y, a->x, ' ', a->cols);
	wattrset(a->win, A_NORMAL);
	x = a->x;
	x += draw_text(a->win, y, x, sel ? ">" : " ", 1, at, 0);
	x += draw_text(a->win, y, x, e->day, TIMELINE_DATE_COLS, at, 0);
	x += draw_text(a->win, y, x, e->kind, TIMELINE_KIND_COLS, kind_at, 0);
	if (e->amendment)
		x += draw_text(a->win, y, x, "  ", 2, at, 0);
	draw_text(a->win, y, x, e->text, a->x + a->cols - x, at,
	    DRAW_ELLIPSIS);
}

void
tab_timeline_paint(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	const struct detail_timeline	*t = detail_timeline(d);
	char				 head[128];
	int				 i;

	v->lines = t->n;
	v->page = a->rows - TIMELINE_HEAD_ROWS;
	if (v->page < 1)
		v->page = 1;
	tabs_view_clamp(v);
	/* Keep the cursor on screen. */
	if (v->cursor < v->scroll)
		v->scroll = v->cursor;
	else if (v->cursor >= v->scroll + v->page)
		v->scroll = v->cursor - v->page + 1;
	snprintf(head, sizeof head, " %-*s%-*sWhat (%d event%s%s)",
	    TIMELINE_DATE_COLS, "Date", TIMELINE_KIND_COLS, "Kind", t->n,
	    t->n == 1 ? "" : "s", t->audit ? ", with the audit log" : "");
	wattrset(a->win, theme_attr(CR_HEADER));
	mvwhline(a->win, a->y, a->x, ' ', a->cols);
	wattrset(a->win, A_NORMAL);
	draw_text(a->win, a->y, a->x, head, a->cols, theme_attr(CR_HEADER),
	    DRAW_ELLIPSIS);
	if (t->n == 0) {
		draw_text(a->win, a->y + TIMELINE_HEAD_ROWS, a->x + 1,
		    "Nothing recorded for this child yet.", a->cols - 1,
		    theme_attr(CR_DIM), DRAW_ELLIPSIS);
		return;
	}
	for (i = v->scroll; i < v->scroll + v->page && i < t->n; i++)
		timeline_row(d, a, v, i);
	v->painted_cursor = v->cursor;
	v->painted_scroll = v->scroll;
}

void
tab_timeline_paint_cursor(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	timeline_row(d, a, v, v->painted_cursor);
	timeline_row(d, a, v, v->cursor);
	v->painted_cursor = v->cursor;
}

int
tab_timeline_cursor_row(const struct tab_view *v)
{
	if (v->cursor < v->scroll || v->cursor >= v->scroll + v->page)
		return (-1);
	return (TIMELINE_HEAD_ROWS + v->cursor - v->scroll);
}
