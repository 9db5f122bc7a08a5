/*
 * test_report.c — the DfE rounding convention of `cme report --rounded`
 * and the CSV fields of the return: quoted when they need to be, and
 * never read by a spreadsheet as a formula.
 */
#include <stdlib.h>
#include <string.h>

#include "model/report.h"
#include "util/sbuf.h"
#include "unit.h"

static const char *
field(struct sbuf *sb, const char *v)
{
	sbuf_reset(sb);
	report_csv_field(sb, v);
	return (sb->buf);
}

static const char *
rounded(long n, bool round, char *buf)
{
	report_round(n, round, buf, 16);
	return (buf);
}

int
main(void)
{
	struct sbuf	sb = SBUF_INIT;
	char		buf[16];

	UNIT_STR_EQ(rounded(0, true, buf), "0", "0 stays 0");
	UNIT_STR_EQ(rounded(1, true, buf), "low", "1 rounds to 0: low");
	UNIT_STR_EQ(rounded(4, true, buf), "low", "4 rounds to 0: low");
	UNIT_STR_EQ(rounded(5, true, buf), "10", "5 goes up to 10");
	UNIT_STR_EQ(rounded(14, true, buf), "10", "14 rounds to 10");
	UNIT_STR_EQ(rounded(15, true, buf), "20", "15 rounds to 20");
	UNIT_STR_EQ(rounded(1234, true, buf), "1230", "1234 rounds to 1230");
	UNIT_STR_EQ(rounded(3, false, buf), "3", "exact unless asked");

	UNIT_STR_EQ(field(&sb, "Year 3"), "Year 3", "a plain label as it is");
	UNIT_STR_EQ(field(&sb, "a, b"), "\"a, b\"", "a comma is quoted");
	UNIT_STR_EQ(field(&sb, "say \"hi\""), "\"say \"\"hi\"\"\"",
	    "quotes are doubled inside quotes");
	UNIT_STR_EQ(field(&sb, "=HYPERLINK(\"x\")"),
	    "\"'=HYPERLINK(\"\"x\"\")\"", "a formula is made inert");
	UNIT_STR_EQ(field(&sb, "+1"), "'+1", "a leading + is made inert");
	UNIT_STR_EQ(field(&sb, "-1"), "'-1", "a leading - is made inert");
	UNIT_STR_EQ(field(&sb, "@SUM(A1)"), "'@SUM(A1)",
	    "a leading @ is made inert");
	UNIT_STR_EQ(field(&sb, ""), "", "an empty field stays empty");
	sbuf_release(&sb);
	return (unit_done());
}
