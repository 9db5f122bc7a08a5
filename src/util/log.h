/*
 * log.h — the developer's debug log (CME_LOG=file, style §2.6).
 *
 * One process-wide log file, opened for appending. When no file is open
 * every call is a cheap no-op. Each line starts with a local timestamp,
 * "2025-09-01 14:03:07.123 ". Bytes outside printable ASCII (controls,
 * escape sequences, UTF-8) are written as \xHH so that `tail -f` of the
 * log on a terminal is as safe as the screen itself. Never log secrets or
 * the content of case records: log identifiers only.
 */
#ifndef CME_UTIL_LOG_H
#define CME_UTIL_LOG_H

#include <stdarg.h>
#include <stdbool.h>

/*
 * Opens path for appending and makes it the log (closing any earlier one).
 * NULL or "" turns logging off. Returns 0, or -1 with errno set (logging is
 * then off).
 */
int		 log_open(const char *path);
bool		 log_enabled(void);
/* One timestamped line; a trailing newline is added. Lines over 4 KiB are
 * cut and end with "...". */
void		 log_debug(const char *fmt, ...)
		     __attribute__((format(printf, 1, 2)));
void		 log_vdebug(const char *fmt, va_list ap)
		     __attribute__((format(printf, 1, 0)));
void		 log_close(void);

#endif /* CME_UTIL_LOG_H */
