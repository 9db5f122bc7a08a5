/*
 * params.c — libpq connection keywords as an owned key/value list.
 *
 * The list is handed to PQconnectStartParams/PQconnectdbParams as two
 * NULL-terminated arrays, so it always keeps a NULL slot at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "util/xmalloc.h"

void
db_params_init(struct db_params *p)
{
	p->cap = 8;
	p->n = 0;
	p->keys = xcalloc(p->cap + 1, sizeof *p->keys);
	p->values = xcalloc(p->cap + 1, sizeof *p->values);
}

void
db_params_add(struct db_params *p, const char *key, const char *value)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		if (strcmp(p->keys[i], key) == 0) {
			free(p->values[i]);
			p->values[i] = xstrdup(value);
			return;
		}
	}
	if (p->n == p->cap) {
		p->cap *= 2;
		p->keys = xreallocarray(p->keys, p->cap + 1, sizeof *p->keys);
		p->values = xreallocarray(p->values, p->cap + 1,
		    sizeof *p->values);
	}
	p->keys[p->n] = xstrdup(key);
	p->values[p->n] = xstrdup(value);
	p->n++;
	p->keys[p->n] = NULL;
	p->values[p->n] = NULL;
}

/* Borrowed until the keyword is replaced or the list released. */
const char *
db_params_get(const struct db_params *p, const char *key)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->keys[i], key) == 0)
			return (p->values[i]);
	return (NULL);
}

void
db_params_release(struct db_params *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->keys[i]);
		free(p->values[i]);
	}
	free(p->keys);
	free(p->values);
	memset(p, 0, sizeof *p);
}
