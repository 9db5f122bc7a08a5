/*
 * casework.h — the writes of the casework desk (src/model/casework.c):
 * each one statement through a definer function, sent in one round trip
 * with the list, its counts and the open record read again behind it.
 *
 * Every write carries the serial of the draft it came from (drafts.h):
 * its outcome settles the draft, so a refused or lost write keeps the
 * officer's text to reopen. Strings are borrowed for the call; the
 * database decides what is valid (the checks here only save a round
 * trip for an obviously incomplete form). Each returns 0 when sent, or
 * -1 with msg when nothing was sent.
 */
#ifndef CME_MODEL_CASEWORK_H
#define CME_MODEL_CASEWORK_H

#include <stdbool.h>
#include <stddef.h>

struct model;

/* For completion (NULL-terminated, static). */
extern const char *const casework_sources[];
extern const char *const casework_reasons[];
extern const char *const casework_statuses[];
extern const char *const casework_enquiry_states[];

struct casework_what {
	const char	*done;		/* notice on success */
	const char	*failed;	/* prefix of the notice on failure */
};

/*
 * Sends sql (n params) as one write; on success says what->done, on
 * failure what->failed with the server's words, and settles the draft.
 * The list, the counts and the record are read again in the same batch.
 */
int	casework_send(struct model *, const char *sql, int n,
	    const char *const *params, const struct casework_what *,
	    unsigned draft_serial);

/*
 * The same statement for nrows rows (params: nrows x nparams, row after
 * row) in one transaction, all or nothing; a failure names the row's
 * own error.
 */
int	casework_send_batch(struct model *, const char *sql, int nparams,
	    const char *const *params, size_t nrows,
	    const struct casework_what *, unsigned draft_serial);

int	model_case_open(struct model *, const char *child_id,
	    const char *source, const char *reason, const char *referred_on,
	    const char *summary, unsigned serial, char *msg, size_t msgsize);
/* status: enquiries, located, escalated, or transferred (to la). */
int	model_case_status(struct model *, const char *case_id,
	    const char *version, const char *status, const char *la,
	    const char *note, unsigned serial, char *msg, size_t msgsize);
int	model_enquiry_set(struct model *, const char *case_id,
	    const char *item, const char *version, const char *state,
	    const char *done_on, const char *note, unsigned serial,
	    char *msg, size_t msgsize);

/*
 * Assigns cases to an officer (login name), or to the team queue when
 * officer is "" or "team": one case, or a batch in one transaction (all
 * or nothing, one audit row per case). versions[i] is the version of
 * case_ids[i] as read. On success the batch is remembered for
 * model_assign_undo().
 */
int	model_case_assign(struct model *, const char *const *case_ids,
	    const char *const *versions, const char *const *was, size_t n,
	    const char *officer, const char *note, unsigned serial,
	    char *msg, size_t msgsize);
/* Puts the last batch back as it was, within CASEWORK_UNDO_SECONDS of
 * it, unless a case has changed since (then nothing is undone). */
#define CASEWORK_UNDO_SECONDS	300
int	model_assign_undo(struct model *, char *msg, size_t msgsize);

/* Forgets the batch kept for undo (at exit). */
void	casework_forget(void);

#endif /* CME_MODEL_CASEWORK_H */
