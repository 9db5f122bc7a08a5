/*
 * migrate.c — applies the embedded schema migrations, and reports status.
 *
 * Each migration runs in its own transaction together with the row that
 * records it in cme_migrate.applied, so a failure leaves the database at
 * the previous version. A session advisory lock keeps two migrators from
 * racing. Applied files are remembered with a SHA-256 of their text so that
 * `cme db status` can say when a file changed after it was applied.
 *
 * The migration text is static SQL shipped in the binary (several
 * statements per file), so it goes through the simple query protocol; every
 * other statement here is parameterised.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "db/migrate.h"
#include "db/migrations.h"
#include "util/xmalloc.h"

#define MIGRATE_LOCK_KEY	"4242"	/* pg_advisory_lock key for cme */

static const char *migrate_bootstrap =
    "SET client_min_messages = warning;"
    "CREATE SCHEMA IF NOT EXISTS cme_migrate;"
    "REVOKE ALL ON SCHEMA cme_migrate FROM PUBLIC;"
    "CREATE TABLE IF NOT EXISTS cme_migrate.applied ("
    " version int PRIMARY KEY,"
    " name text NOT NULL,"
    " checksum text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now(),"
    " applied_by name NOT NULL DEFAULT session_user)";

/* Line number of a 1-based character offset into text. */
static int
migrate_line_of(const char *text, long offset)
{
	int	line = 1;
	long	i;

	for (i = 0; text[i] != '\0' && i < offset - 1; i++)
		if (text[i] == '\n')
			line++;
	return (line);
}

/* Runs one migration file's text; on error names file:line in err. */
static int
migrate_apply_one(struct db *db, const struct migration_file *m,
    struct db_error *err)
{
	PGresult	*res;
	PGconn		*conn = db_pgconn(db);
	char		 version[16];
	const char	*params[3];
	int		 rc = 0;

	res = PQexec(conn, "BEGIN");
	PQclear(res);
	if (!PQsendQuery(conn, m->sql)) {
		db_error_from_conn(err, conn);
		rc = -1;
	}
	while (rc == 0 && (res = PQgetResult(conn)) != NULL) {
		ExecStatusType st = PQresultStatus(res);

		if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
		    st != PGRES_EMPTY_QUERY && rc == 0) {
			const char *pos;
			char *msg;
			int line = 0;

			db_error_from_result(err, res);
			pos = PQresultErrorField(res,
			    PG_DIAG_STATEMENT_POSITION);
			if (pos != NULL)
				line = migrate_line_of(m->sql, atol(pos));
			msg = xasprintf("src/db/sql/%03d_%s.sql:%d: %s",
			    m->version, m->name, line, err->message);
			free(err->message);
			err->message = msg;
			rc = -1;
		}
		PQclear(res);
	}
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
	if (rc == 0) {
		snprintf(version, sizeof version, "%d", m->version);
		params[0] = version;
		params[1] = m->name;
		params[2] = m->sql;
		if (db_command(db, "INSERT INTO cme_migrate.applied "
		    "(version, name, checksum) VALUES ($1::int, $2, "
		    "encode(sha256(convert_to($3, 'UTF8')), 'hex'))",
		    3, params, err) < 0)
			rc = -1;
	}
	res = PQexec(conn, rc == 0 ? "COMMIT" : "ROLLBACK");
	if (rc == 0 && PQresultStatus(res) != PGRES_COMMAND_OK) {
		db_error_from_result(err, res);
		rc = -1;
	}
	PQclear(res);
	return (rc);
}

/* Is version v recorded in rows (column 0)? */
static int
migrate_is_applied(const struct db_rows *rows, int v)
{
	int	i;

	for (i = 0; i < db_rows_count(rows); i++)
		if (atoi(db_rows_value(rows, i, 0)) == v)
			return (1);
	return (0);
}

int
db_migrate(struct db *db, migrate_progress_fn progress, void *arg,
    struct db_error *err)
{
	struct db_rows	*applied;
	int		 i, rc = 0, n = 0;

	if (db_command(db, "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")",
	    0, NULL, err) < 0)
		return (-1);
	if (db_exec_script(db, migrate_bootstrap, err) != 0) {
		rc = -1;
		goto out;
	}
	applied = db_query(db, "SELECT version FROM cme_migrate.applied",
	    0, NULL, err);
	if (applied == NULL) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < cme_migration_count; i++) {
		const struct migration_file *m = &cme_migrations[i];

		if (migrate_is_applied(applied, m->version))
			continue;
		if (migrate_apply_one(db, m, err) != 0) {
			rc = -1;
			break;
		}
		n++;
		if (progress != NULL)
			progress(arg, m->version, m->name);
	}
	db_rows_free(applied);
out:
	{
		struct db_error	ignored = { "", NULL, NULL, NULL };

		db_command(db, "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY
		    ")", 0, NULL, &ignored);
		db_error_release(&ignored);
	}
	return (rc == 0 ? n : -1);
}

int
db_migrate_status(struct db *db, struct migrate_status *st,
    struct db_error *err)
{
	struct db_rows	*rows;
	int		 i, j;

	memset(st, 0, sizeof *st);
	st->latest = cme_migration_count > 0 ?
	    cme_migrations[cme_migration_count - 1].version : 0;
	rows = db_query(db, "SELECT to_regclass('cme_migrate.applied') "
	    "IS NOT NULL", 0, NULL, err);
	if (rows == NULL)
		return (-1);
	i = strcmp(db_rows_value(rows, 0, 0), "t") == 0;
	db_rows_free(rows);
	if (!i) {
		st->pending = cme_migration_count;
		return (0);
	}
	rows = db_query(db, "SELECT version, checksum FROM "
	    "cme_migrate.applied ORDER BY version", 0, NULL, err);
	if (rows == NULL)
		return (-1);
	for (i = 0; i < db_rows_count(rows); i++) {
		int v = atoi(db_rows_value(rows, i, 0));
		int known = 0;

		st->applied++;
		if (v > st->current)
			st->current = v;
		for (j = 0; j < cme_migration_count; j++) {
			const struct migration_file *m = &cme_migrations[j];
			const char *p[1] = { m->sql };
			struct db_rows *sum;

			if (m->version != v)
				continue;
			known = 1;
			sum = db_query(db, "SELECT encode(sha256(convert_to("
			    "$1, 'UTF8')), 'hex')", 1, p, err);
			if (sum == NULL) {
				db_rows_free(rows);
				return (-1);
			}
			if (strcmp(db_rows_value(sum, 0, 0),
			    db_rows_value(rows, i, 1)) != 0)
				st->modified++;
			db_rows_free(sum);
		}
		if (!known)
			st->unknown++;
	}
	db_rows_free(rows);
	for (j = 0; j < cme_migration_count; j++)
		if (cme_migrations[j].version > st->current)
			st->pending++;
	return (0);
}
