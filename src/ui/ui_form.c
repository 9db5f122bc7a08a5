/*
 * ui_form.c — the casework forms: short questions asked one at a time on
 * the bottom line, each an ordinary line prompt, journalled as they are
 * typed so that nothing is lost (model/drafts.h).
 *
 *   c  contact     kind, when, with whom, outcome, note
 *   E  contact     the same, the note written in $EDITOR
 *   C  closure     outcome and a note; in Approvals: approve (y) or
 *                  reject (n) and a note
 *   e  checklist   item (number or code), state, done on, note
 *   s  status      enquiries, located, escalated (a reason) or
 *                  transferred (to which LA)
 *   +  open case   referred by, primary reason, referred on, summary
 *   A  assign      to whom (an officer, or "team") and a note; on tagged
 *                  rows (; A) the count and what will change are shown
 *                  and confirmed before the one transaction goes
 *   R  reopen      the draft kept after a failure or a restart
 *   u  undo        the last assignment batch, for five minutes
 *
 * Esc at any question gives the form up (its draft goes); C-x at a note
 * opens $EDITOR on what is typed so far. Every key typed rewrites the
 * encrypted journal; the write carries the draft's serial, and its
 * outcome settles the draft (kept and offered back on any failure, with
 * the same idempotency key).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/casework.h"
#include "model/closure.h"
#include "model/contact.h"
#include "model/detail.h"
#include "model/draft.h"
#include "model/drafts.h"
#include "model/list.h"
#include "model/model.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

#define UI_FORM_MAX_TARGETS	500	/* cases in one batch */

typedef const char *const *(*ui_form_words_fn)(struct ui *);

struct ui_form_question {
	const char		*label;
	const char *const	*words;		/* completion, or NULL */
	ui_form_words_fn	 words_now;	/* or words known only now */
	const char		*initial;	/* the answer offered */
	bool			 note;		/* C-x: $EDITOR */
	int			 strict;	/* 1: one of the words; 2: or
						   nothing */
};

struct ui_form_def {
	enum ui_form_kind	 kind;
	const char		*name;		/* the draft's form */
	bool			 needs_case;
	bool			 versioned;	/* edits carry a version */
	int			 nq;
	struct ui_form_question	 q[DRAFT_FIELDS];
	const char		*cancelled;
	/* Checks an answer (may fill the draft); NULL or a message. */
	const char		*(*check)(struct ui *, int step);
	bool			 (*skip)(const struct draft *, int step);
	int			 (*submit)(struct ui *, char *msg, size_t);
};

static const char *const *
ui_form_words_staff(struct ui *ui)
{
	const char *const	*staff = model_staff(ui->model);
	size_t			 n, i;

	for (n = 0; staff[n] != NULL; n++)
		;
	free(ui->form_words);
	ui->form_words = xcalloc(n + 2, sizeof *ui->form_words);
	ui->form_words[0] = "team";
	for (i = 0; i < n; i++)
		ui->form_words[i + 1] = staff[i];
	return (ui->form_words);
}

/* The checklist's item codes, from the Enquiries data of the record. */
static const char *const *
ui_form_words_items(struct ui *ui)
{
	const struct detail_enquiries	*e;
	int				 i;

	e = detail_enquiries(model_detail(ui->model));
	free(ui->form_words);
	ui->form_words = xcalloc((size_t)e->n + 1, sizeof *ui->form_words);
	for (i = 0; i < e->n; i++)
		ui->form_words[i] = e->items[i].item;
	return (ui->form_words);
}

/* ---- checks and skips ---- */

static const char *
ui_form_check_decide(struct ui *ui, int step)
{
	const char	*a = ui->form->fields[0];

	if (step == 0 && strcmp(a, "y") != 0 && strcmp(a, "n") != 0)
		return ("answer y (approve) or n (reject)");
	return (NULL);
}

/* The item: its number in the Enquiries tab or its code; its version. */
static const char *
ui_form_check_enquiry(struct ui *ui, int step)
{
	const struct detail_enquiries	*e;
	const char			*a = ui->form->fields[0];
	int				 i, n;

	if (step != 0)
		return (NULL);
	e = detail_enquiries(model_detail(ui->model));
	if (e->n == 0 || strcmp(e->case_id, ui->form->case_id) != 0)
		return ("the checklist is not loaded: open the Enquiries tab "
		    "(4) and try again");
	n = atoi(a);
	for (i = 0; i < e->n; i++) {
		if ((n >= 1 && n == i + 1 && strspn(a, "0123456789") ==
		    strlen(a)) || strcmp(a, e->items[i].item) == 0) {
			draft_set(&ui->form->item, e->items[i].item);
			draft_set(&ui->form->version, e->items[i].version);
			draft_set(&ui->form->fields[0], e->items[i].item);
			if (*ui->form->fields[3] == '\0')
				draft_set(&ui->form->fields[3],
				    e->items[i].note);
			return (NULL);
		}
	}
	return ("no such item: its number (1-11) or code (Tab lists them)");
}

static bool
ui_form_skip_enquiry(const struct draft *d, int step)
{
	return (step == 2 && strcmp(d->fields[1], "not_started") == 0);
}

static bool
ui_form_skip_status(const struct draft *d, int step)
{
	return (step == 1 && strcmp(d->fields[0], "transferred") != 0);
}

/* The batch's question (the last, step 2) is for batches only
 * (fields[5]: "batch"). */
static bool
ui_form_skip_batch(const struct draft *d, int step)
{
	return (step == 2 && strcmp(d->fields[5], "batch") != 0);
}

static const char *
ui_form_check_batch(struct ui *ui, int step)
{
	if (step == 2 && strcmp(ui->form->fields[step], "y") != 0)
		return ("nothing sent");
	return (NULL);
}

/* ---- submitting ---- */

/* "09:30" is today at 09:30; anything else goes as typed. */
static void
ui_form_when(const char *typed, char *out, size_t n)
{
	time_t		t = time(NULL);
	struct tm	tm;
	char		day[16];

	if (strlen(typed) == 5 && typed[2] == ':' &&
	    localtime_r(&t, &tm) != NULL) {
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		snprintf(out, n, "%s %s", day, typed);
	} else {
		snprintf(out, n, "%s", typed);
	}
}

static int
ui_form_submit_contact(struct ui *ui, char *msg, size_t n)
{
	struct contact_input	in;
	char			when[64];

	ui_form_when(ui->form->fields[1], when, sizeof when);
	in.case_id = ui->form->case_id;
	in.kind = ui->form->fields[0];
	in.when = when;
	in.with_whom = ui->form->fields[2];
	in.outcome = ui->form->fields[3];
	in.note = ui->form->fields[4];
	in.idem_key = ui->form->idem_key;
	in.serial = ui->form_serial;
	in.amends = ui->form->item;
	return (model_contact_record(ui->model, &in, msg, n));
}

static int
ui_form_submit_closure(struct ui *ui, char *msg, size_t n)
{
	const char	**ids, **versions;
	size_t		  i;
	int		  rc;

	if (ui->form_ntargets == 0)
		return (model_closure_request(ui->model, ui->form->case_id,
		    ui->form->version, ui->form->fields[0],
		    ui->form->fields[1], ui->form_serial, msg, n));
	ids = xcalloc(ui->form_ntargets, sizeof *ids);
	versions = xcalloc(ui->form_ntargets, sizeof *versions);
	for (i = 0; i < ui->form_ntargets; i++) {
		ids[i] = ui->form_targets[i].case_id;
		versions[i] = ui->form_targets[i].version;
	}
	rc = model_closure_request_batch(ui->model, ids, versions,
	    ui->form_ntargets, ui->form->fields[0], ui->form->fields[1],
	    ui->form_serial, msg, n);
	free(ids);
	free(versions);
	if (rc == 0)
		pane_list_untag(ui->list);
	return (rc);
}

static int
ui_form_submit_decide(struct ui *ui, char *msg, size_t n)
{
	return (model_closure_decide(ui->model, ui->form->case_id,
	    ui->form->version, strcmp(ui->form->fields[0], "y") == 0,
	    ui->form->fields[1], ui->form_serial, msg, n));
}

static int
ui_form_submit_enquiry(struct ui *ui, char *msg, size_t n)
{
	return (model_enquiry_set(ui->model, ui->form->case_id,
	    ui->form->item, ui->form->version, ui->form->fields[1],
	    ui->form->fields[2], ui->form->fields[3], ui->form_serial, msg,
	    n));
}

static int
ui_form_submit_status(struct ui *ui, char *msg, size_t n)
{
	return (model_case_status(ui->model, ui->form->case_id,
	    ui->form->version, ui->form->fields[0], ui->form->fields[1],
	    ui->form->fields[2], ui->form_serial, msg, n));
}

static int
ui_form_submit_open(struct ui *ui, char *msg, size_t n)
{
	return (model_case_open(ui->model, ui->form->fields[5],
	    ui->form->fields[0], ui->form->fields[1], ui->form->fields[2],
	    ui->form->fields[3], ui->form_serial, msg, n));
}

static int
ui_form_submit_assign(struct ui *ui, char *msg, size_t n)
{
	const char	**ids, **versions, **was;
	size_t		  i;
	int		  rc;

	ids = xcalloc(ui->form_ntargets, sizeof *ids);
	versions = xcalloc(ui->form_ntargets, sizeof *versions);
	was = xcalloc(ui->form_ntargets, sizeof *was);
	for (i = 0; i < ui->form_ntargets; i++) {
		ids[i] = ui->form_targets[i].case_id;
		versions[i] = ui->form_targets[i].version;
		was[i] = ui->form_targets[i].officer;
	}
	rc = model_case_assign(ui->model, ids, versions, was,
	    ui->form_ntargets, ui->form->fields[0], ui->form->fields[1],
	    ui->form_serial, msg, n);
	free(ids);
	free(versions);
	free(was);
	if (rc == 0 && ui->form_tagged)
		pane_list_untag(ui->list);
	return (rc);
}

/* Questions: Q(label) plain, or Q(label, .words = (completion; .strict
 * 1: one of them, 2: or nothing), .initial = (offered), .note = true
 * (C-x: $EDITOR)). */
#define Q(...)	{ .label = __VA_ARGS__ }

static const struct ui_form_def ui_forms[UI_FORM_COUNT] = {
	[UI_FORM_CONTACT] = { UI_FORM_CONTACT, "contact", true, false, 5, {
		Q("contact (Tab lists the kinds): ", .words = contact_kinds,
		  .strict = 1),
		Q("when (Enter: now; or HH:MM, or YYYY-MM-DD HH:MM): ",
		  .initial = "now"),
		Q("with whom: "),
		Q("outcome: "),
		Q("note (Enter for none; C-x: $EDITOR): ", .note = true),
	    }, "contact not recorded", NULL, NULL, ui_form_submit_contact },
	[UI_FORM_CLOSURE] = { UI_FORM_CLOSURE, "closure", true, true, 3, {
		Q("closure outcome (Tab lists them): ",
		  .words = closure_outcomes, .strict = 1),
		Q("note for the supervisor (C-x: $EDITOR): ", .note = true),
		Q(NULL),	/* the batch's question, made */
	    }, "nothing sent", ui_form_check_batch, ui_form_skip_batch,
	    ui_form_submit_closure },
	[UI_FORM_DECIDE] = { UI_FORM_DECIDE, "closure_decide", true, true, 2, {
		Q("approve this closure? (y: approve, n: reject): "),
		Q("note: ", .note = true),
	    }, "nothing sent", ui_form_check_decide, NULL,
	    ui_form_submit_decide },
	[UI_FORM_ENQUIRY] = { UI_FORM_ENQUIRY, "enquiry", true, true, 4, {
		Q("checklist item (its number, or Tab lists the codes): ",
		  .words_now = ui_form_words_items),
		Q("state (Tab lists them): ",
		  .words = casework_enquiry_states, .strict = 1),
		Q("done on (Enter: today; or YYYY-MM-DD): ",
		  .initial = "today"),
		Q("note (C-x: $EDITOR): ", .note = true),
	    }, "checklist not changed", ui_form_check_enquiry,
	    ui_form_skip_enquiry, ui_form_submit_enquiry },
	[UI_FORM_STATUS] = { UI_FORM_STATUS, "status", true, true, 3, {
		Q("new status (Tab lists them): ", .words = casework_statuses,
		  .strict = 1),
		Q("transfer to which LA (its three-digit code): "),
		Q("reason or note (escalation needs one; C-x: $EDITOR): ",
		  .note = true),
	    }, "status not changed", NULL, ui_form_skip_status,
	    ui_form_submit_status },
	[UI_FORM_OPEN] = { UI_FORM_OPEN, "open", false, false, 4, {
		Q("referred by (Tab lists the sources): ",
		  .words = casework_sources, .strict = 1),
		Q("primary reason (Tab lists them; Enter: not known yet): ",
		  .words = casework_reasons, .strict = 2),
		Q("referred on (Enter: today; or YYYY-MM-DD): ",
		  .initial = "today"),
		Q("summary (C-x: $EDITOR): ", .note = true),
	    }, "no case opened", NULL, NULL, ui_form_submit_open },
	[UI_FORM_ASSIGN] = { UI_FORM_ASSIGN, "assign", true, true, 3, {
		Q("assign to (Tab lists the officers; team: the team "
		  "queue): ", .words_now = ui_form_words_staff, .strict = 1),
		Q("note: "),
		Q(NULL),	/* the batch's question, made */
	    }, "nothing assigned", ui_form_check_batch, ui_form_skip_batch,
	    ui_form_submit_assign },
};

#undef Q

/* ---- the engine ---- */

static const struct ui_form_def *
ui_form_def(const struct ui *ui)
{
	return (&ui_forms[ui->form_kind]);
}

/* A question's completions, fixed or made now. */
static const char *const *
ui_form_words(struct ui *ui, const struct ui_form_question *q)
{
	static const char *const none[] = { NULL };

	if (q->words != NULL)
		return (q->words);
	return (q->words_now != NULL ? q->words_now(ui) : none);
}

static const char *const *
ui_form_complete(void *arg, const char *text, size_t cursor,
    size_t *word_start)
{
	struct ui			*ui = arg;
	const struct ui_form_question	*q;

	q = &ui_form_def(ui)->q[ui->form->step];
	return (prompt_complete_words(ui_form_words(ui, q), text, cursor,
	    word_start));
}

/*
 * The batch's question: "Assign 3 cases to priya (now: alex 2,
 * unassigned 1)? one transaction, y/n: ", or "Request the closure of 3
 * cases (outcome on_roll)? one transaction, y/n: ".
 */
static void
ui_form_batch_label(struct ui *ui, char *buf, size_t n)
{
	struct {
		char	who[64];
		int	count;
	} seen[8];
	size_t	i, j, nseen = 0, other = 0, len;
	int	k;

	if (ui->form_kind == UI_FORM_CLOSURE) {
		snprintf(buf, n, "Request the closure of %zu cases (outcome "
		    "%s)? one transaction, y/n: ", ui->form_ntargets,
		    ui->form->fields[0]);
		return;
	}
	for (i = 0; i < ui->form_ntargets; i++) {
		const char *w = ui->form_targets[i].officer;

		if (*w == '\0' || strcmp(w, "-") == 0)
			w = "unassigned";
		for (j = 0; j < nseen; j++)
			if (strcmp(seen[j].who, w) == 0)
				break;
		if (j < nseen) {
			seen[j].count++;
		} else if (nseen < sizeof seen / sizeof seen[0]) {
			snprintf(seen[nseen].who, sizeof seen[nseen].who,
			    "%s", w);
			seen[nseen++].count = 1;
		} else {
			other++;
		}
	}
	len = (size_t)snprintf(buf, n, "Assign %zu case%s to %s (now: ",
	    ui->form_ntargets, ui->form_ntargets == 1 ? "" : "s",
	    strcmp(ui->form->fields[0], "team") == 0 ? "the team queue" :
	    ui->form->fields[0]);
	for (j = 0; j < nseen && len < n; j++) {
		k = snprintf(buf + len, n - len, "%s%s %d", j > 0 ? ", " : "",
		    seen[j].who, seen[j].count);
		len += k > 0 ? (size_t)k : 0;
	}
	if (other > 0 && len < n) {
		k = snprintf(buf + len, n - len, ", others %zu", other);
		len += k > 0 ? (size_t)k : 0;
	}
	if (len < n)
		snprintf(buf + len, n - len, ")? one transaction, y/n: ");
}

static void
ui_form_ask(struct ui *ui)
{
	const struct ui_form_def	*def = ui_form_def(ui);
	const struct ui_form_question	*q = &def->q[ui->form->step];
	struct prompt_config		 cfg;
	char				 label[768];

	memset(&cfg, 0, sizeof cfg);
	if (q->label == NULL)
		ui_form_batch_label(ui, label, sizeof label);
	else
		snprintf(label, sizeof label, "%s", q->label);
	if (ui->form_refused[0] != '\0') {
		/* Why the last answer was refused, before the question. */
		char *again = xasprintf("[%s] %s", ui->form_refused, label);

		memcpy(label, again, strnlen(again, sizeof label - 1));
		label[strnlen(again, sizeof label - 1)] = '\0';
		free(again);
		ui->form_refused[0] = '\0';
	}
	cfg.label = label;
	cfg.text = *ui->form->fields[ui->form->step] != '\0' ?
	    ui->form->fields[ui->form->step] : q->initial;
	if (q->words != NULL || q->words_now != NULL) {
		cfg.complete = ui_form_complete;
		cfg.complete_arg = ui;
	}
	prompt_free(ui->prompt);
	ui->prompt = prompt_new(&cfg);
	ui->prompt_kind = UI_PROMPT_FORM;
	ui->bars_dirty = true;
}

void
ui_form_release(struct ui *ui)
{
	if (ui->form != NULL) {
		draft_release(ui->form);
		free(ui->form);
		ui->form = NULL;
	}
	free(ui->form_targets);
	ui->form_targets = NULL;
	ui->form_ntargets = 0;
	free(ui->form_words);
	ui->form_words = NULL;
	ui->form_editor = false;
}

/* Journals the form as it stands. */
static void
ui_form_keep(struct ui *ui)
{
	ui->form_serial = drafts_keep(model_drafts(ui->model), ui->form);
}

/* The case, its version and the child's name: from the list row in a
 * list of cases, else from the record open in the detail when it is the
 * selected row's child (an alert, a child with a case). */
static bool
ui_form_case(struct ui *ui, struct draft *d)
{
	const char	*case_id, *version;
	struct case_target t;

	if (pane_list_case_targets(ui->list, false, &t, 1) == 1) {
		draft_set(&d->case_id, t.case_id);
		draft_set(&d->version, t.version);
	} else if (detail_case(model_detail(ui->model),
	    pane_list_child_id(ui->list), &case_id, &version)) {
		draft_set(&d->case_id, case_id);
		draft_set(&d->version, version);
	} else {
		return (false);
	}
	draft_set(&d->child_name, detail_header(model_detail(ui->model))->name);
	return (true);
}

void
ui_form_begin(struct ui *ui, enum ui_form_kind kind, bool tagged)
{
	const struct ui_form_def	*def = &ui_forms[kind];
	const struct detail_key		*k;
	char				 key[37];
	struct draft			*d;

	ui_form_release(ui);
	d = xcalloc(1, sizeof *d);
	draft_init(d);
	draft_set(&d->form, def->name);
	draft_uuid(key);
	draft_set(&d->idem_key, key);
	ui->form = d;
	ui->form_kind = kind;
	ui->form_tagged = tagged;
	if (kind == UI_FORM_ASSIGN || (kind == UI_FORM_CLOSURE && tagged)) {
		ui->form_targets = xcalloc(UI_FORM_MAX_TARGETS,
		    sizeof *ui->form_targets);
		ui->form_ntargets = pane_list_case_targets(ui->list, tagged,
		    ui->form_targets, UI_FORM_MAX_TARGETS);
		if (ui->form_ntargets == 0) {
			ui_message(ui, tagged ? "none of the tagged rows is a "
			    "case" : "no case here: choose a row in a list of "
			    "cases (My cases, Team, Unassigned)");
			ui_form_release(ui);
			return;
		}
		draft_set(&d->case_id, ui->form_targets[0].case_id);
		draft_set(&d->version, ui->form_targets[0].version);
		if (tagged)
			draft_set(&d->fields[5], "batch");
	} else if (kind == UI_FORM_OPEN) {
		k = detail_key(model_detail(ui->model));
		if (k == NULL || *k->child_id == '\0') {
			ui_message(ui, "no child here");
			ui_form_release(ui);
			return;
		}
		draft_set(&d->fields[5], k->child_id);
		draft_set(&d->child_name,
		    detail_header(model_detail(ui->model))->name);
	} else if (def->needs_case && !ui_form_case(ui, d)) {
		ui_message(ui, "no case here: choose a row with a case (My "
		    "cases, Team), or open the child's record");
		ui_form_release(ui);
		return;
	}
	if (kind == UI_FORM_ENQUIRY)	/* the numbers to answer with */
		detail_set_tab(model_detail(ui->model), DETAIL_ENQUIRIES);
	ui_form_keep(ui);
	ui_form_ask(ui);
}

/* A correction of contact_id: a new contact linked to it (contacts are
 * never changed), shown under it in the Timeline. */
void
ui_form_begin_amend(struct ui *ui, const char *contact_id)
{
	ui_form_begin(ui, UI_FORM_CONTACT, false);
	if (ui->form == NULL)
		return;
	draft_set(&ui->form->item, contact_id);
	snprintf(ui->form_refused, sizeof ui->form_refused, "correcting "
	    "contact %s", contact_id);
	ui_form_keep(ui);
	ui_form_ask(ui);
}

void
ui_form_begin_editor(struct ui *ui)
{
	ui_form_begin(ui, UI_FORM_CONTACT, false);
	if (ui->form != NULL)
		ui->form_editor = true;
}

/* The form's last answer is in: send it. */
static void
ui_form_send(struct ui *ui)
{
	const struct ui_form_def	*def = ui_form_def(ui);
	char				 msg[256];

	ui_form_keep(ui);
	if (strcmp(ui->form->fields[5], "batch") == 0)
		/* A batch is not kept (its rows would have to be tagged
		 * again): its outcome is only told. */
		drafts_drop(model_drafts(ui->model));
	if (def->submit(ui, msg, sizeof msg) != 0) {
		/* Nothing went: the form's text stays for R. */
		if (!drafts_settle(model_drafts(ui->model), ui->form_serial,
		    false, msg))
			ui_message(ui, msg);
	} else {
		ui_message(ui, "saving...");
	}
	ui_form_release(ui);
}

/* Moves to the next question that applies, or sends. */
static void
ui_form_next(struct ui *ui)
{
	const struct ui_form_def	*def = ui_form_def(ui);

	do {
		ui->form->step++;
	} while (ui->form->step < def->nq && def->skip != NULL &&
	    def->skip(ui->form, ui->form->step));
	if (ui->form->step >= def->nq) {
		ui_form_send(ui);
		return;
	}
	ui_form_keep(ui);
	if (def->q[ui->form->step].note && ui->form_editor) {
		ui_form_editor(ui);
		return;
	}
	ui_form_ask(ui);
}

/* A strict question's answer is one of its words; NULL or why not. */
static const char *
ui_form_check_word(struct ui *ui)
{
	const struct ui_form_question	*q;
	const char *const		*w;
	const char			*a = ui->form->fields[ui->form->step];
	size_t				 len;

	q = &ui_form_def(ui)->q[ui->form->step];
	if (q->strict == 0 || (q->strict == 2 && *a == '\0'))
		return (NULL);
	for (w = ui_form_words(ui, q); *w != NULL; w++)
		if (strcmp(*w, a) == 0)
			return (NULL);
	len = (size_t)snprintf(ui->form_why, sizeof ui->form_why,
	    "choose one of:");
	for (w = ui_form_words(ui, q); *w != NULL &&
	    len < sizeof ui->form_why; w++)
		len += (size_t)snprintf(ui->form_why + len,
		    sizeof ui->form_why - len, " %s", *w);
	return (ui->form_why);
}

void
ui_form_answer(struct ui *ui, const char *text)
{
	const struct ui_form_def	*def;
	const char			*why;
	char				*t;

	if (ui->form == NULL)
		return;
	def = ui_form_def(ui);
	/* Completion leaves a space after the word; answers are trimmed. */
	t = prompt_trimmed(text);
	draft_set(&ui->form->fields[ui->form->step], t);
	free(t);
	if ((why = ui_form_check_word(ui)) != NULL) {
		snprintf(ui->form_refused, sizeof ui->form_refused, "%s", why);
		ui_form_ask(ui);
		return;
	}
	if (def->check != NULL &&
	    (why = def->check(ui, ui->form->step)) != NULL) {
		ui_message(ui, why);
		if (ui_form_def(ui)->q[ui->form->step].label == NULL) {
			/* The batch's question answered "no". */
			drafts_drop(model_drafts(ui->model));
			ui_form_release(ui);
			return;
		}
		snprintf(ui->form_refused, sizeof ui->form_refused, "%s", why);
		ui_form_ask(ui);	/* the same question again */
		return;
	}
	ui_form_next(ui);
}

void
ui_form_typed(struct ui *ui)
{
	if (ui->form == NULL || ui->prompt == NULL)
		return;
	if (strcmp(ui->form->fields[ui->form->step], prompt_text(ui->prompt))
	    == 0)
		return;
	draft_set(&ui->form->fields[ui->form->step], prompt_text(ui->prompt));
	ui_form_keep(ui);
}

void
ui_form_cancel(struct ui *ui)
{
	if (ui->form == NULL)
		return;
	drafts_drop(model_drafts(ui->model));
	ui_message(ui, ui_form_def(ui)->cancelled);
	ui_form_release(ui);
}

/* C-x at a note: the note in $EDITOR, then the form is sent. */
void
ui_form_editor_key(struct ui *ui)
{
	if (ui->form == NULL || !ui_form_def(ui)->q[ui->form->step].note)
		return;
	ui_form_typed(ui);
	prompt_free(ui->prompt);
	ui->prompt = NULL;
	ui_form_editor(ui);
}

/* Runs the editor on the note, then sends, or asks again on failure. */
void
ui_form_editor(struct ui *ui)
{
	char	*text = NULL, msg[256];

	if (ui_edit_text(ui, ui->form->fields[ui->form->step], &text, msg,
	    sizeof msg) != 0) {
		ui->form_editor = false;
		ui_form_ask(ui);
		ui_message(ui, msg);
		return;
	}
	draft_set(&ui->form->fields[ui->form->step], text);
	free(text);
	ui_form_next(ui);
}

/* R: the kept draft back into its form, every answer offered again. */
void
ui_form_resume(struct ui *ui)
{
	const struct draft	*offered;
	struct draft		*d, now;
	size_t			 k;

	offered = drafts_offered(model_drafts(ui->model));
	if (offered == NULL) {
		ui_message(ui, "no kept draft to reopen");
		return;
	}
	for (k = 0; k < UI_FORM_COUNT; k++)
		if (strcmp(ui_forms[k].name, offered->form) == 0)
			break;
	if (k == UI_FORM_COUNT || k == UI_FORM_ASSIGN ||
	    strcmp(offered->fields[5], "batch") == 0) {
		/* Batches are not kept: their rows are tagged again. */
		ui_message(ui, "a batch is not kept: tag the rows again; the "
		    "draft is dropped");
		drafts_take_offer(model_drafts(ui->model));
		return;
	}
	draft_init(&now);
	if (ui_forms[k].versioned) {
		/* Re-applied to the case as it is now: the version is read
		 * from the screen, which shows the other person's change. */
		if (!ui_form_case(ui, &now) ||
		    strcmp(now.case_id, offered->case_id) != 0) {
			char buf[300];

			snprintf(buf, sizeof buf, "open case %s (%s) first, "
			    "then press R", offered->case_id,
			    offered->child_name);
			ui_message(ui, buf);
			draft_release(&now);
			return;
		}
	}
	ui_form_release(ui);
	d = xcalloc(1, sizeof *d);
	draft_init(d);
	draft_copy(d, offered);
	if (ui_forms[k].versioned)
		draft_set(&d->version, now.version);
	draft_release(&now);
	d->step = 0;
	ui->form = d;
	ui->form_kind = (enum ui_form_kind)k;
	ui->form_tagged = false;
	drafts_take_offer(model_drafts(ui->model));
	ui_form_keep(ui);
	ui_form_ask(ui);
}

/* u: the last assignment batch undone. */
void
ui_form_undo(struct ui *ui)
{
	char	msg[256];

	if (model_assign_undo(ui->model, msg, sizeof msg) != 0)
		ui_message(ui, msg);
	else
		ui_message(ui, "undoing...");
}
