/*
 * strbuf.h — a growable byte string that is always NUL-terminated.
 *
 * buf is never NULL: an empty strbuf points at a shared static "" until
 * the first append, so `sb.buf` can always be printed or passed on as a C
 * string (git's strbuf_slopbuf trick). The strbuf owns buf; take it with
 * strbuf_detach(). The bytes may contain NULs; len counts them all.
 *
 *	struct strbuf sb = STRBUF_INIT;
 *	strbuf_appendf(&sb, "%d rows", n);
 *	...
 *	strbuf_release(&sb);
 */
#ifndef CME_UTIL_STRBUF_H
#define CME_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char	*buf;		/* owned (unless cap == 0), NUL-terminated */
	size_t	 len;		/* bytes in use, excluding the NUL */
	size_t	 cap;		/* bytes allocated; 0 = buf is the static "" */
};

extern char strbuf_empty[1];
#define STRBUF_INIT { strbuf_empty, 0, 0 }

/* hint: bytes to reserve now (0 allocates nothing). */
void		 strbuf_init(struct strbuf *, size_t hint);
/* Makes room for extra more bytes (plus the NUL) without reallocating. */
void		 strbuf_grow(struct strbuf *, size_t extra);
void		 strbuf_append(struct strbuf *, const void *data, size_t len);
void		 strbuf_append_str(struct strbuf *, const char *s);
void		 strbuf_append_char(struct strbuf *, char c);
void		 strbuf_append_repeat(struct strbuf *, char c, size_t n);
void		 strbuf_appendf(struct strbuf *, const char *fmt, ...)
		     __attribute__((format(printf, 2, 3)));
void		 strbuf_vappendf(struct strbuf *, const char *fmt, va_list)
		     __attribute__((format(printf, 2, 0)));
/* Cuts to len bytes (len <= sb->len); keeps the allocation. */
void		 strbuf_truncate(struct strbuf *, size_t len);
/* Empties the string; keeps the allocation for reuse. */
void		 strbuf_reset(struct strbuf *);
/* Frees the buffer; the strbuf is then empty and reusable. */
void		 strbuf_release(struct strbuf *);
/*
 * Returns the string (owned by the caller, free() it; never NULL) and
 * leaves the strbuf empty. len_out, if not NULL, receives its length.
 */
char		*strbuf_detach(struct strbuf *, size_t *len_out);

#endif /* CME_UTIL_STRBUF_H */
