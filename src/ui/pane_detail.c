/*
 * pane_detail.c — the selected child's summary: labelled fields, one per
 * line, every value sanitised on the way to the screen. Beside the list
 * (wide screens) it draws a rule on its left edge; stacked, its title bar
 * is the separator.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/detail.h"
#include "model/model.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/theme.h"
#include "ui/ui_private.h"

#define DETAIL_LABEL_COLS	15

struct detail_state {
	int	scroll;		/* first field line shown */
};

static void
detail_field(struct pane *p, int *y, int x0, const char *label,
    const char *value)
{
	struct detail_state	*st = p->priv;
	int			 line = *y;

	if (value == NULL || *value == '\0')
		return;
	(*y)++;
	line -= st->scroll;
	if (line < 1 || line >= p->rows)
		return;
	draw_text(p->win, line, x0, label, DETAIL_LABEL_COLS,
	    theme_attr(CR_LABEL), 0);
	draw_text(p->win, line, x0 + DETAIL_LABEL_COLS, value,
	    p->cols - x0 - DETAIL_LABEL_COLS, A_NORMAL, DRAW_ELLIPSIS);
}

static void
detail_paint(struct pane *p)
{
	const struct child_detail	*d;
	char				 buf[256];
	attr_t				 ta;
	int				 x0 = 0, y;

	d = detail_summary(model_detail(p->ui->model));
	if (p->ui->wide) {
		draw_vline(p->win, 0, 0, p->rows - 1, theme_attr(CR_BORDER));
		x0 = 2;
	}
	ta = theme_attr(p->focused ? CR_PANE_TITLE_FOCUS : CR_PANE_TITLE);
	wattrset(p->win, ta);
	mvwhline(p->win, 0, x0 > 0 ? 1 : 0, ' ', p->cols);
	wattrset(p->win, A_NORMAL);
	snprintf(buf, sizeof buf, " Summary%s%s", d->loaded &&
	    d->error == NULL ? ": " : "", d->loaded && d->error == NULL ?
	    d->legal_name : "");
	draw_text(p->win, 0, x0 > 0 ? 1 : 0, buf, p->cols - (x0 > 0),
	    ta, DRAW_ELLIPSIS);

	if (!d->loaded) {
		draw_text(p->win, 1, x0 + 1, model_list_loaded(p->ui->model) ?
		    "Loading..." : "Nothing selected.", p->cols - x0 - 1,
		    theme_attr(CR_DIM), 0);
		return;
	}
	if (d->error != NULL) {
		draw_text(p->win, 1, x0 + 1, d->error, p->cols - x0 - 1,
		    theme_attr(CR_ERROR), DRAW_ELLIPSIS);
		return;
	}
	y = 1;
	detail_field(p, &y, x0, " Legal name", d->legal_name);
	detail_field(p, &y, x0, " Known as", d->preferred_name);
	detail_field(p, &y, x0, " UPN", d->upn);
	detail_field(p, &y, x0, " Born", d->dob);
	detail_field(p, &y, x0, " Sex", d->sex);
	detail_field(p, &y, x0, " Address", d->address);
	detail_field(p, &y, x0, " School", d->school);
	detail_field(p, &y, x0, " Flags", d->flags);
	detail_field(p, &y, x0, " Other names", d->other_names);
	if (d->case_status != NULL && *d->case_status != '\0') {
		snprintf(buf, sizeof buf, "%s, referred %s (%d school days)",
		    d->case_status, d->referred_on, d->days_open);
		detail_field(p, &y, x0, " Case", buf);
		detail_field(p, &y, x0, " Reason", d->case_reason);
	}
}

static void
detail_sync(struct pane *p)
{
	struct detail_state	*st = p->priv;

	st->scroll = 0;
}

static enum pane_result
detail_action(struct pane *p, enum action a)
{
	struct detail_state	*st = p->priv;

	switch (a) {
	case ACTION_MOVE_DOWN:
		st->scroll++;
		break;
	case ACTION_MOVE_UP:
		if (st->scroll == 0)
			return (PANE_HANDLED);
		st->scroll--;
		break;
	case ACTION_FIRST:
		st->scroll = 0;
		break;
	default:
		return (PANE_IGNORED);
	}
	p->dirty |= PANE_DIRTY_PAINT;
	return (PANE_HANDLED);
}

static bool
detail_cursor(struct pane *p, int *y, int *x)
{
	*y = 0;
	*x = p->ui->wide ? 1 : 0;
	return (true);
}

const struct pane_ops pane_detail_ops = {
	.name = "detail",
	.priv_size = sizeof (struct detail_state),
	.sync = detail_sync,
	.paint = detail_paint,
	.action = detail_action,
	.cursor = detail_cursor,
};
