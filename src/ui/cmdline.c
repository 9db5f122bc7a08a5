/*
 * cmdline.c — running `:` commands through the screen's callbacks.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/cmdline.h"
#include "ui/cmdline_parse.h"
#include "ui/keymap.h"
#include "util/xmalloc.h"

struct cmdline {
	struct cmdline_ops	 ops;
	struct cmdline_cands	 cands;		/* the last completion */
};

static void	cmdline_names_get(struct cmdline *, struct cmdline_names *);
static int	cmdline_help(const struct cmdline_parsed *, char **);
static int	cmdline_missing(const char *, char **);

struct cmdline *
cmdline_new(const struct cmdline_ops *ops)
{
	struct cmdline	*cl;

	cl = xcalloc(1, sizeof *cl);
	cl->ops = *ops;
	return (cl);
}

void
cmdline_free(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	cmdline_cands_release(&cl->cands);
	free(cl);
}

static void
cmdline_names_get(struct cmdline *cl, struct cmdline_names *names)
{
	names->queues = cl->ops.queue_names != NULL ?
	    cl->ops.queue_names(cl->ops.arg) : NULL;
	names->columns = cl->ops.column_names != NULL ?
	    cl->ops.column_names(cl->ops.arg) : NULL;
}

static int
cmdline_missing(const char *what, char **msg)
{
	*msg = xasprintf("%s is not available here", what);
	return (-1);
}

/* ":help WORD": the usage of a command, or what an action does. */
static int
cmdline_help(const struct cmdline_parsed *p, char **msg)
{
	const struct cmdline_command	*t;
	size_t				 n, i;

	t = cmdline_commands(&n);
	for (i = 0; i < n; i++) {
		if (strcasecmp(t[i].name, p->arg) == 0) {
			*msg = xasprintf(":%s - %s", t[i].usage, t[i].help);
			return (0);
		}
	}
	*msg = xasprintf(":%s - %s", action_name(p->action),
	    action_help(p->action));
	return (0);
}

int
cmdline_run(struct cmdline *cl, const char *line, char **msg)
{
	const struct cmdline_ops	*o = &cl->ops;
	struct cmdline_names		 names;
	struct cmdline_parsed		 p;
	char				 key[16];
	int				 rc = -1;

	*msg = NULL;
	cmdline_names_get(cl, &names);
	if (cmdline_parse(line, &names, &p) != 0) {
		*msg = p.error;
		p.error = NULL;
		goto done;
	}
	switch (p.cmd) {
	case CMDLINE_EMPTY:
		rc = 0;
		break;
	case CMDLINE_ACTION:
		if (o->action == NULL)
			rc = cmdline_missing(action_name(p.action), msg);
		else
			rc = o->action(o->arg, p.action);
		break;
	case CMDLINE_HELP:
		rc = cmdline_help(&p, msg);
		break;
	case CMDLINE_SAVE:
		rc = o->save_queue == NULL ? cmdline_missing(":save", msg) :
		    o->save_queue(o->arg, p.arg);
		break;
	case CMDLINE_QUEUE:
		rc = o->open_queue == NULL ? cmdline_missing(":queue", msg) :
		    o->open_queue(o->arg, p.arg);
		break;
	case CMDLINE_SORT:
		rc = o->sort == NULL ? cmdline_missing(":sort", msg) :
		    o->sort(o->arg, p.arg, p.desc);
		break;
	case CMDLINE_LIMIT:
		rc = o->limit == NULL ? cmdline_missing(":limit", msg) :
		    o->limit(o->arg, p.arg);
		break;
	case CMDLINE_SEARCH:
		rc = o->search == NULL ? cmdline_missing(":search", msg) :
		    o->search(o->arg, p.arg);
		break;
	case CMDLINE_THEME:
		rc = o->theme == NULL ? cmdline_missing(":theme", msg) :
		    o->theme(o->arg, p.arg);
		break;
	case CMDLINE_BIND:
		if (o->bind == NULL) {
			rc = cmdline_missing(":bind", msg);
			break;
		}
		rc = o->bind(o->arg, p.key, p.action);
		if (rc == 0) {
			keymap_key_name(p.key, key, sizeof key);
			*msg = p.action == ACTION_NONE ?
			    xasprintf("%s: unbound, for this session", key) :
			    xasprintf("%s: %s, for this session", key,
			    action_name(p.action));
		}
		break;
	}
done:
	cmdline_parsed_release(&p);
	return (rc);
}

const char *const *
cmdline_complete_cb(void *arg, const char *text, size_t cursor,
    size_t *word_start)
{
	struct cmdline		*cl = arg;
	struct cmdline_names	 names;

	cmdline_names_get(cl, &names);
	cmdline_complete(text, cursor, &names, word_start, &cl->cands);
	return (cl->cands.n > 0 ? (const char *const *)cl->cands.v : NULL);
}
