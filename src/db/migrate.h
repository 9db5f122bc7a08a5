/*
 * migrate.h — `cme db migrate` and `cme db status` (src/db/migrate.c).
 */
#ifndef CME_DB_MIGRATE_H
#define CME_DB_MIGRATE_H

struct db;
struct db_error;

typedef void	(*migrate_progress_fn)(void *arg, int version,
		    const char *name);

struct migrate_status {
	int	current;	/* highest version applied, 0 for none */
	int	latest;		/* highest version this binary carries */
	int	applied;	/* migrations recorded in the database */
	int	pending;	/* carried by the binary, not yet applied */
	int	modified;	/* applied, but the file has changed since */
	int	unknown;	/* applied, but unknown to this binary */
};

/* Applies pending migrations; returns how many, or -1 with err set. */
int	db_migrate(struct db *, migrate_progress_fn, void *,
	    struct db_error *);
int	db_migrate_status(struct db *, struct migrate_status *,
	    struct db_error *);

#endif /* CME_DB_MIGRATE_H */
