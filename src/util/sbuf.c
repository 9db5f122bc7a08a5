/*
 * sbuf.c — growable NUL-terminated byte strings.
 *
 * Owns the shared empty buffer that every fresh sbuf points at. Growth
 * doubles the capacity; sizes that would overflow are fatal, like running
 * out of memory.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/xmalloc.h"

char sbuf_empty[1];

void
sbuf_init(struct sbuf *sb, size_t hint)
{
	sb->buf = sbuf_empty;
	sb->len = 0;
	sb->cap = 0;
	if (hint != 0)
		sbuf_grow(sb, hint);
}

void
sbuf_grow(struct sbuf *sb, size_t extra)
{
	size_t	 need, cap;

	if (extra > SIZE_MAX - 1 - sb->len)
		fatal("sbuf_grow: %zu + %zu bytes overflows", sb->len, extra);
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
sbuf_append(struct sbuf *sb, const void *data, size_t len)
{
	uintptr_t	 p, b;

	if (len == 0)
		return;
	/* Appending part of the sbuf to itself survives the realloc. */
	p = (uintptr_t)data;
	b = (uintptr_t)sb->buf;
	if (sb->cap != 0 && p >= b && p < b + sb->len) {
		sbuf_grow(sb, len);
		data = sb->buf + (p - b);
	} else
		sbuf_grow(sb, len);
	memmove(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
sbuf_append_str(struct sbuf *sb, const char *s)
{
	sbuf_append(sb, s, strlen(s));
}

void
sbuf_append_char(struct sbuf *sb, char c)
{
	sbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void
sbuf_append_repeat(struct sbuf *sb, char c, size_t n)
{
	if (n == 0)
		return;
	sbuf_grow(sb, n);
	memset(sb->buf + sb->len, (unsigned char)c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sbuf_appendf(struct sbuf *sb, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	sbuf_vappendf(sb, fmt, ap);
	va_end(ap);
}

void
sbuf_vappendf(struct sbuf *sb, const char *fmt, va_list ap)
{
	va_list	 ap2;
	size_t	 avail;
	int	 n;

	avail = sb->cap == 0 ? 0 : sb->cap - sb->len;
	va_copy(ap2, ap);
	n = vsnprintf(avail == 0 ? NULL : sb->buf + sb->len, avail, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("sbuf_vappendf: bad format \"%s\"", fmt);
	if ((size_t)n >= avail) {
		sbuf_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
	sb->buf[sb->len] = '\0';
}

void
sbuf_truncate(struct sbuf *sb, size_t len)
{
	if (len > sb->len)
		fatal("sbuf_truncate: %zu is beyond the end (%zu)", len,
		    sb->len);
	if (sb->cap == 0)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void
sbuf_reset(struct sbuf *sb)
{
	sbuf_truncate(sb, 0);
}

void
sbuf_release(struct sbuf *sb)
{
	if (sb->cap != 0)
		free(sb->buf);
	sbuf_init(sb, 0);
}

char *
sbuf_detach(struct sbuf *sb, size_t *len_out)
{
	char	*s;

	if (len_out != NULL)
		*len_out = sb->len;
	if (sb->cap == 0)
		s = xstrdup("");
	else
		s = sb->buf;
	sbuf_init(sb, 0);
	return s;
}
