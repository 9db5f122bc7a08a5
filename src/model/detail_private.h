/*
 * detail_private.h — the inside of struct detail, shared by detail.c (the
 * record, its requests and their life) and detail_rows.c (copying each
 * statement's rows into the tabs' structs). Nothing outside src/model/
 * includes this.
 *
 * Each tab (and the header) is a "slot": whether it was asked for, how
 * many of its statements are still to answer, and an arena holding every
 * string of its rows, freed in one go when the record changes.
 */
#ifndef CME_MODEL_DETAIL_PRIVATE_H
#define CME_MODEL_DETAIL_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/detail.h"
#include "model/detail_attendance.h"

struct db;
struct db_rows;

#define DETAIL_SLOT_HEADER	DETAIL_TAB_COUNT
#define DETAIL_SLOTS		(DETAIL_TAB_COUNT + 1)

/* Strings copied out of rows: blocks that never move, freed together. */
struct detail_arena_block;
struct detail_arena {
	struct detail_arena_block	*head;	/* owned, newest first */
};

struct detail_slot {
	bool			 requested;	/* sent for this record */
	int			 pending;	/* statements not answered */
	struct detail_arena	 arena;		/* the slot's strings */
};

/* Whether this role may read cme.audit_log (from the header). */
enum detail_audit {
	DETAIL_AUDIT_UNKNOWN,
	DETAIL_AUDIT_NO,
	DETAIL_AUDIT_YES,
};

/* Timeline rows as they arrive, before the audit rows are merged in. */
struct detail_tl_row {
	double			 at;		/* seconds since the epoch */
	struct detail_event	 ev;
};

struct detail_tl_raw {
	struct detail_tl_row	*rows[2];	/* 0: events, 1: audit */
	int			 n[2];
};

/* Attendance parts as they arrive; built into the tab when complete. */
struct detail_att_raw {
	struct att_code		*codes;
	int			 ncodes;
	struct att_term		*terms;
	int			 nterms;
	struct att_marks	*marks;
	int			 nmarks;
	bool			 settings_seen;
};

struct detail {
	struct db		*db;		/* borrowed */
	uint64_t		 gen;
	uint64_t		 serial;	/* bumps per record opened */
	bool			 open;
	struct detail_key	 key;
	enum detail_tab		 tab;
	enum detail_audit	 audit;		/* kept across records */
	bool			 with_summary;	/* next fetch: the Summary too */
	struct {
		char	child_id[24];
		char	case_id[24];
		char	version[16];
	}			 facts;		/* the case last read */
	struct detail_slot	 slot[DETAIL_SLOTS];

	struct detail_header	 header;
	struct child_detail	 summary;
	struct detail_timeline	 timeline;
	struct detail_attendance attendance;
	struct detail_enquiries	 enquiries;
	struct detail_family	 family;
	struct detail_alerts	 alerts;

	struct detail_tl_raw	 tl_raw;
	struct detail_att_raw	 att_raw;

	struct detail_cached	*cache;		/* owned: prefetched summaries */
	size_t			 ncache;
};

/* A Summary row fetched with a list page (detail_cache_put). */
struct detail_cached {
	char		 id[80];	/* "la:child:case" */
	struct db_rows	*row;		/* owned, one row */
};

/* Copies s (NULL: "") into the arena; the copy lives until release. */
const char	*detail_arena_dup(struct detail_arena *, const char *);
void		 detail_arena_release(struct detail_arena *);

/* detail_rows.c: one function per statement, rows into the slot. */
void	detail_rows_header(struct detail *, const struct db_rows *);
void	detail_rows_summary(struct detail *, const struct db_rows *);
void	detail_rows_timeline(struct detail *, const struct db_rows *);
void	detail_rows_timeline_audit(struct detail *, const struct db_rows *);
void	detail_rows_att_codes(struct detail *, const struct db_rows *);
void	detail_rows_att_terms(struct detail *, const struct db_rows *);
void	detail_rows_att_closed(struct detail *, const struct db_rows *);
void	detail_rows_att_settings(struct detail *, const struct db_rows *);
void	detail_rows_att_marks(struct detail *, const struct db_rows *);
void	detail_rows_enquiries(struct detail *, const struct db_rows *);
void	detail_rows_people(struct detail *, const struct db_rows *);
void	detail_rows_siblings(struct detail *, const struct db_rows *);
void	detail_rows_addresses(struct detail *, const struct db_rows *);
void	detail_rows_alerts(struct detail *, const struct db_rows *);
/* When every statement of a slot has answered without error. */
void	detail_rows_timeline_done(struct detail *);
void	detail_rows_attendance_done(struct detail *);
/* Frees a slot's data (not its arena, which detail.c frees). */
void	detail_rows_release(struct detail *, int slot);

#endif /* CME_MODEL_DETAIL_PRIVATE_H */
