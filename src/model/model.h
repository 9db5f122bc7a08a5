/*
 * model.h — what the terminal client knows, independent of how it is drawn.
 *
 * The model owns the data the screens show (who is logged in, the caseload
 * window, the selected child) and asks db/ for it; it never includes curses
 * or libpq. Each part carries a generation counter that changes whenever
 * the part changes: the UI compares counters at frame time and repaints
 * only the panes whose data moved (style.md §2.2).
 *
 * Lists are windows, not whole tables (list.h): read a page at a time
 * with keyset pagination, never OFFSET, holding a bounded window of rows.
 */
#ifndef CME_MODEL_MODEL_H
#define CME_MODEL_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "model/list.h"

struct db;
struct db_stats;
struct detail;
struct model;

enum model_part {
	MODEL_CONN,	/* connection state, banner, identity */
	MODEL_LIST,	/* the current list and the queue counts */
	MODEL_DETAIL,	/* the selected child */
	MODEL_PART_COUNT,
};

enum model_conn {
	MODEL_CONNECTING,
	MODEL_ONLINE,
	MODEL_OFFLINE,	/* failed or lost; see model_conn_error() */
};

struct model	*model_new(struct db *);
void		 model_free(struct model *);

/* Sends the first screen's queries (queued until the connection is up). */
void		 model_start(struct model *);
/* Called after every db_pump(): notices connection changes. */
void		 model_update(struct model *);
/* Asks for the database again after a failure (now). */
void		 model_reconnect(struct model *);
/* A lost connection is tried again by itself, backing off from 1 s to
 * 30 s: the event loop sleeps at most model_timeout_ms() (-1: no limit)
 * and calls model_tick(). */
int		 model_timeout_ms(const struct model *);
void		 model_tick(struct model *);

uint64_t	 model_gen(const struct model *, enum model_part);

enum model_conn	 model_conn_state(const struct model *);
/* Borrowed until the next model_update(); NULL when none. */
const char	*model_conn_error(const struct model *);
/* Display name and LA of the logged-in officer ("" until known). */
const char	*model_user_name(const struct model *);
const char	*model_la_name(const struct model *);
/* caseworker, supervisor, admin, school, auditor; "" until known. */
const char	*model_user_kind(const struct model *);

/* The lists (see list.h); borrowed for the life of the model. */
struct list	*model_list(const struct model *);
int		 model_list_loaded(const struct model *);	/* rows held */
void		 model_open_queue(struct model *, enum list_queue);
/* Re-reads the queue counts (one statement). */
void		 model_refresh_counts(struct model *);
/* Saved queues (saved_queue.h): the caller's own, loaded at start. */
struct saved_queue;
size_t		 model_saved_count(const struct model *);
const struct saved_queue *model_saved(const struct model *, size_t);
int		 model_open_saved(struct model *, size_t, char *msg,
		     size_t msgsize);
/* Saves the current list (queue condition + limit) as a named queue; a
 * name already taken is replaced when saved twice in a row. */
int		 model_save_queue(struct model *, const char *name, char *msg,
		     size_t msgsize);
/* Searches children (search.h); msg gets what the status line should
 * say ("UPN check letter should be F"), maybe even on success. */
int		 model_search(struct model *, const char *text, char *msg,
		     size_t msgsize);
/* A notice for the status line, handed over (caller frees), or NULL. */
char		*model_take_notice(struct model *);
/* Posts a notice (copied). */
void		 model_notice(struct model *, const char *);
/* The connection the model talks through (borrowed). */
struct db	*model_db(const struct model *);
/* The draft of the form on the screen (drafts.h). */
struct drafts	*model_drafts(const struct model *);
/* The LA's active caseworkers and supervisors (login names), for
 * completion: NULL-terminated, borrowed until the next reconnect. */
const char *const *model_staff(const struct model *);

/* Alert changes pushed by the server since the list was last shown. */
int		 model_news(const struct model *);
/* Shows them: re-reads the list (the cursor stays on its record). */
void		 model_show_news(struct model *);

/* Opens the record of a list row in the detail (see detail.h). */
void		 model_select(struct model *, long row);
struct detail	*model_detail(const struct model *);

/* The supervisor desk's heavy reads and their connection (desk.h). */
struct desk	*model_desk(const struct model *);
/* Opens every row of a kind limited by a pattern, as a named list (like
 * a saved queue that is not saved): e.g. an officer's caseload. */
int		 model_open_pattern(struct model *, const char *name,
		     enum list_kind, const char *pattern, char *msg,
		     size_t msgsize);

/* Round trips and statements so far, the standby's included (for
 * CME_TRACE and tests). */
void		 model_db_stats(const struct model *, struct db_stats *);

#endif /* CME_MODEL_MODEL_H */
