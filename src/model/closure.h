/*
 * closure.h — four-eyes closure of a case (src/model/closure.c).
 */
#ifndef CME_MODEL_CLOSURE_H
#define CME_MODEL_CLOSURE_H

#include <stdbool.h>
#include <stddef.h>

struct model;

/* The closure outcomes (cme.case_outcome, 004_reference_data.sql), for
 * completion only: the database decides what is valid. */
extern const char *const closure_outcomes[];

/*
 * Asks for the case to be closed with an outcome (the officer's side of
 * four eyes), or decides a request (a supervisor: approve or reject; the
 * database refuses anyone deciding their own request). One round trip
 * each, with the list, the counts and the open record read again; the
 * outcome arrives as a model notice. -1 with msg when nothing was sent.
 */
int	model_closure_request(struct model *, const char *case_id,
	    const char *version, const char *outcome, const char *note,
	    unsigned serial, char *msg, size_t msgsize);
/* The same request for n cases in one transaction (all or nothing). */
int	model_closure_request_batch(struct model *,
	    const char *const *case_ids, const char *const *versions,
	    size_t n, const char *outcome, const char *note,
	    unsigned serial, char *msg, size_t msgsize);
int	model_closure_decide(struct model *, const char *case_id,
	    const char *version, bool approve, const char *note,
	    unsigned serial, char *msg, size_t msgsize);

#endif /* CME_MODEL_CLOSURE_H */
