/*
 * keymap.c — key bindings. The defaults are written the way a user would
 * write them in the configuration file (key name, action name), so the
 * built-in table documents itself and the help screen can list it.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/keymap.h"
#include "util/xmalloc.h"

#define KEYMAP_SIZE	(KEY_MAX + 1)

struct keymap {
	enum action	*map;	/* owned, KEYMAP_SIZE entries */
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
	{ "Enter", "open" },		{ "l", "open" },
	{ "Right", "open" },
	{ "Tab", "next-pane" },
	{ "q", "back" },		{ "h", "back" },
	{ "Left", "back" },		{ "Escape", "back" },
	{ "Q", "quit" },
	{ "C-l", "redraw" },
	{ "r", "reconnect" },
	{ "?", "help" },		{ "F1", "help" },
	{ "1", "tab-summary" },		{ "2", "tab-timeline" },
	{ "3", "tab-attendance" },	{ "4", "tab-enquiries" },
	{ "5", "tab-family" },		{ "6", "tab-alerts" },
	{ "]", "tab-next" },		{ "[", "tab-prev" },
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

int
keymap_parse_key(const char *s)
{
	size_t	i;
	int	n;

	if (s == NULL || *s == '\0')
		return (-1);
	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++)
		if (strcasecmp(keymap_names[i].name, s) == 0)
			return (keymap_names[i].key);
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] != '\0' &&
	    s[3] == '\0') {
		if (s[2] >= 'a' && s[2] <= 'z')
			return (s[2] - 'a' + 1);
		if (s[2] >= 'A' && s[2] <= 'Z')
			return (s[2] - 'A' + 1);
		return (-1);
	}
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		n = atoi(s + 1);
		if (n >= 1 && n <= 12 && strspn(s + 1, "0123456789") ==
		    strlen(s + 1))
			return (KEY_F(n));
		return (-1);
	}
	if (s[1] == '\0' && (unsigned char)s[0] > ' ' &&
	    (unsigned char)s[0] < 127)
		return ((unsigned char)s[0]);
	return (-1);
}

void
keymap_key_name(int key, char *buf, size_t n)
{
	size_t	i;

	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++) {
		if (keymap_names[i].key == key) {
			snprintf(buf, n, "%s", keymap_names[i].name);
			return;
		}
	}
	if (key == KEY_ENTER || key == '\r') {
		snprintf(buf, n, "Enter");
	} else if (key >= 1 && key <= 26) {
		snprintf(buf, n, "C-%c", 'a' + key - 1);
	} else if (key >= KEY_F(1) && key <= KEY_F(12)) {
		snprintf(buf, n, "F%d", key - KEY_F(0));
	} else if (key > ' ' && key < 127) {
		snprintf(buf, n, "%c", key);
	} else {
		snprintf(buf, n, "#%d", key);
	}
}

struct keymap *
keymap_new(void)
{
	struct keymap	*km;
	size_t		 i;
	int		 key;

	km = xcalloc(1, sizeof *km);
	km->map = xcalloc(KEYMAP_SIZE, sizeof *km->map);
	for (i = 0; i < sizeof keymap_defaults / sizeof keymap_defaults[0];
	    i++) {
		key = keymap_parse_key(keymap_defaults[i].key);
		if (key < 0)
			fatal("keymap: bad default key %s",
			    keymap_defaults[i].key);
		keymap_bind(km, key,
		    action_from_name(keymap_defaults[i].action));
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
	free(km);
}

enum action
keymap_lookup(const struct keymap *km, int key)
{
	if (key < 0 || key >= KEYMAP_SIZE)
		return (ACTION_NONE);
	return (km->map[key]);
}

void
keymap_bind(struct keymap *km, int key, enum action a)
{
	if (key >= 0 && key < KEYMAP_SIZE)
		km->map[key] = a;
}

void
keymap_keys_for(const struct keymap *km, enum action a, char *buf, size_t n)
{
	char	name[32];
	size_t	used = 0;
	int	key;

	buf[0] = '\0';
	for (key = 0; key < KEYMAP_SIZE && used + 1 < n; key++) {
		if (km->map[key] != a || key == '\r' || key == KEY_ENTER)
			continue;
		keymap_key_name(key, name, sizeof name);
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    used ? ", " : "", name);
		if (used >= n)
			break;
	}
}
