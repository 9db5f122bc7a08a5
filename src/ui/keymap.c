/*
 * keymap.c — key bindings. The defaults are written the way a user would
 * write them in the configuration file (key name, action name), so the
 * built-in table documents itself and the help screen can list it.
 */
#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/keymap.h"
#include "settings.h"
#include "ui/cmdline_parse.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define KEYMAP_SIZE	(KEY_MAX + 1)
#define KEYMAP_MAX_F	24	/* F1..F24: xterm sends shifted F1..F12 so */

/* A binding of a key outside map[]: KEYMAP_CHAR | code point. */
struct keymap_extra {
	int		 key;
	enum action	 action;
};

struct keymap {
	enum action		*map;	/* owned, KEYMAP_SIZE entries */
	struct keymap_extra	*extra;	/* owned, nextra entries */
	size_t			 nextra;
};

static const char *action_names[] = {
	[ACTION_NONE] = "none",
#define ACTION_NAME(id, name, help)	[ACTION_##id] = name,
	ACTION_TABLE(ACTION_NAME)
#undef ACTION_NAME
};

static const char *action_helps[] = {
	[ACTION_NONE] = "",
#define ACTION_HELP(id, name, help)	[ACTION_##id] = help,
	ACTION_TABLE(ACTION_HELP)
#undef ACTION_HELP
};

static const struct {
	const char	*key;
	const char	*action;
} keymap_defaults[] = {
	{ "k", "move-up" },		{ "Up", "move-up" },
	{ "j", "move-down" },		{ "Down", "move-down" },
	{ "PageUp", "page-up" },	{ "C-b", "page-up" },
	{ "PageDown", "page-down" },	{ "C-f", "page-down" },
	{ "Space", "page-down" },
	{ "g", "first" },		{ "Home", "first" },
	{ "G", "last" },		{ "End", "last" },
	{ "Enter", "open" },		{ "Right", "open" },
	{ "Tab", "next-pane" },
	{ "q", "back" },		{ "h", "back" },
	{ "Left", "back" },		{ "Escape", "back" },
	{ "Q", "quit" },
	{ "C-l", "redraw" },
	{ "r", "reconnect" },
	{ "?", "help" },		{ "F1", "help" },
	{ "o", "sort-next" },		{ "O", "sort-reverse" },
	{ "C-r", "refresh" },		{ "F5", "refresh" },
	{ ".", "show-new" },
	{ "n", "match-next" },		{ "N", "match-prev" },
	{ "t", "tag" }, { "T", "tag-all" }, { ";", "tag-prefix" },
	{ "a", "alert" },		{ "c", "contact" },
	{ "C", "closure" }, { "E", "contact-editor" },
	{ "e", "enquiry" }, { "s", "status" }, { "+", "open-case" },
	{ "A", "assign" }, { "R", "resume" }, { "u", "undo" },
	{ "}", "queue-next" },		{ "{", "queue-prev" },
	{ "1", "tab-summary" },		{ "2", "tab-timeline" },
	{ "3", "tab-attendance" },	{ "4", "tab-enquiries" },
	{ "5", "tab-family" },		{ "6", "tab-alerts" },
	{ "]", "tab-next" },		{ "[", "tab-prev" },
	{ "/", "search" },		{ "l", "limit" },
	{ ":", "command" },
	{ "w", "workload" },		{ "D", "reports" },
};

static const struct {
	const char	*name;
	int		 key;
} keymap_names[] = {
	{ "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT },
	{ "Right", KEY_RIGHT }, { "PageUp", KEY_PPAGE },
	{ "PageDown", KEY_NPAGE }, { "Home", KEY_HOME }, { "End", KEY_END },
	{ "Enter", '\n' }, { "Tab", '\t' }, { "BTab", KEY_BTAB },
	{ "Escape", 27 }, { "Space", ' ' }, { "Backspace", KEY_BACKSPACE },
	{ "Delete", KEY_DC }, { "Insert", KEY_IC },
};

/* Other spellings, read but never written. */
static const struct {
	const char	*name;
	int		 key;
} keymap_spellings[] = {
	{ "Esc", 27 }, { "Return", '\n' }, { "Del", KEY_DC },
	{ "Ins", KEY_IC }, { "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE },
	{ "S-Tab", KEY_BTAB },
};

/* The other forms a terminal sends a key in (keymap_key_canonical). */
static const struct {
	int	 key;
	int	 canonical;
} keymap_forms[] = {
	{ '\r', '\n' }, { KEY_ENTER, '\n' }, { 127, KEY_BACKSPACE },
};

/* C-x for the control codes that are not letters (0, 28..31). */
static const char keymap_ctrl_punct[] = "@\\]^_";

const char *
action_name(enum action a)
{
	return ((unsigned)a < ACTION_COUNT ? action_names[a] : "none");
}

const char *
action_help(enum action a)
{
	return ((unsigned)a < ACTION_COUNT ? action_helps[a] : "");
}

enum action
action_from_name(const char *name)
{
	int	a;

	for (a = 1; a < ACTION_COUNT; a++)
		if (strcmp(action_names[a], name) == 0)
			return ((enum action)a);
	return (ACTION_NONE);
}

/* A name from keymap_names or keymap_spellings, any case; -1 if none. */
static int
keymap_named(const char *s)
{
	size_t	i;

	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++)
		if (strcasecmp(keymap_names[i].name, s) == 0)
			return (keymap_names[i].key);
	for (i = 0; i < sizeof keymap_spellings / sizeof keymap_spellings[0];
	    i++)
		if (strcasecmp(keymap_spellings[i].name, s) == 0)
			return (keymap_spellings[i].key);
	return (-1);
}

/* "C-x": a letter or one of @\]^_ after "C-"; -1 otherwise. */
static int
keymap_parse_ctrl(const char *s)
{
	const char	*p;

	if (s[2] == '\0' || s[3] != '\0')
		return (-1);
	if (s[2] >= 'a' && s[2] <= 'z')
		return (s[2] - 'a' + 1);
	if (s[2] >= 'A' && s[2] <= 'Z')
		return (s[2] - 'A' + 1);
	if ((p = strchr(keymap_ctrl_punct, s[2])) != NULL)
		return (p == keymap_ctrl_punct ? 0 :
		    27 + (int)(p - keymap_ctrl_punct));
	return (-1);
}

/* A decimal number of 1 to 4 digits, all of s; -1 otherwise. */
static int
keymap_parse_number(const char *s)
{
	size_t	n = strspn(s, "0123456789");

	if (n == 0 || n > 4 || s[n] != '\0')
		return (-1);
	return (atoi(s));
}

int
keymap_parse_key(const char *s)
{
	uint32_t	cp;
	int		n;

	if (s == NULL || *s == '\0')
		return (-1);
	if ((n = keymap_named(s)) >= 0)
		return (n);
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-')
		return (keymap_parse_ctrl(s));
	if ((s[0] == 'F' || s[0] == 'f') && s[1] != '\0') {
		n = keymap_parse_number(s + 1);
		return (n >= 1 && n <= KEYMAP_MAX_F ? KEY_F(n) : -1);
	}
	if (s[0] == '#' && s[1] != '\0') {
		n = keymap_parse_number(s + 1);
		return (n >= 0 && n < KEYMAP_SIZE ? n : -1);
	}
	if (s[1] == '\0')	/* one ASCII character; ' ' is Space */
		return ((unsigned char)s[0] >= ' ' &&
		    (unsigned char)s[0] < 127 ? (unsigned char)s[0] : -1);
	/* One other character, printable once sanitised ("é", "ö", "ß"). */
	n = utf8_decode(s, strlen(s), &cp);
	if (n > 0 && s[n] == '\0' && cp >= 0xa0 &&
	    sanitize_is_clean(s, (size_t)n))
		return (KEYMAP_CHAR | (int)cp);
	return (-1);
}

int
keymap_key_canonical(int key)
{
	size_t	i;

	for (i = 0; i < sizeof keymap_forms / sizeof keymap_forms[0]; i++)
		if (keymap_forms[i].key == key)
			return (keymap_forms[i].canonical);
	return (key);
}

int
keymap_input_key(bool is_keycode, wint_t ch)
{
	if (is_keycode)
		return (ch < KEYMAP_SIZE ? (int)ch : -1);
	if (ch < 0x80)
		return ((int)ch);
	if (ch <= 0x10ffff)
		return (KEYMAP_CHAR | (int)ch);
	return (-1);
}

void
keymap_key_name(int key, char *buf, size_t n)
{
	char	u[5];
	size_t	i;
	int	len;

	if (n == 0)
		return;
	key = keymap_key_canonical(key);
	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++) {
		if (keymap_names[i].key == key) {
			snprintf(buf, n, "%s", keymap_names[i].name);
			return;
		}
	}
	if (key >= 1 && key <= 26) {
		snprintf(buf, n, "C-%c", 'a' + key - 1);
	} else if (key == 0 || (key >= 28 && key <= 31)) {
		snprintf(buf, n, "C-%c",
		    keymap_ctrl_punct[key == 0 ? 0 : key - 27]);
	} else if (key >= KEY_F(1) && key <= KEY_F(KEYMAP_MAX_F)) {
		snprintf(buf, n, "F%d", key - KEY_F(0));
	} else if (key > ' ' && key < 127) {
		snprintf(buf, n, "%c", key);
	} else if ((key & KEYMAP_CHAR) &&
	    (len = utf8_encode((uint32_t)(key & ~KEYMAP_CHAR), u)) > 0) {
		u[len] = '\0';
		snprintf(buf, n, "%s", u);
	} else {
		snprintf(buf, n, "#%d", key);
	}
}

struct keymap *
keymap_new(void)
{
	struct keymap	*km;
	size_t		 i;
	enum action	 a;
	int		 key;

	km = xcalloc(1, sizeof *km);
	km->map = xcalloc(KEYMAP_SIZE, sizeof *km->map);
	for (i = 0; i < sizeof keymap_defaults / sizeof keymap_defaults[0];
	    i++) {
		key = keymap_parse_key(keymap_defaults[i].key);
		if (key < 0)
			fatal("keymap: bad default key %s",
			    keymap_defaults[i].key);
		if (!keymap_parse_action(keymap_defaults[i].action, &a))
			fatal("keymap: bad default action %s",
			    keymap_defaults[i].action);
		keymap_bind(km, key, a);
	}
	/* Terminals send either for Enter. */
	keymap_bind(km, '\r', keymap_lookup(km, '\n'));
	keymap_bind(km, KEY_ENTER, keymap_lookup(km, '\n'));
	return (km);
}

void
keymap_free(struct keymap *km)
{
	if (km == NULL)
		return;
	free(km->map);
	free(km->extra);
	free(km);
}

enum action
keymap_lookup(const struct keymap *km, int key)
{
	size_t	i;

	if (key < 0)
		return (ACTION_NONE);
	if (key & KEYMAP_CHAR) {
		for (i = 0; i < km->nextra; i++)
			if (km->extra[i].key == key)
				return (km->extra[i].action);
		return (ACTION_NONE);
	}
	if (key >= KEYMAP_SIZE)
		return (ACTION_NONE);
	return (km->map[key]);
}

/* Binds one form of a key. */
static void
keymap_bind_one(struct keymap *km, int key, enum action a)
{
	size_t	i;

	if (key < 0)
		return;
	if (key & KEYMAP_CHAR) {
		for (i = 0; i < km->nextra; i++) {
			if (km->extra[i].key == key) {
				km->extra[i].action = a;
				return;
			}
		}
		if (a == ACTION_NONE)
			return;
		km->extra = xreallocarray(km->extra, km->nextra + 1,
		    sizeof *km->extra);
		km->extra[km->nextra].key = key;
		km->extra[km->nextra++].action = a;
		return;
	}
	if (key >= 0 && key < KEYMAP_SIZE)
		km->map[key] = a;
}

void
keymap_bind(struct keymap *km, int key, enum action a)
{
	size_t	i;

	key = keymap_key_canonical(key);
	keymap_bind_one(km, key, a);
	for (i = 0; i < sizeof keymap_forms / sizeof keymap_forms[0]; i++)
		if (keymap_forms[i].canonical == key)
			keymap_bind_one(km, keymap_forms[i].key, a);
}

/* Appends key's name to buf, after a comma when used > 0. */
static size_t
keymap_keys_append(char *buf, size_t n, size_t used, int key)
{
	char	name[32];
	int	w;

	keymap_key_name(key, name, sizeof name);
	w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", name);
	return (w < 0 ? n : used + (size_t)w);
}

void
keymap_keys_for(const struct keymap *km, enum action a, char *buf, size_t n)
{
	size_t	used = 0, i;
	int	key;

	if (n == 0)
		return;
	buf[0] = '\0';
	for (key = 0; key < KEYMAP_SIZE && used + 1 < n; key++) {
		if (km->map[key] != a || keymap_key_canonical(key) != key)
			continue;
		used = keymap_keys_append(buf, n, used, key);
	}
	for (i = 0; i < km->nextra && used + 1 < n; i++)
		if (km->extra[i].action == a)
			used = keymap_keys_append(buf, n, used,
			    km->extra[i].key);
}

bool
keymap_parse_action(const char *name, enum action *a)
{
	int	i;

	if (name == NULL)
		return (false);
	for (i = 0; i < ACTION_COUNT; i++) {
		if (strcasecmp(action_names[i], name) == 0) {
			*a = (enum action)i;
			return (true);
		}
	}
	return (false);
}

const char *
keymap_suggest_action(const char *word)
{
	return (cmdline_suggest(word, action_names, ACTION_COUNT));
}

const char *
keymap_suggest_key(const char *word)
{
	static char	 buf[16];
	const char	*names[sizeof keymap_names / sizeof keymap_names[0] +
			    sizeof keymap_spellings /
			    sizeof keymap_spellings[0]];
	const char	*near;
	size_t		 i, n = 0, len;

	if (word == NULL)
		return (NULL);
	/* Other programs' ways to write a control key: ^X, Ctrl-x, C-X. */
	len = strlen(word);
	if ((len == 2 && word[0] == '^') ||
	    (len == 6 && strncasecmp(word, "ctrl", 4) == 0 &&
	    (word[4] == '-' || word[4] == '+')) ||
	    (len == 3 && strncasecmp(word, "c", 1) == 0 && word[1] == '+')) {
		char c = word[len - 1];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			snprintf(buf, sizeof buf, "C-%c", c | 0x20);
			return (buf);
		}
	}
	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++)
		names[n++] = keymap_names[i].name;
	for (i = 0; i < sizeof keymap_spellings / sizeof keymap_spellings[0];
	    i++)
		names[n++] = keymap_spellings[i].name;
	/* Near "PgDn" or "Down", the name to learn is still "PageDown". */
	if ((near = cmdline_suggest(word, names, n)) == NULL)
		return (NULL);
	keymap_key_name(keymap_parse_key(near), buf, sizeof buf);
	return (buf);
}

const char *
keymap_key_name_at(size_t i)
{
	if (i >= sizeof keymap_names / sizeof keymap_names[0])
		return (NULL);
	return (keymap_names[i].name);
}

bool
keymap_default_at(size_t i, const char **key, const char **action)
{
	if (i >= sizeof keymap_defaults / sizeof keymap_defaults[0])
		return (false);
	*key = keymap_defaults[i].key;
	*action = keymap_defaults[i].action;
	return (true);
}

size_t
keymap_apply_bindings(struct keymap *km, const struct settings *s)
{
	const struct settings_key	*k;
	enum action			 a;
	size_t				 i, n = 0;
	int				 key;

	for (i = 0; i < s->keys.n; i++) {
		k = &s->keys.v[i];
		key = keymap_parse_key(k->key);
		if (key < 0 || !keymap_parse_action(k->action, &a))
			continue;	/* settings.c reported it */
		keymap_bind(km, key, a);
		n++;
	}
	return (n);
}
