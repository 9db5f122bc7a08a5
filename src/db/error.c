/*
 * error.c — struct db_error: recoverable errors, server or client side.
 *
 * The caller owns the strings; db_error_release() frees them and leaves the
 * struct empty, so one struct can be reused across calls.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db_private.h"
#include "util/xmalloc.h"

void
db_error_set(struct db_error *err, const char *sqlstate, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[1024];

	if (err == NULL)
		return;
	db_error_release(err);
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	err->message = xstrdup(buf);
	snprintf(err->sqlstate, sizeof err->sqlstate, "%s",
	    sqlstate != NULL ? sqlstate : "");
}

void
db_error_release(struct db_error *err)
{
	if (err == NULL)
		return;
	free(err->message);
	free(err->detail);
	free(err->hint);
	memset(err, 0, sizeof *err);
}


/*
 * One line: libpq's messages end in a newline and some run over several
 * ("server closed the connection unexpectedly\n\tThis probably means
 * ..."); every run of newlines, tabs and spaces becomes one space.
 */
static char *
db_error_trimmed(const char *s)
{
	char	*t;
	size_t	 i, n = 0;
	bool	 space = false;

	t = xstrdup(s != NULL ? s : "");
	for (i = 0; t[i] != '\0'; i++) {
		if (t[i] == '\n' || t[i] == '\t' || t[i] == '\r' ||
		    t[i] == ' ') {
			space = n > 0;
			continue;
		}
		if (space)
			t[n++] = ' ';
		space = false;
		t[n++] = t[i];
	}
	t[n] = '\0';
	return (t);
}

void
db_error_from_result(struct db_error *err, const PGresult *res)
{
	const char	*state, *msg, *detail, *hint;

	if (err == NULL)
		return;
	db_error_release(err);
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	if (msg == NULL)
		msg = PQresultErrorMessage(res);
	if (msg == NULL || *msg == '\0')
		msg = PQresStatus(PQresultStatus(res));
	detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	err->message = db_error_trimmed(msg);
	if (detail != NULL)
		err->detail = db_error_trimmed(detail);
	if (hint != NULL)
		err->hint = db_error_trimmed(hint);
	snprintf(err->sqlstate, sizeof err->sqlstate, "%s",
	    state != NULL ? state : "");
}

void
db_error_from_conn(struct db_error *err, const PGconn *conn)
{
	const char	*msg;

	if (err == NULL)
		return;
	db_error_release(err);
	msg = conn != NULL ? PQerrorMessage(conn) : NULL;
	if (msg == NULL || *msg == '\0')
		msg = "connection to the database failed";
	err->message = db_error_trimmed(msg);
}

double
db_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6);
}
