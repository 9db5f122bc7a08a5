/*
 * list.h — the lists a caseworker works through: queues of cases, alerts
 * and children, read as a sliding window with keyset pagination.
 *
 * A list is a queue (My cases, Team, ...) plus an optional limit pattern
 * and a sort column. The client never holds the whole list: it keeps a
 * window of at most LIST_WINDOW_MAX rows around the cursor, fetched a page
 * at a time after (or before) the keys of the rows it has, never with
 * OFFSET, so scrolling through 300,000 children costs the same at row 10
 * as at row 290,000. The first page and the list's count travel in one
 * batch (one round trip).
 */
#ifndef CME_MODEL_LIST_H
#define CME_MODEL_LIST_H

#include <stdbool.h>
#include <stdint.h>

#define LIST_PAGE	100	/* rows per fetch */
#define LIST_WINDOW_MAX	600	/* rows held at most */
#define LIST_SEARCH_SUMMARIES 20 /* search results with their Summary */
#define LIST_MAX_COLS	8

struct db;
struct db_batch;
struct list;

/* The first three match limit.h's enum limit_kind, in order. */
enum list_kind {
	LIST_KIND_CASES,
	LIST_KIND_ALERTS,
	LIST_KIND_CHILDREN,
	LIST_KIND_SEARCH,	/* search results: not sortable or limitable */
};

enum list_queue {
	QUEUE_MY_ALERTS,
	QUEUE_MY_CASES,
	QUEUE_TEAM,
	QUEUE_TEAM_ALERTS,		/* the team's unresolved alerts */
	QUEUE_UNASSIGNED,
	QUEUE_OVERDUE,			/* the team's cases past a clock */
	QUEUE_ESCALATED,		/* alerts escalated to a supervisor */
	QUEUE_APPROVALS,
	QUEUE_ALL_CHILDREN,
	QUEUE_COUNT,			/* the built-in queues above */
	QUEUE_SEARCH = QUEUE_COUNT,	/* the last search's results */
	QUEUE_SAVED,			/* a saved queue (name, pattern) */
};

struct list_column {
	const char	*title;		/* heading */
	const char	*name;		/* for :sort */
	int		 width;		/* display columns, 0 = takes the rest */
	bool		 right;		/* right-aligned (numbers) */
};

/* One row; strings owned by the list, valid until the window moves. */
struct list_row {
	char	*key;			/* unique within the list */
	char	*sort;			/* the sort column's value, as text */
	char	*la_code;
	char	*child_id;
	char	*case_id;		/* "" when none */
	char	*alert_id;		/* "" when none */
	char	*version;		/* the row's version, for edits */
	char	*cells[LIST_MAX_COLS];
};

struct list	*list_new(struct db *);
void		 list_free(struct list *);

const char	*list_queue_name(enum list_queue);
/* A supervisor's queue (team alerts, overdue, escalated). */
bool		 list_queue_is_desk(enum list_queue);
/*
 * Is the queue shown to (and counted for) staff of this kind: the desk
 * queues to supervisors and admins only (":queue" still opens any).
 */
bool		 list_queue_shown_to(enum list_queue, const char *kind);
const char	*list_queue_short_name(enum list_queue);

/* Opens a queue from the top (keeps the sort when the kind is the same). */
void		 list_open(struct list *, enum list_queue);
/* The same, adding the statements to the caller's batch. */
void		 list_open_in(struct list *, enum list_queue, struct db_batch *);
/* Re-reads the window, keeping the row with this key where possible. */
void		 list_refresh(struct list *, const char *keep_key);
/* The same, adding the statements to the caller's batch (NULL: own). */
void		 list_refresh_in(struct list *, struct db_batch *);
void		 list_sort(struct list *, int column, bool desc);
int		 list_sort_column(const struct list *);
bool		 list_sort_desc(const struct list *);

enum list_queue	 list_queue(const struct list *);
enum list_kind	 list_kind(const struct list *);
int		 list_columns(const struct list *);
const struct list_column *list_column(const struct list *, int);

/* Rows are numbered over the whole list; the window holds a slice. */
long		 list_total(const struct list *);	/* -1 until known */
long		 list_first(const struct list *);	/* first held */
int		 list_held(const struct list *);
bool		 list_loading(const struct list *);
const char	*list_error(const struct list *);
/* NULL when the row is outside the window (being fetched). */
const struct list_row *list_row(const struct list *, long index);
/* Finds the index of a held row by key, or -1. */
long		 list_find(const struct list *, const char *key);
/* Makes sure the rows around index are held or on their way. */
void		 list_want(struct list *, long index);
uint64_t	 list_gen(const struct list *);

/*
 * With every page, the Summary of each of its rows, and with a search
 * those of its first LIST_SEARCH_SUMMARIES results, in the same statement
 * (list.c): fn receives the result before the list takes its rows, one
 * row per list row, with columns pf_la, pf_child and pf_case, and the
 * Summary statement's columns after pf_ord (all NULL for a row without
 * one).
 */
struct db_rows;
typedef void	(*list_prefetch_fn)(void *, const struct db_rows *);
void		 list_set_prefetch(struct list *, list_prefetch_fn, void *);

/* Queue counts for the queues pane: one statement for all of them. */
void		 list_add_counts(struct list *, struct db_batch *);
long		 list_queue_count(const struct list *, enum list_queue);
/* fn runs each time a counts statement completes (or fails). */
void		 list_on_counts_done(struct list *, void (*)(void *), void *);
/* Everything is stale after a reconnect. */
void		 list_reset(struct list *);

/*
 * Limits the current list with a pattern (limit.h); "" removes the limit.
 * Returns 0, or -1 with a message naming the column of the error.
 */
int		 list_set_limit(struct list *, const char *pattern, char *msg,
		     size_t msgsize);
/* The limit in force, canonical ("" for none). Borrowed. */
const char	*list_limit_text(const struct list *);
/* The whole list as a saved-queue pattern: the queue's own condition
 * plus the limit. Owned by the caller. */
char		*list_pattern(const struct list *);

/* Shows a search's results (search.h) as the list. */
struct search_query;
void		 list_search(struct list *, const struct search_query *);
bool		 list_has_search(const struct list *);
/* The name of the saved queue open (QUEUE_SAVED), else "". Borrowed. */
const char	*list_saved_name(const struct list *);
const char	*list_search_text(const struct list *);

/* Opens a saved queue: every row of its kind, limited by its pattern. */
int		 list_open_saved(struct list *, const char *name,
		     enum list_kind, const char *pattern, char *msg,
		     size_t msgsize);

#endif /* CME_MODEL_LIST_H */
