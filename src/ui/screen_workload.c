/*
 * screen_workload.c — the supervisor's workload view: one line per
 * officer, each figure drawn as a horizontal bar with its number beside it
 * (open cases, open alerts, overdue clocks, contacts in the last 10 school
 * days, school days since the oldest untouched case).
 *
 * Bars are characters, never colour alone: a full block per step in UTF-8,
 * '#' with --ascii, so they read the same in monochrome, with NO_COLOR and
 * on a vt100; every bar has its number. Each column is scaled to its own
 * largest value. o / O sort by the next column / reverse (as the lists
 * do; the heading marks the column with ^ or v); Enter opens the caseload
 * of the officer under the cursor in the list (every open case assigned
 * to them: the limit officer:LOGIN status:open); C-r reads the figures
 * again. The data is workload.c's, read in one round trip (desk.c).
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/desk.h"
#include "model/list.h"
#include "model/model.h"
#include "model/workload.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/sbuf.h"

#define WL_HEAD_ROWS	2	/* title, headings */
#define WL_FOOT_ROWS	1	/* the legend */
#define WL_NUM_W	4	/* digits beside a bar */
#define WL_NAME_MIN	12

struct wl_state {
	long	cursor;
	long	top;
	char	role[128];	/* the officer under the cursor, kept */
};

static struct workload *
wl_data(struct pane *p)
{
	return (desk_workload(model_desk(p->ui->model)));
}

unsigned long long
screen_workload_gen(struct pane *p)
{
	return ((unsigned long long)workload_gen(wl_data(p)));
}

/* Column widths: each figure's cell, and the officer's name. */
static void
wl_widths(const struct pane *p, int *cell, int *name)
{
	int	avail = p->cols - 2 - WL_NAME_MIN;

	*cell = avail / (WL_COL_COUNT - 1) - 1;
	if (*cell > 32)
		*cell = 32;
	if (*cell < WL_NUM_W + 4)
		*cell = WL_NUM_W + 4;
	*name = p->cols - 2 - (WL_COL_COUNT - 1) * (*cell + 1);
	if (*name < 4)
		*name = 4;
}

static int
wl_body_rows(const struct pane *p)
{
	int	n = p->rows - WL_HEAD_ROWS - WL_FOOT_ROWS;

	return (n > 1 ? n : 1);
}

static void
wl_keep_cursor(struct pane *p)
{
	struct wl_state		*st = p->priv;
	struct workload		*w = wl_data(p);
	long			 n = (long)workload_count(w);

	if (st->cursor >= n)
		st->cursor = n - 1;
	if (st->cursor < 0)
		st->cursor = 0;
	if (st->cursor < st->top)
		st->top = st->cursor;
	if (st->cursor >= st->top + wl_body_rows(p))
		st->top = st->cursor - wl_body_rows(p) + 1;
	if (st->top < 0)
		st->top = 0;
	if (workload_row(w, (size_t)st->cursor) != NULL)
		snprintf(st->role, sizeof st->role, "%s",
		    workload_row(w, (size_t)st->cursor)->role);
}

/* An answer arrived or the order changed: the cursor stays on its officer. */
static void
wl_sync(struct pane *p)
{
	struct wl_state	*st = p->priv;
	long		 i;

	if (st->role[0] != '\0' &&
	    (i = workload_find(wl_data(p), st->role)) >= 0)
		st->cursor = i;
	wl_keep_cursor(p);
}

/* One cell: a bar of up to width-5 steps scaled to max, then the number. */
static void
wl_cell(struct sbuf *sb, long v, long max, int width)
{
	int	bar = width - WL_NUM_W - 1, n, i;

	if (v < 0) {
		sbuf_appendf(sb, "%*s", width, "-");
		return;
	}
	n = max > 0 ? (int)((v * bar + max - 1) / max) : 0;
	if (n > bar)
		n = bar;
	for (i = 0; i < n; i++)
		sbuf_append_str(sb, draw_ascii() ? "#" : "\xe2\x96\x88");
	sbuf_appendf(sb, "%*s %*ld", bar - n, "", WL_NUM_W, v);
}

static void
wl_paint_row(struct pane *p, long idx)
{
	struct wl_state			*st = p->priv;
	struct workload			*w = wl_data(p);
	const struct workload_row	*r;
	struct sbuf			 sb = SBUF_INIT;
	int				 y, x, cell, name, c;
	attr_t				 a;

	y = WL_HEAD_ROWS + (int)(idx - st->top);
	if (y < WL_HEAD_ROWS || y >= WL_HEAD_ROWS + wl_body_rows(p) ||
	    (r = workload_row(w, (size_t)idx)) == NULL)
		return;
	a = idx == st->cursor ? theme_attr(CR_SELECTED) : A_NORMAL;
	wl_widths(p, &cell, &name);
	wattrset(p->win, a);
	mvwhline(p->win, y, 0, ' ', p->cols);
	x = draw_text(p->win, y, 0, idx == st->cursor ? "> " : "  ", 2, a, 0);
	x += draw_text(p->win, y, x, r->name, name, a, DRAW_ELLIPSIS);
	for (c = WL_CASES; c < WL_COL_COUNT && x < p->cols; c++) {
		sbuf_reset(&sb);
		sbuf_append_char(&sb, ' ');
		wl_cell(&sb, r->v[c], workload_max(w, (enum workload_col)c),
		    cell);
		x += draw_text(p->win, y, x, sb.buf, cell + 1,
		    a != A_NORMAL ? a : theme_attr(CR_LABEL) & ~A_BOLD, 0);
	}
	sbuf_release(&sb);
}

static void
wl_paint(struct pane *p)
{
	struct wl_state	*st = p->priv;
	struct workload	*w = wl_data(p);
	char		 buf[256];
	const char	*empty = NULL;
	attr_t		 h = theme_attr(CR_HEADER);
	attr_t		 ta = theme_attr(CR_PANE_TITLE_FOCUS);
	int		 cell, name, x, c;
	long		 i;

	draw_bar(p->win, 0, ta);
	if (workload_loading(w) && !workload_loaded(w))
		snprintf(buf, sizeof buf, " Workload (...)");
	else
		snprintf(buf, sizeof buf, " Workload (%zu officers)%s",
		    workload_count(w), workload_loading(w) ?
		    "  reading again..." : "");
	draw_text(p->win, 0, 0, buf, p->cols, ta, DRAW_ELLIPSIS);

	wl_widths(p, &cell, &name);
	wattrset(p->win, h);
	mvwhline(p->win, 1, 0, ' ', p->cols);
	x = draw_text(p->win, 1, 0, "  ", 2, h, 0);
	for (c = 0; c < WL_COL_COUNT && x < p->cols; c++) {
		snprintf(buf, sizeof buf, "%s%s", workload_col_title(
		    (enum workload_col)c), c == (int)workload_sort_col(w) ?
		    (workload_sort_desc(w) ? "v" : "^") : "");
		if (c == WL_OFFICER) {
			x += draw_text(p->win, 1, x, buf, name, h, 0);
		} else {
			char pad[300];

			snprintf(pad, sizeof pad, " %*s", cell, buf);
			x += draw_text(p->win, 1, x, pad, cell + 1, h, 0);
		}
	}
	if (p->rows > WL_HEAD_ROWS + 1)
		draw_text(p->win, p->rows - 1, 0, " Overdue: 10- and 20-school-"
		    "day clocks.  Contacts: last 10 school days.  Untouched: "
		    "school days since the oldest case's last contact.",
		    p->cols, theme_attr(CR_DIM), DRAW_ELLIPSIS);

	if (workload_error(w) != NULL)
		empty = workload_error(w);
	else if (!workload_loaded(w))
		empty = "Loading...";
	else if (workload_count(w) == 0)
		empty = "No caseworkers or supervisors in your LA.";
	if (empty != NULL && (workload_error(w) != NULL ||
	    workload_count(w) == 0)) {
		draw_text(p->win, WL_HEAD_ROWS, 1, empty, p->cols - 2,
		    workload_error(w) != NULL ? theme_attr(CR_ERROR) :
		    theme_attr(CR_DIM), DRAW_ELLIPSIS);
		return;
	}
	for (i = st->top; i < st->top + wl_body_rows(p); i++)
		wl_paint_row(p, i);
}

/* The limit value for a login role: quoted unless plainly a word. */
static void
wl_quote(struct sbuf *sb, const char *v)
{
	const char	*s;

	for (s = v; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || (*s >= 'A' && *s <= 'Z')))
			break;
	if (*s == '\0' && *v != '\0') {
		sbuf_append_str(sb, v);
		return;
	}
	sbuf_append_char(sb, '"');
	for (s = v; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			sbuf_append_char(sb, '\\');
		sbuf_append_char(sb, *s);
	}
	sbuf_append_char(sb, '"');
}

/* Enter: the officer's open cases in the list, the screen closed. */
static void
wl_open_caseload(struct pane *p)
{
	struct wl_state			*st = p->priv;
	const struct workload_row	*r;
	struct sbuf			 pat = SBUF_INIT, name = SBUF_INIT;
	char				 msg[256];

	if ((r = workload_row(wl_data(p), (size_t)st->cursor)) == NULL)
		return;
	sbuf_append_str(&pat, "officer:");
	wl_quote(&pat, r->role);
	sbuf_append_str(&pat, " status:open");
	sbuf_appendf(&name, "Caseload of %s", r->name);
	if (model_open_pattern(p->ui->model, name.buf, LIST_KIND_CASES,
	    pat.buf, msg, sizeof msg) != 0) {
		ui_message(p->ui, msg);
	} else {
		ui_screen_close(p->ui);
		pane_list_to_top(p->ui->list);
		ui_set_focus(p->ui, p->ui->list);
	}
	sbuf_release(&pat);
	sbuf_release(&name);
}

static enum pane_result
wl_action(struct pane *p, enum action a)
{
	struct wl_state	*st = p->priv;
	struct workload	*w = wl_data(p);
	long		 n = (long)workload_count(w);
	enum workload_col c;

	switch (a) {
	case ACTION_MOVE_UP:
		st->cursor--;
		break;
	case ACTION_MOVE_DOWN:
		st->cursor++;
		break;
	case ACTION_PAGE_UP:
		st->cursor -= wl_body_rows(p);
		break;
	case ACTION_PAGE_DOWN:
		st->cursor += wl_body_rows(p);
		break;
	case ACTION_FIRST:
		st->cursor = 0;
		break;
	case ACTION_LAST:
		st->cursor = n - 1;
		break;
	case ACTION_OPEN:
		wl_open_caseload(p);
		return (PANE_HANDLED);
	case ACTION_SORT_NEXT:
		c = (enum workload_col)((workload_sort_col(w) + 1) %
		    WL_COL_COUNT);
		/* Names read A to Z; figures largest first. */
		workload_sort(w, c, c != WL_OFFICER);
		st->cursor = 0;
		st->top = 0;
		st->role[0] = '\0';
		break;
	case ACTION_SORT_REVERSE:
		workload_sort(w, workload_sort_col(w), !workload_sort_desc(w));
		st->cursor = 0;
		st->top = 0;
		st->role[0] = '\0';
		break;
	case ACTION_REFRESH:
		desk_refresh_workload(model_desk(p->ui->model));
		break;
	default:
		return (PANE_IGNORED);
	}
	wl_keep_cursor(p);
	p->dirty |= PANE_DIRTY_PAINT;
	return (PANE_HANDLED);
}

const struct pane_ops screen_workload_ops = {
	.name = "workload",
	.priv_size = sizeof(struct wl_state),
	.sync = wl_sync,
	.paint = wl_paint,
	.action = wl_action,
};
