/*
 * app.h — the terminal client's event loop (src/app.c).
 */
#ifndef CME_APP_H
#define CME_APP_H

#include <stdbool.h>

struct db_params;
struct settings;

struct app_options {
	bool		 ascii;
	const char	*theme;		/* NULL: from settings */
};

/* Runs the client until the user quits; returns the exit status. */
int	app_run(const struct settings *, const struct db_params *,
	    const struct app_options *);

#endif /* CME_APP_H */
