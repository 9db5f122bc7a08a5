/*
 * test_log.c — the CME_LOG debug file: timestamped lines appended, off
 * by default, and escape sequences in logged values cannot reach the
 * terminal of whoever runs `tail -f` on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"
#include "unit.h"

static size_t	 slurp(const char *, char *, size_t);

int
main(void)
{
	char	 path[64], buf[8192], big[6000];
	size_t	 n, i;
	int	 ok;

	snprintf(path, sizeof path, "/tmp/cme-test-log-%ld.log",
	    (long)getpid());
	unlink(path);

	UNIT_CHECK(!log_enabled(), "logging is off until opened");
	log_debug("nobody hears this %d", 1);
	UNIT_INT_EQ(log_open(NULL), 0, "log_open(NULL) is fine (off)");
	UNIT_INT_EQ(log_open(""), 0, "log_open(\"\") is fine (off)");
	UNIT_CHECK(!log_enabled(), "... and logging stays off");

	UNIT_INT_EQ(log_open(path), 0, "log_open creates the file");
	log_debug("%s: case %d opened", "pane_child", 42);
	log_debug("name=%s", "\x1b]52;c;SGVsbG8=\x07\xc5\x81");
	log_close();
	UNIT_INT_EQ(log_open(path), 0, "log_open again appends");
	log_debug("second run");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	log_debug("%s", big);
	log_close();

	n = slurp(path, buf, sizeof buf);
	ok = n > 24 && buf[4] == '-' && buf[7] == '-' && buf[10] == ' ' &&
	    buf[13] == ':' && buf[16] == ':' && buf[19] == '.' &&
	    buf[23] == ' ';
	UNIT_CHECK(ok, "lines start with a YYYY-MM-DD HH:MM:SS.mmm timestamp");
	UNIT_CHECK(strstr(buf, " pane_child: case 42 opened\n") != NULL,
	    "the message follows the timestamp");
	UNIT_CHECK(strstr(buf, " name=\\x1b]52;c;SGVsbG8=\\x07\\xc5\\x81\n") !=
	    NULL, "escape sequences are written as \\xHH text");
	ok = 1;
	for (i = 0; i < n; i++)
		ok &= buf[i] == '\n' || (buf[i] >= 0x20 && buf[i] < 0x7f);
	UNIT_CHECK(ok, "the log holds only printable ASCII and newlines");
	UNIT_CHECK(strstr(buf, " second run\n") != NULL,
	    "reopening appended instead of truncating");
	UNIT_CHECK(strstr(buf, "xxx...\n") != NULL,
	    "an over-long line is cut and ends with ...");
	unlink(path);

	UNIT_INT_EQ(log_open("/nonexistent-dir/cme.log"), -1,
	    "an unwritable path fails with -1");
	UNIT_CHECK(!log_enabled(), "... and logging is off");
	return unit_done();
}

static size_t
slurp(const char *path, char *buf, size_t size)
{
	FILE	*f;
	size_t	 n;

	f = fopen(path, "r");
	if (f == NULL)
		return 0;
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return n;
}
