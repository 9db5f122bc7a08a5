/*
 * cmdline.h — the `:` command line: runs a typed line against the screen.
 *
 * The language (commands, parsing, completion) is cmdline_parse.h; this
 * is the part with state: the screen's callbacks and the completion list
 * handed to the prompt. No curses either, so tests drive it with fake
 * callbacks.
 *
 *	struct cmdline_ops ops = { .arg = ui, .action = ui_cmd_action, ... };
 *	ui->cmdline = cmdline_new(&ops);
 *	...prompt config: .complete = cmdline_complete_cb,
 *	                  .complete_arg = ui->cmdline
 *	...on PROMPT_ACCEPT:
 *	char *msg = NULL;
 *	int rc = cmdline_run(ui->cmdline, prompt_text(p), &msg);
 *	if (msg != NULL) show msg (an error when rc == -1), free(msg);
 */
#ifndef CME_UI_CMDLINE_H
#define CME_UI_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"

struct cmdline;

/*
 * The screen's side. arg is passed to every callback. Each returns 0 when
 * done, or -1 after reporting the failure itself (the status line); a
 * NULL callback makes its command answer "not available here". The name
 * callbacks return NULL-terminated arrays borrowed until the next call
 * (NULL: unknown, then names are neither checked nor completed).
 */
struct cmdline_ops {
	void	*arg;
	int	(*action)(void *, enum action);
	int	(*bind)(void *, int key, enum action);	/* NONE: unbind */
	int	(*save_queue)(void *, const char *name);
	int	(*open_queue)(void *, const char *name);
	int	(*sort)(void *, const char *column, bool desc);
	int	(*limit)(void *, const char *pattern);
	int	(*search)(void *, const char *text);
	int	(*theme)(void *, const char *name);
	const char *const *(*queue_names)(void *);
	const char *const *(*column_names)(void *);
};

/* ops is copied. */
struct cmdline	*cmdline_new(const struct cmdline_ops *);
void		 cmdline_free(struct cmdline *);
/*
 * Parses and runs line. Returns 0, or -1 when the line was refused or
 * its callback failed. *msg receives a message for the status line
 * (owned by the caller), or NULL: an error when -1 ("unknown command
 * 'sve' (did you mean save?)"), else news ("C-n: move-down, for this
 * session"; ":help sort" answers with the usage).
 */
int		 cmdline_run(struct cmdline *, const char *line, char **msg);
/*
 * The prompt's completion callback (prompt.h: prompt_complete_fn); arg is
 * the struct cmdline. The array is owned by the cmdline and valid until
 * the next call.
 */
const char *const *cmdline_complete_cb(void *arg, const char *text,
		     size_t cursor, size_t *word_start);

#endif /* CME_UI_CMDLINE_H */
