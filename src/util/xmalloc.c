/*
 * xmalloc.c — allocation wrappers that exit on failure, and fatal().
 *
 * Owns the fatal hook (set by the UI to restore the terminal) and the
 * re-entrancy guard that keeps a failure inside fatal() from looping.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xmalloc.h"
#include "util/log.h"

static void	(*fatal_hook)(void);
static int	  fatal_depth;

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		fatal("xmalloc: zero size");
	p = malloc(size);
	if (p == NULL)
		fatal("xmalloc: out of memory (%zu bytes)", size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		fatal("xcalloc: zero size");
	if (nmemb > SIZE_MAX / size)
		fatal("xcalloc: %zu * %zu bytes overflows", nmemb, size);
	p = calloc(nmemb, size);
	if (p == NULL)
		fatal("xcalloc: out of memory (%zu * %zu bytes)", nmemb, size);
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void	*p;

	if (size == 0)
		fatal("xrealloc: zero size");
	p = realloc(ptr, size);
	if (p == NULL)
		fatal("xrealloc: out of memory (%zu bytes)", size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (nmemb == 0 || size == 0)
		fatal("xreallocarray: zero size");
	if (nmemb > SIZE_MAX / size)
		fatal("xreallocarray: %zu * %zu bytes overflows", nmemb, size);
	return xrealloc(ptr, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	if (len == SIZE_MAX)
		fatal("xstrndup: string too long");
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 ap2;
	char	*s;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("xvasprintf: bad format \"%s\"", fmt);
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void
fatal_set_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

void
fatal(const char *fmt, ...)
{
	char	 msg[1024];
	va_list	 ap;
	size_t	 i, len;
	int	 saved_errno;

	saved_errno = errno;
	fatal_depth++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);

	if (fatal_depth == 1) {
		if (fatal_hook != NULL)
			fatal_hook();
		errno = saved_errno;
		log_debug("fatal: %s", msg);
	}

	/* The message may quote outside text: keep it inert. */
	len = strlen(msg);
	for (i = 0; i < len; i++) {
		if ((unsigned char)msg[i] < 0x20 ||
		    (unsigned char)msg[i] == 0x7f)
			msg[i] = '?';
	}
	fflush(stdout);
	fprintf(stderr, "cme: %s\n", msg);
	fflush(stderr);
	if (fatal_depth > 1)
		_exit(FATAL_EXIT_STATUS);
	exit(FATAL_EXIT_STATUS);
}
