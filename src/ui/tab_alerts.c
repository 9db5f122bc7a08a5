/*
 * tab_alerts.c — the Alerts tab: the child's alerts, open ones first,
 * newest first. The first line of each says its severity as a word
 * (HIGH in capitals and the error role, medium with the notice role) and
 * the rule; the second its status, when it was raised and how many
 * school days ago, who it is assigned to and any snooze, or for a
 * resolved alert when and by whom, with the resolution note.
 * The alert the list row stood for is marked ">".
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/detail.h"
#include "ui/tabs.h"
#include "ui/theme.h"

void
tab_alerts_paint(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	const struct detail_alerts	*al = detail_alerts(d);
	const struct detail_alert	*x;
	struct tabs_out			 o;
	attr_t				 at;
	int				 i;
	bool				 high, medium;

	tabs_out_init(&o, a, v->scroll, 0);
	tabs_line(&o, 0, theme_attr(CR_HEADER), " %d open, %d resolved",
	    al->nopen, al->n - al->nopen);
	if (al->n == 0)
		tabs_line(&o, 1, theme_attr(CR_DIM), "No alerts for this "
		    "child.");
	for (i = 0; i < al->n; i++) {
		x = &al->items[i];
		high = strcmp(x->severity, "high") == 0;
		medium = strcmp(x->severity, "medium") == 0;
		at = !x->open ? theme_attr(CR_DIM) : high ?
		    theme_attr(CR_ERROR) : medium ? theme_attr(CR_NOTICE) :
		    A_NORMAL;
		tabs_line(&o, 0, at, "%s%-6s %s", x->selected ? ">" : " ",
		    high ? "HIGH" : x->severity, x->label);
		if (!x->open)
			tabs_line(&o, 8, theme_attr(CR_DIM),
			    "resolved %s by %s (raised %s, %d school day%s "
			    "before)%s%s", x->resolved, x->resolved_by,
			    x->raised, x->age, x->age == 1 ? "" : "s",
			    *x->note ? ": " : "", x->note);
		else
			tabs_line(&o, 8, A_NORMAL, "%s, raised %s (%d school "
			    "day%s ago), assigned to %s%s%s", x->status,
			    x->raised, x->age, x->age == 1 ? "" : "s",
			    *x->assigned ? x->assigned : "nobody",
			    *x->snooze_until ? ", snoozed until " : "",
			    x->snooze_until);
	}
	v->lines = o.line;
	v->page = o.rows;
}
