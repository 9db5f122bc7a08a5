/*
 * drafts.c — the draft of the form on the screen, journalled, settled by
 * its write's outcome, and offered back after a failure or a restart
 * (drafts.h).
 *
 * The journal's key comes from cme.draft_key() in the client's first
 * round trip: the client offers 32 random bytes, the database keeps the
 * first ever offered for the login and returns it. Until it has arrived
 * (or when the database is out of reach at start) drafts are held in
 * memory only, and written as soon as it comes.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "model/draft.h"
#include "model/drafts.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct drafts {
	struct db		*db;		/* borrowed */
	drafts_notice_fn	 notice;
	void			*notice_arg;
	struct draft_journal	*journal;	/* owned, NULL until the key */
	struct draft_journal	*kept;		/* owned: the offered draft */
	struct draft		 cur;		/* the form's draft */
	bool			 have_cur;
	unsigned		 serial;	/* cur's */
	struct draft		 offer;		/* kept, to reopen */
	bool			 have_offer;
	bool			 told_error;	/* journal trouble said once */
};

static void	drafts_on_key(void *, const struct db_rows *,
		    const struct db_error *);

struct drafts *
drafts_new(struct db *db, drafts_notice_fn fn, void *arg)
{
	struct drafts	*ds;

	ds = xcalloc(1, sizeof *ds);
	ds->db = db;
	ds->notice = fn;
	ds->notice_arg = arg;
	draft_init(&ds->cur);
	draft_init(&ds->offer);
	return (ds);
}

void
drafts_free(struct drafts *ds)
{
	if (ds == NULL)
		return;
	draft_journal_free(ds->journal);
	draft_journal_free(ds->kept);
	draft_release(&ds->cur);
	draft_release(&ds->offer);
	free(ds);
}

static void
drafts_say(struct drafts *ds, const char *text)
{
	if (ds->notice != NULL)
		ds->notice(ds->notice_arg, text);
}

static void
drafts_trouble(struct drafts *ds, const char *err)
{
	char	buf[640];

	log_debug("drafts: %s", err);
	if (ds->told_error)
		return;
	ds->told_error = true;
	snprintf(buf, sizeof buf, "Draft journal: %s (typing is kept in "
	    "memory only)", err);
	drafts_say(ds, buf);
}

static void
drafts_write_to(struct drafts *ds, struct draft_journal *j,
    const struct draft *d)
{
	char	err[512];

	if (j == NULL || !draft_journal_has_key(j))
		return;
	if (draft_journal_write(j, d, err, sizeof err) != 0)
		drafts_trouble(ds, err);
}

static void
drafts_write(struct drafts *ds, const struct draft *d)
{
	drafts_write_to(ds, ds->journal, d);
}

void
drafts_describe(const struct draft *d, char *buf, size_t n)
{
	char		 when[16] = "";
	time_t		 t = (time_t)d->saved_at;
	struct tm	 tm;
	const char	*what;

	if (localtime_r(&t, &tm) != NULL)
		strftime(when, sizeof when, "%H:%M", &tm);
	if (strcmp(d->form, "contact") == 0)
		what = "a contact";
	else if (strcmp(d->form, "enquiry") == 0)
		what = "a checklist entry";
	else if (strncmp(d->form, "closure", 7) == 0)
		what = "a closure note";
	else if (strcmp(d->form, "status") == 0)
		what = "a status change";
	else if (strcmp(d->form, "assign") == 0)
		what = "an assignment";
	else if (strcmp(d->form, "open") == 0)
		what = "a new case";
	else
		what = "a form";
	if (*d->case_id != '\0')
		snprintf(buf, n, "%s on case %s%s%s%s, typed at %s", what,
		    d->case_id, *d->child_name ? " (" : "", d->child_name,
		    *d->child_name ? ")" : "", when);
	else
		snprintf(buf, n, "%s%s%s%s, typed at %s", what,
		    *d->child_name ? " for " : "", d->child_name, "", when);
}

static void
drafts_offer_set(struct drafts *ds, const struct draft *d, const char *why)
{
	char	desc[256], buf[640];

	draft_copy(&ds->offer, d);
	ds->have_offer = true;
	drafts_write_to(ds, ds->kept, d);
	drafts_describe(d, desc, sizeof desc);
	if (why != NULL)
		snprintf(buf, sizeof buf, "[R: your text is kept] %s", why);
	else
		snprintf(buf, sizeof buf, "Kept: %s - R reopens it, Esc there "
		    "drops it", desc);
	drafts_say(ds, buf);
}

/* ---- the key ---- */

void
drafts_add_key(struct drafts *ds, struct db_batch *b)
{
	unsigned char	 cand[DRAFT_KEY_BYTES];
	char		 hex[2 * DRAFT_KEY_BYTES + 3];
	const char	*params[1];

	randombytes_buf(cand, sizeof cand);
	hex[0] = '\\';
	hex[1] = 'x';
	sodium_bin2hex(hex + 2, sizeof hex - 2, cand, sizeof cand);
	sodium_memzero(cand, sizeof cand);
	params[0] = hex;
	db_batch_add(b, "SELECT cme.draft_key($1::bytea)", 1, params,
	    drafts_on_key, ds);
	sodium_memzero(hex, sizeof hex);
}

/* Offers the draft in journal j, if it holds one of this login's. */
static bool
drafts_offer_from(struct drafts *ds, struct draft_journal *j)
{
	struct draft	d;
	char		msg[512];
	int		rc;

	rc = draft_journal_read(j, &d, msg, sizeof msg);
	if (rc < 0)
		drafts_trouble(ds, msg);
	if (rc != 1)
		return (false);
	if (strcmp(d.user, db_user(ds->db)) == 0)
		drafts_offer_set(ds, &d, NULL);
	draft_release(&d);
	return (true);
}

static void
drafts_on_key(void *arg, const struct db_rows *r, const struct db_error *err)
{
	struct drafts	*ds = arg;
	unsigned char	 key[DRAFT_KEY_BYTES];
	const char	*v;
	char		*path, msg[512];
	size_t		 bin;

	if (err != NULL || db_rows_count(r) != 1 ||
	    (v = db_rows_value(r, 0, 0)) == NULL || strncmp(v, "\\x", 2) != 0)
		return;		/* no key: no journal (not staff) */
	if (sodium_hex2bin(key, sizeof key, v + 2, strlen(v + 2), NULL, &bin,
	    NULL) != 0 || bin != sizeof key)
		return;
	if (ds->journal == NULL) {
		path = draft_journal_default_path(db_user(ds->db),
		    db_ident(ds->db), msg, sizeof msg);
		if (path == NULL) {
			drafts_trouble(ds, msg);
			sodium_memzero(key, sizeof key);
			return;
		}
		ds->journal = draft_journal_new(path);
		ds->kept = draft_journal_new(path);
		free(path);
		path = xasprintf("%s.kept", draft_journal_path(ds->journal));
		draft_journal_free(ds->kept);
		ds->kept = draft_journal_new(path);
		free(path);
	} else if (draft_journal_has_key(ds->journal)) {
		sodium_memzero(key, sizeof key);
		return;		/* a reconnect: nothing new */
	}
	draft_journal_set_key(ds->journal, key);
	draft_journal_set_key(ds->kept, key);
	sodium_memzero(key, sizeof key);

	/* Typed before the key came: journal it now. */
	if (ds->have_cur)
		drafts_write(ds, &ds->cur);
	if (ds->have_offer) {
		drafts_write_to(ds, ds->kept, &ds->offer);
		return;
	}
	/* A form interrupted (SIGHUP, a crash) first, else one kept. */
	if (!ds->have_cur && drafts_offer_from(ds, ds->journal)) {
		draft_journal_remove(ds->journal);
		return;
	}
	(void)drafts_offer_from(ds, ds->kept);
}

/* ---- the form's life ---- */

unsigned
drafts_keep(struct drafts *ds, const struct draft *d)
{
	draft_copy(&ds->cur, d);
	draft_set(&ds->cur.user, db_user(ds->db));
	ds->cur.saved_at = (long long)time(NULL);
	ds->cur.sent = 0;
	ds->have_cur = true;
	drafts_write(ds, &ds->cur);
	return (++ds->serial);
}

void
drafts_sent(struct drafts *ds, unsigned serial)
{
	if (!ds->have_cur || serial != ds->serial)
		return;
	ds->cur.sent = 1;
	drafts_write(ds, &ds->cur);
}

bool
drafts_settle(struct drafts *ds, unsigned serial, bool ok, const char *why)
{
	if (!ds->have_cur || serial != ds->serial)
		return (false);	/* another form has started since */
	ds->have_cur = false;
	if (ds->journal != NULL)
		draft_journal_remove(ds->journal);
	if (ok)
		return (false);
	ds->cur.sent = 0;
	drafts_offer_set(ds, &ds->cur, why);
	return (true);
}

void
drafts_drop(struct drafts *ds)
{
	ds->have_cur = false;
	ds->serial++;
	if (ds->journal != NULL)
		draft_journal_remove(ds->journal);
}

const struct draft *
drafts_offered(const struct drafts *ds)
{
	return (ds->have_offer ? &ds->offer : NULL);
}

void
drafts_take_offer(struct drafts *ds)
{
	if (!ds->have_offer)
		return;
	ds->have_offer = false;
	if (ds->kept != NULL)
		draft_journal_remove(ds->kept);
}

