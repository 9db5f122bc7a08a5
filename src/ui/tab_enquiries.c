/*
 * tab_enquiries.c — the Enquiries tab: the reasonable-enquiries
 * checklist of the case, in the DfE list's order. Each item is a line
 * with its number (what `e` asks for), a box ("[x]" done, "[ ]" to do,
 * "[-]" not applicable), its label and its state in words at the right; the date, who did it
 * and their note follow on a second line when there are any. Items still
 * to do are drawn with the notice role as well as the empty box.
 */
#include <curses.h>
#include <stdio.h>

#include "model/detail.h"
#include "ui/draw.h"
#include "ui/tabs.h"
#include "ui/theme.h"

#define ENQUIRY_STATE_COLS	16	/* "done: not found" and a space */

static const char	*enquiry_box(enum detail_enquiry_state);

static const char *
enquiry_box(enum detail_enquiry_state s)
{
	switch (s) {
	case ENQUIRY_DONE_FOUND:
	case ENQUIRY_DONE_NOT_FOUND:
		return ("[x]");
	case ENQUIRY_NOT_APPLICABLE:
		return ("[-]");
	case ENQUIRY_NOT_STARTED:
		return ("[ ]");
	default:
		return ("[?]");
	}
}

void
tab_enquiries_paint(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	const struct detail_enquiries	*e = detail_enquiries(d);
	const struct detail_enquiry	*it;
	struct tabs_out			 o;
	attr_t				 at;
	int				 i, w, x, y;

	tabs_out_init(&o, a, v->scroll, 0);
	if (e->n == 0) {
		tabs_line(&o, 1, theme_attr(CR_DIM),
		    "This child has no CME case, so no enquiries checklist.");
	} else {
		tabs_line(&o, 0, theme_attr(CR_HEADER), " Case %s (%s): %d "
		    "of %d enquiries done or not applicable", e->case_id,
		    e->case_status, e->done, e->n);
	}
	for (i = 0; i < e->n; i++) {
		it = &e->items[i];
		switch (it->state) {
		case ENQUIRY_NOT_STARTED:
			at = theme_attr(CR_NOTICE);
			break;
		case ENQUIRY_NOT_APPLICABLE:
			at = theme_attr(CR_DIM);
			break;
		default:
			at = A_NORMAL;
			break;
		}
		if ((y = tabs_next_row(&o)) >= 0) {
			char num[16];

			/* The number `e` takes for the item. */
			snprintf(num, sizeof num, "%2d ", i + 1);
			x = a->x;
			x += draw_text(a->win, y, x, num, 3, theme_attr(CR_DIM),
			    0);
			x += draw_text(a->win, y, x, enquiry_box(it->state), 4,
			    at, 0);
			w = a->x + a->cols - x - ENQUIRY_STATE_COLS;
			x += draw_text(a->win, y, x, it->label, w > 8 ? w : 8,
			    at, DRAW_ELLIPSIS);
			draw_text(a->win, y, x + 1, it->state_words,
			    a->x + a->cols - x - 1, at, DRAW_ELLIPSIS);
		}
		if (*it->done_on != '\0' || *it->officer != '\0' ||
		    *it->note != '\0')
			tabs_line(&o, 7, theme_attr(CR_DIM), "%s%s%s%s%s",
			    it->done_on, *it->done_on ? " " : "", it->officer,
			    *it->officer && *it->note ? ": " : "", it->note);
	}
	v->lines = o.line;
	v->page = o.rows;
}
