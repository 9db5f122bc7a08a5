/*
 * pane.c — life of a pane and its window.
 */
#include <curses.h>
#include <stdlib.h>

#include "ui/pane.h"
#include "util/xmalloc.h"

struct pane *
pane_new(const struct pane_ops *ops, struct ui *ui)
{
	struct pane	*p;

	p = xcalloc(1, sizeof *p);
	p->ops = ops;
	p->ui = ui;
	if (ops->priv_size > 0)
		p->priv = xcalloc(1, ops->priv_size);
	p->dirty = PANE_DIRTY_LAYOUT | PANE_DIRTY_CONTENT | PANE_DIRTY_PAINT;
	return (p);
}

void
pane_free(struct pane *p)
{
	if (p == NULL)
		return;
	if (p->ops->release != NULL)
		p->ops->release(p);
	if (p->win != NULL)
		delwin(p->win);
	free(p->priv);
	free(p);
}

void
pane_place(struct pane *p, int y, int x, int rows, int cols)
{
	p->visible = rows > 0 && cols > 0;
	if (p->y == y && p->x == x && p->rows == rows && p->cols == cols &&
	    p->win != NULL)
		return;
	p->y = y;
	p->x = x;
	p->rows = rows;
	p->cols = cols;
	if (p->win != NULL) {
		delwin(p->win);
		p->win = NULL;
	}
	if (p->visible) {
		p->win = newwin(rows, cols, y, x);
		if (p->win == NULL)
			p->visible = false;
		else
			idlok(p->win, TRUE);
	}
	p->dirty |= PANE_DIRTY_PAINT;
}

