/*
 * screen_reports.c — the Reports screen: the termly DfE CME return on this
 * term's census day with the previous term's beside it (016_report.sql's
 * cme.cme_return_terms(): one statement, one round trip, desk.c), grouped
 * by breakdown: the total, sex, year group, length of time missing,
 * primary reason, and the count at any point in the previous academic
 * year. Exact counts; `cme report cme-return --rounded` gives the DfE
 * rounding for submission. j/k and the page keys scroll; C-r reads again.
 *
 * Census days are computed (016_report.sql: the DfE school census
 * Thursdays), so the screen needs no setting; the CLI takes any date.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/desk.h"
#include "model/model.h"
#include "model/report.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

#define RP_HEAD_ROWS	2	/* title, headings */
#define RP_NUM_W	12	/* a figure's column */

struct rp_line {
	int	 row;		/* index into the report's rows, -1: heading */
	const char *heading;	/* static, for a heading line */
};

struct rp_state {
	struct rp_line	*lines;		/* owned */
	int		 n;
	int		 top;
};

static const struct {
	const char	*breakdown;
	const char	*heading;
} rp_sections[] = {
	{ "total", NULL },
	{ "sex", "By sex" },
	{ "year_group", "By national curriculum year group" },
	{ "length_missing", "Length of time missing education" },
	{ "reason", "Primary reason" },
	{ "previous_year", "Previous academic year (each child once)" },
};

static struct reports *
rp_data(struct pane *p)
{
	return (desk_reports(model_desk(p->ui->model)));
}

unsigned long long
screen_reports_gen(struct pane *p)
{
	return ((unsigned long long)reports_gen(rp_data(p)));
}

static int
rp_body_rows(const struct pane *p)
{
	int	n = p->rows - RP_HEAD_ROWS;

	return (n > 1 ? n : 1);
}

/* Lines: a heading before each breakdown, then its figures. */
static void
rp_sync(struct pane *p)
{
	struct rp_state		*st = p->priv;
	const struct report	*r = reports_data(rp_data(p));
	const char		*last = "";
	size_t			 i, s;

	free(st->lines);
	st->lines = NULL;
	st->n = 0;
	if (r == NULL)
		return;
	st->lines = xcalloc(r->n * 2 + 1, sizeof *st->lines);
	for (i = 0; i < r->n; i++) {
		if (strcmp(r->rows[i].breakdown, last) != 0) {
			last = r->rows[i].breakdown;
			for (s = 0; s < sizeof rp_sections /
			    sizeof rp_sections[0]; s++)
				if (strcmp(rp_sections[s].breakdown, last) ==
				    0 && rp_sections[s].heading != NULL) {
					st->lines[st->n].row = -1;
					st->lines[st->n++].heading =
					    rp_sections[s].heading;
				}
		}
		st->lines[st->n].row = (int)i;
		st->lines[st->n++].heading = NULL;
	}
	if (st->top > st->n - rp_body_rows(p))
		st->top = st->n - rp_body_rows(p);
	if (st->top < 0)
		st->top = 0;
}

static void
rp_release(struct pane *p)
{
	struct rp_state	*st = p->priv;

	free(st->lines);
	st->lines = NULL;
}

static void
rp_paint(struct pane *p)
{
	struct rp_state		*st = p->priv;
	struct reports		*rs = rp_data(p);
	const struct report	*r = reports_data(rs);
	attr_t			 ta = theme_attr(CR_PANE_TITLE_FOCUS);
	attr_t			 h = theme_attr(CR_HEADER);
	char			 buf[256], cur[32], prev[32];
	int			 i, y, lw;

	draw_bar(p->win, 0, ta);
	if (r == NULL)
		snprintf(buf, sizeof buf, " DfE CME return (...)");
	else
		snprintf(buf, sizeof buf, " DfE CME return: census day %s, "
		    "previous term %s%s", r->census, r->prev_census[0] != '\0'
		    ? r->prev_census : "-", reports_loading(rs) ?
		    "  reading again..." : "");
	draw_text(p->win, 0, 0, buf, p->cols, ta, DRAW_ELLIPSIS);
	lw = p->cols - 2 - 2 * RP_NUM_W;
	if (lw < 8)
		lw = 8;
	wattrset(p->win, h);
	mvwhline(p->win, 1, 0, ' ', p->cols);
	snprintf(buf, sizeof buf, "  %-*s%*s%*s", lw, "Children missing "
	    "education", RP_NUM_W, r != NULL ? r->census : "this term",
	    RP_NUM_W, r != NULL && r->prev_census[0] != '\0' ?
	    r->prev_census : "last term");
	draw_text(p->win, 1, 0, buf, p->cols, h, DRAW_ELLIPSIS);

	if (reports_error(rs) != NULL || r == NULL) {
		draw_text(p->win, RP_HEAD_ROWS, 1, reports_error(rs) != NULL ?
		    reports_error(rs) : "Loading...", p->cols - 2,
		    reports_error(rs) != NULL ? theme_attr(CR_ERROR) :
		    theme_attr(CR_DIM), DRAW_ELLIPSIS);
		if (r == NULL)
			return;
	}
	for (i = st->top, y = RP_HEAD_ROWS; i < st->n && y < p->rows;
	    i++, y++) {
		const struct rp_line *l = &st->lines[i];
		const struct report_row *row;
		int x;

		if (l->heading != NULL) {
			draw_text(p->win, y, 0, l->heading, p->cols,
			    theme_attr(CR_LABEL), DRAW_ELLIPSIS);
			continue;
		}
		row = &r->rows[l->row];
		x = draw_text(p->win, y, 0, strcmp(row->breakdown, "total") ==
		    0 ? "" : "  ", strcmp(row->breakdown, "total") == 0 ?
		    0 : 2, A_NORMAL, DRAW_NO_PAD);
		x += draw_text(p->win, y, x, row->label, lw + 2 - x,
		    A_NORMAL, DRAW_ELLIPSIS);
		report_round(row->children, false, cur, sizeof cur);
		if (row->prev >= 0)
			report_round(row->prev, false, prev, sizeof prev);
		else
			snprintf(prev, sizeof prev, "-");
		snprintf(buf, sizeof buf, "%*s%*s", RP_NUM_W, cur, RP_NUM_W,
		    prev);
		draw_text(p->win, y, x, buf, p->cols - x,
		    strcmp(row->breakdown, "total") == 0 ? A_BOLD : A_NORMAL,
		    0);
	}
}

static enum pane_result
rp_action(struct pane *p, enum action a)
{
	struct rp_state	*st = p->priv;
	int		 max = st->n - rp_body_rows(p);

	switch (a) {
	case ACTION_MOVE_UP:
		st->top--;
		break;
	case ACTION_MOVE_DOWN:
		st->top++;
		break;
	case ACTION_PAGE_UP:
		st->top -= rp_body_rows(p);
		break;
	case ACTION_PAGE_DOWN:
		st->top += rp_body_rows(p);
		break;
	case ACTION_FIRST:
		st->top = 0;
		break;
	case ACTION_LAST:
		st->top = max;
		break;
	case ACTION_REFRESH:
		desk_refresh_reports(model_desk(p->ui->model));
		break;
	default:
		return (PANE_IGNORED);
	}
	if (st->top > max)
		st->top = max;
	if (st->top < 0)
		st->top = 0;
	p->dirty |= PANE_DIRTY_PAINT;
	return (PANE_HANDLED);
}

const struct pane_ops screen_reports_ops = {
	.name = "reports",
	.priv_size = sizeof(struct rp_state),
	.release = rp_release,
	.sync = rp_sync,
	.paint = rp_paint,
	.action = rp_action,
};
