/*
 * strbuf.c — growable NUL-terminated byte strings.
 *
 * Owns the shared empty buffer that every fresh strbuf points at. Growth
 * doubles the capacity; sizes that would overflow are fatal, like running
 * out of memory.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"

char strbuf_empty[1];

void
strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->buf = strbuf_empty;
	sb->len = 0;
	sb->cap = 0;
	if (hint != 0)
		strbuf_grow(sb, hint);
}

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t	 need, cap;

	if (extra > SIZE_MAX - 1 - sb->len)
		fatal("strbuf_grow: %zu + %zu bytes overflows", sb->len, extra);
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	cap = sb->cap < 32 ? 32 : sb->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (sb->cap == 0) {
		sb->buf = xmalloc(cap);
		sb->buf[0] = '\0';
	} else
		sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void
strbuf_append(struct strbuf *sb, const void *data, size_t len)
{
	uintptr_t	 p, b;

	if (len == 0)
		return;
	/* Appending part of the strbuf to itself survives the realloc. */
	p = (uintptr_t)data;
	b = (uintptr_t)sb->buf;
	if (sb->cap != 0 && p >= b && p < b + sb->len) {
		strbuf_grow(sb, len);
		data = sb->buf + (p - b);
	} else
		strbuf_grow(sb, len);
	memmove(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_append_str(struct strbuf *sb, const char *s)
{
	strbuf_append(sb, s, strlen(s));
}

void
strbuf_append_char(struct strbuf *sb, char c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void
strbuf_append_repeat(struct strbuf *sb, char c, size_t n)
{
	if (n == 0)
		return;
	strbuf_grow(sb, n);
	memset(sb->buf + sb->len, (unsigned char)c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_appendf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	strbuf_vappendf(sb, fmt, ap);
	va_end(ap);
}

void
strbuf_vappendf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list	 ap2;
	size_t	 avail;
	int	 n;

	avail = sb->cap == 0 ? 0 : sb->cap - sb->len;
	va_copy(ap2, ap);
	n = vsnprintf(avail == 0 ? NULL : sb->buf + sb->len, avail, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("strbuf_vappendf: bad format \"%s\"", fmt);
	if ((size_t)n >= avail) {
		strbuf_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_truncate(struct strbuf *sb, size_t len)
{
	if (len > sb->len)
		fatal("strbuf_truncate: %zu is beyond the end (%zu)", len,
		    sb->len);
	if (sb->cap == 0)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void
strbuf_reset(struct strbuf *sb)
{
	strbuf_truncate(sb, 0);
}

void
strbuf_release(struct strbuf *sb)
{
	if (sb->cap != 0)
		free(sb->buf);
	strbuf_init(sb, 0);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len_out)
{
	char	*s;

	if (len_out != NULL)
		*len_out = sb->len;
	if (sb->cap == 0)
		s = xstrdup("");
	else
		s = sb->buf;
	strbuf_init(sb, 0);
	return s;
}
