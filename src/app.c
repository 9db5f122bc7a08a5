/*
 * app.c — the event loop of the terminal client.
 *
 * One poll() waits on the terminal, the database socket and the next
 * timer (design.md §5): the screen never blocks on the network. Each turn
 * reads every waiting key, pumps the connection, runs timers, then draws
 * one frame. SIGHUP, SIGTERM and SIGINT only set a flag; the loop then
 * leaves cleanly (terminal restored, connection closed so the server rolls
 * back anything open). A terminal that reports hang-up counts as SIGHUP.
 *
 * CME_TRACE=FILE appends one tab-separated line per user action:
 * action, round trips, statements, server milliseconds, and the bytes
 * written to the terminal (counted at the output stream, ui/tty.c), so
 * tests and benchmarks can assert them.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "db/db.h"
#include "model/desk.h"
#include "model/model.h"
#include "settings.h"
#include "ui/tty.h"
#include "ui/ui.h"
#include "util/log.h"
#include "util/xmalloc.h"

static volatile sig_atomic_t	app_signal;

static void
app_on_signal(int sig)
{
	app_signal = sig;
}

static void
app_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = app_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: poll() must wake up */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* The per-action trace (CME_TRACE). */
struct app_trace {
	FILE			*f;
	char			 action[32];
	struct db_stats		 start;
	unsigned long long	 bytes_start;
	struct tty		*tty;		/* borrowed, may be NULL */
	int			 open;
};

static void
app_trace_flush(struct app_trace *tr, const struct model *m)
{
	struct db_stats	now;

	if (tr->f == NULL || !tr->open)
		return;
	tty_settle(tr->tty);
	model_db_stats(m, &now);
	fprintf(tr->f, "%s\t%llu\t%llu\t%.3f\t%llu\t%llu\t%llu\n",
	    tr->action,
	    (unsigned long long)(now.round_trips - tr->start.round_trips),
	    (unsigned long long)(now.statements - tr->start.statements),
	    now.server_ms - tr->start.server_ms,
	    tty_bytes(tr->tty) - tr->bytes_start,
	    (unsigned long long)(now.prepared - tr->start.prepared),
	    (unsigned long long)(now.reused - tr->start.reused));
	fflush(tr->f);
	tr->open = 0;
}

static void
app_trace_begin(struct app_trace *tr, const char *action,
    const struct model *m)
{
	if (tr->f == NULL)
		return;
	app_trace_flush(tr, m);
	snprintf(tr->action, sizeof tr->action, "%s", action);
	model_db_stats(m, &tr->start);
	tty_settle(tr->tty);
	tr->bytes_start = tty_bytes(tr->tty);
	tr->open = 1;
}

struct app_trace_hook {
	struct app_trace	*trace;
	struct model		*model;
};

static void
app_on_action(void *arg, const char *name)
{
	struct app_trace_hook	*h = arg;

	app_trace_begin(h->trace, name, h->model);
}

static void
app_fatal_hook(void)
{
	ui_emergency_stop();
	tty_emergency_restore();
}

static int
app_min_timeout(int a, int b)
{
	if (a < 0)
		return (b);
	if (b < 0)
		return (a);
	return (a < b ? a : b);
}

int
app_run(const struct settings *s, const struct db_params *params,
    const struct app_options *opt)
{
	struct app_trace	 trace;
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct db		*db;
	struct model		*m;
	struct ui		*ui;
	struct pollfd		 pfd[3];
	struct db		*standby;
	struct app_trace_hook	 hook;
	struct tty		*tty;
	const char		*path;
	int			 status = 0, n, timeout;
	bool			 hangup = false;

	memset(&trace, 0, sizeof trace);
	if ((path = getenv("CME_TRACE")) != NULL && *path != '\0') {
		if ((trace.f = fopen(path, "a")) == NULL) {
			fprintf(stderr, "cme: CME_TRACE: %s: %s\n", path,
			    strerror(errno));
			return (1);
		}
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "cme: the client needs a terminal "
		    "(try cme --help for the other commands)\n");
		return (1);
	}
	db_set_prepare_default(s->prepare);
	if ((db = db_connect_start(params, &err)) == NULL) {
		fprintf(stderr, "cme: %s\n", err.message);
		db_error_release(&err);
		return (1);
	}
	m = model_new(db);
	desk_set_standby(model_desk(m), params, s->standby);
	model_update(m);
	model_start(m);
	/* curses draws into a pty whose output is counted on its way. */
	tty = tty_start();
	trace.tty = tty;
	ui = ui_new(m, s, opt->ascii || s->ascii,
	    opt->theme != NULL ? opt->theme : s->theme,
	    tty != NULL ? tty_stream(tty) : stdout);
	if (ui_start(ui) != 0) {
		ui_free(ui);
		tty_stop(tty);
		fprintf(stderr, "cme: cannot start the terminal (TERM=%s)\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		db_close(db);
		model_free(m);
		return (1);
	}
	fatal_set_hook(app_fatal_hook);
	app_signals();
	app_trace_begin(&trace, "start", m);
	hook.trace = &trace;
	hook.model = m;
	ui_set_action_hook(ui, app_on_action, &hook);
	ui_set_tty(ui, tty);

	while (!ui_quit_requested(ui) && app_signal == 0 && !hangup) {
		ui_frame(ui);

		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		pfd[1].fd = db_fd(db);
		pfd[1].events = POLLIN | (db_wants_write(db) ? POLLOUT : 0);
		pfd[1].revents = 0;
		/* The supervisor's read connection, once opened (desk.h). */
		standby = desk_standby(model_desk(m));
		pfd[2].fd = standby != NULL ? db_fd(standby) : -1;
		pfd[2].events = POLLIN | (standby != NULL &&
		    db_wants_write(standby) ? POLLOUT : 0);
		pfd[2].revents = 0;
		timeout = app_min_timeout(db_timeout_ms(db),
		    app_min_timeout(ui_timeout_ms(ui), model_timeout_ms(m)));
		if (standby != NULL)
			timeout = app_min_timeout(timeout,
			    db_timeout_ms(standby));
		n = poll(pfd, 3, timeout);
		if (n < 0) {
			/*
			 * A signal. SIGWINCH reaches us this way: ncurses
			 * turns it into KEY_RESIZE inside wgetch(), so read
			 * the keyboard now.
			 */
			if (errno == EINTR) {
				tty_sync_size(tty);
				if (app_signal == 0 && !ui_input(ui))
					hangup = true;
				continue;
			}
			log_debug("poll: %s", strerror(errno));
			status = 1;
			break;
		}
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			hangup = true;
			break;
		}
		if (pfd[0].revents & POLLIN) {
			if (!ui_input(ui)) {
				hangup = true;
				break;
			}
		}
		if (pfd[1].revents != 0 || db_timeout_ms(db) == 0) {
			db_pump(db);
			model_update(m);
		}
		if (standby != NULL && (pfd[2].revents != 0 ||
		    db_timeout_ms(standby) == 0))
			db_pump(standby);
		ui_tick(ui);
		model_tick(m);
	}
	if (app_signal != 0)
		log_debug("leaving on signal %d", (int)app_signal);
	if (hangup)
		log_debug("leaving: the terminal hung up");
	app_trace_flush(&trace, m);
	ui_stop(ui);
	ui_free(ui);
	tty_stop(tty);		/* drains the pty, restores the modes */
	fatal_set_hook(NULL);
	db_close(db);		/* pending callbacks still reach the model */
	model_free(m);
	if (trace.f != NULL)
		fclose(trace.f);
	if (app_signal == SIGHUP || hangup)
		status = 129;
	else if (app_signal == SIGTERM)
		status = 143;
	return (status);
}
