/*
 * tab_attendance.c — the Attendance tab: the child's school year as a
 * strip of session marks by week, with the figures beside it.
 *
 * The strip. One line per school week, newest first (the most recent
 * weeks are what an officer wants at 80x24; j/k scroll back in time),
 * with a heading line above each term's newest week. A line is the
 * week's Monday ("23 Nov") then Monday to Friday, weekends left out:
 *
 *     2026/27 Mon  Tue  Wed  Thu  Fri
 *     23 Nov  / \  / \  N N  N O  C1C1
 *     26 Oct  Half term
 *
 * Each day is two sessions of TWO columns each, AM then PM, holding the
 * real DfE code: "/" and "\" present, one letter for one-letter codes,
 * and C1, C2, J1, Y1..Y7 written out, so no code needs a private letter
 * and a legend (the packed characters 'c', 'p', '1'... are never shown).
 * A day is 4 columns and a space, a week 33 columns with its label,
 * which leaves room for the figures beside it at 80 columns. A school
 * day without a mark shows "-", a non-school day inside a term (INSET,
 * bank holiday) ".", and a whole week off in a term is one line with the
 * calendar's reason. A planned closure is the code "#", an unexpected
 * one "Y4"; days still to come are blank.
 *
 * Categories: present is drawn plain, authorised absence with the label
 * role, unauthorised with the error role plus underline, not counted
 * dim. The monochrome theme turns those into normal / bold / reverse
 * bold underline / dim, so unauthorised absence stands out without
 * colour, and the code letters carry the meaning anyway. The key line
 * draws each category's name in its own style.
 *
 * The figures (computed once in the model, detail_attendance.c) sit to
 * the right of the strip when there is room for them, else above it.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/detail.h"
#include "ui/draw.h"
#include "ui/tabs.h"
#include "ui/theme.h"
#include "util/date.h"

#define ATT_LABEL_COLS	8	/* "23 Nov  " */
#define ATT_DAY_COLS	5	/* "/ \ " and a space */
#define ATT_STRIP_COLS	(ATT_LABEL_COLS + 5 * ATT_DAY_COLS)
#define ATT_FIG_MIN	34	/* figures beside the strip from here */
#define ATT_FIG_LINES	10

static const char *att_months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static attr_t	 att_cat_attr(enum att_cat);
static void	 att_dmy(int, char *, size_t);
static const char *att_session(const struct att_day *, int, attr_t *);
static void	 att_day(WINDOW *, int, int, const struct att_day *);
static void	 att_week_line(const struct detail_attendance *, WINDOW *,
		    int, int, int, const struct att_week *);
static void	 att_term_line(const struct detail_attendance *, WINDOW *,
		    int, int, int, int);
static void	 att_key(const struct tab_area *, int);
static int	 att_figures(const struct detail_attendance *,
		    const struct tab_area *, int);
static void	 att_pct(char *, size_t, int);
static void	 att_threshold(char *, size_t, int);
static void	 att_counts(struct tabs_out *,
		    const struct detail_attendance *);

/* The drawing of a statistical category (see the header). */
static attr_t
att_cat_attr(enum att_cat c)
{
	switch (c) {
	case ATT_CAT_AA:
		return (theme_attr(CR_LABEL));
	case ATT_CAT_UA:
		return (theme_attr(CR_ERROR) | A_UNDERLINE);
	case ATT_CAT_NP:
		return (theme_attr(CR_DIM));
	default:
		return (A_NORMAL);
	}
}

/* "23 Nov" */
static void
att_dmy(int day, char *buf, size_t len)
{
	int	y, m, dd;

	date_to_ymd(day, &y, &m, &dd);
	snprintf(buf, len, "%02d %s", dd, m >= 1 && m <= 12 ?
	    att_months[m - 1] : "???");
}

/* What one session shows (the day's own code, or static text), and how. */
static const char *
att_session(const struct att_day *day, int s, attr_t *at)
{
	const struct att_session	*ss = &day->s[s];

	if (ss->code[0] != '\0') {
		*at = att_cat_attr(ss->cat);
		return (ss->code);
	}
	*at = theme_attr(CR_DIM);
	if (day->kind == ATT_DAY_SCHOOL)
		return ("-");
	if (day->kind == ATT_DAY_CLOSED)
		return (".");
	*at = A_NORMAL;
	return ("");
}

/*
 * One day, four columns at (y, x): AM in the first two, PM in the next.
 * When both sessions draw alike they go out as one run ("O O" on one
 * background), which also saves attribute changes on a slow line.
 */
static void
att_day(WINDOW *w, int y, int x, const struct att_day *day)
{
	const char	*am, *pm;
	char		 cell[2 * ATT_CODE_LEN + 2];
	attr_t		 a0, a1;

	am = att_session(day, 0, &a0);
	pm = att_session(day, 1, &a1);
	if (a0 == a1 && *am != '\0' && *pm != '\0') {
		snprintf(cell, sizeof cell, "%-2s%s", am, pm);
		draw_text(w, y, x, cell, 4, a0, DRAW_NO_PAD);
		return;
	}
	if (*am != '\0')
		draw_text(w, y, x, am, 2, a0, DRAW_NO_PAD);
	if (*pm != '\0')
		draw_text(w, y, x + 2, pm, 2, a1, DRAW_NO_PAD);
}

static void
att_week_line(const struct detail_attendance *att, WINDOW *w, int y, int x,
    int cols, const struct att_week *wk)
{
	char	label[16];
	int	i;

	att_dmy(wk->monday, label, sizeof label);
	draw_text(w, y, x, label, ATT_LABEL_COLS, A_NORMAL, 0);
	if (wk->all_closed) {
		draw_text(w, y, x + ATT_LABEL_COLS, detail_closed_reason(att,
		    wk->closed_day), cols - ATT_LABEL_COLS, theme_attr(CR_DIM),
		    DRAW_ELLIPSIS);
		return;
	}
	for (i = 0; i < 5; i++) {
		if (ATT_LABEL_COLS + (i + 1) * ATT_DAY_COLS - 1 > cols)
			break;
		att_day(w, y, x + ATT_LABEL_COLS + i * ATT_DAY_COLS,
		    &wk->day[i]);
	}
}

static void
att_term_line(const struct detail_attendance *att, WINDOW *w, int y, int x,
    int cols, int term)
{
	char	buf[128], from[16], to[16];
	int	d0, d1;

	if (term < 0 || term >= att->nterms)
		return;
	if (date_parse_iso(att->terms[term].starts, &d0) != 0 ||
	    date_parse_iso(att->terms[term].ends, &d1) != 0)
		return;
	att_dmy(d0, from, sizeof from);
	att_dmy(d1, to, sizeof to);
	snprintf(buf, sizeof buf, "%s term: %s to %s", att->terms[term].name,
	    from, to);
	draw_text(w, y, x, buf, cols, theme_attr(CR_LABEL) | A_BOLD,
	    DRAW_ELLIPSIS);
}

/* "62.3%" from tenths; "-" when there is nothing to divide. */
static void
att_pct(char *buf, size_t len, int x10)
{
	if (x10 < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d.%d%%", x10 / 10, x10 % 10);
}

/* A threshold in hundredths: "90%", "92.50%". */
static void
att_threshold(char *buf, size_t len, int x100)
{
	if (x100 % 100 == 0)
		snprintf(buf, len, "%d%%", x100 / 100);
	else
		snprintf(buf, len, "%d.%02d%%", x100 / 100, x100 % 100);
}

/* The key, two lines: each category's name in its own drawing. */
static void
att_key(const struct tab_area *a, int row)
{
	static const struct {
		const char	*text;
		enum att_cat	 cat;
	} seg[] = {
		{ "Key: ", ATT_CAT_NONE }, { "/\\ present", ATT_CAT_P },
		{ "  ", ATT_CAT_NONE }, { "I authorised", ATT_CAT_AA },
		{ "  ", ATT_CAT_NONE }, { "N unauthorised", ATT_CAT_UA },
		{ NULL, ATT_CAT_NONE },
		{ "     ", ATT_CAT_NONE }, { "# not counted", ATT_CAT_NP },
		{ "  . no school  - no mark", ATT_CAT_NONE },
	};
	size_t	i;
	int	x = a->x, end = a->x + a->cols, y = a->y + row;

	for (i = 0; i < sizeof seg / sizeof seg[0]; i++) {
		if (seg[i].text == NULL) {
			if (row + 1 >= a->rows)
				break;
			x = a->x;
			y++;
			continue;
		}
		if (x < end)
			x += draw_text(a->win, y, x, seg[i].text, end - x,
			    seg[i].cat == ATT_CAT_NONE ? theme_attr(CR_DIM) :
			    att_cat_attr(seg[i].cat), DRAW_NO_PAD);
	}
}

/* The figures for a year with counted sessions. */
static void
att_counts(struct tabs_out *o, const struct detail_attendance *att)
{
	const struct att_figures	*f = &att->year.fig;
	const struct att_settings	*s = &att->settings;
	char				 p1[16], p2[16], th[16], day[16];

	att_pct(p1, sizeof p1, f->att_x10);
	att_dmy(f->last_marked, day, sizeof day);
	tabs_line(o, 0, A_BOLD, "Attendance %s of %d sessions, to %s", p1,
	    f->possible, day);
	att_pct(p1, sizeof p1, f->auth_x10);
	att_pct(p2, sizeof p2, f->unauth_x10);
	tabs_line(o, 0, A_NORMAL, "Absence    authorised %s, unauth. %s",
	    p1, p2);
	att_threshold(th, sizeof th, s->persistent_x100);
	if (!f->judged)
		tabs_line(o, 0, theme_attr(CR_DIM), "Flags      not judged: "
		    "%d of the %d sessions needed", f->possible,
		    s->min_possible);
	else if (f->persistent)
		tabs_line(o, 0, theme_attr(CR_ERROR), "PERSISTENT absence "
		    "(at or below %s)", th);
	else
		tabs_line(o, 0, A_NORMAL, "Persistent absence: no (above %s)",
		    th);
	att_threshold(th, sizeof th, s->severe_x100);
	if (f->judged && f->severe)
		tabs_line(o, 0, theme_attr(CR_ERROR), "SEVERE absence "
		    "(at or below %s)", th);
	else if (f->judged)
		tabs_line(o, 0, A_NORMAL, "Severe absence: no (above %s)", th);
	if (f->streak > 0) {
		att_dmy(f->streak_end, day, sizeof day);
		tabs_line(o, 0, A_BOLD, "Unauth. streak %d school day%s, "
		    "to %s", f->streak, f->streak == 1 ? "" : "s", day);
	} else {
		tabs_line(o, 0, A_NORMAL, "Unauth. streak: none");
	}
	if (f->n_count > 0)
		tabs_line(o, 0, f->n_oldest_age > s->n_grace_days ?
		    theme_attr(CR_ERROR) : A_NORMAL,
		    "N codes    %d unresolved, oldest %d school day%s%s",
		    f->n_count, f->n_oldest_age,
		    f->n_oldest_age == 1 ? "" : "s",
		    f->n_oldest_age > s->n_grace_days ? " (late)" : "");
	else
		tabs_line(o, 0, A_NORMAL, "N codes    none unresolved");
}

/* The figures in area a from its row 0; returns the rows used. */
static int
att_figures(const struct detail_attendance *att, const struct tab_area *a,
    int max_rows)
{
	struct tabs_out		 o;
	struct tab_area		 fa = *a;

	fa.rows = max_rows;
	tabs_out_init(&o, &fa, 0, 0);
	if (att->year.fig.possible > 0)
		att_counts(&o, att);
	else
		tabs_line(&o, 0, A_BOLD, "Attendance: no counted sessions "
		    "in %d/%02d", att->academic_year,
		    (att->academic_year + 1) % 100);
	if (o.line < max_rows)
		att_key(&fa, o.line);
	o.line += 2;
	tabs_line(&o, 0, theme_attr(CR_DIM), "Schools    %s",
	    *att->schools ? att->schools : "no marks this year");
	return (o.line < max_rows ? o.line : max_rows);
}

void
tab_attendance_paint(const struct detail *d, const struct tab_area *a,
    struct tab_view *v)
{
	const struct detail_attendance	*att = detail_attendance(d);
	const struct att_year		*yr = &att->year;
	struct tab_area			 fig;
	char				 head[64];
	int				 top = 0, y, i, strip_cols;
	bool				 beside;

	beside = a->cols - ATT_STRIP_COLS - 1 >= ATT_FIG_MIN;
	fig = *a;
	if (beside) {
		fig.x = a->x + ATT_STRIP_COLS + 1;
		fig.cols = a->cols - ATT_STRIP_COLS - 1;
		att_figures(att, &fig, a->rows);
	} else {
		/* Above the strip, leaving it at least a few weeks. */
		i = a->rows - 4;
		if (i > ATT_FIG_LINES)
			i = ATT_FIG_LINES;
		if (i > 0)
			top = att_figures(att, &fig, i);
	}
	strip_cols = beside ? ATT_STRIP_COLS : a->cols;
	y = a->y + top;
	if (y >= a->y + a->rows)
		return;
	snprintf(head, sizeof head, "%d/%02d  Mon  Tue  Wed  Thu  Fri",
	    att->academic_year, (att->academic_year + 1) % 100);
	draw_text(a->win, y, a->x, head, strip_cols, theme_attr(CR_HEADER),
	    0);
	v->lines = (int)yr->nlines;
	v->page = a->rows - top - 1;
	if (v->page < 1)
		v->page = 1;
	tabs_view_clamp(v);
	if (yr->nlines == 0) {
		draw_text(a->win, y + 1, a->x, "No school weeks yet this year.",
		    strip_cols, theme_attr(CR_DIM), DRAW_ELLIPSIS);
		return;
	}
	for (i = 0; i < v->page && v->scroll + i < (int)yr->nlines; i++) {
		const struct att_line *l = &yr->lines[v->scroll + i];

		if (l->kind == ATT_LINE_TERM)
			att_term_line(att, a->win, y + 1 + i, a->x, strip_cols,
			    l->index);
		else
			att_week_line(att, a->win, y + 1 + i, a->x, strip_cols,
			    &yr->weeks[l->index]);
	}
}
