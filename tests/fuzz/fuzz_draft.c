/*
 * fuzz_draft.c — libFuzzer target for the draft journal's plain
 * encoding (src/model/draft.c), the text found inside a journal file
 * once it is decrypted. Any input is refused or read whole; what is read
 * encodes again to a text that decodes to the same draft.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/draft.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct draft	 d, e;
	char		 err[256], *again;
	size_t		 alen;
	int		 i;

	if (draft_decode((const char *)data, len, &d, err, sizeof err) != 0) {
		if (err[0] == '\0')
			abort();
		draft_release(&d);
		return (0);
	}
	again = draft_encode(&d, &alen);
	if (draft_decode(again, alen, &e, err, sizeof err) != 0)
		abort();
	if (strcmp(d.form, e.form) != 0 || strcmp(d.case_id, e.case_id) != 0 ||
	    d.step != e.step || d.sent != e.sent || d.saved_at != e.saved_at)
		abort();
	for (i = 0; i < DRAFT_FIELDS; i++)
		if (strcmp(d.fields[i], e.fields[i]) != 0)
			abort();
	free(again);
	draft_release(&d);
	draft_release(&e);
	return (0);
}
