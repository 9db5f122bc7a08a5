/*
 * csv.h — a streaming reader for CSV files that come from outside.
 *
 * Schools send attendance marks and register returns as CSV written by
 * their MIS or by Excel (`cme import`). The reader pulls bytes through a
 * read function, so a file of any size is read in bounded memory: one
 * input buffer and one record of at most max_record bytes.
 *
 * Format (RFC 4180, leniently): fields separated by commas, records by LF
 * or CR LF; a field may be quoted with '"', and inside quotes '""' is a
 * quote and commas and line ends are data. Records are not trimmed.
 *
 * What it accepts silently: a UTF-8 byte order mark at the very start of
 * the input (Excel writes one), CR LF line ends, a last line without a line
 * end, and empty lines (skipped: no record at all).
 *
 * What makes a record bad (CSV_BAD, with its first line number and a
 * reason; reading goes on with the next record):
 *   - bytes that are not strict UTF-8, a NUL byte;
 *   - a byte order mark anywhere but the start of the input;
 *   - a CR that is not part of a CR LF line end (outside quotes);
 *   - a quote inside an unquoted field, or text after a closing quote;
 *   - a quoted field still open at the end of the input;
 *   - a record longer than max_record bytes: the reader stops storing it
 *     and skips to the next LF, whatever quotes it meets, so one runaway
 *     line cannot swallow memory.
 *
 * Typical use:
 *
 *	struct csv_reader cr;
 *	csv_init(&cr, read_fn, file, CSV_DEFAULT_MAX_RECORD);
 *	while ((r = csv_next(&cr)) != CSV_EOF && r != CSV_IO_ERROR) {
 *		if (r == CSV_BAD)
 *			complain(csv_line(&cr), csv_error(&cr));
 *		else
 *			use(csv_fields(&cr), csv_field(&cr, 0), ...);
 *	}
 *	csv_release(&cr);
 *
 * Pure C, no I/O of its own: the fuzz target (tests/fuzz/fuzz_csv.c)
 * drives it from memory.
 */
#ifndef CME_UTIL_CSV_H
#define CME_UTIL_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CSV_DEFAULT_MAX_RECORD	(64 * 1024)	/* bytes of one record */
#define CSV_READ_CHUNK		(64 * 1024)	/* bytes asked of read_fn */

enum csv_result {
	CSV_RECORD,	/* a record: csv_fields(), csv_field() */
	CSV_BAD,	/* a malformed record: csv_line(), csv_error() */
	CSV_EOF,	/* no more input */
	CSV_IO_ERROR,	/* the read function failed (errno is its errno) */
};

/*
 * Fills buf with up to len bytes; returns how many (> 0), 0 at the end of
 * the input, or -1 on error. Called again after 0 it must return 0.
 */
typedef long	(*csv_read_fn)(void *arg, char *buf, size_t len);

struct csv_reader {
	csv_read_fn	 read;		/* borrowed */
	void		*arg;		/* borrowed, passed to read */
	char		*in;		/* owned, CSV_READ_CHUNK bytes */
	size_t		 in_len;	/* bytes in in */
	size_t		 in_pos;	/* next byte to look at */
	bool		 eof;		/* read returned 0 */
	bool		 started;	/* the first byte has been seen */
	char		*rec;		/* owned: fields, each NUL-terminated */
	size_t		 rec_len;	/* bytes used in rec */
	size_t		 rec_cap;	/* bytes allocated for rec */
	size_t		 max_record;	/* limit on the bytes of one record */
	size_t		*fstart;	/* owned: offset of each field in rec */
	int		 nfields;	/* fields of the current record */
	int		 fcap;		/* entries allocated in fstart */
	long		 line;		/* line of the next byte (from 1) */
	long		 rec_line;	/* first line of the last record */
	uint64_t	 consumed;	/* input bytes consumed so far */
	const char	*error;		/* reason for CSV_BAD (static or errbuf) */
	char		 errbuf[64];	/* a reason with a number in it */
};

/* max_record 0 means CSV_DEFAULT_MAX_RECORD. */
void		 csv_init(struct csv_reader *, csv_read_fn, void *arg,
		     size_t max_record);
void		 csv_release(struct csv_reader *);
enum csv_result	 csv_next(struct csv_reader *);

/* The current record (after CSV_RECORD; after CSV_BAD, what was read). */
int		 csv_fields(const struct csv_reader *);
/* Field i as a C string (no NUL inside); borrowed until csv_next(). */
const char	*csv_field(const struct csv_reader *, int i);
size_t		 csv_field_len(const struct csv_reader *, int i);
/* First line of the last record returned (1-based). */
long		 csv_line(const struct csv_reader *);
/* Why the last record was CSV_BAD; borrowed until csv_next(). */
const char	*csv_error(const struct csv_reader *);
/* Input bytes consumed so far (for a progress bar). */
uint64_t	 csv_bytes(const struct csv_reader *);

#endif /* CME_UTIL_CSV_H */
