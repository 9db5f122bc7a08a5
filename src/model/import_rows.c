/*
 * import_rows.c — the attendance and returns formats: what one line must
 * look like, and how it goes into COPY.
 *
 * Owns the two struct import_format tables. Everything checked here needs
 * the line alone; what needs the database (a school's LA, the caller's
 * scope, codes, term dates, pupils, duplicates) is 011_import.sql's job.
 * Values are trimmed of spaces; UPNs and codes are put in upper case,
 * kinds and grounds in lower case, as schools' spreadsheets vary.
 * Reasons quote at most 40 bytes of a value; the caller makes them safe
 * to print (util/sanitize.h).
 */
#include <stdio.h>
#include <string.h>

#include "model/import_rows.h"
#include "util/date.h"
#include "util/sbuf.h"
#include "util/upn.h"

/* A trimmed view of a field. */
struct import_view {
	const char	*s;
	size_t		 len;
};

static struct import_view import_trim(const char *);
static const char *import_show(struct import_view, char *, size_t);
static bool	 import_laestab(struct import_view, int *, char *);
static bool	 import_upn(struct import_view, char[UPN_LEN + 1], char *);
static bool	 import_date(struct import_view, const char *, int *,
		     char *);
static bool	 import_text(struct import_view, const char *, size_t,
		     char *);
static bool	 import_ieq(struct import_view, const char *);
static void	 import_copy_view(struct sbuf *, struct import_view);
static bool	 import_attendance_row(const char *const *, long,
		     struct sbuf *, char *);
static bool	 import_returns_row(const char *const *, long,
		     struct sbuf *, char *);

static const struct import_format import_attendance_format = {
	.kind = IMPORT_ATTENDANCE,
	.name = "attendance",
	.header = "laestab,upn,date,session,code",
	.ncols = 5,
	.cols = { "laestab", "upn", "date", "session", "code" },
	.required = { true, true, true, true, true },
	.copy_sql = "COPY pg_temp.cme_import_att (line_no, laestab, upn, day, "
	    "pm, code) FROM STDIN",
	.apply_sql = "SELECT rows_read, rows_rejected, applied, rows_updated, "
	    "rows_inserted, alerts, batch "
	    "FROM cme.import_attendance($1::boolean, $2::date)",
	.row = import_attendance_row,
};

static const struct import_format import_returns_format = {
	.kind = IMPORT_RETURNS,
	.name = "returns",
	.header = "laestab,kind,event_date,upn,legal_forename,legal_surname,"
	    "dob,sex,postcode,ground,destination_laestab",
	.ncols = 11,
	.cols = { "laestab", "kind", "event_date", "upn", "legal_forename",
	    "legal_surname", "dob", "sex", "postcode", "ground",
	    "destination_laestab" },
	.required = { true, true, true, false, true, true, true, false, false,
	    false, false },
	.copy_sql = "COPY pg_temp.cme_import_ret (line_no, laestab, kind, "
	    "event_date, upn, forename, surname, dob, sex, postcode, ground, "
	    "destination) FROM STDIN",
	.apply_sql = "SELECT rows_read, rows_rejected, applied, "
	    "returns_stored, children_created, enrolments_opened, "
	    "enrolments_closed, possible_duplicates, already_received, alerts, "
	    "batch "
	    "FROM cme.import_returns($1::boolean, $2::date)",
	.row = import_returns_row,
};

const struct import_format *
import_format(enum import_kind kind)
{
	return kind == IMPORT_RETURNS ? &import_returns_format :
	    &import_attendance_format;
}

const char *
import_header(enum import_kind kind)
{
	return (import_format(kind)->header);
}

static struct import_view
import_trim(const char *s)
{
	struct import_view	 v;

	if (s == NULL)
		s = "";
	while (*s == ' ' || *s == '\t')
		s++;
	v.s = s;
	v.len = strlen(s);
	while (v.len > 0 && (s[v.len - 1] == ' ' || s[v.len - 1] == '\t'))
		v.len--;
	return (v);
}

/* At most 40 bytes of the value, for a reason; buf is returned. */
static const char *
import_show(struct import_view v, char *buf, size_t cap)
{
	size_t	 n = v.len;

	if (n > 40)
		n = 40;
	if (n > cap - 4)
		n = cap - 4;
	memcpy(buf, v.s, n);
	strcpy(buf + n, v.len > n ? "..." : "");
	return (buf);
}

static bool
import_ieq(struct import_view v, const char *word)
{
	size_t	 i;

	if (v.len != strlen(word))
		return (false);
	for (i = 0; i < v.len; i++) {
		char	 c = v.s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return (false);
	}
	return (true);
}

static bool
import_laestab(struct import_view v, int *out, char *why)
{
	char	 show[64];
	size_t	 i;
	int	 n = 0;

	if (v.len != 7 || v.s[0] < '1' || v.s[0] > '9')
		goto bad;
	for (i = 0; i < 7; i++) {
		if (v.s[i] < '0' || v.s[i] > '9')
			goto bad;
		n = n * 10 + (v.s[i] - '0');
	}
	*out = n;
	return (true);
bad:
	snprintf(why, IMPORT_REASON_MAX, "laestab \"%s\" is not a 7-digit LA "
	    "and establishment number", import_show(v, show, sizeof show));
	return (false);
}

static bool
import_upn(struct import_view v, char upn[UPN_LEN + 1], char *why)
{
	char	 show[64], tmp[32];
	char	 want;

	if (v.len < sizeof tmp) {
		memcpy(tmp, v.s, v.len);
		tmp[v.len] = '\0';
	}
	if (v.len >= sizeof tmp || !upn_normalise(tmp, upn)) {
		snprintf(why, IMPORT_REASON_MAX, "UPN \"%s\" is not 13 "
		    "characters", import_show(v, show, sizeof show));
		return (false);
	}
	switch (upn_validate(upn)) {
	case UPN_OK:
		return (true);
	case UPN_BAD_CHECK_LETTER:
		want = upn_suggest_letter(upn);
		snprintf(why, IMPORT_REASON_MAX, "UPN %s has the wrong check "
		    "letter: check letter should be %c", upn, want);
		return (false);
	default:
		snprintf(why, IMPORT_REASON_MAX, "UPN \"%s\" is not a UPN (a "
		    "check letter, 11 digits, then a digit or a letter)",
		    import_show(v, show, sizeof show));
		return (false);
	}
}

static bool
import_date(struct import_view v, const char *col, int *day, char *why)
{
	char	 tmp[DATE_ISO_LEN + 1], show[64];

	if (v.len == DATE_ISO_LEN) {
		memcpy(tmp, v.s, v.len);
		tmp[v.len] = '\0';
		if (date_parse_iso(tmp, day) == 0)
			return (true);
	}
	snprintf(why, IMPORT_REASON_MAX, "%s \"%s\" is not a date "
	    "(YYYY-MM-DD)", col, import_show(v, show, sizeof show));
	return (false);
}

/* Required text of at most max bytes, no control characters. */
static bool
import_text(struct import_view v, const char *col, size_t max, char *why)
{
	size_t	 i;

	if (v.len == 0) {
		snprintf(why, IMPORT_REASON_MAX, "%s is empty", col);
		return (false);
	}
	if (v.len > max) {
		snprintf(why, IMPORT_REASON_MAX, "%s is longer than %zu bytes",
		    col, max);
		return (false);
	}
	for (i = 0; i < v.len; i++) {
		unsigned char	 c = (unsigned char)v.s[i];

		/* C0, DEL, and C1 (U+0080..U+009F is C2 80..C2 9F). */
		if (c < 0x20 || c == 0x7f || (c == 0xc2 && i + 1 < v.len &&
		    (unsigned char)v.s[i + 1] < 0xa0)) {
			snprintf(why, IMPORT_REASON_MAX, "%s has a control "
			    "character in it", col);
			return (false);
		}
	}
	return (true);
}

void
import_copy_field(struct sbuf *out, const char *s)
{
	struct import_view	 v = { s, strlen(s) };

	import_copy_view(out, v);
}

static void
import_copy_view(struct sbuf *out, struct import_view v)
{
	size_t	 i, start = 0;

	for (i = 0; i < v.len; i++) {
		const char	*esc;

		switch (v.s[i]) {
		case '\\':
			esc = "\\\\";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		default:
			continue;
		}
		sbuf_append(out, v.s + start, i - start);
		sbuf_append_str(out, esc);
		start = i + 1;
	}
	sbuf_append(out, v.s + start, v.len - start);
}

/* laestab,upn,date,session,code */
static bool
import_attendance_row(const char *const *f, long line, struct sbuf *out,
    char *why)
{
	struct import_view	 v;
	char			 upn[UPN_LEN + 1], code[16], show[64], iso[16];
	int			 laestab, day;
	bool			 pm;
	size_t			 i;

	if (!import_laestab(import_trim(f[0]), &laestab, why) ||
	    !import_upn(import_trim(f[1]), upn, why) ||
	    !import_date(import_trim(f[2]), "date", &day, why))
		return (false);
	v = import_trim(f[3]);
	if (import_ieq(v, "am"))
		pm = false;
	else if (import_ieq(v, "pm"))
		pm = true;
	else {
		snprintf(why, IMPORT_REASON_MAX, "session \"%s\" is not AM or "
		    "PM", import_show(v, show, sizeof show));
		return (false);
	}
	v = import_trim(f[4]);
	if (v.len == 0 || v.len >= sizeof code) {
		snprintf(why, IMPORT_REASON_MAX, "attendance code \"%s\" is "
		    "not a code", import_show(v, show, sizeof show));
		return (false);
	}
	for (i = 0; i < v.len; i++)
		code[i] = v.s[i] >= 'a' && v.s[i] <= 'z' ?
		    (char)(v.s[i] - 'a' + 'A') : v.s[i];
	code[v.len] = '\0';
	date_format_iso(day, iso);
	sbuf_appendf(out, "%ld\t%d\t%s\t%s\t%c\t", line, laestab, upn, iso,
	    pm ? 't' : 'f');
	import_copy_field(out, code);
	sbuf_append_char(out, '\n');
	return (true);
}

/*
 * laestab,kind,event_date,upn,legal_forename,legal_surname,dob,sex,
 * postcode,ground,destination_laestab
 */
static bool
import_returns_row(const char *const *f, long line, struct sbuf *out,
    char *why)
{
	static const char *const kinds[] = {
		"new_pupil", "deletion", "absence_10_day", "sickness_15_day",
	};
	struct import_view	 v, fore, sur, pc, gr, dest;
	char			 upn[UPN_LEN + 1], show[64], iso[16];
	const char		*kind = NULL;
	int			 laestab, event, dob, dest_n = 0;
	char			 sex, ground = 0;
	size_t			 i;

	if (!import_laestab(import_trim(f[0]), &laestab, why))
		return (false);
	v = import_trim(f[1]);
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (import_ieq(v, kinds[i]))
			kind = kinds[i];
	if (kind == NULL) {
		snprintf(why, IMPORT_REASON_MAX, "kind \"%s\" is not new_pupil, "
		    "deletion, absence_10_day or sickness_15_day",
		    import_show(v, show, sizeof show));
		return (false);
	}
	if (!import_date(import_trim(f[2]), "event_date", &event, why))
		return (false);
	v = import_trim(f[3]);
	upn[0] = '\0';
	if (v.len > 0 && !import_upn(v, upn, why))
		return (false);
	fore = import_trim(f[4]);
	sur = import_trim(f[5]);
	if (!import_text(fore, "legal_forename", 100, why) ||
	    !import_text(sur, "legal_surname", 100, why) ||
	    !import_date(import_trim(f[6]), "dob", &dob, why))
		return (false);
	v = import_trim(f[7]);
	if (v.len == 0 || import_ieq(v, "u"))
		sex = 'U';
	else if (import_ieq(v, "m"))
		sex = 'M';
	else if (import_ieq(v, "f"))
		sex = 'F';
	else {
		snprintf(why, IMPORT_REASON_MAX, "sex \"%s\" is not M, F or U",
		    import_show(v, show, sizeof show));
		return (false);
	}
	pc = import_trim(f[8]);
	for (i = 0; i < pc.len; i++) {
		char	 c = pc.s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == ' ') || pc.len > 10) {
			snprintf(why, IMPORT_REASON_MAX, "postcode \"%s\" is "
			    "not a postcode", import_show(pc, show,
			    sizeof show));
			return (false);
		}
	}
	gr = import_trim(f[9]);
	dest = import_trim(f[10]);
	if (strcmp(kind, "deletion") == 0) {
		if (gr.len != 1 || !((gr.s[0] >= 'a' && gr.s[0] <= 'o') ||
		    (gr.s[0] >= 'A' && gr.s[0] <= 'O'))) {
			snprintf(why, IMPORT_REASON_MAX, "a deletion needs its "
			    "reg 9(1) ground, a letter a to o (got \"%s\")",
			    import_show(gr, show, sizeof show));
			return (false);
		}
		ground = (char)(gr.s[0] | 0x20);
		if (dest.len > 0 && !import_ieq(dest, "xxxxxxx") &&
		    !import_laestab(dest, &dest_n, why)) {
			snprintf(why, IMPORT_REASON_MAX, "destination_laestab "
			    "\"%s\" is not a laestab, XXXXXXX (unknown) or "
			    "empty (no next school)",
			    import_show(dest, show, sizeof show));
			return (false);
		}
	} else if (gr.len > 0 || dest.len > 0) {
		snprintf(why, IMPORT_REASON_MAX, "ground and "
		    "destination_laestab are only for deletion returns");
		return (false);
	}

	sbuf_appendf(out, "%ld\t%d\t%s\t", line, laestab, kind);
	date_format_iso(event, iso);
	sbuf_appendf(out, "%s\t%s\t", iso, upn[0] != '\0' ? upn : "\\N");
	import_copy_view(out, fore);
	sbuf_append_char(out, '\t');
	import_copy_view(out, sur);
	date_format_iso(dob, iso);
	sbuf_appendf(out, "\t%s\t%c\t", iso, sex);
	if (pc.len > 0)
		import_copy_view(out, pc);
	else
		sbuf_append_str(out, "\\N");
	if (ground != 0)
		sbuf_appendf(out, "\t%c\t%s\n", ground, dest.len == 0 ? "" :
		    import_ieq(dest, "xxxxxxx") ? "XXXXXXX" :
		    (snprintf(show, sizeof show, "%07d", dest_n), show));
	else
		sbuf_append_str(out, "\t\\N\t\\N\n");
	return (true);
}
