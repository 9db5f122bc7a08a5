/*
 * ui_contact.c — the `c` key: record a contact on the case under the
 * cursor, in four short questions on the bottom line (kind, with whom,
 * outcome, note), each an ordinary line prompt; Esc at any of them drops
 * the whole contact. The contact is sent in one round trip once the last
 * answer is in (model/contact.c).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "model/contact.h"
#include "model/list.h"
#include "model/model.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

static const char *const ui_contact_questions[UI_CONTACT_STEPS] = {
	"contact (Tab lists the kinds): ",
	"with whom: ",
	"outcome: ",
	"note (Enter for none): ",
};

/* Completes the kind of contact (the first question). */
static const char *const *
ui_contact_complete(void *arg, const char *text, size_t cursor,
    size_t *word_start)
{
	(void)arg;
	return (prompt_complete_words(contact_kinds, text, cursor,
	    word_start));
}

static void
ui_contact_ask(struct ui *ui)
{
	struct prompt_config	cfg;

	memset(&cfg, 0, sizeof cfg);
	cfg.label = ui_contact_questions[ui->contact_step];
	if (ui->contact_step == 0) {
		cfg.complete = ui_contact_complete;
		cfg.complete_arg = ui;
	}
	prompt_free(ui->prompt);
	ui->prompt = prompt_new(&cfg);
	ui->prompt_kind = UI_PROMPT_CONTACT;
	ui->bars_dirty = true;
}

void
ui_contact_release(struct ui *ui)
{
	int	i;

	for (i = 0; i < UI_CONTACT_STEPS; i++) {
		free(ui->contact[i]);
		ui->contact[i] = NULL;
	}
	free(ui->contact_case);
	ui->contact_case = NULL;
	ui->contact_step = 0;
}

void
ui_contact_begin(struct ui *ui)
{
	const char	*case_id = pane_list_case_id(ui->list);

	if (case_id == NULL || *case_id == '\0') {
		ui_message(ui, "no case here: choose a row with a case "
		    "(My cases, Team)");
		return;
	}
	ui_contact_release(ui);
	ui->contact_case = xstrdup(case_id);
	ui_contact_ask(ui);
}

/* One answer; the last one sends the contact. */
void
ui_contact_answer(struct ui *ui, const char *text)
{
	struct contact_input	in;
	char			msg[256];

	/* Completion leaves a space after the word; answers are trimmed. */
	free(ui->contact[ui->contact_step]);
	ui->contact[ui->contact_step] = prompt_trimmed(text);
	if (++ui->contact_step < UI_CONTACT_STEPS) {
		ui_contact_ask(ui);
		return;
	}
	in.case_id = ui->contact_case;
	in.kind = ui->contact[0];
	in.with_whom = ui->contact[1];
	in.outcome = ui->contact[2];
	in.note = ui->contact[3];
	if (model_contact_record(ui->model, &in, msg, sizeof msg) != 0)
		ui_message(ui, msg);
	else
		ui_message(ui, "recording the contact...");
	ui_contact_release(ui);
}
