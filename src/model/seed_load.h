/*
 * seed_load.h — the passes that stream the seed's tables through COPY.
 *
 * One pass per table: COPY starts, every family of every LA is generated
 * again (seed_family.h) and its rows for that table are framed, COPY ends.
 * seed_load_tables() runs them all in foreign-key order inside the
 * caller's transaction; seed_cases.c supplies the casework passes.
 */
#ifndef CME_MODEL_SEED_LOAD_H
#define CME_MODEL_SEED_LOAD_H

#include <stddef.h>
#include <stdio.h>

struct db;
struct db_error;
struct seed_address;
struct seed_copy;
struct seed_gen;
struct seed_la;
struct seed_world;

/* Called once per family during a pass. */
typedef void	(*seed_emit_fn)(struct seed_copy *, struct seed_gen *,
		    void *arg);

/*
 * Runs one pass: COPY copy_sql, emit for every family, end. Prints
 * "  N what (T s)" to out unless it is NULL. Returns the rows loaded, or
 * -1 with err set.
 */
long	 seed_load_pass(struct db *, struct seed_gen *, const char *what,
	     const char *copy_sql, seed_emit_fn, void *arg, FILE *out,
	     struct db_error *);

/* The text of a family address (shared by address rows and returns). */
struct seed_addr_text {
	char		 line1[64];
	char		 line2[64];	/* "" for none */
	char		 town[48];	/* "" for none */
	char		 postcode[12];	/* "" for none */
	const char	*note;		/* static, or NULL */
};

void	 seed_load_address(const struct seed_la *, const struct seed_address *,
	     struct seed_addr_text *);

/*
 * Every table in order: organisation, people, attendance, casework.
 * Progress lines go to out (may be NULL). Returns 0, or -1 with err set.
 */
int	 seed_load_tables(struct db *, struct seed_world *, FILE *out,
	     struct db_error *);

#endif /* CME_MODEL_SEED_LOAD_H */
