/*
 * detail.h — the record open in the detail pane, tab by tab.
 *
 * The detail follows the list's selection: detail_open() names a child
 * (and the case or alert the row stood for) and fetches the current tab's
 * data in one round trip; switching tabs fetches that tab once, then it is
 * kept until the record changes. Replies for a record the user has
 * already left are dropped (request serial numbers). detail_gen() moves
 * whenever anything shown here changes.
 */
#ifndef CME_MODEL_DETAIL_H
#define CME_MODEL_DETAIL_H

#include <stdbool.h>
#include <stdint.h>

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

/* The child's summary (tab 1). Strings owned by the detail. */
struct child_detail {
	bool	 loaded;
	char	*child_id;
	char	*legal_name;
	char	*preferred_name;
	char	*upn;
	char	*dob;
	char	*sex;
	char	*address;	/* current address, one line */
	char	*school;	/* current or last school */
	char	*flags;		/* vulnerability flags, comma separated */
	char	*case_status;
	char	*case_reason;
	char	*referred_on;
	char	*other_names;	/* former names and aliases */
	int	 days_open;
	char	*error;		/* non-NULL when loading failed */
};

struct detail	*detail_new(struct db *);
void		 detail_free(struct detail *);
/* Opens a record (no-op when it is already open and loaded). */
void		 detail_open(struct detail *, const struct detail_key *);
/* Forgets everything (after a reconnect). */
void		 detail_reset(struct detail *);
void		 detail_set_tab(struct detail *, enum detail_tab);
enum detail_tab	 detail_tab(const struct detail *);
const char	*detail_tab_name(enum detail_tab);
uint64_t	 detail_gen(const struct detail *);
/* Borrowed; NULL when nothing is open. */
const struct detail_key *detail_key(const struct detail *);
/* Borrowed until detail_gen() moves. */
const struct child_detail *detail_summary(const struct detail *);

#endif /* CME_MODEL_DETAIL_H */
