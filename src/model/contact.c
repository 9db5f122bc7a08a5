/*
 * contact.c — recording a contact on a case.
 *
 * The database function cme.contact_record (013_casework.sql) checks the
 * officer's scope, keeps contacts append-only and is idempotent by the
 * key the client sends: the key is made here from libsodium's random
 * bytes as a version 4 UUID, so resending after a lost reply finds the
 * contact already there instead of recording it twice. The contact's
 * time is the server's "now". The open record's tab is read again in the
 * same batch, so saving and seeing it saved is one round trip.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/contact.h"
#include "model/detail.h"
#include "model/model.h"
#include "util/xmalloc.h"

const char *const contact_kinds[] = {
	"home_visit", "phone", "letter", "email", "meeting", "agency_check",
	NULL,
};

/* A random version 4 UUID as text (37 bytes with the NUL). */
static void
contact_uuid(char out[37])
{
	unsigned char	b[16];

	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static void
contact_on_result(void *arg, const struct db_rows *r,
    const struct db_error *err)
{
	struct model	*m = arg;
	char		 buf[512];

	if (err != NULL) {
		snprintf(buf, sizeof buf, "Contact not recorded: %s",
		    err->message);
		model_notice(m, buf);
		/* The re-reads behind it were not run: read again, alone
		 * (the replies that were not run now belong to an old
		 * request and are dropped). */
		detail_refresh(model_detail(m), NULL);
		return;
	}
	snprintf(buf, sizeof buf, "Contact recorded (no. %s)",
	    db_rows_value(r, 0, 0) != NULL ? db_rows_value(r, 0, 0) : "?");
	model_notice(m, buf);
}

int
model_contact_record(struct model *m, const struct contact_input *in,
    char *msg, size_t msgsize)
{
	struct db_batch	*b;
	struct db_error	 err = { "", NULL, NULL, NULL };
	const char	*params[7];
	char		 key[37];
	size_t		 i;
	bool		 known = false;

	if (in->case_id == NULL || *in->case_id == '\0') {
		snprintf(msg, msgsize, "no case here: choose a row with a "
		    "case (My cases, Team)");
		return (-1);
	}
	for (i = 0; contact_kinds[i] != NULL; i++)
		if (strcmp(in->kind, contact_kinds[i]) == 0)
			known = true;
	if (!known) {
		snprintf(msg, msgsize, "kind of contact: home_visit, phone, "
		    "letter, email, meeting or agency_check");
		return (-1);
	}
	if (*in->with_whom == '\0' || *in->outcome == '\0') {
		snprintf(msg, msgsize, "a contact needs who it was with and "
		    "its outcome");
		return (-1);
	}
	contact_uuid(key);
	params[0] = in->case_id;
	params[1] = key;
	params[2] = in->kind;
	params[3] = "now";
	params[4] = in->with_whom;
	params[5] = in->outcome;
	params[6] = in->note != NULL ? in->note : "";
	b = db_batch_new();
	db_batch_add(b, "SELECT cme.contact_record($1::bigint, $2::uuid, $3, "
	    "$4::timestamptz, $5, $6, $7)", 7, params, contact_on_result, m);
	/* The record, read again after the contact: the same round trip. */
	detail_refresh(model_detail(m), b);
	(void)db_batch_send(model_db(m), b, &err);
	db_error_release(&err);
	*msg = '\0';
	return (0);
}
