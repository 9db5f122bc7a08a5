/*
 * fuzz_date.c — libFuzzer target for the strict ISO date parser (dates
 * arrive in import files and typed into forms). A date that parses must
 * format back to exactly the same text and have a sane weekday; anything
 * else must leave the output untouched. The input's first bytes are also
 * used as a raw day number for a conversion round trip.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	 s[32], iso[DATE_ISO_LEN + 1];
	int	 day = INT32_MIN + 7, y, m, d, raw;
	size_t	 n;

	n = size < sizeof s - 1 ? size : sizeof s - 1;
	memcpy(s, data, n);
	s[n] = '\0';
	if (date_parse_iso(s, &day) == 0) {
		date_format_iso(day, iso);
		if (strcmp(iso, s) != 0)
			abort();
		if (date_weekday(day) < 0 || date_weekday(day) > 6)
			abort();
		date_to_ymd(day, &y, &m, &d);
		if (!date_valid(y, m, d) || date_from_ymd(y, m, d) != day)
			abort();
	} else if (day != INT32_MIN + 7)
		abort();		/* a failed parse wrote *out */

	if (size >= sizeof raw) {
		memcpy(&raw, data, sizeof raw);
		date_to_ymd(raw, &y, &m, &d);
		if (!date_valid(y, m, d) || date_from_ymd(y, m, d) != raw)
			abort();
		if (date_weekday(raw) < 0 || date_weekday(raw) > 6)
			abort();
		date_format_iso(raw, iso);
		if (strlen(iso) != DATE_ISO_LEN)
			abort();
	}
	return 0;
}
