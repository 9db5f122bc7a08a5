/*
 * csv.c — the streaming CSV reader (see csv.h for the format it accepts).
 *
 * One pass over the bytes with a small state machine. Field bytes go into
 * rec, each field followed by a NUL, and fstart[] holds where each field
 * starts; both are reused from record to record and never grow beyond
 * max_record (plus the NULs), so memory is bounded whatever the input.
 * Strict UTF-8 (and the byte order mark rule) is checked once a record is
 * complete, field by field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

enum csv_state {
	CS_START,	/* at the start of a field */
	CS_PLAIN,	/* inside an unquoted field */
	CS_QUOTED,	/* inside a quoted field */
	CS_QUOTE,	/* a quote inside a quoted field: end, or "" */
	CS_CR,		/* a CR outside quotes: must be followed by LF */
};

static int	 csv_fill(struct csv_reader *);
static void	 csv_fail(struct csv_reader *, const char *);
static void	 csv_start_field(struct csv_reader *);
static void	 csv_end_field(struct csv_reader *);
static void	 csv_put(struct csv_reader *, char);
static void	 csv_check_text(struct csv_reader *);

void
csv_init(struct csv_reader *cr, csv_read_fn fn, void *arg,
    size_t max_record)
{
	memset(cr, 0, sizeof *cr);
	cr->read = fn;
	cr->arg = arg;
	cr->max_record = max_record == 0 ? CSV_DEFAULT_MAX_RECORD : max_record;
	cr->in = xmalloc(CSV_READ_CHUNK);
	cr->rec_cap = 256;
	cr->rec = xmalloc(cr->rec_cap);
	cr->fcap = 16;
	cr->fstart = xreallocarray(NULL, (size_t)cr->fcap, sizeof *cr->fstart);
	cr->line = 1;
	cr->rec_line = 1;
}

void
csv_release(struct csv_reader *cr)
{
	free(cr->in);
	free(cr->rec);
	free(cr->fstart);
	memset(cr, 0, sizeof *cr);
}

/*
 * Makes at least one unread byte available. Returns 1, 0 at the end of
 * the input, -1 on a read error. Unread bytes are kept (moved to the
 * front), so a caller may ask for more while some remain.
 */
static int
csv_fill(struct csv_reader *cr)
{
	long	 n;

	if (cr->in_pos > 0) {
		memmove(cr->in, cr->in + cr->in_pos, cr->in_len - cr->in_pos);
		cr->in_len -= cr->in_pos;
		cr->in_pos = 0;
	}
	if (cr->eof || cr->in_len == CSV_READ_CHUNK)
		return cr->in_len > 0 ? 1 : 0;
	n = cr->read(cr->arg, cr->in + cr->in_len, CSV_READ_CHUNK - cr->in_len);
	if (n < 0)
		return -1;
	if (n == 0)
		cr->eof = true;
	else
		cr->in_len += (size_t)n;
	return cr->in_len > 0 ? 1 : 0;
}

/* Records the first reason a record is bad; later ones are ignored. */
static void
csv_fail(struct csv_reader *cr, const char *why)
{
	if (cr->error == NULL)
		cr->error = why;
}

/*
 * Appends one byte to the record. The caller has counted it against
 * max_record, so rec never holds more than max_record bytes plus one NUL
 * per field (and a record of n bytes has at most n + 1 fields).
 */
static void
csv_put(struct csv_reader *cr, char c)
{
	if (cr->rec_len + 1 >= cr->rec_cap) {
		cr->rec_cap *= 2;
		cr->rec = xrealloc(cr->rec, cr->rec_cap);
	}
	cr->rec[cr->rec_len++] = c;
}

static void
csv_start_field(struct csv_reader *cr)
{
	if (cr->nfields == cr->fcap) {
		cr->fcap *= 2;
		cr->fstart = xreallocarray(cr->fstart, (size_t)cr->fcap,
		    sizeof *cr->fstart);
	}
	cr->fstart[cr->nfields++] = cr->rec_len;
}

static void
csv_end_field(struct csv_reader *cr)
{
	csv_put(cr, '\0');
}

/* Strict UTF-8, no NUL, no byte order mark, in every field. */
static void
csv_check_text(struct csv_reader *cr)
{
	const char	*s;
	size_t		 len, i;
	uint32_t	 cp;
	int		 f, n;

	for (f = 0; f < cr->nfields && cr->error == NULL; f++) {
		s = csv_field(cr, f);
		len = csv_field_len(cr, f);
		for (i = 0; i < len; i += (size_t)n) {
			if ((unsigned char)s[i] >= 0x01 &&
			    (unsigned char)s[i] < 0x80) {
				n = 1;
				continue;
			}
			n = utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				csv_fail(cr, "not valid UTF-8 text");
				return;
			}
			if (cp == 0) {
				csv_fail(cr, "a NUL byte in the text");
				return;
			}
			if (cp == 0xfeff) {
				csv_fail(cr, "a byte order mark (U+FEFF) inside "
				    "the file (only the very start may have "
				    "one)");
				return;
			}
		}
	}
}

enum csv_result
csv_next(struct csv_reader *cr)
{
	enum csv_state	 st = CS_START;
	size_t		 raw = 0;	/* input bytes of this record */
	bool		 overflow = false, cr_only = false;
	int		 r;
	char		 c;

	if (!cr->started) {
		/* A byte order mark at the very start: look at 3 bytes. Each
		 * csv_fill() either adds bytes or reaches the end. */
		while (cr->in_len - cr->in_pos < 3 && !cr->eof)
			if (csv_fill(cr) < 0)
				return CSV_IO_ERROR;
		cr->started = true;
		if (cr->in_len - cr->in_pos >= 3 &&
		    memcmp(cr->in + cr->in_pos, "\xef\xbb\xbf", 3) == 0) {
			cr->in_pos += 3;
			cr->consumed += 3;
		}
	}

again:
	cr->rec_len = 0;
	cr->nfields = 0;
	cr->error = NULL;
	cr->rec_line = cr->line;
	raw = 0;
	overflow = false;
	cr_only = false;
	st = CS_START;
	csv_start_field(cr);

	for (;;) {
		if (cr->in_pos == cr->in_len) {
			if ((r = csv_fill(cr)) < 0)
				return CSV_IO_ERROR;
			if (r == 0)
				break;		/* end of input */
		}
		c = cr->in[cr->in_pos++];
		cr->consumed++;
		if (overflow) {
			/* Skip to the next LF, quotes or not: a runaway quote
			 * costs one record, not the rest of the file. */
			if (c == '\n') {
				cr->line++;
				goto done;
			}
			continue;
		}
		if (c == '\n' && st != CS_QUOTED) {
			if (st == CS_CR && raw == 1)
				cr_only = true;
			cr->line++;
			if (raw == 0 || cr_only)
				goto again;	/* an empty line */
			goto done;
		}
		if (st == CS_CR) {
			/* The CR was not part of CR LF. */
			csv_fail(cr, "a carriage return that does not end a "
			    "line");
			st = CS_PLAIN;
		}
		if (++raw > cr->max_record) {
			overflow = true;
			if (c == '\n') {	/* inside quotes: ends it too */
				cr->line++;
				goto done;
			}
			continue;
		}
		switch (st) {
		case CS_START:
		case CS_PLAIN:
			if (c == ',') {
				csv_end_field(cr);
				csv_start_field(cr);
				st = CS_START;
				continue;
			}
			if (c == '\r') {
				st = CS_CR;
				continue;
			}
			if (c == '"') {
				if (st == CS_START) {
					st = CS_QUOTED;
					continue;
				}
				csv_fail(cr, "a quote inside an unquoted field "
				    "(quote the whole field and double the "
				    "quote)");
			}
			st = CS_PLAIN;
			break;
		case CS_QUOTED:
			if (c == '"') {
				st = CS_QUOTE;
				continue;
			}
			if (c == '\n')
				cr->line++;
			break;
		case CS_QUOTE:
			if (c == '"') {
				st = CS_QUOTED;
				break;		/* "" is one quote */
			}
			if (c == ',') {
				csv_end_field(cr);
				csv_start_field(cr);
				st = CS_START;
				continue;
			}
			if (c == '\r') {
				st = CS_CR;
				continue;
			}
			csv_fail(cr, "text after the closing quote of a field");
			st = CS_PLAIN;
			break;
		case CS_CR:
			break;		/* handled above */
		}
		csv_put(cr, c);
	}

	/* End of input. */
	if (raw == 0 && !overflow)
		return CSV_EOF;
	if (st == CS_QUOTED)
		csv_fail(cr, "a quoted field is not closed at the end of the "
		    "file");
	if (st == CS_CR)
		csv_fail(cr, "a carriage return that does not end a line");

done:
	if (overflow) {
		cr->nfields = 0;
		cr->rec_len = 0;
		snprintf(cr->errbuf, sizeof cr->errbuf, "the line is too long "
		    "(more than %zu bytes)", cr->max_record);
		cr->error = cr->errbuf;
		return CSV_BAD;
	}
	csv_end_field(cr);
	csv_check_text(cr);
	return cr->error != NULL ? CSV_BAD : CSV_RECORD;
}

int
csv_fields(const struct csv_reader *cr)
{
	return cr->nfields;
}

const char *
csv_field(const struct csv_reader *cr, int i)
{
	if (i < 0 || i >= cr->nfields)
		return "";
	return cr->rec + cr->fstart[i];
}

size_t
csv_field_len(const struct csv_reader *cr, int i)
{
	size_t	 end;

	if (i < 0 || i >= cr->nfields)
		return 0;
	end = i + 1 < cr->nfields ? cr->fstart[i + 1] : cr->rec_len;
	return end - cr->fstart[i] - 1;
}

long
csv_line(const struct csv_reader *cr)
{
	return cr->rec_line;
}

const char *
csv_error(const struct csv_reader *cr)
{
	return cr->error != NULL ? cr->error : "";
}

uint64_t
csv_bytes(const struct csv_reader *cr)
{
	return cr->consumed;
}
