/*
 * log.c — the debug log file: open, timestamped lines, close.
 *
 * Owns the single FILE * of the log. Formatting goes through a stack
 * buffer, so logging never allocates (fatal() logs after running out of
 * memory).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/log.h"

#define LOG_LINE_MAX	4096

static FILE	*log_file;

static void	 log_put_escaped(FILE *, const char *);

int
log_open(const char *path)
{
	FILE	*f;
	int	 fd;

	log_close();
	if (path == NULL || *path == '\0')
		return 0;
	f = fopen(path, "a");
	if (f == NULL)
		return -1;
	fd = fileno(f);
	if (fd >= 0)
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	setvbuf(f, NULL, _IOLBF, 0);
	log_file = f;
	return 0;
}

bool
log_enabled(void)
{
	return log_file != NULL;
}

void
log_debug(const char *fmt, ...)
{
	va_list	 ap;

	if (log_file == NULL)
		return;
	va_start(ap, fmt);
	log_vdebug(fmt, ap);
	va_end(ap);
}

void
log_vdebug(const char *fmt, va_list ap)
{
	char		 line[LOG_LINE_MAX];
	char		 stamp[32];
	struct timespec	 ts;
	struct tm	 tm;
	int		 n, saved_errno;

	if (log_file == NULL)
		return;
	saved_errno = errno;
	memset(&ts, 0, sizeof ts);
	n = vsnprintf(line, sizeof line, fmt, ap);
	if (n < 0)
		snprintf(line, sizeof line, "(bad log format \"%s\")", fmt);
	else if ((size_t)n >= sizeof line)
		memcpy(line + sizeof line - 4, "...", 4);

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0 ||
	    localtime_r(&ts.tv_sec, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		strcpy(stamp, "0000-00-00 00:00:00");

	fprintf(log_file, "%s.%03ld ", stamp, (long)(ts.tv_nsec / 1000000));
	log_put_escaped(log_file, line);
	fputc('\n', log_file);
	errno = saved_errno;
}

void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

/* Writes s with every byte outside 0x20..0x7e as \xHH, and '\' as "\\". */
static void
log_put_escaped(FILE *f, const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\\')
			fputs("\\\\", f);
		else if (*p >= 0x20 && *p < 0x7f)
			fputc(*p, f);
		else
			fprintf(f, "\\x%02x", *p);
	}
}
