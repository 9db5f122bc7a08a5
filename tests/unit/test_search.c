/*
 * test_search.c — search_prepare(): what each kind of typed text becomes,
 * the messages an officer sees for near misses, and the statement and
 * parameters handed to the db batch.
 */
#include <string.h>

#include "model/queries.h"
#include "model/search.h"
#include "unit.h"

static void	 test_upn(void);
static void	 test_dob(void);
static void	 test_postcode(void);
static void	 test_name(void);
static void	 test_refused(void);
static void	 test_statement(void);

int
main(void)
{
	test_upn();
	test_dob();
	test_postcode();
	test_name();
	test_refused();
	test_statement();
	return unit_done();
}

/* Runs one case: expected kind, text sent, and message ("" = none). */
static void
expect(const char *input, enum search_kind kind, const char *text,
    const char *message)
{
	struct search_query	 q;
	char			 shown[64];
	size_t			 i, n = 0;
	int			 rc;
	int			 ok;

	/* The input as printable ASCII for the test's own line. */
	for (i = 0; input != NULL && input[i] != '\0' && n + 5 < sizeof shown;
	    i++) {
		unsigned char	 c = (unsigned char)input[i];

		if (c >= 0x20 && c < 0x7f)
			shown[n++] = (char)c;
		else
			n += (size_t)snprintf(shown + n, sizeof shown - n,
			    "\\x%02x", c);
	}
	shown[n] = '\0';
	rc = search_prepare(input, &q);
	ok = q.kind == kind && (kind == SEARCH_NONE ? rc == -1 &&
	    q.sql == NULL : rc == 0 && q.sql != NULL &&
	    strcmp(q.text, text) == 0) && strcmp(q.message, message) == 0;
	if (!unit_result(ok, "search \"%s\" -> %s \"%s\"%s%s", shown,
	    search_kind_name(kind), kind == SEARCH_NONE ? "" : text,
	    *message != '\0' ? ", says: " : "", message)) {
		unit_diag("rc %d kind %s text \"%s\" message \"%s\"", rc,
		    search_kind_name(q.kind), q.text, q.message);
	}
}

static void
test_upn(void)
{
	expect("F830123424001", SEARCH_UPN, "F830123424001", "");
	expect("f830123424001", SEARCH_UPN, "F830123424001", "");
	expect(" F830 1234 24 001 ", SEARCH_UPN, "F830123424001", "");
	expect("F830-1234-24001", SEARCH_UPN, "F830123424001", "");
	expect("G80120000101A", SEARCH_UPN, "G80120000101A", "");
	/* Wrong check letter: still searched (the database looks for UPNs
	 * one slip away), and the officer is told. */
	expect("A830123424001", SEARCH_UPN, "A830123424001",
	    "UPN check letter should be F");
	expect("a801200005001", SEARCH_UPN, "A801200005001",
	    "UPN check letter should be B");
	/* I, O and S are never check letters: say which one it should be. */
	expect("I830123424001", SEARCH_UPN, "I830123424001",
	    "UPN check letter should be F");
	/* Nearly UPNs: refused with the reason, not searched as names. */
	expect("F83012342400", SEARCH_NONE, "",
	    "a UPN has 13 characters, a letter and 12 more (this has 12)");
	expect("F8301234240011", SEARCH_NONE, "",
	    "a UPN has 13 characters, a letter and 12 more (this has 14)");
	expect("G80120000101O", SEARCH_NONE, "",
	    "UPN must be a letter, 11 digits, then a digit or letter "
	    "(no I, O or S)");
}

static void
test_dob(void)
{
	expect("2014-03-02", SEARCH_DOB, "2014-03-02", "");
	expect("02/03/2014", SEARCH_DOB, "2014-03-02", "");
	expect("2/3/2014", SEARCH_DOB, "2014-03-02", "");
	expect("02.03.2014", SEARCH_DOB, "2014-03-02", "");
	expect("02-03-2014", SEARCH_DOB, "2014-03-02", "");
	expect("2014-3-2", SEARCH_DOB, "2014-03-02", "");
	expect("29/02/2016", SEARCH_DOB, "2016-02-29", "");
	expect("31/02/2014", SEARCH_NONE, "",
	    "31/02/2014 is not a date: February 2014 has 28 days");
	expect("29/02/2015", SEARCH_NONE, "",
	    "29/02/2015 is not a date: February 2015 has 28 days");
	expect("31/04/2014", SEARCH_NONE, "",
	    "31/04/2014 is not a date: April 2014 has 30 days");
	expect("00/03/2014", SEARCH_NONE, "",
	    "00/03/2014 is not a date: there is no day 0");
	expect("03/13/2014", SEARCH_NONE, "",
	    "03/13/2014 is not a date: there is no month 13 (dates are day "
	    "first: DD/MM/YYYY)");
	expect("2014-02-30", SEARCH_NONE, "",
	    "2014-02-30 is not a date: February 2014 has 28 days");
	expect("02/03/14", SEARCH_NONE, "",
	    "write the year in full, e.g. 02/03/2014");
	expect("02/03/0014", SEARCH_NONE, "",
	    "02/03/0014 is not a date of birth: the year is 14");
}

static void
test_postcode(void)
{
	expect("DE4 3AB", SEARCH_POSTCODE, "DE4 3AB", "");
	expect("de43ab", SEARCH_POSTCODE, "DE4 3AB", "");
	expect("  de4   3ab ", SEARCH_POSTCODE, "DE4 3AB", "");
	expect("SW1A 1AA", SEARCH_POSTCODE, "SW1A 1AA", "");
	expect("sw1a1aa", SEARCH_POSTCODE, "SW1A 1AA", "");
	expect("M1 1AE", SEARCH_POSTCODE, "M1 1AE", "");
	expect("CT20 1BB", SEARCH_POSTCODE, "CT20 1BB", "");
	/* Outward code and sector: prefixes. */
	expect("DE4", SEARCH_POSTCODE, "DE4", "");
	expect("de45", SEARCH_POSTCODE, "DE45", "");
	expect("DE4 3", SEARCH_POSTCODE, "DE4 3", "");
	expect("de4 3a", SEARCH_POSTCODE, "DE4 3A", "");
	/* Not postcodes: names. */
	expect("Al", SEARCH_NAME, "Al", "");
	expect("DE4 3ABC", SEARCH_NAME, "DE4 3ABC", "");
}

static void
test_name(void)
{
	expect("smith", SEARCH_NAME, "smith", "");
	expect("  Smith,   John  ", SEARCH_NAME, "Smith, John", "");
	expect("Wiśniewski", SEARCH_NAME, "Wiśniewski", "");
	expect("O'Brien", SEARCH_NAME, "O'Brien", "");
	expect("anna\tmaria\nsmith", SEARCH_NAME, "anna maria smith", "");
	expect("Łu", SEARCH_NAME, "Łu", "");
	/* Control characters are spaces, never passed on. */
	expect("smi\x1b[31mth", SEARCH_NAME, "smi [31mth", "");
	/* Thirteen letters are not a UPN. */
	expect("Annamariasmit", SEARCH_NAME, "Annamariasmit", "");
}

static void
test_refused(void)
{
	char	 longtext[300];

	expect("", SEARCH_NONE, "",
	    "type a name, UPN, date of birth or postcode to search for");
	expect("   \t ", SEARCH_NONE, "",
	    "type a name, UPN, date of birth or postcode to search for");
	expect(NULL, SEARCH_NONE, "",
	    "type a name, UPN, date of birth or postcode to search for");
	expect("a", SEARCH_NONE, "", "type at least 2 letters of a name");
	expect("Ł", SEARCH_NONE, "", "type at least 2 letters of a name");
	expect("1234", SEARCH_NONE, "",
	    "that is not a name, UPN, date of birth or postcode");
	expect("!!", SEARCH_NONE, "",
	    "that is not a name, UPN, date of birth or postcode");
	expect("sm\xffth", SEARCH_NONE, "",
	    "the search text is not valid UTF-8");
	memset(longtext, 'a', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	expect(longtext, SEARCH_NONE, "",
	    "the search text is too long (200 characters at most)");
	longtext[200] = '\0';
	expect(longtext, SEARCH_NAME, longtext, "");
}

static void
test_statement(void)
{
	struct search_query	 q;

	UNIT_INT_EQ(search_prepare("wisniewsky", &q), 0,
	    "a name search has a statement");
	UNIT_CHECK(strcmp(q.sql, QUERY_SEARCH_CHILDREN) == 0,
	    "the statement is QUERY_SEARCH_CHILDREN");
	UNIT_INT_EQ(q.nparams, 3, "three parameters");
	UNIT_STR_EQ(q.params[0], "wisniewsky", "$1 is the text");
	UNIT_STR_EQ(q.params[1], "name", "$2 is the kind");
	UNIT_STR_EQ(q.params[2], "50", "$3 is the row limit");
	UNIT_CHECK(strstr(q.sql, "cme.search_children($1::text, $3::int, "
	    "$2::text)") != NULL, "the statement calls the definer function "
	    "with the parameters, never the text");
	UNIT_CHECK(strstr(q.sql, "JOIN cme.child ch") != NULL,
	    "and reads the children it found through RLS");

	search_prepare("A830123424001", &q);
	UNIT_STR_EQ(q.params[1], "upn", "a mistyped UPN is sent as a UPN");
	search_prepare("02/03/2014", &q);
	UNIT_STR_EQ(q.params[0], "2014-03-02", "a date is sent as ISO");
	UNIT_STR_EQ(q.params[1], "dob", "with kind dob");
	search_prepare("de4", &q);
	UNIT_STR_EQ(q.params[1], "postcode", "an outward code is a postcode");
	UNIT_INT_EQ(search_prepare("31/02/2014", &q), -1,
	    "an impossible date runs nothing");
	UNIT_CHECK(q.sql == NULL && q.nparams == 0, "no statement, no params");
	UNIT_STR_EQ(search_kind_name(SEARCH_DOB), "dob", "kind names");
	UNIT_STR_EQ(search_kind_name((enum search_kind)99), "",
	    "an unknown kind has no name");
}
