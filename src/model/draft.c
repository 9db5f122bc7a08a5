/*
 * draft.c — drafts of forms, their encoding and the encrypted journal
 * file (see draft.h for the format).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/draft.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

#define DRAFT_MAGIC		"CMEJ1\n"
#define DRAFT_MAGIC_LEN		6
#define DRAFT_HEADER		"cme-draft 1\n"
#define DRAFT_MAX_FILE		(1024 * 1024)	/* a note is not a novel */

struct draft_journal {
	char		*path;
	unsigned char	*key;		/* sodium_malloc'ed, or NULL */
};

void
draft_set(char **member, const char *value)
{
	free(*member);
	*member = xstrdup(value != NULL ? value : "");
}

void
draft_init(struct draft *d)
{
	int	i;

	memset(d, 0, sizeof *d);
	d->form = xstrdup("");
	d->user = xstrdup("");
	d->case_id = xstrdup("");
	d->child_name = xstrdup("");
	d->version = xstrdup("");
	d->item = xstrdup("");
	d->idem_key = xstrdup("");
	for (i = 0; i < DRAFT_FIELDS; i++)
		d->fields[i] = xstrdup("");
}

void
draft_release(struct draft *d)
{
	int	i;

	free(d->form);
	free(d->user);
	free(d->case_id);
	free(d->child_name);
	free(d->version);
	free(d->item);
	free(d->idem_key);
	for (i = 0; i < DRAFT_FIELDS; i++)
		free(d->fields[i]);
	memset(d, 0, sizeof *d);
}

void
draft_copy(struct draft *dst, const struct draft *src)
{
	int	i;

	draft_set(&dst->form, src->form);
	draft_set(&dst->user, src->user);
	draft_set(&dst->case_id, src->case_id);
	draft_set(&dst->child_name, src->child_name);
	draft_set(&dst->version, src->version);
	draft_set(&dst->item, src->item);
	draft_set(&dst->idem_key, src->idem_key);
	dst->saved_at = src->saved_at;
	dst->step = src->step;
	dst->sent = src->sent;
	for (i = 0; i < DRAFT_FIELDS; i++)
		draft_set(&dst->fields[i], src->fields[i]);
}

/* ---- the plain encoding ---- */

static void
draft_put(struct sbuf *b, const char *name, const char *value, size_t len)
{
	char	head[64];

	snprintf(head, sizeof head, "%s %zu:", name, len);
	sbuf_append_str(b, head);
	sbuf_append(b, value, len);
	sbuf_append_str(b, "\n");
}

static void
draft_put_str(struct sbuf *b, const char *name, const char *value)
{
	draft_put(b, name, value, strlen(value));
}

char *
draft_encode(const struct draft *d, size_t *len)
{
	struct sbuf	b;
	char		num[32], name[16];
	int		i;

	sbuf_init(&b, 512);
	sbuf_append_str(&b, DRAFT_HEADER);
	draft_put_str(&b, "form", d->form);
	draft_put_str(&b, "user", d->user);
	draft_put_str(&b, "case", d->case_id);
	draft_put_str(&b, "child", d->child_name);
	draft_put_str(&b, "version", d->version);
	draft_put_str(&b, "item", d->item);
	draft_put_str(&b, "key", d->idem_key);
	snprintf(num, sizeof num, "%lld", d->saved_at);
	draft_put_str(&b, "saved", num);
	snprintf(num, sizeof num, "%d", d->step);
	draft_put_str(&b, "step", num);
	snprintf(num, sizeof num, "%d", d->sent);
	draft_put_str(&b, "sent", num);
	for (i = 0; i < DRAFT_FIELDS; i++) {
		snprintf(name, sizeof name, "f%d", i);
		draft_put_str(&b, name, d->fields[i]);
	}
	return (sbuf_detach(&b, len));
}

/* The member a field name fills, or NULL for the numbers and unknowns. */
static char **
draft_member(struct draft *d, const char *name)
{
	static const struct {
		const char	*name;
		size_t		 off;
	} m[] = {
		{ "form", offsetof(struct draft, form) },
		{ "user", offsetof(struct draft, user) },
		{ "case", offsetof(struct draft, case_id) },
		{ "child", offsetof(struct draft, child_name) },
		{ "version", offsetof(struct draft, version) },
		{ "item", offsetof(struct draft, item) },
		{ "key", offsetof(struct draft, idem_key) },
	};
	size_t	i;

	for (i = 0; i < sizeof m / sizeof m[0]; i++)
		if (strcmp(m[i].name, name) == 0)
			return ((char **)(void *)((char *)d + m[i].off));
	if (name[0] == 'f' && name[1] >= '0' &&
	    name[1] < '0' + DRAFT_FIELDS && name[2] == '\0')
		return (&d->fields[name[1] - '0']);
	return (NULL);
}

/* A small decimal number, all of s. */
static bool
draft_number(const char *s, size_t n, long long max, long long *out)
{
	long long	v = 0;
	size_t		i;
	bool		neg = false;

	if (n > 0 && s[0] == '-') {
		neg = true;
		s++;
		n--;
	}
	if (n == 0 || n > 18)
		return (false);
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (false);
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return (false);
	*out = neg ? -v : v;
	return (true);
}

int
draft_decode(const char *buf, size_t len, struct draft *d, char *err,
    size_t errsize)
{
	size_t		 pos, hl = strlen(DRAFT_HEADER), nl, vl;
	char		 name[16], **member;
	const char	*sp, *colon;
	long long	 num;

	draft_init(d);
	if (len < hl || memcmp(buf, DRAFT_HEADER, hl) != 0) {
		snprintf(err, errsize, "not a cme draft (no header)");
		goto fail;
	}
	for (pos = hl; pos < len; pos += vl + 1) {
		sp = memchr(buf + pos, ' ', len - pos);
		if (sp == NULL || (nl = (size_t)(sp - (buf + pos))) == 0 ||
		    nl >= sizeof name) {
			snprintf(err, errsize, "bad field name at byte %zu",
			    pos);
			goto fail;
		}
		memcpy(name, buf + pos, nl);
		name[nl] = '\0';
		pos += nl + 1;
		colon = memchr(buf + pos, ':', len - pos);
		if (colon == NULL || !draft_number(buf + pos,
		    (size_t)(colon - (buf + pos)), DRAFT_MAX_FILE, &num) ||
		    num < 0) {
			snprintf(err, errsize, "field %s: bad length at byte "
			    "%zu", name, pos);
			goto fail;
		}
		pos = (size_t)(colon - buf) + 1;
		vl = (size_t)num;
		if (pos + vl >= len ||
		    buf[pos + vl] != '\n') {
			snprintf(err, errsize, "field %s: runs past the end at "
			    "byte %zu", name, pos);
			goto fail;
		}
		if (memchr(buf + pos, '\0', vl) != NULL) {
			snprintf(err, errsize, "field %s: holds a NUL byte",
			    name);
			goto fail;
		}
		if ((member = draft_member(d, name)) != NULL) {
			free(*member);
			*member = xmalloc(vl + 1);
			memcpy(*member, buf + pos, vl);
			(*member)[vl] = '\0';
		} else if (strcmp(name, "saved") == 0 ||
		    strcmp(name, "step") == 0 || strcmp(name, "sent") == 0) {
			if (!draft_number(buf + pos, vl,
			    strcmp(name, "saved") == 0 ? 1LL << 40 :
			    DRAFT_FIELDS - 1, &num) || num < 0) {
				snprintf(err, errsize, "field %s: not a number "
				    "in range", name);
				goto fail;
			}
			if (name[1] == 'a')
				d->saved_at = num;
			else if (name[1] == 't')
				d->step = (int)num;
			else
				d->sent = num != 0;
		}
		/* Unknown fields are skipped: a newer client's extras. */
	}
	if (*d->form == '\0') {
		snprintf(err, errsize, "no form named");
		goto fail;
	}
	return (0);

fail:
	draft_release(d);
	draft_init(d);
	return (-1);
}

/* ---- the journal ---- */

struct draft_journal *
draft_journal_new(const char *path)
{
	struct draft_journal	*j;

	j = xcalloc(1, sizeof *j);
	j->path = xstrdup(path);
	return (j);
}

void
draft_journal_free(struct draft_journal *j)
{
	if (j == NULL)
		return;
	if (j->key != NULL)
		sodium_free(j->key);
	free(j->path);
	free(j);
}

const char *
draft_journal_path(const struct draft_journal *j)
{
	return (j->path);
}

void
draft_journal_set_key(struct draft_journal *j,
    const unsigned char key[DRAFT_KEY_BYTES])
{
	if (j->key == NULL && (j->key = sodium_malloc(DRAFT_KEY_BYTES)) ==
	    NULL)
		return;
	memcpy(j->key, key, DRAFT_KEY_BYTES);
	(void)sodium_mprotect_readonly(j->key);
}

bool
draft_journal_has_key(const struct draft_journal *j)
{
	return (j->key != NULL);
}

int
draft_journal_write(struct draft_journal *j, const struct draft *d,
    char *err, size_t errsize)
{
	unsigned char	*out;
	char		*plain, *tmp;
	size_t		 plen, olen;
	int		 fd, rc = -1;

	if (j->key == NULL) {
		snprintf(err, errsize, "no journal key yet");
		return (-1);
	}
	plain = draft_encode(d, &plen);
	olen = DRAFT_MAGIC_LEN + crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES + plen;
	out = xmalloc(olen);
	memcpy(out, DRAFT_MAGIC, DRAFT_MAGIC_LEN);
	randombytes_buf(out + DRAFT_MAGIC_LEN, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + DRAFT_MAGIC_LEN +
	    crypto_secretbox_NONCEBYTES, (unsigned char *)plain, plen,
	    out + DRAFT_MAGIC_LEN, j->key);
	sodium_memzero(plain, plen);
	free(plain);

	tmp = xasprintf("%s.tmp", j->path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errsize, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	if (write(fd, out, olen) != (ssize_t)olen) {
		snprintf(err, errsize, "%s: %s", tmp, errno != 0 ?
		    strerror(errno) : "short write");
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) != 0 || rename(tmp, j->path) != 0) {
		snprintf(err, errsize, "%s: %s", j->path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(out);
	return (rc);
}

int
draft_journal_read(struct draft_journal *j, struct draft *d, char *err,
    size_t errsize)
{
	unsigned char	*buf = NULL, *plain = NULL;
	size_t		 len = 0, cap = 0, plen;
	ssize_t		 n;
	int		 fd, rc = -1;

	if (j->key == NULL) {
		snprintf(err, errsize, "no journal key yet");
		return (-1);
	}
	if ((fd = open(j->path, O_RDONLY | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return (0);
		snprintf(err, errsize, "%s: %s", j->path, strerror(errno));
		return (-1);
	}
	for (;;) {
		if (len == cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errsize, "%s: %s", j->path,
			    strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > DRAFT_MAX_FILE) {
			snprintf(err, errsize, "%s: too large for a draft",
			    j->path);
			goto out;
		}
	}
	if (len < DRAFT_MAGIC_LEN + crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES ||
	    memcmp(buf, DRAFT_MAGIC, DRAFT_MAGIC_LEN) != 0) {
		snprintf(err, errsize, "%s: not a cme draft journal", j->path);
		goto out;
	}
	plen = len - DRAFT_MAGIC_LEN - crypto_secretbox_NONCEBYTES -
	    crypto_secretbox_MACBYTES;
	plain = xmalloc(plen + 1);
	if (crypto_secretbox_open_easy(plain, buf + DRAFT_MAGIC_LEN +
	    crypto_secretbox_NONCEBYTES, len - DRAFT_MAGIC_LEN -
	    crypto_secretbox_NONCEBYTES, buf + DRAFT_MAGIC_LEN, j->key) != 0) {
		snprintf(err, errsize, "%s: cannot be opened with your key "
		    "(another login's, or damaged)", j->path);
		goto out;
	}
	plain[plen] = '\0';
	if (draft_decode((char *)plain, plen, d, err, errsize) != 0)
		goto out;
	rc = 1;
out:
	if (plain != NULL) {
		sodium_memzero(plain, plen);
		free(plain);
	}
	free(buf);
	close(fd);
	return (rc);
}

void
draft_journal_remove(struct draft_journal *j)
{
	(void)unlink(j->path);
}

/* mkdir -p with mode 0700 for the parts made here. */
static int
draft_mkdirs(char *path)
{
	char	*p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return (-1);
		}
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return (-1);
	return (0);
}

char *
draft_journal_default_path(const char *user, const char *ident, char *err,
    size_t errsize)
{
	const char	*dir, *home;
	char		*d, *path;
	unsigned char	 h[16];
	char		 hex[33];
	crypto_generichash_state st;

	if ((dir = getenv("CME_DRAFT_DIR")) != NULL && *dir != '\0')
		d = xstrdup(dir);
	else if ((dir = getenv("XDG_STATE_HOME")) != NULL && *dir == '/')
		d = xasprintf("%s/cme/drafts", dir);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		d = xasprintf("%s/.local/state/cme/drafts", home);
	else {
		snprintf(err, errsize, "no place for drafts: set HOME or "
		    "CME_DRAFT_DIR");
		return (NULL);
	}
	if (draft_mkdirs(d) != 0) {
		snprintf(err, errsize, "%s: %s", d, strerror(errno));
		free(d);
		return (NULL);
	}
	crypto_generichash_init(&st, NULL, 0, sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)user,
	    strlen(user) + 1);
	crypto_generichash_update(&st, (const unsigned char *)ident,
	    strlen(ident) + 1);
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	path = xasprintf("%s/%s.draft", d, hex);
	free(d);
	return (path);
}

void
draft_uuid(char out[37])
{
	unsigned char	b[16];

	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}
