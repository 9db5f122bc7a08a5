/*
 * test_sbuf.c — the growable string every screen line is built in:
 * always a valid C string, grows without losing bytes, detach hands over
 * ownership.
 */
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "unit.h"

int
main(void)
{
	struct sbuf	 sb = SBUF_INIT;
	char		*s;
	size_t		 len, i;
	int		 ok;

	UNIT_CHECK(sb.buf != NULL && sb.buf[0] == '\0' && sb.len == 0,
	    "a fresh sbuf is an empty C string, not NULL");

	sbuf_append_str(&sb, "Smith");
	sbuf_append_char(&sb, ',');
	sbuf_append(&sb, " Jo", 3);
	sbuf_appendf(&sb, " (%d)", 11);
	UNIT_STR_EQ(sb.buf, "Smith, Jo (11)", "appends build one string");
	UNIT_INT_EQ(sb.len, 14, "len counts the bytes");

	sbuf_reset(&sb);
	UNIT_CHECK(sb.len == 0 && sb.buf[0] == '\0' && sb.cap > 0,
	    "reset empties but keeps the allocation");

	for (i = 0; i < 10000; i++)
		sbuf_appendf(&sb, "%05zu", i);
	ok = sb.len == 50000 && strlen(sb.buf) == 50000 &&
	    memcmp(sb.buf + 5 * 9999, "09999", 5) == 0;
	UNIT_CHECK(ok, "10000 formatted appends grow to 50000 bytes intact");

	sbuf_release(&sb);
	ok = 1;
	for (i = 0; i < 5000; i++) {
		sbuf_append_char(&sb, (char)('a' + i % 26));
		ok &= sb.len == i + 1 && sb.buf[i + 1] == '\0' &&
		    sb.cap > sb.len;
	}
	UNIT_CHECK(ok, "5000 single-character appends stay terminated at "
	    "every capacity boundary");

	sbuf_reset(&sb);
	sbuf_appendf(&sb, "%s", "");
	UNIT_STR_EQ(sb.buf, "", "appendf of nothing");
	sbuf_appendf(&sb, "%0300d|", 7);
	UNIT_CHECK(sb.len == 301 && sb.buf[299] == '7' && sb.buf[300] == '|',
	    "appendf longer than the free space retries correctly");

	sbuf_reset(&sb);
	sbuf_append(&sb, "a\0b", 3);
	UNIT_MEM_EQ(sb.buf, sb.len, "a\0b", 3, "embedded NUL bytes are kept");
	UNIT_CHECK(sb.buf[3] == '\0', "... and the buffer stays terminated");

	sbuf_reset(&sb);
	sbuf_append_str(&sb, "ab");
	sbuf_append_repeat(&sb, ' ', 3);
	sbuf_append_repeat(&sb, 'x', 0);
	UNIT_STR_EQ(sb.buf, "ab   ", "append_repeat pads with spaces");
	sbuf_truncate(&sb, 1);
	UNIT_STR_EQ(sb.buf, "a", "truncate cuts to a length");

	sbuf_release(&sb);			/* small again: must grow */
	sbuf_append_str(&sb, "echo ");
	for (i = 0; i < 6; i++)
		sbuf_append(&sb, sb.buf, sb.len);	/* from itself */
	UNIT_INT_EQ(sb.len, 5 * 64, "appending a sbuf to itself doubles it "
	    "even when it reallocates");

	s = sbuf_detach(&sb, &len);
	UNIT_CHECK(len == 320 && strncmp(s, "echo echo ", 10) == 0,
	    "detach hands over the string and its length");
	UNIT_CHECK(sb.len == 0 && sb.buf[0] == '\0',
	    "detach leaves the sbuf empty and usable");
	free(s);

	s = sbuf_detach(&sb, NULL);
	UNIT_STR_EQ(s, "", "detach of an empty sbuf is a freeable \"\"");
	free(s);

	sbuf_init(&sb, 100);
	UNIT_CHECK(sb.cap >= 101 && sb.buf[0] == '\0',
	    "init with a hint reserves room");
	sbuf_release(&sb);
	sbuf_release(&sb);
	UNIT_CHECK(sb.cap == 0 && sb.buf[0] == '\0',
	    "release twice is harmless and leaves it empty");
	return unit_done();
}
