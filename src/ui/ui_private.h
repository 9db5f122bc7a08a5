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
struct cmdline;
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
	struct alert_target	*alert_targets;	/* owned */
	size_t			 alert_ntargets;
	char			*contact_case;	/* owned: the case, while asking */
	char			*contact[4];	/* owned: the answers so far */
	int			 contact_step;
	char			*closure_case;	/* owned, while asking */
	char			*closure_version;
	char			*closure_first;	/* outcome, or y/n */
	int			 closure_step;
	bool			 closure_deciding; /* in Approvals */
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
	UI_PROMPT_CONTACT,	/* a question of the contact form */
	UI_PROMPT_CLOSURE,	/* a question of the closure form */
};

#define UI_CONTACT_STEPS	4	/* kind, with whom, outcome, note */

/* Paints the title and status bars (ui_screen.c draws over the body). */
void	ui_paint_bars(struct ui *);

/* Runs one action as if its key had been pressed. */
void	ui_run_action(struct ui *, enum action);

/* ui_cmd.c: the prompts and the : command line. */
void	ui_cmd_init(struct ui *);
void	ui_cmd_release(struct ui *);
void	ui_prompt_open(struct ui *, enum ui_prompt_kind);
void	ui_prompt_key(struct ui *, bool is_keycode, wint_t ch);
/* ui_contact.c: the 'c' form. */
void	ui_contact_begin(struct ui *);
void	ui_contact_answer(struct ui *, const char *text);
void	ui_contact_release(struct ui *);

/* ui_closure.c: the 'C' form. */
void	ui_closure_begin(struct ui *);
void	ui_closure_answer(struct ui *, const char *text);
void	ui_closure_release(struct ui *);

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
/* Opens a queue in the list pane and moves the focus there. */
void	ui_open_queue(struct ui *, int queue);

#endif /* CME_UI_UI_PRIVATE_H */
