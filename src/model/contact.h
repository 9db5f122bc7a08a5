/*
 * contact.h — recording a contact on a case (src/model/contact.c).
 */
#ifndef CME_MODEL_CONTACT_H
#define CME_MODEL_CONTACT_H

#include <stddef.h>

struct model;

/* What the officer typed; strings borrowed for the call. */
struct contact_input {
	const char	*case_id;
	const char	*kind;		/* home_visit, phone, letter, ... */
	const char	*with_whom;
	const char	*outcome;
	const char	*note;		/* may be "" */
	const char	*when;		/* a timestamp, "" or "now" */
	const char	*idem_key;	/* the draft's UUID: retries are safe */
	unsigned	 serial;	/* the draft's (drafts.h) */
	const char	*amends;	/* the contact corrected, or ""/NULL */
};

/* The kinds, for prompts and completion (NULL-terminated, static). */
extern const char *const contact_kinds[];

/*
 * Records the contact in one round trip through cme.contact_record, with
 * the draft's idempotency key, so a retry can never record it twice. The
 * outcome arrives as a model notice; the open record is read again.
 * Returns 0 when sent, or -1 with msg when the input is incomplete.
 */
int	model_contact_record(struct model *, const struct contact_input *,
	    char *msg, size_t msgsize);

#endif /* CME_MODEL_CONTACT_H */
