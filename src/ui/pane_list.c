/*
 * pane_list.c — the list pane: a window onto the current queue's rows.
 *
 * Rows are numbered over the whole list; the model holds a window of them
 * (list.h) and this pane draws only the visible ones. Moving the cursor
 * within the screen repaints just the old and the new row
 * (PANE_DIRTY_CURSOR); scrolling repaints the pane and lets curses find
 * the shortest update. Rows not yet held show as "...". When the cursor
 * nears either end of the window the model fetches the next page; the
 * detail follows the cursor once keys pause. After a refresh the cursor
 * stays on the same record (by key) when it is still there.
 *
 * The heading shows the sort column with ^ (ascending) or v (descending)
 * beside its title, so the order reads without colour.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/alert_action.h"
#include "model/detail.h"
#include "model/list.h"
#include "model/model.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

#define LIST_HEAD_ROWS	2	/* title line and column headings */

/* A tagged row: enough to act on it without holding it in the window. */
struct list_tag {
	char	*key;
	char	*alert_id;
	char	*case_id;
	char	*version;
	char	*officer;	/* a case's, as listed ("-": none) */
};

struct list_state {
	struct list_tag	*tags;	/* owned */
	size_t	 ntags;
	long	 cursor;	/* selected row index */
	long	 old_cursor;	/* where the cursor was last painted */
	long	 top;		/* first visible row index */
	char	*cursor_key;	/* owned: the record under the cursor */
	int	 queue;		/* the queue the state belongs to */
	bool	 announced;	/* the detail has been told */
	bool	 started;	/* the first list has been shown */
};

static int
list_body_rows(const struct pane *p)
{
	int	n = p->rows - LIST_HEAD_ROWS;

	return (n > 0 ? n : 0);
}

/* Widths of the list's columns for the pane's width. */
static void
list_widths(const struct pane *p, const struct list *l, int *w)
{
	int	i, n = list_columns(l), fixed = 0, flex = -1;

	for (i = 0; i < n; i++) {
		w[i] = list_column(l, i)->width;
		if (w[i] == 0)
			flex = i;
		else
			fixed += w[i] + 1;
	}
	/* Narrow panes drop fixed columns from the right, keeping 2. */
	while (flex >= 0 && p->cols - 2 - fixed < 12 && n > 2) {
		n--;
		fixed -= w[n] + 1;
		w[n] = -1;
	}
	if (flex >= 0) {
		w[flex] = p->cols - 2 - fixed - 1;
		if (w[flex] < 4)
			w[flex] = 4;
	}
}

static void
list_tag_release(struct list_tag *t)
{
	free(t->key);
	free(t->alert_id);
	free(t->case_id);
	free(t->version);
	free(t->officer);
}

static bool
list_tagged(const struct list_state *st, const char *key)
{
	size_t	i;

	for (i = 0; i < st->ntags; i++)
		if (strcmp(st->tags[i].key, key) == 0)
			return (true);
	return (false);
}

static void
list_untag_all(struct list_state *st)
{
	size_t	i;

	for (i = 0; i < st->ntags; i++) {
		list_tag_release(&st->tags[i]);
	}
	free(st->tags);
	st->tags = NULL;
	st->ntags = 0;
}

/* Tags the row, or untags it when it is tagged. */
static void
list_toggle_tag(struct list_state *st, const struct list_row *r,
    bool is_case)
{
	size_t	i;

	for (i = 0; i < st->ntags; i++) {
		if (strcmp(st->tags[i].key, r->key) != 0)
			continue;
		list_tag_release(&st->tags[i]);
		st->tags[i] = st->tags[--st->ntags];
		return;
	}
	st->tags = xreallocarray(st->tags, st->ntags + 1, sizeof *st->tags);
	st->tags[st->ntags].key = xstrdup(r->key);
	st->tags[st->ntags].alert_id = xstrdup(r->alert_id);
	st->tags[st->ntags].case_id = xstrdup(r->case_id);
	st->tags[st->ntags].version = xstrdup(r->version);
	st->tags[st->ntags].officer = xstrdup(is_case && r->cells[3] != NULL ?
	    r->cells[3] : "");
	st->ntags++;
}

static void
list_paint_row(struct pane *p, long idx)
{
	struct list_state	*st = p->priv;
	struct list		*l = model_list(p->ui->model);
	const struct list_row	*r;
	int			 w[LIST_MAX_COLS], y, x, i;
	attr_t			 a;

	y = LIST_HEAD_ROWS + (int)(idx - st->top);
	if (y < LIST_HEAD_ROWS || y >= p->rows)
		return;
	if (list_total(l) >= 0 && idx >= list_total(l))
		return;
	if (idx == st->cursor)
		a = theme_attr(p->focused ? CR_SELECTED : CR_SELECTED_BLUR);
	else
		a = A_NORMAL;
	wattrset(p->win, a);
	mvwhline(p->win, y, 0, ' ', p->cols);
	/* Markers for the cursor and tags: meaning never by colour alone. */
	x = draw_text(p->win, y, 0, idx == st->cursor ? ">" : " ", 1, a, 0);
	if ((r = list_row(l, idx)) == NULL) {
		draw_text(p->win, y, x, " ...", p->cols - x, a, 0);
		return;
	}
	x += draw_text(p->win, y, x, list_tagged(st, r->key) ? "*" : " ", 1,
	    a, 0);
	list_widths(p, l, w);
	for (i = 0; i < list_columns(l) && x < p->cols; i++) {
		const struct list_column *c = list_column(l, i);
		char cell[64];

		if (w[i] < 0)
			continue;
		if (c->right) {
			snprintf(cell, sizeof cell, "%*s", w[i], r->cells[i]);
			x += draw_text(p->win, y, x, cell, w[i], a, 0);
		} else {
			x += draw_text(p->win, y, x, r->cells[i], w[i], a,
			    DRAW_ELLIPSIS);
		}
		x += draw_text(p->win, y, x, " ", 1, a, 0);
	}
}

static void
list_paint_heading(struct pane *p, const struct list *l)
{
	int	w[LIST_MAX_COLS], x, i;
	attr_t	h = theme_attr(CR_HEADER);
	char	title[64];

	list_widths(p, l, w);
	wattrset(p->win, h);
	mvwhline(p->win, 1, 0, ' ', p->cols);
	x = draw_text(p->win, 1, 0, "  ", 2, h, 0);
	for (i = 0; i < list_columns(l) && x < p->cols; i++) {
		const struct list_column *c = list_column(l, i);

		if (w[i] < 0)
			continue;
		if (i == list_sort_column(l))
			snprintf(title, sizeof title, "%s%s", c->title,
			    list_sort_desc(l) ? "v" : "^");
		else
			snprintf(title, sizeof title, "%s", c->title);
		if (c->right) {
			char pad[80];

			snprintf(pad, sizeof pad, "%*s", w[i], title);
			x += draw_text(p->win, 1, x, pad, w[i], h, 0);
		} else {
			x += draw_text(p->win, 1, x, title, w[i], h, 0);
		}
		x += draw_text(p->win, 1, x, " ", 1, h, 0);
	}
}

/* The title line: queue, count, and where the cursor is. */
static void
list_paint_title(struct pane *p)
{
	struct list_state	*st = p->priv;
	struct list		*l = model_list(p->ui->model);
	char			 name[120], title[400], where[96], tags[32];
	attr_t			 ta;
	long			 total = list_total(l);

	ta = theme_attr(p->focused ? CR_PANE_TITLE_FOCUS : CR_PANE_TITLE);
	draw_bar(p->win, 0, ta);
	if (list_queue(l) == QUEUE_SEARCH)
		snprintf(name, sizeof name, "Search \"%s\"",
		    list_search_text(l));
	else if (list_queue(l) == QUEUE_SAVED)
		snprintf(name, sizeof name, "Queue %s", list_saved_name(l));
	else
		snprintf(name, sizeof name, "%s", list_queue_name(
		    list_queue(l)));
	if (total < 0)
		snprintf(where, sizeof where, " (...)");
	else if (total == 0)
		snprintf(where, sizeof where, " (0)");
	else
		snprintf(where, sizeof where, " (%ld)  %ld/%ld", total,
		    st->cursor + 1, total);
	if (st->ntags > 0)
		snprintf(tags, sizeof tags, "  %zu tagged", st->ntags);
	else
		tags[0] = '\0';
	snprintf(title, sizeof title, " %s%s%s%s%s", name, where, tags,
	    *list_limit_text(l) != '\0' ? "  limit: " : "",
	    list_limit_text(l));
	draw_text(p->win, 0, 0, title, p->cols, ta, DRAW_ELLIPSIS);
}

static void
list_paint(struct pane *p)
{
	struct list_state	*st = p->priv;
	struct model		*m = p->ui->model;
	struct list		*l = model_list(m);
	const char		*empty = NULL;
	long			 i, total = list_total(l);

	list_paint_title(p);
	list_paint_heading(p, l);

	if (list_error(l) != NULL)
		empty = list_error(l);
	else if (list_held(l) == 0 && model_conn_state(m) == MODEL_OFFLINE)
		empty = "Not connected to the database.";
	else if (list_held(l) == 0 && (list_loading(l) ||
	    model_conn_state(m) == MODEL_CONNECTING))
		empty = "Loading...";
	else if (total == 0 && list_queue(l) == QUEUE_SEARCH)
		empty = "No child matches the search.";
	else if (total == 0 && *list_limit_text(l) != '\0')
		empty = "Nothing matches the limit.";
	else if (total == 0)
		empty = list_queue(l) == QUEUE_MY_CASES ?
		    "No open cases are assigned to you." : "Nothing here.";
	if (empty != NULL && list_held(l) == 0) {
		draw_text(p->win, LIST_HEAD_ROWS, 1, empty, p->cols - 2,
		    list_error(l) != NULL ? theme_attr(CR_ERROR) :
		    theme_attr(CR_DIM), DRAW_ELLIPSIS);
		return;
	}
	for (i = st->top; i < st->top + list_body_rows(p); i++)
		list_paint_row(p, i);
	st->old_cursor = st->cursor;
}

static void
list_paint_cursor(struct pane *p)
{
	struct list_state	*st = p->priv;

	list_paint_title(p);
	list_paint_row(p, st->old_cursor);
	list_paint_row(p, st->cursor);
	st->old_cursor = st->cursor;
}

/* Keeps the cursor on screen; returns true when the view scrolled. */
static bool
list_scroll_to_cursor(struct pane *p)
{
	struct list_state	*st = p->priv;
	int			 body = list_body_rows(p);
	long			 old = st->top;

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
list_remember_cursor(struct pane *p)
{
	struct list_state	*st = p->priv;
	const struct list_row	*r;

	r = list_row(model_list(p->ui->model), st->cursor);
	if (r == NULL) {
		/* Not fetched yet: forget the old record, or a sync would
		 * pull the cursor back to it. */
		free(st->cursor_key);
		st->cursor_key = NULL;
		return;
	}
	if (st->cursor_key == NULL || strcmp(st->cursor_key, r->key) != 0) {
		free(st->cursor_key);
		st->cursor_key = xstrdup(r->key);
	}
}

static void
list_sync(struct pane *p)
{
	struct list_state	*st = p->priv;
	struct list		*l = model_list(p->ui->model);
	long			 total = list_total(l), at;

	if (st->queue != (int)list_queue(l)) {
		/* Another queue: start at its top. */
		st->queue = (int)list_queue(l);
		list_untag_all(st);
		st->cursor = st->top = 0;
		free(st->cursor_key);
		st->cursor_key = NULL;
		st->announced = false;
	}
	/* Keep the cursor on its record after a refresh. */
	if (st->cursor_key != NULL &&
	    (at = list_find(l, st->cursor_key)) >= 0 && at != st->cursor)
		st->cursor = at;
	if (total >= 0 && st->cursor >= total)
		st->cursor = total > 0 ? total - 1 : 0;
	if (st->cursor_key == NULL)
		list_remember_cursor(p);
	list_scroll_to_cursor(p);
	list_want(l, st->cursor);
	/* After a reconnect the detail starts empty: tell it again. */
	if (st->announced && detail_key(model_detail(p->ui->model)) == NULL)
		st->announced = false;
	if (!st->announced && list_row(l, st->cursor) != NULL) {
		st->announced = true;
		list_remember_cursor(p);
		ui_cursor_moved(p->ui, st->cursor, true);
	}
	if (list_held(l) == 0 && total == 0)
		st->announced = false;
	/*
	 * A supervisor or administrator with no cases of their own starts on
	 * the team's queue instead of an empty list (once).
	 */
	if (!st->started && total >= 0) {
		st->started = true;
		if (total == 0 && list_queue(l) == QUEUE_MY_CASES &&
		    (strcmp(model_user_kind(p->ui->model), "supervisor") == 0 ||
		    strcmp(model_user_kind(p->ui->model), "admin") == 0))
			ui_open_queue(p->ui, QUEUE_TEAM);
	}
}

static void
list_move_to(struct pane *p, long row)
{
	struct list_state	*st = p->priv;
	struct list		*l = model_list(p->ui->model);
	long			 total = list_total(l);

	if (total <= 0 && list_held(l) == 0)
		return;
	if (total > 0 && row >= total)
		row = total - 1;
	if (total < 0 && row >= list_first(l) + list_held(l))
		row = list_first(l) + list_held(l) - 1;
	if (row < 0)
		row = 0;
	if (row == st->cursor)
		return;
	st->cursor = row;
	if (list_scroll_to_cursor(p))
		p->dirty |= PANE_DIRTY_PAINT;
	else
		p->dirty |= PANE_DIRTY_CURSOR;
	list_want(l, row);
	list_remember_cursor(p);
	ui_cursor_moved(p->ui, row, false);
}

/* A re-sorted (or limited) list starts again at its top, and the detail
 * follows. */
void
pane_list_to_top(struct pane *p)
{
	struct list_state	*st = p->priv;

	st->cursor = st->top = 0;
	free(st->cursor_key);
	st->cursor_key = NULL;
	st->announced = false;
	p->dirty |= PANE_DIRTY_PAINT;
}

static enum pane_result
list_action(struct pane *p, enum action a)
{
	struct list_state	*st = p->priv;
	struct list		*l = model_list(p->ui->model);
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
		list_move_to(p, list_total(l) > 0 ? list_total(l) - 1 :
		    list_first(l) + list_held(l) - 1);
		break;
	case ACTION_SORT_NEXT:
		list_sort(l, (list_sort_column(l) + 1) % list_columns(l),
		    false);
		pane_list_to_top(p);
		break;
	case ACTION_SORT_REVERSE:
		list_sort(l, list_sort_column(l), !list_sort_desc(l));
		pane_list_to_top(p);
		break;
	case ACTION_TAG:
		if (list_row(l, st->cursor) == NULL)
			break;
		list_toggle_tag(st, list_row(l, st->cursor),
		    list_kind(l) == LIST_KIND_CASES);
		p->dirty |= PANE_DIRTY_PAINT;
		list_move_to(p, st->cursor + 1);
		break;
	case ACTION_TAG_ALL:
		/* Every row read so far (the list as limited); again: none. */
		if (st->ntags > 0) {
			list_untag_all(st);
			ui_message(p->ui, "tags cleared");
		} else {
			long		 i, first = list_first(l);
			char		 msg[96];

			for (i = first; i < first + list_held(l); i++)
				if (list_row(l, i) != NULL)
					list_toggle_tag(st, list_row(l, i),
					    list_kind(l) == LIST_KIND_CASES);
			snprintf(msg, sizeof msg, "%zu rows tagged%s: ; then "
			    "an action (A assign, a alert)", st->ntags,
			    list_total(l) == list_held(l) ? "" :
			    " (the rows read so far)");
			ui_message(p->ui, msg);
		}
		p->dirty |= PANE_DIRTY_PAINT;
		break;
	case ACTION_REFRESH:
		list_refresh(l, st->cursor_key);
		model_refresh_counts(p->ui->model);
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

	if (list_held(model_list(p->ui->model)) == 0)
		return (false);
	*y = LIST_HEAD_ROWS + (int)(st->cursor - st->top);
	*x = 0;
	return (*y >= LIST_HEAD_ROWS && *y < p->rows);
}

static void
list_release(struct pane *p)
{
	struct list_state	*st = p->priv;

	free(st->cursor_key);
	list_untag_all(st);
}

/*
 * The alerts to act on: the tagged rows (tagged) or the row under the
 * cursor. Returns how many were written to out (at most max); rows that
 * are not alerts are skipped.
 */
size_t
pane_list_alert_targets(struct pane *p, bool tagged, struct alert_target *out,
    size_t max)
{
	struct list_state	*st = p->priv;
	const struct list_row	*r;
	size_t			 i, n = 0;

	if (tagged) {
		for (i = 0; i < st->ntags && n < max; i++) {
			if (*st->tags[i].alert_id == '\0')
				continue;
			snprintf(out[n].alert_id, sizeof out[n].alert_id, "%s",
			    st->tags[i].alert_id);
			snprintf(out[n].version, sizeof out[n].version, "%s",
			    st->tags[i].version);
			n++;
		}
		return (n);
	}
	r = list_row(model_list(p->ui->model), st->cursor);
	if (r == NULL || *r->alert_id == '\0' || max == 0)
		return (0);
	snprintf(out[0].alert_id, sizeof out[0].alert_id, "%s", r->alert_id);
	snprintf(out[0].version, sizeof out[0].version, "%s", r->version);
	return (1);
}

/*
 * The cases to act on: the tagged rows (tagged) or the row under the
 * cursor, from a list of cases only (its rows carry the case's version).
 * Returns how many were written to out (at most max).
 */
size_t
pane_list_case_targets(struct pane *p, bool tagged, struct case_target *out,
    size_t max)
{
	struct list_state	*st = p->priv;
	const struct list_row	*r;
	size_t			 i, n = 0;

	if (list_kind(model_list(p->ui->model)) != LIST_KIND_CASES)
		return (0);
	if (tagged) {
		for (i = 0; i < st->ntags && n < max; i++) {
			if (*st->tags[i].case_id == '\0')
				continue;
			snprintf(out[n].case_id, sizeof out[n].case_id, "%s",
			    st->tags[i].case_id);
			snprintf(out[n].version, sizeof out[n].version, "%s",
			    st->tags[i].version);
			snprintf(out[n].officer, sizeof out[n].officer, "%s",
			    st->tags[i].officer);
			n++;
		}
		return (n);
	}
	r = list_row(model_list(p->ui->model), st->cursor);
	if (r == NULL || *r->case_id == '\0' || max == 0)
		return (0);
	snprintf(out[0].case_id, sizeof out[0].case_id, "%s", r->case_id);
	snprintf(out[0].version, sizeof out[0].version, "%s", r->version);
	snprintf(out[0].officer, sizeof out[0].officer, "%s",
	    r->cells[3] != NULL ? r->cells[3] : "");
	return (1);
}

/* The child of the row under the cursor, or NULL; borrowed. */
const char *
pane_list_child_id(struct pane *p)
{
	struct list_state	*st = p->priv;
	const struct list_row	*r;

	r = list_row(model_list(p->ui->model), st->cursor);
	return (r != NULL ? r->child_id : NULL);
}


size_t
pane_list_tag_count(const struct pane *p)
{
	const struct list_state	*st = p->priv;

	return (st->ntags);
}

void
pane_list_untag(struct pane *p)
{
	list_untag_all(p->priv);
	p->dirty |= PANE_DIRTY_PAINT;
}

const struct pane_ops pane_list_ops = {
	.name = "list",
	.priv_size = sizeof (struct list_state),
	.release = list_release,
	.sync = list_sync,
	.paint = list_paint,
	.paint_cursor = list_paint_cursor,
	.action = list_action,
	.cursor = list_cursor,
};
