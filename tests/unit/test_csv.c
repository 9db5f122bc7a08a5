/*
 * test_csv.c — the streaming CSV reader (src/util/csv.c): the records
 * and line numbers it gives for well-formed and malformed input, that the
 * result does not depend on how the bytes arrive (one at a time or all at
 * once), and that a huge line costs bounded memory.
 *
 * Each case is an input and the expected dump: one line per record,
 * "LINE:field|field|..." for a record and "LINE!reason" for a bad one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "util/sbuf.h"
#include "unit.h"

struct mem_input {
	const char	*data;
	size_t		 len;
	size_t		 pos;
	size_t		 chunk;		/* most bytes per read */
	long		 fail_at;	/* -1, or the offset where read fails */
};

static long	 mem_read(void *, char *, size_t);
static char	*dump(const char *, size_t, size_t, size_t);
static void	 check(const char *, const char *, const char *);
static void	 check_n(const char *, size_t, const char *, const char *);
static void	 test_basic(void);
static void	 test_bad(void);
static void	 test_huge(void);
static void	 test_io_error(void);

int
main(void)
{
	test_basic();
	test_bad();
	test_huge();
	test_io_error();
	return unit_done();
}

static long
mem_read(void *arg, char *buf, size_t len)
{
	struct mem_input	*m = arg;
	size_t			 n;

	if (m->fail_at >= 0 && m->pos >= (size_t)m->fail_at) {
		errno = EIO;
		return -1;
	}
	n = m->len - m->pos;
	if (n > len)
		n = len;
	if (n > m->chunk)
		n = m->chunk;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return (long)n;
}

/* The dump of len bytes read chunk bytes at a time; caller frees. */
static char *
dump(const char *data, size_t len, size_t chunk, size_t max_record)
{
	struct mem_input	 m = { data, len, 0, chunk, -1 };
	struct csv_reader	 cr;
	struct sbuf		 out = SBUF_INIT;
	enum csv_result		 r;
	int			 i;

	csv_init(&cr, mem_read, &m, max_record);
	while ((r = csv_next(&cr)) != CSV_EOF) {
		if (r == CSV_IO_ERROR) {
			sbuf_append_str(&out, "IO\n");
			break;
		}
		if (r == CSV_BAD) {
			sbuf_appendf(&out, "%ld!%s\n", csv_line(&cr),
			    csv_error(&cr));
			continue;
		}
		sbuf_appendf(&out, "%ld:", csv_line(&cr));
		for (i = 0; i < csv_fields(&cr); i++) {
			if (i > 0)
				sbuf_append_char(&out, '|');
			if (strlen(csv_field(&cr, i)) != csv_field_len(&cr, i))
				sbuf_append_str(&out, "<len?>");
			sbuf_append_str(&out, csv_field(&cr, i));
		}
		sbuf_append_char(&out, '\n');
	}
	if (csv_bytes(&cr) != len && r != CSV_IO_ERROR)
		sbuf_appendf(&out, "consumed %llu of %zu\n",
		    (unsigned long long)csv_bytes(&cr), len);
	csv_release(&cr);
	return sbuf_detach(&out, NULL);
}

static void
check_n(const char *desc, size_t len, const char *in, const char *want)
{
	char	*whole, *bytewise;

	whole = dump(in, len, 1 << 20, 0);
	bytewise = dump(in, len, 1, 0);
	UNIT_STR_EQ(whole, want, desc);
	if (strcmp(whole, bytewise) != 0) {
		unit_result(0, "%s: same result one byte at a time", desc);
		unit_diag("bytewise: %s", bytewise);
	}
	free(whole);
	free(bytewise);
}

static void
check(const char *desc, const char *in, const char *want)
{
	check_n(desc, strlen(in), in, want);
}

static void
test_basic(void)
{
	check("empty input: no record", "", "");
	check("a BOM alone: no record", "\xef\xbb\xbf", "");
	check("simple records", "a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
	check("last line without a line end", "a,b\n1,2", "1:a|b\n2:1|2\n");
	check("CR LF line ends", "a,b\r\n1,2\r\n", "1:a|b\n2:1|2\n");
	check("a UTF-8 BOM at the start is dropped",
	    "\xef\xbb\xbf" "laestab,upn\n1,2\n", "1:laestab|upn\n2:1|2\n");
	check("empty fields", ",a,,\n", "1:|a||\n");
	check("empty lines are skipped, line numbers kept",
	    "a\n\n\r\nb\n\n", "1:a\n4:b\n");
	check("quoted fields with commas and doubled quotes",
	    "\"x,y\",\"say \"\"hi\"\"\",\"\"\n",
	    "1:x,y|say \"hi\"|\n");
	check("a quoted line end is data; the next record's line counts it",
	    "\"two\nlines\",b\nc\n", "1:two\nlines|b\n3:c\n");
	check("UTF-8 names", "Zo\xc3\xab,\xc3\x93 Briain,Demirta\xc5\x9f\n",
	    "1:Zo\xc3\xab|\xc3\x93 Briain|Demirta\xc5\x9f\n");
	check("a quoted empty line is a record", "\"\"\n", "1:\n");
}

static void
test_bad(void)
{
	check("invalid UTF-8: that record only",
	    "a\nb\xff" "c\nd\n",
	    "1:a\n2!not valid UTF-8 text\n3:d\n");
	check("an overlong UTF-8 form is invalid", "\xc0\xaf\n",
	    "1!not valid UTF-8 text\n");
	check("a UTF-8 sequence cut short at the end", "ok\n\xe2\x82",
	    "1:ok\n2!not valid UTF-8 text\n");
	check("a BOM after the start is reported",
	    "a\n\xef\xbb\xbf" "b\nc\n",
	    "1:a\n2!a byte order mark (U+FEFF) inside the file (only the "
	    "very start may have one)\n3:c\n");
	check("a BOM inside a field is reported",
	    "x,y\xef\xbb\xbfz\n",
	    "1!a byte order mark (U+FEFF) inside the file (only the "
	    "very start may have one)\n");
	check_n("a NUL byte", 6, "a\nb\0c\n",
	    "1:a\n2!a NUL byte in the text\n");
	check("a quote inside an unquoted field",
	    "O\"Brien,x\nok\n",
	    "1!a quote inside an unquoted field (quote the whole field and "
	    "double the quote)\n2:ok\n");
	check("text after a closing quote",
	    "\"a\"b,c\nok\n",
	    "1!text after the closing quote of a field\n2:ok\n");
	check("a lone CR", "a\rb\nok\n",
	    "1!a carriage return that does not end a line\n2:ok\n");
	check("a CR at the very end", "a\r",
	    "1!a carriage return that does not end a line\n");
	check("a quote still open at the end",
	    "a\n\"open,b\nc\n",
	    "1:a\n2!a quoted field is not closed at the end of the file\n");
}

static void
test_huge(void)
{
	struct sbuf		 in = SBUF_INIT;
	struct mem_input	 m;
	struct csv_reader	 cr;
	enum csv_result		 r;
	char			*got;
	size_t			 peak = 0;
	int			 nrec = 0, nbad = 0;
	long			 badline = 0;

	sbuf_append_str(&in, "a,b\n");
	sbuf_append_repeat(&in, 'x', 5000);
	sbuf_append_str(&in, ",y\nc,d\n\"runaway");
	sbuf_append_repeat(&in, 'q', 3000);
	sbuf_append_str(&in, "\nlast\n");
	got = dump(in.buf, in.len, 1 << 20, 1000);
	UNIT_STR_EQ(got, "1:a|b\n2!the line is too long (more than 1000 "
	    "bytes)\n3:c|d\n4!the line is too long (more than 1000 bytes)\n"
	    "5:last\n", "a huge line is reported with its line number, and "
	    "reading goes on (a runaway quote too)");
	free(got);

	/* Memory stays bounded by max_record, not the line. */
	sbuf_reset(&in);
	sbuf_append_str(&in, "h\n");
	sbuf_append_repeat(&in, 'z', 10 * 1000 * 1000);
	sbuf_append_str(&in, "\nok\n");
	m = (struct mem_input){ in.buf, in.len, 0, 1 << 16, -1 };
	csv_init(&cr, mem_read, &m, 4096);
	while ((r = csv_next(&cr)) != CSV_EOF && r != CSV_IO_ERROR) {
		if (cr.rec_cap > peak)
			peak = cr.rec_cap;
		if (r == CSV_BAD) {
			nbad++;
			badline = csv_line(&cr);
		} else
			nrec++;
	}
	csv_release(&cr);
	UNIT_INT_EQ(nrec * 10 + nbad, 21, "a 10 MB line: two records, one "
	    "bad");
	UNIT_INT_EQ(badline, 2, "the 10 MB line is line 2");
	UNIT_CHECK(peak <= 2 * 4096 + 64, "record buffer stays within twice "
	    "max_record for a 10 MB line");

	/* Many empty fields cannot grow memory past the limit either. */
	sbuf_reset(&in);
	sbuf_append_repeat(&in, ',', 100000);
	sbuf_append_str(&in, "\nok\n");
	got = dump(in.buf, in.len, 1 << 20, 1000);
	UNIT_STR_EQ(got, "1!the line is too long (more than 1000 bytes)\n"
	    "2:ok\n", "100,000 commas count against the limit");
	free(got);
	sbuf_release(&in);
}

static void
test_io_error(void)
{
	struct mem_input	 m = { "a,b\nc,d\ne,f\n", 12, 0, 4, 4 };
	struct csv_reader	 cr;
	enum csv_result		 r1, r2;

	csv_init(&cr, mem_read, &m, 0);
	r1 = csv_next(&cr);
	r2 = csv_next(&cr);
	csv_release(&cr);
	UNIT_CHECK(r1 == CSV_RECORD && r2 == CSV_IO_ERROR,
	    "a read error is CSV_IO_ERROR, after the records before it");
}
