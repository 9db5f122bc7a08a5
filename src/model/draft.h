/*
 * draft.h — the text of a form being typed, kept so that nothing is lost
 * (src/model/draft.c).
 *
 * A draft is one form's state: which form, which case, the version the
 * edit started from, the idempotency key of its write, and every answer
 * so far (the one being typed included). The journal keeps the latest
 * draft in one file per login and database, encrypted with libsodium's
 * secretbox under the key only that login's database role can read
 * (cme.draft_key, 015_casework_desk.sql): on disk it is
 *
 *     "CMEJ1\n" | nonce (24 bytes) | secretbox(encoded draft)
 *
 * written to a temporary file and renamed over the old one, mode 0600 in
 * a 0700 directory. The encoded form is text, "cme-draft 1\n" and then one
 * field per line as NAME LENGTH ":" BYTES "\n", so any bytes (newlines in
 * a note) survive; draft_decode() checks every length and is fuzzed.
 */
#ifndef CME_MODEL_DRAFT_H
#define CME_MODEL_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#define DRAFT_FIELDS		6
#define DRAFT_KEY_BYTES		32

struct draft {
	char	*form;			/* "contact", "closure", ... */
	char	*user;			/* the login it belongs to */
	char	*case_id;
	char	*child_name;		/* to say whose it is */
	char	*version;		/* the case's or the item's; "" */
	char	*item;			/* the checklist item; "" */
	char	*idem_key;		/* the write's key; "" */
	long long saved_at;		/* seconds since the epoch */
	int	 step;			/* the question being answered */
	int	 sent;			/* 1: sent, outcome not confirmed */
	char	*fields[DRAFT_FIELDS];	/* the answers; never NULL */
};

/* An empty draft: every string "" (owned). */
void	 draft_init(struct draft *);
void	 draft_release(struct draft *);
void	 draft_copy(struct draft *dst, const struct draft *src);
/* Replaces one string member (dup of value, NULL taken as ""). */
void	 draft_set(char **member, const char *value);

/* The plain encoding (owned, *len bytes, NUL-terminated for safety). */
char	*draft_encode(const struct draft *, size_t *len);
/* Parses an encoding into d (draft_init'ed here); -1 with err naming
 * the field and offset when it is not one. */
int	 draft_decode(const char *buf, size_t len, struct draft *d,
	     char *err, size_t errsize);

/*
 * The journal file. path is where it lives; the key arrives later (it
 * comes from the database), and until then nothing is read or written.
 */
struct draft_journal;

struct draft_journal	*draft_journal_new(const char *path);
void			 draft_journal_free(struct draft_journal *);
const char		*draft_journal_path(const struct draft_journal *);
void			 draft_journal_set_key(struct draft_journal *,
			     const unsigned char key[DRAFT_KEY_BYTES]);
bool			 draft_journal_has_key(const struct draft_journal *);
/* Encrypts and writes d; -1 with err. */
int			 draft_journal_write(struct draft_journal *,
			     const struct draft *d, char *err, size_t errsize);
/* 1 with d filled, 0 when there is none, -1 with err (unreadable). */
int			 draft_journal_read(struct draft_journal *,
			     struct draft *d, char *err, size_t errsize);
/* Removes the file (a draft saved or given up). */
void			 draft_journal_remove(struct draft_journal *);

/*
 * Where the journal of user on database ident lives: $CME_DRAFT_DIR, or
 * $XDG_STATE_HOME/cme/drafts, or ~/.local/state/cme/drafts; the file name
 * is a hash of user and ident. Creates the directory (0700). Owned; NULL
 * with err when there is no such place.
 */
char	*draft_journal_default_path(const char *user, const char *ident,
	     char *err, size_t errsize);

/* A random version 4 UUID as text (37 bytes with the NUL). */
void	 draft_uuid(char out[37]);

#endif /* CME_MODEL_DRAFT_H */
