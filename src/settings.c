/*
 * settings.c — the settings table and its libconfig loader.
 *
 * libconfig owns the strings it returns until config_destroy(), so every
 * value is copied into struct settings before the file is closed. Unknown
 * groups and keys are reported with file and line (a typo should never be
 * silently ignored), and a bad value keeps the default: the client must
 * still start.
 *
 * The one list, keys, is read entry by entry: a bad entry (unknown key or
 * action name, a missing or extra member) is reported with its line and
 * skipped, so that key keeps its built-in binding; the others apply.
 */
#include <errno.h>
#include <stdarg.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "ui/keymap.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define S(f)	offsetof(struct settings, f)

const struct setting_info settings_table[] = {
	{ "database.conninfo", SETTING_STRING, S(conninfo), "", 0, 0, NULL,
	  "libpq connection string or URI; empty uses PGHOST, PGUSER, "
	  "PGDATABASE, PGSERVICE and ~/.pgpass" },
	{ "database.standby", SETTING_STRING, S(standby), "", 0, 0, NULL,
	  "libpq connection string for the supervisor's heavy reads "
	  "(workload, reports), opened with target_session_attrs="
	  "prefer-standby; empty reads from the primary connection" },
	{ "database.prepare", SETTING_BOOL, S(prepare), "true", 0, 0, NULL,
	  "keep the client's queries parsed and planned for the session "
	  "(named prepared statements); false behind a pooler that does "
	  "not carry them between transactions" },
	{ "database.connect_timeout", SETTING_INT, S(connect_timeout), "10",
	  2, 600, NULL, "seconds to wait for a connection" },
	{ "database.keepalives_idle", SETTING_INT, S(keepalives_idle), "10",
	  1, 7200, NULL, "seconds idle before TCP keepalive probes start" },
	{ "database.keepalives_interval", SETTING_INT,
	  S(keepalives_interval), "5", 1, 600, NULL,
	  "seconds between keepalive probes" },
	{ "database.keepalives_count", SETTING_INT, S(keepalives_count), "3",
	  1, 100, NULL, "lost probes before the link counts as dead" },
	{ "database.tcp_user_timeout", SETTING_INT, S(tcp_user_timeout),
	  "15000", 0, 600000, NULL,
	  "milliseconds sent data may stay unacknowledged (0 = system)" },
	{ "ui.theme", SETTING_STRING, S(theme), "default", 0, 0,
	  "default|light|monochrome", "colour theme" },
	{ "ui.ascii", SETTING_BOOL, S(ascii), "false", 0, 0, NULL,
	  "draw borders with ASCII characters" },
	{ "ui.escdelay", SETTING_INT, S(escdelay), "25", 0, 1000, NULL,
	  "milliseconds to wait after ESC for the rest of a key sequence" },
	{ "log.file", SETTING_STRING, S(log_file), "", 0, 0, NULL,
	  "debug log file (empty: no log); CME_LOG overrides" },
	{ "keys", SETTING_KEYS, S(keys), "", 0, 0, NULL,
	  "key bindings over the built-in ones: a list of "
	  "{ key = \"...\"; action = \"...\"; }" },
};
const size_t settings_table_size =
    sizeof settings_table / sizeof settings_table[0];

static void	settings_diag_add(struct settings_diag *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
settings_diag_add(struct settings_diag *d, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];

	if (d == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	d->lines = xreallocarray(d->lines, d->n + 1, sizeof *d->lines);
	d->lines[d->n++] = xstrdup(buf);
}

void
settings_diag_release(struct settings_diag *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		free(d->lines[i]);
	free(d->lines);
	d->lines = NULL;
	d->n = 0;
}

static char **
settings_str(struct settings *s, const struct setting_info *si)
{
	return ((char **)((char *)s + si->offset));
}

static int *
settings_int(struct settings *s, const struct setting_info *si)
{
	return ((int *)((char *)s + si->offset));
}

static bool *
settings_bool(struct settings *s, const struct setting_info *si)
{
	return ((bool *)((char *)s + si->offset));
}

static struct settings_keys *
settings_keys(struct settings *s, const struct setting_info *si)
{
	return ((struct settings_keys *)((char *)s + si->offset));
}

void
settings_init(struct settings *s)
{
	size_t	i;

	memset(s, 0, sizeof *s);
	for (i = 0; i < settings_table_size; i++) {
		const struct setting_info *si = &settings_table[i];

		switch (si->type) {
		case SETTING_STRING:
			*settings_str(s, si) = xstrdup(si->def);
			break;
		case SETTING_INT:
			*settings_int(s, si) = atoi(si->def);
			break;
		case SETTING_BOOL:
			*settings_bool(s, si) = strcmp(si->def, "true") == 0;
			break;
		case SETTING_KEYS:
			break;		/* empty: the built-in bindings */
		}
	}
}

void
settings_release(struct settings *s)
{
	struct settings_keys	*k;
	size_t			 i, j;

	for (i = 0; i < settings_table_size; i++) {
		switch (settings_table[i].type) {
		case SETTING_STRING:
			free(*settings_str(s, &settings_table[i]));
			break;
		case SETTING_KEYS:
			k = settings_keys(s, &settings_table[i]);
			for (j = 0; j < k->n; j++) {
				free(k->v[j].key);
				free(k->v[j].action);
			}
			free(k->v);
			break;
		case SETTING_INT:
		case SETTING_BOOL:
			break;
		}
	}
	memset(s, 0, sizeof *s);
}

static const struct setting_info *
settings_find(const char *path)
{
	size_t	i;

	for (i = 0; i < settings_table_size; i++)
		if (strcmp(settings_table[i].path, path) == 0)
			return (&settings_table[i]);
	return (NULL);
}

/* Is word one of the '|'-separated choices? */
static bool
settings_choice_ok(const char *choices, const char *word)
{
	size_t	n = strlen(word);
	const char *p = choices;

	while (p != NULL && *p != '\0') {
		const char *bar = strchr(p, '|');
		size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);

		if (len == n && strncmp(p, word, n) == 0)
			return (true);
		p = bar != NULL ? bar + 1 : NULL;
	}
	return (false);
}

/* Applies one scalar setting found at path. */
static void
settings_apply(struct settings *s, const char *file, const char *path,
    config_setting_t *cs, struct settings_diag *d)
{
	const struct setting_info	*si;
	int				 line, type;

	line = config_setting_source_line(cs);
	if ((si = settings_find(path)) == NULL) {
		settings_diag_add(d, "%s:%d: unknown setting '%s'", file, line,
		    path);
		return;
	}
	type = config_setting_type(cs);
	switch (si->type) {
	case SETTING_STRING:
		if (type != CONFIG_TYPE_STRING) {
			settings_diag_add(d, "%s:%d: %s must be a string in "
			    "double quotes", file, line, path);
			return;
		}
		if (si->choices != NULL && !settings_choice_ok(si->choices,
		    config_setting_get_string(cs))) {
			settings_diag_add(d, "%s:%d: %s must be one of %s",
			    file, line, path, si->choices);
			return;
		}
		free(*settings_str(s, si));
		*settings_str(s, si) = xstrdup(config_setting_get_string(cs));
		break;
	case SETTING_INT:
		if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
			settings_diag_add(d, "%s:%d: %s must be a whole number",
			    file, line, path);
			return;
		} else {
			long long v = config_setting_get_int64(cs);

			if (type == CONFIG_TYPE_INT)
				v = config_setting_get_int(cs);
			if (v < si->min || v > si->max) {
				settings_diag_add(d, "%s:%d: %s must be "
				    "between %d and %d", file, line, path,
				    si->min, si->max);
				return;
			}
			*settings_int(s, si) = (int)v;
		}
		break;
	case SETTING_BOOL:
		if (type != CONFIG_TYPE_BOOL) {
			settings_diag_add(d, "%s:%d: %s must be true or false",
			    file, line, path);
			return;
		}
		*settings_bool(s, si) = config_setting_get_bool(cs) != 0;
		break;
	case SETTING_KEYS:
		settings_diag_add(d, "%s:%d: %s must be a list: %s = ( { key = "
		    "\"j\"; action = \"move-down\"; }, ... );", file, line,
		    path, path);
		break;
	}
}

/* A user's word for a message: sanitised, at most 40 bytes. Owned. */
static char *
settings_quote(const char *word)
{
	char	*q, *cut;
	size_t	 n;

	q = sanitize_text(word, strlen(word), 0);
	if (strlen(q) <= 40)
		return (q);
	n = 40;
	while (n > 0 && ((unsigned char)q[n] & 0xc0) == 0x80)
		n--;
	cut = xasprintf("%.*s...", (int)n, q);
	free(q);
	return (cut);
}

/* "file:line: keys[i]: unknown WHAT 'word' (did you mean X?)". */
static void
settings_key_unknown(struct settings_diag *d, const char *file, int line,
    const char *path, int i, const char *what, const char *word,
    const char *near, const char *hint)
{
	char	*q = settings_quote(word);

	if (near != NULL)
		settings_diag_add(d, "%s:%d: %s[%d]: unknown %s '%s' (did you "
		    "mean %s?)", file, line, path, i, what, q, near);
	else
		settings_diag_add(d, "%s:%d: %s[%d]: unknown %s '%s' (%s)",
		    file, line, path, i, what, q, hint);
	free(q);
}

/* Reads one entry of the keys list; false when it was reported. */
static bool
settings_key_entry(const char *file, const char *path, int i,
    config_setting_t *e, struct settings_key *out, struct settings_diag *d)
{
	config_setting_t	*m, *km = NULL, *am = NULL;
	const char		*name;
	enum action		 a;
	char			 buf[16];
	int			 j, n, key;
	bool			 ok = true;

	n = config_setting_length(e);
	for (j = 0; j < n; j++) {
		m = config_setting_get_elem(e, (unsigned int)j);
		name = config_setting_name(m);
		if (name != NULL && (strcmp(name, "key") == 0 ||
		    strcmp(name, "action") == 0)) {
			if (config_setting_type(m) != CONFIG_TYPE_STRING) {
				settings_diag_add(d, "%s:%d: %s[%d]: %s must "
				    "be a string in double quotes", file,
				    config_setting_source_line(m), path, i,
				    name);
				ok = false;
			} else if (name[0] == 'k')
				km = m;
			else
				am = m;
			continue;
		}
		settings_diag_add(d, "%s:%d: %s[%d]: unknown setting '%s' "
		    "(an entry has only key and action)", file,
		    config_setting_source_line(m), path, i,
		    name != NULL ? name : "?");
		ok = false;
	}
	if (!ok)
		return (false);
	if (km == NULL || am == NULL) {
		settings_diag_add(d, "%s:%d: %s[%d]: needs both key = \"...\" "
		    "and action = \"...\"", file,
		    config_setting_source_line(e), path, i);
		return (false);
	}
	if ((key = keymap_parse_key(config_setting_get_string(km))) < 0) {
		settings_key_unknown(d, file, config_setting_source_line(km),
		    path, i, "key", config_setting_get_string(km),
		    keymap_suggest_key(config_setting_get_string(km)),
		    "see KEY NAMES in cme(1)");
		ok = false;
	}
	if (!keymap_parse_action(config_setting_get_string(am), &a)) {
		settings_key_unknown(d, file, config_setting_source_line(am),
		    path, i, "action", config_setting_get_string(am),
		    keymap_suggest_action(config_setting_get_string(am)),
		    "see ACTIONS in cme(1)");
		ok = false;
	}
	if (!ok)
		return (false);
	keymap_key_name(key, buf, sizeof buf);
	out->key = xstrdup(buf);
	out->action = xstrdup(action_name(a));
	return (true);
}

/* The keys list: each good entry is added, each bad one reported. */
static void
settings_read_keys(struct settings *s, const char *file, const char *path,
    const struct setting_info *si, config_setting_t *list,
    struct settings_diag *d)
{
	struct settings_keys	*keys = settings_keys(s, si);
	struct settings_key	 k;
	config_setting_t	*e;
	int			 i, n;

	if (!config_setting_is_list(list)) {
		settings_apply(s, file, path, list, d);	/* says how */
		return;
	}
	n = config_setting_length(list);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(list, (unsigned int)i);
		if (!config_setting_is_group(e)) {
			settings_diag_add(d, "%s:%d: %s[%d]: each entry is "
			    "{ key = \"...\"; action = \"...\"; }", file,
			    config_setting_source_line(e), path, i);
			continue;
		}
		if (!settings_key_entry(file, path, i, e, &k, d))
			continue;
		keys->v = xreallocarray(keys->v, keys->n + 1, sizeof *keys->v);
		keys->v[keys->n++] = k;
	}
}

/* Walks a group, applying scalars and descending into subgroups. */
static void
settings_walk(struct settings *s, const char *file, const char *prefix,
    config_setting_t *group, struct settings_diag *d)
{
	const struct setting_info	*si;
	int				 i, n;

	n = config_setting_length(group);
	for (i = 0; i < n; i++) {
		config_setting_t *cs = config_setting_get_elem(group,
		    (unsigned int)i);
		const char *name = config_setting_name(cs);
		char path[256];

		if (name == NULL)
			continue;
		snprintf(path, sizeof path, "%s%s%s", prefix,
		    *prefix ? "." : "", name);
		si = settings_find(path);
		if (si != NULL && si->type == SETTING_KEYS) {
			settings_read_keys(s, file, path, si, cs, d);
			continue;
		}
		if (config_setting_is_group(cs)) {
			settings_walk(s, file, path, cs, d);
			continue;
		}
		if (config_setting_is_aggregate(cs)) {
			settings_diag_add(d, "%s:%d: %s: lists and arrays "
			    "are not settings here", file,
			    config_setting_source_line(cs), path);
			continue;
		}
		settings_apply(s, file, path, cs, d);
	}
}

int
settings_load_file(struct settings *s, const char *path, bool required,
    struct settings_diag *d)
{
	config_t	 cfg;
	FILE		*f;

	if ((f = fopen(path, "r")) == NULL) {
		if (required || errno != ENOENT) {
			settings_diag_add(d, "%s: %s", path, strerror(errno));
			return (-1);
		}
		return (0);
	}
	config_init(&cfg);
	if (!config_read(&cfg, f)) {
		settings_diag_add(d, "%s:%d: %s", path, config_error_line(&cfg),
		    config_error_text(&cfg));
		config_destroy(&cfg);
		fclose(f);
		return (-1);
	}
	fclose(f);
	settings_walk(s, path, "", config_root_setting(&cfg), d);
	config_destroy(&cfg);
	return (0);
}

char *
settings_default_path(void)
{
	const char	*env;

	if ((env = getenv("CME_CONFIG")) != NULL && *env != '\0')
		return (xstrdup(env));
	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env != '\0')
		return (xasprintf("%s/cme/config", env));
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return (xasprintf("%s/.config/cme/config", env));
	return (NULL);
}
