/*
 * test_prompt.c — the line editor: UTF-8 editing by glyph, the kill and
 * history keys, completion, Escape at once, and the layout (scrolling by
 * display columns, never splitting a wide character, control characters
 * shown inert, the cursor in view). No terminal is needed; the drawing
 * check at the end runs on a curses screen written to /dev/null, and is
 * skipped when there is no terminfo for xterm.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/prompt.h"
#include "unit.h"
#include "util/utf8.h"

#define CTRL(c)	((c) & 0x1f)

/* Types s as wget_wch would deliver it: one character at a time. */
static void
type(struct prompt *p, const char *s)
{
	uint32_t	cp;
	size_t		len = strlen(s), pos = 0;
	int		n;

	while (pos < len) {
		n = utf8_decode(s + pos, len - pos, &cp);
		if (n == 0)
			abort();
		prompt_key(p, 0, (wint_t)cp);
		pos += (size_t)n;
	}
}

static enum prompt_result
key(struct prompt *p, int code)
{
	return (prompt_key(p, 1, (wint_t)code));
}

static enum prompt_result
ch(struct prompt *p, int c)
{
	return (prompt_key(p, 0, (wint_t)c));
}

static struct prompt *
new_prompt(const char *label, const char *text)
{
	struct prompt_config	cfg = { label, text, NULL, NULL, NULL };

	return (prompt_new(&cfg));
}

/* The completion callback: prefix matches from a fixed list, the word
 * starting after the last blank. */
static const char *words[] = {
	"save", "search", "sort", "PageUp", "PageDown", "name", "nhs", NULL
};
static const char *matches[16];
static int calls;

static const char *const *
complete(void *arg, const char *text, size_t cursor, size_t *word_start)
{
	size_t	ws = cursor, i, n = 0;

	(void)arg;
	calls++;
	while (ws > 0 && text[ws - 1] != ' ')
		ws--;
	*word_start = ws;
	for (i = 0; words[i] != NULL; i++)
		if (strncasecmp(words[i], text + ws, cursor - ws) == 0)
			matches[n++] = words[i];
	matches[n] = NULL;
	return (n > 0 ? matches : NULL);
}

static void
test_editing(void)
{
	struct prompt	*p;

	p = new_prompt("/", NULL);
	type(p, "hello");
	UNIT_STR_EQ(prompt_text(p), "hello", "typed text");
	UNIT_INT_EQ(prompt_cursor_byte(p), 5, "cursor after the text");
	key(p, KEY_LEFT);
	key(p, KEY_LEFT);
	type(p, "X");
	UNIT_STR_EQ(prompt_text(p), "helXlo", "insert in the middle");
	ch(p, CTRL('a'));
	UNIT_INT_EQ(prompt_cursor_byte(p), 0, "C-a: start");
	ch(p, CTRL('e'));
	UNIT_INT_EQ(prompt_cursor_byte(p), 6, "C-e: end");
	key(p, KEY_HOME);
	UNIT_INT_EQ(prompt_cursor_byte(p), 0, "Home: start");
	key(p, KEY_DC);
	UNIT_STR_EQ(prompt_text(p), "elXlo", "Delete under the cursor");
	ch(p, CTRL('d'));
	UNIT_STR_EQ(prompt_text(p), "lXlo", "C-d deletes too");
	key(p, KEY_END);
	key(p, KEY_BACKSPACE);
	ch(p, 127);
	ch(p, CTRL('h'));
	UNIT_STR_EQ(prompt_text(p), "l", "Backspace, DEL and C-h delete back");
	ch(p, CTRL('b'));
	UNIT_INT_EQ(prompt_cursor_byte(p), 0, "C-b: back");
	ch(p, CTRL('f'));
	UNIT_INT_EQ(prompt_cursor_byte(p), 1, "C-f: forward");
	key(p, KEY_RIGHT);
	UNIT_INT_EQ(prompt_cursor_byte(p), 1, "Right stops at the end");
	prompt_free(p);
}

static void
test_utf8(void)
{
	struct prompt	*p;

	p = new_prompt("/", NULL);
	type(p, "h\xc3\xa9llo");			/* héllo */
	UNIT_STR_EQ(prompt_text(p), "h\xc3\xa9llo", "multibyte typed");
	key(p, KEY_HOME);
	key(p, KEY_RIGHT);
	key(p, KEY_RIGHT);
	UNIT_INT_EQ(prompt_cursor_byte(p), 3, "Right steps over a 2-byte é");
	key(p, KEY_BACKSPACE);
	UNIT_STR_EQ(prompt_text(p), "hllo", "Backspace deletes all of é");
	prompt_free(p);

	/* e + COMBINING ACUTE is one glyph. */
	p = new_prompt("/", "xe\xcc\x81y");
	key(p, KEY_LEFT);
	key(p, KEY_LEFT);
	UNIT_INT_EQ(prompt_cursor_byte(p), 1, "Left steps over e+accent");
	key(p, KEY_DC);
	UNIT_STR_EQ(prompt_text(p), "xy", "Delete takes the accent too");
	prompt_free(p);

	/* Wide characters, a ZWJ emoji sequence, a flag. */
	p = new_prompt("/", "\xe6\x97\xa5\xe6\x9c\xac");	/* 日本 */
	key(p, KEY_LEFT);
	UNIT_INT_EQ(prompt_cursor_byte(p), 3, "Left over a wide character");
	prompt_free(p);
	p = new_prompt("/", "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	key(p, KEY_BACKSPACE);
	UNIT_STR_EQ(prompt_text(p), "a",
	    "Backspace takes a ZWJ sequence whole");
	prompt_free(p);
	p = new_prompt("/", "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7"
	    "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");		/* GB FR */
	key(p, KEY_LEFT);
	UNIT_INT_EQ(prompt_cursor_byte(p), 8, "a flag is one glyph");
	prompt_free(p);

	/* Typing a ZWJ between two letters joins them: the cursor moves
	 * out of the new glyph instead of sitting inside it. */
	p = new_prompt("/", "ab");
	key(p, KEY_LEFT);
	ch(p, 0x200d);
	UNIT_INT_EQ(prompt_cursor_byte(p), 5, "cursor never inside a glyph");
	prompt_free(p);

	/* Control characters and C1 codes are never inserted. */
	p = new_prompt("/", NULL);
	UNIT_INT_EQ(ch(p, 0x85), PROMPT_UNHANDLED, "C1 code is not text");
	UNIT_INT_EQ(ch(p, CTRL('l')), PROMPT_UNHANDLED,
	    "C-l goes back to the caller");
	UNIT_INT_EQ(key(p, KEY_RESIZE), PROMPT_UNHANDLED,
	    "KEY_RESIZE goes back to the caller");
	UNIT_INT_EQ(ch(p, 0xd800), PROMPT_CONTINUE, "a surrogate is dropped");
	UNIT_STR_EQ(prompt_text(p), "", "nothing inserted");
	prompt_free(p);
}

static void
test_kill(void)
{
	struct prompt	*p;

	p = new_prompt(":", "sort name  desc");
	ch(p, CTRL('w'));
	UNIT_STR_EQ(prompt_text(p), "sort name  ", "C-w kills a word");
	ch(p, CTRL('w'));
	UNIT_STR_EQ(prompt_text(p), "sort ", "C-w skips blanks first");
	ch(p, CTRL('y'));
	UNIT_STR_EQ(prompt_text(p), "sort name  ", "C-y yanks it back");
	ch(p, CTRL('a'));
	key(p, KEY_RIGHT);
	ch(p, CTRL('k'));
	UNIT_STR_EQ(prompt_text(p), "s", "C-k kills to the end");
	ch(p, CTRL('u'));
	UNIT_STR_EQ(prompt_text(p), "", "C-u kills to the start");
	ch(p, CTRL('y'));
	UNIT_STR_EQ(prompt_text(p), "s", "C-y yanks the last kill");
	prompt_free(p);

	p = new_prompt(":", "abc def");
	key(p, KEY_LEFT);
	key(p, KEY_LEFT);
	ch(p, CTRL('u'));
	UNIT_STR_EQ(prompt_text(p), "ef", "C-u keeps what follows the cursor");
	UNIT_INT_EQ(prompt_cursor_byte(p), 0, "... and leaves it at 0");
	prompt_free(p);
}

static void
test_results(void)
{
	struct prompt	*p;

	p = new_prompt("/", "x");
	UNIT_INT_EQ(ch(p, 27), PROMPT_CANCEL, "Escape cancels at once");
	UNIT_INT_EQ(ch(p, CTRL('g')), PROMPT_CANCEL, "C-g cancels");
	UNIT_INT_EQ(ch(p, '\r'), PROMPT_ACCEPT, "Enter (CR) accepts");
	UNIT_INT_EQ(ch(p, '\n'), PROMPT_ACCEPT, "Enter (LF) accepts");
	UNIT_INT_EQ(key(p, KEY_ENTER), PROMPT_ACCEPT, "KEY_ENTER accepts");
	UNIT_INT_EQ(key(p, KEY_BACKSPACE), PROMPT_CONTINUE,
	    "Backspace on text edits");
	UNIT_INT_EQ(key(p, KEY_BACKSPACE), PROMPT_CANCEL,
	    "Backspace on an empty line cancels");
	prompt_free(p);
}

static void
test_history(void)
{
	struct prompt_history	*h;
	struct prompt_config	 cfg = { "/", NULL, NULL, NULL, NULL };
	struct prompt		*p;
	size_t			 i;
	char			 buf[16];

	h = prompt_history_new(3);
	prompt_history_add(h, "alpha");
	prompt_history_add(h, "beta");
	prompt_history_add(h, "beta");
	prompt_history_add(h, "");
	UNIT_INT_EQ(prompt_history_count(h), 2, "no repeats, no empty lines");
	prompt_history_add(h, "alpha");
	UNIT_STR_EQ(prompt_history_get(h, 0), "alpha", "most recent first");
	prompt_history_add(h, "gamma");
	prompt_history_add(h, "delta");
	UNIT_INT_EQ(prompt_history_count(h), 3, "capped at max");
	UNIT_STR_EQ(prompt_history_get(h, 2), "alpha", "oldest dropped");
	UNIT_CHECK(prompt_history_get(h, 3) == NULL, "NULL past the end");

	cfg.history = h;
	p = prompt_new(&cfg);
	type(p, "typed");
	key(p, KEY_UP);
	UNIT_STR_EQ(prompt_text(p), "delta", "Up: the latest line");
	key(p, KEY_UP);
	ch(p, CTRL('p'));
	UNIT_STR_EQ(prompt_text(p), "alpha", "C-p: older");
	key(p, KEY_UP);
	UNIT_STR_EQ(prompt_text(p), "alpha", "Up stops at the oldest");
	key(p, KEY_DOWN);
	UNIT_STR_EQ(prompt_text(p), "gamma", "Down: newer");
	UNIT_INT_EQ(prompt_cursor_byte(p), 5, "cursor at the end");
	ch(p, CTRL('n'));
	ch(p, CTRL('n'));
	UNIT_STR_EQ(prompt_text(p), "typed", "back to the line being typed");
	key(p, KEY_DOWN);
	UNIT_STR_EQ(prompt_text(p), "typed", "Down stops there");
	UNIT_INT_EQ(key(p, KEY_ENTER), PROMPT_ACCEPT, "accept");
	UNIT_STR_EQ(prompt_history_get(h, 0), "typed",
	    "accepted line goes into the history");
	prompt_free(p);

	for (i = 0; i < 300; i++) {
		snprintf(buf, sizeof buf, "l%zu", i);
		prompt_history_add(h, buf);
	}
	UNIT_INT_EQ(prompt_history_count(h), 3, "history stays bounded");
	prompt_history_free(h);
	prompt_history_free(NULL);
	prompt_free(NULL);
}

static void
test_completion(void)
{
	struct prompt_config	 cfg = { ":", NULL, NULL, complete, NULL };
	struct prompt_view	 v;
	struct prompt		*p;

	p = prompt_new(&cfg);
	type(p, "so");
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "sort ", "one candidate: completed, blank");
	type(p, "na");
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "sort name ", "the word under the cursor");
	prompt_free(p);

	p = prompt_new(&cfg);
	type(p, "s");
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "s", "several, no longer prefix: as is");
	prompt_layout(p, 60, 0, &v);
	UNIT_CHECK(v.extra_x == 4 && v.cand_count == 3,
	    "the three candidates listed after the text");
	prompt_view_release(&v);
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "save", "Tab again: the first candidate");
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "search", "Tab: the next one");
	key(p, KEY_BTAB);
	UNIT_STR_EQ(prompt_text(p), "save", "Shift-Tab: back");
	key(p, KEY_BTAB);
	UNIT_STR_EQ(prompt_text(p), "sort", "Shift-Tab wraps around");
	type(p, " ");
	UNIT_STR_EQ(prompt_text(p), "sort ", "typing keeps the choice");
	prompt_layout(p, 60, 0, &v);
	UNIT_INT_EQ(v.extra_x, -1, "... and hides the list");
	prompt_view_release(&v);
	prompt_free(p);

	p = prompt_new(&cfg);
	type(p, "pa");
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "Page",
	    "common prefix, in the candidates' case");
	prompt_free(p);

	p = prompt_new(&cfg);
	type(p, "zz");
	calls = 0;
	ch(p, '\t');
	UNIT_INT_EQ(calls, 1, "the callback is asked once");
	UNIT_STR_EQ(prompt_text(p), "zz", "no candidates: unchanged");
	prompt_layout(p, 60, 0, &v);
	UNIT_CHECK(v.extra_x == 5 && v.cand_count == 0,
	    "a note is shown instead");
	prompt_view_release(&v);
	prompt_free(p);

	p = new_prompt("/", "ab");
	ch(p, '\t');
	UNIT_STR_EQ(prompt_text(p), "ab", "no callback: Tab changes nothing");
	prompt_free(p);
}

/* Invariants of a layout of p in cols columns. */
static int
layout_ok(struct prompt *p, int cols)
{
	struct prompt_view	v;
	int			w, ok = 1;

	prompt_layout(p, cols, 0, &v);
	w = utf8_width(v.text);
	if (v.cursor_x < 0 || (cols > 0 && v.cursor_x >= cols))
		ok = 0;
	if (v.text_x + w + v.more_right > cols && cols > 2)
		ok = 0;
	if (cols > 8 && (v.cursor_x < v.text_x || v.cursor_x > v.text_x + w))
		ok = 0;
	if (!ok)
		printf("#   cols %d text_x %d width %d cursor %d\n", cols,
		    v.text_x, w, v.cursor_x);
	prompt_view_release(&v);
	return (ok);
}

static void
test_layout(void)
{
	static const char	*texts[] = {
		"abcdefghijklmnopqrstuvwxyz0123456789",
		("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" "a"
		    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" "bc"
		    "\xe6\x97\xa5\xe6\x9c\xac"),
		("Zo\xc3\xab \xd0\x9a\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbb\xd1\x8c "
		    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb x\x1b[2J y"),
	};
	struct prompt_view	 v, v2;
	struct prompt		*p;
	size_t			 t;
	int			 cols, moves, bad = 0;

	p = new_prompt(":", "abc");
	prompt_layout(p, 20, 0, &v);
	UNIT_STR_EQ(v.text, "abc", "short text shown whole");
	UNIT_CHECK(v.label_cols == 1 && v.text_x == 1 && v.cursor_x == 4 &&
	    !v.more_left && !v.more_right, "label, text, cursor columns");
	prompt_view_release(&v);
	prompt_free(p);

	p = new_prompt(":", texts[0]);
	prompt_layout(p, 10, 0, &v);
	UNIT_STR_EQ(v.text, "3456789", "end of a long text in view");
	UNIT_CHECK(v.more_left && !v.more_right && v.cursor_x == 9,
	    "'<' marks hidden text; the cursor in the last column");
	prompt_view_release(&v);
	key(p, KEY_LEFT);
	prompt_layout(p, 10, 0, &v);
	UNIT_STR_EQ(v.text, "3456789", "one step left does not scroll");
	UNIT_INT_EQ(v.cursor_x, 8, "... the cursor moves instead");
	prompt_view_release(&v);
	key(p, KEY_HOME);
	prompt_layout(p, 10, 0, &v);
	UNIT_STR_EQ(v.text, "abcdefgh", "Home shows the start");
	UNIT_CHECK(!v.more_left && v.more_right && v.cursor_x == 1,
	    "'>' marks text beyond the edge");
	prompt_view_release(&v);
	prompt_free(p);

	/* Double-width characters are never split at either edge. */
	p = new_prompt(":", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");	/* 日本語日本語 */
	prompt_layout(p, 10, 0, &v);
	UNIT_STR_EQ(v.text, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
	    "wide text scrolled by whole characters");
	UNIT_INT_EQ(v.cursor_x, 8, "cursor after the last wide character");
	prompt_view_release(&v);
	key(p, KEY_HOME);
	prompt_layout(p, 10, 0, &v);
	UNIT_CHECK(utf8_width(v.text) == 8 && v.more_right && v.right_x == 9,
	    "four whole wide characters, then '>', no half one");
	prompt_view_release(&v);
	prompt_free(p);

	/* Outside text is drawn inert. */
	p = new_prompt("/", "a\x1b[31mb\xe2\x80\xae");
	prompt_layout(p, 40, 0, &v);
	UNIT_STR_EQ(v.text, "a^[[31mb<202E>", "ESC and bidi override inert");
	UNIT_INT_EQ(v.cursor_x, 1 + 14, "cursor measured on what is shown");
	prompt_view_release(&v);
	key(p, KEY_LEFT);
	UNIT_INT_EQ(prompt_cursor_byte(p), 7, "a bidi control is one glyph");
	prompt_layout(p, 40, PROMPT_ASCII, &v);
	prompt_layout(p, 40, PROMPT_ASCII, &v2);
	UNIT_STR_EQ(v.text, v2.text, "layout is stable");
	prompt_view_release(&v);
	prompt_view_release(&v2);
	prompt_free(p);
	p = new_prompt("/", "\xc3\xa9t\xc3\xa9");
	prompt_layout(p, 40, PROMPT_ASCII, &v);
	UNIT_STR_EQ(v.text, "?t?", "--ascii: non-ASCII shown as ?");
	prompt_view_release(&v);
	prompt_free(p);

	/* A long label leaves the text room. */
	p = new_prompt("a very long label: ", "xyz");
	prompt_layout(p, 8, 0, &v);
	UNIT_CHECK(v.label_cols == 6 && v.cursor_x == 7,
	    "label cut to leave two columns");
	prompt_view_release(&v);
	prompt_free(p);

	/* Every cursor position, many widths: the invariants hold. */
	for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		p = new_prompt(":", texts[t]);
		for (moves = 0; moves < 60; moves++) {
			for (cols = 0; cols < 40; cols++)
				bad += !layout_ok(p, cols);
			key(p, moves < 30 ? KEY_LEFT : KEY_RIGHT);
		}
		prompt_free(p);
	}
	UNIT_INT_EQ(bad, 0, "cursor in view and text within the line, "
	    "every position and width");
}

static void
test_limits(void)
{
	struct prompt_view	 v;
	struct prompt		*p;
	int			 i;

	p = new_prompt(":", NULL);
	for (i = 0; i < PROMPT_MAX_BYTES + 10; i++)
		ch(p, 'x');
	UNIT_INT_EQ(strlen(prompt_text(p)), PROMPT_MAX_BYTES,
	    "text stops at PROMPT_MAX_BYTES");
	key(p, KEY_HOME);
	ch(p, 'y');
	UNIT_CHECK(prompt_text(p)[0] == 'x', "nothing inserted when full");
	prompt_layout(p, 40, 0, &v);
	UNIT_CHECK(v.extra_x == 40 - 16 && v.more_right && v.right_x == 21,
	    "the note 'the line is full' keeps its room at the right");
	prompt_view_release(&v);
	prompt_set_text(p, "short");
	UNIT_STR_EQ(prompt_text(p), "short", "prompt_set_text");
	prompt_free(p);
}

/* Draws into a real (but invisible) curses screen and reads it back. */
static void
test_draw(void)
{
	struct prompt_config	 cfg = { ":", NULL, NULL, complete, NULL };
	struct prompt		*p;
	SCREEN			*scr;
	WINDOW			*w;
	FILE			*out, *in;
	char			 line[64];
	int			 y, x;

	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL ||
	    (scr = newterm("xterm", out, in)) == NULL) {
		printf("# drawing not checked: no xterm terminfo\n");
		if (out != NULL)
			fclose(out);
		if (in != NULL)
			fclose(in);
		return;
	}
	set_term(scr);
	w = newwin(1, 30, 0, 0);
	p = prompt_new(&cfg);
	UNIT_CHECK(!prompt_cursor(p, &y, &x), "no cursor before drawing");
	type(p, "s");
	ch(p, '\t');
	prompt_draw(p, w, 0);
	mvwinnstr(w, 0, 0, line, 29);
	UNIT_STR_EQ(line, ":s  save  search  sort       ",
	    "label, text and candidates drawn");
	UNIT_CHECK(prompt_cursor(p, &y, &x) && y == 0 && x == 2,
	    "cursor placed after the text");
	prompt_free(p);

	p = new_prompt("/", "a\x1b]52;c;eA==\x07z");
	prompt_draw(p, w, 0);
	mvwinnstr(w, 0, 0, line, 29);
	UNIT_STR_EQ(line, "/a^[]52;c;eA==^Gz            ",
	    "an OSC 52 sequence is drawn as text");
	prompt_free(p);

	delwin(w);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
}

int
main(void)
{
	if (!unit_result(setlocale(LC_ALL, "C.UTF-8") != NULL,
	    "C.UTF-8 locale available"))
		return (unit_done());
	test_editing();
	test_utf8();
	test_kill();
	test_results();
	test_history();
	test_completion();
	test_layout();
	test_limits();
	test_draw();
	return (unit_done());
}
