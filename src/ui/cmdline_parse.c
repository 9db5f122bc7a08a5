/*
 * cmdline_parse.c — parsing, completing and correcting `:` command lines.
 *
 * No curses here (no curses header is included): only plain strings, so
 * the unit tests and the fuzzer call it without a terminal. Action and
 * key names come from keymap.h, whose header is curses-free too.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/cmdline_parse.h"
#include "ui/keymap.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

#define CMDLINE_QUOTE_MAX	40	/* bytes of a bad word quoted back */
#define CMDLINE_SUGGEST_MAX	64	/* longer words get no suggestion */

static const struct cmdline_command cmdline_table[] = {
	{ "help", CMDLINE_HELP, CMDLINE_ARG_COMMAND, "help [COMMAND]",
	  "show the keys, or what COMMAND does" },
	{ "save", CMDLINE_SAVE, CMDLINE_ARG_NAME, "save NAME",
	  "save the current limit as a named queue" },
	{ "queue", CMDLINE_QUEUE, CMDLINE_ARG_QUEUE, "queue NAME",
	  "open a queue by name" },
	{ "sort", CMDLINE_SORT, CMDLINE_ARG_COLUMN, "sort COLUMN [asc|desc]",
	  "sort the list by COLUMN" },
	{ "limit", CMDLINE_LIMIT, CMDLINE_ARG_TEXT, "limit [PATTERN]",
	  "show only rows matching PATTERN (none: ask for one)" },
	{ "search", CMDLINE_SEARCH, CMDLINE_ARG_TEXT, "search [TEXT]",
	  "find TEXT in the list (none: ask for it)" },
	{ "theme", CMDLINE_THEME, CMDLINE_ARG_THEME,
	  "theme default|light|monochrome", "switch the colour theme" },
	{ "bind", CMDLINE_BIND, CMDLINE_ARG_BIND, "bind KEY ACTION",
	  "bind KEY to ACTION for this session (none: unbind)" },
};
#define CMDLINE_TABLE_SIZE	(sizeof cmdline_table / sizeof cmdline_table[0])

/* Short forms of actions. */
static const struct {
	const char	*alias;
	enum action	 action;
} cmdline_aliases[] = {
	{ "q", ACTION_QUIT },
};

/* The ui.theme choices of settings.c. */
static const char *const cmdline_themes[] = {
	"default", "light", "monochrome", NULL
};
static const char *const cmdline_orders[] = { "asc", "desc", NULL };

static void	 cmdline_error(struct cmdline_parsed *, const char *, ...)
		     __attribute__((format(printf, 2, 3)));
static void	 cmdline_quote(struct sbuf *, const char *, size_t);
static void	 cmdline_cands_add(struct cmdline_cands *, const char *);

const struct cmdline_command *
cmdline_commands(size_t *n)
{
	*n = CMDLINE_TABLE_SIZE;
	return (cmdline_table);
}

static bool
cmdline_blank(char c)
{
	return (c == ' ' || c == '\t');
}

/* Skips blanks from pos; returns the new position. */
static size_t
cmdline_skip(const char *s, size_t pos, size_t len)
{
	while (pos < len && cmdline_blank(s[pos]))
		pos++;
	return (pos);
}

/* The end of the word starting at pos. */
static size_t
cmdline_word_end(const char *s, size_t pos, size_t len)
{
	while (pos < len && !cmdline_blank(s[pos]))
		pos++;
	return (pos);
}

/* Where the command word starts: after blanks and one ':'. */
static size_t
cmdline_start(const char *s, size_t len)
{
	size_t	pos = cmdline_skip(s, 0, len);

	if (pos < len && s[pos] == ':')
		pos = cmdline_skip(s, pos + 1, len);
	return (pos);
}

/* Appends 'word' (at most CMDLINE_QUOTE_MAX bytes, cut between UTF-8
 * characters) to sb. */
static void
cmdline_quote(struct sbuf *sb, const char *word, size_t len)
{
	size_t	n = len;

	if (n > CMDLINE_QUOTE_MAX) {
		n = CMDLINE_QUOTE_MAX;
		while (n > 0 && ((unsigned char)word[n] & 0xc0) == 0x80)
			n--;
	}
	sbuf_append_char(sb, '\'');
	sbuf_append(sb, word, n);
	if (n < len)
		sbuf_append_str(sb, "...");
	sbuf_append_char(sb, '\'');
}

static void
cmdline_error(struct cmdline_parsed *out, const char *fmt, ...)
{
	va_list	ap;

	free(out->error);
	va_start(ap, fmt);
	out->error = xvasprintf(fmt, ap);
	va_end(ap);
}

/* "unknown WHAT 'word' (did you mean NEAR?)", or "(HINT)" after it when
 * there is no NEAR and a HINT. */
static void
cmdline_bad(struct cmdline_parsed *out, const char *what, const char *word,
    size_t len, const char *near, const char *hint)
{
	struct sbuf	 sb = SBUF_INIT;

	sbuf_appendf(&sb, "unknown %s ", what);
	cmdline_quote(&sb, word, len);
	if (near != NULL)
		sbuf_appendf(&sb, " (did you mean %s?)", near);
	else if (hint != NULL)
		sbuf_appendf(&sb, " (%s)", hint);
	free(out->error);
	out->error = sbuf_detach(&sb, NULL);
}

/* cmdline_bad() with a suggestion from cands, or (list) their list. */
static void
cmdline_unknown(struct cmdline_parsed *out, const char *what,
    const char *word, size_t len, const char *const *cands, size_t n,
    bool list)
{
	struct sbuf	 sb = SBUF_INIT;
	char		*w;
	size_t		 i;

	if (list && n > 0) {
		sbuf_append_str(&sb, "one of ");
		for (i = 0; i < n && sb.len < 160; i++)
			sbuf_appendf(&sb, "%s%s", i > 0 ? ", " : "", cands[i]);
		if (i < n)
			sbuf_append_str(&sb, ", ...");
	}
	w = xstrndup(word, len);
	cmdline_bad(out, what, word, len, cmdline_suggest(w, cands, n),
	    list && n > 0 ? sb.buf : NULL);
	free(w);
	sbuf_release(&sb);
}

/* The number of strings in a NULL-terminated array (NULL: 0). */
static size_t
cmdline_count(const char *const *v)
{
	size_t	n = 0;

	while (v != NULL && v[n] != NULL)
		n++;
	return (n);
}

/* The entry of v equal to word[0..len) in any case, or NULL. */
static const char *
cmdline_find(const char *const *v, const char *word, size_t len)
{
	size_t	i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		if (strlen(v[i]) == len && strncasecmp(v[i], word, len) == 0)
			return (v[i]);
	return (NULL);
}

/* The command word: a command of the table, or NULL. */
static const struct cmdline_command *
cmdline_lookup(const char *word, size_t len)
{
	size_t	i;

	for (i = 0; i < CMDLINE_TABLE_SIZE; i++)
		if (strlen(cmdline_table[i].name) == len &&
		    strncasecmp(cmdline_table[i].name, word, len) == 0)
			return (&cmdline_table[i]);
	return (NULL);
}

/* An alias or action name; false if the word is neither. */
static bool
cmdline_lookup_action(const char *word, size_t len, enum action *a)
{
	char	*w;
	bool	 ok;
	size_t	 i;

	for (i = 0; i < sizeof cmdline_aliases / sizeof cmdline_aliases[0];
	    i++) {
		if (strlen(cmdline_aliases[i].alias) == len &&
		    strncasecmp(cmdline_aliases[i].alias, word, len) == 0) {
			*a = cmdline_aliases[i].action;
			return (true);
		}
	}
	w = xstrndup(word, len);
	ok = keymap_parse_action(w, a) && *a != ACTION_NONE;
	free(w);
	return (ok);
}

/* Every command word, for suggestions and completion (borrowed). */
static void
cmdline_all_words(struct cmdline_cands *c)
{
	size_t	i;

	for (i = 0; i < CMDLINE_TABLE_SIZE; i++)
		cmdline_cands_add(c, cmdline_table[i].name);
	for (i = 1; i < ACTION_COUNT; i++)
		cmdline_cands_add(c, action_name((enum action)i));
}

/* The words of an argument: at most max, each [start, end). */
struct cmdline_words {
	size_t	 start[3], end[3];
	size_t	 n;		/* words found, capped at 3 */
};

static void
cmdline_split(const char *s, size_t pos, size_t len, struct cmdline_words *w)
{
	w->n = 0;
	pos = cmdline_skip(s, pos, len);
	while (pos < len && w->n < 3) {
		w->start[w->n] = pos;
		pos = cmdline_word_end(s, pos, len);
		w->end[w->n++] = pos;
		pos = cmdline_skip(s, pos, len);
	}
}

/* The rest of the line from pos, without blanks at either end. */
static char *
cmdline_rest(const char *s, size_t pos, size_t len)
{
	pos = cmdline_skip(s, pos, len);
	while (len > pos && cmdline_blank(s[len - 1]))
		len--;
	return (xstrndup(s + pos, len - pos));
}

static int
cmdline_parse_sort(const char *s, size_t pos, size_t len,
    const struct cmdline_names *names, struct cmdline_parsed *out)
{
	struct cmdline_words	 w;
	const char		*col, *ord;

	cmdline_split(s, pos, len, &w);
	if (w.n < 1 || w.n > 2) {
		cmdline_error(out, "usage: sort COLUMN [asc|desc]");
		return (-1);
	}
	if (names != NULL && names->columns != NULL) {
		col = cmdline_find(names->columns, s + w.start[0],
		    w.end[0] - w.start[0]);
		if (col == NULL) {
			cmdline_unknown(out, "column", s + w.start[0],
			    w.end[0] - w.start[0], names->columns,
			    cmdline_count(names->columns), true);
			return (-1);
		}
		out->arg = xstrdup(col);
	} else
		out->arg = xstrndup(s + w.start[0], w.end[0] - w.start[0]);
	if (w.n == 2) {
		ord = cmdline_find(cmdline_orders, s + w.start[1],
		    w.end[1] - w.start[1]);
		if (ord == NULL) {
			cmdline_error(out, "sort: the order is asc or desc");
			return (-1);
		}
		out->desc = strcmp(ord, "desc") == 0;
	}
	return (0);
}

static int
cmdline_parse_bind(const char *s, size_t pos, size_t len,
    struct cmdline_parsed *out)
{
	struct cmdline_words	 w;
	char			*word;
	int			 rc = -1;

	cmdline_split(s, pos, len, &w);
	if (w.n != 2) {
		cmdline_error(out, "usage: bind KEY ACTION (ACTION none "
		    "unbinds KEY)");
		return (-1);
	}
	word = xstrndup(s + w.start[0], w.end[0] - w.start[0]);
	if ((out->key = keymap_parse_key(word)) < 0) {
		cmdline_bad(out, "key", word, strlen(word),
		    keymap_suggest_key(word),
		    "keys are written j, C-n, PageDown, F5...");
		goto fail;
	}
	free(word);
	word = xstrndup(s + w.start[1], w.end[1] - w.start[1]);
	if (!keymap_parse_action(word, &out->action)) {
		cmdline_bad(out, "action", word, strlen(word),
		    keymap_suggest_action(word), "see :help");
		goto fail;
	}
	rc = 0;
fail:
	free(word);
	return (rc);
}

/* Checks a queue NAME against the known queues; copies it into arg. */
static int
cmdline_parse_queue(const char *s, size_t pos, size_t len,
    const struct cmdline_names *names, struct cmdline_parsed *out)
{
	const char	*q;
	char		*name;

	name = cmdline_rest(s, pos, len);
	if (*name == '\0') {
		free(name);
		cmdline_error(out, "usage: queue NAME");
		return (-1);
	}
	if (names != NULL && names->queues != NULL) {
		q = cmdline_find(names->queues, name, strlen(name));
		if (q == NULL) {
			cmdline_unknown(out, "queue", name, strlen(name),
			    names->queues, cmdline_count(names->queues),
			    false);
			free(name);
			return (-1);
		}
		free(name);
		name = xstrdup(q);
	}
	out->arg = name;
	return (0);
}

/* A new queue's name: 1 to CMDLINE_MAX_NAME bytes, no control bytes. */
static int
cmdline_parse_name(const char *s, size_t pos, size_t len,
    struct cmdline_parsed *out)
{
	char	*name;
	size_t	 i, n;

	name = cmdline_rest(s, pos, len);
	n = strlen(name);
	if (n == 0) {
		cmdline_error(out, "usage: save NAME");
		goto fail;
	}
	if (n > CMDLINE_MAX_NAME) {
		cmdline_error(out, "save: a name has at most %d bytes",
		    CMDLINE_MAX_NAME);
		goto fail;
	}
	for (i = 0; i < n; i++) {
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f) {
			cmdline_error(out, "save: the name has a control "
			    "character");
			goto fail;
		}
	}
	out->arg = name;
	return (0);
fail:
	free(name);
	return (-1);
}

int
cmdline_parse(const char *line, const struct cmdline_names *names,
    struct cmdline_parsed *out)
{
	const struct cmdline_command	*c;
	struct cmdline_cands		 all = { NULL, 0, 0 };
	struct cmdline_words		 w;
	size_t				 len, pos, end;

	memset(out, 0, sizeof *out);
	out->cmd = CMDLINE_EMPTY;
	out->action = ACTION_NONE;
	out->key = -1;
	len = strlen(line);
	pos = cmdline_start(line, len);
	if (pos >= len)
		return (0);
	end = cmdline_word_end(line, pos, len);
	if ((c = cmdline_lookup(line + pos, end - pos)) == NULL) {
		if (!cmdline_lookup_action(line + pos, end - pos,
		    &out->action)) {
			cmdline_all_words(&all);
			cmdline_unknown(out, "command", line + pos, end - pos,
			    all.v, all.n, false);
			cmdline_cands_release(&all);
			return (-1);
		}
		out->cmd = CMDLINE_ACTION;
		if (cmdline_skip(line, end, len) < len) {
			cmdline_error(out, "%s takes no argument",
			    action_name(out->action));
			return (-1);
		}
		return (0);
	}
	out->cmd = c->cmd;
	switch (c->arg) {
	case CMDLINE_ARG_TEXT:
		out->arg = cmdline_rest(line, end, len);
		if (*out->arg == '\0') {
			/* No text: ask for it, as the key does. */
			free(out->arg);
			out->arg = NULL;
			out->cmd = CMDLINE_ACTION;
			out->action = c->cmd == CMDLINE_LIMIT ? ACTION_LIMIT :
			    ACTION_SEARCH;
		}
		return (0);
	case CMDLINE_ARG_NAME:
		return (cmdline_parse_name(line, end, len, out));
	case CMDLINE_ARG_QUEUE:
		return (cmdline_parse_queue(line, end, len, names, out));
	case CMDLINE_ARG_COLUMN:
		return (cmdline_parse_sort(line, end, len, names, out));
	case CMDLINE_ARG_THEME:
		cmdline_split(line, end, len, &w);
		if (w.n != 1) {
			cmdline_error(out, "usage: %s", c->usage);
			return (-1);
		}
		if (cmdline_find(cmdline_themes, line + w.start[0],
		    w.end[0] - w.start[0]) == NULL) {
			cmdline_unknown(out, "theme", line + w.start[0],
			    w.end[0] - w.start[0], cmdline_themes,
			    cmdline_count(cmdline_themes), true);
			return (-1);
		}
		out->arg = xstrdup(cmdline_find(cmdline_themes,
		    line + w.start[0], w.end[0] - w.start[0]));
		return (0);
	case CMDLINE_ARG_BIND:
		return (cmdline_parse_bind(line, end, len, out));
	case CMDLINE_ARG_COMMAND:
		cmdline_split(line, end, len, &w);
		if (w.n == 0) {
			out->cmd = CMDLINE_ACTION;
			out->action = ACTION_HELP;
			return (0);
		}
		if (w.n > 1) {
			cmdline_error(out, "usage: %s", c->usage);
			return (-1);
		}
		if (cmdline_lookup(line + w.start[0], w.end[0] - w.start[0])
		    == NULL && !cmdline_lookup_action(line + w.start[0],
		    w.end[0] - w.start[0], &out->action)) {
			cmdline_all_words(&all);
			cmdline_unknown(out, "command", line + w.start[0],
			    w.end[0] - w.start[0], all.v, all.n, false);
			cmdline_cands_release(&all);
			return (-1);
		}
		out->arg = xstrndup(line + w.start[0], w.end[0] - w.start[0]);
		return (0);
	case CMDLINE_ARG_NONE:
		break;
	}
	return (0);
}

void
cmdline_parsed_release(struct cmdline_parsed *p)
{
	free(p->arg);
	free(p->error);
	p->arg = NULL;
	p->error = NULL;
}

/* --- completion ------------------------------------------------------ */

static void
cmdline_cands_add(struct cmdline_cands *c, const char *s)
{
	if (c->n + 2 > c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = s;
	c->v[c->n] = NULL;
}

/* Adds the entries of v that start with prefix[0..len), any case. */
static void
cmdline_cands_match(struct cmdline_cands *c, const char *const *v,
    const char *prefix, size_t len)
{
	size_t	i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		if (strncasecmp(v[i], prefix, len) == 0)
			cmdline_cands_add(c, v[i]);
}

static int
cmdline_cands_cmp(const void *a, const void *b)
{
	const char *const	*x = a, *const *y = b;
	int			 r;

	r = strcasecmp(*x, *y);
	return (r != 0 ? r : strcmp(*x, *y));
}

/* Sorts and drops duplicates. */
static void
cmdline_cands_finish(struct cmdline_cands *c)
{
	size_t	i, j;

	if (c->n == 0)
		return;
	qsort(c->v, c->n, sizeof *c->v, cmdline_cands_cmp);
	for (i = 1, j = 1; i < c->n; i++)
		if (strcmp(c->v[i], c->v[j - 1]) != 0)
			c->v[j++] = c->v[i];
	c->n = j;
	c->v[c->n] = NULL;
}

void
cmdline_cands_release(struct cmdline_cands *c)
{
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}

/* Command words: the table and the actions. */
static void
cmdline_complete_command(struct cmdline_cands *c, const char *prefix,
    size_t len)
{
	size_t	i;

	for (i = 0; i < CMDLINE_TABLE_SIZE; i++)
		if (strncasecmp(cmdline_table[i].name, prefix, len) == 0)
			cmdline_cands_add(c, cmdline_table[i].name);
	for (i = 1; i < ACTION_COUNT; i++)
		if (strncasecmp(action_name((enum action)i), prefix, len) == 0)
			cmdline_cands_add(c, action_name((enum action)i));
}

static void
cmdline_complete_key(struct cmdline_cands *c, const char *prefix, size_t len)
{
	const char	*name;
	size_t		 i;

	for (i = 0; (name = keymap_key_name_at(i)) != NULL; i++)
		if (strncasecmp(name, prefix, len) == 0)
			cmdline_cands_add(c, name);
}

static void
cmdline_complete_action(struct cmdline_cands *c, const char *prefix,
    size_t len)
{
	size_t	i;

	for (i = 0; i < ACTION_COUNT; i++)	/* with "none" */
		if (strncasecmp(action_name((enum action)i), prefix, len) == 0)
			cmdline_cands_add(c, action_name((enum action)i));
}

size_t
cmdline_complete(const char *line, size_t cursor,
    const struct cmdline_names *names, size_t *word_start,
    struct cmdline_cands *out)
{
	const struct cmdline_command	*c;
	struct cmdline_words		 w;
	size_t				 pos, end, ws, argi;

	out->n = 0;
	if (out->v != NULL)
		out->v[0] = NULL;
	if (cursor > strlen(line))
		cursor = strlen(line);
	*word_start = cursor;
	/* Only the text before the cursor counts. */
	pos = cmdline_start(line, cursor);
	end = cmdline_word_end(line, pos, cursor);
	if (end >= cursor) {
		/* In the command word (or before it). */
		*word_start = pos <= cursor ? pos : cursor;
		cmdline_complete_command(out, line + *word_start,
		    cursor - *word_start);
		cmdline_cands_finish(out);
		return (out->n);
	}
	if ((c = cmdline_lookup(line + pos, end - pos)) == NULL)
		return (0);	/* an action: no arguments */

	/* The word under the cursor starts after the last blank. */
	ws = cursor;
	while (ws > end && !cmdline_blank(line[ws - 1]))
		ws--;
	cmdline_split(line, end, ws, &w);
	argi = w.n;		/* complete words before this one */
	*word_start = ws;
	switch (c->arg) {
	case CMDLINE_ARG_QUEUE:
		/* A queue's name may hold blanks: it is all the rest. */
		*word_start = cmdline_skip(line, end, cursor);
		if (names != NULL)
			cmdline_cands_match(out, names->queues,
			    line + *word_start, cursor - *word_start);
		break;
	case CMDLINE_ARG_COLUMN:
		if (argi == 0 && names != NULL)
			cmdline_cands_match(out, names->columns, line + ws,
			    cursor - ws);
		else if (argi == 1)
			cmdline_cands_match(out, cmdline_orders, line + ws,
			    cursor - ws);
		break;
	case CMDLINE_ARG_THEME:
		if (argi == 0)
			cmdline_cands_match(out, cmdline_themes, line + ws,
			    cursor - ws);
		break;
	case CMDLINE_ARG_BIND:
		if (argi == 0)
			cmdline_complete_key(out, line + ws, cursor - ws);
		else if (argi == 1)
			cmdline_complete_action(out, line + ws, cursor - ws);
		break;
	case CMDLINE_ARG_COMMAND:
		if (argi == 0)
			cmdline_complete_command(out, line + ws, cursor - ws);
		break;
	case CMDLINE_ARG_NONE:
	case CMDLINE_ARG_TEXT:
	case CMDLINE_ARG_NAME:
		break;
	}
	cmdline_cands_finish(out);
	return (out->n);
}

/* --- suggestions ----------------------------------------------------- */

static int
cmdline_lower(int c)
{
	return (c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
}

static int
cmdline_min3(int a, int b, int c)
{
	int	m = a < b ? a : b;

	return (m < c ? m : c);
}

/*
 * Optimal string alignment distance between a and b (any case), or
 * limit + 1 once it is sure to exceed limit. Both at most
 * CMDLINE_SUGGEST_MAX bytes.
 */
static int
cmdline_distance(const char *a, size_t la, const char *b, size_t lb,
    int limit)
{
	int	d[CMDLINE_SUGGEST_MAX + 1][CMDLINE_SUGGEST_MAX + 1];
	int	cost, row_min;
	size_t	i, j;

	if ((la > lb ? la - lb : lb - la) > (size_t)limit)
		return (limit + 1);
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++) {
		row_min = d[i][0];
		for (j = 1; j <= lb; j++) {
			cost = cmdline_lower((unsigned char)a[i - 1]) !=
			    cmdline_lower((unsigned char)b[j - 1]);
			d[i][j] = cmdline_min3(d[i - 1][j] + 1,
			    d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 &&
			    cmdline_lower((unsigned char)a[i - 1]) ==
			    cmdline_lower((unsigned char)b[j - 2]) &&
			    cmdline_lower((unsigned char)a[i - 2]) ==
			    cmdline_lower((unsigned char)b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
			if (d[i][j] < row_min)
				row_min = d[i][j];
		}
		if (row_min > limit)
			return (limit + 1);
	}
	return (d[la][lb]);
}

/* Bytes a and b share at the start, any case. */
static size_t
cmdline_shared(const char *a, const char *b)
{
	size_t	n = 0;

	while (a[n] != '\0' && cmdline_lower((unsigned char)a[n]) ==
	    cmdline_lower((unsigned char)b[n]))
		n++;
	return (n);
}

const char *
cmdline_suggest(const char *word, const char *const *cands, size_t n)
{
	const char	*best = NULL, *prefix = NULL;
	size_t		 len, clen, i;
	int		 limit, d, best_d;

	if (word == NULL || cands == NULL)
		return (NULL);
	len = strlen(word);
	if (len == 0 || len > CMDLINE_SUGGEST_MAX)
		return (NULL);
	limit = len <= 3 ? 1 : len <= 7 ? 2 : 3;
	if (limit >= (int)len)
		limit = (int)len - 1;
	best_d = limit + 1;
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL || *cands[i] == '\0')
			continue;
		clen = strlen(cands[i]);
		if (clen <= CMDLINE_SUGGEST_MAX) {
			d = cmdline_distance(word, len, cands[i], clen,
			    limit);
			/* Ties go to the one sharing a longer start. */
			if (d < best_d || (d == best_d && best != NULL &&
			    cmdline_shared(word, cands[i]) >
			    cmdline_shared(word, best))) {
				best_d = d;
				best = cands[i];
			}
		}
		if (len >= 2 && clen > len &&
		    strncasecmp(cands[i], word, len) == 0 &&
		    (prefix == NULL || clen < strlen(prefix)))
			prefix = cands[i];
	}
	return (best != NULL ? best : prefix);
}
