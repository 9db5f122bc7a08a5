/*
 * fuzz_csv.c — libFuzzer target for the streaming CSV reader, which reads
 * files from schools (`cme import`). Beyond "no crash, no leak", each
 * input is read twice — all at once, and in small chunks whose size the
 * first byte picks — and the two readings must agree record for record;
 * every field it hands out is a NUL-free string of the length it says,
 * memory stays within the record limit, and a reading that reaches the
 * end has consumed every byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

#define FUZZ_MAX_RECORD	512

struct fuzz_input {
	const uint8_t	*data;
	size_t		 len;
	size_t		 pos;
	size_t		 chunk;
};

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static long	 fuzz_read(void *, char *, size_t);
static uint64_t	 fuzz_digest(const uint8_t *, size_t, size_t);

static long
fuzz_read(void *arg, char *buf, size_t len)
{
	struct fuzz_input	*in = arg;
	size_t			 n;

	n = in->len - in->pos;
	if (n > len)
		n = len;
	if (n > in->chunk)
		n = in->chunk;
	memcpy(buf, in->data + in->pos, n);
	in->pos += n;
	return (long)n;
}

/* FNV-1a over everything the reader reports. */
static uint64_t
fuzz_digest(const uint8_t *data, size_t len, size_t chunk)
{
	struct fuzz_input	 in = { data, len, 0, chunk };
	struct csv_reader	 cr;
	enum csv_result		 r;
	uint64_t		 h = 1469598103934665603ULL;
	const char		*f;
	size_t			 flen, k;
	int			 i;

	csv_init(&cr, fuzz_read, &in, FUZZ_MAX_RECORD);
	while ((r = csv_next(&cr)) != CSV_EOF) {
		if (r == CSV_IO_ERROR)
			abort();		/* fuzz_read never fails */
		if (cr.rec_cap > 2 * FUZZ_MAX_RECORD + 64)
			abort();		/* memory is bounded */
		if (csv_line(&cr) < 1)
			abort();
		h = (h ^ (uint64_t)r) * 1099511628211ULL;
		h = (h ^ (uint64_t)csv_line(&cr)) * 1099511628211ULL;
		if (r == CSV_BAD) {
			if (*csv_error(&cr) == '\0')
				abort();
			continue;
		}
		for (i = 0; i < csv_fields(&cr); i++) {
			f = csv_field(&cr, i);
			flen = csv_field_len(&cr, i);
			if (strlen(f) != flen || flen > FUZZ_MAX_RECORD)
				abort();
			for (k = 0; k < flen; k++)
				h = (h ^ (uint8_t)f[k]) * 1099511628211ULL;
			h = (h ^ 0x100) * 1099511628211ULL;
		}
	}
	if (csv_bytes(&cr) != len)
		abort();			/* every byte consumed */
	csv_release(&cr);
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t	 chunk;

	if (size == 0)
		return 0;
	chunk = (size_t)(data[0] % 7) + 1;
	if (fuzz_digest(data + 1, size - 1, chunk) !=
	    fuzz_digest(data + 1, size - 1, (size_t)1 << 20))
		abort();
	return 0;
}
