/*
 * ui_alert.c — the `a` key: act on an alert, or with `;` first on every
 * tagged alert.
 *
 * `a` gathers the alerts (the row under the cursor, or the tagged rows
 * after `;`) and shows a one-line menu; the next key picks the action.
 * Actions that need more (whom to assign to, until when, a note) open the
 * line prompt for it. The model sends everything in one round trip and
 * reports the outcome as a notice; tags are cleared once sent.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/alert_action.h"
#include "model/model.h"
#include "ui/draw.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

#define UI_ALERT_MAX	500	/* alerts one batch may act on */

static const struct {
	int		 key;
	enum alert_act	 act;
	const char	*ask;		/* prompt label, NULL: no argument */
} ui_alert_menu[] = {
	{ 'k', ALERT_ACK, NULL },
	{ 's', ALERT_ASSIGN, "assign to (login, or team): " },
	{ 'z', ALERT_SNOOZE, "snooze until (YYYY-MM-DD): " },
	{ 'e', ALERT_ESCALATE, "escalate, note (optional): " },
	{ 'c', ALERT_OPEN_CASE, "open a case, reason (optional): " },
	{ 'r', ALERT_RESOLVE, "resolve, note: " },
};

#define UI_ALERT_MENU_TEXT \
	" Alert: k acknowledge  s assign  z snooze  e escalate  " \
	"c open case  r resolve  (Esc: cancel)"

void
ui_alert_begin(struct ui *ui, bool tagged)
{
	struct alert_target	*t;
	size_t			 n;

	t = xcalloc(UI_ALERT_MAX, sizeof *t);
	n = pane_list_alert_targets(ui->list, tagged, t, UI_ALERT_MAX);
	if (n == 0) {
		free(t);
		ui_message(ui, tagged ? "no tagged alerts (t tags a row)" :
		    "not an alert: open My alerts and choose one");
		return;
	}
	free(ui->alert_targets);
	ui->alert_targets = t;
	ui->alert_ntargets = n;
	ui->alert_tagged = tagged;
	ui->alert_menu = true;
	ui->bars_dirty = true;
}

void
ui_alert_paint_menu(struct ui *ui)
{
	char	buf[256];

	if (ui->alert_ntargets > 1)
		snprintf(buf, sizeof buf, " %zu tagged -%s",
		    ui->alert_ntargets, UI_ALERT_MENU_TEXT);
	else
		snprintf(buf, sizeof buf, "%s", UI_ALERT_MENU_TEXT);
	draw_bar(ui->status, 0, theme_attr(CR_NOTICE));
	draw_text(ui->status, 0, 0, buf, ui->cols, theme_attr(CR_NOTICE) |
	    A_BOLD, DRAW_ELLIPSIS);
}

static void
ui_alert_send(struct ui *ui, const char *arg)
{
	char	msg[256];

	if (model_alert_act(ui->model, ui->alert_targets, ui->alert_ntargets,
	    (enum alert_act)ui->alert_act, arg, msg, sizeof msg) != 0) {
		ui_message(ui, msg);
		return;
	}
	if (ui->alert_tagged)
		pane_list_untag(ui->list);
	ui_message(ui, "working...");
}

/* The key after `a`: which action. */
void
ui_alert_menu_key(struct ui *ui, int key)
{
	struct prompt_config	cfg;
	size_t			i;

	ui->alert_menu = false;
	ui->bars_dirty = true;
	for (i = 0; i < sizeof ui_alert_menu / sizeof ui_alert_menu[0]; i++) {
		if (ui_alert_menu[i].key != key)
			continue;
		ui->alert_act = (int)ui_alert_menu[i].act;
		if (ui_alert_menu[i].ask == NULL) {
			ui_alert_send(ui, NULL);
			return;
		}
		memset(&cfg, 0, sizeof cfg);
		cfg.label = ui_alert_menu[i].ask;
		prompt_free(ui->prompt);
		ui->prompt = prompt_new(&cfg);
		ui->prompt_kind = UI_PROMPT_ALERT;
		return;
	}
	ui_message(ui, "cancelled");
}

/* The text typed for an action's argument. */
void
ui_alert_argument(struct ui *ui, const char *text)
{
	ui_alert_send(ui, text);
}

void
ui_alert_release(struct ui *ui)
{
	free(ui->alert_targets);
	ui->alert_targets = NULL;
	ui->alert_ntargets = 0;
}
