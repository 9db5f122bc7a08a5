/*
 * seed_copy.c — COPY text framing for the seed (see seed_copy.h).
 *
 * Owns the row buffer of one COPY stream. The escaping follows the COPY
 * text format: a backslash, tab, newline or carriage return inside a value
 * becomes \\, \t, \n or \r; \N alone is NULL. Names with apostrophes and
 * hyphens need nothing; notes with newlines and backslashes are the cases
 * that matter.
 */
#include <stdio.h>
#include <string.h>

#include "model/seed_copy.h"

#include "db/db.h"
#include "util/date.h"

static void	seed_copy_sep(struct seed_copy *);
static void	seed_copy_flush(struct seed_copy *);
static bool	seed_copy_bst(int day, int minutes);
static int	seed_copy_last_sunday(int year, int month);

int
seed_copy_begin(struct seed_copy *c, struct db *db, const char *copy_sql,
    struct db_error *err)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	c->err = err;
	sbuf_init(&c->buf, SEED_COPY_FLUSH + 65536);
	if (db_copy_begin(db, copy_sql, err) != 0) {
		sbuf_release(&c->buf);
		c->failed = true;
		return (-1);
	}
	c->in_copy = true;
	return (0);
}

bool
seed_copy_ok(const struct seed_copy *c)
{
	return (!c->failed);
}

static void
seed_copy_sep(struct seed_copy *c)
{
	if (c->row_open)
		sbuf_append_char(&c->buf, '\t');
	c->row_open = true;
}

void
seed_copy_null(struct seed_copy *c)
{
	seed_copy_sep(c);
	sbuf_append(&c->buf, "\\N", 2);
}

void
seed_copy_str(struct seed_copy *c, const char *s)
{
	if (s == NULL)
		seed_copy_null(c);
	else
		seed_copy_strn(c, s, strlen(s));
}

void
seed_copy_strn(struct seed_copy *c, const char *s, size_t n)
{
	size_t	 i, start;
	char	 esc;

	seed_copy_sep(c);
	sbuf_grow(&c->buf, n + 8);
	start = 0;
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\':
			esc = '\\';
			break;
		case '\t':
			esc = 't';
			break;
		case '\n':
			esc = 'n';
			break;
		case '\r':
			esc = 'r';
			break;
		default:
			continue;
		}
		sbuf_append(&c->buf, s + start, i - start);
		sbuf_append_char(&c->buf, '\\');
		sbuf_append_char(&c->buf, esc);
		start = i + 1;
	}
	sbuf_append(&c->buf, s + start, n - start);
}

void
seed_copy_raw(struct seed_copy *c, const char *s, size_t n)
{
	seed_copy_sep(c);
	sbuf_append(&c->buf, s, n);
}

void
seed_copy_int(struct seed_copy *c, long long v)
{
	char			 tmp[24];
	char			*p = tmp + sizeof tmp;
	unsigned long long	 u;

	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	seed_copy_raw(c, p, (size_t)(tmp + sizeof tmp - p));
}

void
seed_copy_bool(struct seed_copy *c, bool v)
{
	seed_copy_raw(c, v ? "t" : "f", 1);
}

void
seed_copy_date(struct seed_copy *c, int day)
{
	char	 iso[DATE_ISO_LEN + 1];

	if (day == SEED_NO_DATE) {
		seed_copy_null(c);
		return;
	}
	date_format_iso(day, iso);
	seed_copy_raw(c, iso, DATE_ISO_LEN);
}

/* The last Sunday of a month (British Summer Time changes on those). */
static int
seed_copy_last_sunday(int year, int month)
{
	int	 last;

	last = date_from_ymd(year, month, date_days_in_month(year, month));
	return (last - (date_weekday(last) + 1) % 7);
}

/*
 * True when local time day + minutes is in British Summer Time: from 01:00
 * GMT on the last Sunday of March to 01:00 GMT on the last Sunday of
 * October. Computed here rather than left to the server's time zone
 * setting, so that the stored instants never depend on it.
 */
static bool
seed_copy_bst(int day, int minutes)
{
	int	 y, m, d, start, end;

	date_to_ymd(day, &y, &m, &d);
	start = seed_copy_last_sunday(y, 3);
	end = seed_copy_last_sunday(y, 10);
	if (day < start || day > end)
		return (false);
	if (day == start)
		return (minutes >= 120);
	if (day == end)
		return (minutes < 120);
	return (true);
}

void
seed_copy_time(struct seed_copy *c, int day, int minutes)
{
	char	 iso[DATE_ISO_LEN + 1];
	char	 out[DATE_ISO_LEN + 16];
	int	 n;

	if (day == SEED_NO_DATE) {
		seed_copy_null(c);
		return;
	}
	if (minutes < 0)
		minutes = 0;
	if (minutes > 24 * 60 - 1)
		minutes = 24 * 60 - 1;
	date_format_iso(day, iso);
	n = snprintf(out, sizeof out, "%s %02d:%02d:00%s", iso, minutes / 60,
	    minutes % 60, seed_copy_bst(day, minutes) ? "+01" : "+00");
	seed_copy_raw(c, out, (size_t)n);
}

static void
seed_copy_flush(struct seed_copy *c)
{
	if (c->failed || c->buf.len == 0)
		return;
	if (db_copy_put(c->db, c->buf.buf, c->buf.len, c->err) != 0)
		c->failed = true;
	sbuf_reset(&c->buf);
}

void
seed_copy_end_row(struct seed_copy *c)
{
	sbuf_append_char(&c->buf, '\n');
	c->row_open = false;
	c->rows++;
	if (c->buf.len >= SEED_COPY_FLUSH)
		seed_copy_flush(c);
	else if (c->failed)
		sbuf_reset(&c->buf);
}

long
seed_copy_end(struct seed_copy *c)
{
	long	 n;

	seed_copy_flush(c);
	sbuf_release(&c->buf);
	if (!c->in_copy)
		return (-1);
	c->in_copy = false;
	if (c->failed) {
		/* err already holds the first failure: abort quietly. */
		struct db_error	 scratch = { "", NULL, NULL, NULL };

		(void)db_copy_end(c->db, "seed failed", &scratch);
		db_error_release(&scratch);
		return (-1);
	}
	n = db_copy_end(c->db, NULL, c->err);
	if (n < 0)
		c->failed = true;
	return (n);
}

void
seed_json_escape(struct sbuf *sb, const char *s)
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			sbuf_append(sb, "\\\"", 2);
			break;
		case '\\':
			sbuf_append(sb, "\\\\", 2);
			break;
		case '\n':
			sbuf_append(sb, "\\n", 2);
			break;
		case '\t':
			sbuf_append(sb, "\\t", 2);
			break;
		case '\r':
			sbuf_append(sb, "\\r", 2);
			break;
		default:
			if (*p < 0x20) {
				sbuf_append(sb, "\\u00", 4);
				sbuf_append_char(sb, hex[*p >> 4]);
				sbuf_append_char(sb, hex[*p & 15]);
			} else
				sbuf_append_char(sb, (char)*p);
			break;
		}
	}
}
