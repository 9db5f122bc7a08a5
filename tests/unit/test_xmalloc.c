/*
 * test_xmalloc.c — allocation wrappers and the fatal exit. What a user
 * sees when cme dies: the terminal is restored first (the hook runs
 * before the message), the message is one readable line, and the exit
 * status is 70.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/log.h"
#include "util/xmalloc.h"
#include "unit.h"

static int	 run_child(void (*)(void), char *, size_t);
static void	 hook_restore(void);
static void	 hook_fatal_again(void);
static void	 child_fatal(void);
static void	 child_fatal_escape(void);
static void	 child_hook_recurses(void);
static void	 child_zero_malloc(void);
static void	 child_overflow(void);
static void	 child_huge_sbuf_like(void);

static char	 log_path[64];

int
main(void)
{
	char	 out[512], *s;
	int	 status;
	FILE	*f;
	size_t	 n;
	int	*a;

	s = xasprintf("%s has %d open cases", "Kent", 12);
	UNIT_STR_EQ(s, "Kent has 12 open cases", "xasprintf formats");
	free(s);
	s = xstrndup("Smithson", 5);
	UNIT_STR_EQ(s, "Smith", "xstrndup copies at most n bytes");
	free(s);
	s = xstrndup("Jo", 50);
	UNIT_STR_EQ(s, "Jo", "xstrndup stops at the NUL");
	free(s);
	s = xstrdup("");
	UNIT_STR_EQ(s, "", "xstrdup of \"\"");
	free(s);
	a = xcalloc(4, sizeof *a);
	a = xreallocarray(a, 1000, sizeof *a);
	UNIT_CHECK(a[0] == 0 && a[3] == 0, "xcalloc zeroes, xreallocarray "
	    "keeps the contents");
	free(a);

	snprintf(log_path, sizeof log_path, "/tmp/cme-test-xmalloc-%ld.log",
	    (long)getpid());
	unlink(log_path);
	status = run_child(child_fatal, out, sizeof out);
	UNIT_INT_EQ(status, 70, "fatal exits with status 70");
	UNIT_STR_EQ(out, "restore-terminal\ncme: boom 42\n",
	    "the hook restores the terminal before the message is printed");
	f = fopen(log_path, "r");
	n = f == NULL ? 0 : fread(out, 1, sizeof out - 1, f);
	out[n] = '\0';
	if (f != NULL)
		fclose(f);
	unlink(log_path);
	UNIT_CHECK(strstr(out, "fatal: boom 42\n") != NULL,
	    "the fatal message is also written to the log");

	status = run_child(child_fatal_escape, out, sizeof out);
	UNIT_INT_EQ(status, 70, "fatal with hostile text exits 70");
	UNIT_STR_EQ(out, "cme: bad name ?[2J?]0;x?\n",
	    "control bytes in a fatal message are shown as ?");
	status = run_child(child_hook_recurses, out, sizeof out);
	UNIT_INT_EQ(status, 70, "a hook that itself fails still exits 70");
	UNIT_STR_EQ(out, "cme: endwin failed\n", "... without looping");
	status = run_child(child_zero_malloc, out, sizeof out);
	UNIT_CHECK(status == 70 && strstr(out, "zero size") != NULL,
	    "xmalloc(0) is a fatal programming error");
	status = run_child(child_overflow, out, sizeof out);
	UNIT_CHECK(status == 70 && strstr(out, "overflows") != NULL,
	    "an overflowing xreallocarray is fatal, not a short buffer");
	status = run_child(child_huge_sbuf_like, out, sizeof out);
	UNIT_CHECK(status == 70 && strstr(out, "overflows") != NULL,
	    "an overflowing xcalloc is fatal");
	return unit_done();
}

/* Runs fn in a child with stderr captured into out; returns its exit
 * status (or -1 if it did not exit normally). */
static int
run_child(void (*fn)(void), char *out, size_t size)
{
	int	 fd[2], status;
	ssize_t	 r;
	size_t	 n = 0;
	pid_t	 pid;

	fflush(stdout);
	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		snprintf(out, size, "pipe/fork failed");
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		fn();
		_exit(0);
	}
	close(fd[1]);
	while (n < size - 1 && (r = read(fd[0], out + n, size - 1 - n)) > 0)
		n += (size_t)r;
	out[n] = '\0';
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void
hook_restore(void)
{
	fputs("restore-terminal\n", stderr);
}

static void
hook_fatal_again(void)
{
	fatal("endwin failed");
}

static void
child_fatal(void)
{
	log_open(log_path);
	fatal_set_hook(hook_restore);
	fatal("boom %d", 42);
}

static void
child_fatal_escape(void)
{
	fatal("bad name %s", "\x1b[2J\x1b]0;x\x07");
}

static void
child_hook_recurses(void)
{
	fatal_set_hook(hook_fatal_again);
	fatal("first");
}

static void
child_zero_malloc(void)
{
	(void)xmalloc(0);
}

static void
child_overflow(void)
{
	(void)xreallocarray(NULL, SIZE_MAX / 2, 4);
}

static void
child_huge_sbuf_like(void)
{
	(void)xcalloc(SIZE_MAX / 8, 16);
}
