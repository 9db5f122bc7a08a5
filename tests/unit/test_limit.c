/*
 * test_limit.c — the limit pattern language: parse trees, errors with
 * their columns, the SQL and parameters it compiles to, injection
 * attempts (which must end up as parameters, never SQL), the canonical
 * form, and the field table's consistency. The compiled SQL is run
 * against a real database by tests/db/limit.sh.
 */
#include <stdio.h>
#include <string.h>

#include "model/limit.h"
#include "util/sbuf.h"
#include "unit.h"

static void	 test_parse(void);
static void	 test_errors(void);
static void	 test_compile(void);
static void	 test_injection(void);
static void	 test_format(void);
static void	 test_fields(void);
static void	 test_limits(void);

int
main(void)
{
	test_parse();
	test_errors();
	test_compile();
	test_injection();
	test_format();
	test_fields();
	test_limits();
	return unit_done();
}

static const char *
kind_name(enum limit_kind k)
{
	return (limit_kind_name(k));
}

/* pattern parses for kind, and its tree is want. */
static void
parses(enum limit_kind kind, const char *pattern, const char *want)
{
	struct limit		*l;
	struct limit_error	 err;
	struct sbuf		 sb = SBUF_INIT;

	l = limit_parse(pattern, kind, &err);
	if (l == NULL) {
		unit_result(0, "%s: parse '%s'", kind_name(kind), pattern);
		unit_diag("error: %s", err.message);
		return;
	}
	limit_dump(l, &sb);
	if (!unit_result(strcmp(sb.buf, want) == 0, "%s: parse '%s'",
	    kind_name(kind), pattern)) {
		unit_diag("want %s", want);
		unit_diag("got  %s", sb.buf);
	}
	sbuf_release(&sb);
	limit_free(l);
}

/* pattern is refused for kind with exactly this message and column. */
static void
refused(enum limit_kind kind, const char *pattern, int column,
    const char *message)
{
	struct limit		*l;
	struct limit_error	 err;
	int			 ok;

	l = limit_parse(pattern, kind, &err);
	ok = l == NULL && err.column == column &&
	    strcmp(err.message, message) == 0;
	if (!unit_result(ok, "%s: '%.60s' -> %s", kind_name(kind), pattern,
	    message)) {
		if (l != NULL)
			unit_diag("it parsed");
		else
			unit_diag("got column %d: %s", err.column,
			    err.message);
	}
	limit_free(l);
}

static void
test_parse(void)
{
	parses(LIMIT_CASES, "", "(all)");
	parses(LIMIT_CASES, "  \t ", "(all)");
	parses(LIMIT_CASES, "status:enquiries officer:alex !flag:lac days>10",
	    "(and (status = \"enquiries\") (officer = \"alex\") "
	    "(not (flag = \"lac\")) (days > \"10\"))");
	/* The example from the issue, term by term. */
	parses(LIMIT_CASES, "status:enquiries officer:alex school:8302161 "
	    "flag:cin !flag:lac days>10 contact>10 att<90 severe "
	    "reason:whereabouts name:smith upn:F830\xe2\x80\xa6",
	    "(and (status = \"enquiries\") (officer = \"alex\") "
	    "(school = \"8302161\") (flag = \"cin\") (not (flag = \"lac\")) "
	    "(days > \"10\") (contact > \"10\") (att < \"90\") (severe) "
	    "(reason = \"whereabouts_unknown\") (name = \"smith\") "
	    "(upn = \"F830\"))");
	/* | binds tighter than the space. */
	parses(LIMIT_CASES, "status:enq | status:ref officer:me",
	    "(and (or (status = \"enquiries\") (status = \"referred\")) "
	    "(officer = \"me\"))");
	parses(LIMIT_CASES, "status:referred|status:enquiries",
	    "(or (status = \"referred\") (status = \"enquiries\"))");
	parses(LIMIT_CASES, "(flag:cin | flag:cp) !(officer:none team:mine)",
	    "(and (or (flag = \"cin\") (flag = \"cp\")) (not (and "
	    "(officer = \"none\") (team = \"mine\"))))");
	parses(LIMIT_CASES, "(status:open officer:me) | officer:none",
	    "(or (and (status = \"open\") (officer = \"me\")) "
	    "(officer = \"none\"))");
	parses(LIMIT_CASES, "! ! flag:cp", "(not (not (flag = \"cp\")))");
	/* Lists, case, prefixes, hyphens. */
	parses(LIMIT_CASES, "status:referred,enquiries",
	    "(or (status = \"referred\") (status = \"enquiries\"))");
	parses(LIMIT_CASES, "Status:ENQ Reason:Moved-Abroad FLAG:LAC",
	    "(and (status = \"enquiries\") (reason = \"moved_abroad\") "
	    "(flag = \"lac\"))");
	parses(LIMIT_CASES, "officer:mine team:me",
	    "(and (officer = \"me\") (team = \"mine\"))");
	parses(LIMIT_CASES, "officer:Alex", "(officer = \"Alex\")");
	parses(LIMIT_CASES, "reason:none", "(reason = \"none\")");
	/* Comparisons. */
	parses(LIMIT_CASES, "days:10 days=10 days<3 days<=3 days>=4 days>004",
	    "(and (days = \"10\") (days = \"10\") (days < \"3\") "
	    "(days <= \"3\") (days >= \"4\") (days > \"4\"))");
	parses(LIMIT_CHILDREN, "att<=50.5% att>0 att<100.00",
	    "(and (att <= \"50.5\") (att > \"0\") (att < \"100.00\"))");
	/* Alerts and children. */
	parses(LIMIT_ALERTS, "rule:sev,persist severity:high status:unresolved",
	    "(and (or (rule = \"severe_absence\") (rule = "
	    "\"persistent_absence\")) (severity = \"high\") "
	    "(status = \"unresolved\"))");
	parses(LIMIT_ALERTS, "status:open days>5 officer:none",
	    "(and (status = \"open\") (days > \"5\") (officer = \"none\"))");
	parses(LIMIT_CHILDREN, "upn:f830* name:\"anna smith\" school:8302161 "
	    "team:2 team:north school:none persistent",
	    "(and (upn = \"F830\") (name = \"anna smith\") "
	    "(school = \"8302161\") (team = \"2\") (team = \"north\") "
	    "(school = \"none\") (persistent))");
	parses(LIMIT_CHILDREN, "name:\"o\\\"brien\",\"a\\\\b\"",
	    "(or (name = \"o\\\"brien\") (name = \"a\\\\b\"))");
	parses(LIMIT_CHILDREN, "name:Wiśniewska school:\"Oak Lane\"",
	    "(and (name = \"Wiśniewska\") (school = \"Oak Lane\"))");
	parses(LIMIT_CHILDREN, "name:a:b", "(name = \"a:b\")");
}

static void
test_errors(void)
{
	char	 buf[2100];
	size_t	 i;

	refused(LIMIT_CASES, "stats:open", 1,
	    "at 1: unknown field 'stats' (did you mean status?)");
	refused(LIMIT_CASES, "officer:alex stats:enquiries", 14,
	    "at 14: unknown field 'stats' (did you mean status?)");
	refused(LIMIT_CASES, "oficer:me", 1,
	    "at 1: unknown field 'oficer' (did you mean officer?)");
	refused(LIMIT_CASES, "smith", 1,
	    "at 1: unknown field 'smith' (to match a name, write name:smith)");
	refused(LIMIT_CASES, "colour:red", 1, "at 1: unknown field 'colour'");
	refused(LIMIT_CASES, "sever", 1,
	    "at 1: unknown field 'sever' (did you mean severe?)");
	/* Fields that do not apply to the list. */
	refused(LIMIT_CASES, "status:open rule:severe", 13,
	    "at 13: field 'rule' does not apply to cases (only to alerts)");
	refused(LIMIT_ALERTS, "contact>3", 1,
	    "at 1: field 'contact' does not apply to alerts (only to cases)");
	refused(LIMIT_CHILDREN, "status:open", 1,
	    "at 1: field 'status' does not apply to children (only to cases "
	    "and alerts)");
	refused(LIMIT_CHILDREN, "flag:lac days>3", 10,
	    "at 10: field 'days' does not apply to children (only to cases "
	    "and alerts)");
	refused(LIMIT_ALERTS, "reason:none", 1,
	    "at 1: field 'reason' does not apply to alerts (only to cases)");
	/* Values. */
	refused(LIMIT_CASES, "status:e", 8,
	    "at 8: 'e' could be status:enquiries or status:escalated; type "
	    "more of it");
	refused(LIMIT_CASES, "status:enquirys", 8,
	    "at 8: 'enquirys' is not a status for cases (did you mean "
	    "enquiries?)");
	refused(LIMIT_ALERTS, "status:acknowleged", 8,
	    "at 8: 'acknowleged' is not a status for alerts (did you mean "
	    "acknowledged?)");
	refused(LIMIT_CHILDREN, "flag:sne", 6,
	    "at 6: 'sne' is not a flag (did you mean sen?)");
	refused(LIMIT_CASES, "flag:lac,xyz", 10,
	    "at 10: 'xyz' is not a flag (sen, ehcp, cin (child in need), cp "
	    "(child protection), lac (looked after), carer (young carer), grt, "
	    "service, restricted, ehe (elective home education))");
	refused(LIMIT_CASES, "days>abc", 6,
	    "at 6: days needs a whole number of school days (0 to 9999), "
	    "e.g. days>10");
	refused(LIMIT_CASES, "days>10000", 6,
	    "at 6: days needs a whole number of school days (0 to 9999), "
	    "e.g. days>10");
	refused(LIMIT_CASES, "days10", 5,
	    "at 5: expected ':' or a comparison after days, e.g. days>10");
	refused(LIMIT_CASES, "days", 1,
	    "at 1: days needs a value, e.g. days>10");
	refused(LIMIT_CASES, "att<101", 5,
	    "at 5: att needs a percentage from 0 to 100, e.g. att<90 or "
	    "att<=50.5");
	refused(LIMIT_CASES, "att<50.123", 5,
	    "at 5: att needs a percentage from 0 to 100, e.g. att<90 or "
	    "att<=50.5");
	refused(LIMIT_CASES, "status>open", 1,
	    "at 1: status takes ':', not a comparison, e.g. status:open");
	refused(LIMIT_CASES, "days>1,2", 7,
	    "at 7: a list (a,b) needs ':', e.g. days:a,b");
	refused(LIMIT_CASES, "persistent:1", 1,
	    "at 1: persistent takes no value: write just 'persistent'");
	refused(LIMIT_CASES, "officer:", 9,
	    "at 9: officer needs a value, e.g. officer:me");
	refused(LIMIT_CASES, "officer:\"\"", 9,
	    "at 9: officer needs a value, not \"\"");
	refused(LIMIT_CASES, "name:a", 6,
	    "at 6: name needs at least 2 letters");
	refused(LIMIT_CASES, "upn:8301", 5,
	    "at 5: upn takes the start of a UPN: a letter, then digits, e.g. "
	    "upn:F830");
	refused(LIMIT_CASES, "school:830216", 8,
	    "at 8: school takes a 7-digit LAESTAB (e.g. school:8302161) or "
	    "part of a school's name");
	/* Structure. */
	refused(LIMIT_CASES, "!", 1,
	    "at 1: '!' needs a term after it, e.g. !flag:lac");
	refused(LIMIT_CASES, "flag:lac |", 10,
	    "at 10: '|' needs a term on each side");
	refused(LIMIT_CASES, "| flag:lac", 1,
	    "at 1: '|' needs a term on each side");
	refused(LIMIT_CASES, "flag:lac || flag:cp", 10,
	    "at 10: '|' needs a term on each side");
	refused(LIMIT_CASES, "(status:open", 1,
	    "at 1: this '(' is never closed");
	refused(LIMIT_CASES, "status:open)", 12,
	    "at 12: ')' without a '(' before it");
	refused(LIMIT_CASES, "flag:lac ()", 11, "at 11: empty parentheses");
	refused(LIMIT_CASES, "(flag:lac)flag:cp", 11,
	    "at 11: expected a space after ')'");
	refused(LIMIT_CASES, "status:open(x)", 12,
	    "at 12: unexpected '(' after status (a space between terms?)");
	refused(LIMIT_CASES, "name:smith\"x\"", 11,
	    "at 11: unexpected '\"' after name (a space between terms?)");
	refused(LIMIT_CASES, "name:\"abc", 6,
	    "at 6: this quote is never closed");
	refused(LIMIT_CASES, "\"smith\"", 1,
	    "at 1: '\"' needs a field name before it, e.g. "
	    "name:\"anna smith\"");
	refused(LIMIT_CASES, ":open", 1,
	    "at 1: ':' needs a field name before it, e.g. name:\"anna smith\"");
	refused(LIMIT_CASES, "flag:lac 42", 10,
	    "at 10: expected a field such as status:open or name:smith, not "
	    "'4'");
	/* Columns count characters, not bytes. */
	refused(LIMIT_CASES, "name:Łuś stats:x", 10,
	    "at 10: unknown field 'stats' (did you mean status?)");
	refused(LIMIT_CASES, "name:Łuś é", 10,
	    "at 10: expected a field such as status:open or name:smith, not "
	    "U+00E9");
	refused(LIMIT_CASES, "name:\xff", 6, "at 6: not valid UTF-8 text");
	refused(LIMIT_CASES, "name:a\x1b[2Jb", 7,
	    "at 7: unexpected control character U+001B");
	/* The injection that does not quote its value is simply refused. */
	refused(LIMIT_CASES, "name:x'); DROP TABLE cme.child; --", 8,
	    "at 8: ')' without a '(' before it");

	/* Bounds. */
	memset(buf, 0, sizeof buf);
	for (i = 0; i < 17; i++)
		buf[i] = '!';
	strcat(buf, "flag:lac");
	refused(LIMIT_CASES, buf, 17,
	    "at 17: nested too deeply (16 levels at most)");
	buf[0] = '\0';
	for (i = 0; i < 65; i++)
		strcat(buf, "flag:lac ");
	refused(LIMIT_CASES, buf, 9 * 64 + 6,
	    "at 582: too many terms (64 at most)");
	memset(buf, 'a', 2001);
	buf[2001] = '\0';
	refused(LIMIT_CASES, buf, 2001,
	    "at 2001: the pattern is too long (2000 characters at most)");
	memcpy(buf, "name:\"", 6);
	memset(buf + 6, 'a', 201);
	memcpy(buf + 207, "\"", 2);
	refused(LIMIT_CASES, buf, 6,
	    "at 6: this value is too long (200 bytes at most)");
}

/* pattern compiles (params from first) to want_sql with the params. */
static void
compiles(enum limit_kind kind, const char *pattern, int first,
    const char *want_sql, const char *const *want_params)
{
	struct limit_sql	 out;
	struct limit_error	 err;
	int			 i, n = 0, ok;

	while (want_params != NULL && want_params[n] != NULL)
		n++;
	if (limit_build(pattern, kind, first, &out, &err) != 0) {
		unit_result(0, "%s: compile '%s'", kind_name(kind), pattern);
		unit_diag("%s", err.message);
		return;
	}
	ok = strcmp(out.where, want_sql) == 0 && out.nparams == n;
	for (i = 0; ok && i < n; i++)
		ok = strcmp(out.params[i], want_params[i]) == 0;
	if (!unit_result(ok, "%s: compile '%s'", kind_name(kind), pattern)) {
		unit_diag("want %s", want_sql);
		unit_diag("got  %s", out.where);
		for (i = 0; i < out.nparams; i++)
			unit_diag("$%d = '%s'", first + i, out.params[i]);
	}
	limit_sql_release(&out);
}

static void
test_compile(void)
{
	static const char *const p1[] = { "enquiries", "10", NULL };
	static const char *const p2[] = { "severe_absence",
	    "persistent_absence", "high", NULL };
	static const char *const p3[] = { "Alex_T%", "%Alex\\_T\\%%", NULL };
	static const char *const p4[] = { "F830%", "smith", NULL };
	static const char *const p5[] = { "%Oak Lane%", "2", "89.5", NULL };
	static const char *const p6[] = { "whereabouts_unknown", "3", NULL };

	compiles(LIMIT_CASES, "", 1, "true", NULL);
	compiles(LIMIT_CASES, "status:enquiries officer:me !flag:lac days>10",
	    3, "((c.status = $3::text) AND (c.assigned_to = current_user) AND "
	    "((ch.looked_after) IS NOT TRUE) AND "
	    "(cme.school_days_between(c.la_code, c.referred_on, current_date) "
	    "> $4::integer))", p1);
	compiles(LIMIT_ALERTS, "rule:sev,persist | severity:high", 1,
	    "(((a.rule = $1::text) OR (a.rule = $2::text)) OR "
	    "(a.severity = $3::text))", p2);
	compiles(LIMIT_CASES, "officer:Alex_T%", 5,
	    "(c.assigned_to IN (SELECT s.role_name FROM cme.staff s "
	    "WHERE s.la_code = c.la_code AND (s.role_name::text = $5::text "
	    "OR (s.display_name ILIKE $6::text AND NOT EXISTS (SELECT 1 "
	    "FROM cme.staff l WHERE l.la_code = c.la_code "
	    "AND l.role_name::text = $5::text)))))", p3);
	compiles(LIMIT_CASES, "status:open officer:none team:mine", 1,
	    "((c.status NOT IN ('closed', 'transferred')) AND "
	    "(c.assigned_to IS NULL) AND "
	    "(c.team_id = (SELECT cme.staff_team(current_user))))", NULL);
	compiles(LIMIT_ALERTS, "status:unresolved officer:me", 1,
	    "((a.status <> 'resolved') AND (a.assigned_to = current_user))",
	    NULL);
	compiles(LIMIT_CHILDREN, "upn:f830 name:smith", 2,
	    "(((ch.upn LIKE $2::text OR EXISTS (SELECT 1 FROM "
	    "cme.child_former_upn u WHERE u.la_code = ch.la_code AND "
	    "u.child_id = ch.child_id AND u.upn LIKE $2::text))) AND "
	    "((cme.full_name_key(ch.legal_forename, ch.legal_surname) LIKE "
	    "'%' || cme.name_key($3::text) || '%' OR "
	    "cme.name_key(coalesce(ch.legal_middle_names, '')) LIKE "
	    "'%' || cme.name_key($3::text) || '%' OR "
	    "cme.full_name_key(coalesce(ch.preferred_forename, "
	    "ch.legal_forename), coalesce(ch.preferred_surname, "
	    "ch.legal_surname)) LIKE '%' || cme.name_key($3::text) || '%' OR "
	    "EXISTS (SELECT 1 FROM cme.child_name n WHERE n.la_code = "
	    "ch.la_code AND n.child_id = ch.child_id AND "
	    "cme.full_name_key(n.forename, n.surname) LIKE "
	    "'%' || cme.name_key($3::text) || '%'))))", p4);
	compiles(LIMIT_CHILDREN, "school:\"Oak Lane\" | team:2 !att>=89.5", 1,
	    "((((SELECT e.laestab FROM cme.enrolment e WHERE e.la_code = "
	    "ch.la_code AND e.child_id = ch.child_id ORDER BY e.starts DESC, "
	    "e.enrolment_id DESC LIMIT 1) IN (SELECT s.laestab FROM "
	    "cme.school s WHERE s.name ILIKE $1::text)) OR "
	    "(ch.team_id = $2::integer)) AND "
	    "(((SELECT 100.0 * sum(x.present) / nullif(sum(x.possible), 0) "
	    "FROM cme.attendance x WHERE x.la_code = ch.la_code AND "
	    "x.child_id = ch.child_id AND x.term_id = (SELECT t.term_id FROM "
	    "cme.term t WHERE t.la_code = ch.la_code AND t.starts <= "
	    "current_date ORDER BY t.starts DESC LIMIT 1)) >= $3::numeric) "
	    "IS NOT TRUE))", p5);
	compiles(LIMIT_CASES, "reason:where !reason:none contact<=3", 1,
	    "((c.reason = $1::text) AND ((c.reason IS NULL) IS NOT TRUE) AND "
	    "(cme.school_days_between(c.la_code, coalesce((SELECT "
	    "max(x.contact_at)::date FROM cme.case_contact x WHERE "
	    "x.la_code = c.la_code AND x.case_id = c.case_id), "
	    "c.referred_on), current_date) <= $2::integer))", p6);
}

/*
 * Each value must come back as a parameter (as typed, or LIKE-escaped)
 * and never appear in the SQL text.
 */
static void
test_injection(void)
{
	static const struct {
		enum limit_kind	 kind;
		const char	*pattern;
		const char	*value;		/* as typed */
		const char	*marker;	/* must not be in the SQL */
	} cases[] = {
		{ LIMIT_CASES, "name:\"x'); DROP TABLE cme.child; --\"",
		  "x'); DROP TABLE cme.child; --", "DROP" },
		{ LIMIT_CASES, "officer:\"'; DELETE FROM cme.staff; --\"",
		  "'; DELETE FROM cme.staff; --", "DELETE" },
		{ LIMIT_CHILDREN, "school:\"a' OR '1'='1\"", "a' OR '1'='1",
		  "'1'='1" },
		{ LIMIT_ALERTS, "team:\"x) OR (true\"", "x) OR (true",
		  "OR (true" },
		{ LIMIT_CHILDREN, "name:\"$1 $2 \\\" $op\"", "$1 $2 \" $op",
		  "$op" },
		{ LIMIT_CHILDREN, "name:Robert'); ", "Robert');", "Robert" },
		{ LIMIT_CHILDREN, "name:\"ch.restricted OR true\"",
		  "ch.restricted OR true", "restricted" },
	};
	struct limit_sql	 out;
	struct limit_error	 err;
	size_t			 i;
	int			 j, found, ok;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (limit_build(cases[i].pattern, cases[i].kind, 1, &out,
		    &err) != 0) {
			/* A bare value with ')' ends early: refused, fine,
			 * as long as it was not taken as SQL. */
			unit_result(strchr(cases[i].pattern, '"') == NULL,
			    "injection '%s' refused: %s", cases[i].pattern,
			    err.message);
			continue;
		}
		found = 0;
		for (j = 0; j < out.nparams; j++)
			if (strstr(out.params[j], cases[i].value) != NULL ||
			    strcmp(out.params[j], "%x) OR (true%") == 0)
				found = 1;
		ok = found && strstr(out.where, cases[i].marker) == NULL &&
		    strchr(out.where, ';') == NULL &&
		    strstr(out.where, "--") == NULL;
		if (!unit_result(ok, "injection '%s' is only a parameter",
		    cases[i].pattern)) {
			unit_diag("sql %s", out.where);
			for (j = 0; j < out.nparams; j++)
				unit_diag("$%d = '%s'", j + 1, out.params[j]);
		}
		limit_sql_release(&out);
	}
}

/* format(parse(p)) parses to the same tree, and formats the same again. */
static void
round_trips(enum limit_kind kind, const char *pattern, const char *want)
{
	struct limit		*l, *l2;
	struct limit_error	 err;
	struct sbuf		 f1 = SBUF_INIT, f2 = SBUF_INIT;
	struct sbuf		 d1 = SBUF_INIT, d2 = SBUF_INIT;
	int			 ok = 0;

	if ((l = limit_parse(pattern, kind, &err)) != NULL) {
		limit_format(l, &f1);
		limit_dump(l, &d1);
		if ((l2 = limit_parse(f1.buf, kind, &err)) != NULL) {
			limit_format(l2, &f2);
			limit_dump(l2, &d2);
			ok = strcmp(f1.buf, want) == 0 &&
			    strcmp(f1.buf, f2.buf) == 0 &&
			    strcmp(d1.buf, d2.buf) == 0;
			limit_free(l2);
		}
		limit_free(l);
	}
	if (!unit_result(ok, "%s: '%s' formats as '%s'", kind_name(kind),
	    pattern, want)) {
		unit_diag("formatted %s", f1.buf);
		unit_diag("again     %s", f2.buf);
		unit_diag("trees %s / %s", d1.buf, d2.buf);
	}
	sbuf_release(&f1);
	sbuf_release(&f2);
	sbuf_release(&d1);
	sbuf_release(&d2);
}

static void
test_format(void)
{
	round_trips(LIMIT_CASES, "", "");
	round_trips(LIMIT_CASES, "  Status:ENQ   officer:me  ",
	    "status:enquiries officer:me");
	round_trips(LIMIT_CASES, "status:enq,ref !flag:lac days:3 att<=50.5%",
	    "status:enquiries,referred !flag:lac days=3 att<=50.5");
	round_trips(LIMIT_CASES, "status:enq | status:ref officer:me",
	    "(status:enquiries | status:referred) officer:me");
	round_trips(LIMIT_CASES, "(status:open officer:me) | officer:none",
	    "(status:open officer:me) | officer:none");
	round_trips(LIMIT_CASES, "!(flag:cin flag:cp) !(flag:lac | flag:grt)",
	    "!(flag:cin flag:cp) !(flag:lac | flag:grt)");
	round_trips(LIMIT_CASES, "!status:referred,enquiries",
	    "!status:referred,enquiries");
	round_trips(LIMIT_CHILDREN, "name:\"anna  smith\",\"o\\\"b\\\\\" "
	    "school:\"Oak Lane\" name:a:b upn:f830*",
	    "name:\"anna  smith\",\"o\\\"b\\\\\" school:\"Oak Lane\" "
	    "name:a:b upn:F830");
	round_trips(LIMIT_CHILDREN, "name:\"a|b\" name:\"(x)\" name:\"p,q\"",
	    "name:\"a|b\" name:\"(x)\" name:\"p,q\"");
	round_trips(LIMIT_ALERTS, "severe persistent rule:n_code",
	    "severe persistent rule:n_code_unresolved");
}

static void
test_fields(void)
{
	const struct limit_field_info	*f;
	const char *const		*v;
	struct limit			*l;
	struct limit_error		 err;
	size_t				 n, i;
	int				 k, bad = 0;
	enum limit_kind			 kind;

	f = limit_fields(&n);
	UNIT_INT_EQ(n, 15, "fifteen fields");
	for (i = 0; i < n; i++) {
		for (k = 0; k < LIMIT_KIND_COUNT; k++) {
			l = limit_parse(f[i].example, (enum limit_kind)k, &err);
			if ((l != NULL) != ((f[i].kinds & (1u << k)) != 0)) {
				bad++;
				unit_diag("%s for %s: %s", f[i].example,
				    kind_name((enum limit_kind)k),
				    l != NULL ? "parsed" : err.message);
			}
			limit_free(l);
		}
	}
	UNIT_INT_EQ(bad, 0, "every field's example parses exactly for the "
	    "lists it applies to");
	v = limit_field_values("status", LIMIT_CASES);
	UNIT_CHECK(v != NULL && strcmp(v[0], "referred") == 0,
	    "case statuses are listed");
	v = limit_field_values("status", LIMIT_ALERTS);
	UNIT_CHECK(v != NULL && strcmp(v[0], "open") == 0,
	    "alert statuses are listed");
	UNIT_CHECK(limit_field_values("name", LIMIT_CASES) == NULL,
	    "free-text fields list nothing");
	UNIT_CHECK(limit_field_values("rule", LIMIT_CASES) == NULL,
	    "rule lists nothing for cases");
	for (k = 0; k < LIMIT_KIND_COUNT; k++) {
		UNIT_CHECK(limit_kind_parse(limit_kind_name(
		    (enum limit_kind)k), &kind) == 0 && (int)kind == k,
		    "kind names parse back");
		UNIT_CHECK(limit_from((enum limit_kind)k) != NULL &&
		    strstr(limit_from((enum limit_kind)k), "cme.child ch") !=
		    NULL, "every FROM clause provides ch");
	}
	UNIT_CHECK(limit_kind_parse("queues", &kind) == -1,
	    "an unknown kind name is refused");
	l = limit_parse("status:open", LIMIT_ALERTS, &err);
	UNIT_CHECK(l != NULL && limit_kind(l) == LIMIT_ALERTS &&
	    !limit_is_empty(l), "a parsed pattern knows its kind");
	limit_free(l);
	l = limit_parse("  ", LIMIT_ALERTS, NULL);
	UNIT_CHECK(l != NULL && limit_is_empty(l), "blank is empty");
	limit_free(l);
	UNIT_CHECK(limit_parse("stats:x", LIMIT_CASES, NULL) == NULL,
	    "errors without an error struct are fine");
}

/*
 * Every compiled pattern is well formed: balanced parentheses and quotes,
 * and $N only within the parameters it returned.
 */
static void
test_limits(void)
{
	static const char *const patterns[] = {
		"status:open officer:me team:mine school:none flag:ehe",
		"days>1 contact<2 att:3 persistent severe reason:other",
		"name:\"a'b\" upn:F8 school:8302161 team:\"x'y\"",
		"!(officer:\"o'n\" | team:3) (name:ab | school:abc)",
	};
	struct limit_sql	 out;
	struct limit_error	 err;
	const char		*s;
	size_t			 i;
	int			 k, depth, quotes, bad, n;

	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		for (k = 0; k < LIMIT_KIND_COUNT; k++) {
			if (limit_build(patterns[i], (enum limit_kind)k, 7,
			    &out, &err) != 0)
				continue;
			depth = quotes = bad = 0;
			for (s = out.where; *s != '\0'; s++) {
				if (*s == '\'')
					quotes++;
				if (quotes % 2 == 0 && *s == '(')
					depth++;
				if (quotes % 2 == 0 && *s == ')' && --depth < 0)
					bad = 1;
				if (*s == '$') {
					n = 0;
					while (s[1] >= '0' && s[1] <= '9')
						n = n * 10 + (*++s - '0');
					if (n < 7 || n >= 7 + out.nparams)
						bad = 1;
				}
			}
			unit_result(!bad && depth == 0 && quotes % 2 == 0,
			    "%s: '%s' compiles to balanced SQL with $7.. only",
			    kind_name((enum limit_kind)k), patterns[i]);
			limit_sql_release(&out);
		}
	}
}
