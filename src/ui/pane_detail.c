/*
 * pane_detail.c — the detail pane: the open record, one tab at a time.
 *
 * The first line is the pane's title bar: on the left "<Tab>: <child>"
 * (and "(restricted)"), on the right the tab bar, the current tab in
 * brackets and drawn apart ("[Attendance]"), so it reads in monochrome
 * and on a vt100. When the line is short the other tabs shrink to short
 * names, then to their keys ("1 2 [Attendance] 4 5 6"). Below it, the
 * current tab's painter (tabs.h) draws the content; this file shows
 * "Loading..." or the error instead while the tab's data is not there.
 *
 * The pane keeps a view per tab (scroll, and the Timeline's cursor), so
 * switching tabs and back keeps the place; opening another record resets
 * them. With the focus here j/k, PageUp/PageDown and g/G scroll the tab
 * (the Timeline moves its cursor: two rows repainted while it stays on
 * screen). Beside the list (wide screens) a rule is drawn on the left
 * edge; stacked, the title bar is the separator.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/detail.h"
#include "model/list.h"
#include "model/model.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/tabs.h"
#include "ui/theme.h"
#include "ui/ui_private.h"
#include "util/sanitize.h"
#include "util/utf8.h"

#define DETAIL_TITLE_MIN	20	/* title columns kept before the bar */

struct detail_state {
	struct tab_view	 view[DETAIL_TAB_COUNT];
	uint64_t	 serial;	/* the record the views are for */
};

/* Tab bar labels: full, short, and the keys. */
static const char *detail_short[DETAIL_TAB_COUNT] = {
	"Sum", "Time", "Att", "Enq", "Fam", "Alert",
};
static const char *detail_keys[DETAIL_TAB_COUNT] = {
	"1", "2", "3", "4", "5", "6",
};

typedef void	(*detail_paint_fn)(const struct detail *,
		    const struct tab_area *, struct tab_view *);

static const detail_paint_fn detail_painters[DETAIL_TAB_COUNT] = {
	[DETAIL_SUMMARY] = tab_summary_paint,
	[DETAIL_TIMELINE] = tab_timeline_paint,
	[DETAIL_ATTENDANCE] = tab_attendance_paint,
	[DETAIL_ENQUIRIES] = tab_enquiries_paint,
	[DETAIL_FAMILY] = tab_family_paint,
	[DETAIL_ALERTS] = tab_alerts_paint,
};

static void	 detail_area(const struct pane *, struct tab_area *);
static int	 detail_bar_label(int, int, enum detail_tab, char *, size_t);
static int	 detail_bar_width(int, enum detail_tab);
static void	 detail_title(struct pane *, const struct detail *);
static bool	 detail_ready(struct pane *, const struct detail *);
static void	 detail_paint(struct pane *);
static void	 detail_paint_cursor(struct pane *);
static void	 detail_sync(struct pane *);
static bool	 detail_move(struct tab_view *, bool, int);
static enum pane_result detail_action(struct pane *, enum action);
static bool	 detail_cursor(struct pane *, int *, int *);

/* The content area: below the title, right of the rule when wide. */
static void
detail_area(const struct pane *p, struct tab_area *a)
{
	int	x0 = p->ui->wide ? 2 : 0;

	a->win = p->win;
	a->y = 1;
	a->x = x0;
	a->rows = p->rows - 1;
	a->cols = p->cols - x0;
	a->focused = p->focused;
}

/* Tab t's label in bar form f (0 full, 1 short, 2 keys). */
static int
detail_bar_label(int form, int t, enum detail_tab cur, char *buf,
    size_t len)
{
	const char	*name = detail_tab_name((enum detail_tab)t);

	if (t == (int)cur)
		return (snprintf(buf, len, "[%s]", name));
	return (snprintf(buf, len, "%s", form == 0 ? name : form == 1 ?
	    detail_short[t] : detail_keys[t]));
}

static int
detail_bar_width(int form, enum detail_tab cur)
{
	char	buf[32];
	int	t, w = 0;

	/* A space before each label, and one at the end. */
	for (t = 0; t < DETAIL_TAB_COUNT; t++)
		w += 1 + detail_bar_label(form, t, cur, buf, sizeof buf);
	return (w + 1);
}

/* The title bar: "<Tab>: <child>" on the left, the tab bar right. */
static void
detail_title(struct pane *p, const struct detail *d)
{
	const struct detail_header	*h = detail_header(d);
	enum detail_tab			 cur = detail_tab(d);
	char				 title[256], label[32], *clean;
	attr_t				 ta, ca;
	int				 x0, cols, form, bw, tw, t, x;

	x0 = p->ui->wide ? 1 : 0;
	cols = p->cols - x0;
	ta = theme_attr(p->focused ? CR_PANE_TITLE_FOCUS : CR_PANE_TITLE);
	ca = theme_attr(CR_HEADER) | A_BOLD;
	wattrset(p->win, ta);
	mvwhline(p->win, 0, x0, ' ', cols);
	wattrset(p->win, A_NORMAL);
	if (detail_key(d) != NULL && h->st.loaded && h->st.error == NULL &&
	    h->name != NULL)
		snprintf(title, sizeof title, " %s: %s%s",
		    detail_tab_name(cur), h->name, h->restricted ?
		    " (restricted)" : "");
	else
		snprintf(title, sizeof title, " %s", detail_tab_name(cur));
	/* The whole title if any form of the bar leaves room for it. */
	clean = sanitize_text(title, strlen(title), 0);
	tw = utf8_width(clean);
	free(clean);
	for (form = 0; form < 2; form++)
		if (cols - detail_bar_width(form, cur) >= tw)
			break;
	bw = detail_bar_width(form, cur);
	if (cols - bw < DETAIL_TITLE_MIN && cols > 2 * DETAIL_TITLE_MIN)
		bw = cols - DETAIL_TITLE_MIN;
	if (bw > cols)
		bw = cols;
	draw_text(p->win, 0, x0, title, cols - bw, ta, DRAW_ELLIPSIS);
	x = x0 + cols - bw;
	for (t = 0; t < DETAIL_TAB_COUNT && x < x0 + cols - 1; t++) {
		x += draw_text(p->win, 0, x, " ", 1, ta, 0);
		detail_bar_label(form, t, cur, label, sizeof label);
		x += draw_text(p->win, 0, x, label, x0 + cols - x,
		    t == (int)cur ? ca : ta, DRAW_NO_PAD);
	}
}

/* Draws the loading or error state; true when the tab can be painted. */
static bool
detail_ready(struct pane *p, const struct detail *d)
{
	const struct detail_status	*st = detail_status(d, detail_tab(d));
	struct tab_area			 a;
	const char			*msg = NULL;

	detail_area(p, &a);
	if (detail_key(d) == NULL)
		msg = model_list_loaded(p->ui->model) ? "Loading..." :
		    "Nothing selected.";
	else if (!st->loaded)
		msg = "Loading...";
	if (msg != NULL) {
		draw_text(p->win, a.y, a.x + 1, msg, a.cols - 1,
		    theme_attr(CR_DIM), 0);
		return (false);
	}
	if (st->error != NULL) {
		draw_text(p->win, a.y, a.x + 1, st->error, a.cols - 1,
		    theme_attr(CR_ERROR), DRAW_ELLIPSIS);
		if (a.rows > 1)
			draw_text(p->win, a.y + 1, a.x + 1, "Choose the tab "
			    "again to retry.", a.cols - 1, theme_attr(CR_DIM),
			    DRAW_ELLIPSIS);
		return (false);
	}
	return (true);
}

static void
detail_paint(struct pane *p)
{
	struct detail_state	*ps = p->priv;
	const struct detail	*d = model_detail(p->ui->model);
	enum detail_tab		 cur = detail_tab(d);
	struct tab_area		 a;

	if (p->ui->wide)
		draw_vline(p->win, 0, 0, p->rows - 1, theme_attr(CR_BORDER));
	detail_title(p, d);
	if (p->rows < 2 || !detail_ready(p, d))
		return;
	detail_area(p, &a);
	ps->view[cur].deciding =
	    list_queue(model_list(p->ui->model)) == QUEUE_APPROVALS;
	detail_painters[cur](d, &a, &ps->view[cur]);
}

static void
detail_paint_cursor(struct pane *p)
{
	struct detail_state	*ps = p->priv;
	const struct detail	*d = model_detail(p->ui->model);
	struct tab_area		 a;

	if (detail_tab(d) != DETAIL_TIMELINE || !detail_status(d,
	    DETAIL_TIMELINE)->loaded || detail_status(d,
	    DETAIL_TIMELINE)->error != NULL)
		return;
	detail_area(p, &a);
	tab_timeline_paint_cursor(d, &a, &ps->view[DETAIL_TIMELINE]);
}

/* Another record: every tab starts at its top. */
static void
detail_sync(struct pane *p)
{
	struct detail_state	*ps = p->priv;
	uint64_t		 serial;

	serial = detail_serial(model_detail(p->ui->model));
	if (serial != ps->serial) {
		memset(ps->view, 0, sizeof ps->view);
		ps->serial = serial;
	}
}

/*
 * Moves a view by n lines (the cursor when use_cursor). Returns true when
 * only the cursor moved within the screen (two rows to repaint).
 */
static bool
detail_move(struct tab_view *v, bool use_cursor, int n)
{
	int	max;

	if (!use_cursor) {
		v->scroll += n;
		max = v->lines - v->page;
		if (v->scroll > max)
			v->scroll = max;
		if (v->scroll < 0)
			v->scroll = 0;
		return (false);
	}
	v->cursor += n;
	if (v->cursor >= v->lines)
		v->cursor = v->lines - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	if (v->cursor >= v->scroll && v->cursor < v->scroll + v->page)
		return (true);
	if (v->cursor < v->scroll)
		v->scroll = v->cursor;
	else
		v->scroll = v->cursor - v->page + 1;
	return (false);
}

static enum pane_result
detail_action(struct pane *p, enum action a)
{
	struct detail_state	*ps = p->priv;
	const struct detail	*d = model_detail(p->ui->model);
	enum detail_tab		 cur = detail_tab(d);
	struct tab_view		*v = &ps->view[cur];
	struct tab_view		 before = *v;
	bool			 cursor = cur == DETAIL_TIMELINE;
	bool			 cheap;
	int			 page = v->page > 1 ? v->page - 1 : 1;

	switch (a) {
	case ACTION_MOVE_DOWN:
		cheap = detail_move(v, cursor, 1);
		break;
	case ACTION_MOVE_UP:
		cheap = detail_move(v, cursor, -1);
		break;
	case ACTION_PAGE_DOWN:
		cheap = detail_move(v, cursor, page);
		break;
	case ACTION_PAGE_UP:
		cheap = detail_move(v, cursor, -page);
		break;
	case ACTION_FIRST:
		cheap = detail_move(v, cursor, -(v->lines + 1));
		break;
	case ACTION_LAST:
		cheap = detail_move(v, cursor, v->lines + 1);
		break;
	default:
		return (PANE_IGNORED);
	}
	if (memcmp(&before, v, sizeof before) != 0)
		p->dirty |= cheap ? PANE_DIRTY_CURSOR : PANE_DIRTY_PAINT;
	return (PANE_HANDLED);
}

/* The terminal cursor: on the Timeline's selected event, else the title. */
static bool
detail_cursor(struct pane *p, int *y, int *x)
{
	struct detail_state	*ps = p->priv;
	const struct detail	*d = model_detail(p->ui->model);
	struct tab_area		 a;
	int			 row;

	detail_area(p, &a);
	*y = 0;
	*x = p->ui->wide ? 1 : 0;
	if (detail_tab(d) == DETAIL_TIMELINE && p->focused &&
	    detail_status(d, DETAIL_TIMELINE)->loaded &&
	    detail_timeline(d)->n > 0 &&
	    (row = tab_timeline_cursor_row(&ps->view[DETAIL_TIMELINE])) >= 0 &&
	    a.y + row < p->rows) {
		*y = a.y + row;
		*x = a.x;
	}
	return (true);
}

/* The contact of the Timeline event under the detail's cursor ("" for
 * none), when the Timeline is the tab shown; borrowed. */
const char *
pane_detail_contact(struct pane *p)
{
	struct detail_state		*ps = p->priv;
	const struct detail_timeline	*tl;
	struct detail			*d = model_detail(p->ui->model);
	int				 c;

	if (detail_tab(d) != DETAIL_TIMELINE)
		return ("");
	tl = detail_timeline(d);
	c = ps->view[DETAIL_TIMELINE].cursor;
	if (!tl->st.loaded || c < 0 || c >= tl->n ||
	    tl->events[c].contact_id == NULL)
		return ("");
	return (tl->events[c].contact_id);
}

const struct pane_ops pane_detail_ops = {
	.name = "detail",
	.priv_size = sizeof (struct detail_state),
	.sync = detail_sync,
	.paint = detail_paint,
	.paint_cursor = detail_paint_cursor,
	.action = detail_action,
	.cursor = detail_cursor,
};
