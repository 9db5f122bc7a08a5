/*
 * tab_summary.c — the Summary tab: the child's record as labelled
 * fields, then the current case with its clocks counted in school days
 * (since referral, the 10-day mark, the LA's enquiries clock, since the
 * last contact). A clock that has run out says so in words ("past the
 * 20-day enquiries clock"), and is drawn as an error as well. A closure
 * request waiting for a decision comes first: one line, and in the
 * Approvals queue with the checklist and the last contacts beside it
 * (what the supervisor approves on).
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/detail.h"
#include "ui/tabs.h"
#include "ui/theme.h"

#define SUMMARY_LABEL_COLS	15

static void	summary_case(struct tabs_out *, const struct child_detail *);
static void	summary_closure(struct tabs_out *,
		    const struct child_detail *);

/*
 * A pending closure request first, with what a supervisor decides on
 * beside it: the request, its note, the checklist in one line and the
 * last three contacts.
 */
static void
summary_closure(struct tabs_out *o, const struct child_detail *c)
{
	const char	*p, *nl;
	char		 line[512];
	const char	*label = "Contacts";
	attr_t		 a = theme_attr(CR_NOTICE);

	tabs_field(o, SUMMARY_LABEL_COLS, "CLOSURE", a, c->closure_request);
	if (*c->closure_note != '\0')
		tabs_field(o, SUMMARY_LABEL_COLS, "Request note", A_NORMAL,
		    c->closure_note);
	tabs_field(o, SUMMARY_LABEL_COLS, "Checklist", A_NORMAL,
	    c->closure_checklist);
	if (*c->closure_contacts == '\0') {
		tabs_field(o, SUMMARY_LABEL_COLS, label, A_NORMAL,
		    "none recorded");
		return;
	}
	for (p = c->closure_contacts; *p != '\0'; p = nl + (*nl != '\0')) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		snprintf(line, sizeof line, "%.*s", (int)(nl - p), p);
		tabs_field(o, SUMMARY_LABEL_COLS, label, A_NORMAL, line);
		label = "";
	}
}

/* The case and its clocks. */
static void
summary_case(struct tabs_out *o, const struct child_detail *c)
{
	char	buf[256];
	attr_t	a = A_NORMAL;

	if (*c->case_id == '\0') {
		tabs_field(o, SUMMARY_LABEL_COLS, "Case", A_NORMAL,
		    "none on record");
		return;
	}
	snprintf(buf, sizeof buf, "%s (case %s), referred %s, %d school "
	    "day%s %s", c->case_status, c->case_id, c->referred_on,
	    c->days_open, c->days_open == 1 ? "" : "s",
	    c->case_open ? "ago" : "open");
	tabs_field(o, SUMMARY_LABEL_COLS, "Case", A_NORMAL, buf);
	tabs_field(o, SUMMARY_LABEL_COLS, "Reason", A_NORMAL, c->case_reason);
	tabs_field(o, SUMMARY_LABEL_COLS, "Caseworker", A_NORMAL,
	    c->assigned_to);
	if (c->case_open) {
		if (c->days_open <= c->clock_limit) {
			snprintf(buf, sizeof buf, "day %d of %d (enquiries "
			    "clock)%s%s", c->days_open, c->clock_limit,
			    *c->clock_due_on ? ", due " : "", c->clock_due_on);
		} else {
			snprintf(buf, sizeof buf, "day %d: past the %d-day "
			    "enquiries clock%s%s", c->days_open,
			    c->clock_limit, *c->clock_due_on ? ", due " : "",
			    c->clock_due_on);
			a = theme_attr(CR_ERROR);
		}
		tabs_field(o, SUMMARY_LABEL_COLS, "Clock", a, buf);
		snprintf(buf, sizeof buf, "%s %s", c->days_open >= 10 ?
		    "passed on" : "due", *c->mark10_on ? c->mark10_on :
		    "(beyond the term calendar)");
		tabs_field(o, SUMMARY_LABEL_COLS, "10-day mark", A_NORMAL, buf);
	}
	if (*c->last_contact != '\0')
		snprintf(buf, sizeof buf, "%s, %d school day%s ago",
		    c->last_contact, c->since_contact,
		    c->since_contact == 1 ? "" : "s");
	else
		snprintf(buf, sizeof buf, "none recorded");
	tabs_field(o, SUMMARY_LABEL_COLS, "Last contact", A_NORMAL, buf);
	tabs_field(o, SUMMARY_LABEL_COLS, "Located on", A_NORMAL,
	    c->located_on);
	if (*c->closed_on != '\0') {
		snprintf(buf, sizeof buf, "%s%s%s", c->closed_on,
		    *c->outcome ? ": " : "", c->outcome);
		tabs_field(o, SUMMARY_LABEL_COLS, "Closed on", A_NORMAL, buf);
	}
}

void
tab_summary_paint(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	const struct child_detail	*c = detail_summary(d);
	struct tabs_out			 o;

	tabs_out_init(&o, a, v->scroll, 0);
	if (c->closure_pending && v->deciding)
		summary_closure(&o, c);
	else if (c->closure_pending)
		tabs_field(&o, SUMMARY_LABEL_COLS, "Closure", theme_attr(
		    CR_NOTICE), c->closure_request);
	if (c->restricted)
		tabs_field(&o, SUMMARY_LABEL_COLS, "RESTRICTED",
		    theme_attr(CR_NOTICE), "restricted record: share "
		    "nothing without checking");
	tabs_field(&o, SUMMARY_LABEL_COLS, "Legal name", A_NORMAL,
	    c->legal_name);
	tabs_field(&o, SUMMARY_LABEL_COLS, "Known as", A_NORMAL,
	    c->preferred_name);
	tabs_field(&o, SUMMARY_LABEL_COLS, "UPN", A_NORMAL, c->upn);
	tabs_field(&o, SUMMARY_LABEL_COLS, "Born", A_NORMAL, c->dob);
	tabs_field(&o, SUMMARY_LABEL_COLS, "Sex", A_NORMAL, c->sex);
	tabs_field(&o, SUMMARY_LABEL_COLS, "Address", A_NORMAL, c->address);
	tabs_field(&o, SUMMARY_LABEL_COLS, "School", A_NORMAL, c->school);
	tabs_field(&o, SUMMARY_LABEL_COLS, "EHE", A_NORMAL, c->ehe);
	tabs_field(&o, SUMMARY_LABEL_COLS, "Flags", A_NORMAL, c->flags);
	tabs_field(&o, SUMMARY_LABEL_COLS, "Other names", A_NORMAL,
	    c->other_names);
	summary_case(&o, c);
	v->lines = o.line;
	v->page = o.rows;
}
