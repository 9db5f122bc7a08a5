/*
 * tty.c — the terminal's output stream, counted byte by byte.
 *
 * ncurses writes with write(2) on the file descriptor of the stream it is
 * given and sets terminal modes on that same descriptor, so a counting
 * FILE* cannot sit in between. Instead curses draws into a pseudo-terminal
 * whose size follows the real one, and a small thread copies everything
 * from the pty to the real terminal, counting the bytes on the way: the
 * count is exactly what reached the user's terminal (CME_TRACE tty_bytes,
 * the benchmarks' bytes per action). The copy costs a memcpy; no frame is
 * delayed, and curses can never block on a full pty because the thread
 * drains it independently of the event loop.
 *
 * Keys still come straight from the real terminal, which is put into the
 * modes curses would have set (no line buffering, no echo, CR kept as CR);
 * ISIG stays on so Ctrl-C and Ctrl-Z keep their meaning. Everything is put
 * back by tty_stop(), and by tty_emergency_restore() on a fatal path.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pty.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "ui/tty.h"
#include "util/xmalloc.h"

struct tty {
	int			 master;	/* owned */
	int			 slave;		/* owned until handed to curses */
	FILE			*out;		/* curses' stream on the slave */
	pthread_t		 thread;
	bool			 running;
	atomic_ullong		 bytes;
	atomic_int		 busy;		/* between read and count */
	struct termios		 saved;		/* the real terminal's modes */
	bool			 have_saved;
};

static struct termios	tty_saved_for_fatal;
static volatile int	tty_have_fatal;

static void	tty_raw_modes(const struct termios *, struct termios *);

/* Copies pty output to the real terminal until the pty closes. */
static void *
tty_pump(void *arg)
{
	struct tty	*t = arg;
	char		 buf[16384];
	ssize_t		 n, w, done;

	for (;;) {
		n = read(t->master, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;		/* EIO: every slave descriptor closed */
		atomic_store(&t->busy, 1);
		for (done = 0; done < n; done += w) {
			w = write(STDOUT_FILENO, buf + done, (size_t)(n - done));
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w < 0) {
				atomic_store(&t->busy, 0);
				return (NULL);	/* the terminal went away */
			}
		}
		atomic_fetch_add(&t->bytes, (unsigned long long)n);
		atomic_store(&t->busy, 0);
	}
	return (NULL);
}

/*
 * Waits (briefly, bounded) until everything written to the pty has been
 * copied and counted, so a count taken now is exact.
 */
void
tty_settle(struct tty *t)
{
	int	i, pending;

	if (t == NULL || !t->running)
		return;
	for (i = 0; i < 400; i++) {
		pending = 0;
		if (ioctl(t->master, FIONREAD, &pending) != 0)
			return;
		if (pending == 0 && atomic_load(&t->busy) == 0)
			return;
		usleep(250);
	}
}

void
tty_sync_size(struct tty *t)
{
	struct winsize	ws;

	if (t == NULL)
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		(void)ioctl(t->master, TIOCSWINSZ, &ws);
}

struct tty *
tty_start(void)
{
	struct tty	*t;
	struct termios	 raw;
	int		 flags;

	t = xcalloc(1, sizeof *t);
	t->master = t->slave = -1;
	if (tcgetattr(STDIN_FILENO, &t->saved) != 0)
		goto fail;
	t->have_saved = true;
	if (openpty(&t->master, &t->slave, NULL, &t->saved, NULL) != 0)
		goto fail;
	flags = fcntl(t->master, F_GETFD);
	(void)fcntl(t->master, F_SETFD, flags | FD_CLOEXEC);
	flags = fcntl(t->slave, F_GETFD);
	(void)fcntl(t->slave, F_SETFD, flags | FD_CLOEXEC);
	tty_sync_size(t);

	tty_raw_modes(&t->saved, &raw);
	if (tcsetattr(STDIN_FILENO, TCSADRAIN, &raw) != 0)
		goto fail;
	tty_saved_for_fatal = t->saved;
	tty_have_fatal = 1;

	if ((t->out = fdopen(t->slave, "w")) == NULL)
		goto fail;
	t->slave = -1;		/* the stream owns it now */
	atomic_init(&t->bytes, 0);
	atomic_init(&t->busy, 0);
	if (pthread_create(&t->thread, NULL, tty_pump, t) != 0)
		goto fail;
	t->running = true;
	return (t);

fail:
	tty_stop(t);
	return (NULL);
}

/* The modes the client keeps the real terminal in while curses runs. */
static void
tty_raw_modes(const struct termios *saved, struct termios *raw)
{
	*raw = *saved;
	raw->c_lflag &= (tcflag_t)~(ICANON | ECHO | ECHONL | IEXTEN);
	raw->c_iflag &= (tcflag_t)~(ICRNL | INLCR | IGNCR | IXON | ISTRIP);
	raw->c_oflag &= (tcflag_t)~OPOST;	/* the pty already did it */
	raw->c_cc[VMIN] = 1;
	raw->c_cc[VTIME] = 0;
}

void
tty_suspend(struct tty *t)
{
	if (t == NULL)
		return;
	tty_settle(t);
	if (t->have_saved)
		(void)tcsetattr(STDIN_FILENO, TCSADRAIN, &t->saved);
}

void
tty_resume(struct tty *t)
{
	struct termios	raw;

	if (t == NULL || !t->have_saved)
		return;
	tty_raw_modes(&t->saved, &raw);
	(void)tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
	tty_sync_size(t);
}

FILE *
tty_stream(struct tty *t)
{
	return (t->out);
}

unsigned long long
tty_bytes(const struct tty *t)
{
	return (t != NULL ? atomic_load(&t->bytes) : 0);
}

void
tty_stop(struct tty *t)
{
	if (t == NULL)
		return;
	if (t->out != NULL) {
		fflush(t->out);
		fclose(t->out);	/* the pump sees EIO once it has drained */
		t->out = NULL;
	}
	if (t->slave >= 0)
		close(t->slave);
	if (t->running)
		pthread_join(t->thread, NULL);
	if (t->master >= 0)
		close(t->master);
	if (t->have_saved)
		(void)tcsetattr(STDIN_FILENO, TCSADRAIN, &t->saved);
	tty_have_fatal = 0;
	free(t);
}

void
tty_emergency_restore(void)
{
	if (tty_have_fatal)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &tty_saved_for_fatal);
}
