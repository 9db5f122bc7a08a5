/*
 * ui_alert.c — the `a` key: act on an alert, or with `;` first on every
 * tagged alert.
 *
 * `a` gathers the alerts (the row under the cursor, or the tagged rows
 * after `;`) and shows a one-line menu; the next key picks the action.
 * Actions that need more (whom to assign to, until when, a note) open the
 * line prompt for it. On tagged rows the action, its argument and the
 * count are put as a y/n question before anything is sent. The model
 * sends everything in one round trip (one transaction) and reports the
 * outcome as a notice; tags are cleared once sent.
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
	const char	*verb;		/* for the batch's question */
} ui_alert_menu[] = {
	{ 'k', ALERT_ACK, NULL, "Acknowledge" },
	{ 's', ALERT_ASSIGN, "assign to (login, or team): ", "Assign" },
	{ 'z', ALERT_SNOOZE, "snooze until (YYYY-MM-DD): ", "Snooze" },
	{ 'e', ALERT_ESCALATE, "escalate, note (optional): ", "Escalate" },
	{ 'c', ALERT_OPEN_CASE, "open a case, reason (optional): ",
	  "Open cases for" },
	{ 'r', ALERT_RESOLVE, "resolve, note: ", "Resolve" },
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

static const char *
ui_alert_verb(int act)
{
	size_t	i;

	for (i = 0; i < sizeof ui_alert_menu / sizeof ui_alert_menu[0]; i++)
		if ((int)ui_alert_menu[i].act == act)
			return (ui_alert_menu[i].verb);
	return ("Act on");
}

static void
ui_alert_send(struct ui *ui, const char *arg)
{
	struct prompt_config	cfg;
	char			msg[256], label[160];

	/* A batch says what it will do, and to how many, before it goes. */
	if (ui->alert_ntargets > 1 && !ui->alert_confirming) {
		free(ui->alert_arg);
		ui->alert_arg = arg != NULL ? xstrdup(arg) : NULL;
		ui->alert_confirming = true;
		snprintf(label, sizeof label, "%s %zu alerts%s%s%s in one "
		    "transaction? y/n: ", ui_alert_verb(ui->alert_act),
		    ui->alert_ntargets, arg != NULL && *arg != '\0' ? " (" : "",
		    arg != NULL ? arg : "", arg != NULL && *arg != '\0' ?
		    ")" : "");
		memset(&cfg, 0, sizeof cfg);
		cfg.label = label;
		prompt_free(ui->prompt);
		ui->prompt = prompt_new(&cfg);
		ui->prompt_kind = UI_PROMPT_ALERT;
		ui->bars_dirty = true;
		return;
	}
	ui->alert_confirming = false;
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
	char	*arg;

	if (!ui->alert_confirming) {
		ui_alert_send(ui, text);
		return;
	}
	if (strcmp(text, "y") != 0 && strcmp(text, "Y") != 0) {
		ui->alert_confirming = false;
		ui_message(ui, "nothing done");
		return;
	}
	arg = ui->alert_arg;
	ui->alert_arg = NULL;
	ui_alert_send(ui, arg);
	free(arg);
}

void
ui_alert_release(struct ui *ui)
{
	free(ui->alert_targets);
	ui->alert_targets = NULL;
	ui->alert_ntargets = 0;
	free(ui->alert_arg);
	ui->alert_arg = NULL;
	ui->alert_confirming = false;
}
