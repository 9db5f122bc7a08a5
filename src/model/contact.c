/*
 * contact.c — recording a contact on a case.
 *
 * The database function cme.contact_record (013_casework.sql) checks the
 * officer's scope, keeps contacts append-only and is idempotent by the
 * key the client sends: the key is the draft's (a version 4 UUID from
 * libsodium's random bytes, made when the form opened and kept in the
 * journal), so resending after a lost reply, or after a restart, finds
 * the contact already there instead of recording it twice. The contact's
 * time is the server's "now" unless the officer gave one. The record and
 * the list are read again in the same batch (casework_send), so saving
 * and seeing it saved is one round trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "model/casework.h"
#include "model/contact.h"
#include "model/detail.h"
#include "model/model.h"
#include "util/xmalloc.h"

const char *const contact_kinds[] = {
	"home_visit", "phone", "letter", "email", "meeting", "agency_check",
	NULL,
};

static const struct casework_what contact_what = {
	"Contact recorded", "Contact not recorded",
};
static const struct casework_what contact_amend_what = {
	"Correction recorded beside the contact", "Correction not recorded",
};

int
model_contact_record(struct model *m, const struct contact_input *in,
    char *msg, size_t msgsize)
{
	const char	*params[8];
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
	if (in->idem_key == NULL || strlen(in->idem_key) != 36) {
		snprintf(msg, msgsize, "internal: a contact needs its key");
		return (-1);
	}
	params[0] = in->case_id;
	params[1] = in->idem_key;
	params[2] = in->kind;
	params[3] = in->when != NULL && *in->when != '\0' ? in->when : "now";
	params[4] = in->with_whom;
	params[5] = in->outcome;
	params[6] = in->note != NULL ? in->note : "";
	params[7] = in->amends != NULL && *in->amends != '\0' ? in->amends :
	    NULL;
	*msg = '\0';
	return (casework_send(m, "SELECT cme.contact_record($1::bigint, "
	    "$2::uuid, $3, $4::timestamptz, $5, $6, $7, $8::bigint)", 8,
	    params, params[7] != NULL ? &contact_amend_what : &contact_what,
	    in->serial));
}
