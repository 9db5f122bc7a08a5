/*
 * ui_cmd.c — the line prompts (/ search, l limit, : command) and the glue
 * between the command line (cmdline.c) and the screen.
 *
 * One prompt at most is open; while it is, every key goes to it (resize
 * excepted) and it is drawn on the status line with the real cursor at
 * the edit position. On Enter the prompt is freed first, then its text
 * runs, because a command may open another prompt. The command line calls
 * back through struct cmdline_ops: the functions below turn each into
 * what the screen and the model already know how to do.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/list.h"
#include "model/model.h"
#include "model/saved_queue.h"
#include "ui/cmdline.h"
#include "ui/keymap.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

/* Queue names for :queue, in queue order (short, one word). */
static const char *const ui_cmd_queue_words[QUEUE_COUNT + 1] = {
	[QUEUE_MY_ALERTS] = "alerts",
	[QUEUE_MY_CASES] = "cases",
	[QUEUE_TEAM] = "team",
	[QUEUE_TEAM_ALERTS] = "team-alerts",
	[QUEUE_UNASSIGNED] = "unassigned",
	[QUEUE_OVERDUE] = "overdue",
	[QUEUE_ESCALATED] = "escalated",
	[QUEUE_APPROVALS] = "approvals",
	[QUEUE_ALL_CHILDREN] = "children",
	[QUEUE_COUNT] = NULL,
};

static int
ui_cmd_action(void *arg, enum action a)
{
	ui_run_action(arg, a);
	return (0);
}

static int
ui_cmd_bind(void *arg, int key, enum action a)
{
	struct ui	*ui = arg;

	keymap_bind(ui->keymap, key, a);
	ui->bars_dirty = true;
	return (0);
}

static int
ui_cmd_open_queue(void *arg, const char *name)
{
	struct ui	*ui = arg;
	int		 q;

	char		 msg[256];
	size_t		 i;

	for (q = 0; q < QUEUE_COUNT; q++) {
		if (strcasecmp(name, ui_cmd_queue_words[q]) == 0 ||
		    strcasecmp(name, list_queue_name((enum list_queue)q)) ==
		    0) {
			ui_open_queue(ui, q);
			return (0);
		}
	}
	for (i = 0; i < model_saved_count(ui->model); i++) {
		if (strcmp(model_saved(ui->model, i)->name, name) != 0)
			continue;
		if (model_open_saved(ui->model, i, msg, sizeof msg) != 0) {
			ui_message(ui, msg);
			return (-1);
		}
		ui_set_focus(ui, ui->list);
		return (0);
	}
	ui_message(ui, "no such queue");
	return (-1);
}

static int
ui_cmd_sort(void *arg, const char *column, bool desc)
{
	struct ui	*ui = arg;
	struct list	*l = model_list(ui->model);
	int		 i;

	for (i = 0; i < list_columns(l); i++) {
		if (strcasecmp(list_column(l, i)->name, column) == 0) {
			list_sort(l, i, desc);
			pane_list_to_top(ui->list);
			return (0);
		}
	}
	ui_message(ui, "this list has no such column");
	return (-1);
}

static int
ui_cmd_theme(void *arg, const char *name)
{
	struct ui	*ui = arg;
	const char	*no_color = getenv("NO_COLOR");

	free(ui->theme);
	ui->theme = xstrdup(name);
	theme_init(ui->theme, no_color != NULL && *no_color != '\0');
	ui->full_redraw = true;
	ui->clear = true;
	return (0);
}

/* Built-in queue words, then the officer's saved queues. */
static const char *const *
ui_cmd_queue_names(void *arg)
{
	static const char	**names;
	struct ui		*ui = arg;
	size_t			 i, n = model_saved_count(ui->model);

	names = xreallocarray(names, QUEUE_COUNT + n + 1, sizeof *names);
	for (i = 0; i < QUEUE_COUNT; i++)
		names[i] = ui_cmd_queue_words[i];
	for (i = 0; i < n; i++)
		names[QUEUE_COUNT + i] = model_saved(ui->model, i)->name;
	names[QUEUE_COUNT + n] = NULL;
	return (names);
}

static const char *const *
ui_cmd_column_names(void *arg)
{
	static const char	*names[LIST_MAX_COLS + 1];
	struct ui		*ui = arg;
	struct list		*l = model_list(ui->model);
	int			 i;

	for (i = 0; i < list_columns(l) && i < LIST_MAX_COLS; i++)
		names[i] = list_column(l, i)->name;
	names[i] = NULL;
	return (names);
}

int
ui_search(void *arg, const char *text)
{
	struct ui	*ui = arg;
	char		 msg[256];
	int		 rc;

	rc = model_search(ui->model, text, msg, sizeof msg);
	pane_queues_follow(ui->queues, QUEUE_SEARCH);
	if (*msg != '\0')
		ui_message(ui, msg);
	if (rc == 0)
		ui_set_focus(ui, ui->list);
	return (rc);
}

int
ui_limit(void *arg, const char *pattern)
{
	struct ui	*ui = arg;
	char		 msg[256];

	if (list_set_limit(model_list(ui->model), pattern, msg,
	    sizeof msg) != 0) {
		ui_message(ui, msg);
		return (-1);
	}
	pane_list_to_top(ui->list);
	ui_message(ui, *pattern != '\0' ? NULL : "limit removed");
	return (0);
}

int
ui_save_queue(void *arg, const char *name)
{
	struct ui	*ui = arg;
	char		 msg[256];

	if (model_save_queue(ui->model, name, msg, sizeof msg) != 0) {
		ui_message(ui, msg);
		return (-1);
	}
	return (0);
}

/* The limit in force, to start the limit prompt with. Borrowed. */
const char *
ui_limit_text(const struct ui *ui)
{
	return (list_limit_text(model_list(ui->model)));
}

void
ui_cmd_init(struct ui *ui)
{
	struct cmdline_ops	ops;
	int			i;

	for (i = 0; i < 3; i++)
		ui->history[i] = prompt_history_new(0);
	memset(&ops, 0, sizeof ops);
	ops.arg = ui;
	ops.action = ui_cmd_action;
	ops.bind = ui_cmd_bind;
	ops.open_queue = ui_cmd_open_queue;
	ops.sort = ui_cmd_sort;
	ops.theme = ui_cmd_theme;
	ops.queue_names = ui_cmd_queue_names;
	ops.column_names = ui_cmd_column_names;
	ops.search = ui_search;
	ops.limit = ui_limit;
	ops.save_queue = ui_save_queue;
	ui->cmdline = cmdline_new(&ops);
}

void
ui_cmd_release(struct ui *ui)
{
	int	i;

	prompt_free(ui->prompt);
	ui->prompt = NULL;
	cmdline_free(ui->cmdline);
	for (i = 0; i < 3; i++)
		prompt_history_free(ui->history[i]);
}

void
ui_prompt_open(struct ui *ui, enum ui_prompt_kind kind)
{
	struct prompt_config	cfg;

	prompt_free(ui->prompt);
	memset(&cfg, 0, sizeof cfg);
	switch (kind) {
	case UI_PROMPT_SEARCH:
		cfg.label = "/";
		break;
	case UI_PROMPT_LIMIT:
		cfg.label = "limit: ";
		cfg.text = ui_limit_text(ui);
		break;
	case UI_PROMPT_COMMAND:
		cfg.label = ":";
		cfg.complete = cmdline_complete_cb;
		cfg.complete_arg = ui->cmdline;
		break;
	case UI_PROMPT_ALERT:
	case UI_PROMPT_FORM:
		return;		/* opened by their own forms */
	}
	cfg.history = ui->history[kind];
	ui->prompt = prompt_new(&cfg);
	ui->prompt_kind = kind;
	ui->bars_dirty = true;
}

/* Runs an accepted line. */
static void
ui_prompt_run(struct ui *ui, enum ui_prompt_kind kind, const char *text)
{
	char	*msg = NULL;
	int	 rc;

	switch (kind) {
	case UI_PROMPT_SEARCH:
		if (*text != '\0')
			ui_search(ui, text);
		break;
	case UI_PROMPT_LIMIT:
		ui_limit(ui, text);
		break;
	case UI_PROMPT_ALERT:
		ui_alert_argument(ui, text);
		break;
	case UI_PROMPT_FORM:
		ui_form_answer(ui, text);
		break;
	case UI_PROMPT_COMMAND:
		rc = cmdline_run(ui->cmdline, text, &msg);
		if (msg != NULL)
			ui_message(ui, msg);
		else if (rc != 0 && ui->message == NULL)
			ui_message(ui, "the command failed");
		free(msg);
		break;
	}
}

void
ui_prompt_key(struct ui *ui, bool is_keycode, wint_t ch)
{
	enum ui_prompt_kind	 kind = (enum ui_prompt_kind)ui->prompt_kind;
	char			*text;

	switch (prompt_key(ui->prompt, is_keycode, ch)) {
	case PROMPT_ACCEPT:
		text = xstrdup(prompt_text(ui->prompt));
		prompt_free(ui->prompt);
		ui->prompt = NULL;
		ui->bars_dirty = true;
		ui_prompt_run(ui, kind, text);
		free(text);
		break;
	case PROMPT_CANCEL:
		prompt_free(ui->prompt);
		ui->prompt = NULL;
		if (kind == UI_PROMPT_FORM)
			ui_form_cancel(ui);
		else if (kind == UI_PROMPT_ALERT && ui->alert_confirming) {
			ui->alert_confirming = false;
			ui_message(ui, "nothing done");
		}
		break;
	case PROMPT_UNHANDLED:
		if (!is_keycode && ch == 12) {	/* C-l still redraws */
			ui->full_redraw = true;
			ui->clear = true;
		} else if (!is_keycode && ch == 24 && kind == UI_PROMPT_FORM) {
			ui_form_editor_key(ui);	/* C-x: $EDITOR */
		}
		break;
	case PROMPT_CONTINUE:
		if (kind == UI_PROMPT_FORM)
			ui_form_typed(ui);
		break;
	}
	ui->bars_dirty = true;
}
