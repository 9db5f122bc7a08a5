/*
 * saved_queue.c — an officer's own named queues: checking, statements,
 * and reading them back (see saved_queue.h).
 *
 * Nothing here decides who may see what: the statements name
 * owner = current_user for clarity, and cme.saved_queue's policy
 * (010_security.sql) is what keeps one officer's queues from another.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/queries.h"
#include "model/saved_queue.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static void
saved_queue_stmt_init(struct saved_queue_stmt *st)
{
	memset(st, 0, sizeof *st);
}

/*
 * Copies name, trimmed, into st->name. Returns 0, or -1 with msg set:
 * empty, too long, not UTF-8 or holding control characters.
 */
static int
saved_queue_name(struct saved_queue_stmt *st, const char *name, char *msg,
    size_t msgsize)
{
	size_t		 len, i, chars = 0;
	uint32_t	 cp;
	int		 k;

	if (name == NULL)
		name = "";
	while (*name == ' ' || *name == '\t')
		name++;
	len = strlen(name);
	while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
		len--;
	if (len == 0) {
		snprintf(msg, msgsize, "a queue needs a name");
		return (-1);
	}
	for (i = 0; i < len; i += (size_t)k) {
		k = utf8_decode(name + i, len - i, &cp);
		if (k == 0 || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0)) {
			snprintf(msg, msgsize, "a queue name is plain text (no "
			    "control characters)");
			return (-1);
		}
		chars++;
	}
	if (chars > SAVED_QUEUE_NAME_MAX || len >= sizeof st->name) {
		snprintf(msg, msgsize, "a queue name has %d characters at most",
		    SAVED_QUEUE_NAME_MAX);
		return (-1);
	}
	memcpy(st->name, name, len);
	st->name[len] = '\0';
	return (0);
}

int
saved_queue_prepare_save(struct saved_queue_stmt *st, const char *name,
    enum limit_kind kind, const char *pattern, bool replace, char *msg,
    size_t msgsize)
{
	struct limit		*l;
	struct limit_error	 err;
	struct sbuf		 sb = SBUF_INIT;

	saved_queue_stmt_init(st);
	if (saved_queue_name(st, name, msg, msgsize) != 0)
		return (-1);
	if ((l = limit_parse(pattern, kind, &err)) == NULL) {
		snprintf(msg, msgsize, "%s", err.message);
		return (-1);
	}
	limit_format(l, &sb);
	limit_free(l);
	if (sb.len > LIMIT_PATTERN_MAX) {
		sbuf_release(&sb);
		snprintf(msg, msgsize, "the pattern is too long to save (%d "
		    "characters at most)", LIMIT_PATTERN_MAX);
		return (-1);
	}
	st->pattern = sbuf_detach(&sb, NULL);
	st->sql = QUERY_QUEUE_SAVE;
	st->params[0] = st->name;
	st->params[1] = limit_kind_name(kind);
	st->params[2] = st->pattern;
	st->params[3] = replace ? "true" : "false";
	st->nparams = 4;
	return (0);
}

void
saved_queue_prepare_list(struct saved_queue_stmt *st)
{
	saved_queue_stmt_init(st);
	st->sql = QUERY_QUEUE_LIST;
}

int
saved_queue_prepare_delete(struct saved_queue_stmt *st, const char *name,
    char *msg, size_t msgsize)
{
	saved_queue_stmt_init(st);
	if (saved_queue_name(st, name, msg, msgsize) != 0)
		return (-1);
	st->sql = QUERY_QUEUE_DELETE;
	st->params[0] = st->name;
	st->nparams = 1;
	return (0);
}

int
saved_queue_prepare_move(struct saved_queue_stmt *st, const char *name,
    int position, char *msg, size_t msgsize)
{
	saved_queue_stmt_init(st);
	if (saved_queue_name(st, name, msg, msgsize) != 0)
		return (-1);
	if (position < 0 || position > 32767) {
		snprintf(msg, msgsize, "a queue's position is 0 to 32767");
		return (-1);
	}
	snprintf(st->position, sizeof st->position, "%d", position);
	st->sql = QUERY_QUEUE_MOVE;
	st->params[0] = st->name;
	st->params[1] = st->position;
	st->nparams = 2;
	return (0);
}

void
saved_queue_stmt_release(struct saved_queue_stmt *st)
{
	if (st == NULL)
		return;
	free(st->pattern);
	st->pattern = NULL;
}

void
saved_queue_add_list(struct db_batch *b, db_result_fn fn, void *arg)
{
	db_batch_add(b, QUERY_QUEUE_LIST, 0, NULL, fn, arg);
}

int
saved_queue_add_save(struct db_batch *b, const char *name,
    enum limit_kind kind, const char *pattern, bool replace, db_result_fn fn,
    void *arg, char *msg, size_t msgsize)
{
	struct saved_queue_stmt	 st;
	int			 rc;

	rc = saved_queue_prepare_save(&st, name, kind, pattern, replace, msg,
	    msgsize);
	if (rc == 0)
		db_batch_add(b, st.sql, st.nparams, st.params, fn, arg);
	saved_queue_stmt_release(&st);
	return (rc);
}

int
saved_queue_add_delete(struct db_batch *b, const char *name, db_result_fn fn,
    void *arg, char *msg, size_t msgsize)
{
	struct saved_queue_stmt	 st;

	if (saved_queue_prepare_delete(&st, name, msg, msgsize) != 0)
		return (-1);
	db_batch_add(b, st.sql, st.nparams, st.params, fn, arg);
	saved_queue_stmt_release(&st);
	return (0);
}

bool
saved_queue_saved(const struct db_rows *r)
{
	return (r != NULL && db_rows_count(r) > 0);
}

bool
saved_queue_found(const struct db_rows *r)
{
	return (r != NULL && db_rows_count(r) > 0);
}

static char *
saved_queue_dup(const struct db_rows *r, int row, int col)
{
	const char	*v;

	v = col < 0 ? NULL : db_rows_value(r, row, col);
	return (xstrdup(v != NULL ? v : ""));
}

/* The array and its strings belong to the caller. */
struct saved_queue *
saved_queue_list_read(const struct db_rows *r, size_t *n)
{
	struct saved_queue	*q = NULL;
	const char		*kind, *pos;
	int			 i, rows, cid, cname, ckind, cpat, cpos;
	size_t			 k = 0;
	enum limit_kind		 lk;

	*n = 0;
	if (r == NULL || (rows = db_rows_count(r)) <= 0)
		return (NULL);
	cid = db_rows_find(r, "queue_id");
	cname = db_rows_find(r, "name");
	ckind = db_rows_find(r, "kind");
	cpat = db_rows_find(r, "pattern");
	cpos = db_rows_find(r, "position");
	q = xcalloc((size_t)rows, sizeof *q);
	for (i = 0; i < rows; i++) {
		kind = ckind < 0 ? NULL : db_rows_value(r, i, ckind);
		if (limit_kind_parse(kind, &lk) != 0)
			continue;
		pos = cpos < 0 ? NULL : db_rows_value(r, i, cpos);
		q[k].id = saved_queue_dup(r, i, cid);
		q[k].name = saved_queue_dup(r, i, cname);
		q[k].kind = lk;
		q[k].pattern = saved_queue_dup(r, i, cpat);
		q[k].position = pos != NULL ? atoi(pos) : 0;
		k++;
	}
	if (k == 0) {
		free(q);
		return (NULL);
	}
	*n = k;
	return (q);
}

void
saved_queue_list_free(struct saved_queue *q, size_t n)
{
	size_t	 i;

	if (q == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(q[i].id);
		free(q[i].name);
		free(q[i].pattern);
	}
	free(q);
}
