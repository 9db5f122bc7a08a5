/*
 * pane_list.c — the caseload list: a window onto the model's rows.
 *
 * Only the visible rows are drawn. Moving the cursor within the screen
 * repaints just the old and the new row (PANE_DIRTY_CURSOR); scrolling
 * repaints the pane and lets curses find the shortest update. When the
 * cursor nears the end of the rows fetched so far, the next keyset page is
 * requested; the detail pane follows the cursor once keys pause.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/theme.h"
#include "ui/ui_private.h"

#define LIST_HEAD_ROWS	2	/* title line and column headings */
#define LIST_PREFETCH	20	/* rows before the end that fetch more */

struct list_state {
	int	cursor;		/* selected row index */
	int	old_cursor;	/* where the cursor was last painted */
	int	top;		/* first visible row index */
	int	nrows;		/* rows known at the last sync */
	bool	announced;	/* the first row has been selected */
};

static int
list_body_rows(const struct pane *p)
{
	int	n = p->rows - LIST_HEAD_ROWS;

	return (n > 0 ? n : 0);
}

/* Column widths for the pane's width: name takes what is left. */
struct list_cols {
	int	name, upn, status, days;
};

static void
list_columns(const struct pane *p, struct list_cols *c)
{
	c->days = 8;
	c->status = 11;
	c->upn = 14;
	c->name = p->cols - 1 - c->upn - c->status - c->days - 3;
	if (c->name < 12) {
		c->upn = 0;
		c->name = p->cols - 1 - c->status - c->days - 2;
	}
	if (c->name < 4)
		c->name = 4;
}

static void
list_paint_row(struct pane *p, int idx)
{
	struct list_state	*st = p->priv;
	const struct case_row	*r;
	struct list_cols	 c;
	char			 days[16];
	attr_t			 a;
	int			 y, x;

	y = LIST_HEAD_ROWS + idx - st->top;
	if (y < LIST_HEAD_ROWS || y >= p->rows)
		return;
	if ((r = model_list_row(p->ui->model, idx)) == NULL)
		return;
	list_columns(p, &c);
	if (idx == st->cursor)
		a = theme_attr(p->focused ? CR_SELECTED : CR_SELECTED_BLUR);
	else
		a = A_NORMAL;
	wattrset(p->win, a);
	mvwhline(p->win, y, 0, ' ', p->cols);
	/* A marker beside the cursor row: meaning never by colour alone. */
	x = draw_text(p->win, y, 0, idx == st->cursor ? ">" : " ", 1, a, 0);
	x += draw_text(p->win, y, x, r->child_name, c.name, a, DRAW_ELLIPSIS);
	x += draw_text(p->win, y, x, " ", 1, a, 0);
	if (c.upn > 0) {
		x += draw_text(p->win, y, x, r->upn, c.upn - 1, a, 0);
		x += draw_text(p->win, y, x, " ", 1, a, 0);
	}
	x += draw_text(p->win, y, x, r->status, c.status - 1, a, 0);
	snprintf(days, sizeof days, "%*d", c.days, r->days_open);
	draw_text(p->win, y, x, days, c.days, a, 0);
}

static void
list_paint(struct pane *p)
{
	struct list_state	*st = p->priv;
	struct model		*m = p->ui->model;
	struct list_cols	 c;
	char			 title[128], days[16];
	const char		*empty = NULL;
	attr_t			 ta;
	int			 i, x, n;

	ta = theme_attr(p->focused ? CR_PANE_TITLE_FOCUS : CR_PANE_TITLE);
	draw_bar(p->win, 0, ta);
	n = model_list_loaded(m);
	snprintf(title, sizeof title, " My cases (%d%s)", n,
	    model_list_complete(m) ? "" : "+");
	draw_text(p->win, 0, 0, title, p->cols, ta, DRAW_ELLIPSIS);

	list_columns(p, &c);
	x = draw_text(p->win, 1, 0, " Child", c.name + 1,
	    theme_attr(CR_HEADER), 0);
	x += draw_text(p->win, 1, x, " ", 1, theme_attr(CR_HEADER), 0);
	if (c.upn > 0)
		x += draw_text(p->win, 1, x, "UPN", c.upn,
		    theme_attr(CR_HEADER), 0);
	x += draw_text(p->win, 1, x, "Status", c.status,
	    theme_attr(CR_HEADER), 0);
	snprintf(days, sizeof days, "%*s", c.days, "Sch.days");
	draw_text(p->win, 1, x, days, p->cols - x, theme_attr(CR_HEADER), 0);

	if (model_list_error(m) != NULL)
		empty = model_list_error(m);
	else if (n == 0 && model_conn_state(m) == MODEL_OFFLINE)
		empty = "Not connected to the database.";
	else if (n == 0 && (model_list_loading(m) ||
	    model_conn_state(m) == MODEL_CONNECTING))
		empty = "Loading...";
	else if (n == 0)
		empty = "No open cases are assigned to you.";
	if (empty != NULL && n == 0) {
		draw_text(p->win, LIST_HEAD_ROWS, 1, empty, p->cols - 2,
		    model_list_error(m) != NULL ? theme_attr(CR_ERROR) :
		    theme_attr(CR_DIM), DRAW_ELLIPSIS);
		return;
	}
	for (i = st->top; i < n && i < st->top + list_body_rows(p); i++)
		list_paint_row(p, i);
	st->old_cursor = st->cursor;
}

static void
list_paint_cursor(struct pane *p)
{
	struct list_state	*st = p->priv;

	list_paint_row(p, st->old_cursor);
	list_paint_row(p, st->cursor);
	st->old_cursor = st->cursor;
}

/* Keeps the cursor on screen; returns true when the view scrolled. */
static bool
list_scroll_to_cursor(struct pane *p)
{
	struct list_state	*st = p->priv;
	int			 body = list_body_rows(p), old = st->top;

	if (body <= 0)
		return (false);
	if (st->cursor < st->top)
		st->top = st->cursor;
	else if (st->cursor >= st->top + body)
		st->top = st->cursor - body + 1;
	if (st->top < 0)
		st->top = 0;
	return (st->top != old);
}

static void
list_sync(struct pane *p)
{
	struct list_state	*st = p->priv;
	struct model		*m = p->ui->model;

	st->nrows = model_list_loaded(m);
	if (st->cursor >= st->nrows)
		st->cursor = st->nrows > 0 ? st->nrows - 1 : 0;
	list_scroll_to_cursor(p);
	if (!st->announced && st->nrows > 0) {
		st->announced = true;
		ui_cursor_moved(p->ui, st->cursor);
	}
	if (st->nrows == 0)
		st->announced = false;
}

static void
list_move_to(struct pane *p, int row)
{
	struct list_state	*st = p->priv;

	if (st->nrows == 0)
		return;
	if (row < 0)
		row = 0;
	if (row >= st->nrows)
		row = st->nrows - 1;
	if (row == st->cursor)
		return;
	st->cursor = row;
	if (list_scroll_to_cursor(p))
		p->dirty |= PANE_DIRTY_PAINT;
	else
		p->dirty |= PANE_DIRTY_CURSOR;
	if (!model_list_complete(p->ui->model) &&
	    row + LIST_PREFETCH >= st->nrows)
		model_list_want(p->ui->model, st->nrows + 1);
	ui_cursor_moved(p->ui, row);
}

static enum pane_result
list_action(struct pane *p, enum action a)
{
	struct list_state	*st = p->priv;
	int			 page = list_body_rows(p) > 1 ?
				     list_body_rows(p) - 1 : 1;

	switch (a) {
	case ACTION_MOVE_UP:
		list_move_to(p, st->cursor - 1);
		break;
	case ACTION_MOVE_DOWN:
		list_move_to(p, st->cursor + 1);
		break;
	case ACTION_PAGE_UP:
		list_move_to(p, st->cursor - page);
		break;
	case ACTION_PAGE_DOWN:
		list_move_to(p, st->cursor + page);
		break;
	case ACTION_FIRST:
		list_move_to(p, 0);
		break;
	case ACTION_LAST:
		list_move_to(p, st->nrows - 1);
		if (!model_list_complete(p->ui->model))
			model_list_want(p->ui->model, st->nrows + 1);
		break;
	default:
		return (PANE_IGNORED);
	}
	return (PANE_HANDLED);
}

static bool
list_cursor(struct pane *p, int *y, int *x)
{
	struct list_state	*st = p->priv;

	if (st->nrows == 0)
		return (false);
	*y = LIST_HEAD_ROWS + st->cursor - st->top;
	*x = 0;
	return (*y >= LIST_HEAD_ROWS && *y < p->rows);
}

const struct pane_ops pane_list_ops = {
	.name = "list",
	.priv_size = sizeof (struct list_state),
	.sync = list_sync,
	.paint = list_paint,
	.paint_cursor = list_paint_cursor,
	.action = list_action,
	.cursor = list_cursor,
};
