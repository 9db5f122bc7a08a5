/*
 * sbuf.h — a growable byte string that is always NUL-terminated.
 *
 * buf is never NULL: an empty sbuf points at a shared static "" until
 * the first append, so `sb.buf` can always be printed or passed on as a C
 * string (git's strbuf_slopbuf trick). The sbuf owns buf; take it with
 * sbuf_detach(). The bytes may contain NULs; len counts them all.
 *
 *	struct sbuf sb = SBUF_INIT;
 *	sbuf_appendf(&sb, "%d rows", n);
 *	...
 *	sbuf_release(&sb);
 *
 * Not "strbuf": libconfig exports strbuf_append and strbuf_release, and
 * an executable's global symbols win over a library's own, so the names
 * must not meet (tools/check-symbols.sh keeps watch).
 */
#ifndef CME_UTIL_SBUF_H
#define CME_UTIL_SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char	*buf;		/* owned (unless cap == 0), NUL-terminated */
	size_t	 len;		/* bytes in use, excluding the NUL */
	size_t	 cap;		/* bytes allocated; 0 = buf is the static "" */
};

extern char sbuf_empty[1];
#define SBUF_INIT { sbuf_empty, 0, 0 }

/* hint: bytes to reserve now (0 allocates nothing). */
void		 sbuf_init(struct sbuf *, size_t hint);
/* Makes room for extra more bytes (plus the NUL) without reallocating. */
void		 sbuf_grow(struct sbuf *, size_t extra);
void		 sbuf_append(struct sbuf *, const void *data, size_t len);
void		 sbuf_append_str(struct sbuf *, const char *s);
void		 sbuf_append_char(struct sbuf *, char c);
void		 sbuf_append_repeat(struct sbuf *, char c, size_t n);
void		 sbuf_appendf(struct sbuf *, const char *fmt, ...)
		     __attribute__((format(printf, 2, 3)));
void		 sbuf_vappendf(struct sbuf *, const char *fmt, va_list)
		     __attribute__((format(printf, 2, 0)));
/* Cuts to len bytes (len <= sb->len); keeps the allocation. */
void		 sbuf_truncate(struct sbuf *, size_t len);
/* Empties the string; keeps the allocation for reuse. */
void		 sbuf_reset(struct sbuf *);
/* Frees the buffer; the sbuf is then empty and reusable. */
void		 sbuf_release(struct sbuf *);
/*
 * Returns the string (owned by the caller, free() it; never NULL) and
 * leaves the sbuf empty. len_out, if not NULL, receives its length.
 */
char		*sbuf_detach(struct sbuf *, size_t *len_out);

#endif /* CME_UTIL_SBUF_H */
