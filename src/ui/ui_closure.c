/*
 * ui_closure.c — the `C` key: four-eyes closure from the keyboard.
 *
 * On a case in any queue but Approvals it asks for the closure outcome
 * (Tab lists them) and a note, and requests the closure. In the
 * Approvals queue it asks whether to approve (y) or reject (n) and for a
 * note, and decides. The database refuses anyone deciding their own
 * request; its answer comes back as a notice on the status line.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "model/closure.h"
#include "model/list.h"
#include "model/model.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

static const char *const *
ui_closure_complete(void *arg, const char *text, size_t cursor,
    size_t *word_start)
{
	(void)arg;
	return (prompt_complete_words(closure_outcomes, text, cursor,
	    word_start));
}

static void
ui_closure_ask(struct ui *ui)
{
	struct prompt_config	cfg;

	memset(&cfg, 0, sizeof cfg);
	if (ui->closure_step == 0 && ui->closure_deciding) {
		cfg.label = "approve this closure? (y: approve, n: reject): ";
	} else if (ui->closure_step == 0) {
		cfg.label = "closure outcome (Tab lists them): ";
		cfg.complete = ui_closure_complete;
		cfg.complete_arg = ui;
	} else {
		cfg.label = ui->closure_deciding ? "note: " :
		    "note for the supervisor: ";
	}
	prompt_free(ui->prompt);
	ui->prompt = prompt_new(&cfg);
	ui->prompt_kind = UI_PROMPT_CLOSURE;
	ui->bars_dirty = true;
}

void
ui_closure_release(struct ui *ui)
{
	free(ui->closure_case);
	free(ui->closure_version);
	free(ui->closure_first);
	ui->closure_case = ui->closure_version = ui->closure_first = NULL;
	ui->closure_step = 0;
}

void
ui_closure_begin(struct ui *ui)
{
	const char	*case_id = pane_list_case_id(ui->list);
	const char	*version = pane_list_row_version(ui->list);

	if (case_id == NULL || *case_id == '\0' || version == NULL) {
		ui_message(ui, "no case here: choose a row with a case");
		return;
	}
	ui_closure_release(ui);
	ui->closure_case = xstrdup(case_id);
	ui->closure_version = xstrdup(version);
	ui->closure_deciding =
	    list_queue(model_list(ui->model)) == QUEUE_APPROVALS;
	ui_closure_ask(ui);
}

void
ui_closure_answer(struct ui *ui, const char *text)
{
	char	 msg[256], *note;
	int	 rc;

	if (ui->closure_step == 0) {
		ui->closure_first = prompt_trimmed(text);
		if (ui->closure_deciding && strcmp(ui->closure_first, "y") != 0 &&
		    strcmp(ui->closure_first, "n") != 0) {
			ui_message(ui, "answer y (approve) or n (reject)");
			ui_closure_release(ui);
			return;
		}
		ui->closure_step = 1;
		ui_closure_ask(ui);
		return;
	}
	note = prompt_trimmed(text);
	if (ui->closure_deciding)
		rc = model_closure_decide(ui->model, ui->closure_case,
		    ui->closure_version, strcmp(ui->closure_first, "y") == 0,
		    note, msg, sizeof msg);
	else
		rc = model_closure_request(ui->model, ui->closure_case,
		    ui->closure_version, ui->closure_first, note, msg,
		    sizeof msg);
	ui_message(ui, rc == 0 ? "sending..." : msg);
	free(note);
	ui_closure_release(ui);
}
