/*
 * test_cmdline.c — the `:` command line: parsing every command, the
 * errors and their suggestions, completion of command, key, action,
 * column and queue names, and running lines through fake screen
 * callbacks. No terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/cmdline.h"
#include "ui/cmdline_parse.h"
#include "ui/keymap.h"
#include "unit.h"

static const char *const queues[] = {
	"My open cases", "Missing 10 days", "Unallocated", NULL
};
static const char *const columns[] = {
	"name", "upn", "status", "days", NULL
};
static const struct cmdline_names names = { queues, columns };

/* What the fake screen was asked to do. */
static struct {
	char		 log[256];
	int		 fail;
} screen;

static void
logf_(const char *fmt, const char *a, const char *b)
{
	snprintf(screen.log, sizeof screen.log, fmt, a, b);
}

static int
f_action(void *arg, enum action a)
{
	(void)arg;
	logf_("action %s%s", action_name(a), "");
	return (screen.fail ? -1 : 0);
}

static int
f_bind(void *arg, int key, enum action a)
{
	char	k[16];

	(void)arg;
	keymap_key_name(key, k, sizeof k);
	logf_("bind %s %s", k, action_name(a));
	return (0);
}

static int
f_save(void *arg, const char *name)
{
	(void)arg;
	logf_("save [%s]%s", name, "");
	return (0);
}

static int
f_open(void *arg, const char *name)
{
	(void)arg;
	logf_("queue [%s]%s", name, "");
	return (0);
}

static int
f_sort(void *arg, const char *col, bool desc)
{
	(void)arg;
	logf_("sort %s %s", col, desc ? "desc" : "asc");
	return (0);
}

static int
f_limit(void *arg, const char *pattern)
{
	(void)arg;
	logf_("limit [%s]%s", pattern, "");
	return (0);
}

static int
f_search(void *arg, const char *text)
{
	(void)arg;
	logf_("search [%s]%s", text, "");
	return (0);
}

static int
f_theme(void *arg, const char *name)
{
	(void)arg;
	logf_("theme %s%s", name, "");
	return (0);
}

static const char *const *
f_queues(void *arg)
{
	(void)arg;
	return (queues);
}

static const char *const *
f_columns(void *arg)
{
	(void)arg;
	return (columns);
}

/* Parses line; returns the error or "" (static buffer). */
static const char *
parse_err(const char *line)
{
	static char		 buf[256];
	struct cmdline_parsed	 p;

	buf[0] = '\0';
	if (cmdline_parse(line, &names, &p) != 0)
		snprintf(buf, sizeof buf, "%s", p.error);
	cmdline_parsed_release(&p);
	return (buf);
}

/* Completes at the end of line; returns the candidates joined by ' ' and
 * the word start. */
static const char *
comp(const char *line, size_t *ws)
{
	static char		 buf[1024];
	struct cmdline_cands	 c = { NULL, 0, 0 };
	size_t			 i, used = 0, start;

	cmdline_complete(line, strlen(line), &names, &start, &c);
	buf[0] = '\0';
	for (i = 0; i < c.n && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
		    i ? " " : "", c.v[i]);
	if (c.n > 0 && c.v[c.n] != NULL)
		snprintf(buf, sizeof buf, "not NULL-terminated");
	cmdline_cands_release(&c);
	if (ws != NULL)
		*ws = start;
	return (buf);
}

static void
test_parse(void)
{
	struct cmdline_parsed	p;

	UNIT_INT_EQ(cmdline_parse("", &names, &p), 0, "empty line parses");
	UNIT_INT_EQ(p.cmd, CMDLINE_EMPTY, "... to nothing");
	cmdline_parsed_release(&p);
	cmdline_parse("   :  ", NULL, &p);
	UNIT_INT_EQ(p.cmd, CMDLINE_EMPTY, "blanks and a colon: nothing");
	cmdline_parsed_release(&p);

	cmdline_parse("q", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_ACTION && p.action == ACTION_QUIT,
	    ":q quits");
	cmdline_parsed_release(&p);
	cmdline_parse(":quit", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_ACTION && p.action == ACTION_QUIT,
	    "::quit (a typed colon is skipped)");
	cmdline_parsed_release(&p);
	cmdline_parse("  tab-attendance ", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_ACTION &&
	    p.action == ACTION_TAB_ATTENDANCE, "an action by its name");
	cmdline_parsed_release(&p);
	cmdline_parse("Move-Down", &names, &p);
	UNIT_CHECK(p.action == ACTION_MOVE_DOWN, "names in any case");
	cmdline_parsed_release(&p);
	cmdline_parse("redraw", &names, &p);
	UNIT_CHECK(p.action == ACTION_REDRAW, ":redraw");
	cmdline_parsed_release(&p);
	cmdline_parse("help", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_ACTION && p.action == ACTION_HELP,
	    ":help alone is the help screen");
	cmdline_parsed_release(&p);
	cmdline_parse("help sort", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_HELP && strcmp(p.arg, "sort") == 0,
	    ":help sort asks about sort");
	cmdline_parsed_release(&p);

	cmdline_parse("save  Missing, no contact 10 days  ", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_SAVE &&
	    strcmp(p.arg, "Missing, no contact 10 days") == 0,
	    ":save NAME takes the rest of the line, trimmed");
	cmdline_parsed_release(&p);
	cmdline_parse("queue my open CASES", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_QUEUE &&
	    strcmp(p.arg, "My open cases") == 0,
	    ":queue matches in any case and gives the queue's spelling");
	cmdline_parsed_release(&p);
	cmdline_parse("queue Whatever", NULL, &p);
	UNIT_CHECK(p.cmd == CMDLINE_QUEUE && strcmp(p.arg, "Whatever") == 0,
	    "queues unknown: any name passes");
	cmdline_parsed_release(&p);

	cmdline_parse("sort days desc", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_SORT && strcmp(p.arg, "days") == 0 &&
	    p.desc, ":sort days desc");
	cmdline_parsed_release(&p);
	cmdline_parse("sort NAME", &names, &p);
	UNIT_CHECK(strcmp(p.arg, "name") == 0 && !p.desc,
	    ":sort NAME: ascending, the column's spelling");
	cmdline_parsed_release(&p);
	cmdline_parse("sort name ASC", &names, &p);
	UNIT_CHECK(!p.desc, ":sort name ASC");
	cmdline_parsed_release(&p);

	cmdline_parse("limit  ~s open ~d>10 ", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_LIMIT && strcmp(p.arg, "~s open ~d>10")
	    == 0, ":limit PATTERN, blanks inside kept");
	cmdline_parsed_release(&p);
	cmdline_parse("limit", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_ACTION && p.action == ACTION_LIMIT,
	    ":limit alone asks, as l does");
	cmdline_parsed_release(&p);
	cmdline_parse("search Zo\xc3\xab Kowal", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_SEARCH &&
	    strcmp(p.arg, "Zo\xc3\xab Kowal") == 0, ":search TEXT");
	cmdline_parsed_release(&p);
	cmdline_parse("search", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_ACTION && p.action == ACTION_SEARCH,
	    ":search alone asks, as / does");
	cmdline_parsed_release(&p);
	cmdline_parse("theme Light", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_THEME && strcmp(p.arg, "light") == 0,
	    ":theme light");
	cmdline_parsed_release(&p);

	cmdline_parse("bind C-n move-down", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_BIND && p.key == 14 &&
	    p.action == ACTION_MOVE_DOWN, ":bind C-n move-down");
	cmdline_parsed_release(&p);
	cmdline_parse("bind x none", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_BIND && p.key == 'x' &&
	    p.action == ACTION_NONE, ":bind x none unbinds");
	cmdline_parsed_release(&p);
	cmdline_parse("bind \xc3\xb6 tab-next", &names, &p);
	UNIT_CHECK(p.cmd == CMDLINE_BIND && p.key == (KEYMAP_CHAR | 0xf6),
	    ":bind a non-ASCII key");
	cmdline_parsed_release(&p);
}

static void
test_errors(void)
{
	UNIT_STR_EQ(parse_err("sve"),
	    "unknown command 'sve' (did you mean save?)",
	    "unknown command with a suggestion");
	UNIT_STR_EQ(parse_err("mvoe-down"),
	    "unknown command 'mvoe-down' (did you mean move-down?)",
	    "swapped letters suggested");
	UNIT_STR_EQ(parse_err("tab-att"),
	    "unknown command 'tab-att' (did you mean tab-attendance?)",
	    "a prefix suggests the command");
	UNIT_STR_EQ(parse_err("xyzzy"), "unknown command 'xyzzy'",
	    "nothing near: no suggestion");
	UNIT_STR_EQ(parse_err("move-down 3"), "move-down takes no argument",
	    "actions take no argument");
	UNIT_STR_EQ(parse_err("save"), "usage: save NAME", "save needs NAME");
	UNIT_STR_EQ(parse_err("save a\tb"),
	    "save: the name has a control character",
	    "no control characters in names");
	UNIT_STR_EQ(parse_err("save "
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaa"),
	    "save: a name has at most 64 bytes", "names are bounded");
	UNIT_STR_EQ(parse_err("queue Missng 10 days"),
	    "unknown queue 'Missng 10 days' (did you mean Missing 10 days?)",
	    "unknown queue with a suggestion");
	UNIT_STR_EQ(parse_err("queue"), "usage: queue NAME",
	    "queue needs NAME");
	UNIT_STR_EQ(parse_err("sort nmae"),
	    "unknown column 'nmae' (did you mean name?)",
	    "unknown column with a suggestion");
	UNIT_STR_EQ(parse_err("sort zzz"),
	    "unknown column 'zzz' (one of name, upn, status, days)",
	    "unknown column lists the columns");
	UNIT_STR_EQ(parse_err("sort name down"),
	    "sort: the order is asc or desc", "bad order");
	UNIT_STR_EQ(parse_err("sort a b c"), "usage: sort COLUMN [asc|desc]",
	    "too many words");
	UNIT_STR_EQ(parse_err("theme dark"),
	    "unknown theme 'dark' (one of default, light, monochrome)",
	    "unknown theme lists the themes");
	UNIT_STR_EQ(parse_err("bind C-n move-dwn"),
	    "unknown action 'move-dwn' (did you mean move-down?)",
	    "bind: unknown action");
	UNIT_STR_EQ(parse_err("bind PgDown page-down"),
	    "unknown key 'PgDown' (did you mean PageDown?)",
	    "bind: unknown key, the canonical name suggested");
	UNIT_STR_EQ(parse_err("bind Ctrl-x quit"),
	    "unknown key 'Ctrl-x' (did you mean C-x?)",
	    "bind: other programs' control-key spelling");
	UNIT_STR_EQ(parse_err("bind j"),
	    "usage: bind KEY ACTION (ACTION none unbinds KEY)",
	    "bind needs two words");
	UNIT_STR_EQ(parse_err("help nothing-like-it"),
	    "unknown command 'nothing-like-it'", ":help unknown");
	UNIT_STR_EQ(parse_err("\x1b[2J"), "unknown command '\x1b[2J'",
	    "the word is quoted as typed (the status line sanitises it)");
	UNIT_STR_EQ(parse_err("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),
	    "unknown command '\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9...'",
	    "a long word is cut between characters");
}

static void
test_complete(void)
{
	size_t	ws;

	UNIT_STR_EQ(comp("tab-", &ws), "tab-alerts tab-attendance "
	    "tab-enquiries tab-family tab-next tab-prev tab-summary "
	    "tab-timeline", "action names, sorted");
	UNIT_INT_EQ(ws, 0, "... replacing from the start");
	UNIT_STR_EQ(comp("sea", NULL), "search",
	    "search is a command and an action: listed once");
	UNIT_STR_EQ(comp("  :tab-a", &ws), "tab-alerts tab-attendance",
	    "action names after blanks and a colon");
	UNIT_INT_EQ(ws, 3, "... the word starts after them");
	UNIT_STR_EQ(comp("SE", NULL), "search", "any case");
	UNIT_STR_EQ(comp("sort ", &ws), "days name status upn",
	    "sort: the list's columns");
	UNIT_INT_EQ(ws, 5, "... at the cursor");
	UNIT_STR_EQ(comp("sort n", NULL), "name", "sort: column prefix");
	UNIT_STR_EQ(comp("sort name d", NULL), "desc", "sort: the order");
	UNIT_STR_EQ(comp("sort name desc x", NULL), "", "sort: nothing more");
	UNIT_STR_EQ(comp("queue mi", &ws), "Missing 10 days",
	    "queue names in any case");
	UNIT_STR_EQ(comp("queue My open c", &ws), "My open cases",
	    "a queue name with blanks");
	UNIT_INT_EQ(ws, 6, "... is completed as one word");
	UNIT_STR_EQ(comp("theme ", NULL), "default light monochrome",
	    "themes");
	UNIT_STR_EQ(comp("bind Page", NULL), "PageDown PageUp", "key names");
	UNIT_STR_EQ(comp("bind j mo", NULL), "move-down move-up",
	    "action names");
	UNIT_STR_EQ(comp("bind j n", NULL), "next-pane none",
	    "none is an action for bind");
	UNIT_STR_EQ(comp("help sa", NULL), "save", "help: command names");
	UNIT_STR_EQ(comp("search sa", NULL), "", "free text: nothing");
	UNIT_STR_EQ(comp("move-down ", NULL), "", "actions: no arguments");
	UNIT_STR_EQ(comp("nonsense ", NULL), "", "unknown command: nothing");
	UNIT_CHECK(strlen(comp("", NULL)) > 100, "empty line: every command");

	/* The cursor in the middle: only the text before it counts. */
	{
		struct cmdline_cands	c = { NULL, 0, 0 };

		cmdline_complete("sort na desc", 7, &names, &ws, &c);
		UNIT_CHECK(c.n == 1 && strcmp(c.v[0], "name") == 0 && ws == 5,
		    "completes the word before a mid-line cursor");
		cmdline_complete("so", 99, &names, &ws, &c);
		UNIT_CHECK(c.n == 3 && ws == 0, "a cursor past the end is "
		    "the end");
		cmdline_cands_release(&c);
	}
}

static void
test_suggest(void)
{
	static const char *const c[] = { "save", "sort", "search", "quit" };

	UNIT_STR_EQ(cmdline_suggest("sve", c, 4), "save", "deletion");
	UNIT_STR_EQ(cmdline_suggest("SORT", c, 4), "sort", "case");
	UNIT_STR_EQ(cmdline_suggest("srot", c, 4), "sort", "swap");
	UNIT_STR_EQ(cmdline_suggest("sear", c, 4), "search", "prefix");
	UNIT_CHECK(cmdline_suggest("x", c, 4) == NULL, "one letter: none");
	UNIT_CHECK(cmdline_suggest("", c, 4) == NULL, "empty: none");
	UNIT_CHECK(cmdline_suggest("zzzzzz", c, 4) == NULL, "far: none");
}

static void
test_run(void)
{
	struct cmdline_ops	 ops = {
		.arg = &screen,
		.action = f_action,
		.bind = f_bind,
		.save_queue = f_save,
		.open_queue = f_open,
		.sort = f_sort,
		.limit = f_limit,
		.search = f_search,
		.theme = f_theme,
		.queue_names = f_queues,
		.column_names = f_columns,
	};
	struct cmdline_ops	 none = { .arg = NULL };
	struct cmdline		*cl;
	const char *const	*cands;
	char			*msg;
	size_t			 ws;

	cl = cmdline_new(&ops);
#define RUN(line, want_rc, want_log, want_msg, desc) do {		\
	screen.log[0] = '\0';						\
	UNIT_INT_EQ(cmdline_run(cl, line, &msg), want_rc, desc);	\
	UNIT_STR_EQ(screen.log, want_log, desc " (screen)");		\
	UNIT_STR_EQ(msg, want_msg, desc " (message)");			\
	free(msg);							\
} while (0)
	RUN(":q", 0, "action quit", NULL, ":q");
	RUN("tab-family", 0, "action tab-family", NULL, "an action");
	RUN("save Mine", 0, "save [Mine]", NULL, ":save");
	RUN("queue unallocated", 0, "queue [Unallocated]", NULL, ":queue");
	RUN("sort upn desc", 0, "sort upn desc", NULL, ":sort");
	RUN("limit ~s open", 0, "limit [~s open]", NULL, ":limit");
	RUN("search Smith", 0, "search [Smith]", NULL, ":search");
	RUN("search", 0, "action search", NULL, ":search alone");
	RUN("theme monochrome", 0, "theme monochrome", NULL, ":theme");
	RUN("bind C-N move-down", 0, "bind C-n move-down",
	    "C-n: move-down, for this session", ":bind");
	RUN("bind x none", 0, "bind x none", "x: unbound, for this session",
	    ":bind none");
	RUN("help sort", 0, "", ":sort COLUMN [asc|desc] - sort the list by "
	    "COLUMN", ":help a command");
	RUN("help move-up", 0, "", ":move-up - previous row",
	    ":help an action");
	RUN("", 0, "", NULL, "empty line: nothing");
	RUN("sve x", -1, "", "unknown command 'sve' (did you mean save?)",
	    "a refused line reaches no callback");
	screen.fail = 1;
	RUN("quit", -1, "action quit", NULL,
	    "a failing callback: -1, its own message");
	screen.fail = 0;

	cands = cmdline_complete_cb(cl, "queue U", 7, &ws);
	UNIT_CHECK(cands != NULL && strcmp(cands[0], "Unallocated") == 0 &&
	    cands[1] == NULL && ws == 6, "completion callback for the prompt");
	UNIT_CHECK(cmdline_complete_cb(cl, "zzz", 3, &ws) == NULL,
	    "no candidates: NULL");
	cmdline_free(cl);

	cl = cmdline_new(&none);
	RUN("sort upn", -1, "", ":sort is not available here",
	    "missing callback");
	RUN("quit", -1, "", "quit is not available here",
	    "missing action callback");
	cands = cmdline_complete_cb(cl, "sort ", 5, &ws);
	UNIT_CHECK(cands == NULL, "no column names: nothing to complete");
	cmdline_free(cl);
	cmdline_free(NULL);
#undef RUN
}

int
main(void)
{
	test_parse();
	test_errors();
	test_complete();
	test_suggest();
	test_run();
	return (unit_done());
}
