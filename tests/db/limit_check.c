/*
 * limit_check.c — the limit pattern language against a real database,
 * run by tests/db/limit.sh (a test program: it needs a server, so it is
 * not in tests/unit).
 *
 *	db_limit_check ROLE OTHER_ROLE
 *
 * Connected as ROLE (a caseworker of LA 830 in the demo data) to
 * $PGDATABASE, for each pattern: compile it (limit_build, parameters from
 * $3 so the numbering is exercised), run SELECT count(*) FROM
 * limit_from(kind) WHERE <compiled> with the parameters, and compare with
 * a hand-written WHERE over the same FROM, written independently of the
 * fragments (school days counted day by day with cme.is_school_day, the
 * term found by its dates, and so on). Both run as ROLE, through RLS.
 * Counts and times are printed as "#" lines; enough patterns must match
 * something for the comparison to mean anything.
 *
 * Then: the listed values of limit.c agree with the database (reasons,
 * rules, and the CHECK constraints of statuses and severities); an
 * injection attempt runs as a harmless parameter; and saved queues
 * through the saved_queue statements: save, refuse to overwrite without
 * the flag, replace with it, list, and stay private from OTHER_ROLE
 * (another officer of the same LA), who can neither see nor delete them.
 * Everything it saves it deletes. Prints TAP lines (tests/unit/unit.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "model/limit.h"
#include "model/saved_queue.h"
#include "unit.h"

#define FIRST_PARAM	3	/* the caller's own $1, $2 come first */

/* Attendance % this term, written another way: term by its dates. */
#define HAND_ATT \
	"(SELECT sum(x.present) * 100.0 / nullif(sum(x.possible), 0) " \
	"FROM cme.attendance x JOIN cme.term t ON t.la_code = x.la_code " \
	"AND t.term_id = x.term_id WHERE x.la_code = ch.la_code AND " \
	"x.child_id = ch.child_id AND t.starts = (SELECT max(t2.starts) " \
	"FROM cme.term t2 WHERE t2.la_code = ch.la_code AND " \
	"t2.starts <= current_date))"
#define HAND_POSSIBLE \
	"(SELECT sum(x.possible) FROM cme.attendance x JOIN cme.term t " \
	"ON t.la_code = x.la_code AND t.term_id = x.term_id WHERE " \
	"x.la_code = ch.la_code AND x.child_id = ch.child_id AND " \
	"t.starts = (SELECT max(t2.starts) FROM cme.term t2 WHERE " \
	"t2.la_code = ch.la_code AND t2.starts <= current_date))"
/* School days after d up to today, counted one by one. */
#define HAND_DAYS(la, d) \
	"(SELECT count(*) FROM generate_series(" d " + 1, current_date, " \
	"interval '1 day') g WHERE cme.is_school_day(" la ", g::date))"
#define HAND_LAST_SCHOOL_IS(v) \
	"EXISTS (SELECT 1 FROM cme.enrolment e WHERE e.la_code = ch.la_code " \
	"AND e.child_id = ch.child_id AND e.laestab = " v " AND NOT EXISTS " \
	"(SELECT 1 FROM cme.enrolment e2 WHERE e2.la_code = e.la_code AND " \
	"e2.child_id = e.child_id AND (e2.starts, e2.enrolment_id) > " \
	"(e.starts, e.enrolment_id)))"

struct check {
	enum limit_kind	 kind;
	const char	*pattern;
	const char	*hand;		/* WHERE over limit_from() */
};

static const struct check checks[] = {
	{ LIMIT_CASES, "status:enquiries", "c.status = 'enquiries'" },
	{ LIMIT_CASES, "status:open",
	  "c.status IN ('referred', 'enquiries', 'located', 'escalated')" },
	{ LIMIT_CASES, "status:referred,located | status:escalated",
	  "c.status IN ('referred', 'located', 'escalated')" },
	{ LIMIT_CASES, "officer:alex", "c.assigned_to = 'alex'" },
	{ LIMIT_CASES, "officer:me", "c.assigned_to = session_user" },
	{ LIMIT_CASES, "officer:Turner", "c.assigned_to = 'alex'" },
	{ LIMIT_CASES, "!officer:alex",
	  "c.assigned_to IS DISTINCT FROM 'alex'" },
	{ LIMIT_CASES, "officer:none status:open",
	  "c.assigned_to IS NULL AND c.status NOT IN ('closed', "
	  "'transferred')" },
	{ LIMIT_CASES, "team:mine",
	  "c.team_id = (SELECT s.team_id FROM cme.staff s "
	  "WHERE s.role_name = session_user)" },
	{ LIMIT_CASES, "team:south", "c.team_id IN (SELECT t.team_id FROM "
	  "cme.team t WHERE lower(t.name) LIKE '%south%')" },
	{ LIMIT_CASES, "team:2 | team:none",
	  "c.team_id = 2 OR c.team_id IS NULL" },
	{ LIMIT_CASES, "flag:cin | flag:cp",
	  "ch.child_in_need OR ch.child_protection" },
	{ LIMIT_CASES, "!flag:lac status:enq,ref",
	  "NOT ch.looked_after AND c.status IN ('enquiries', 'referred')" },
	{ LIMIT_CASES, "days>10 status:open",
	  HAND_DAYS("c.la_code", "c.referred_on") " > 10 AND c.status NOT IN "
	  "('closed', 'transferred')" },
	{ LIMIT_CASES, "days<=20",
	  HAND_DAYS("c.la_code", "c.referred_on") " <= 20" },
	{ LIMIT_CASES, "contact>10 status:open",
	  HAND_DAYS("c.la_code", "coalesce((SELECT max(k.contact_at)::date "
	  "FROM cme.case_contact k WHERE k.la_code = c.la_code AND "
	  "k.case_id = c.case_id), c.referred_on)") " > 10 AND c.status "
	  "NOT IN ('closed', 'transferred')" },
	{ LIMIT_CASES, "reason:whereabouts",
	  "c.reason = 'whereabouts_unknown'" },
	{ LIMIT_CASES, "reason:none", "c.reason IS NULL" },
	{ LIMIT_CASES, "att<90", HAND_ATT " < 90" },
	{ LIMIT_CASES, "!att<90",
	  "coalesce(" HAND_ATT " < 90, false) = false" },
	{ LIMIT_CASES, "name:smith",
	  "cme.name_key(concat_ws(' ', ch.legal_forename, "
	  "ch.legal_middle_names, ch.legal_surname, ch.preferred_forename, "
	  "ch.preferred_surname)) LIKE '%smith%' OR EXISTS (SELECT 1 FROM "
	  "cme.child_name n WHERE n.la_code = ch.la_code AND n.child_id = "
	  "ch.child_id AND cme.name_key(concat_ws(' ', n.forename, "
	  "n.surname)) LIKE '%smith%')" },
	{ LIMIT_CASES, "school:none", "NOT EXISTS (SELECT 1 FROM "
	  "cme.enrolment e WHERE e.la_code = ch.la_code AND e.child_id = "
	  "ch.child_id AND e.ends IS NULL)" },
	{ LIMIT_ALERTS, "rule:persistent status:open",
	  "a.rule = 'persistent_absence' AND a.status = 'open'" },
	{ LIMIT_ALERTS, "severity:high status:unresolved",
	  "a.severity = 'high' AND a.status <> 'resolved'" },
	{ LIMIT_ALERTS, "status:snoozed,acknowledged !severity:medium",
	  "a.status IN ('snoozed', 'acknowledged') AND "
	  "a.severity <> 'medium'" },
	{ LIMIT_ALERTS, "days>20 | officer:none",
	  HAND_DAYS("a.la_code", "a.raised_at::date") " > 20 OR "
	  "a.assigned_to IS NULL" },
	{ LIMIT_ALERTS, "officer:me", "a.assigned_to = session_user" },
	{ LIMIT_CHILDREN, "flag:sen", "ch.sen IN ('sen_support', 'ehcp')" },
	{ LIMIT_CHILDREN, "flag:ehcp | flag:grt | flag:service",
	  "ch.sen = 'ehcp' OR ch.grt OR ch.service_child" },
	{ LIMIT_CHILDREN, "flag:ehe",
	  "ch.ehe_status IN ('notified', 'assessing', 'suitable', "
	  "'unsuitable')" },
	{ LIMIT_CHILDREN, "team:none", "ch.team_id IS NULL" },
	{ LIMIT_CHILDREN, "persistent",
	  HAND_ATT " <= 90 AND " HAND_POSSIBLE " >= 20" },
	{ LIMIT_CHILDREN, "severe",
	  HAND_ATT " <= 50 AND " HAND_POSSIBLE " >= 20" },
	{ LIMIT_CHILDREN, "persistent !severe",
	  HAND_ATT " > 50 AND " HAND_ATT " <= 90 AND " HAND_POSSIBLE
	  " >= 20" },
	{ LIMIT_CHILDREN, "att>=95.5", HAND_ATT " >= 95.5" },
	{ LIMIT_CHILDREN, "school:none", "NOT EXISTS (SELECT 1 FROM "
	  "cme.enrolment e WHERE e.la_code = ch.la_code AND e.child_id = "
	  "ch.child_id AND e.ends IS NULL)" },
	{ LIMIT_CHILDREN, "upn:P830 | upn:N83",
	  "left(ch.upn, 4) = 'P830' OR left(ch.upn, 3) = 'N83' OR "
	  "EXISTS (SELECT 1 FROM cme.child_former_upn u WHERE u.la_code = "
	  "ch.la_code AND u.child_id = ch.child_id AND (left(u.upn, 4) = "
	  "'P830' OR left(u.upn, 3) = 'N83'))" },
	{ LIMIT_CHILDREN, "name:wisniewsk",
	  "cme.name_key(concat_ws(' ', ch.legal_forename, "
	  "ch.legal_middle_names, ch.legal_surname, ch.preferred_forename, "
	  "ch.preferred_surname)) LIKE '%wisniewsk%' OR EXISTS (SELECT 1 "
	  "FROM cme.child_name n WHERE n.la_code = ch.la_code AND "
	  "n.child_id = ch.child_id AND cme.name_key(concat_ws(' ', "
	  "n.forename, n.surname)) LIKE '%wisniewsk%')" },
};

static struct db *
connect_as(const char *role)
{
	struct db_params	 params;
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct db		*db;

	db_params_init(&params);
	db_params_add(&params, "user", role);
	db = db_connect(&params, &err);
	db_params_release(&params);
	if (db == NULL) {
		unit_result(0, "limit: connect as %s", role);
		unit_diag("%s", err.message != NULL ? err.message : "?");
		db_error_release(&err);
	}
	return (db);
}

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
}

/* One number from a statement, or -1 with a "not ok" printed. */
static long
count(struct db *db, const char *sql, int n, const char *const *params,
    const char *what)
{
	struct db_error	 err = { "", NULL, NULL, NULL };
	struct db_rows	*r;
	const char	*v;
	long		 c;

	if ((r = db_query(db, sql, n, params, &err)) == NULL) {
		unit_result(0, "limit: %s runs", what);
		unit_diag("%s %s", err.sqlstate,
		    err.message != NULL ? err.message : "?");
		unit_diag("%s", sql);
		db_error_release(&err);
		return (-1);
	}
	v = db_rows_count(r) > 0 ? db_rows_value(r, 0, 0) : NULL;
	c = v != NULL ? atol(v) : -1;
	db_rows_free(r);
	return (c);
}

static void
test_patterns(struct db *db)
{
	struct limit_sql	 out;
	struct limit_error	 err;
	const char		*params[64];
	char			 sql[8192];
	size_t			 i;
	long			 got, want;
	int			 j, nonzero = 0;
	double			 t0, ms;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		const struct check	*c = &checks[i];

		if (limit_build(c->pattern, c->kind, FIRST_PARAM, &out,
		    &err) != 0) {
			unit_result(0, "limit: %s '%s' compiles",
			    limit_kind_name(c->kind), c->pattern);
			unit_diag("%s", err.message);
			continue;
		}
		/* $1 and $2 are the caller's: here two unused values. */
		params[0] = "unused";
		params[1] = "unused";
		for (j = 0; j < out.nparams && j + 2 < 64; j++)
			params[j + 2] = out.params[j];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s "
		    "AND $1::text = $2::text", limit_from(c->kind), out.where);
		t0 = now_ms();
		got = count(db, sql, out.nparams + 2, params, c->pattern);
		ms = now_ms() - t0;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s",
		    limit_from(c->kind), c->hand);
		want = count(db, sql, 0, NULL, c->hand);
		if (got >= 0 && want >= 0 && !unit_result(got == want,
		    "limit: %s '%s' selects the same rows as SQL written by "
		    "hand", limit_kind_name(c->kind), c->pattern))
			unit_diag("pattern %ld rows, by hand %ld", got, want);
		printf("# %s '%s': %ld rows in %.1f ms\n",
		    limit_kind_name(c->kind), c->pattern, got, ms);
		if (got > 0)
			nonzero++;
		limit_sql_release(&out);
	}
	unit_result(nonzero >= (int)(sizeof checks / sizeof checks[0]) * 2 / 3,
	    "limit: most patterns match some rows (%d of %zu), so the "
	    "comparisons mean something", nonzero,
	    sizeof checks / sizeof checks[0]);
}

/*
 * Every listed value of field, except the shorthand pseudo (not a value
 * the database stores), is in the list the database has.
 */
static void
test_values(struct db *db, const char *field, enum limit_kind kind,
    const char *sql_has, const char *pseudo)
{
	const char *const	*v;
	const char		*p[1];
	int			 i, bad = 0, n = 0;

	for (v = limit_field_values(field, kind); v != NULL && *v != NULL;
	    v++) {
		if (pseudo != NULL && strcmp(pseudo, *v) == 0)
			continue;
		p[0] = *v;
		n++;
		if (count(db, sql_has, 1, p, *v) != 1) {
			bad++;
			unit_diag("%s '%s' is not in the database", field, *v);
		}
	}
	i = n;
	unit_result(bad == 0 && n > 0, "limit: the %d values of %s for %s are "
	    "the database's", i, field, limit_kind_name(kind));
}

static void
test_reference(struct db *db)
{
	const char *const	*v;
	char			 list[2048] = "";
	const char		*p[1];
	long			 n;

	test_values(db, "reason", LIMIT_CASES,
	    "SELECT count(*) FROM cme.cme_reason WHERE code = $1", "none");
	test_values(db, "rule", LIMIT_ALERTS,
	    "SELECT count(*) FROM cme.alert_rule WHERE rule = $1", NULL);
	test_values(db, "status", LIMIT_CASES,
	    "SELECT count(*) FROM pg_constraint WHERE conrelid = "
	    "'cme.cme_case'::regclass AND contype = 'c' AND "
	    "pg_get_constraintdef(oid) LIKE '%(status = ANY%''' || $1 || "
	    "'''%'", "open");
	test_values(db, "status", LIMIT_ALERTS,
	    "SELECT count(*) FROM pg_constraint WHERE conrelid = "
	    "'cme.alert'::regclass AND contype = 'c' AND "
	    "pg_get_constraintdef(oid) LIKE '%(status = ANY%''' || $1 || "
	    "'''%'", "unresolved");
	test_values(db, "severity", LIMIT_ALERTS,
	    "SELECT count(*) FROM pg_constraint WHERE conrelid = "
	    "'cme.alert'::regclass AND contype = 'c' AND "
	    "pg_get_constraintdef(oid) LIKE '%(severity = ANY%''' || $1 || "
	    "'''%'", NULL);
	/* And the other way: nothing in the database is missing here. */
	for (v = limit_field_values("reason", LIMIT_CASES); *v != NULL; v++)
		snprintf(list + strlen(list), sizeof list - strlen(list),
		    "%s%s", list[0] != '\0' ? "," : "", *v);
	p[0] = list;
	n = count(db, "SELECT count(*) FROM cme.cme_reason WHERE code <> "
	    "ALL (string_to_array($1, ','))", 1, p, "reasons");
	UNIT_INT_EQ(n, 0, "limit: every reason in the database is listed");
	list[0] = '\0';
	for (v = limit_field_values("rule", LIMIT_ALERTS); *v != NULL; v++)
		snprintf(list + strlen(list), sizeof list - strlen(list),
		    "%s%s", list[0] != '\0' ? "," : "", *v);
	n = count(db, "SELECT count(*) FROM cme.alert_rule WHERE rule <> "
	    "ALL (string_to_array($1, ','))", 1, p, "rules");
	UNIT_INT_EQ(n, 0, "limit: every alert rule in the database is listed");
}

static void
test_injection(struct db *db)
{
	struct limit_sql	 out;
	struct limit_error	 err;
	char			 sql[8192];
	long			 n;

	if (limit_build("name:\"x'); DROP TABLE cme.child; --\" | "
	    "school:\"a' OR '1'='1\"", LIMIT_CHILDREN, 1, &out, &err) != 0) {
		unit_result(0, "limit: the injection pattern compiles");
		return;
	}
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s",
	    limit_from(LIMIT_CHILDREN), out.where);
	n = count(db, sql, out.nparams, (const char *const *)out.params,
	    "injection");
	UNIT_INT_EQ(n, 0, "limit: SQL typed into values runs as values "
	    "(and matches nothing)");
	n = count(db, "SELECT count(*) FROM cme.child", 0, NULL, "children");
	UNIT_CHECK(n > 0, "limit: ... cme.child is still there");
	limit_sql_release(&out);
}

/* Runs a prepared saved-queue statement; rows returned, or -1. */
static long
run_stmt(struct db *db, const struct saved_queue_stmt *st, const char *what)
{
	struct db_error	 err = { "", NULL, NULL, NULL };
	struct db_rows	*r;
	long		 n;

	r = db_query(db, st->sql, st->nparams, st->params, &err);
	if (r == NULL) {
		unit_result(0, "queues: %s runs", what);
		unit_diag("%s %s", err.sqlstate,
		    err.message != NULL ? err.message : "?");
		db_error_release(&err);
		return (-1);
	}
	n = db_rows_count(r);
	db_rows_free(r);
	return (n);
}

/* The caller's queues; *found = position of name's entry, or -1. */
static size_t
list_queues(struct db *db, const char *name, const char **pattern_out,
    char *kind_out, size_t kindsize)
{
	struct saved_queue_stmt	 st;
	struct db_error		 err = { "", NULL, NULL, NULL };
	struct db_rows		*r;
	struct saved_queue	*q;
	size_t			 n, i, found = (size_t)-1;
	static char		 pattern[LIMIT_PATTERN_MAX + 1];

	saved_queue_prepare_list(&st);
	r = db_query(db, st.sql, st.nparams, st.params, &err);
	saved_queue_stmt_release(&st);
	if (r == NULL) {
		unit_result(0, "queues: list runs");
		unit_diag("%s", err.message != NULL ? err.message : "?");
		db_error_release(&err);
		return (found);
	}
	q = saved_queue_list_read(r, &n);
	for (i = 0; i < n; i++) {
		if (strcmp(q[i].name, name) != 0)
			continue;
		found = i;
		snprintf(pattern, sizeof pattern, "%s", q[i].pattern);
		snprintf(kind_out, kindsize, "%s", limit_kind_name(q[i].kind));
	}
	if (pattern_out != NULL)
		*pattern_out = found != (size_t)-1 ? pattern : NULL;
	saved_queue_list_free(q, n);
	db_rows_free(r);
	return (found);
}

static void
test_queues(struct db *db, struct db *other, const char *role,
    const char *other_role)
{
	struct saved_queue_stmt	 st;
	const char		*pattern;
	char			 msg[SAVED_QUEUE_MSG_MAX], kind[16];
	const char		*name = "Test: overdue, no contact";
	long			 n;

	/* Leftovers of an interrupted run. */
	if (saved_queue_prepare_delete(&st, name, msg, sizeof msg) == 0) {
		run_stmt(db, &st, "clean-up");
		run_stmt(other, &st, "clean-up");
	}
	saved_queue_stmt_release(&st);

	UNIT_INT_EQ(saved_queue_prepare_save(&st, name, LIMIT_CASES,
	    "stats:open", false, msg, sizeof msg), -1,
	    "queues: a pattern that does not parse is never saved");
	UNIT_STR_EQ(msg, "at 1: unknown field 'stats' (did you mean status?)",
	    "queues: ... and the officer is told where");
	saved_queue_stmt_release(&st);
	UNIT_INT_EQ(saved_queue_prepare_save(&st, "  ", LIMIT_CASES,
	    "status:open", false, msg, sizeof msg), -1,
	    "queues: a blank name is refused");
	saved_queue_stmt_release(&st);

	saved_queue_prepare_save(&st, name, LIMIT_CASES,
	    "Status:OPEN officer:me  contact>10", false, msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(db, &st, "save"), 1,
	    "queues: a new queue is saved");
	saved_queue_stmt_release(&st);
	saved_queue_prepare_save(&st, name, LIMIT_CASES, "status:referred",
	    false, msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(db, &st, "save again"), 0,
	    "queues: saving over the same name without the flag stores "
	    "nothing (ask first)");
	saved_queue_stmt_release(&st);
	list_queues(db, name, &pattern, kind, sizeof kind);
	UNIT_STR_EQ(pattern, "status:open officer:me contact>10",
	    "queues: ... the first stays, in canonical form");
	saved_queue_prepare_save(&st, name, LIMIT_ALERTS,
	    "status:open severity:high", true, msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(db, &st, "replace"), 1,
	    "queues: with the flag it is replaced");
	saved_queue_stmt_release(&st);
	list_queues(db, name, &pattern, kind, sizeof kind);
	UNIT_STR_EQ(pattern, "status:open severity:high",
	    "queues: ... with the new pattern");
	UNIT_STR_EQ(kind, "alerts", "queues: ... and the new list kind");

	/* Another officer of the same LA. */
	UNIT_CHECK(list_queues(other, name, NULL, kind, sizeof kind) ==
	    (size_t)-1, "queues: another officer does not see it");
	n = count(other, "SELECT count(*) FROM cme.saved_queue "
	    "WHERE owner <> current_user", 0, NULL, "others' queues");
	UNIT_INT_EQ(n, 0, "queues: ... nor anyone else's, even asking for "
	    "them");
	saved_queue_prepare_delete(&st, name, msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(other, &st, "delete as the other"), 0,
	    "queues: ... and cannot delete it");
	saved_queue_stmt_release(&st);
	saved_queue_prepare_save(&st, name, LIMIT_CASES, "flag:lac", false,
	    msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(other, &st, "save as the other"), 1,
	    "queues: the other officer may use the same name for their own");
	saved_queue_stmt_release(&st);
	list_queues(db, name, &pattern, kind, sizeof kind);
	UNIT_STR_EQ(pattern, "status:open severity:high",
	    "queues: ... which leaves the first officer's alone");
	printf("# (%s and %s)\n", role, other_role);

	saved_queue_prepare_move(&st, name, 7, msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(db, &st, "move"), 1, "queues: a queue can move");
	saved_queue_stmt_release(&st);
	saved_queue_prepare_delete(&st, name, msg, sizeof msg);
	UNIT_INT_EQ(run_stmt(db, &st, "delete"), 1, "queues: and be deleted");
	UNIT_INT_EQ(run_stmt(other, &st, "delete the other's"), 1,
	    "queues: (the other officer's too, by its owner)");
	UNIT_INT_EQ(run_stmt(db, &st, "delete again"), 0,
	    "queues: deleting what is gone finds nothing");
	saved_queue_stmt_release(&st);
}

int
main(int argc, char **argv)
{
	struct db	*db, *other;

	if (argc != 3) {
		fprintf(stderr, "usage: db_limit_check ROLE OTHER_ROLE\n");
		return (2);
	}
	if ((db = connect_as(argv[1])) == NULL ||
	    (other = connect_as(argv[2])) == NULL)
		return (unit_done());
	test_patterns(db);
	test_reference(db);
	test_injection(db);
	test_queues(db, other, argv[1], argv[2]);
	db_close(db);
	db_close(other);
	return (unit_done());
}
