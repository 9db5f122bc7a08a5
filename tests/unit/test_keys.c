/*
 * test_keys.c — key names and bindings: every key's name reads back as
 * the same key, the several forms of Enter and Backspace bind together,
 * non-ASCII keys bind, the keys list of a settings file applies with each
 * bad entry reported as file:line and skipped, and etc/cme.conf and
 * doc/cme.1 agree with the built-in table (every binding, action and key
 * name documented). No terminal: curses.h only names the key codes.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "ui/keymap.h"
#include "unit.h"

static char tmpdir[] = "/tmp/cme-keys-XXXXXX";

static char *
write_file(const char *name, const char *text)
{
	static char	path[256];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	if ((f = fopen(path, "w")) == NULL)
		return (NULL);
	fputs(text, f);
	fclose(f);
	return (path);
}

/* The whole file, NUL-terminated (owned), or NULL. */
static char *
slurp(const char *path)
{
	FILE	*f;
	char	*buf;
	long	 n;

	if ((f = fopen(path, "r")) == NULL)
		return (NULL);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return (NULL);
	}
	buf[n] = '\0';
	fclose(f);
	return (buf);
}

static bool
diag_has(const struct settings_diag *d, const char *needle)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->lines[i], needle) != NULL)
			return (true);
	printf("#   no diagnostic has: %s\n", needle);
	for (i = 0; i < d->n; i++)
		printf("#   diag: %s\n", d->lines[i]);
	return (false);
}

static int
parse(const char *s)
{
	return (keymap_parse_key(s));
}

static const char *
name(int key)
{
	static char	buf[32];

	keymap_key_name(key, buf, sizeof buf);
	return (buf);
}

static void
test_names(void)
{
	static const int	chars[] = { 0xe9, 0xf6, 0xdf, 0x4e2d, 0x1f600 };
	size_t			i;
	int			key, bad = 0;

	UNIT_INT_EQ(parse("j"), 'j', "a letter");
	UNIT_INT_EQ(parse("Up"), KEY_UP, "Up");
	UNIT_INT_EQ(parse("pageup"), KEY_PPAGE, "names in any case");
	UNIT_INT_EQ(parse("PgDn"), KEY_NPAGE, "PgDn is read too");
	UNIT_INT_EQ(parse("Esc"), 27, "Esc is read too");
	UNIT_INT_EQ(parse("C-l"), 12, "C-l");
	UNIT_INT_EQ(parse("c-L"), 12, "c-L");
	UNIT_INT_EQ(parse("C-@"), 0, "C-@");
	UNIT_INT_EQ(parse("C-_"), 31, "C-_");
	UNIT_INT_EQ(parse("F1"), KEY_F(1), "F1");
	UNIT_INT_EQ(parse("f24"), KEY_F(24), "F24");
	UNIT_INT_EQ(parse("Space"), ' ', "Space");
	UNIT_INT_EQ(parse(" "), ' ', "a blank is Space");
	UNIT_INT_EQ(parse("#263"), 263, "#N: a raw code");
	UNIT_INT_EQ(parse("\xc3\xb6"), KEYMAP_CHAR | 0xf6, "\"ö\" binds");
	UNIT_INT_EQ(parse("#"), '#', "# alone is the character");

	UNIT_INT_EQ(parse(""), -1, "empty: no key");
	UNIT_INT_EQ(parse(NULL), -1, "NULL: no key");
	UNIT_INT_EQ(parse("F0"), -1, "F0: no key");
	UNIT_INT_EQ(parse("F25"), -1, "F25: no key");
	UNIT_INT_EQ(parse("F1x"), -1, "F1x: no key");
	UNIT_INT_EQ(parse("C-"), -1, "C-: no key");
	UNIT_INT_EQ(parse("C-1"), -1, "C-1: no key");
	UNIT_INT_EQ(parse("C-ab"), -1, "C-ab: no key");
	UNIT_INT_EQ(parse("#99999"), -1, "#99999: no key");
	UNIT_INT_EQ(parse("#-1"), -1, "#-1: no key");
	UNIT_INT_EQ(parse("jj"), -1, "two letters: no key");
	UNIT_INT_EQ(parse("\x1b"), -1, "a raw ESC byte: no key");
	UNIT_INT_EQ(parse("\x7f"), -1, "a raw DEL byte: no key");
	UNIT_INT_EQ(parse("\xc2\x85"), -1, "a C1 control: no key");
	UNIT_INT_EQ(parse("\xe2\x80\xae"), -1, "a bidi override: no key");
	UNIT_INT_EQ(parse("\xff"), -1, "invalid UTF-8: no key");
	UNIT_INT_EQ(parse("\xc3\xb6x"), -1, "two characters: no key");

	UNIT_STR_EQ(name('\r'), "Enter", "CR is named Enter");
	UNIT_STR_EQ(name(KEY_ENTER), "Enter", "KEY_ENTER is named Enter");
	UNIT_STR_EQ(name(127), "Backspace", "DEL is named Backspace");
	UNIT_STR_EQ(name(14), "C-n", "C-n");
	UNIT_STR_EQ(name(28), "C-\\", "C-\\");
	UNIT_STR_EQ(name(KEY_F(13)), "F13", "F13");
	UNIT_STR_EQ(name(KEYMAP_CHAR | 0xe9), "\xc3\xa9", "é by itself");
	UNIT_STR_EQ(name(KEY_SLEFT), "#393", "an unnamed key is #N");

	/* parse(name(k)) is k, or the form k is bound by. */
	for (key = 0; key <= KEY_MAX; key++) {
		if (parse(name(key)) != keymap_key_canonical(key)) {
			printf("#   key %d: name %s reads back as %d\n", key,
			    name(key), parse(name(key)));
			bad++;
		}
	}
	for (i = 0; i < sizeof chars / sizeof chars[0]; i++)
		if (parse(name(KEYMAP_CHAR | chars[i])) !=
		    (KEYMAP_CHAR | chars[i]))
			bad++;
	UNIT_INT_EQ(bad, 0, "every key's name reads back as the key");

	UNIT_INT_EQ(keymap_input_key(false, 'j'), 'j', "input: a letter");
	UNIT_INT_EQ(keymap_input_key(true, KEY_UP), KEY_UP,
	    "input: a key code");
	UNIT_INT_EQ(keymap_input_key(false, 0xf6), KEYMAP_CHAR | 0xf6,
	    "input: a wide character");
	UNIT_INT_EQ(keymap_input_key(false, 0x110000), -1,
	    "input: beyond Unicode");

	UNIT_STR_EQ(keymap_suggest_key("PageDwn"), "PageDown",
	    "key suggestion");
	UNIT_STR_EQ(keymap_suggest_key("^X"), "C-x", "^X means C-x");
	UNIT_STR_EQ(keymap_suggest_key("Ctrl+N"), "C-n", "Ctrl+N means C-n");
	UNIT_STR_EQ(keymap_suggest_action("tab-atendance"), "tab-attendance",
	    "action suggestion");
}

static void
test_bindings(void)
{
	struct keymap	*km;
	enum action	 a;
	char		 buf[128];

	km = keymap_new();
	UNIT_INT_EQ(keymap_lookup(km, 'l'), ACTION_LIMIT, "l: limit");
	UNIT_INT_EQ(keymap_lookup(km, '/'), ACTION_SEARCH, "/: search");
	UNIT_INT_EQ(keymap_lookup(km, ':'), ACTION_COMMAND, ":: command");
	UNIT_INT_EQ(keymap_lookup(km, '\r'), ACTION_OPEN, "CR opens");
	UNIT_INT_EQ(keymap_lookup(km, -5), ACTION_NONE, "a bad key: none");

	keymap_bind(km, parse("Enter"), ACTION_MOVE_DOWN);
	UNIT_CHECK(keymap_lookup(km, '\n') == ACTION_MOVE_DOWN &&
	    keymap_lookup(km, '\r') == ACTION_MOVE_DOWN &&
	    keymap_lookup(km, KEY_ENTER) == ACTION_MOVE_DOWN,
	    "binding Enter binds all its forms");
	keymap_bind(km, parse("Backspace"), ACTION_BACK);
	UNIT_CHECK(keymap_lookup(km, 127) == ACTION_BACK &&
	    keymap_lookup(km, KEY_BACKSPACE) == ACTION_BACK,
	    "binding Backspace binds DEL too");
	keymap_keys_for(km, ACTION_MOVE_DOWN, buf, sizeof buf);
	UNIT_STR_EQ(buf, "Enter, j, Down", "keys listed once per key");

	keymap_bind(km, parse("\xc3\xb6"), ACTION_TAB_NEXT);
	UNIT_INT_EQ(keymap_lookup(km, KEYMAP_CHAR | 0xf6), ACTION_TAB_NEXT,
	    "a non-ASCII key binds");
	keymap_keys_for(km, ACTION_TAB_NEXT, buf, sizeof buf);
	UNIT_STR_EQ(buf, "], \xc3\xb6", "... and is listed");
	keymap_bind(km, parse("\xc3\xb6"), ACTION_NONE);
	UNIT_INT_EQ(keymap_lookup(km, KEYMAP_CHAR | 0xf6), ACTION_NONE,
	    "... and unbinds");
	keymap_keys_for(km, ACTION_TAB_NEXT, buf, 4);
	UNIT_STR_EQ(buf, "]", "a short buffer is cut");
	keymap_free(km);
	keymap_free(NULL);

	UNIT_CHECK(keymap_parse_action("none", &a) && a == ACTION_NONE,
	    "none is an action name");
	UNIT_CHECK(keymap_parse_action("TAB-NEXT", &a) && a == ACTION_TAB_NEXT,
	    "action names in any case");
	UNIT_CHECK(!keymap_parse_action("tab-nxt", &a), "unknown action");
}

static void
test_config(void)
{
	struct settings		 s;
	struct settings_diag	 d = { NULL, 0 };
	struct keymap		*km;
	char			*p;

	settings_init(&s);
	UNIT_INT_EQ(s.keys.n, 0, "no bindings by default");
	p = write_file("keys.conf",
	    "keys = (\n"
	    "  { key = \"j\";   action = \"move-down\"; },\n"	/* 2 [0] */
	    "  { key = \"C-N\"; action = \"move-down\"; },\n"	/* 3 [1] */
	    "  { key = \"r\";   action = \"none\"; },\n"	/* 4 [2] */
	    "  { key = \"J\";   action = \"move-dwn\"; },\n"	/* 5 [3] */
	    "  { key = \"PageDwn\"; action = \"page-down\"; },\n"	/* 6 */
	    "  { key = \"k\"; },\n"				/* 7 [5] */
	    "  \"Q\",\n"					/* 8 [6] */
	    "  { key = \"z\"; action = \"quit\"; pane = \"list\"; },\n"
	    "  { key = 5; action = \"quit\"; },\n"		/* 10 [8] */
	    "  { key = \"\xc3\xb6\"; action = \"tab-next\"; },\n" /* 11 */
	    "  { key = \"q\"; action = \"Quit\"; },\n"		/* 12 [10] */
	    "  { key = \"\x1b[2J\"; action = \"quit\"; }\n"	/* 13 [11] */
	    ");\n");
	UNIT_INT_EQ(settings_load_file(&s, p, true, &d), 0,
	    "a keys list with bad entries still loads");
	UNIT_CHECK(diag_has(&d, "keys.conf:5: keys[3]: unknown action "
	    "'move-dwn' (did you mean move-down?)"),
	    "unknown action: file:line, entry, suggestion");
	UNIT_CHECK(diag_has(&d, "keys.conf:6: keys[4]: unknown key 'PageDwn' "
	    "(did you mean PageDown?)"), "unknown key: file:line, suggestion");
	UNIT_CHECK(diag_has(&d, "keys.conf:7: keys[5]: needs both key"),
	    "an entry without action");
	UNIT_CHECK(diag_has(&d, "keys.conf:8: keys[6]: each entry is { key"),
	    "an entry that is not a group");
	UNIT_CHECK(diag_has(&d, "keys.conf:9: keys[7]: unknown setting "
	    "'pane'"), "an unknown member");
	UNIT_CHECK(diag_has(&d, "keys.conf:10: keys[8]: key must be a "
	    "string"), "a key that is not a string");
	UNIT_CHECK(diag_has(&d, "keys.conf:13: keys[11]: unknown key "
	    "'^[[2J'"), "a control character is quoted inert");
	UNIT_INT_EQ(d.n, 7, "seven problems, no more");
	UNIT_INT_EQ(s.keys.n, 5, "the five good entries are kept");
	UNIT_CHECK(s.keys.n == 5 && strcmp(s.keys.v[1].key, "C-n") == 0 &&
	    strcmp(s.keys.v[4].action, "quit") == 0,
	    "names kept in their canonical spelling");

	km = keymap_new();
	UNIT_INT_EQ(keymap_apply_bindings(km, &s), 5, "five bindings applied");
	UNIT_INT_EQ(keymap_lookup(km, 14), ACTION_MOVE_DOWN, "C-n: move-down");
	UNIT_INT_EQ(keymap_lookup(km, 'r'), ACTION_NONE, "r unbound");
	UNIT_INT_EQ(keymap_lookup(km, 'q'), ACTION_QUIT, "q: quit");
	UNIT_INT_EQ(keymap_lookup(km, KEYMAP_CHAR | 0xf6), ACTION_TAB_NEXT,
	    "ö: tab-next");
	UNIT_INT_EQ(keymap_lookup(km, 'J'), ACTION_NONE,
	    "a bad entry leaves its key as it was");
	UNIT_INT_EQ(keymap_lookup(km, 'k'), ACTION_MOVE_UP,
	    "an incomplete entry changes nothing");
	keymap_free(km);
	settings_diag_release(&d);
	settings_release(&s);

	/* keys must be a list. */
	settings_init(&s);
	p = write_file("scalar.conf", "ui: { ascii = true; };\n"
	    "keys = \"j\";\n");
	settings_load_file(&s, p, true, &d);
	UNIT_CHECK(diag_has(&d, "scalar.conf:2: keys must be a list"),
	    "keys as a string: told the shape");
	UNIT_CHECK(s.ascii, "the rest of the file applies");
	settings_diag_release(&d);
	p = write_file("group.conf", "keys: { j = \"move-down\"; };\n");
	settings_load_file(&s, p, true, &d);
	UNIT_CHECK(diag_has(&d, "group.conf:1: keys must be a list"),
	    "keys as a group: told the shape");
	settings_diag_release(&d);
	p = write_file("two.conf", "keys = ( { key = \"x\"; action = "
	    "\"quit\"; } );\n");
	settings_load_file(&s, p, true, &d);
	settings_load_file(&s, p, true, &d);
	UNIT_INT_EQ(s.keys.n, 2, "a second file adds its entries after");
	settings_diag_release(&d);
	settings_release(&s);
}

/* The roff spelling of a name: '-' is "\-". */
static void
roff(const char *s, char *out, size_t n)
{
	size_t	j = 0;

	for (; *s != '\0' && j + 3 < n; s++) {
		if (*s == '-')
			out[j++] = '\\';
		out[j++] = *s;
	}
	out[j] = '\0';
}

static void
test_documented(void)
{
	struct settings		 s;
	struct settings_diag	 d = { NULL, 0 };
	const char		*root = getenv("CME_ROOT"), *k, *a;
	char			 path[512], want[128], canon[32], *conf, *man;
	size_t			 i, j, n;
	int			 missing = 0, key;

	/* etc/cme.conf's keys list is exactly the built-in table. */
	settings_init(&s);
	snprintf(path, sizeof path, "%s/etc/cme.conf", root ? root : ".");
	settings_load_file(&s, path, true, &d);
	UNIT_INT_EQ(d.n, 0, "etc/cme.conf's keys list is all good");
	for (n = 0; keymap_default_at(n, &k, &a); n++) {
		key = parse(k);
		keymap_key_name(key, canon, sizeof canon);
		for (j = 0; j < s.keys.n; j++)
			if (strcmp(s.keys.v[j].key, canon) == 0 &&
			    strcmp(s.keys.v[j].action, a) == 0)
				break;
		if (j == s.keys.n) {
			printf("#   built in, not in etc/cme.conf: "
			    "{ key = \"%s\"; action = \"%s\"; }\n", k, a);
			missing++;
		}
	}
	UNIT_INT_EQ(missing, 0, "every built-in binding is in etc/cme.conf");
	UNIT_INT_EQ(s.keys.n, n, "... and etc/cme.conf has no other");
	settings_diag_release(&d);
	settings_release(&s);

	/* Every action and key name is documented in both. */
	conf = slurp(path);
	snprintf(path, sizeof path, "%s/doc/cme.1", root ? root : ".");
	man = slurp(path);
	UNIT_CHECK(conf != NULL && man != NULL, "etc/cme.conf and doc/cme.1 "
	    "read");
	if (conf == NULL || man == NULL)
		goto done;
	missing = 0;
	for (i = 1; i < ACTION_COUNT; i++) {
		snprintf(want, sizeof want, "#   %s ", action_name(i));
		if (strstr(conf, want) == NULL) {
			printf("#   action not in etc/cme.conf: %s\n",
			    action_name(i));
			missing++;
		}
		snprintf(want, sizeof want, ".B ");
		roff(action_name(i), want + 3, sizeof want - 3);
		strcat(want, "\n");
		if (strstr(man, want) == NULL) {
			printf("#   action not in doc/cme.1: %s\n",
			    action_name(i));
			missing++;
		}
	}
	for (i = 0; (k = keymap_key_name_at(i)) != NULL; i++) {
		if (strstr(conf, k) == NULL || strstr(man, k) == NULL) {
			printf("#   key name not documented: %s\n", k);
			missing++;
		}
	}
	UNIT_INT_EQ(missing, 0, "every action and key name is documented in "
	    "etc/cme.conf and doc/cme.1");
done:
	free(conf);
	free(man);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL)
		return (1);
	setlocale(LC_ALL, "C.UTF-8");
	test_names();
	test_bindings();
	test_config();
	test_documented();
	unlink(write_file("keys.conf", ""));
	unlink(write_file("scalar.conf", ""));
	unlink(write_file("group.conf", ""));
	unlink(write_file("two.conf", ""));
	rmdir(tmpdir);
	return (unit_done());
}
