/*
 * tab_family.c — the Family tab: the people linked to the child in the
 * order to try them (relationship and name; parental responsibility,
 * living with the child and emergency contact said in words; phones,
 * email, their own address and notes), then siblings (children sharing a
 * person with parental responsibility) with their school, then the
 * child's addresses, current first, with their dates.
 */
#include <curses.h>
#include <stdio.h>

#include "model/detail.h"
#include "ui/tabs.h"
#include "ui/theme.h"

static void	family_person(struct tabs_out *, const struct detail_person *);

static void
family_person(struct tabs_out *o, const struct detail_person *p)
{
	tabs_line(o, 1, A_BOLD, "%c%s: %s",
	    p->relationship[0] >= 'a' && p->relationship[0] <= 'z' ?
	    p->relationship[0] - 'a' + 'A' : p->relationship[0],
	    p->relationship[0] != '\0' ? p->relationship + 1 : "", p->name);
	tabs_line(o, 3, A_NORMAL, "%s; %s%s",
	    p->pr ? "has parental responsibility" :
	    "no parental responsibility",
	    p->lives_with ? "lives with the child" : "lives elsewhere",
	    p->emergency ? "; emergency contact" : "");
	if (*p->phones != '\0' || *p->email != '\0')
		tabs_line(o, 3, A_NORMAL, "%s%s%s%s%s",
		    *p->phones ? "phone " : "", p->phones,
		    *p->phones && *p->email ? "   " : "",
		    *p->email ? "email " : "", p->email);
	else
		tabs_line(o, 3, theme_attr(CR_DIM), "no phone or email held");
	if (*p->address != '\0')
		tabs_line(o, 3, A_NORMAL, "address %s", p->address);
	if (*p->note != '\0')
		tabs_line(o, 3, theme_attr(CR_DIM), "note: %s", p->note);
}

void
tab_family_paint(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	const struct detail_family	*f = detail_family(d);
	const struct detail_sibling	*s;
	const struct detail_address	*ad;
	struct tabs_out			 o;
	attr_t				 h = theme_attr(CR_HEADER);
	int				 i;

	tabs_out_init(&o, a, v->scroll, 0);
	tabs_line(&o, 0, h, " People (%d)", f->npeople);
	if (f->npeople == 0)
		tabs_line(&o, 1, theme_attr(CR_DIM), "nobody is linked to "
		    "this child");
	for (i = 0; i < f->npeople; i++)
		family_person(&o, &f->people[i]);

	tabs_line(&o, 0, h, " Siblings (%d)", f->nsiblings);
	if (f->nsiblings == 0)
		tabs_line(&o, 1, theme_attr(CR_DIM), "none known (through a "
		    "person with parental responsibility)");
	for (i = 0; i < f->nsiblings; i++) {
		s = &f->siblings[i];
		tabs_line(&o, 1, A_NORMAL, "%s%s, born %s: %s (through %s)",
		    s->name, s->restricted ? " (restricted)" : "", s->dob,
		    *s->school ? s->school : "no school recorded", s->via);
	}

	tabs_line(&o, 0, h, " Addresses (%d)", f->naddresses);
	if (f->naddresses == 0)
		tabs_line(&o, 1, theme_attr(CR_DIM), "no address recorded");
	for (i = 0; i < f->naddresses; i++) {
		ad = &f->addresses[i];
		tabs_line(&o, 1, *ad->to ? theme_attr(CR_DIM) : A_NORMAL,
		    "%s to %-10s %-9s %s%s%s", ad->from, *ad->to ? ad->to :
		    "now", ad->kind, ad->text, *ad->note ? "; " : "",
		    ad->note);
	}
	v->lines = o.line;
	v->page = o.rows;
}
