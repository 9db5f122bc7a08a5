/*
 * tabs.c — line helpers shared by the detail tabs' painters (tabs.h).
 *
 * A painter emits its content top to bottom; tabs_line() keeps the count
 * and draws only the lines inside the view, each sanitised and cut at the
 * area's width by draw_text().
 */
#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>

#include "ui/draw.h"
#include "ui/tabs.h"
#include "ui/theme.h"
#include "util/xmalloc.h"

void
tabs_out_init(struct tabs_out *o, const struct tab_area *a, int top,
    int first_row)
{
	o->area = a;
	o->top = top > 0 ? top : 0;
	o->y = first_row;
	o->line = 0;
	o->rows = a->rows - first_row;
}

int
tabs_next_row(struct tabs_out *o)
{
	int	line = o->line++;

	if (line < o->top || line >= o->top + o->rows)
		return (-1);
	return (o->area->y + o->y + (line - o->top));
}

void
tabs_line(struct tabs_out *o, int indent, attr_t attr, const char *fmt, ...)
{
	const struct tab_area	*a = o->area;
	va_list			 ap;
	char			*s;
	int			 row;

	if ((row = tabs_next_row(o)) < 0)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	draw_text(a->win, row, a->x + indent, s, a->cols - indent, attr,
	    DRAW_ELLIPSIS);
	free(s);
}

void
tabs_field(struct tabs_out *o, int label_cols, const char *label,
    attr_t attr, const char *value)
{
	const struct tab_area	*a = o->area;
	int			 row;

	if (value == NULL || *value == '\0')
		return;
	if ((row = tabs_next_row(o)) < 0)
		return;
	draw_text(a->win, row, a->x + 1, label, label_cols - 1,
	    theme_attr(CR_LABEL), 0);
	draw_text(a->win, row, a->x + label_cols, value,
	    a->cols - label_cols, attr, DRAW_ELLIPSIS);
}

void
tabs_view_clamp(struct tab_view *v)
{
	int	max = v->lines - v->page;

	if (max < 0)
		max = 0;
	if (v->scroll > max)
		v->scroll = max;
	if (v->scroll < 0)
		v->scroll = 0;
	if (v->cursor >= v->lines)
		v->cursor = v->lines - 1;
	if (v->cursor < 0)
		v->cursor = 0;
}
