/*
 * xmalloc.h — allocation that cannot fail, and the one fatal exit.
 *
 * Running out of memory is fatal (style §2.5): every allocator here either
 * returns memory or calls fatal(), which never returns. fatal() is also the
 * exit for programming errors (a zero-size allocation, an impossible state).
 *
 * The UI registers a hook with fatal_set_hook() that restores the terminal
 * (endwin()); fatal() runs it once, before the message is written, so the
 * message lands on a sane screen. The process then exits with status 70
 * (EX_SOFTWARE).
 */
#ifndef CME_UTIL_XMALLOC_H
#define CME_UTIL_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

#define FATAL_EXIT_STATUS 70

/* All pointers returned here belong to the caller (free() them). */
void		*xmalloc(size_t size);		/* size 0 is fatal */
void		*xcalloc(size_t nmemb, size_t size);	/* zeroed */
void		*xrealloc(void *ptr, size_t size);	/* size 0 is fatal */
/* realloc of nmemb * size bytes; a product that overflows is fatal. */
void		*xreallocarray(void *ptr, size_t nmemb, size_t size);
char		*xstrdup(const char *s);
/* Copies at most n bytes of s (stops early at a NUL), NUL-terminated. */
char		*xstrndup(const char *s, size_t n);
char		*xasprintf(const char *fmt, ...)
		     __attribute__((format(printf, 1, 2)));
char		*xvasprintf(const char *fmt, va_list ap)
		     __attribute__((format(printf, 1, 0)));

/*
 * Runs the hook (once), writes the message to the log and to stderr as
 * "cme: <message>", and exits with FATAL_EXIT_STATUS. Control bytes in the
 * message are shown as '?'. Safe to call from inside the hook or from an
 * allocation failure inside fatal() itself: a second call skips the hook
 * and the log.
 */
void		 fatal(const char *fmt, ...)
		     __attribute__((format(printf, 1, 2), noreturn));
/* Replaces the hook; NULL removes it. */
void		 fatal_set_hook(void (*hook)(void));

#endif /* CME_UTIL_XMALLOC_H */
