/*
 * fuzz_keys.c — libFuzzer target for the outside input of the keys code:
 * key and action names from the settings file (keymap_parse_key,
 * keymap_parse_action, the suggestions), lines typed at the `:` command
 * line (cmdline_parse, cmdline_complete, cmdline_run), and any sequence
 * of keys fed to the line editor (prompt_key, prompt_layout).
 *
 * The first byte picks the part. Beyond "no crash, no leak":
 *   - a key or action name that parses has a name that reads back as the
 *     same key or action, and every suggestion made is a valid name;
 *   - a parsed command line carries what its command needs, a refused one
 *     says why; completion lists are sorted, NULL-terminated, and the word
 *     they replace ends at the cursor;
 *   - after every key the editor's text is valid UTF-8 no longer than
 *     PROMPT_MAX_BYTES, the cursor sits on a character boundary inside
 *     it, and at every width the visible text fits the line and the
 *     terminal cursor is on the line.
 *
 * Built with the files of src/util and FUZZ_DEPS_fuzz_keys (Makefile);
 * the ui files include curses.h for the key codes only, and the fuzz
 * build links ncursesw. No terminal is opened.
 */
#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/cmdline.h"
#include "ui/cmdline_parse.h"
#include "ui/keymap.h"
#include "ui/prompt.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_queues[] = {
	"My open cases", "Missing 10 days", "Unallocated", "\xc3\x89quipe",
	NULL
};
static const char *const fuzz_columns[] = {
	"name", "upn", "status", "days", NULL
};
static const struct cmdline_names fuzz_names = { fuzz_queues, fuzz_columns };

#define FUZZ_MAX_KEYS	512	/* keys per input: layout is O(text) */

/* Key codes the editor knows, and some it does not. */
static const int fuzz_codes[] = {
	KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_BACKSPACE, KEY_DC,
	KEY_UP, KEY_DOWN, KEY_BTAB, KEY_ENTER, KEY_RESIZE, KEY_F(1), KEY_NPAGE,
};

static int
fuzz_action(void *arg, enum action a)
{
	(void)arg;
	return (a == ACTION_QUIT ? -1 : 0);
}

static int
fuzz_bind(void *arg, int key, enum action a)
{
	(void)arg;
	if (key < 0 || (unsigned)a >= ACTION_COUNT)
		abort();
	return (0);
}

static int
fuzz_text(void *arg, const char *s)
{
	(void)arg;
	if (s == NULL)
		abort();
	return (0);
}

static int
fuzz_sort(void *arg, const char *col, bool desc)
{
	(void)arg;
	(void)desc;
	return (fuzz_text(NULL, col));
}

static const char *const *
fuzz_get_queues(void *arg)
{
	(void)arg;
	return (fuzz_queues);
}

static const char *const *
fuzz_get_columns(void *arg)
{
	(void)arg;
	return (fuzz_columns);
}

static const struct cmdline_ops fuzz_ops = {
	.arg = NULL,
	.action = fuzz_action,
	.bind = fuzz_bind,
	.save_queue = fuzz_text,
	.open_queue = fuzz_text,
	.sort = fuzz_sort,
	.limit = fuzz_text,
	.search = fuzz_text,
	.theme = fuzz_text,
	.queue_names = fuzz_get_queues,
	.column_names = fuzz_get_columns,
};

static bool
fuzz_valid_utf8(const char *s, size_t len)
{
	uint32_t	cp;
	size_t		pos = 0;
	int		n;

	while (pos < len) {
		if ((n = utf8_decode(s + pos, len - pos, &cp)) == 0)
			return (false);
		pos += (size_t)n;
	}
	return (true);
}

static void
fuzz_names_part(const char *s)
{
	enum action	 a, b;
	const char	*near;
	char		 name[32];
	int		 key;

	if ((key = keymap_parse_key(s)) >= 0) {
		keymap_key_name(key, name, sizeof name);
		if (keymap_parse_key(name) != keymap_key_canonical(key))
			abort();
	}
	if ((near = keymap_suggest_key(s)) != NULL &&
	    keymap_parse_key(near) < 0)
		abort();
	if (keymap_parse_action(s, &a)) {
		if (!keymap_parse_action(action_name(a), &b) || a != b)
			abort();
	}
	if ((near = keymap_suggest_action(s)) != NULL &&
	    !keymap_parse_action(near, &a))
		abort();
}

static void
fuzz_cmdline_part(const char *s)
{
	struct cmdline_parsed	 p;
	struct cmdline_cands	 c = { NULL, 0, 0 };
	struct cmdline		*cl;
	size_t			 len = strlen(s), cursors[4], i, j, ws;
	char			*msg;

	if (cmdline_parse(s, &fuzz_names, &p) == 0) {
		switch (p.cmd) {
		case CMDLINE_SAVE:
		case CMDLINE_QUEUE:
		case CMDLINE_SORT:
		case CMDLINE_LIMIT:
		case CMDLINE_SEARCH:
		case CMDLINE_THEME:
		case CMDLINE_HELP:
			if (p.arg == NULL || *p.arg == '\0')
				abort();
			break;
		case CMDLINE_BIND:
			if (p.key < 0)
				abort();
			break;
		case CMDLINE_ACTION:
			if (p.action == ACTION_NONE)
				abort();
			break;
		case CMDLINE_EMPTY:
			break;
		}
		if (p.error != NULL)
			abort();
	} else if (p.error == NULL || *p.error == '\0')
		abort();
	cmdline_parsed_release(&p);

	cursors[0] = 0;
	cursors[1] = len / 2;
	cursors[2] = len;
	cursors[3] = len + 3;
	for (i = 0; i < 4; i++) {
		cmdline_complete(s, cursors[i], &fuzz_names, &ws, &c);
		if (ws > cursors[i] || ws > len)
			abort();
		if (c.n > 0 && c.v[c.n] != NULL)
			abort();
		for (j = 0; j < c.n; j++)
			if (c.v[j] == NULL || (j > 0 &&
			    strcasecmp(c.v[j - 1], c.v[j]) > 0))
				abort();
	}
	cmdline_cands_release(&c);

	cl = cmdline_new(&fuzz_ops);
	msg = NULL;
	cmdline_run(cl, s, &msg);
	free(msg);
	cmdline_free(cl);
}

/* Checks the editor's state, and its layout at width number which (one
 * width per key keeps the fuzzer fast; -1: all of them). */
static void
fuzz_prompt_check(struct prompt *p, int which)
{
	static const int	 widths[] = { 0, 1, 2, 3, 7, 13, 80 };
	struct prompt_view	 v;
	const char		*t = prompt_text(p);
	size_t			 len = strlen(t), cur = prompt_cursor_byte(p);
	size_t			 i;
	int			 cols, w;

	if (len > PROMPT_MAX_BYTES || cur > len || !fuzz_valid_utf8(t, len))
		abort();
	if (cur < len && ((unsigned char)t[cur] & 0xc0) == 0x80)
		abort();
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		if (which >= 0 && (size_t)which % (sizeof widths /
		    sizeof widths[0]) != i)
			continue;
		cols = widths[i];
		prompt_layout(p, cols, i % 2 ? PROMPT_ASCII : 0, &v);
		w = utf8_width(v.text);
		if (v.cursor_x < 0 || (cols > 0 && v.cursor_x >= cols))
			abort();
		if (cols > 2 && v.text_x + w + v.more_right > cols)
			abort();
		if (cols > 8 && (v.cursor_x < v.text_x ||
		    v.cursor_x > v.text_x + w))
			abort();
		prompt_view_release(&v);
	}
}

static void
fuzz_prompt_part(const uint8_t *d, size_t len)
{
	struct prompt_history	*h;
	struct prompt_config	 cfg;
	struct prompt		*p;
	struct cmdline		*cl;
	enum prompt_result	 r;
	size_t			 i;
	wint_t			 ch;
	char			*msg;
	int			 code;

	h = prompt_history_new(4);
	cl = cmdline_new(&fuzz_ops);
	memset(&cfg, 0, sizeof cfg);
	cfg.label = ":";
	cfg.history = h;
	cfg.complete = cmdline_complete_cb;
	cfg.complete_arg = cl;
	p = prompt_new(&cfg);
	if (len > FUZZ_MAX_KEYS)
		len = FUZZ_MAX_KEYS;
	for (i = 0; i < len; i++) {
		code = 0;
		if (d[i] == 0xff && i + 1 < len) {
			/* A key code. */
			i++;
			ch = (wint_t)fuzz_codes[d[i] %
			    (sizeof fuzz_codes / sizeof fuzz_codes[0])];
			code = 1;
		} else if (d[i] == 0xfe && i + 1 < len) {
			ch = 0x1f1e6 + d[++i] % 26;	/* regional indicator */
		} else if (d[i] == 0xfd && i + 1 < len) {
			ch = 0x1f300 + d[++i];		/* emoji, modifiers */
		} else if (d[i] == 0xfc) {
			ch = 0x200d;			/* ZWJ */
		} else if (d[i] >= 0x80 && i + 1 < len) {
			/* U+0000..U+7FFF: accents, CJK, controls. */
			ch = (wint_t)(d[i] & 0x7f) << 8 | d[i + 1];
			i++;
		} else
			ch = d[i];
		r = prompt_key(p, code, ch);
		fuzz_prompt_check(p, (int)i);
		if (r == PROMPT_ACCEPT) {
			msg = NULL;
			cmdline_run(cl, prompt_text(p), &msg);
			free(msg);
		}
		if (r == PROMPT_ACCEPT || r == PROMPT_CANCEL) {
			prompt_free(p);
			cfg.text = i % 3 == 0 ? "sort na" : NULL;
			p = prompt_new(&cfg);
		}
	}
	fuzz_prompt_check(p, -1);
	prompt_free(p);
	cmdline_free(cl);
	prompt_history_free(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static int	 ready;
	char		*s;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = 1;
	}
	if (len == 0)
		return (0);
	if (data[0] % 3 == 2) {
		fuzz_prompt_part(data + 1, len - 1);
		return (0);
	}
	s = xmalloc(len);
	memcpy(s, data + 1, len - 1);
	s[len - 1] = '\0';		/* a C string stops at its first NUL */
	if (data[0] % 3 == 0)
		fuzz_names_part(s);
	else
		fuzz_cmdline_part(s);
	free(s);
	return (0);
}
