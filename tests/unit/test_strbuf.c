/*
 * test_strbuf.c — the growable string every screen line is built in:
 * always a valid C string, grows without losing bytes, detach hands over
 * ownership.
 */
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "unit.h"

int
main(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*s;
	size_t		 len, i;
	int		 ok;

	UNIT_CHECK(sb.buf != NULL && sb.buf[0] == '\0' && sb.len == 0,
	    "a fresh strbuf is an empty C string, not NULL");

	strbuf_append_str(&sb, "Smith");
	strbuf_append_char(&sb, ',');
	strbuf_append(&sb, " Jo", 3);
	strbuf_appendf(&sb, " (%d)", 11);
	UNIT_STR_EQ(sb.buf, "Smith, Jo (11)", "appends build one string");
	UNIT_INT_EQ(sb.len, 14, "len counts the bytes");

	strbuf_reset(&sb);
	UNIT_CHECK(sb.len == 0 && sb.buf[0] == '\0' && sb.cap > 0,
	    "reset empties but keeps the allocation");

	for (i = 0; i < 10000; i++)
		strbuf_appendf(&sb, "%05zu", i);
	ok = sb.len == 50000 && strlen(sb.buf) == 50000 &&
	    memcmp(sb.buf + 5 * 9999, "09999", 5) == 0;
	UNIT_CHECK(ok, "10000 formatted appends grow to 50000 bytes intact");

	strbuf_release(&sb);
	ok = 1;
	for (i = 0; i < 5000; i++) {
		strbuf_append_char(&sb, (char)('a' + i % 26));
		ok &= sb.len == i + 1 && sb.buf[i + 1] == '\0' &&
		    sb.cap > sb.len;
	}
	UNIT_CHECK(ok, "5000 single-character appends stay terminated at "
	    "every capacity boundary");

	strbuf_reset(&sb);
	strbuf_appendf(&sb, "%s", "");
	UNIT_STR_EQ(sb.buf, "", "appendf of nothing");
	strbuf_appendf(&sb, "%0300d|", 7);
	UNIT_CHECK(sb.len == 301 && sb.buf[299] == '7' && sb.buf[300] == '|',
	    "appendf longer than the free space retries correctly");

	strbuf_reset(&sb);
	strbuf_append(&sb, "a\0b", 3);
	UNIT_MEM_EQ(sb.buf, sb.len, "a\0b", 3, "embedded NUL bytes are kept");
	UNIT_CHECK(sb.buf[3] == '\0', "... and the buffer stays terminated");

	strbuf_reset(&sb);
	strbuf_append_str(&sb, "ab");
	strbuf_append_repeat(&sb, ' ', 3);
	strbuf_append_repeat(&sb, 'x', 0);
	UNIT_STR_EQ(sb.buf, "ab   ", "append_repeat pads with spaces");
	strbuf_truncate(&sb, 1);
	UNIT_STR_EQ(sb.buf, "a", "truncate cuts to a length");

	strbuf_release(&sb);			/* small again: must grow */
	strbuf_append_str(&sb, "echo ");
	for (i = 0; i < 6; i++)
		strbuf_append(&sb, sb.buf, sb.len);	/* from itself */
	UNIT_INT_EQ(sb.len, 5 * 64, "appending a strbuf to itself doubles it "
	    "even when it reallocates");

	s = strbuf_detach(&sb, &len);
	UNIT_CHECK(len == 320 && strncmp(s, "echo echo ", 10) == 0,
	    "detach hands over the string and its length");
	UNIT_CHECK(sb.len == 0 && sb.buf[0] == '\0',
	    "detach leaves the strbuf empty and usable");
	free(s);

	s = strbuf_detach(&sb, NULL);
	UNIT_STR_EQ(s, "", "detach of an empty strbuf is a freeable \"\"");
	free(s);

	strbuf_init(&sb, 100);
	UNIT_CHECK(sb.cap >= 101 && sb.buf[0] == '\0',
	    "init with a hint reserves room");
	strbuf_release(&sb);
	strbuf_release(&sb);
	UNIT_CHECK(sb.cap == 0 && sb.buf[0] == '\0',
	    "release twice is harmless and leaves it empty");
	return unit_done();
}
