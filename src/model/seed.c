/*
 * seed.c — `cme db seed --demo`: checks, one transaction, login roles,
 * then the COPY passes (seed_load.c), then ANALYZE.
 *
 * Owns the transaction and everything that is one statement rather than a
 * stream: the refusal to seed twice, reading the reference lists the
 * generator must agree with (attendance codes, enquiry items, alert
 * rules), the id bases, the demo LAs' settings, the login roles and their
 * group memberships, moving the identity sequences past the ids it chose,
 * and one audit link per LA recording the bulk load (the per-row audit
 * triggers are skipped with cme.bulk_load, 009_audit.sql).
 *
 * Role DDL cannot take parameters, so those few statements are built as
 * text from the static staff table (seed_world.c) with every identifier
 * quoted by seed_quote_ident(); no part of them comes from user input.
 * Everything else is parameterised or COPY.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/seed.h"

#include "db/db.h"
#include "model/seed_copy.h"
#include "model/seed_family.h"
#include "model/seed_load.h"
#include "model/seed_world.h"
#include "util/date.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

static int	 seed_prepare(struct db *, struct seed_world *,
		     struct db_error *);
static int	 seed_refuse(struct db *, struct db_error *);
static int	 seed_reference(struct db *, struct seed_world *,
		     struct db_error *);
static int	 seed_bases(struct db *, struct seed_world *,
		     struct db_error *);
static int	 seed_settings(struct db *, struct seed_world *,
		     struct db_error *);
static int	 seed_roles(struct db *, struct db_error *);
static int	 seed_finish(struct db *, struct seed_world *,
		     const struct seed_options *, struct db_error *);
static void	 seed_quote_ident(struct sbuf *, const char *);
static double	 seed_now(void);

/* Demo tables, for ANALYZE and the sequences. */
static const struct {
	const char	*table;
	const char	*id;	/* identity column, or NULL */
} seed_tables[] = {
	{ "cme.school", NULL }, { "cme.team", "team_id" },
	{ "cme.staff", NULL }, { "cme.term", "term_id" },
	{ "cme.non_school_day", NULL }, { "cme.child", "child_id" },
	{ "cme.child_name", "name_id" }, { "cme.child_former_upn", NULL },
	{ "cme.person", "person_id" }, { "cme.child_person", NULL },
	{ "cme.address", "address_id" }, { "cme.enrolment", "enrolment_id" },
	{ "cme.attendance", NULL }, { "cme.cme_case", "case_id" },
	{ "cme.case_contact", "contact_id" }, { "cme.case_enquiry", NULL },
	{ "cme.register_return", "return_id" }, { "cme.alert", "alert_id" },
	{ "cme.la_settings", NULL },
};
#define SEED_NTABLES	((int)(sizeof seed_tables / sizeof seed_tables[0]))

static double
seed_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* Appends id as a quoted SQL identifier ("a""b"). */
static void
seed_quote_ident(struct sbuf *sb, const char *id)
{
	sbuf_append_char(sb, '"');
	for (; *id != '\0'; id++) {
		if (*id == '"')
			sbuf_append_char(sb, '"');
		sbuf_append_char(sb, *id);
	}
	sbuf_append_char(sb, '"');
}

/* The schema must be there and we must be allowed to do all this. */
static int
seed_prepare(struct db *db, struct seed_world *w, struct db_error *err)
{
	struct db_rows	*rows;
	const char	*v;
	int		 rc = -1;

	(void)w;
	rows = db_query(db, "SELECT to_regclass('cme.child') IS NOT NULL "
	    "AND to_regclass('cme.alert') IS NOT NULL, "
	    "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)",
	    0, NULL, err);
	if (rows == NULL)
		return (-1);
	v = db_rows_value(rows, 0, 0);
	if (v == NULL || strcmp(v, "t") != 0) {
		db_error_set(err, "", "the cme schema is missing or out of "
		    "date; run: cme db migrate");
		goto out;
	}
	v = db_rows_value(rows, 0, 1);
	if (v == NULL || strcmp(v, "t") != 0) {
		db_error_set(err, "", "cme db seed must run as a superuser: "
		    "it creates login roles and bulk-loads past the audit "
		    "triggers (set PGUSER)");
		goto out;
	}
	rc = 0;
out:
	db_rows_free(rows);
	return (rc);
}

/* Either demo LA already holding children or schools: refuse. */
static int
seed_refuse(struct db *db, struct db_error *err)
{
	struct db_rows	*rows;
	const char	*la, *what;
	int		 rc = -1;

	if (db_command(db, "LOCK TABLE cme.child, cme.school IN SHARE ROW "
	    "EXCLUSIVE MODE", 0, NULL, err) < 0)
		return (-1);
	rows = db_query(db, "SELECT la_code, 'children' FROM cme.child "
	    "WHERE la_code IN (830, 886) "
	    "UNION ALL SELECT la_code, 'schools' FROM cme.school "
	    "WHERE la_code IN (830, 886) "
	    "ORDER BY 2, 1 LIMIT 1", 0, NULL, err);
	if (rows == NULL)
		return (-1);
	if (db_rows_count(rows) > 0) {
		la = db_rows_value(rows, 0, 0);
		what = db_rows_value(rows, 0, 1);
		if (strcmp(what, "children") == 0)
			db_error_set(err, "", "database already holds demo "
			    "data for LA %s; use a fresh database", la);
		else
			db_error_set(err, "", "database already holds schools "
			    "for LA %s (demo data or a school list); use a "
			    "fresh database", la);
		goto out;
	}
	rc = 0;
out:
	db_rows_free(rows);
	return (rc);
}

/* The reference lists the generator must agree with. */
static int
seed_reference(struct db *db, struct seed_world *w, struct db_error *err)
{
	static const char *const rules[] = {
		"persistent_absence", "severe_absence", "unauth_streak",
		"n_code_unresolved", "joint_enquiries", "no_destination",
		"absence_return", "sickness_return", "case_clock_overdue",
	};
	struct db_rows	*rows;
	const char	*missing;
	int		 i, j, n;

	rows = db_query(db, "SELECT code, packed, category "
	    "FROM cme.attendance_code ORDER BY sort", 0, NULL, err);
	if (rows == NULL)
		return (-1);
	seed_codes_init(&w->codes);
	for (i = 0; i < db_rows_count(rows); i++)
		if (seed_codes_add(&w->codes, db_rows_value(rows, i, 0),
		    db_rows_value(rows, i, 1),
		    db_rows_value(rows, i, 2)) != 0) {
			db_error_set(err, "", "cme.attendance_code: code %s "
			    "has an unusable packed character or category",
			    db_rows_value(rows, i, 0));
			db_rows_free(rows);
			return (-1);
		}
	db_rows_free(rows);
	if ((missing = seed_codes_missing(&w->codes)) != NULL) {
		db_error_set(err, "", "cme.attendance_code lacks code %s, "
		    "which the seed uses", missing);
		return (-1);
	}

	rows = db_query(db, "SELECT item, la_level FROM cme.enquiry_item "
	    "WHERE active ORDER BY sort", 0, NULL, err);
	if (rows == NULL)
		return (-1);
	n = db_rows_count(rows);
	if (n > (int)(sizeof w->enquiry / sizeof w->enquiry[0]))
		n = (int)(sizeof w->enquiry / sizeof w->enquiry[0]);
	for (i = 0; i < n; i++) {
		snprintf(w->enquiry[i], sizeof w->enquiry[i], "%s",
		    db_rows_value(rows, i, 0));
		w->enquiry_la[i] = strcmp(db_rows_value(rows, i, 1), "t") == 0;
	}
	w->nenquiry = n;
	db_rows_free(rows);
	if (n < 4) {
		db_error_set(err, "", "cme.enquiry_item has %d active items; "
		    "the seed needs at least 4", n);
		return (-1);
	}

	rows = db_query(db, "SELECT rule, severity FROM cme.alert_rule "
	    "ORDER BY sort", 0, NULL, err);
	if (rows == NULL)
		return (-1);
	n = db_rows_count(rows);
	if (n > (int)(sizeof w->rule / sizeof w->rule[0]))
		n = (int)(sizeof w->rule / sizeof w->rule[0]);
	for (i = 0; i < n; i++) {
		snprintf(w->rule[i], sizeof w->rule[i], "%s",
		    db_rows_value(rows, i, 0));
		snprintf(w->severity[i], sizeof w->severity[i], "%s",
		    db_rows_value(rows, i, 1));
	}
	w->nrule = n;
	db_rows_free(rows);
	for (i = 0; i < (int)(sizeof rules / sizeof rules[0]); i++) {
		for (j = 0; j < w->nrule; j++)
			if (strcmp(w->rule[j], rules[i]) == 0)
				break;
		if (j == w->nrule) {
			db_error_set(err, "", "cme.alert_rule lacks rule %s, "
			    "which the seed uses", rules[i]);
			return (-1);
		}
	}
	return (0);
}

/* The first free id of each identity column. */
static int
seed_bases(struct db *db, struct seed_world *w, struct db_error *err)
{
	struct db_rows	*rows;
	long long	 v[11];
	int		 i;

	rows = db_query(db, "SELECT "
	    "(SELECT coalesce(max(child_id), 0) + 1 FROM cme.child), "
	    "(SELECT coalesce(max(person_id), 0) + 1 FROM cme.person), "
	    "(SELECT coalesce(max(address_id), 0) + 1 FROM cme.address), "
	    "(SELECT coalesce(max(name_id), 0) + 1 FROM cme.child_name), "
	    "(SELECT coalesce(max(enrolment_id), 0) + 1 FROM cme.enrolment), "
	    "(SELECT coalesce(max(case_id), 0) + 1 FROM cme.cme_case), "
	    "(SELECT coalesce(max(contact_id), 0) + 1 FROM cme.case_contact), "
	    "(SELECT coalesce(max(alert_id), 0) + 1 FROM cme.alert), "
	    "(SELECT coalesce(max(return_id), 0) + 1 "
	    "   FROM cme.register_return), "
	    "(SELECT coalesce(max(team_id), 0) + 1 FROM cme.team), "
	    "(SELECT coalesce(max(term_id), 0) + 1 FROM cme.term)",
	    0, NULL, err);
	if (rows == NULL)
		return (-1);
	for (i = 0; i < 11; i++)
		v[i] = strtoll(db_rows_value(rows, 0, i), NULL, 10);
	db_rows_free(rows);
	w->base_child = v[0];
	w->base_person = v[1];
	w->base_address = v[2];
	w->base_name = v[3];
	w->base_enrolment = v[4];
	w->base_case = v[5];
	w->base_contact = v[6];
	w->base_alert = v[7];
	w->base_return = v[8];
	w->base_team = (int)v[9];
	w->base_term = (int)v[10];
	return (0);
}

/* The LA rows (if the reference list lacks them) and their settings. */
static int
seed_settings(struct db *db, struct seed_world *w, struct db_error *err)
{
	const char	*p[3];
	char		 code[8], at[40];
	int		 i;

	for (i = 0; i < SEED_LAS; i++) {
		snprintf(code, sizeof code, "%d", w->la[i].la_code);
		p[0] = code;
		p[1] = w->la[i].name;
		if (db_command(db, "INSERT INTO cme.la (la_code, name) "
		    "VALUES ($1, $2) ON CONFLICT (la_code) DO NOTHING", 2, p,
		    err) < 0)
			return (-1);
		date_format_iso(w->la[i].years[0].terms[0].starts, at);
		strcat(at, " 09:00:00+01");
		p[1] = at;
		if (db_command(db, "INSERT INTO cme.la_settings (la_code, "
		    "updated_at) VALUES ($1, $2) ON CONFLICT (la_code) "
		    "DO NOTHING", 2, p, err) < 0)
			return (-1);
	}
	return (0);
}

/*
 * The demo's login roles: created when missing (LOGIN, no password: the
 * demo cluster trusts its socket), given LOGIN if someone made them
 * NOLOGIN, and granted their cme group role.
 */
static int
seed_roles(struct db *db, struct db_error *err)
{
	const struct seed_staff	*st;
	struct db_rows		*rows;
	struct sbuf		 sql = SBUF_INIT;
	const char		*p[2], *login, *member;
	int			 i, rc = -1;

	for (i = 0; i < seed_world_staff_count(); i++) {
		st = seed_world_staff(i);
		p[0] = st->role;
		p[1] = st->group;
		rows = db_query(db, "SELECT r.rolcanlogin, "
		    "pg_has_role(r.oid, g.oid, 'MEMBER') "
		    "FROM pg_roles g LEFT JOIN pg_roles r ON r.rolname = $1 "
		    "WHERE g.rolname = $2", 2, p, err);
		if (rows == NULL)
			goto out;
		if (db_rows_count(rows) != 1) {
			db_rows_free(rows);
			db_error_set(err, "", "group role %s is missing; run: "
			    "cme db migrate", st->group);
			goto out;
		}
		login = db_rows_value(rows, 0, 0);
		member = db_rows_value(rows, 0, 1);
		sbuf_reset(&sql);
		if (login == NULL) {
			sbuf_append_str(&sql, "CREATE ROLE ");
			seed_quote_ident(&sql, st->role);
			sbuf_append_str(&sql, " LOGIN");
		} else if (strcmp(login, "t") != 0) {
			sbuf_append_str(&sql, "ALTER ROLE ");
			seed_quote_ident(&sql, st->role);
			sbuf_append_str(&sql, " LOGIN");
		}
		if (sql.len > 0 && db_command(db, sql.buf, 0, NULL, err) < 0) {
			db_rows_free(rows);
			goto out;
		}
		sbuf_reset(&sql);
		if (member == NULL || strcmp(member, "t") != 0) {
			sbuf_append_str(&sql, "GRANT ");
			seed_quote_ident(&sql, st->group);
			sbuf_append_str(&sql, " TO ");
			seed_quote_ident(&sql, st->role);
			if (db_command(db, sql.buf, 0, NULL, err) < 0) {
				db_rows_free(rows);
				goto out;
			}
		}
		db_rows_free(rows);
	}
	rc = 0;
out:
	sbuf_release(&sql);
	return (rc);
}

/* Sequences past our ids, and one audit link per LA for the load. */
static int
seed_finish(struct db *db, struct seed_world *w,
    const struct seed_options *opt, struct db_error *err)
{
	struct sbuf	 sql = SBUF_INIT;
	const char	*p[2];
	char		 code[8], after[256], iso[DATE_ISO_LEN + 1];
	int		 i, rc = -1;

	for (i = 0; i < SEED_NTABLES; i++) {
		if (seed_tables[i].id == NULL)
			continue;
		sbuf_reset(&sql);
		sbuf_appendf(&sql, "SELECT setval(pg_get_serial_sequence("
		    "'%s', '%s'), max(%s)) FROM %s", seed_tables[i].table,
		    seed_tables[i].id, seed_tables[i].id, seed_tables[i].table);
		if (db_command(db, sql.buf, 0, NULL, err) < 0)
			goto out;
	}
	date_format_iso(opt->as_of, iso);
	for (i = 0; i < SEED_LAS; i++) {
		snprintf(code, sizeof code, "%d", w->la[i].la_code);
		snprintf(after, sizeof after, "{\"children\": %d, \"schools\": "
		    "%d, \"seed\": %llu, \"as_of\": \"%s\", \"marks\": %ld}",
		    w->la[i].nchildren, w->la[i].nschools,
		    (unsigned long long)opt->seed, iso, w->la[i].marks);
		p[0] = code;
		p[1] = after;
		if (db_command(db, "SELECT cme.audit_write($1::smallint, "
		    "'bulk_load', 'demo_seed', '', NULL, NULL, $2::jsonb)",
		    2, p, err) < 0)
			goto out;
	}
	rc = 0;
out:
	sbuf_release(&sql);
	return (rc);
}

int
seed_run(struct db *db, const struct seed_options *opt, struct db_error *err)
{
	struct seed_world	*w;
	struct db_error		 scratch = { "", NULL, NULL, NULL };
	struct sbuf		 sql = SBUF_INIT;
	FILE			*out = opt->progress;
	char			 iso[DATE_ISO_LEN + 1];
	double			 t0;
	int			 i, rc = -1;
	bool			 begun = false;

	if (!opt->demo) {
		db_error_set(err, "", "only --demo data can be seeded");
		return (-1);
	}
	if (opt->as_of < date_from_ymd(2005, 9, 1) ||
	    opt->as_of > date_from_ymd(2095, 8, 31)) {
		db_error_set(err, "", "--as-of must lie between 2005-09-01 "
		    "and 2095-08-31");
		return (-1);
	}
	t0 = seed_now();
	w = xcalloc(1, sizeof *w);
	w->seed = opt->seed;
	w->as_of = opt->as_of;
	w->large = opt->large;
	w->pupils = opt->pupils > 0 ? opt->pupils : opt->large ?
	    SEED_LARGE_PUPILS : SEED_DEFAULT_PUPILS;

	if (seed_prepare(db, w, err) != 0)
		goto out;
	if (db_command(db, "BEGIN", 0, NULL, err) < 0)
		goto out;
	begun = true;
	if (db_command(db, "SET LOCAL cme.bulk_load = on", 0, NULL, err) < 0 ||
	    seed_refuse(db, err) != 0 || seed_reference(db, w, err) != 0 ||
	    seed_bases(db, w, err) != 0)
		goto out;

	seed_world_init(w);
	seed_family_plan(w);
	date_format_iso(w->as_of, iso);
	if (out != NULL) {
		if (w->large)
			fprintf(out, "seeding LA 830 (large, %d staff): %d "
			    "children, LA 886: %d, as of %s, seed %llu\n",
			    SEED_LARGE_STAFF, w->la[0].nchildren,
			    w->la[1].nchildren, iso,
			    (unsigned long long)w->seed);
		else
			fprintf(out, "seeding LAs 830 and 886: %d children "
			    "each, as of %s, seed %llu\n", w->pupils, iso,
			    (unsigned long long)w->seed);
		fflush(out);
	}
	if (seed_settings(db, w, err) != 0 || seed_roles(db, err) != 0 ||
	    seed_load_tables(db, w, out, err) != 0 ||
	    seed_finish(db, w, opt, err) != 0)
		goto out;
	if (db_command(db, "COMMIT", 0, NULL, err) < 0) {
		begun = false;
		goto out;
	}
	begun = false;

	/* Fresh statistics, after COMMIT (ANALYZE sees committed rows). */
	sbuf_append_str(&sql, "ANALYZE ");
	for (i = 0; i < SEED_NTABLES; i++)
		sbuf_appendf(&sql, "%s%s", i > 0 ? ", " : "",
		    seed_tables[i].table);
	if (db_command(db, sql.buf, 0, NULL, err) < 0)
		goto out;
	if (out != NULL)
		fprintf(out, "seeded in %.1f s\n", seed_now() - t0);
	rc = 0;
out:
	if (begun) {
		(void)db_command(db, "ROLLBACK", 0, NULL, &scratch);
		db_error_release(&scratch);
	}
	sbuf_release(&sql);
	seed_world_release(w);
	free(w);
	return (rc);
}
