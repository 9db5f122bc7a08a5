/*
 * ui_private.h — the screen's state, shared by the files of src/ui/ only.
 */
#ifndef CME_UI_UI_PRIVATE_H
#define CME_UI_UI_PRIVATE_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "ui/action.h"

struct alert_target;
struct case_target;
struct cmdline;
struct draft;
struct tty;
struct keymap;
struct prompt;
struct prompt_history;
struct layout_cell;
struct model;
struct pane;
struct settings;

struct ui {
	struct model		*model;		/* borrowed */
	const struct settings	*settings;	/* borrowed */
	SCREEN			*screen;	/* owned */
	FILE			*out;		/* borrowed: terminal output */
	struct keymap		*keymap;	/* owned */
	struct prompt		*prompt;	/* owned, NULL when none open */
	int			 prompt_kind;	/* enum ui_prompt_kind */
	struct prompt_history	*history[3];	/* owned, per prompt kind */
	struct cmdline		*cmdline;	/* owned */
	bool			 tag_prefix;	/* ';': next action on tags */
	bool			 alert_menu;	/* 'a': the next key picks */
	int			 alert_act;	/* enum alert_act chosen */
	bool			 alert_tagged;
	bool			 alert_confirming; /* the batch's y/n asked */
	char			*alert_arg;	/* owned: its argument */
	struct alert_target	*alert_targets;	/* owned */
	size_t			 alert_ntargets;
	struct draft		*form;		/* owned: the form being asked */
	int			 form_kind;	/* enum ui_form_kind */
	unsigned		 form_serial;	/* its draft's */
	bool			 form_editor;	/* E: the note in $EDITOR */
	bool			 form_tagged;	/* on the tagged rows */
	struct case_target	*form_targets;	/* owned: cases to assign */
	size_t			 form_ntargets;
	const char		**form_words;	/* owned array: completions */
	char			 form_why[256];	/* why a word was refused */
	char			 form_refused[256]; /* shown with the question */
	struct tty		*tty;		/* borrowed, may be NULL */
	struct layout_cell	*root;		/* owned */
	struct pane		*queues;	/* owned */
	struct pane		*list;		/* owned */
	struct pane		*detail;	/* owned */
	struct pane		*focus;		/* queues, list or detail */
	WINDOW			*title;		/* owned, top bar */
	WINDOW			*status;	/* owned, bottom bar */
	char			*theme;		/* owned */
	char			*message;	/* owned, status-bar text */
	const char		*last_action;	/* static string */
	void			(*action_hook)(void *, const char *);
	void			*action_hook_arg;
	int			 rows, cols;
	int			 escdelay;
	bool			 ascii;
	bool			 wide;		/* side by side */
	bool			 resized;
	bool			 full_redraw;
	bool			 clear;		/* Ctrl-L: resend everything */
	bool			 bars_dirty;
	bool			 help;
	int			 help_top;	/* first action shown */
	bool			 quit;
	long			 pending_select;	/* row, or -1 */
	double			 select_due;		/* ms */
	uint64_t		 seen_conn, seen_list, seen_detail;
	int			 seen_queue;	/* the queue last shown */
	struct pane		*screens[2];	/* owned: screen.h's screens */
	struct pane		*overlay;	/* the screen open, or NULL */
	unsigned long long	 screen_seen;	/* its data generation shown */
};

enum ui_prompt_kind {
	UI_PROMPT_SEARCH,
	UI_PROMPT_LIMIT,
	UI_PROMPT_COMMAND,
	UI_PROMPT_ALERT,	/* an alert action's argument */
	UI_PROMPT_FORM,		/* a question of a casework form */
};

enum ui_form_kind {
	UI_FORM_CONTACT,
	UI_FORM_CLOSURE,
	UI_FORM_DECIDE,
	UI_FORM_ENQUIRY,
	UI_FORM_STATUS,
	UI_FORM_OPEN,
	UI_FORM_ASSIGN,
	UI_FORM_COUNT,
};

/* Paints the title and status bars (ui_screen.c draws over the body). */
void	ui_paint_bars(struct ui *);

/* Runs one action as if its key had been pressed. */
void	ui_run_action(struct ui *, enum action);

/* ui_cmd.c: the prompts and the : command line. */
void	ui_cmd_init(struct ui *);
void	ui_cmd_release(struct ui *);
void	ui_prompt_open(struct ui *, enum ui_prompt_kind);
void	ui_prompt_key(struct ui *, bool is_keycode, wint_t ch);
/* ui_form.c: the casework forms (c E C e s + A R u). */
void	ui_form_begin(struct ui *, enum ui_form_kind, bool tagged);
void	ui_form_begin_editor(struct ui *);
void	ui_form_begin_amend(struct ui *, const char *contact_id);
void	ui_form_answer(struct ui *, const char *text);
void	ui_form_typed(struct ui *);
void	ui_form_cancel(struct ui *);
void	ui_form_editor_key(struct ui *);
void	ui_form_editor(struct ui *);
void	ui_form_resume(struct ui *);
void	ui_form_undo(struct ui *);
void	ui_form_release(struct ui *);

/* ui_editor.c: $EDITOR on a text; 0 with *out (owned), or -1 with msg. */
int	ui_edit_text(struct ui *, const char *text, char **out, char *msg,
	    size_t msgsize);

/* ui_alert.c: the 'a' menu. */
void	ui_alert_begin(struct ui *, bool tagged);
void	ui_alert_menu_key(struct ui *, int key);
void	ui_alert_paint_menu(struct ui *);
void	ui_alert_argument(struct ui *, const char *text);
void	ui_alert_release(struct ui *);
int	ui_search(void *ui, const char *text);
int	ui_limit(void *ui, const char *pattern);
int	ui_save_queue(void *ui, const char *name);
const char *ui_limit_text(const struct ui *);
void	ui_set_focus(struct ui *, struct pane *);

/* The list cursor moved to row: fetch its detail once input pauses. */
void	ui_cursor_moved(struct ui *, long row, bool at_once);
/* Whether queue q is on this officer's bar and in the queue column. */
bool	ui_queue_shown(const struct ui *, int q);
/* Opens a queue in the list pane and moves the focus there. */
void	ui_open_queue(struct ui *, int queue);

#endif /* CME_UI_UI_PRIVATE_H */
