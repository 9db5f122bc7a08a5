/*
 * cmdline_parse.h — the `:` command line's language: its table of
 * commands, parsing a line into a command, completing the word under the
 * cursor, and "did you mean" suggestions.
 *
 * Pure functions, no state and no curses (this file and cmdline_parse.c
 * include no curses header), so unit tests and the fuzzer drive them
 * directly. cmdline.h runs the parsed commands against the screen.
 *
 * A line is a command word and its arguments, separated by blanks; one
 * leading ':' is skipped. The command word is one of the commands below,
 * the alias "q" (quit), or any action's name (action.h: "move-down",
 * "tab-attendance"...). Names are matched in any case. Arguments:
 *
 *   help [COMMAND]           no COMMAND: the help screen (action "help")
 *   save NAME                NAME is the rest of the line (may hold blanks)
 *   queue NAME               the rest of the line; completes queue names
 *   sort COLUMN [asc|desc]   completes the list's columns
 *   limit [PATTERN]          the rest of the line; none: ask (action)
 *   search [TEXT]            the rest of the line; none: ask (action)
 *   theme NAME               default, light or monochrome
 *   bind KEY ACTION          ACTION "none" unbinds KEY
 */
#ifndef CME_UI_CMDLINE_PARSE_H
#define CME_UI_CMDLINE_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"

#define CMDLINE_MAX_NAME	64	/* bytes in a queue name for :save */

enum cmdline_cmd {
	CMDLINE_EMPTY,		/* nothing typed: nothing to do */
	CMDLINE_ACTION,		/* an action by name; also q, redraw... */
	CMDLINE_HELP,		/* help COMMAND: a one-line usage */
	CMDLINE_SAVE,
	CMDLINE_QUEUE,
	CMDLINE_SORT,
	CMDLINE_LIMIT,
	CMDLINE_SEARCH,
	CMDLINE_THEME,
	CMDLINE_BIND,
};

/* What a command's arguments are, for parsing and completion. */
enum cmdline_arg {
	CMDLINE_ARG_NONE,	/* no argument */
	CMDLINE_ARG_TEXT,	/* the rest of the line, may be empty */
	CMDLINE_ARG_NAME,	/* the rest of the line, required */
	CMDLINE_ARG_QUEUE,	/* the rest of the line: a queue's name */
	CMDLINE_ARG_COLUMN,	/* COLUMN [asc|desc] */
	CMDLINE_ARG_THEME,	/* one of the themes */
	CMDLINE_ARG_BIND,	/* KEY ACTION */
	CMDLINE_ARG_COMMAND,	/* an optional command name */
};

struct cmdline_command {
	const char		*name;
	enum cmdline_cmd	 cmd;
	enum cmdline_arg	 arg;
	const char		*usage;		/* "sort COLUMN [asc|desc]" */
	const char		*help;
};

/* The commands with arguments (not the actions); *n receives the count. */
const struct cmdline_command	*cmdline_commands(size_t *n);

/*
 * What the screen knows right now, for checking and completing
 * arguments. Each is a NULL-terminated array, or NULL when unknown (then
 * any name is accepted and nothing is completed). Borrowed.
 */
struct cmdline_names {
	const char *const	*queues;
	const char *const	*columns;
};

struct cmdline_parsed {
	enum cmdline_cmd	 cmd;
	enum action		 action;	/* ACTION; BIND */
	int			 key;		/* BIND */
	bool			 desc;		/* SORT */
	char			*arg;		/* owned or NULL: NAME, PATTERN,
						   TEXT, COLUMN, theme, or the
						   command HELP asks about */
	char			*error;		/* owned, when refused */
};

/*
 * Parses line into out (which it initialises). Returns 0, or -1 with
 * out->error saying why, e.g. "unknown command 'sve' (did you mean
 * save?)". names may be NULL. Release out either way.
 */
int	cmdline_parse(const char *line, const struct cmdline_names *names,
	    struct cmdline_parsed *out);
void	cmdline_parsed_release(struct cmdline_parsed *);

/* A list of candidates; the strings are borrowed (from the tables, or
 * from the cmdline_names given), v is owned and NULL-terminated. */
struct cmdline_cands {
	const char	**v;
	size_t		  n, cap;
};

/*
 * The candidates for the word that ends at cursor (a byte offset into
 * line): command names for the first word, then what the command's
 * argument allows. Matching is by prefix, in any case; the list is sorted
 * and has no duplicates. *word_start receives where the word begins
 * (the text to replace is [*word_start, cursor)). Returns out->n.
 */
size_t	cmdline_complete(const char *line, size_t cursor,
	    const struct cmdline_names *names, size_t *word_start,
	    struct cmdline_cands *out);
void	cmdline_cands_release(struct cmdline_cands *);

/*
 * The candidate nearest to a misspelt word, or NULL when none is near:
 * an edit distance (insertions, deletions, substitutions, swaps of two
 * neighbours) of 1 for words up to 3 letters, 2 up to 7, 3 beyond, and
 * less than the word's length (ties go to the candidate sharing the
 * longest start with the word); failing that, the shortest candidate the
 * word is a prefix of. Any case. Borrowed from cands.
 */
const char	*cmdline_suggest(const char *word, const char *const *cands,
		    size_t n);

#endif /* CME_UI_CMDLINE_PARSE_H */
