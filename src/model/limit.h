/*
 * limit.h — the limit pattern language: what a caseworker types after `l`
 * to narrow the list on screen, and what a saved queue stores.
 *
 *	status:enquiries officer:me !flag:lac days>10 att<90
 *	(flag:cin | flag:cp) school:"Oak Lane" name:smith
 *
 * Terms are separated by spaces and all must hold (AND). `a | b` holds
 * when either does; `|` binds tighter than the space, so
 * `status:referred | status:enquiries officer:me` is (referred or
 * enquiries) and mine. `!` negates the term or group after it (a negated
 * term also keeps the rows where the value is unknown: `!officer:alex`
 * includes unassigned cases). Parentheses group. `field:a,b` is
 * `field:a | field:b`. Values with spaces go in double quotes (\" and \\
 * inside). Field names and listed values are case-insensitive, and a
 * listed value may be shortened to any unambiguous prefix
 * (`status:enq`, `reason:where`). The whole reference, one line per
 * field, is limit_fields() (the help screen is built from it).
 *
 * Which fields apply depends on the list (cases, alerts, children); a
 * field that does not apply is a parse error that names it. Every error
 * names the character column it was found at:
 *	at 14: unknown field 'stats' (did you mean status?)
 *
 * COMPILING. limit_compile() turns a parsed pattern into a SQL boolean
 * expression over FIXED table aliases, which the caller's FROM clause must
 * provide (limit_from() returns exactly that FROM clause, and list.c uses
 * the same):
 *	ch	cme.child		(every kind)
 *	c	cme.cme_case		(cases)
 *	a	cme.alert		(alerts)
 * Anything else a field needs (enrolments, attendance, contacts, staff,
 * teams, schools, settings) is a correlated subquery inside the fragment,
 * so the caller joins nothing more. The SQL text is assembled ONLY from
 * fragments in the whitelist table in limit.c (and the fixed operators
 * AND, OR, IS NOT TRUE, <, <=, >, >=, =); every value the user typed
 * travels as a parameter $N, numbered from the caller's first_param. User
 * text never becomes SQL text.
 */
#ifndef CME_MODEL_LIMIT_H
#define CME_MODEL_LIMIT_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;

/* The lists a pattern can limit; same order as list.h's enum list_kind. */
enum limit_kind {
	LIMIT_CASES,
	LIMIT_ALERTS,
	LIMIT_CHILDREN,
	LIMIT_KIND_COUNT,
};

#define LIMIT_PATTERN_MAX	2000	/* bytes, as saved_queue.pattern */
#define LIMIT_DEPTH_MAX		16	/* nested !, ( and | */
#define LIMIT_TERMS_MAX		64	/* terms, a,b lists expanded */
#define LIMIT_ERROR_MAX		240

/* A parse error: where, and a sentence that starts "at N: ". */
struct limit_error {
	int	 column;	/* 1-based character (code point) column */
	size_t	 offset;	/* the same position as a byte offset */
	char	 message[LIMIT_ERROR_MAX];
};

/* A parsed pattern (opaque). */
struct limit;

/* The compiled form. Owned by the struct; limit_sql_release() frees. */
struct limit_sql {
	char	 *where;	/* boolean SQL; "true" when empty */
	char	**params;	/* nparams values for $first_param ... */
	int	  nparams;
};

/* One line of the reference (the help screen, README). Static. */
struct limit_field_info {
	const char	*name;		/* "status" */
	unsigned	 kinds;		/* 1 << enum limit_kind, or-ed */
	const char	*syntax;	/* "status:STATUS" */
	const char	*example;	/* "status:enquiries" */
	const char	*help;		/* one sentence */
};

/*
 * Parses pattern for a list kind. Returns the parsed pattern (the caller
 * frees it with limit_free()), or NULL with err filled. A pattern of only
 * spaces parses to one that matches every row.
 */
struct limit	*limit_parse(const char *pattern, enum limit_kind,
		     struct limit_error *err);
void		 limit_free(struct limit *);
enum limit_kind	 limit_kind(const struct limit *);
bool		 limit_is_empty(const struct limit *);

/*
 * Compiles to out (which the caller later releases); parameters are
 * numbered $first_param, $first_param + 1, ... in the order they appear.
 * Cannot fail: everything was checked by limit_parse().
 */
void		 limit_compile(const struct limit *, int first_param,
		     struct limit_sql *out);
void		 limit_sql_release(struct limit_sql *);
/* limit_parse() then limit_compile(); 0, or -1 with err (out untouched). */
int		 limit_build(const char *pattern, enum limit_kind,
		     int first_param, struct limit_sql *out,
		     struct limit_error *err);

/*
 * The canonical text of a parsed pattern (field names and listed values
 * spelt out in full, one space between terms, quotes only where needed).
 * It parses back to the same pattern; saved queues store it.
 */
void		 limit_format(const struct limit *, struct sbuf *out);
/* The parse tree as an S-expression, for tests: (and (term status = ...)) */
void		 limit_dump(const struct limit *, struct sbuf *out);

/* "FROM" clause (without the word) that provides the fixed aliases. */
const char	*limit_from(enum limit_kind);
/* "cases", "alerts", "children"; limit_kind_parse() is the reverse. */
const char	*limit_kind_name(enum limit_kind);
int		 limit_kind_parse(const char *name, enum limit_kind *out);

/* The field reference; *n receives the number of entries. Static. */
const struct limit_field_info *limit_fields(size_t *n);
/*
 * The listed values of a field for a kind ("status" for cases:
 * referred, enquiries, ..., then the shorthand "open"), NULL-terminated,
 * or NULL when the field takes free text or a number. Static.
 */
const char *const *limit_field_values(const char *field, enum limit_kind);

#endif /* CME_MODEL_LIMIT_H */
