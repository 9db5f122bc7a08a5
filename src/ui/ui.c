/*
 * ui.c — the screen: curses set-up, the layout, key dispatch and the frame.
 *
 * Frame discipline (design.md §7): panes draw only into their own windows
 * with wnoutrefresh; ui_frame() is the one place that calls doupdate(), at
 * most once per event-loop turn. A pane repaints only when its dirty bits
 * say so; a cursor move repaints two rows; the detail pane fetches the new
 * child only once keys stop arriving (UI_DETAIL_DELAY_MS), so a held key
 * skips the useless frames and round trips in between.
 *
 * Layout: at 120 columns and more the list and the detail sit side by
 * side; narrower screens stack them. Either way it is one split tree:
 *   rows[ title(1), columns-or-rows[ list, detail ], status(1) ]
 */
#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/detail.h"
#include "model/drafts.h"
#include "model/list.h"
#include "model/model.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/layout.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

#define UI_WIDE_COLS		120	/* side by side from here */
#define UI_DETAIL_DELAY_MS	120	/* detail waits for keys to pause */

static SCREEN	*ui_screen_for_fatal;

static double
ui_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6);
}

struct ui *
ui_new(struct model *m, const struct settings *s, bool ascii,
    const char *theme, FILE *out)
{
	struct ui	*ui;

	ui = xcalloc(1, sizeof *ui);
	ui->model = m;
	ui->settings = s;
	ui->ascii = ascii;
	ui->theme = xstrdup(theme != NULL ? theme : "default");
	ui->out = out;
	ui->keymap = keymap_new();
	keymap_apply_bindings(ui->keymap, s);
	ui_cmd_init(ui);
	ui->queues = pane_new(&pane_queues_ops, ui);
	ui->list = pane_new(&pane_list_ops, ui);
	ui->detail = pane_new(&pane_detail_ops, ui);
	ui_screen_init(ui);
	ui->focus = ui->list;
	ui->list->focused = true;
	ui->last_action = "";
	ui->pending_select = -1;
	return (ui);
}

void
ui_emergency_stop(void)
{
	if (ui_screen_for_fatal != NULL && !isendwin())
		endwin();
}

int
ui_start(struct ui *ui)
{
	const char	*no_color;

	ui->screen = newterm(NULL, ui->out != NULL ? ui->out : stdout, stdin);
	if (ui->screen == NULL)
		return (-1);
	set_term(ui->screen);
	ui_screen_for_fatal = ui->screen;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(ui->escdelay > 0 ? ui->escdelay : 25);
	leaveok(stdscr, FALSE);
	no_color = getenv("NO_COLOR");
	theme_init(ui->theme, no_color != NULL && *no_color != '\0');
	draw_set_ascii(ui->ascii);
	ui->title = NULL;
	ui->status = NULL;
	ui->resized = true;
	ui->full_redraw = true;
	return (0);
}

void
ui_stop(struct ui *ui)
{
	if (ui->screen == NULL)
		return;
	if (!isendwin())
		endwin();
}

void
ui_free(struct ui *ui)
{
	if (ui == NULL)
		return;
	layout_free(ui->root);
	pane_free(ui->queues);
	pane_free(ui->list);
	pane_free(ui->detail);
	ui_screen_release(ui);
	if (ui->title != NULL)
		delwin(ui->title);
	if (ui->status != NULL)
		delwin(ui->status);
	if (ui->screen != NULL) {
		if (!isendwin())
			endwin();
		delscreen(ui->screen);
		ui_screen_for_fatal = NULL;
	}
	ui_cmd_release(ui);
	ui_alert_release(ui);
	ui_form_release(ui);
	keymap_free(ui->keymap);
	free(ui->message);
	free(ui->theme);
	free(ui);
}

/* Builds the split tree for the current size and places every pane. */
static void
ui_relayout(struct ui *ui)
{
	struct layout_cell	*body;
	int			 wide;

	getmaxyx(stdscr, ui->rows, ui->cols);
	wide = ui->cols >= UI_WIDE_COLS;
	layout_free(ui->root);
	ui->root = layout_split(LAYOUT_ROWS, 0, 1);
	body = layout_split(wide ? LAYOUT_COLUMNS : LAYOUT_ROWS, 0, 1);
	if (wide) {
		layout_add(body, layout_leaf(ui->queues, 22, 1, 22));
		layout_add(body, layout_leaf(ui->list, 0, 11, 20));
		layout_add(body, layout_leaf(ui->detail, 0, 9, 20));
	} else {
		layout_add(body, layout_leaf(ui->queues, 1, 1, 1));
		layout_add(body, layout_leaf(ui->list, 0, 1, 3));
		layout_add(body, layout_leaf(ui->detail, 0, 1, 3));
	}
	/* Title and status are not panes; they keep a row each. */
	layout_add(ui->root, layout_leaf(NULL, 1, 1, 1));
	layout_add(ui->root, body);
	layout_add(ui->root, layout_leaf(NULL, 1, 1, 1));
	layout_apply(ui->root, 0, 0, ui->rows, ui->cols);
	ui->wide = wide;

	if (ui->title != NULL)
		delwin(ui->title);
	if (ui->status != NULL)
		delwin(ui->status);
	ui->title = newwin(1, ui->cols > 0 ? ui->cols : 1, 0, 0);
	ui->status = newwin(1, ui->cols > 0 ? ui->cols : 1,
	    ui->rows > 1 ? ui->rows - 1 : 0, 0);
	ui->queues->dirty |= PANE_DIRTY_PAINT;
	ui->list->dirty |= PANE_DIRTY_PAINT;
	ui->detail->dirty |= PANE_DIRTY_PAINT;
	ui->bars_dirty = true;
	ui_screen_place(ui);
}

void
ui_message(struct ui *ui, const char *msg)
{
	free(ui->message);
	ui->message = msg != NULL ? xstrdup(msg) : NULL;
	ui->bars_dirty = true;
}

void
ui_set_focus(struct ui *ui, struct pane *p)
{
	if (ui->focus == p)
		return;
	ui->focus->focused = false;
	ui->focus->dirty |= PANE_DIRTY_PAINT;
	ui->focus = p;
	p->focused = true;
	p->dirty |= PANE_DIRTY_PAINT;
	ui->bars_dirty = true;
}

/*
 * Called by the list pane when its cursor lands on a new row: the detail
 * follows once keys pause (a held key skips the rows in between), or at
 * once when a list has just arrived.
 */
void
ui_cursor_moved(struct ui *ui, long row, bool at_once)
{
	ui->pending_select = row;
	ui->select_due = ui_now_ms() + (at_once ? 0 : UI_DETAIL_DELAY_MS);
}

/* The supervisors' queues are shown to supervisors and managers only
 * (the bar stays short for a caseworker; :queue opens any of them). */
bool
ui_queue_shown(const struct ui *ui, int q)
{
	return (list_queue_shown_to((enum list_queue)q,
	    model_user_kind(ui->model)));
}

void
ui_open_queue(struct ui *ui, int queue)
{
	if (queue < 0 || (queue >= QUEUE_COUNT && queue != QUEUE_SEARCH))
		return;
	model_open_queue(ui->model, (enum list_queue)queue);
	/* The Summary differs in Approvals (the request in full), even for
	 * the child already shown. */
	ui->detail->dirty |= PANE_DIRTY_PAINT;
	pane_queues_follow(ui->queues, queue);
	ui->pending_select = -1;
	ui_set_focus(ui, ui->list);
}

/* Actions no pane took. */
static void
ui_global_action(struct ui *ui, enum action a)
{
	bool	tagged = ui->tag_prefix;
	int	t;

	ui->tag_prefix = false;
	switch (a) {
	case ACTION_NEXT_PANE:
		ui_set_focus(ui, ui->focus == ui->queues ? ui->list :
		    ui->focus == ui->list ? ui->detail : ui->queues);
		break;
	case ACTION_NEXT_QUEUE:
	case ACTION_PREV_QUEUE:
		t = (int)list_queue(model_list(ui->model));
		if (t >= QUEUE_COUNT) {
			/* From a search or a saved queue: back to my cases. */
			ui_open_queue(ui, QUEUE_MY_CASES);
			break;
		}
		do {
			t = (t + (a == ACTION_NEXT_QUEUE ? 1 :
			    QUEUE_COUNT - 1)) % QUEUE_COUNT;
		} while (!ui_queue_shown(ui, t));
		ui_open_queue(ui, t);
		break;
	case ACTION_OPEN:
		if (ui->focus == ui->list)
			ui_set_focus(ui, ui->detail);
		break;
	case ACTION_BACK:
		if (ui->help) {
			ui->help = false;
			ui->full_redraw = true;
		} else if (ui->focus != ui->list) {
			ui_set_focus(ui, ui->list);
		} else {
			ui->quit = true;
		}
		break;
	case ACTION_QUIT:
		ui->quit = true;
		break;
	case ACTION_REDRAW:
		ui->full_redraw = true;
		ui->clear = true;
		break;
	case ACTION_RECONNECT:
		if (model_conn_state(ui->model) == MODEL_OFFLINE) {
			model_reconnect(ui->model);
			ui_message(ui, "connecting again...");
		} else {
			ui_message(ui, "already connected");
		}
		break;
	case ACTION_HELP:
		ui->help = !ui->help;
		ui->help_top = 0;
		ui->full_redraw = true;
		break;
	case ACTION_SHOW_NEW:
		model_show_news(ui->model);
		break;
	case ACTION_SEARCH:
		ui_prompt_open(ui, UI_PROMPT_SEARCH);
		break;
	case ACTION_TAG_PREFIX:
		if (pane_list_tag_count(ui->list) == 0) {
			ui_message(ui, "nothing is tagged (t tags a row)");
			break;
		}
		ui->tag_prefix = true;
		ui_message(ui, "; the next action applies to the tagged rows");
		return;
	case ACTION_ALERT:
		ui_alert_begin(ui, tagged);
		break;
	case ACTION_CONTACT:
		/* On a contact in the Timeline (focused): a correction. */
		if (ui->focus == ui->detail &&
		    *pane_detail_contact(ui->detail) != '\0')
			ui_form_begin_amend(ui, pane_detail_contact(ui->detail));
		else
			ui_form_begin(ui, UI_FORM_CONTACT, false);
		break;
	case ACTION_CONTACT_EDITOR:
		ui_form_begin_editor(ui);
		break;
	case ACTION_CLOSURE:
		if (list_queue(model_list(ui->model)) == QUEUE_APPROVALS)
			ui_form_begin(ui, UI_FORM_DECIDE, false);
		else
			ui_form_begin(ui, UI_FORM_CLOSURE, tagged);
		break;
	case ACTION_ENQUIRY:
		ui_form_begin(ui, UI_FORM_ENQUIRY, false);
		break;
	case ACTION_STATUS:
		ui_form_begin(ui, UI_FORM_STATUS, false);
		break;
	case ACTION_OPEN_CASE:
		ui_form_begin(ui, UI_FORM_OPEN, false);
		break;
	case ACTION_ASSIGN:
		ui_form_begin(ui, UI_FORM_ASSIGN, tagged);
		break;
	case ACTION_RESUME:
		ui_form_resume(ui);
		break;
	case ACTION_UNDO:
		ui_form_undo(ui);
		break;
	case ACTION_MATCH_NEXT:
	case ACTION_MATCH_PREV:
		/* Through the results of the last search, like n/N in less. */
		if (!list_has_search(model_list(ui->model))) {
			ui_message(ui, "no search yet: / searches");
		} else if (list_queue(model_list(ui->model)) != QUEUE_SEARCH) {
			ui_open_queue(ui, QUEUE_SEARCH);
		} else {
			ui_set_focus(ui, ui->list);
			ui_run_action(ui, a == ACTION_MATCH_NEXT ?
			    ACTION_MOVE_DOWN : ACTION_MOVE_UP);
		}
		break;
	case ACTION_LIMIT:
		ui_prompt_open(ui, UI_PROMPT_LIMIT);
		break;
	case ACTION_COMMAND:
		ui_prompt_open(ui, UI_PROMPT_COMMAND);
		break;
	case ACTION_WORKLOAD:
		ui_screen_open(ui, UI_SCREEN_WORKLOAD);
		break;
	case ACTION_REPORTS:
		ui_screen_open(ui, UI_SCREEN_REPORTS);
		break;
	case ACTION_TAB_SUMMARY:
	case ACTION_TAB_TIMELINE:
	case ACTION_TAB_ATTENDANCE:
	case ACTION_TAB_ENQUIRIES:
	case ACTION_TAB_FAMILY:
	case ACTION_TAB_ALERTS:
		detail_set_tab(model_detail(ui->model),
		    (enum detail_tab)(a - ACTION_TAB_SUMMARY));
		break;
	case ACTION_TAB_NEXT:
	case ACTION_TAB_PREV:
		t = (int)detail_tab(model_detail(ui->model)) +
		    (a == ACTION_TAB_NEXT ? 1 : DETAIL_TAB_COUNT - 1);
		detail_set_tab(model_detail(ui->model),
		    (enum detail_tab)(t % DETAIL_TAB_COUNT));
		break;
	default:
		break;
	}
}

void
ui_set_tty(struct ui *ui, struct tty *tty)
{
	ui->tty = tty;
}

void
ui_set_action_hook(struct ui *ui, void (*fn)(void *, const char *),
    void *arg)
{
	ui->action_hook = fn;
	ui->action_hook_arg = arg;
}

static void
ui_note_action(struct ui *ui, const char *name)
{
	ui->last_action = name;
	if (ui->action_hook != NULL)
		ui->action_hook(ui->action_hook_arg, name);
}

static void
ui_dispatch(struct ui *ui, int key)
{
	enum action	a;

	if (key == KEY_RESIZE) {
		ui->resized = true;
		ui_note_action(ui, "resize");
		return;
	}
	a = keymap_lookup(ui->keymap, key);
	if (a == ACTION_NONE) {
		ui_note_action(ui, "unbound");
		return;
	}
	ui_run_action(ui, a);
}

/* Runs one action: the focused pane first, then the global handler. */
void
ui_run_action(struct ui *ui, enum action a)
{
	ui_note_action(ui, action_name(a));
	if (ui->message != NULL && a != ACTION_RECONNECT)
		ui_message(ui, NULL);
	if (ui->help) {
		/* The help scrolls with the movement keys; others close it. */
		switch (a) {
		case ACTION_MOVE_DOWN:
		case ACTION_PAGE_DOWN:
			ui->help_top += a == ACTION_MOVE_DOWN ? 1 :
			    ui->rows - 4;
			ui->full_redraw = true;
			return;
		case ACTION_MOVE_UP:
		case ACTION_PAGE_UP:
			ui->help_top -= a == ACTION_MOVE_UP ? 1 : ui->rows - 4;
			if (ui->help_top < 0)
				ui->help_top = 0;
			ui->full_redraw = true;
			return;
		case ACTION_QUIT:
		case ACTION_REDRAW:
			break;
		default:
			ui->help = false;
			ui->full_redraw = true;
			if (a == ACTION_BACK || a == ACTION_HELP)
				return;
		}
	}
	/* A full screen (Workload, Reports) takes actions before the panes. */
	if (ui_screen_action(ui, a))
		return;
	/* Actions that act on tagged rows are global: panes never see them. */
	if (a != ACTION_ALERT && a != ACTION_TAG_PREFIX && a != ACTION_ASSIGN &&
	    a != ACTION_CLOSURE &&
	    ui->focus->ops->action != NULL &&
	    ui->focus->ops->action(ui->focus, a) == PANE_HANDLED) {
		if (ui->tag_prefix) {
			ui->tag_prefix = false;
			ui_message(ui, "that action does not apply to tagged "
			    "rows");
		}
		return;
	}
	ui_global_action(ui, a);
}

bool
ui_input(struct ui *ui)
{
	wint_t	ch;
	int	r, n = 0;

	for (;;) {
		/*
		 * Keys are read through stdscr, which is never drawn on:
		 * wget_wch() refreshes a touched window first, and a blank
		 * stdscr would wipe the screen (it is touched at start and
		 * by every resize).
		 */
		untouchwin(stdscr);
		errno = 0;
		r = wget_wch(stdscr, &ch);
		if (r == ERR) {
			/* Readable but nothing read: the terminal hung up. */
			if (n == 0 && (errno == EIO || errno == ENXIO))
				return (false);
			break;
		}
		n++;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			ui_dispatch(ui, KEY_RESIZE);
		else if (ui->alert_menu)
			ui_alert_menu_key(ui, r == KEY_CODE_YES ? -1 : (int)ch);
		else if (ui->prompt != NULL)
			ui_prompt_key(ui, r == KEY_CODE_YES, ch);
		else
			ui_dispatch(ui, keymap_input_key(r == KEY_CODE_YES,
			    ch));
		if (ui->quit)
			break;
	}
	return (true);
}

int
ui_timeout_ms(const struct ui *ui)
{
	double	left;

	if (ui->pending_select < 0)
		return (-1);
	left = ui->select_due - ui_now_ms();
	return (left <= 0 ? 0 : (int)left + 1);
}

void
ui_tick(struct ui *ui)
{
	if (ui->pending_select >= 0 && ui_now_ms() >= ui->select_due) {
		model_select(ui->model, ui->pending_select);
		ui->pending_select = -1;
	}
}

bool
ui_quit_requested(const struct ui *ui)
{
	return (ui->quit);
}

/* The top bar: who, where, and the connection. */
static void
ui_paint_title(struct ui *ui)
{
	char		 buf[512];
	const char	*state;
	attr_t		 a = theme_attr(CR_TITLE);
	int		 used;

	draw_bar(ui->title, 0, a);
	switch (model_conn_state(ui->model)) {
	case MODEL_CONNECTING:
		state = "[connecting]";
		break;
	case MODEL_OFFLINE:
		state = "[OFFLINE]";
		break;
	default:
		state = "[online]";
		break;
	}
	snprintf(buf, sizeof buf, " cme  %s%s%s", model_user_name(ui->model),
	    *model_la_name(ui->model) ? " - " : "", model_la_name(ui->model));
	used = draw_text(ui->title, 0, 0, buf, ui->cols - 14, a,
	    DRAW_ELLIPSIS | DRAW_NO_PAD);
	(void)used;
	draw_text(ui->title, 0, ui->cols - 13, state, 13,
	    model_conn_state(ui->model) == MODEL_OFFLINE ?
	    theme_attr(CR_ERROR) : a, 0);
	wnoutrefresh(ui->title);
}

/* The bottom bar: an error banner, a message, or the key hints. */
static void
ui_paint_status(struct ui *ui)
{
	char		 buf[512], keys[64];
	const char	*err;

	werase(ui->status);
	if (ui->alert_menu) {
		ui_alert_paint_menu(ui);
		wnoutrefresh(ui->status);
		return;
	}
	if (ui->prompt != NULL) {
		prompt_draw(ui->prompt, ui->status, 0);
		wnoutrefresh(ui->status);
		return;
	}
	err = model_conn_error(ui->model);
	if (model_conn_state(ui->model) == MODEL_OFFLINE && err != NULL) {
		keymap_keys_for(ui->keymap, ACTION_RECONNECT, keys,
		    sizeof keys);
		snprintf(buf, sizeof buf, " Not connected%s: %s  (trying again "
		    "by itself; %s: now)", drafts_offered(model_drafts(
		    ui->model)) != NULL ? " [your text is kept: R]" : "", err,
		    keys);
		draw_bar(ui->status, 0, theme_attr(CR_ERROR));
		draw_text(ui->status, 0, 0, buf, ui->cols,
		    theme_attr(CR_ERROR), DRAW_ELLIPSIS);
	} else if (ui->message != NULL) {
		draw_text(ui->status, 0, 0, ui->message, ui->cols,
		    theme_attr(CR_NOTICE), DRAW_ELLIPSIS);
	} else if (model_news(ui->model) > 0) {
		keymap_keys_for(ui->keymap, ACTION_SHOW_NEW, keys,
		    sizeof keys);
		snprintf(buf, sizeof buf, " %d new change%s - press %s "
		    "to show", model_news(ui->model),
		    model_news(ui->model) == 1 ? "" : "s", keys);
		draw_bar(ui->status, 0, theme_attr(CR_NOTICE));
		draw_text(ui->status, 0, 0, buf, ui->cols,
		    theme_attr(CR_NOTICE) | A_BOLD, DRAW_ELLIPSIS);
	} else {
		draw_bar(ui->status, 0, theme_attr(CR_HINT));
		draw_text(ui->status, 0, 0, ui->overlay != NULL ?
		    ui_screen_hint(ui) : " j/k move  Tab pane  1-6 tabs  / search  l limit  "
		    "a alert  ? help  q quit",
		    ui->cols, theme_attr(CR_HINT), DRAW_ELLIPSIS);
	}
	wnoutrefresh(ui->status);
}

void
ui_paint_bars(struct ui *ui)
{
	ui_paint_title(ui);
	ui_paint_status(ui);
}

/* The help overlay, generated from the action table. */
static void
ui_paint_help(struct ui *ui)
{
	WINDOW	*w;
	int	 a, y, h, wd;
	char	 keys[64], line[256];

	h = ui->rows - 2;
	wd = ui->cols;
	if (h < 3 || wd < 20)
		return;
	w = newwin(h, wd, 1, 0);
	if (w == NULL)
		return;
	werase(w);
	if (ui->help_top > ACTION_COUNT - 1 - (h - 1))
		ui->help_top = ACTION_COUNT - 1 - (h - 1);
	if (ui->help_top < 0)
		ui->help_top = 0;
	draw_bar(w, 0, theme_attr(CR_PANE_TITLE_FOCUS));
	snprintf(line, sizeof line, " Keys %d-%d of %d (j/k scroll, any other "
	    "key closes this help)", ui->help_top + 1, ui->help_top + h - 1 <
	    ACTION_COUNT - 1 ? ui->help_top + h - 1 : ACTION_COUNT - 1,
	    ACTION_COUNT - 1);
	draw_text(w, 0, 0, line, wd, theme_attr(CR_PANE_TITLE_FOCUS),
	    DRAW_ELLIPSIS);
	for (a = 1 + ui->help_top, y = 1; a < ACTION_COUNT && y < h;
	    a++, y++) {
		keymap_keys_for(ui->keymap, (enum action)a, keys, sizeof keys);
		snprintf(line, sizeof line, "  %-22s %-12s %s", keys,
		    action_name((enum action)a), action_help((enum action)a));
		draw_text(w, y, 0, line, wd, A_NORMAL, DRAW_ELLIPSIS);
	}
	wnoutrefresh(w);
	delwin(w);
}

/* Marks panes whose model part moved since they last looked. */
static void
ui_check_model(struct ui *ui)
{
	uint64_t	g;

	g = model_gen(ui->model, MODEL_CONN);
	if (g != ui->seen_conn) {
		char *notice = model_take_notice(ui->model);

		if (notice != NULL) {
			ui_message(ui, notice);
			free(notice);
		}
		ui->seen_conn = g;
		ui->bars_dirty = true;
		ui->list->dirty |= PANE_DIRTY_CONTENT;
	}
	g = model_gen(ui->model, MODEL_LIST);
	if (g != ui->seen_list) {
		ui->seen_list = g;
		ui->list->dirty |= PANE_DIRTY_CONTENT;
		ui->queues->dirty |= PANE_DIRTY_CONTENT;
	}
	g = model_gen(ui->model, MODEL_DETAIL);
	if (g != ui->seen_detail) {
		ui->seen_detail = g;
		ui->detail->dirty |= PANE_DIRTY_CONTENT;
	}
}

static void
ui_frame_pane(struct pane *p)
{
	if (p->dirty & PANE_DIRTY_CONTENT) {
		if (p->ops->sync != NULL)
			p->ops->sync(p);
		p->dirty |= PANE_DIRTY_PAINT;
	}
	if (!p->visible || p->win == NULL) {
		p->dirty = 0;
		return;
	}
	if (p->dirty & PANE_DIRTY_PAINT) {
		werase(p->win);
		p->ops->paint(p);
		wnoutrefresh(p->win);
	} else if ((p->dirty & PANE_DIRTY_CURSOR) &&
	    p->ops->paint_cursor != NULL) {
		p->ops->paint_cursor(p);
		wnoutrefresh(p->win);
	}
	p->dirty = 0;
}

void
ui_frame(struct ui *ui)
{
	int	 y, x;
	bool	 any;

	if (ui->resized) {
		ui->resized = false;
		ui_relayout(ui);
		ui->full_redraw = true;
	}
	ui_check_model(ui);
	if (ui->full_redraw) {
		ui->queues->dirty |= PANE_DIRTY_PAINT;
		ui->list->dirty |= PANE_DIRTY_PAINT;
		ui->detail->dirty |= PANE_DIRTY_PAINT;
		ui->bars_dirty = true;
	}
	if (ui->help) {
		/* The overlay covers the panes; they keep their dirty bits. */
		if (ui->full_redraw) {
			ui_paint_title(ui);
			ui_paint_status(ui);
			ui_paint_help(ui);
			curs_set(0);
			doupdate();
		}
		ui->full_redraw = false;
		return;
	}
	/* A full screen over the panes (ui_screen.c). */
	if ((y = ui_screen_frame(ui)) >= 0) {
		if (y > 0)
			doupdate();
		return;
	}
	any = ui->bars_dirty || ui->queues->dirty || ui->list->dirty ||
	    ui->detail->dirty;
	if (!any)
		return;
	if (ui->clear) {
		clearok(curscr, TRUE);
		ui->clear = false;
	}
	if (ui->bars_dirty) {
		ui_paint_title(ui);
		ui_paint_status(ui);
		ui->bars_dirty = false;
	}
	ui_frame_pane(ui->queues);
	ui_frame_pane(ui->list);
	ui_frame_pane(ui->detail);
	ui->full_redraw = false;

	/* The real cursor sits on the selected row (screen readers), or in
	 * the line being edited. */
	if (ui->prompt != NULL && prompt_cursor(ui->prompt, &y, &x)) {
		curs_set(1);
		wmove(ui->status, y, x);
		wnoutrefresh(ui->status);
	} else if (ui->focus->ops->cursor != NULL &&
	    ui->focus->visible &&
	    ui->focus->ops->cursor(ui->focus, &y, &x)) {
		curs_set(1);
		wmove(ui->focus->win, y, x);
		wnoutrefresh(ui->focus->win);
	} else {
		curs_set(0);
	}
	doupdate();
}
