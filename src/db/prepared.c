/*
 * prepared.c — the statements a connection keeps parsed and planned for
 * its session (named prepared statements), so that a screen shown again
 * costs the server its execution only.
 *
 * Measured at 300,000 pupils (bench/fixes.md, round 5): parsing and
 * planning were 40% of the server's time for the client's statements
 * (the Summary, list pages and tabs are long statements with many
 * sub-selects, executed in a few milliseconds). conn.c asks this cache
 * which name to execute a statement under and whether it must be parsed
 * first; the names are "cme_p1", "cme_p2", ... in the order first seen.
 *
 * Bounded: at most DB_PREP_MAX statements are kept (the server holds each
 * one's plan for the session); later new texts run unnamed, as before.
 * Only SELECT and WITH statements are kept: transaction control, SET,
 * LISTEN and DO gain nothing. A new session (a reconnect) starts empty,
 * and a "cached plan must not change result type" error (a migration
 * changed a table under a kept statement) empties it too: fresh names are
 * parsed next time. Turned off (database.prepare = false) for a pooler
 * that does not carry named statements between transactions (PgBouncer
 * before 1.21 in transaction mode).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/db_private.h"
#include "util/xmalloc.h"

#define DB_PREP_MAX	128

struct db_prep_entry {
	char		*sql;		/* owned; NULL: free slot */
	uint64_t	 hash;
	char		 name[24];
};

struct db_prep_cache {
	struct db_prep_entry	 e[DB_PREP_MAX];
	int			 n;	/* slots used */
	uint64_t		 seq;	/* names given so far */
};

static uint64_t
db_prep_hash(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (h);
}

/* Does s start with the keyword w (any case)? */
static bool
db_prep_word(const char *s, const char *w)
{
	size_t	n = strlen(w);

	return (strncasecmp(s, w, n) == 0 &&
	    !isalnum((unsigned char)s[n]) && s[n] != '_');
}

/* Is sql worth keeping: a query (SELECT or WITH)? */
static bool
db_prep_wanted(const char *sql)
{
	while (isspace((unsigned char)*sql) || *sql == '(')
		sql++;
	return (db_prep_word(sql, "SELECT") || db_prep_word(sql, "WITH"));
}

struct db_prep_cache *
db_prep_new(void)
{
	return (xcalloc(1, sizeof (struct db_prep_cache)));
}

void
db_prep_forget(struct db_prep_cache *c)
{
	int	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->e[i].sql);
		c->e[i].sql = NULL;
	}
	c->n = 0;
}

void
db_prep_free(struct db_prep_cache *c)
{
	db_prep_forget(c);
	free(c);
}

const char *
db_prep_lookup(struct db_prep_cache *c, const char *sql, int *slot,
    bool *parse)
{
	struct db_prep_entry	*e;
	uint64_t		 h;
	int			 i;

	*slot = -1;
	*parse = false;
	if (c == NULL || !db_prep_wanted(sql))
		return (NULL);
	h = db_prep_hash(sql);
	for (i = 0; i < c->n; i++) {
		e = &c->e[i];
		if (e->sql != NULL && e->hash == h && strcmp(e->sql, sql) == 0) {
			/*
			 * Parsed, or to be parsed earlier in the same
			 * pipeline: either way the name is good here.
			 */
			*slot = i;
			return (e->name);
		}
	}
	for (i = 0; i < c->n && c->e[i].sql != NULL; i++)
		;
	if (i == c->n) {
		if (c->n == DB_PREP_MAX)
			return (NULL);
		c->n++;
	}
	e = &c->e[i];
	e->sql = xstrdup(sql);
	e->hash = h;
	snprintf(e->name, sizeof e->name, "cme_p%llu",
	    (unsigned long long)++c->seq);
	*slot = i;
	*parse = true;
	return (e->name);
}

/* Not on the server: the next use parses it again, under a new name. */
void
db_prep_failed(struct db_prep_cache *c, int slot)
{
	if (c == NULL || slot < 0 || slot >= c->n || c->e[slot].sql == NULL)
		return;
	free(c->e[slot].sql);
	c->e[slot].sql = NULL;
}
