/*
 * ui_editor.c — a note written in the officer's own editor ($VISUAL,
 * then $EDITOR, then vi), as mutt and git do.
 *
 * The text goes into a file of its own in a fresh 0700 directory under
 * $TMPDIR (mode 0600), the screen is handed over (endwin, the terminal's
 * own modes back), the editor runs on the real terminal, and the file is
 * read back and removed with its directory. While the editor runs the
 * plain text is on disk, as with any editor; the encrypted draft journal
 * holds the text typed before, and the form's draft is kept again as
 * soon as the editor returns. SIGINT and SIGQUIT are the editor's while
 * it runs (the client ignores them, like system(3)).
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/tty.h"
#include "ui/ui.h"
#include "ui/ui_private.h"
#include "util/xmalloc.h"

#define UI_EDITOR_MAX	(256 * 1024)	/* the longest note read back */

static const char *
ui_editor_command(void)
{
	const char	*e;

	if ((e = getenv("VISUAL")) != NULL && *e != '\0')
		return (e);
	if ((e = getenv("EDITOR")) != NULL && *e != '\0')
		return (e);
	return ("vi");
}

/* Runs "$EDITOR path" through the shell (EDITOR may hold arguments). */
static int
ui_editor_run(const char *path, int *status)
{
	struct sigaction	ign, oint, oquit;
	pid_t			pid;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", "exec $CME_EDITOR_CMD \"$1\"",
		    "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, status, 0) < 0 && errno == EINTR)
			;
	}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	return (pid < 0 ? -1 : 0);
}

static int
ui_editor_read(const char *path, char **out)
{
	FILE	*f;
	char	*buf;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL)
		return (-1);
	buf = xmalloc(UI_EDITOR_MAX + 1);
	n = fread(buf, 1, UI_EDITOR_MAX, f);
	fclose(f);
	buf[n] = '\0';
	/* Editors end a file with a newline; the note does not. */
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	*out = buf;
	return (0);
}

int
ui_edit_text(struct ui *ui, const char *text, char **out, char *msg,
    size_t msgsize)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir, *path;
	int		 fd, status = 0, rc = -1;
	size_t		 len = strlen(text);

	*out = NULL;
	dir = xasprintf("%s/cme-note.XXXXXX", tmp != NULL && *tmp == '/' ?
	    tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		snprintf(msg, msgsize, "cannot make a file for the editor: %s",
		    strerror(errno));
		free(dir);
		return (-1);
	}
	path = xasprintf("%s/note.txt", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || (len > 0 && write(fd, text, len) != (ssize_t)len) ||
	    (len > 0 && write(fd, "\n", 1) != 1)) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	close(fd);

	setenv("CME_EDITOR_CMD", ui_editor_command(), 1);
	def_prog_mode();
	endwin();
	tty_suspend(ui->tty);
	if (ui_editor_run(path, &status) != 0) {
		snprintf(msg, msgsize, "cannot start the editor: %s",
		    strerror(errno));
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(msg, msgsize, "the editor (%s) failed; your text is "
		    "kept", ui_editor_command());
	} else if (ui_editor_read(path, out) != 0) {
		snprintf(msg, msgsize, "%s: %s", path, strerror(errno));
	} else {
		rc = 0;
	}
	tty_resume(ui->tty);
	/* The first doupdate after endwin() takes the screen back; with
	 * curscr cleared it repaints everything there was. */
	clearok(curscr, TRUE);
	doupdate();
	ui->full_redraw = true;
	ui->clear = true;
	ui->resized = true;
out:
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return (rc);
}
