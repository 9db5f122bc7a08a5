/*
 * settings.h — every setting of cme, its default, and the libconfig loader.
 *
 * One typed table (settings.c) holds name, type, default, range and help
 * for each setting; etc/cme.conf documents the same settings and a unit
 * test checks that the two agree. The program runs with no file at all.
 */
#ifndef CME_SETTINGS_H
#define CME_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

/* One entry of the keys list, both names checked when the file was read
 * (keymap.h: keymap_parse_key, keymap_parse_action). */
struct settings_key {
	char	*key;		/* owned: a key name (keymap_key_name's) */
	char	*action;	/* owned: an action name, or "none" (unbind) */
};

struct settings_keys {
	struct settings_key	*v;	/* owned, n entries, in file order */
	size_t			 n;
};

struct settings {
	/* database */
	char	*conninfo;		/* libpq conninfo or URI; "" = env */
	char	*standby;		/* conninfo for heavy reads; "" = none */
	bool	 prepare;		/* keep statements prepared */
	int	 connect_timeout;	/* seconds */
	int	 keepalives_idle;	/* seconds */
	int	 keepalives_interval;	/* seconds */
	int	 keepalives_count;
	int	 tcp_user_timeout;	/* milliseconds */
	/* ui */
	char	*theme;			/* default, light, monochrome */
	bool	 ascii;			/* ASCII line drawing */
	int	 escdelay;		/* milliseconds */
	/* log */
	char	*log_file;		/* "" = no log */
	/* keys: bindings over the built-in ones (keymap_apply_bindings) */
	struct settings_keys	 keys;
};

/* Problems found while loading: "file:line: message", owned. */
struct settings_diag {
	char	**lines;
	size_t	  n;
};

enum setting_type {
	SETTING_STRING,
	SETTING_INT,
	SETTING_BOOL,
	SETTING_KEYS,		/* a list of { key = "..."; action = "..."; } */
};

struct setting_info {
	const char		*path;		/* e.g. "database.connect_timeout" */
	enum setting_type	 type;
	size_t			 offset;	/* into struct settings */
	const char		*def;		/* default, as text */
	int			 min, max;	/* SETTING_INT range */
	const char		*choices;	/* SETTING_STRING: "a|b|c" or NULL */
	const char		*help;
};

extern const struct setting_info	settings_table[];
extern const size_t			settings_table_size;

void	settings_init(struct settings *);	/* defaults */
void	settings_release(struct settings *);
/*
 * Reads one libconfig file over the current values. A missing file is an
 * error only when required. Every bad or unknown setting is reported in
 * diag as "file:line: ..." and leaves that setting at its previous value.
 * Returns 0, or -1 when the file could not be read or parsed at all.
 */
int	settings_load_file(struct settings *, const char *path, bool required,
	    struct settings_diag *);
/* The user's file: $CME_CONFIG, else $XDG_CONFIG_HOME/cme/config, else
 * ~/.config/cme/config. Owned by the caller; NULL when no home is known. */
char	*settings_default_path(void);
void	settings_diag_release(struct settings_diag *);

#endif /* CME_SETTINGS_H */
