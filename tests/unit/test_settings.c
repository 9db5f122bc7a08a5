/*
 * test_settings.c — the settings loader: defaults, etc/cme.conf agreeing
 * with the table, and bad files reported with file:line while the rest
 * still loads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "unit.h"

static char tmpdir[] = "/tmp/cme-settings-XXXXXX";

static char *
write_file(const char *name, const char *text)
{
	static char	path[256];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	if (f == NULL)
		return (NULL);
	fputs(text, f);
	fclose(f);
	return (path);
}

static bool
diag_has(const struct settings_diag *d, const char *needle)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->lines[i], needle) != NULL)
			return (true);
	return (false);
}

int
main(void)
{
	struct settings		s;
	struct settings_diag	d = { NULL, 0 };
	const char		*root = getenv("CME_ROOT");
	char			path[512];
	char			*p;

	if (mkdtemp(tmpdir) == NULL)
		return (1);

	settings_init(&s);
	UNIT_INT_EQ(s.connect_timeout, 10, "default connect_timeout is 10 s");
	UNIT_STR_EQ(s.theme, "default", "default theme");
	UNIT_CHECK(!s.ascii, "ascii off by default");

	/* The shipped file parses cleanly and changes nothing. */
	snprintf(path, sizeof path, "%s/etc/cme.conf", root ? root : ".");
	UNIT_INT_EQ(settings_load_file(&s, path, true, &d), 0,
	    "etc/cme.conf parses");
	UNIT_INT_EQ((int)d.n, 0, "etc/cme.conf has no unknown or bad settings");
	UNIT_INT_EQ(s.tcp_user_timeout, 15000,
	    "etc/cme.conf shows the default tcp_user_timeout");
	UNIT_CHECK(s.keys.n > 0, "etc/cme.conf lists the built-in keys "
	    "(test_keys checks them)");
	settings_diag_release(&d);
	settings_release(&s);

	/* Every setting in the table is documented in etc/cme.conf. */
	{
		FILE		*f = fopen(path, "r");
		static char	 text[65536];
		size_t		 n, i;
		int		 missing = 0;

		n = f != NULL ? fread(text, 1, sizeof text - 1, f) : 0;
		text[n] = '\0';
		if (f != NULL)
			fclose(f);
		for (i = 0; i < settings_table_size; i++) {
			const char *leaf = strrchr(settings_table[i].path,
			    '.');
			char key[64];

			/* In a group, indented; at the top, not. */
			snprintf(key, sizeof key, "%s%s = ", leaf ? "  " :
			    "\n", leaf ? leaf + 1 : settings_table[i].path);
			if (strstr(text, key) == NULL) {
				printf("#   not documented: %s\n",
				    settings_table[i].path);
				missing++;
			}
		}
		UNIT_INT_EQ(missing, 0, "etc/cme.conf documents every setting");
	}

	/* Values are applied; bad ones keep the default and name the line. */
	settings_init(&s);
	p = write_file("good.conf",
	    "ui: { theme = \"light\"; ascii = true; };\n"
	    "database: { connect_timeout = 30; };\n");
	UNIT_INT_EQ(settings_load_file(&s, p, true, &d), 0, "good file loads");
	UNIT_STR_EQ(s.theme, "light", "theme read from the file");
	UNIT_CHECK(s.ascii, "ascii read from the file");
	UNIT_INT_EQ(s.connect_timeout, 30, "connect_timeout read");
	settings_diag_release(&d);
	settings_release(&s);

	settings_init(&s);
	p = write_file("bad.conf",
	    "ui: {\n"
	    "  theme = \"purple\";\n"
	    "  colour = true;\n"
	    "};\n"
	    "database: { connect_timeout = 9999; keepalives_idle = \"x\"; };\n"
	    "log: { file = \"/tmp/x.log\"; };\n");
	UNIT_INT_EQ(settings_load_file(&s, p, true, &d), 0,
	    "a file with bad values still loads");
	UNIT_CHECK(diag_has(&d, "bad.conf:2: ui.theme must be one of"),
	    "bad theme named with file:line");
	UNIT_CHECK(diag_has(&d, "bad.conf:3: unknown setting 'ui.colour'"),
	    "unknown setting named with file:line");
	UNIT_CHECK(diag_has(&d, "bad.conf:5: database.connect_timeout must be "
	    "between 2 and 600"), "out-of-range number named");
	UNIT_CHECK(diag_has(&d, "database.keepalives_idle must be a whole"),
	    "wrong type named");
	UNIT_STR_EQ(s.theme, "default", "bad theme keeps the default");
	UNIT_INT_EQ(s.connect_timeout, 10, "bad number keeps the default");
	UNIT_STR_EQ(s.log_file, "/tmp/x.log", "good settings still apply");
	settings_diag_release(&d);
	settings_release(&s);

	/* A syntax error names the line and loads nothing. */
	settings_init(&s);
	p = write_file("syntax.conf", "ui: {\n  theme = \"light\";\n  ascii = "
	    ";\n};\n");
	UNIT_INT_EQ(settings_load_file(&s, p, true, &d), -1,
	    "syntax error is reported");
	UNIT_CHECK(diag_has(&d, "syntax.conf:3:"), "syntax error names line 3");
	UNIT_STR_EQ(s.theme, "default", "nothing applied from a broken file");
	settings_diag_release(&d);
	settings_release(&s);

	/* Missing files: fine unless asked for by name. */
	settings_init(&s);
	UNIT_INT_EQ(settings_load_file(&s, "/nonexistent/cme.conf", false, &d),
	    0, "missing default file is not an error");
	UNIT_INT_EQ(settings_load_file(&s, "/nonexistent/cme.conf", true, &d),
	    -1, "missing -c file is an error");
	UNIT_CHECK(diag_has(&d, "/nonexistent/cme.conf: No such file"),
	    "missing -c file named");
	settings_diag_release(&d);
	settings_release(&s);

	unlink(write_file("good.conf", ""));
	unlink(write_file("bad.conf", ""));
	unlink(write_file("syntax.conf", ""));
	rmdir(tmpdir);
	return (unit_done());
}
