/*
 * pane_queues.c — the queues: My alerts, My cases, Team, Unassigned,
 * Approvals, All children, each with its count.
 *
 * Beside the list on wide screens it is a column, one queue a line, with
 * the last search and the officer's saved queues below; on narrow screens
 * the layout gives it one row and it draws a bar of the built-in queues
 * instead (saved queues are then opened with :queue NAME). The queue open in the list is marked with '*' (and
 * bracketed in the bar), so it reads without colour. Enter opens the
 * queue under the cursor; { and } open the previous or next queue from
 * anywhere.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/list.h"
#include "model/model.h"
#include "model/saved_queue.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/theme.h"
#include "util/utf8.h"
#include "ui/ui.h"
#include "ui/ui_private.h"

struct queues_state {
	int	cursor;		/* queue under the cursor */
};

/* The short label of the queue bar: "Cases 20". */
static void
queues_label(const struct list *l, int q, char *buf, size_t n)
{
	long		 c = list_queue_count(l, (enum list_queue)q);
	const char	*name = list_queue_short_name((enum list_queue)q);

	if (c < 0)
		snprintf(buf, n, "%s", name);
	else
		snprintf(buf, n, "%s %ld", name, c);
}

/* The built-in queues this officer sees, in order; returns how many. */
static int
queues_visible(const struct pane *p, int *vis)
{
	int	q, n = 0;

	for (q = 0; q < QUEUE_COUNT; q++)
		if (ui_queue_shown(p->ui, q))
			vis[n++] = q;
	return (n);
}

/*
 * One row: the queues side by side. When they do not all fit, the row
 * starts late enough for the current queue (or the focused one) to show,
 * with "<" and ">" where queues are hidden.
 */
static void
queues_paint_bar(struct pane *p)
{
	struct list	*l = model_list(p->ui->model);
	struct queues_state *st = p->priv;
	char		 label[64], item[QUEUE_COUNT][72];
	int		 i, q, x, w[QUEUE_COUNT], first = 0, want, room, sum;
	int		 vis[QUEUE_COUNT], n;
	attr_t		 a;

	n = queues_visible(p, vis);
	want = p->focused ? st->cursor : 0;
	for (i = 0; i < n; i++) {
		q = vis[i];
		queues_label(l, q, label, sizeof label);
		if (q == (int)list_queue(l)) {
			snprintf(item[i], sizeof item[i], "[%s]", label);
			if (!p->focused)
				want = i;
		} else {
			snprintf(item[i], sizeof item[i], " %s ", label);
		}
		w[i] = utf8_width(item[i]);
	}
	if (want < 0 || want >= n)
		want = 0;
	/* The first queue shown: back from want while they fit. */
	room = p->cols - 2;
	for (first = want, sum = w[want]; first > 0 &&
	    sum + w[first - 1] <= room; first--)
		sum += w[first - 1];
	for (i = 0, sum = 0; i < n; i++)
		sum += w[i];
	if (sum <= p->cols)
		first = 0;

	draw_bar(p->win, 0, theme_attr(CR_PANE_TITLE));
	x = 0;
	if (first > 0)
		x += draw_text(p->win, 0, x, "<", 1, theme_attr(CR_PANE_TITLE),
		    DRAW_NO_PAD);
	for (i = first; i < n && x < p->cols; i++) {
		if (i > first && sum > p->cols && x + w[i] > p->cols - 1) {
			draw_text(p->win, 0, p->cols - 1, ">", 1,
			    theme_attr(CR_PANE_TITLE), DRAW_NO_PAD);
			break;
		}
		if (p->focused && i == st->cursor)
			a = theme_attr(CR_SELECTED);
		else if (vis[i] == (int)list_queue(l))
			a = theme_attr(CR_PANE_TITLE_FOCUS);
		else
			a = theme_attr(CR_PANE_TITLE);
		x += draw_text(p->win, 0, x, item[i], p->cols - x, a,
		    DRAW_NO_PAD);
	}
}

/* Entries of the column: built-in queues, the search, saved queues. */
static int
queues_entries(const struct pane *p)
{
	const struct model	*m = p->ui->model;

	int			 vis[QUEUE_COUNT];

	return (queues_visible(p, vis) + (list_has_search(model_list(m)) ?
	    1 : 0) + (int)model_saved_count(m));
}

/* What entry i is: a queue number, or -1 with *saved set. */
static int
queues_entry(const struct pane *p, int i, const struct saved_queue **saved)
{
	const struct model	*m = p->ui->model;
	int			 vis[QUEUE_COUNT], n, base;

	*saved = NULL;
	base = n = queues_visible(p, vis);
	if (i < n)
		return (vis[i]);
	if (list_has_search(model_list(m))) {
		if (i == n)
			return (QUEUE_SEARCH);
		base++;
	}
	*saved = model_saved(m, (size_t)(i - base));
	return (-1);
}

static void
queues_paint(struct pane *p)
{
	struct list	*l = model_list(p->ui->model);
	struct queues_state *st = p->priv;
	char		 label[128], line[200];
	attr_t		 ta, a;
	int		 q, i;

	if (p->rows <= 2) {
		queues_paint_bar(p);
		return;
	}
	ta = theme_attr(p->focused ? CR_PANE_TITLE_FOCUS : CR_PANE_TITLE);
	draw_bar(p->win, 0, ta);
	draw_text(p->win, 0, 0, " Queues", p->cols - 1, ta, 0);
	for (i = 0; i < queues_entries(p) && i + 1 < p->rows; i++) {
		const struct saved_queue *sq;
		long c = -1;
		bool current;

		q = queues_entry(p, i, &sq);
		if (sq != NULL) {
			snprintf(label, sizeof label, "%s", sq->name);
			current = list_queue(l) == QUEUE_SAVED &&
			    strcmp(list_saved_name(l), sq->name) == 0;
		} else {
			snprintf(label, sizeof label, "%s",
			    list_queue_name((enum list_queue)q));
			if (q < QUEUE_COUNT)
				c = list_queue_count(l, (enum list_queue)q);
			current = q == (int)list_queue(l);
		}
		if (c >= 0)
			snprintf(line, sizeof line, "%c%-*s%6ld",
			    current ? '*' : ' ',
			    p->cols - 9 > 1 ? p->cols - 9 : 1, label, c);
		else
			snprintf(line, sizeof line, "%c%s",
			    current ? '*' : ' ', label);
		a = (p->focused && i == st->cursor) ?
		    theme_attr(CR_SELECTED) : sq != NULL ?
		    theme_attr(CR_DIM) : A_NORMAL;
		draw_text(p->win, i + 1, 0, line, p->cols - 1, a, 0);
	}
	draw_vline(p->win, p->cols - 1, 0, p->rows - 1,
	    theme_attr(CR_BORDER));
}

static void
queues_sync(struct pane *p)
{
	(void)p;
}

static void
queues_open(struct pane *p, int i)
{
	const struct saved_queue	*sq;
	char				 msg[256];
	int				 q;

	q = queues_entry(p, i, &sq);
	if (sq != NULL) {
		int vis[QUEUE_COUNT];

		if (model_open_saved(p->ui->model, (size_t)(i -
		    queues_visible(p, vis) -
		    (list_has_search(model_list(p->ui->model)) ? 1 : 0)),
		    msg, sizeof msg) != 0)
			ui_message(p->ui, msg);
		else
			ui_set_focus(p->ui, p->ui->list);
		p->dirty |= PANE_DIRTY_PAINT;
		return;
	}
	ui_open_queue(p->ui, q);
}

static enum pane_result
queues_action(struct pane *p, enum action a)
{
	struct queues_state *st = p->priv;
	int		 vis[QUEUE_COUNT];

	switch (a) {
	case ACTION_MOVE_UP:
		if (st->cursor > 0)
			st->cursor--;
		break;
	case ACTION_MOVE_DOWN:
		if (st->cursor + 1 < (p->rows <= 2 ? queues_visible(p, vis) :
		    queues_entries(p)))
			st->cursor++;
		break;
	case ACTION_FIRST:
		st->cursor = 0;
		break;
	case ACTION_LAST:
		st->cursor = (p->rows <= 2 ? queues_visible(p, vis) :
		    queues_entries(p)) - 1;
		break;
	case ACTION_OPEN:
		queues_open(p, st->cursor);
		return (PANE_HANDLED);
	default:
		return (PANE_IGNORED);
	}
	p->dirty |= PANE_DIRTY_PAINT;
	return (PANE_HANDLED);
}

static bool
queues_cursor(struct pane *p, int *y, int *x)
{
	struct queues_state *st = p->priv;

	*y = p->rows <= 2 ? 0 : st->cursor + 1;
	*x = 0;
	return (true);
}

/* Called when a queue is opened from elsewhere: follow it. */
void
pane_queues_follow(struct pane *p, int queue)
{
	struct queues_state *st = p->priv;
	int		 vis[QUEUE_COUNT], n, i;

	/* The cursor counts the queues shown; the search follows them. */
	n = queues_visible(p, vis);
	st->cursor = queue == QUEUE_SEARCH ? n : 0;
	for (i = 0; i < n; i++)
		if (vis[i] == queue)
			st->cursor = i;
	p->dirty |= PANE_DIRTY_PAINT;
}

const struct pane_ops pane_queues_ops = {
	.name = "queues",
	.priv_size = sizeof (struct queues_state),
	.sync = queues_sync,
	.paint = queues_paint,
	.action = queues_action,
	.cursor = queues_cursor,
};
