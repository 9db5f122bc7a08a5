/*
 * limit.c — the limit pattern language: parser, whitelist, compiler.
 *
 * The language is described in limit.h. This file owns three tables:
 *
 *   limit_fielddefs  every field: its name, the lists it applies to, the
 *                    kind of value it takes, and its line of help;
 *   limit_values_*   the listed values of the fields that take one (the
 *                    database's CHECK constraints and reference tables;
 *                    tests/db/limit.sh checks they agree);
 *   limit_frags      THE WHITELIST: for each field, list kind and value
 *                    shape, the SQL fragment it compiles to. Fragments are
 *                    fixed text written against the aliases ch, c and a
 *                    (limit.h); "$1", "$2" stand for the term's parameters
 *                    and "$op" for its comparison operator, nothing else
 *                    is substituted. The SQL of a pattern is these
 *                    fragments joined by AND, OR, IS NOT TRUE and
 *                    parentheses, and nothing else.
 *
 * Parsing is recursive descent straight over the bytes of the pattern
 *
 *	pattern := and
 *	and     := or { spaces or }
 *	or      := unary { '|' unary }
 *	unary   := '!' unary | '(' and ')' | term
 *	term    := field [ (':' | '=' | '<' | '<=' | '>' | '>=') values ]
 *	values  := value { ',' value }
 *	value   := '"' chars '"' | bare chars
 *
 * and each term is checked as it is read (field known and applicable,
 * value valid for it, fragment found), so compiling cannot fail. Every
 * error records the byte offset and the character column where it was
 * found. Nesting is bounded (LIMIT_DEPTH_MAX) so that recursion depth is
 * too, and so is the number of terms (LIMIT_TERMS_MAX).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/limit.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define K_CASES		(1u << LIMIT_CASES)
#define K_ALERTS	(1u << LIMIT_ALERTS)
#define K_CHILDREN	(1u << LIMIT_CHILDREN)
#define K_ALL		(K_CASES | K_ALERTS | K_CHILDREN)

#define LIMIT_NAME_MAX	32	/* longest field name read */
#define LIMIT_VALUE_MAX	200	/* bytes in one value */

enum limit_vtype {
	VT_ENUM,	/* one of the listed values (limit_field_values) */
	VT_TEXT,	/* free text, checked per field */
	VT_INT,		/* a whole number, compared */
	VT_PCT,		/* a percentage 0-100, compared */
	VT_NONE,	/* a keyword: no value */
};

enum limit_op {
	OP_NONE,
	OP_EQ,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
};

static const char *const limit_op_sql[] = {
	[OP_NONE] = "",
	[OP_EQ] = "=",
	[OP_LT] = "<",
	[OP_LE] = "<=",
	[OP_GT] = ">",
	[OP_GE] = ">=",
};

struct limit_fielddef {
	struct limit_field_info	 info;
	enum limit_vtype	 vtype;
};

/* ---- listed values ---- */

static const char *const limit_values_status_cases[] = {
	"referred", "enquiries", "located", "closed", "escalated",
	"transferred", "open", NULL
};
static const char *const limit_values_status_alerts[] = {
	"open", "acknowledged", "snoozed", "escalated", "resolved",
	"unresolved", NULL
};
static const char *const limit_values_flag[] = {
	"sen", "ehcp", "cin", "cp", "lac", "carer", "grt", "service",
	"restricted", "ehe", NULL
};
/* cme.cme_reason (004_reference_data.sql), then "none". */
static const char *const limit_values_reason[] = {
	"moved_abroad", "application_awaiting", "offered_not_started",
	"ehe_unsuitable", "whereabouts_unknown", "other", "not_known", "none",
	NULL
};
/* cme.alert_rule (004_reference_data.sql, 011_import.sql). */
static const char *const limit_values_rule[] = {
	"persistent_absence", "severe_absence", "unauth_streak",
	"n_code_unresolved", "joint_enquiries", "no_destination",
	"absence_return", "sickness_return", "case_clock_overdue",
	"possible_duplicate", NULL
};
static const char *const limit_values_severity[] = {
	"low", "medium", "high", NULL
};

/* ---- fields ---- */

static const struct limit_fielddef limit_fielddefs[] = {
	{ { "status", K_CASES | K_ALERTS, "status:STATUS", "status:open",
	    "cases: referred, enquiries, located, closed, escalated, "
	    "transferred, or open (neither closed nor transferred); alerts: "
	    "open, acknowledged, snoozed, escalated, resolved, or "
	    "unresolved" }, VT_ENUM },
	{ { "officer", K_CASES | K_ALERTS, "officer:WHO", "officer:me",
	    "assigned to: me, none (unassigned), or a login name or part of "
	    "an officer's name" }, VT_TEXT },
	{ { "team", K_ALL, "team:TEAM", "team:mine",
	    "team: mine, none, a team number or part of a team's name" },
	    VT_TEXT },
	{ { "school", K_ALL, "school:SCHOOL", "school:8302161",
	    "the child's current or last school: its 7-digit LAESTAB or part "
	    "of its name; school:none = on no school's roll now" }, VT_TEXT },
	{ { "flag", K_ALL, "flag:FLAG", "flag:lac",
	    "sen, ehcp, cin (child in need), cp (child protection), lac "
	    "(looked after), carer (young carer), grt, service, restricted, "
	    "ehe (elective home education)" }, VT_ENUM },
	{ { "days", K_CASES | K_ALERTS, "days>N", "days>10",
	    "school days since the referral (cases) or since the alert was "
	    "raised; compare with < <= > >= or : (equal)" }, VT_INT },
	{ { "contact", K_CASES, "contact>N", "contact>10",
	    "school days since the last contact on the case (since the "
	    "referral when there has been none)" }, VT_INT },
	{ { "att", K_ALL, "att<N", "att<90",
	    "attendance this term, % of possible sessions present (no "
	    "marks yet: unknown, never matches)" }, VT_PCT },
	{ { "persistent", K_ALL, "persistent", "persistent",
	    "persistent absence this term: attendance at or below the LA's "
	    "threshold (90%), with at least its minimum possible sessions" },
	    VT_NONE },
	{ { "severe", K_ALL, "severe", "severe",
	    "severe absence this term: attendance at or below the LA's "
	    "severe threshold (50%), with at least its minimum sessions" },
	    VT_NONE },
	{ { "reason", K_CASES, "reason:REASON", "reason:whereabouts",
	    "DfE primary reason: moved_abroad, application_awaiting, "
	    "offered_not_started, ehe_unsuitable, whereabouts_unknown, other, "
	    "not_known, or none (not recorded)" }, VT_ENUM },
	{ { "rule", K_ALERTS, "rule:RULE", "rule:severe",
	    "the alert's rule: persistent_absence, severe_absence, "
	    "unauth_streak, n_code_unresolved, joint_enquiries, "
	    "no_destination, absence_return, sickness_return, "
	    "case_clock_overdue, possible_duplicate" }, VT_ENUM },
	{ { "severity", K_ALERTS, "severity:LEVEL", "severity:high",
	    "the alert's severity: low, medium, high" }, VT_ENUM },
	{ { "name", K_ALL, "name:TEXT", "name:smith",
	    "a legal, middle, preferred or former name or an alias contains "
	    "TEXT (case and accents ignored)" }, VT_TEXT },
	{ { "upn", K_ALL, "upn:START", "upn:F830",
	    "the current or a former UPN starts with START (a letter, then "
	    "digits)" }, VT_TEXT },
};

#define LIMIT_NFIELDS (sizeof limit_fielddefs / sizeof limit_fielddefs[0])

/* ---- the whitelist ---- */

enum limit_match {
	M_ANY,		/* any valid value: parameterised */
	M_VALUE,	/* exactly this canonical value: fixed SQL */
	M_LAESTAB,	/* seven digits */
	M_NUMBER,	/* one to nine digits */
};

/*
 * Parameter builders, one character per $k of a fragment:
 *   r  the value as checked (canonical)
 *   l  '%' + value with \ % _ escaped + '%'   (ILIKE "contains")
 *   e  value with \ % _ escaped                (the SQL adds the %s)
 *   p  value with \ % _ escaped + '%'          (LIKE "starts with")
 */
struct limit_frag {
	const char		*field;
	unsigned		 kinds;
	enum limit_match	 match;
	const char		*value;		/* M_VALUE only */
	const char		*sql;
	const char		*params;
};

/* The current term of the child's LA: the last one started by today. */
#define CUR_TERM \
	"(SELECT t.term_id FROM cme.term t WHERE t.la_code = ch.la_code " \
	"AND t.starts <= current_date ORDER BY t.starts DESC LIMIT 1)"
#define ATT_ROWS \
	"FROM cme.attendance x WHERE x.la_code = ch.la_code " \
	"AND x.child_id = ch.child_id AND x.term_id = " CUR_TERM
#define ATT_EXPR \
	"(SELECT 100.0 * sum(x.present) / nullif(sum(x.possible), 0) " \
	ATT_ROWS ")"
/* Attendance at or below the LA's threshold (column of la_settings). */
#define ATT_AT_MOST(col) \
	"EXISTS (SELECT 1 FROM cme.attendance x, cme.la_settings s " \
	"WHERE x.la_code = ch.la_code AND x.child_id = ch.child_id " \
	"AND x.term_id = " CUR_TERM " AND s.la_code = ch.la_code " \
	"GROUP BY s." col ", s.min_possible_sessions " \
	"HAVING sum(x.possible) > 0 " \
	"AND sum(x.possible) >= s.min_possible_sessions " \
	"AND 100.0 * sum(x.present) <= s." col " * sum(x.possible))"
/* The child's current or last school (latest start). */
#define LAST_SCHOOL \
	"(SELECT e.laestab FROM cme.enrolment e WHERE e.la_code = ch.la_code " \
	"AND e.child_id = ch.child_id " \
	"ORDER BY e.starts DESC, e.enrolment_id DESC LIMIT 1)"
/* A login exactly when one is named, else part of a name ("alex" is
 * alex's cases, not also Alexandra's). */
#define OFFICER_IS(x) \
	x ".assigned_to IN (SELECT s.role_name FROM cme.staff s " \
	"WHERE s.la_code = " x ".la_code AND (s.role_name::text = $1::text " \
	"OR (s.display_name ILIKE $2::text AND NOT EXISTS (SELECT 1 " \
	"FROM cme.staff l WHERE l.la_code = " x ".la_code " \
	"AND l.role_name::text = $1::text))))"
#define TEAM_NAMED(x) \
	x ".team_id IN (SELECT t.team_id FROM cme.team t " \
	"WHERE t.la_code = " x ".la_code AND t.name ILIKE $1::text)"
#define NAME_LIKE(expr) expr " LIKE '%' || cme.name_key($1::text) || '%'"
#define LAST_CONTACT \
	"(SELECT max(x.contact_at)::date FROM cme.case_contact x " \
	"WHERE x.la_code = c.la_code AND x.case_id = c.case_id)"

static const struct limit_frag limit_frags[] = {
	{ "status", K_CASES, M_VALUE, "open",
	  "c.status NOT IN ('closed', 'transferred')", "" },
	{ "status", K_CASES, M_ANY, NULL, "c.status = $1::text", "r" },
	{ "status", K_ALERTS, M_VALUE, "unresolved",
	  "a.status <> 'resolved'", "" },
	{ "status", K_ALERTS, M_ANY, NULL, "a.status = $1::text", "r" },

	{ "officer", K_CASES, M_VALUE, "me", "c.assigned_to = current_user",
	  "" },
	{ "officer", K_CASES, M_VALUE, "none", "c.assigned_to IS NULL", "" },
	{ "officer", K_CASES, M_ANY, NULL, OFFICER_IS("c"), "rl" },
	{ "officer", K_ALERTS, M_VALUE, "me", "a.assigned_to = current_user",
	  "" },
	{ "officer", K_ALERTS, M_VALUE, "none", "a.assigned_to IS NULL", "" },
	{ "officer", K_ALERTS, M_ANY, NULL, OFFICER_IS("a"), "rl" },

	{ "team", K_CASES, M_VALUE, "mine",
	  "c.team_id = (SELECT cme.staff_team(current_user))", "" },
	{ "team", K_CASES, M_VALUE, "none", "c.team_id IS NULL", "" },
	{ "team", K_CASES, M_NUMBER, NULL, "c.team_id = $1::integer", "r" },
	{ "team", K_CASES, M_ANY, NULL, TEAM_NAMED("c"), "l" },
	{ "team", K_ALERTS, M_VALUE, "mine",
	  "a.team_id = (SELECT cme.staff_team(current_user))", "" },
	{ "team", K_ALERTS, M_VALUE, "none", "a.team_id IS NULL", "" },
	{ "team", K_ALERTS, M_NUMBER, NULL, "a.team_id = $1::integer", "r" },
	{ "team", K_ALERTS, M_ANY, NULL, TEAM_NAMED("a"), "l" },
	{ "team", K_CHILDREN, M_VALUE, "mine",
	  "ch.team_id = (SELECT cme.staff_team(current_user))", "" },
	{ "team", K_CHILDREN, M_VALUE, "none", "ch.team_id IS NULL", "" },
	{ "team", K_CHILDREN, M_NUMBER, NULL, "ch.team_id = $1::integer", "r" },
	{ "team", K_CHILDREN, M_ANY, NULL, TEAM_NAMED("ch"), "l" },

	{ "school", K_ALL, M_VALUE, "none",
	  "NOT EXISTS (SELECT 1 FROM cme.enrolment e "
	  "WHERE e.la_code = ch.la_code AND e.child_id = ch.child_id "
	  "AND e.ends IS NULL)", "" },
	{ "school", K_ALL, M_LAESTAB, NULL, LAST_SCHOOL " = $1::integer", "r" },
	{ "school", K_ALL, M_ANY, NULL,
	  LAST_SCHOOL " IN (SELECT s.laestab FROM cme.school s "
	  "WHERE s.name ILIKE $1::text)", "l" },

	{ "flag", K_ALL, M_VALUE, "sen", "ch.sen <> 'none'", "" },
	{ "flag", K_ALL, M_VALUE, "ehcp", "ch.sen = 'ehcp'", "" },
	{ "flag", K_ALL, M_VALUE, "cin", "ch.child_in_need", "" },
	{ "flag", K_ALL, M_VALUE, "cp", "ch.child_protection", "" },
	{ "flag", K_ALL, M_VALUE, "lac", "ch.looked_after", "" },
	{ "flag", K_ALL, M_VALUE, "carer", "ch.young_carer", "" },
	{ "flag", K_ALL, M_VALUE, "grt", "ch.grt", "" },
	{ "flag", K_ALL, M_VALUE, "service", "ch.service_child", "" },
	{ "flag", K_ALL, M_VALUE, "restricted", "ch.restricted", "" },
	{ "flag", K_ALL, M_VALUE, "ehe",
	  "ch.ehe_status NOT IN ('none', 'ceased')", "" },

	{ "days", K_CASES, M_ANY, NULL,
	  "cme.school_days_between(c.la_code, c.referred_on, current_date) "
	  "$op $1::integer", "r" },
	{ "days", K_ALERTS, M_ANY, NULL,
	  "cme.school_days_between(a.la_code, a.raised_at::date, "
	  "current_date) $op $1::integer", "r" },
	{ "contact", K_CASES, M_ANY, NULL,
	  "cme.school_days_between(c.la_code, coalesce(" LAST_CONTACT
	  ", c.referred_on), current_date) $op $1::integer", "r" },

	{ "att", K_ALL, M_ANY, NULL, ATT_EXPR " $op $1::numeric", "r" },
	{ "persistent", K_ALL, M_ANY, NULL,
	  ATT_AT_MOST("persistent_absence_pct"), "" },
	{ "severe", K_ALL, M_ANY, NULL, ATT_AT_MOST("severe_absence_pct"), "" },

	{ "reason", K_CASES, M_VALUE, "none", "c.reason IS NULL", "" },
	{ "reason", K_CASES, M_ANY, NULL, "c.reason = $1::text", "r" },
	{ "rule", K_ALERTS, M_ANY, NULL, "a.rule = $1::text", "r" },
	{ "severity", K_ALERTS, M_ANY, NULL, "a.severity = $1::text", "r" },

	{ "name", K_ALL, M_ANY, NULL,
	  "(" NAME_LIKE("cme.full_name_key(ch.legal_forename, "
	  "ch.legal_surname)")
	  " OR " NAME_LIKE("cme.name_key(coalesce(ch.legal_middle_names, "
	  "''))")
	  " OR " NAME_LIKE("cme.full_name_key(coalesce(ch.preferred_forename, "
	  "ch.legal_forename), coalesce(ch.preferred_surname, "
	  "ch.legal_surname))")
	  " OR EXISTS (SELECT 1 FROM cme.child_name n "
	  "WHERE n.la_code = ch.la_code AND n.child_id = ch.child_id AND "
	  NAME_LIKE("cme.full_name_key(n.forename, n.surname)") "))", "e" },

	{ "upn", K_ALL, M_ANY, NULL,
	  "(ch.upn LIKE $1::text OR EXISTS (SELECT 1 "
	  "FROM cme.child_former_upn u WHERE u.la_code = ch.la_code "
	  "AND u.child_id = ch.child_id AND u.upn LIKE $1::text))", "p" },
};

#define LIMIT_NFRAGS (sizeof limit_frags / sizeof limit_frags[0])

static const char *const limit_from_sql[LIMIT_KIND_COUNT] = {
	[LIMIT_CASES] = "cme.cme_case c JOIN cme.child ch "
	    "ON ch.la_code = c.la_code AND ch.child_id = c.child_id",
	[LIMIT_ALERTS] = "cme.alert a JOIN cme.child ch "
	    "ON ch.la_code = a.la_code AND ch.child_id = a.child_id",
	[LIMIT_CHILDREN] = "cme.child ch",
};

static const char *const limit_kind_names[LIMIT_KIND_COUNT] = {
	[LIMIT_CASES] = "cases",
	[LIMIT_ALERTS] = "alerts",
	[LIMIT_CHILDREN] = "children",
};

/* ---- the parse tree ---- */

enum limit_ntype {
	LN_AND,
	LN_OR,
	LN_NOT,
	LN_TERM,
};

struct limit_node {
	enum limit_ntype		 type;
	size_t				 offset; /* in the pattern */
	struct limit_node		*child;	/* AND, OR, NOT */
	struct limit_node		*next;	/* sibling */
	bool				 comma;	/* OR of "f:a,b" */
	const struct limit_fielddef	*field;	/* TERM */
	enum limit_op			 op;	/* TERM */
	const struct limit_frag		*frag;	/* TERM */
	char				*value;	/* TERM, owned; NULL
						 * for a keyword */
};

struct limit {
	enum limit_kind		 kind;
	struct limit_node	*root;	/* NULL: matches everything */
};

struct limit_parser {
	const char		*s;
	size_t			 len;
	size_t			 pos;
	enum limit_kind		 kind;
	struct limit_error	*err;
	int			 depth;
	int			 terms;
	bool			 failed;
};

static void	 limit_node_free(struct limit_node *);
static struct limit_node *limit_parse_and(struct limit_parser *, bool);
static struct limit_node *limit_parse_or(struct limit_parser *);
static struct limit_node *limit_parse_unary(struct limit_parser *);
static struct limit_node *limit_parse_term(struct limit_parser *);
static void	 limit_fail(struct limit_parser *, size_t, const char *, ...)
		     __attribute__((format(printf, 3, 4)));

/* ---- small helpers ---- */

static int
limit_column(const char *s, size_t offset)
{
	size_t	 i;
	int	 col = 1;

	for (i = 0; i < offset; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	return (col);
}

/* Records the first error only; later ones are consequences. */
static void
limit_fail(struct limit_parser *p, size_t offset, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	if (p->failed)
		return;
	p->failed = true;
	if (p->err == NULL)
		return;
	p->err->offset = offset;
	p->err->column = limit_column(p->s, offset);
	n = snprintf(p->err->message, sizeof p->err->message, "at %d: ",
	    p->err->column);
	if (n < 0 || (size_t)n >= sizeof p->err->message)
		return;
	va_start(ap, fmt);
	vsnprintf(p->err->message + n, sizeof p->err->message - (size_t)n,
	    fmt, ap);
	va_end(ap);
}

static bool
limit_is_space(char c)
{
	return (c == ' ' || c == '\t');
}

static void
limit_skip_ws(struct limit_parser *p)
{
	while (p->pos < p->len && limit_is_space(p->s[p->pos]))
		p->pos++;
}

static char
limit_peek(const struct limit_parser *p)
{
	return (p->pos < p->len ? p->s[p->pos] : '\0');
}

static char
limit_lower(char c)
{
	return (c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
}

/* Ends a bare value (and what may follow a term). */
static bool
limit_is_stop(char c)
{
	return (c == '\0' || limit_is_space(c) || c == '|' || c == '(' ||
	    c == ')' || c == ',' || c == '"');
}

/*
 * A printable rendering of the character at offset, for messages: the
 * character itself when it is printable ASCII, else its code point.
 */
static void
limit_char_name(const struct limit_parser *p, size_t offset, char *buf,
    size_t size)
{
	uint32_t	 cp;
	unsigned char	 c;

	if (offset >= p->len) {
		snprintf(buf, size, "the end");
		return;
	}
	c = (unsigned char)p->s[offset];
	if (c >= 0x20 && c < 0x7f)
		snprintf(buf, size, "'%c'", c);
	else if (utf8_decode(p->s + offset, p->len - offset, &cp) > 0)
		snprintf(buf, size, "U+%04X", (unsigned)cp);
	else
		snprintf(buf, size, "byte 0x%02X", c);
}

/*
 * Edit distance of two short strings: insertions, deletions, changes and
 * swaps of two neighbours ("sne" is one from "sen"); 99 when too long.
 */
static int
limit_distance(const char *a, const char *b)
{
	int	 d[LIMIT_NAME_MAX + 1][LIMIT_NAME_MAX + 1];
	int	 i, j, la, lb, best, cost;

	la = (int)strlen(a);
	lb = (int)strlen(b);
	if (la > LIMIT_NAME_MAX || lb > LIMIT_NAME_MAX)
		return (99);
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			best = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return (d[la][lb]);
}

/* The closest of names to word within a small distance, or NULL. */
static const char *
limit_closest(const char *word, const char *const *names, size_t n)
{
	const char	*best = NULL;
	int		 bestd, d, maxd;
	size_t		 i;

	maxd = strlen(word) <= 4 ? 1 : 2;
	bestd = maxd + 1;
	for (i = 0; i < n; i++) {
		if (names[i] == NULL)
			break;
		d = limit_distance(word, names[i]);
		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	return (best);
}

static const struct limit_fielddef *
limit_find_field(const char *name)
{
	size_t	 i;

	for (i = 0; i < LIMIT_NFIELDS; i++)
		if (strcmp(limit_fielddefs[i].info.name, name) == 0)
			return (&limit_fielddefs[i]);
	return (NULL);
}

/* "cases", "alerts and children", ... for the kinds in mask. */
static void
limit_kinds_text(unsigned mask, char *buf, size_t size)
{
	const char	*names[LIMIT_KIND_COUNT];
	size_t		 n = 0, i;
	int		 k;

	for (k = 0; k < LIMIT_KIND_COUNT; k++)
		if (mask & (1u << k))
			names[n++] = limit_kind_names[k];
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s",
		    i == 0 ? "" : i + 1 == n ? " and " : ", ", names[i]);
	}
}

static const struct limit_frag *
limit_find_frag(const char *field, enum limit_kind kind,
    enum limit_match match, const char *value)
{
	size_t	 i;

	for (i = 0; i < LIMIT_NFRAGS; i++) {
		const struct limit_frag *f = &limit_frags[i];

		if (strcmp(f->field, field) != 0 ||
		    (f->kinds & (1u << kind)) == 0 || f->match != match)
			continue;
		if (match == M_VALUE && strcmp(f->value, value) != 0)
			continue;
		return (f);
	}
	return (NULL);
}

static struct limit_node *
limit_node_new(enum limit_ntype type, size_t offset)
{
	struct limit_node	*n;

	n = xcalloc(1, sizeof *n);
	n->type = type;
	n->offset = offset;
	return (n);
}

static void
limit_node_free(struct limit_node *n)
{
	struct limit_node	*next;

	while (n != NULL) {
		next = n->next;
		limit_node_free(n->child);
		free(n->value);
		free(n);
		n = next;
	}
}

/* ---- values ---- */

/*
 * Matches a listed value: exact, else a unique prefix. Returns the
 * canonical value (static) or NULL after reporting the error.
 */
static const char *
limit_match_enum(struct limit_parser *p, const struct limit_fielddef *fd,
    const char *value, size_t offset)
{
	const char *const	*vals;
	const char		*found = NULL, *second = NULL, *near;
	char			 low[LIMIT_NAME_MAX + 1], kinds[64];
	size_t			 i, n, vlen;

	vals = limit_field_values(fd->info.name, p->kind);
	vlen = strlen(value);
	low[0] = '\0';
	if (vals == NULL || vlen == 0 || vlen > LIMIT_NAME_MAX)
		goto bad;
	for (i = 0; i < vlen; i++)
		low[i] = value[i] == '-' ? '_' : limit_lower(value[i]);
	low[vlen] = '\0';
	for (i = 0; vals[i] != NULL; i++) {
		if (strcmp(vals[i], low) == 0)
			return (vals[i]);
		if (strncmp(vals[i], low, vlen) == 0) {
			if (found == NULL)
				found = vals[i];
			else if (second == NULL)
				second = vals[i];
		}
	}
	if (found != NULL && second == NULL)
		return (found);
	if (found != NULL) {
		limit_fail(p, offset, "'%s' could be %s:%s or %s:%s; type "
		    "more of it", value, fd->info.name, found, fd->info.name,
		    second);
		return (NULL);
	}
bad:
	for (n = 0; vals != NULL && vals[n] != NULL; n++)
		;
	near = low[0] != '\0' ? limit_closest(low, vals, n) : NULL;
	/* Only status has different values for different lists. */
	kinds[0] = '\0';
	if (strcmp(fd->info.name, "status") == 0)
		snprintf(kinds, sizeof kinds, " for %s",
		    limit_kind_names[p->kind]);
	if (near != NULL)
		limit_fail(p, offset, "'%.40s' is not a %s%s (did you mean "
		    "%s?)", value, fd->info.name, kinds, near);
	else
		limit_fail(p, offset, "'%.40s' is not a %s%s (%s)", value,
		    fd->info.name, kinds, fd->info.help);
	return (NULL);
}

/* A whole number 0-9999. */
static int
limit_parse_int(const char *v, char *canon, size_t size)
{
	long	 n = 0;
	size_t	 i;

	if (v[0] == '\0' || strlen(v) > 4)
		return (-1);
	for (i = 0; v[i] != '\0'; i++) {
		if (v[i] < '0' || v[i] > '9')
			return (-1);
		n = n * 10 + (v[i] - '0');
	}
	snprintf(canon, size, "%ld", n);
	return (0);
}

/* A percentage 0-100 with at most two decimals, maybe ending in '%'. */
static int
limit_parse_pct(const char *v, char *canon, size_t size)
{
	long	 whole = 0;
	size_t	 i = 0, nd = 0, nf = 0;
	char	 frac[3] = "";

	while (v[i] >= '0' && v[i] <= '9' && nd < 3) {
		whole = whole * 10 + (v[i] - '0');
		i++;
		nd++;
	}
	if (nd == 0)
		return (-1);
	if (v[i] == '.') {
		i++;
		while (v[i] >= '0' && v[i] <= '9' && nf < 2)
			frac[nf++] = v[i++];
		frac[nf] = '\0';
		if (nf == 0)
			return (-1);
	}
	if (v[i] == '%')
		i++;
	if (v[i] != '\0' || whole > 100 ||
	    (whole == 100 && strspn(frac, "0") != nf))
		return (-1);
	if (nf > 0)
		snprintf(canon, size, "%ld.%s", whole, frac);
	else
		snprintf(canon, size, "%ld", whole);
	return (0);
}

static bool
limit_all_digits(const char *v, size_t n)
{
	size_t	 i;

	if (strlen(v) != n)
		return (false);
	for (i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return (false);
	return (true);
}

/* Code points in s. */
static size_t
limit_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return (n);
}

/*
 * Checks one value of a term and builds the term: the canonical value and
 * the fragment. NULL after reporting an error.
 */
static struct limit_node *
limit_make_term(struct limit_parser *p, const struct limit_fielddef *fd,
    enum limit_op op, const char *value, size_t offset)
{
	struct limit_node	*n;
	const struct limit_frag	*frag = NULL;
	const char		*name = fd->info.name, *canon;
	char			 buf[LIMIT_VALUE_MAX + 1];
	size_t			 i, j, len;

	len = strlen(value);
	switch (fd->vtype) {
	case VT_ENUM:
		if ((canon = limit_match_enum(p, fd, value, offset)) == NULL)
			return (NULL);
		frag = limit_find_frag(name, p->kind, M_VALUE, canon);
		if (frag == NULL)
			frag = limit_find_frag(name, p->kind, M_ANY, NULL);
		snprintf(buf, sizeof buf, "%s", canon);
		break;
	case VT_INT:
		if (limit_parse_int(value, buf, sizeof buf) != 0) {
			limit_fail(p, offset, "%s needs a whole number of "
			    "school days (0 to 9999), e.g. %s", name,
			    fd->info.example);
			return (NULL);
		}
		frag = limit_find_frag(name, p->kind, M_ANY, NULL);
		break;
	case VT_PCT:
		if (limit_parse_pct(value, buf, sizeof buf) != 0) {
			limit_fail(p, offset, "%s needs a percentage from 0 to "
			    "100, e.g. att<90 or att<=50.5", name);
			return (NULL);
		}
		frag = limit_find_frag(name, p->kind, M_ANY, NULL);
		break;
	case VT_TEXT:
		snprintf(buf, sizeof buf, "%s", value);
		if (strcmp(name, "upn") == 0) {
			/* Spaces dropped, upper case, a trailing * or …
			 * (typed as "start of") dropped. */
			for (i = j = 0; i < len; i++) {
				if (value[i] == ' ' || value[i] == '-')
					continue;
				buf[j++] = value[i] >= 'a' && value[i] <= 'z' ?
				    (char)(value[i] - 'a' + 'A') : value[i];
			}
			buf[j] = '\0';
			while (j > 0 && buf[j - 1] == '*')
				buf[--j] = '\0';
			if (j >= 3 && strcmp(buf + j - 3, "\xe2\x80\xa6") == 0)
				buf[j -= 3] = '\0';
			for (i = 0; i < j; i++)
				if (!(buf[i] >= '0' && buf[i] <= '9') &&
				    !((i == 0 || i == 12) && buf[i] >= 'A' &&
				    buf[i] <= 'Z'))
					break;
			if (j == 0 || j > 13 || i < j || buf[0] < 'A' ||
			    buf[0] > 'Z') {
				limit_fail(p, offset, "upn takes the start of "
				    "a UPN: a letter, then digits, e.g. "
				    "upn:F830");
				return (NULL);
			}
		} else if (strcmp(name, "name") == 0) {
			if (limit_chars(value) < 2) {
				limit_fail(p, offset, "name needs at least 2 "
				    "letters");
				return (NULL);
			}
		} else {
			for (i = 0; i < len; i++)
				buf[i] = limit_lower(value[i]);
			if (strcmp(name, "team") == 0 && strcmp(buf, "me") == 0)
				snprintf(buf, sizeof buf, "mine");
			if (strcmp(name, "officer") == 0 &&
			    strcmp(buf, "mine") == 0)
				snprintf(buf, sizeof buf, "me");
			frag = limit_find_frag(name, p->kind, M_VALUE, buf);
			if (frag == NULL && strcmp(name, "team") == 0 &&
			    len >= 1 && len <= 9 &&
			    limit_all_digits(value, len))
				frag = limit_find_frag(name, p->kind,
				    M_NUMBER, NULL);
			if (frag == NULL && strcmp(name, "school") == 0 &&
			    limit_all_digits(value, 7))
				frag = limit_find_frag(name, p->kind,
				    M_LAESTAB, NULL);
			if (frag == NULL && strcmp(name, "school") == 0 &&
			    limit_all_digits(value, len)) {
				limit_fail(p, offset, "school takes a 7-digit "
				    "LAESTAB (e.g. school:8302161) or part of "
				    "a school's name");
				return (NULL);
			}
			if (frag == NULL)
				snprintf(buf, sizeof buf, "%s", value);
		}
		if (frag == NULL)
			frag = limit_find_frag(name, p->kind, M_ANY, NULL);
		break;
	case VT_NONE:
		buf[0] = '\0';
		frag = limit_find_frag(name, p->kind, M_ANY, NULL);
		break;
	}
	if (frag == NULL) {
		/* A field without a fragment for its kind: a table bug. */
		limit_fail(p, offset, "%s cannot be used here", name);
		return (NULL);
	}
	if (++p->terms > LIMIT_TERMS_MAX) {
		limit_fail(p, offset, "too many terms (%d at most)",
		    LIMIT_TERMS_MAX);
		return (NULL);
	}
	n = limit_node_new(LN_TERM, offset);
	n->field = fd;
	n->op = op;
	n->frag = frag;
	n->value = fd->vtype == VT_NONE ? NULL : xstrdup(buf);
	return (n);
}

/*
 * Reads one value at p->pos into buf: a quoted string (\" and \\ inside)
 * or a bare run up to a stop character. Returns its length, or -1 after
 * reporting an error.
 */
static int
limit_read_value(struct limit_parser *p, char *buf, size_t size)
{
	size_t	 n = 0, start = p->pos;
	char	 c;

	if (limit_peek(p) == '"') {
		p->pos++;
		for (;;) {
			if (p->pos >= p->len) {
				limit_fail(p, start, "this quote is never "
				    "closed");
				return (-1);
			}
			c = p->s[p->pos++];
			if (c == '"')
				break;
			if (c == '\\' && p->pos < p->len &&
			    (p->s[p->pos] == '"' || p->s[p->pos] == '\\'))
				c = p->s[p->pos++];
			if (n + 1 >= size) {
				limit_fail(p, start, "this value is too long "
				    "(%d bytes at most)", LIMIT_VALUE_MAX);
				return (-1);
			}
			buf[n++] = c;
		}
	} else {
		while (!limit_is_stop(limit_peek(p))) {
			if (n + 1 >= size) {
				limit_fail(p, start, "this value is too long "
				    "(%d bytes at most)", LIMIT_VALUE_MAX);
				return (-1);
			}
			buf[n++] = p->s[p->pos++];
		}
	}
	buf[n] = '\0';
	return ((int)n);
}

/* ---- the grammar ---- */

static struct limit_node *
limit_parse_term(struct limit_parser *p)
{
	const struct limit_fielddef	*fd;
	struct limit_node		*first = NULL, *last = NULL, *t, *or;
	const char			*names[LIMIT_NFIELDS], *near;
	char				 name[LIMIT_NAME_MAX + 1], what[32];
	char				 kinds[64];
	char				 value[LIMIT_VALUE_MAX + 1];
	size_t				 start = p->pos, n = 0, i, voff;
	enum limit_op			 op = OP_NONE;
	char				 c;

	while (p->pos < p->len) {
		c = p->s[p->pos];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '_'))
			break;
		if (n < LIMIT_NAME_MAX)
			name[n++] = limit_lower(c);
		p->pos++;
	}
	name[n] = '\0';
	if (n == 0) {
		limit_char_name(p, start, what, sizeof what);
		if (limit_peek(p) == '"' || limit_peek(p) == ':')
			limit_fail(p, start, "%s needs a field name before it, "
			    "e.g. name:\"anna smith\"", what);
		else
			limit_fail(p, start, "expected a field such as "
			    "status:open or name:smith, not %s", what);
		return (NULL);
	}
	c = limit_peek(p);
	if (c == ':' || c == '=') {
		op = OP_EQ;
		p->pos++;
	} else if (c == '<' || c == '>') {
		p->pos++;
		if (limit_peek(p) == '=') {
			p->pos++;
			op = c == '<' ? OP_LE : OP_GE;
		} else
			op = c == '<' ? OP_LT : OP_GT;
	}
	if ((fd = limit_find_field(name)) == NULL) {
		for (i = 0; i < LIMIT_NFIELDS; i++)
			names[i] = limit_fielddefs[i].info.name;
		near = limit_closest(name, names, LIMIT_NFIELDS);
		if (near != NULL)
			limit_fail(p, start, "unknown field '%s' (did you mean "
			    "%s?)", name, near);
		else if (op == OP_NONE)
			limit_fail(p, start, "unknown field '%s' (to match a "
			    "name, write name:%s)", name, name);
		else
			limit_fail(p, start, "unknown field '%s'", name);
		return (NULL);
	}
	if ((fd->info.kinds & (1u << p->kind)) == 0) {
		limit_kinds_text(fd->info.kinds, kinds, sizeof kinds);
		limit_fail(p, start, "field '%s' does not apply to %s (only to "
		    "%s)", name, limit_kind_names[p->kind], kinds);
		return (NULL);
	}
	if (fd->vtype == VT_NONE) {
		if (op != OP_NONE) {
			limit_fail(p, start, "%s takes no value: write just "
			    "'%s'", name, name);
			return (NULL);
		}
		t = limit_make_term(p, fd, OP_NONE, "", start);
		goto done;
	}
	if (op == OP_NONE) {
		if (c >= '0' && c <= '9')
			limit_fail(p, p->pos, "expected ':' or a comparison "
			    "after %s, e.g. %s", name, fd->info.example);
		else
			limit_fail(p, start, "%s needs a value, e.g. %s", name,
			    fd->info.example);
		return (NULL);
	}
	if (op != OP_EQ && fd->vtype != VT_INT && fd->vtype != VT_PCT) {
		limit_fail(p, start, "%s takes ':', not a comparison, e.g. %s",
		    name, fd->info.example);
		return (NULL);
	}
	for (;;) {
		voff = p->pos;
		if (limit_read_value(p, value, sizeof value) < 0)
			goto fail;
		if (value[0] == '\0' && p->s[voff] != '"') {
			limit_fail(p, voff, "%s needs a value, e.g. %s", name,
			    fd->info.example);
			goto fail;
		}
		if (value[0] == '\0') {
			limit_fail(p, voff, "%s needs a value, not \"\"", name);
			goto fail;
		}
		if ((t = limit_make_term(p, fd, op, value, voff)) == NULL)
			goto fail;
		if (last == NULL)
			first = t;
		else
			last->next = t;
		last = t;
		if (limit_peek(p) != ',')
			break;
		if (op != OP_EQ) {
			limit_fail(p, p->pos, "a list (a,b) needs ':', e.g. "
			    "%s:a,b", name);
			goto fail;
		}
		p->pos++;
	}
	if (first == last) {
		t = first;
	} else {
		or = limit_node_new(LN_OR, start);
		or->comma = true;
		or->child = first;
		t = or;
	}
	first = NULL;
done:
	if (t == NULL)
		return (NULL);
	c = limit_peek(p);
	if (!(c == '\0' || limit_is_space(c) || c == '|' || c == ')')) {
		limit_char_name(p, p->pos, what, sizeof what);
		limit_fail(p, p->pos, "unexpected %s after %s (a space "
		    "between terms?)", what, name);
		limit_node_free(t);
		return (NULL);
	}
	return (t);
fail:
	limit_node_free(first);
	return (NULL);
}

static struct limit_node *
limit_parse_unary(struct limit_parser *p)
{
	struct limit_node	*n, *inner;
	size_t			 start = p->pos;
	char			 c = limit_peek(p);

	if (c != '!' && c != '(')
		return (limit_parse_term(p));
	if (++p->depth > LIMIT_DEPTH_MAX) {
		limit_fail(p, start, "nested too deeply (%d levels at most)",
		    LIMIT_DEPTH_MAX);
		return (NULL);
	}
	p->pos++;
	if (c == '!') {
		limit_skip_ws(p);
		c = limit_peek(p);
		if (c == '\0' || c == ')' || c == '|') {
			limit_fail(p, start, "'!' needs a term after it, e.g. "
			    "!flag:lac");
			return (NULL);
		}
		if ((inner = limit_parse_unary(p)) == NULL)
			return (NULL);
		n = limit_node_new(LN_NOT, start);
		n->child = inner;
	} else {
		if ((n = limit_parse_and(p, false)) == NULL)
			return (NULL);
		if (limit_peek(p) != ')') {
			limit_fail(p, start, "this '(' is never closed");
			limit_node_free(n);
			return (NULL);
		}
		p->pos++;
		c = limit_peek(p);
		if (!(c == '\0' || limit_is_space(c) || c == '|' ||
		    c == ')')) {
			limit_fail(p, p->pos, "expected a space after ')'");
			limit_node_free(n);
			return (NULL);
		}
	}
	p->depth--;
	return (n);
}

static struct limit_node *
limit_parse_or(struct limit_parser *p)
{
	struct limit_node	*first, *last, *n, *or;
	size_t			 start = p->pos, save, bar;
	char			 c;

	if ((first = limit_parse_unary(p)) == NULL)
		return (NULL);
	last = first;
	for (;;) {
		save = p->pos;
		limit_skip_ws(p);
		if (limit_peek(p) != '|') {
			p->pos = save;
			break;
		}
		bar = p->pos++;
		limit_skip_ws(p);
		c = limit_peek(p);
		if (c == '\0' || c == ')' || c == '|') {
			limit_fail(p, bar, "'|' needs a term on each side");
			goto fail;
		}
		if ((n = limit_parse_unary(p)) == NULL)
			goto fail;
		last->next = n;
		last = n;
	}
	if (first == last)
		return (first);
	or = limit_node_new(LN_OR, start);
	or->child = first;
	return (or);
fail:
	limit_node_free(first);
	return (NULL);
}

static struct limit_node *
limit_parse_and(struct limit_parser *p, bool top)
{
	struct limit_node	*first = NULL, *last = NULL, *n, *and;
	size_t			 start;
	char			 c;

	limit_skip_ws(p);
	start = p->pos;
	for (;;) {
		limit_skip_ws(p);
		c = limit_peek(p);
		if (c == '\0')
			break;
		if (c == ')') {
			if (!top)
				break;
			limit_fail(p, p->pos, "')' without a '(' before it");
			goto fail;
		}
		if (c == '|') {
			limit_fail(p, p->pos, "'|' needs a term on each side");
			goto fail;
		}
		if ((n = limit_parse_or(p)) == NULL)
			goto fail;
		if (last == NULL)
			first = n;
		else
			last->next = n;
		last = n;
	}
	if (first == NULL) {
		if (!top)
			limit_fail(p, start, "empty parentheses");
		return (NULL);
	}
	if (first == last)
		return (first);
	and = limit_node_new(LN_AND, start);
	and->child = first;
	return (and);
fail:
	limit_node_free(first);
	return (NULL);
}

/* ---- entry points ---- */

struct limit *
limit_parse(const char *pattern, enum limit_kind kind,
    struct limit_error *err)
{
	struct limit_parser	 p;
	struct limit		*l;
	struct limit_node	*root;
	uint32_t		 cp;
	size_t			 i;
	int			 n;

	memset(&p, 0, sizeof p);
	p.s = pattern != NULL ? pattern : "";
	p.len = strlen(p.s);
	p.kind = kind;
	p.err = err;
	if (err != NULL) {
		err->column = 0;
		err->offset = 0;
		err->message[0] = '\0';
	}
	if ((unsigned)kind >= LIMIT_KIND_COUNT)
		fatal("%s: list kind %d", __func__, (int)kind);
	if (p.len > LIMIT_PATTERN_MAX) {
		limit_fail(&p, LIMIT_PATTERN_MAX, "the pattern is too long "
		    "(%d characters at most)", LIMIT_PATTERN_MAX);
		return (NULL);
	}
	/* Text only: valid UTF-8, no control characters but tab. */
	for (i = 0; i < p.len; i += (size_t)n) {
		n = utf8_decode(p.s + i, p.len - i, &cp);
		if (n == 0) {
			limit_fail(&p, i, "not valid UTF-8 text");
			return (NULL);
		}
		if ((cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp < 0xa0)) {
			limit_fail(&p, i, "unexpected control character "
			    "U+%04X", (unsigned)cp);
			return (NULL);
		}
	}
	root = limit_parse_and(&p, true);
	if (p.failed) {
		limit_node_free(root);
		return (NULL);
	}
	l = xcalloc(1, sizeof *l);
	l->kind = kind;
	l->root = root;
	return (l);
}

void
limit_free(struct limit *l)
{
	if (l == NULL)
		return;
	limit_node_free(l->root);
	free(l);
}

enum limit_kind
limit_kind(const struct limit *l)
{
	return (l->kind);
}

bool
limit_is_empty(const struct limit *l)
{
	return (l->root == NULL);
}

/* ---- compiling ---- */

static void
limit_like_escape(struct sbuf *sb, const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v == '\\' || *v == '%' || *v == '_')
			sbuf_append_char(sb, '\\');
		sbuf_append_char(sb, *v);
	}
}

static void
limit_add_param(struct limit_sql *out, char how, const char *value)
{
	struct sbuf	 sb = SBUF_INIT;

	switch (how) {
	case 'r':
		sbuf_append_str(&sb, value);
		break;
	case 'l':
		sbuf_append_char(&sb, '%');
		limit_like_escape(&sb, value);
		sbuf_append_char(&sb, '%');
		break;
	case 'e':
		limit_like_escape(&sb, value);
		break;
	case 'p':
		limit_like_escape(&sb, value);
		sbuf_append_char(&sb, '%');
		break;
	default:
		fatal("%s: parameter kind '%c'", __func__, how);
	}
	out->params = xreallocarray(out->params, (size_t)out->nparams + 1,
	    sizeof *out->params);
	out->params[out->nparams++] = sbuf_detach(&sb, NULL);
}

/* Appends a fragment, its $k and $op replaced; adds its parameters. */
static void
limit_emit_term(const struct limit_node *n, int first_param,
    struct limit_sql *out, struct sbuf *sql)
{
	const struct limit_frag	*f = n->frag;
	const char		*s;
	int			 base, k, nkinds;

	base = first_param + out->nparams;
	nkinds = (int)strlen(f->params);
	for (k = 0; k < nkinds; k++)
		limit_add_param(out, f->params[k], n->value);
	sbuf_append_char(sql, '(');
	for (s = f->sql; *s != '\0'; s++) {
		if (*s != '$') {
			sbuf_append_char(sql, *s);
			continue;
		}
		if (strncmp(s, "$op", 3) == 0) {
			sbuf_append_str(sql, limit_op_sql[n->op]);
			s += 2;
			continue;
		}
		k = s[1] - '0';
		if (k < 1 || k > nkinds)
			fatal("%s: fragment of %s refers to $%c", __func__,
			    f->field, s[1]);
		sbuf_appendf(sql, "$%d", base + k - 1);
		s++;
	}
	sbuf_append_char(sql, ')');
}

static void
limit_emit(const struct limit_node *n, int first_param,
    struct limit_sql *out, struct sbuf *sql)
{
	const struct limit_node	*c;

	switch (n->type) {
	case LN_TERM:
		limit_emit_term(n, first_param, out, sql);
		break;
	case LN_NOT:
		sbuf_append_char(sql, '(');
		limit_emit(n->child, first_param, out, sql);
		sbuf_append_str(sql, " IS NOT TRUE)");
		break;
	case LN_AND:
	case LN_OR:
		sbuf_append_char(sql, '(');
		for (c = n->child; c != NULL; c = c->next) {
			if (c != n->child)
				sbuf_append_str(sql,
				    n->type == LN_AND ? " AND " : " OR ");
			limit_emit(c, first_param, out, sql);
		}
		sbuf_append_char(sql, ')');
		break;
	}
}

void
limit_compile(const struct limit *l, int first_param, struct limit_sql *out)
{
	struct sbuf	 sql = SBUF_INIT;

	out->where = NULL;
	out->params = NULL;
	out->nparams = 0;
	if (l->root == NULL)
		sbuf_append_str(&sql, "true");
	else
		limit_emit(l->root, first_param, out, &sql);
	out->where = sbuf_detach(&sql, NULL);
}

void
limit_sql_release(struct limit_sql *out)
{
	int	 i;

	if (out == NULL)
		return;
	for (i = 0; i < out->nparams; i++)
		free(out->params[i]);
	free(out->params);
	free(out->where);
	out->params = NULL;
	out->where = NULL;
	out->nparams = 0;
}

int
limit_build(const char *pattern, enum limit_kind kind, int first_param,
    struct limit_sql *out, struct limit_error *err)
{
	struct limit	*l;

	if ((l = limit_parse(pattern, kind, err)) == NULL)
		return (-1);
	limit_compile(l, first_param, out);
	limit_free(l);
	return (0);
}

/* ---- formatting ---- */

static bool
limit_needs_quotes(const char *v)
{
	if (*v == '\0')
		return (true);
	for (; *v != '\0'; v++)
		if (limit_is_stop(*v) || *v == '\\')
			return (true);
	return (false);
}

static void
limit_format_value(struct sbuf *out, const char *v)
{
	if (!limit_needs_quotes(v)) {
		sbuf_append_str(out, v);
		return;
	}
	sbuf_append_char(out, '"');
	for (; *v != '\0'; v++) {
		if (*v == '"' || *v == '\\')
			sbuf_append_char(out, '\\');
		sbuf_append_char(out, *v);
	}
	sbuf_append_char(out, '"');
}

static void
limit_format_term(const struct limit_node *n, struct sbuf *out,
    bool with_field)
{
	if (with_field)
		sbuf_append_str(out, n->field->info.name);
	if (n->op == OP_NONE)
		return;
	if (with_field)
		sbuf_append_str(out, n->op == OP_EQ &&
		    n->field->vtype != VT_INT && n->field->vtype != VT_PCT ?
		    ":" : limit_op_sql[n->op]);
	limit_format_value(out, n->value);
}

static void
limit_format_node(const struct limit_node *n, struct sbuf *out)
{
	const struct limit_node	*c;

	switch (n->type) {
	case LN_TERM:
		limit_format_term(n, out, true);
		break;
	case LN_NOT:
		sbuf_append_char(out, '!');
		if (n->child->type == LN_AND || (n->child->type == LN_OR &&
		    !n->child->comma)) {
			sbuf_append_char(out, '(');
			limit_format_node(n->child, out);
			sbuf_append_char(out, ')');
		} else
			limit_format_node(n->child, out);
		break;
	case LN_OR:
		if (n->comma) {
			for (c = n->child; c != NULL; c = c->next) {
				if (c != n->child)
					sbuf_append_char(out, ',');
				limit_format_term(c, out, c == n->child);
			}
			break;
		}
		/* FALLTHROUGH */
	case LN_AND:
		for (c = n->child; c != NULL; c = c->next) {
			bool	 group;

			if (c != n->child)
				sbuf_append_str(out,
				    n->type == LN_AND ? " " : " | ");
			group = c->type == LN_AND ||
			    (c->type == LN_OR && !c->comma);
			if (group)
				sbuf_append_char(out, '(');
			limit_format_node(c, out);
			if (group)
				sbuf_append_char(out, ')');
		}
		break;
	}
}

void
limit_format(const struct limit *l, struct sbuf *out)
{
	if (l->root != NULL)
		limit_format_node(l->root, out);
}

static void
limit_dump_node(const struct limit_node *n, struct sbuf *out)
{
	const struct limit_node	*c;
	const char		*v;

	switch (n->type) {
	case LN_TERM:
		sbuf_appendf(out, "(%s", n->field->info.name);
		if (n->op != OP_NONE) {
			sbuf_appendf(out, " %s \"", limit_op_sql[n->op]);
			for (v = n->value; *v != '\0'; v++) {
				if (*v == '"' || *v == '\\')
					sbuf_append_char(out, '\\');
				sbuf_append_char(out, *v);
			}
			sbuf_append_char(out, '"');
		}
		sbuf_append_char(out, ')');
		break;
	case LN_NOT:
		sbuf_append_str(out, "(not ");
		limit_dump_node(n->child, out);
		sbuf_append_char(out, ')');
		break;
	case LN_AND:
	case LN_OR:
		sbuf_append_str(out, n->type == LN_AND ? "(and" : "(or");
		for (c = n->child; c != NULL; c = c->next) {
			sbuf_append_char(out, ' ');
			limit_dump_node(c, out);
		}
		sbuf_append_char(out, ')');
		break;
	}
}

void
limit_dump(const struct limit *l, struct sbuf *out)
{
	if (l->root == NULL)
		sbuf_append_str(out, "(all)");
	else
		limit_dump_node(l->root, out);
}

/* ---- reference ---- */

/* Borrowed, static. */
const char *
limit_from(enum limit_kind kind)
{
	if ((unsigned)kind >= LIMIT_KIND_COUNT)
		return (NULL);
	return (limit_from_sql[kind]);
}

/* Borrowed, static. */
const char *
limit_kind_name(enum limit_kind kind)
{
	if ((unsigned)kind >= LIMIT_KIND_COUNT)
		return ("?");
	return (limit_kind_names[kind]);
}

int
limit_kind_parse(const char *name, enum limit_kind *out)
{
	int	 k;

	for (k = 0; k < LIMIT_KIND_COUNT; k++) {
		if (name != NULL && strcmp(name, limit_kind_names[k]) == 0) {
			*out = (enum limit_kind)k;
			return (0);
		}
	}
	return (-1);
}

/* Borrowed, static: the table is copied out once, field by field. */
const struct limit_field_info *
limit_fields(size_t *n)
{
	static struct limit_field_info	 infos[LIMIT_NFIELDS];
	size_t				 i;

	if (infos[0].name == NULL)
		for (i = 0; i < LIMIT_NFIELDS; i++)
			infos[i] = limit_fielddefs[i].info;
	*n = LIMIT_NFIELDS;
	return (infos);
}

/* Borrowed, static. */
const char *const *
limit_field_values(const char *field, enum limit_kind kind)
{
	if (field == NULL)
		return (NULL);
	if (strcmp(field, "status") == 0)
		return (kind == LIMIT_CASES ? limit_values_status_cases :
		    kind == LIMIT_ALERTS ? limit_values_status_alerts : NULL);
	if (strcmp(field, "flag") == 0)
		return (limit_values_flag);
	if (strcmp(field, "reason") == 0)
		return (kind == LIMIT_CASES ? limit_values_reason : NULL);
	if (strcmp(field, "rule") == 0)
		return (kind == LIMIT_ALERTS ? limit_values_rule : NULL);
	if (strcmp(field, "severity") == 0)
		return (kind == LIMIT_ALERTS ? limit_values_severity : NULL);
	return (NULL);
}
