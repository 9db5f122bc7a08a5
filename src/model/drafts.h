/*
 * drafts.h — nothing typed is lost (src/model/drafts.c).
 *
 * The form open on the screen hands its state here after every key
 * (drafts_keep); it is journalled at once, encrypted (draft.h). When the
 * form is sent the write carries the draft's serial; its outcome settles
 * it: saved, the journal goes; failed (a conflict, a refusal, the
 * connection lost before the answer), the draft is kept and offered back,
 * with the same idempotency key, so sending it again can never record a
 * contact twice. After SIGHUP, SIGTERM, a crash or a lost connection the
 * next start reads the journal once the key has come from the database
 * and offers the draft back.
 *
 * The journal has two files: the form being typed, and the draft kept
 * to reopen (FILE.kept), so that other forms can be used meanwhile. A
 * kept draft stays until it is reopened (R) and then sent or given up.
 */
#ifndef CME_MODEL_DRAFTS_H
#define CME_MODEL_DRAFTS_H

#include <stdbool.h>
#include <stddef.h>

struct db;
struct db_batch;
struct draft;
struct drafts;

typedef void	(*drafts_notice_fn)(void *arg, const char *text);

struct drafts	*drafts_new(struct db *, drafts_notice_fn, void *arg);
void		 drafts_free(struct drafts *);
/* Adds the journal key's request to a batch (the client's first). */
void		 drafts_add_key(struct drafts *, struct db_batch *);

/* The form being typed: journalled; returns its serial. */
unsigned	 drafts_keep(struct drafts *, const struct draft *);
/* The form was sent: kept as sent until drafts_settle(). */
void		 drafts_sent(struct drafts *, unsigned serial);
/* The write of draft serial finished: ok, or failed with why. True when
 * the draft was kept and the officer told (with why). */
bool		 drafts_settle(struct drafts *, unsigned serial, bool ok,
		     const char *why);
/* The officer gave the form up (Esc): its journal goes. */
void		 drafts_drop(struct drafts *);

/* The draft waiting to be reopened, or NULL. Borrowed. */
const struct draft *drafts_offered(const struct drafts *);
/* Takes the offered draft back into a form (the caller keeps it next). */
void		 drafts_take_offer(struct drafts *);

/* "a contact note on case 12 (Zoe O'NEILL), typed at 10:41". */
void		 drafts_describe(const struct draft *, char *buf, size_t n);

#endif /* CME_MODEL_DRAFTS_H */
