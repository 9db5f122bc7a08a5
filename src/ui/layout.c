/*
 * layout.c — sizing a split tree (see layout.h). Fixed children get their
 * size first (shrunk if the screen is too small), then the shares split
 * what is left in proportion to their weights; rounding leftovers go to
 * the last shared child so the cells always tile the rectangle exactly.
 */
#include <stdlib.h>

#include "ui/layout.h"
#include "ui/pane.h"
#include "util/xmalloc.h"

struct layout_cell *
layout_leaf(struct pane *p, int fixed, int weight, int min)
{
	struct layout_cell	*c;

	c = xcalloc(1, sizeof *c);
	c->kind = LAYOUT_LEAF;
	c->pane = p;
	c->fixed = fixed;
	c->weight = weight > 0 ? weight : 1;
	c->min = min;
	return (c);
}

struct layout_cell *
layout_split(enum layout_kind kind, int fixed, int weight)
{
	struct layout_cell	*c;

	c = xcalloc(1, sizeof *c);
	c->kind = kind;
	c->fixed = fixed;
	c->weight = weight > 0 ? weight : 1;
	return (c);
}

void
layout_add(struct layout_cell *parent, struct layout_cell *child)
{
	parent->children = xreallocarray(parent->children,
	    (size_t)parent->nchildren + 1, sizeof *parent->children);
	parent->children[parent->nchildren++] = child;
}

void
layout_free(struct layout_cell *c)
{
	int	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nchildren; i++)
		layout_free(c->children[i]);
	free(c->children);
	free(c);
}

void
layout_apply(struct layout_cell *c, int y, int x, int rows, int cols)
{
	int	i, total, fixed = 0, weights = 0, left, shared = 0, pos;
	int	last = -1, size;

	if (c->kind == LAYOUT_LEAF) {
		if (c->pane != NULL)
			pane_place(c->pane, y, x, rows < 0 ? 0 : rows,
			    cols < 0 ? 0 : cols);
		return;
	}
	total = c->kind == LAYOUT_ROWS ? rows : cols;
	for (i = 0; i < c->nchildren; i++) {
		if (c->children[i]->fixed > 0) {
			fixed += c->children[i]->fixed;
		} else {
			weights += c->children[i]->weight;
			last = i;
		}
	}
	left = total - fixed;
	if (left < 0)
		left = 0;
	pos = 0;
	for (i = 0; i < c->nchildren; i++) {
		struct layout_cell *ch = c->children[i];

		if (ch->fixed > 0) {
			size = ch->fixed;
		} else if (i == last) {
			size = left - shared;	/* rounding goes here */
		} else {
			size = left * ch->weight / weights;
			shared += size;
		}
		if (pos + size > total)
			size = total - pos;
		if (size < 0)
			size = 0;
		if (c->kind == LAYOUT_ROWS)
			layout_apply(ch, y + pos, x, size, cols);
		else
			layout_apply(ch, y, x + pos, rows, size);
		pos += size;
	}
}
