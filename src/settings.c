/*
 * settings.c — the settings table and its libconfig loader.
 *
 * libconfig owns the strings it returns until config_destroy(), so every
 * value is copied into struct settings before the file is closed. Unknown
 * groups and keys are reported with file and line (a typo should never be
 * silently ignored), and a bad value keeps the default: the client must
 * still start.
 */
#include <errno.h>
#include <stdarg.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "util/xmalloc.h"

#define S(f)	offsetof(struct settings, f)

const struct setting_info settings_table[] = {
	{ "database.conninfo", SETTING_STRING, S(conninfo), "", 0, 0, NULL,
	  "libpq connection string or URI; empty uses PGHOST, PGUSER, "
	  "PGDATABASE, PGSERVICE and ~/.pgpass" },
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
		}
	}
}

void
settings_release(struct settings *s)
{
	size_t	i;

	for (i = 0; i < settings_table_size; i++)
		if (settings_table[i].type == SETTING_STRING)
			free(*settings_str(s, &settings_table[i]));
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
	}
}

/* Walks a group, applying scalars and descending into subgroups. */
static void
settings_walk(struct settings *s, const char *file, const char *prefix,
    config_setting_t *group, struct settings_diag *d)
{
	int	i, n;

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
