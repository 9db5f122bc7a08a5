/*
 * model.h — what the terminal client knows, independent of how it is drawn.
 *
 * The model owns the data the screens show (who is logged in, the caseload
 * window, the selected child) and asks db/ for it; it never includes curses
 * or libpq. Each part carries a generation counter that changes whenever
 * the part changes: the UI compares counters at frame time and repaints
 * only the panes whose data moved (style.md §2.2).
 *
 * Lists are windows, not whole tables: the caseload is read a page at a
 * time with keyset pagination (never OFFSET), and the model keeps at most
 * MODEL_LIST_MAX rows, dropping pages far from the cursor.
 */
#ifndef CME_MODEL_MODEL_H
#define CME_MODEL_MODEL_H

#include <stdbool.h>
#include <stdint.h>

struct db;
struct db_stats;
struct detail;
struct model;

enum model_part {
	MODEL_CONN,	/* connection state, banner, identity */
	MODEL_LIST,	/* the caseload rows */
	MODEL_DETAIL,	/* the selected child */
	MODEL_PART_COUNT,
};

enum model_conn {
	MODEL_CONNECTING,
	MODEL_ONLINE,
	MODEL_OFFLINE,	/* failed or lost; see model_conn_error() */
};

/* One row of the caseload list. Strings are owned by the model. */
struct case_row {
	char	*case_id;
	char	*child_id;
	char	*la_code;
	char	*child_name;	/* "SURNAME, Forename" as stored (unsanitised) */
	char	*upn;
	char	*status;
	char	*referred_on;	/* ISO date, the sort key */
	int	 days_open;	/* school days since referral */
};

struct model	*model_new(struct db *);
void		 model_free(struct model *);

/* Sends the first screen's queries (queued until the connection is up). */
void		 model_start(struct model *);
/* Called after every db_pump(): notices connection changes. */
void		 model_update(struct model *);
/* Asks for the database again after a failure. */
void		 model_reconnect(struct model *);

uint64_t	 model_gen(const struct model *, enum model_part);

enum model_conn	 model_conn_state(const struct model *);
/* Borrowed until the next model_update(); NULL when none. */
const char	*model_conn_error(const struct model *);
/* Display name and LA of the logged-in officer ("" until known). */
const char	*model_user_name(const struct model *);
const char	*model_la_name(const struct model *);

/* The caseload window. Rows are numbered from 0 over the whole list. */
int		 model_list_loaded(const struct model *);	/* rows held */
bool		 model_list_complete(const struct model *);	/* no more */
bool		 model_list_loading(const struct model *);
const struct case_row *model_list_row(const struct model *, int);
/* Make sure rows up to index `want` are being fetched. */
void		 model_list_want(struct model *, int want);
const char	*model_list_error(const struct model *);

/* Opens the record of a list row in the detail (see detail.h). */
void		 model_select(struct model *, int row);
struct detail	*model_detail(const struct model *);

/* Round trips and statements so far (for CME_TRACE and tests). */
void		 model_db_stats(const struct model *, struct db_stats *);

#endif /* CME_MODEL_MODEL_H */
