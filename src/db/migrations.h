/*
 * migrations.h — the schema migrations compiled into the binary.
 *
 * tools/embed-sql.sh turns src/db/sql/NNN_name.sql into build/gen/
 * migrations.c at build time, so `cme db migrate` needs no files beside it.
 */
#ifndef CME_DB_MIGRATIONS_H
#define CME_DB_MIGRATIONS_H

struct migration_file {
	int		 version;	/* NNN of the file name */
	const char	*name;		/* the rest of the file name */
	const char	*sql;		/* the file's text */
};

extern const struct migration_file	cme_migrations[];
extern const int			cme_migration_count;

#endif /* CME_DB_MIGRATIONS_H */
