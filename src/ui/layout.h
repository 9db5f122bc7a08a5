/*
 * layout.h — the split tree that places panes on the screen.
 *
 * A cell is either a leaf holding one pane or a split of two or more
 * children side by side (horizontal) or stacked (vertical). Each child
 * takes a fixed size or a share of what is left. Relayout walks the tree
 * once per resize; panes never compute their own geometry.
 */
#ifndef CME_UI_LAYOUT_H
#define CME_UI_LAYOUT_H

struct pane;

enum layout_kind {
	LAYOUT_LEAF,
	LAYOUT_ROWS,	/* children stacked top to bottom */
	LAYOUT_COLUMNS,	/* children left to right */
};

struct layout_cell {
	enum layout_kind	 kind;
	struct pane		*pane;		/* LEAF: borrowed */
	int			 fixed;		/* rows/cols, 0 = share */
	int			 weight;	/* share of the rest, >= 1 */
	int			 min;		/* smallest useful size */
	struct layout_cell	**children;	/* owned */
	int			 nchildren;
};

struct layout_cell *layout_leaf(struct pane *, int fixed, int weight,
		    int min);
struct layout_cell *layout_split(enum layout_kind, int fixed, int weight);
void		 layout_add(struct layout_cell *, struct layout_cell *);
void		 layout_free(struct layout_cell *);
/* Places every pane of the tree inside the rectangle. */
void		 layout_apply(struct layout_cell *, int y, int x, int rows,
		     int cols);

#endif /* CME_UI_LAYOUT_H */
