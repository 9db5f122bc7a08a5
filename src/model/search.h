/*
 * search.h — what the officer typed after `/`, understood: a name, a UPN,
 * a date of birth or a postcode, and the statement that finds it.
 *
 * search_prepare() is a pure function: it classifies and tidies the text
 * and fills a struct search_query with the statement to send
 * (QUERY_SEARCH_CHILDREN, queries.h), its parameters, and a sentence for
 * the status line. The statement calls the database's definer function
 * cme.search_children (012_search.sql), which searches the caller's LA
 * with the trigram and sounds-like indexes and returns ids only; the same
 * statement then reads those children through row-level security.
 *
 *	what was typed                 kind      sent as ($1)
 *	"F830 1234 24001", f830123424001  UPN    "F830123424001"
 *	  (13 characters: a letter, 11 digits, a digit or letter; spaces
 *	   and hyphens ignored. A wrong check letter still searches, for the
 *	   UPNs one slip away, and says "UPN check letter should be F".)
 *	"2014-03-02", "02/03/2014", "2.3.2014"  DOB  "2014-03-02"
 *	  (day first; an impossible date is refused with the reason)
 *	"de4 3ab", "DE43AB"            postcode  "DE4 3AB"
 *	"DE4", "de4 3"                 postcode  "DE4", "DE4 3" (every
 *	                                         postcode starting so)
 *	"  smith,  john "              name      "smith, john"
 *	  (spaces trimmed and collapsed; at least 2 characters)
 */
#ifndef CME_MODEL_SEARCH_H
#define CME_MODEL_SEARCH_H

#define SEARCH_TEXT_MAX		200	/* bytes (search_children) */
#define SEARCH_LIMIT		50	/* rows asked for */
#define SEARCH_MESSAGE_MAX	160

enum search_kind {
	SEARCH_NONE,		/* nothing to run (see message) */
	SEARCH_NAME,
	SEARCH_UPN,
	SEARCH_DOB,
	SEARCH_POSTCODE,
};

/*
 * A prepared search. The params point into the struct itself: use it
 * where it was filled (do not copy it by value). db_batch_add() copies
 * sql and params, so the struct may go once the statement is added.
 */
struct search_query {
	enum search_kind	 kind;
	char			 text[SEARCH_TEXT_MAX + 1];	/* $1 */
	char			 limit[12];			/* $3 */
	const char		*sql;	/* NULL when nothing to run */
	const char		*params[3]; /* text, kind name, limit */
	int			 nparams;
	/* "" or a sentence for the status line; may be set when sql is
	 * not NULL too ("UPN check letter should be F"). */
	char			 message[SEARCH_MESSAGE_MAX];
};

/*
 * Classifies input (NULL counts as "") and fills out. Returns 0 when
 * out->sql is a statement to send with out->params, or -1 when there is
 * nothing to run and out->message says why.
 */
int		 search_prepare(const char *input, struct search_query *out);
/* "name", "upn", "dob", "postcode", "" (borrowed, static). */
const char	*search_kind_name(enum search_kind);

#endif /* CME_MODEL_SEARCH_H */
