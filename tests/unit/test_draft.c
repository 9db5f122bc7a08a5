/*
 * test_draft.c — the draft journal: what is typed survives an encode,
 * an encrypted write and a read back byte for byte (newlines, hostile
 * bytes, a long note); another key cannot open it; a damaged file is
 * refused with a reason, never half-read; decode names the bad field.
 */
#include <sys/stat.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/draft.h"
#include "unit.h"

static void	 test_roundtrip(void);
static void	 test_wrong_key(void);
static void	 test_damaged(void);
static void	 test_decode_errors(void);
static void	 test_default_path(void);

static char	 dir[] = "/tmp/cme-test-draft.XXXXXX";

int
main(void)
{
	if (sodium_init() < 0 || mkdtemp(dir) == NULL)
		return (1);
	test_roundtrip();
	test_wrong_key();
	test_damaged();
	test_decode_errors();
	test_default_path();
	return unit_done();
}

static void
fill(struct draft *d)
{
	static char	long_note[20000];

	memset(long_note, 'x', sizeof long_note - 1);
	long_note[0] = '\n';
	draft_init(d);
	draft_set(&d->form, "contact");
	draft_set(&d->user, "alex");
	draft_set(&d->case_id, "42");
	draft_set(&d->child_name, "Zoë O'NEILL");
	draft_set(&d->version, "3");
	draft_set(&d->idem_key, "0b1c2d3e-0000-4000-8000-000000000000");
	d->saved_at = 1795000000;
	d->step = 4;
	d->sent = 1;
	draft_set(&d->fields[0], "home_visit");
	draft_set(&d->fields[1], "mother at the door\nthen the aunt");
	draft_set(&d->fields[2], "\x1b]0;owned\x07 f12 9:");
	draft_set(&d->fields[4], long_note);
}

static void
test_roundtrip(void)
{
	struct draft		 d, back;
	struct draft_journal	*j;
	unsigned char		 key[DRAFT_KEY_BYTES];
	char			 path[256], err[256];
	struct stat		 st;
	int			 i;

	fill(&d);
	snprintf(path, sizeof path, "%s/a.draft", dir);
	j = draft_journal_new(path);
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), -1,
	    "nothing is read before the key arrives");
	randombytes_buf(key, sizeof key);
	draft_journal_set_key(j, key);
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), 0,
	    "no journal yet: nothing to offer");
	UNIT_INT_EQ(draft_journal_write(j, &d, err, sizeof err), 0,
	    "the draft is written");
	UNIT_CHECK(stat(path, &st) == 0 && (st.st_mode & 077) == 0,
	    "the journal is readable by its owner only");
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), 1,
	    "the draft is read back");
	UNIT_STR_EQ(back.form, "contact", "form kept");
	UNIT_STR_EQ(back.child_name, "Zoë O'NEILL", "UTF-8 kept");
	UNIT_STR_EQ(back.idem_key, d.idem_key, "idempotency key kept");
	UNIT_INT_EQ(back.saved_at, 1795000000, "time kept");
	UNIT_INT_EQ(back.step, 4, "step kept");
	UNIT_INT_EQ(back.sent, 1, "sent flag kept");
	for (i = 0; i < DRAFT_FIELDS; i++)
		UNIT_STR_EQ(back.fields[i], d.fields[i], "answer kept");
	draft_release(&back);
	draft_journal_remove(j);
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), 0,
	    "a removed journal offers nothing");
	draft_journal_free(j);
	draft_release(&d);
}

static void
test_wrong_key(void)
{
	struct draft		 d, back;
	struct draft_journal	*j;
	unsigned char		 key[DRAFT_KEY_BYTES];
	char			 path[256], err[256];

	fill(&d);
	snprintf(path, sizeof path, "%s/b.draft", dir);
	j = draft_journal_new(path);
	randombytes_buf(key, sizeof key);
	draft_journal_set_key(j, key);
	draft_journal_write(j, &d, err, sizeof err);
	draft_journal_free(j);
	j = draft_journal_new(path);
	key[0] ^= 1;
	draft_journal_set_key(j, key);
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), -1,
	    "another login's key cannot open the journal");
	UNIT_CHECK(strstr(err, "cannot be opened") != NULL,
	    "and says why");
	draft_journal_free(j);
	draft_release(&d);
}

static void
test_damaged(void)
{
	struct draft		 d, back;
	struct draft_journal	*j;
	unsigned char		 key[DRAFT_KEY_BYTES];
	char			 path[256], err[256];
	FILE			*f;

	fill(&d);
	snprintf(path, sizeof path, "%s/c.draft", dir);
	j = draft_journal_new(path);
	randombytes_buf(key, sizeof key);
	draft_journal_set_key(j, key);
	draft_journal_write(j, &d, err, sizeof err);
	f = fopen(path, "r+");
	fseek(f, 40, SEEK_SET);
	fputc('Z', f);
	fclose(f);
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), -1,
	    "a damaged journal is refused");
	f = fopen(path, "w");
	fputs("hello", f);
	fclose(f);
	UNIT_INT_EQ(draft_journal_read(j, &back, err, sizeof err), -1,
	    "a file that is not a journal is refused");
	UNIT_CHECK(strstr(err, "not a cme draft journal") != NULL,
	    "naming the file's problem");
	draft_journal_free(j);
	draft_release(&d);
}

static void
test_decode_errors(void)
{
	static const struct {
		const char	*in;
		const char	*err;
	} bad[] = {
		{ "hello", "no header" },
		{ "cme-draft 1\nform 9:contact\n", "runs past the end" },
		{ "cme-draft 1\nform x:contact\n", "field form: bad length" },
		{ "cme-draft 1\nstep 1:9\nform 1:c\n", "field step" },
		{ "cme-draft 1\nf0 0:\n", "no form named" },
		{ "cme-draft 1\nform 3:abc", "runs past the end" },
	};
	struct draft	d;
	char		err[256];
	size_t		i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		UNIT_INT_EQ(draft_decode(bad[i].in, strlen(bad[i].in), &d,
		    err, sizeof err), -1, "a bad encoding is refused");
		UNIT_CHECK(strstr(err, bad[i].err) != NULL, bad[i].err);
		draft_release(&d);
	}
	UNIT_INT_EQ(draft_decode("cme-draft 1\nform 1:c\nnewer 2:ab\n",
	    strlen("cme-draft 1\nform 1:c\nnewer 2:ab\n"),
	    &d, err, sizeof err), 0, "unknown fields are skipped");
	draft_release(&d);
}

static void
test_default_path(void)
{
	char	*a, *b, *c, err[256], sub[300];

	snprintf(sub, sizeof sub, "%s/x/y", dir);
	setenv("CME_DRAFT_DIR", sub, 1);
	a = draft_journal_default_path("alex", "h:5432/db", err, sizeof err);
	b = draft_journal_default_path("sam", "h:5432/db", err, sizeof err);
	c = draft_journal_default_path("alex", "h:5432/db", err, sizeof err);
	UNIT_CHECK(a != NULL && b != NULL && strcmp(a, b) != 0,
	    "each login has its own journal");
	UNIT_CHECK(a != NULL && c != NULL && strcmp(a, c) == 0,
	    "and finds it again");
	UNIT_CHECK(a != NULL && strncmp(a, sub, strlen(sub)) == 0,
	    "under CME_DRAFT_DIR, made on the way");
	free(a);
	free(b);
	free(c);
}
