/*
 * detail.h — the record open in the detail pane, tab by tab.
 *
 * The detail follows the list's selection: detail_open() names a child
 * (and the case or alert the row stood for) and fetches the current tab's
 * data in one round trip; switching tabs fetches that tab once, then it is
 * kept until the record changes. Replies for a record the user has
 * already left are dropped (request serial numbers). detail_gen() moves
 * whenever anything shown here changes, and only then.
 *
 * The first batch sent for a record also carries a small header statement
 * (the child's name for the pane's title line, the restricted marker).
 *
 * Everything here is copied out of the database rows into memory the
 * detail owns; the UI sees plain strings and numbers, never db types.
 * Strings are never NULL ("" when the database had NULL) and are borrowed
 * until detail_gen() moves. They are raw database text: draw them through
 * draw_text(), which sanitises.
 */
#ifndef CME_MODEL_DETAIL_H
#define CME_MODEL_DETAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "model/detail_attendance.h"

struct db;
struct detail;

enum detail_tab {
	DETAIL_SUMMARY,
	DETAIL_TIMELINE,
	DETAIL_ATTENDANCE,
	DETAIL_ENQUIRIES,
	DETAIL_FAMILY,
	DETAIL_ALERTS,
	DETAIL_TAB_COUNT,
};

/* Which record: strings, "" when not applicable. */
struct detail_key {
	char	la_code[8];
	char	child_id[24];
	char	case_id[24];
	char	alert_id[24];
};

/* Where a tab's data stands. */
struct detail_status {
	bool	 loaded;	/* every statement of the tab has answered */
	char	*error;		/* owned; non-NULL when loading failed */
};

/* The title line's facts, fetched with the first batch for a record. */
struct detail_header {
	struct detail_status	 st;
	const char		*name;		/* "Forename SURNAME" */
	bool			 restricted;
};

/* Tab 1: the child and the current case with its clocks. */
struct child_detail {
	struct detail_status	 st;
	const char		*child_id;
	const char		*legal_name;	/* as recorded, middle names */
	const char		*preferred_name;
	const char		*upn;
	const char		*dob;
	const char		*sex;
	const char		*address;	/* current address, one line */
	const char		*school;	/* current or last school */
	const char		*flags;		/* vulnerability flags */
	const char		*other_names;	/* former names and aliases */
	const char		*ehe;		/* EHE status in words, or "" */
	bool			 restricted;
	const char		*case_id;	/* "" when the child has none */
	const char		*case_version;	/* for an edit of the case */
	bool			 closure_pending;	/* a request to decide */
	const char		*closure_request;	/* who, when, outcome */
	const char		*closure_note;
	const char		*closure_checklist;	/* "7 of 11 done; ..." */
	const char		*closure_contacts;	/* last three, \n apart */
	const char		*case_status;
	const char		*case_reason;
	const char		*referred_on;
	const char		*assigned_to;	/* display name */
	const char		*located_on;
	const char		*closed_on;
	const char		*outcome;	/* closure outcome label */
	bool			 case_open;	/* not located/closed yet */
	int			 days_open;	/* school days since referral */
	int			 clock_limit;	/* the LA's enquiries clock */
	const char		*mark10_on;	/* 10th school day, or "" */
	const char		*clock_due_on;	/* clock_limit-th school day */
	const char		*last_contact;	/* date, "" when none */
	int			 since_contact;	/* school days, -1 when none */
};

/* Tab 2: one event of the timeline. */
struct detail_event {
	const char	*day;		/* YYYY-MM-DD */
	const char	*kind;		/* contact, amended, return, alert... */
	const char	*text;		/* one line (newlines folded) */
	bool		 amendment;	/* a correction of the event above */
	const char	*contact_id;	/* a contact's (the original's), or "" */
};

struct detail_timeline {
	struct detail_status st;
	struct detail_event	*events;	/* newest first */
	int			 n;
	bool			 audit;		/* case history included */
};

/* Tab 3: the school year's strip and figures. */
struct detail_term {
	const char	*name;		/* "Autumn" */
	const char	*starts;
	const char	*ends;
};

struct detail_attendance {
	struct detail_status st;
	int			 academic_year;	/* 2026: 2026/27; 0 none */
	int			 today;		/* server's date, day number */
	struct detail_term	*terms;		/* as the year's att_terms */
	int			 nterms;
	const char		*schools;	/* schools with marks, "; " */
	struct att_settings	 settings;
	struct att_year		 year;
	/* For ATT_DAY_CLOSED days: the calendar's reason, by day. */
	int			*closed_days;
	const char		**closed_reasons;
	int			 nclosed;
};

/* Tab 4: one item of the reasonable-enquiries checklist. */
enum detail_enquiry_state {
	ENQUIRY_NOT_STARTED,
	ENQUIRY_DONE_FOUND,
	ENQUIRY_DONE_NOT_FOUND,
	ENQUIRY_NOT_APPLICABLE,
	ENQUIRY_OTHER,			/* a state this client does not know */
};

struct detail_enquiry {
	const char			*item;		/* its code */
	const char			*version;	/* for an edit */
	const char			*label;
	enum detail_enquiry_state	 state;
	const char			*state_words;	/* "done: found" */
	const char			*done_on;
	const char			*officer;
	const char			*note;
};

struct detail_enquiries {
	struct detail_status st;
	const char		*case_id;	/* "" when no case */
	const char		*case_status;
	struct detail_enquiry	*items;
	int			 n;
	int			 done;		/* items no longer to do */
};

/* Tab 5: people, siblings, addresses. */
struct detail_person {
	const char	*relationship;	/* in words */
	const char	*name;
	bool		 pr;		/* parental responsibility */
	bool		 lives_with;
	bool		 emergency;
	const char	*phones;
	const char	*email;
	const char	*address;	/* only when not the child's */
	const char	*note;
};

struct detail_sibling {
	const char	*name;
	const char	*dob;
	bool		 restricted;
	const char	*via;		/* the shared person */
	const char	*school;	/* current or last, "" none */
};

struct detail_address {
	const char	*kind;
	const char	*text;
	const char	*from;
	const char	*to;		/* "" when current */
	const char	*note;
};

struct detail_family {
	struct detail_status st;
	struct detail_person	*people;
	int			 npeople;
	struct detail_sibling	*siblings;
	int			 nsiblings;
	struct detail_address	*addresses;
	int			 naddresses;
};

/* Tab 6: the child's alerts. */
struct detail_alert {
	const char	*label;		/* the rule */
	const char	*severity;	/* low, medium, high */
	const char	*status;
	const char	*raised;
	int		 age;		/* school days, to now/resolved */
	const char	*assigned;
	const char	*snooze_until;
	const char	*resolved;
	const char	*resolved_by;
	const char	*note;
	bool		 open;		/* not resolved */
	bool		 selected;	/* the alert the list row stood for */
};

struct detail_alerts {
	struct detail_status st;
	struct detail_alert	*items;		/* open first, newest first */
	int			 n;
	int			 nopen;
};

struct detail	*detail_new(struct db *);
void		 detail_free(struct detail *);
/*
 * Opens a record. When it is already open this only fetches what the
 * current tab still lacks (after an error: again).
 */
void		 detail_open(struct detail *, const struct detail_key *);
/* Reads the open record again, after a change to it: into the batch
 * that carries the change when given (NULL: a batch of its own). */
struct db_batch;
void		 detail_refresh(struct detail *, struct db_batch *);
/* Forgets everything (after a reconnect). */
void		 detail_reset(struct detail *);
/* Shows a tab, fetching its data the first time for this record. */
void		 detail_set_tab(struct detail *, enum detail_tab);
enum detail_tab	 detail_tab(const struct detail *);
const char	*detail_tab_name(enum detail_tab);
uint64_t	 detail_gen(const struct detail *);
/* Borrowed; NULL when nothing is open. */
const struct detail_key *detail_key(const struct detail *);
/*
 * The case of child_id and its version as last read (kept while the
 * record is read again after a write); false when none is known.
 */
bool		 detail_case(const struct detail *, const char *child_id,
		     const char **case_id, const char **version);
/* Bumps each time another record is opened (views reset their scroll). */
uint64_t	 detail_serial(const struct detail *);
/* Loading state of a tab's data; borrowed until detail_gen() moves. */
const struct detail_status *detail_status(const struct detail *,
		     enum detail_tab);

/* Each borrowed until detail_gen() moves; never NULL. */
const struct detail_header	*detail_header(const struct detail *);
const struct child_detail	*detail_summary(const struct detail *);

/*
 * Summaries fetched with a list page, so that moving the cursor within
 * the rows already fetched costs no round trip: row is one row in the
 * shape of the Summary statement (taken over). Cleared with the list.
 */
struct db_rows;
void		 detail_cache_put(struct detail *, const char *la_code,
		     const char *child_id, const char *case_id,
		     struct db_rows *row);
void		 detail_cache_clear(struct detail *);
const struct detail_timeline	*detail_timeline(const struct detail *);
const struct detail_attendance	*detail_attendance(const struct detail *);
const struct detail_enquiries	*detail_enquiries(const struct detail *);
const struct detail_family	*detail_family(const struct detail *);
const struct detail_alerts	*detail_alerts(const struct detail *);
/* Why day is not a school day ("Half term"), "" when not known. */
const char	*detail_closed_reason(const struct detail_attendance *,
		     int day);

#endif /* CME_MODEL_DETAIL_H */
