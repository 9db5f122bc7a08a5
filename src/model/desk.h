/*
 * desk.h — the supervisor desk's heavy reads: the workload view and the
 * Reports screen, and the connection they travel on.
 *
 * design.md §2: read-only supervisor work may go to a hot standby. When
 * the settings name one (database.standby), the desk opens a second
 * connection the first time a heavy read is asked for, with
 * target_session_attrs=prefer-standby (libpq then picks a standby among
 * the hosts given, or falls back to the primary), and sends those reads
 * there. Without it they share the client's main connection. Either way
 * each screen is one statement, one round trip.
 */
#ifndef CME_MODEL_DESK_H
#define CME_MODEL_DESK_H

#include <stdbool.h>

struct db;
struct db_params;
struct db_stats;
struct desk;
struct reports;
struct workload;

/* primary is borrowed: the client's main connection. */
struct desk	*desk_new(struct db *primary);
/* Closes the standby connection (its callbacks run), then frees. */
void		 desk_free(struct desk *);
/*
 * Reads go to a second connection made from the main connection's
 * parameters with conninfo over them (libpq conninfo or URI), then
 * target_session_attrs=prefer-standby and application name cme-standby.
 * conninfo NULL or "": the main connection. Nothing connects yet.
 */
void		 desk_set_standby(struct desk *, const struct db_params *,
		     const char *conninfo);
/* The standby connection once opened (for poll()), else NULL. */
struct db	*desk_standby(const struct desk *);
/* Asks again for the workload / the return (on the read connection). */
void		 desk_refresh_workload(struct desk *);
void		 desk_refresh_reports(struct desk *);
/* Borrowed for the life of the desk. */
struct workload	*desk_workload(const struct desk *);
struct reports	*desk_reports(const struct desk *);
/* Adds the standby connection's counters to st. */
void		 desk_add_stats(const struct desk *, struct db_stats *);

#endif /* CME_MODEL_DESK_H */
