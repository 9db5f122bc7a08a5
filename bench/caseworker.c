/*
 * caseworker.c — simulated caseworkers for the many-users benchmark.
 *
 * Each simulated officer is the client without its screen: the real
 * model/ and db/ code (linked from build/libcme.a), so every statement it
 * sends is the client's own SQL, batched exactly as the client batches it
 * (one pipeline per screen). Only the keyboard and curses are missing.
 *
 *   caseworker -n USERS -t SECONDS [-r RAMP] [-u] [-w THINK_MS] [-o OUT]
 *       ROLES NAMES UPNS
 *
 * (-u: statements unprepared, as the client with database.prepare =
 * false.)
 *
 * forks USERS processes; process i logs in as the i-th role of the file
 * ROLES (one login a line, used round robin) at i * RAMP / USERS seconds
 * (officers arrive over RAMP seconds, not all in one instant; 0: at
 * once), opens its caseload and then, until RAMP + SECONDS have passed,
 * repeats a caseworker's mix of screens: My cases, open a child, the
 * Attendance and Timeline tabs, a search by a misspelt surname (from
 * NAMES) or by UPN (from UPNS), and the next page of All children. Between
 * screens it waits THINK_MS on average (exponential; 0: none). Every
 * screen begun once all have logged in (the last SECONDS) has its wall
 * time from the action until the connection is idle again (local socket:
 * the server's time plus a fraction of a millisecond) and its round trips
 * written to OUT.i as
 *     screen <TAB> ms <TAB> round_trips
 * and bench/report.py reads them. The first line, screen "login", is the
 * time from connecting to the first screen's data (connection and start
 * batch), reported apart from the screens. Not part of the client; not
 * layered.
 */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "db/db.h"
#include "model/detail.h"
#include "model/list.h"
#include "model/model.h"

struct words {
	char	**w;
	int	  n;
};

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

static void
words_load(struct words *ws, const char *path)
{
	FILE	*f;
	char	 line[256];
	size_t	 n;

	memset(ws, 0, sizeof *ws);
	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0)
			continue;
		ws->w = realloc(ws->w, (size_t)(ws->n + 1) * sizeof *ws->w);
		ws->w[ws->n++] = strdup(line);
	}
	fclose(f);
	if (ws->n == 0) {
		fprintf(stderr, "%s: empty\n", path);
		exit(2);
	}
}

/* Pumps the connection until nothing is in flight (or 30 s). */
static int
wait_idle(struct model *m, struct db *db)
{
	struct pollfd	p;
	double		deadline = now_ms() + 30000;

	for (;;) {
		model_update(m);
		if (db_state(db) == DB_READY)
			return (0);
		if (db_state(db) == DB_BROKEN || now_ms() > deadline)
			return (-1);
		p.fd = db_fd(db);
		p.events = POLLIN | (db_wants_write(db) ? POLLOUT : 0);
		p.revents = 0;
		if (poll(&p, 1, 100) < 0 && errno != EINTR)
			return (-1);
		db_pump(db);
	}
}

static void
think(unsigned int *seed, double mean_ms)
{
	double		u, ms;
	struct timespec	ts;

	if (mean_ms <= 0)
		return;
	u = (rand_r(seed) + 1.0) / ((double)RAND_MAX + 2.0);
	ms = -mean_ms * log(u);
	if (ms > 10 * mean_ms)
		ms = 10 * mean_ms;
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)((ms - ts.tv_sec * 1000.0) * 1e6);
	nanosleep(&ts, NULL);
}

static int
sim(const char *role, int index, double login_at, double steady,
    double end, double think_ms, const struct words *names, const struct words *upns,
    FILE *out)
{
	struct db_params	 params;
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct db_stats		 s0, s1;
	struct db		*db;
	struct model		*m;
	struct list		*l;
	char			 msg[256];
	unsigned int		 seed = 12345u + (unsigned int)index * 7919u;
	double			 t0, wait_ms;
	const char		*screen;
	long			 held, row;
	int			 step = 0, r;

	if ((wait_ms = login_at - now_ms()) > 0)
		usleep((useconds_t)(wait_ms * 1000.0));
	t0 = now_ms();
	db_params_init(&params);
	db_params_add(&params, "user", role);
	if ((db = db_connect_start(&params, &err)) == NULL) {
		fprintf(stderr, "%s: %s\n", role, err.message);
		return (1);
	}
	m = model_new(db);
	model_update(m);
	model_start(m);
	if (wait_idle(m, db) != 0) {
		fprintf(stderr, "%s: could not start\n", role);
		return (1);
	}
	model_db_stats(m, &s1);
	fprintf(out, "login\t%.3f\t%llu\n", now_ms() - t0,
	    (unsigned long long)s1.round_trips);
	l = model_list(m);
	while (now_ms() < end) {
		think(&seed, think_ms);
		model_db_stats(m, &s0);
		t0 = now_ms();
		r = rand_r(&seed) % 100;
		if (step++ % 8 == 0 || list_queue(l) == QUEUE_SEARCH ||
		    list_queue(l) == QUEUE_ALL_CHILDREN) {
			if (r < 12 && list_queue(l) == QUEUE_ALL_CHILDREN) {
				screen = "page";
				held = list_first(l) + list_held(l);
				list_want(l, held + LIST_PAGE / 2);
			} else if (r < 20) {
				screen = "page";
				model_open_queue(m, QUEUE_ALL_CHILDREN);
			} else {
				screen = "my_cases";
				model_open_queue(m, QUEUE_MY_CASES);
			}
		} else if (r < 35) {
			screen = "open_child";
			held = list_held(l);
			row = held > 0 ? list_first(l) + rand_r(&seed) % held :
			    0;
			detail_set_tab(model_detail(m), DETAIL_SUMMARY);
			model_select(m, row);
		} else if (r < 55) {
			screen = "attendance";
			detail_set_tab(model_detail(m), DETAIL_ATTENDANCE);
		} else if (r < 75) {
			screen = "timeline";
			detail_set_tab(model_detail(m), DETAIL_TIMELINE);
		} else if (r < 90) {
			screen = "search_name";
			model_search(m, names->w[rand_r(&seed) % names->n],
			    msg, sizeof msg);
		} else {
			screen = "search_upn";
			model_search(m, upns->w[rand_r(&seed) % upns->n], msg,
			    sizeof msg);
		}
		if (wait_idle(m, db) != 0) {
			fprintf(stderr, "%s: connection lost\n", role);
			break;
		}
		model_db_stats(m, &s1);
		if (t0 >= steady)	/* everyone is in */
			fprintf(out, "%s\t%.3f\t%llu\n", screen,
			    now_ms() - t0, (unsigned long long)
			    (s1.round_trips - s0.round_trips));
	}
	db_close(db);
	model_free(m);
	db_params_release(&params);
	return (0);
}

int
main(int argc, char **argv)
{
	struct words	 roles, names, upns;
	const char	*outp = "caseworker.out";
	char		 path[512];
	double		 secs = 60, ramp = 0, think_ms = 1000, t_start;
	FILE		*out;
	pid_t		 pid;
	int		 c, i, n = 100, status, failed = 0;

	while ((c = getopt(argc, argv, "n:t:r:uw:o:")) != -1) {
		switch (c) {
		case 'n':
			n = atoi(optarg);
			break;
		case 't':
			secs = atof(optarg);
			break;
		case 'r':
			ramp = atof(optarg);
			break;
		case 'u':	/* as database.prepare = false */
			db_set_prepare_default(false);
			break;
		case 'w':
			think_ms = atof(optarg);
			break;
		case 'o':
			outp = optarg;
			break;
		default:
			fprintf(stderr, "usage: caseworker -n USERS -t SECS "
			    "[-r RAMP] [-u] [-w THINK_MS] [-o OUT] ROLES "
			    "NAMES UPNS\n");
			return (2);
		}
	}
	if (argc - optind != 3) {
		fprintf(stderr, "caseworker: ROLES NAMES UPNS\n");
		return (2);
	}
	/* As main.c: the draft journal's key lives in sodium_malloc memory. */
	if (sodium_init() < 0) {
		fprintf(stderr, "caseworker: libsodium failed to start\n");
		return (1);
	}
	words_load(&roles, argv[optind]);
	words_load(&names, argv[optind + 1]);
	words_load(&upns, argv[optind + 2]);
	t_start = now_ms();
	for (i = 0; i < n; i++) {
		if ((pid = fork()) < 0) {
			perror("fork");
			return (1);
		}
		if (pid == 0) {
			snprintf(path, sizeof path, "%s.%d", outp, i);
			if ((out = fopen(path, "w")) == NULL) {
				perror(path);
				_exit(1);
			}
			status = sim(roles.w[i % roles.n], i,
			    t_start + ramp * 1000.0 * i / n,
			    t_start + ramp * 1000.0,
			    t_start + (ramp + secs) * 1000.0, think_ms,
			    &names, &upns, out);
			fclose(out);
			_exit(status);
		}
	}
	for (i = 0; i < n; i++) {
		if ((pid = wait(&status)) <= 0)
			continue;
		if (WIFSIGNALED(status))
			fprintf(stderr, "caseworker: process %ld died of "
			    "signal %d\n", (long)pid, WTERMSIG(status));
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	}
	if (failed > 0)
		fprintf(stderr, "caseworker: %d of %d simulated officers "
		    "failed\n", failed, n);
	return (failed > 0);
}
