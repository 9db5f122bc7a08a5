/*
 * prompt.h — a one-line text editor on the status line: `/` search,
 * `l` limit and the `:` command line.
 *
 * The text is UTF-8. The cursor moves, and Backspace and Delete remove,
 * whole characters as the terminal draws them: a letter with its
 * combining accents, an emoji sequence joined by U+200D, a flag. When the
 * text is wider than the line it scrolls by display columns, never
 * splitting a double-width character; "<" and ">" mark hidden text.
 * The text is drawn through the sanitiser, so a pasted ESC shows as "^["
 * and does nothing.
 *
 * Keys (the caller feeds what wget_wch() returns):
 *
 *   printable characters   insert (also pasted multibyte text)
 *   Left/Right, C-b/C-f    one character back / forward
 *   Home/End, C-a/C-e      start / end of the line
 *   Backspace, C-h         delete before the cursor; on an empty line,
 *                          cancel (as in vi and less)
 *   Delete, C-d            delete under the cursor
 *   C-u / C-k              delete to the start / to the end (kept for C-y)
 *   C-w                    delete the word before the cursor (kept)
 *   C-y                    insert the text last deleted by C-u/C-k/C-w
 *   Up/Down, C-p/C-n       older / newer line from this prompt's history
 *   Tab / BTab (Shift-Tab) complete (see below)
 *   Enter                  accept (the text goes into the history)
 *   Escape, C-g            cancel, at once
 *
 * Completion: Tab asks the complete callback for the candidates for the
 * word before the cursor. One candidate: it replaces the word, and a
 * blank follows. Several: the word grows to their longest common prefix
 * and the candidates are listed after the text (dimmed); another Tab then
 * puts each candidate in turn in place of the word (BTab goes back), the
 * one in place shown in reverse. Any other key keeps what is there. None:
 * "no completions" is shown after the text.
 *
 * The edit model (prompt_key, prompt_text, prompt_layout) needs no
 * terminal; only prompt_draw() touches curses.
 */
#ifndef CME_UI_PROMPT_H
#define CME_UI_PROMPT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define PROMPT_MAX_BYTES	4096	/* the longest text */
#define PROMPT_HISTORY_MAX	100	/* lines kept per history */

struct prompt;
struct prompt_history;

enum prompt_result {
	PROMPT_CONTINUE,	/* the key was used: keep the prompt open */
	PROMPT_ACCEPT,		/* Enter: take prompt_text(), then free it */
	PROMPT_CANCEL,		/* Escape, C-g: free the prompt */
	PROMPT_UNHANDLED,	/* not an editing key (KEY_RESIZE, C-l...):
				   the caller may act on it; still open */
};

/*
 * The candidates for the word that ends at cursor (a byte offset into
 * text): a NULL-terminated array borrowed until the next call (the
 * prompt copies it at once), or NULL for none. *word_start receives where
 * the word begins; the prompt replaces text[*word_start, cursor) with the
 * candidate. Matching is the callback's business (cmdline.h matches
 * prefixes in any case).
 */
typedef const char *const *(*prompt_complete_fn)(void *arg, const char *text,
    size_t cursor, size_t *word_start);

struct prompt_config {
	const char		*label;		/* ":", "/", "limit: " */
	const char		*text;		/* to start with, or NULL */
	struct prompt_history	*history;	/* borrowed, or NULL */
	prompt_complete_fn	 complete;	/* or NULL */
	void			*complete_arg;
};

/* The history of one kind of prompt: most recent first, no line twice in
 * a row, at most max lines (0: PROMPT_HISTORY_MAX). In memory only. */
struct prompt_history	*prompt_history_new(size_t max);
void			 prompt_history_free(struct prompt_history *);
void			 prompt_history_add(struct prompt_history *,
			     const char *);
size_t			 prompt_history_count(const struct prompt_history *);
/* Line i, 0 the most recent; borrowed until the next add. NULL past the
 * end. */
const char		*prompt_history_get(const struct prompt_history *,
			     size_t i);

/* The config's strings are copied; the history must outlive the prompt. */
/*
 * A completion over a fixed word list: the words that start with the text
 * before the cursor (the whole line is the word). The array is static,
 * valid until the next call; words must be static too.
 */
const char *const	*prompt_complete_words(const char *const *words,
			     const char *text, size_t cursor,
			     size_t *word_start);
/* The line without leading and trailing spaces; owned by the caller. */
char			*prompt_trimmed(const char *);

struct prompt		*prompt_new(const struct prompt_config *);
void			 prompt_free(struct prompt *);

/*
 * Feeds one key: ch as wget_wch() returned it, is_keycode when it
 * returned KEY_CODE_YES (ch is then KEY_LEFT, KEY_BACKSPACE...). Never
 * waits for more input: Escape cancels at once.
 */
enum prompt_result	 prompt_key(struct prompt *, int is_keycode, wint_t ch);
/* The text (borrowed until the next prompt_key) and the cursor, a byte
 * offset into it. */
const char		*prompt_text(const struct prompt *);
size_t			 prompt_cursor_byte(const struct prompt *);
/* Replaces the text; the cursor goes to the end. */
void			 prompt_set_text(struct prompt *, const char *);

/*
 * What a line of cols columns shows, as prompt_draw() draws it. Computing
 * it may scroll the text so that the cursor stays in view. All columns
 * are counted from the start of the line.
 */
struct prompt_view {
	int	 label_cols;		/* the label, drawn from column 0 */
	char	*text;			/* owned: the visible text, sanitised */
	int	 text_x;		/* its first column */
	bool	 more_left;		/* "<" at label_cols */
	bool	 more_right;		/* ">" at right_x */
	int	 right_x;		/* the text's last column */
	int	 cursor_x;		/* where the terminal cursor goes */
	int	 extra_x;		/* completions or note; -1: none */
	size_t	 cand_first, cand_count;	/* candidates shown */
};

enum prompt_layout_flags {
	PROMPT_ASCII	= 1 << 0,	/* --ascii: sanitise to ASCII */
};

void	prompt_layout(struct prompt *, int cols, int flags,
	    struct prompt_view *);
void	prompt_view_release(struct prompt_view *);

/*
 * Draws the prompt over row y of w (all of its width) and remembers where
 * the cursor goes. Does not refresh: the frame calls wnoutrefresh().
 */
void	prompt_draw(struct prompt *, WINDOW *w, int y);
/* Where the terminal cursor belongs, in the window last drawn into; false
 * before the first prompt_draw(). */
bool	prompt_cursor(const struct prompt *, int *y, int *x);

#endif /* CME_UI_PROMPT_H */
