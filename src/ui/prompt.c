/*
 * prompt.c — the one-line editor of the status line.
 *
 * Three parts: the edit model (a UTF-8 buffer, a cursor that always sits
 * between two glyphs, history and completion), the layout (which glyphs
 * fit in the line, where the cursor goes, what scrolls), and the drawing,
 * the only part that touches a WINDOW. Unit tests drive the first two
 * without a terminal; curses.h is needed there only for the KEY_*
 * constants.
 *
 * A glyph is what the terminal draws as one: a character with the
 * zero-width characters that follow it (combining accents, variation
 * selectors), anything joined by U+200D (ZWJ), an emoji with its skin
 * tone, a pair of regional indicators (a flag); each invalid byte is a
 * glyph of its own. Widths are measured on the sanitised form (a control
 * character is "^[", two columns), so the layout agrees with what
 * draw_text() puts on the screen.
 */
#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/prompt.h"
#include "ui/draw.h"
#include "ui/theme.h"
#include "util/sanitize.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define PROMPT_MAX_CANDS	256	/* candidates kept from a Tab */
#define PROMPT_LIST_GAP		2	/* columns between text and list */

struct prompt_history {
	char	**v;		/* owned, n lines, v[0] the most recent */
	size_t	  n, max;
};

struct prompt {
	char			*label;		/* owned */
	struct sbuf		 text;
	size_t			 cursor;	/* bytes in, between glyphs */
	size_t			 scroll;	/* first visible glyph, bytes */
	struct prompt_history	*history;	/* borrowed */
	long			 hist_pos;	/* -1: the line being typed */
	char			*typed;		/* owned: that line meanwhile */
	char			*kill;		/* owned: C-u/C-k/C-w's text */
	prompt_complete_fn	 complete;
	void			*complete_arg;
	char			**cands;	/* owned copies, ncands */
	size_t			 ncands;
	long			 cand_idx;	/* the one in place, or -1 */
	size_t			 comp_start;	/* the word being completed */
	size_t			 comp_end;
	bool			 completing;	/* the list is up: Tab cycles */
	const char		*note;		/* static, after the text */
	bool			 drawn;
	int			 cur_y, cur_x;
};

/* One glyph of the text, and its sanitised form in a display buffer. */
struct prompt_glyph {
	size_t	 start, len;		/* in the text */
	size_t	 dstart, dlen;		/* in the display buffer */
	int	 cols;
};

/* What a key does. */
enum prompt_op {
	PROMPT_OP_NONE,
	PROMPT_OP_LEFT,
	PROMPT_OP_RIGHT,
	PROMPT_OP_HOME,
	PROMPT_OP_END,
	PROMPT_OP_BACKSPACE,
	PROMPT_OP_DELETE,
	PROMPT_OP_KILL_START,
	PROMPT_OP_KILL_END,
	PROMPT_OP_KILL_WORD,
	PROMPT_OP_YANK,
	PROMPT_OP_OLDER,
	PROMPT_OP_NEWER,
	PROMPT_OP_COMPLETE,
	PROMPT_OP_COMPLETE_BACK,
	PROMPT_OP_ACCEPT,
	PROMPT_OP_CANCEL,
};

static size_t	prompt_glyph_len(const char *, size_t, size_t);
static size_t	prompt_glyphs(const char *, size_t, int,
		    struct prompt_glyph **, struct sbuf *);
static void	prompt_cands_clear(struct prompt *);
static bool	prompt_replace(struct prompt *, size_t, size_t, const char *,
		    size_t);

/* --- history --------------------------------------------------------- */

struct prompt_history *
prompt_history_new(size_t max)
{
	struct prompt_history	*h;

	h = xcalloc(1, sizeof *h);
	h->max = max > 0 ? max : PROMPT_HISTORY_MAX;
	return (h);
}

void
prompt_history_free(struct prompt_history *h)
{
	size_t	i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	free(h);
}

void
prompt_history_add(struct prompt_history *h, const char *line)
{
	if (h == NULL || line == NULL || *line == '\0')
		return;
	if (h->n > 0 && strcmp(h->v[0], line) == 0)
		return;
	if (h->n == h->max) {
		free(h->v[h->n - 1]);
		h->n--;
	} else
		h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	memmove(h->v + 1, h->v, h->n * sizeof *h->v);
	h->v[0] = xstrdup(line);
	h->n++;
}

size_t
prompt_history_count(const struct prompt_history *h)
{
	return (h != NULL ? h->n : 0);
}

const char *
prompt_history_get(const struct prompt_history *h, size_t i)
{
	return (h != NULL && i < h->n ? h->v[i] : NULL);
}

/* --- glyphs ---------------------------------------------------------- */

static bool
prompt_regional(uint32_t c)
{
	return (c >= 0x1f1e6 && c <= 0x1f1ff);
}

static bool
prompt_modifier(uint32_t c)
{
	return (c >= 0x1f3fb && c <= 0x1f3ff);
}

/* Bytes in the glyph that starts at pos (pos < len); at least 1. */
static size_t
prompt_glyph_len(const char *s, size_t len, size_t pos)
{
	uint32_t	cp, prev;
	size_t		end;
	bool		flag, joins;
	int		n, w;

	n = utf8_decode(s + pos, len - pos, &cp);
	if (n == 0)
		return (1);		/* an invalid byte: alone */
	end = pos + (size_t)n;
	prev = cp;
	flag = prompt_regional(cp);
	while (end < len) {
		n = utf8_decode(s + end, len - end, &cp);
		if (n == 0 || !sanitize_is_clean(s + end, (size_t)n))
			break;
		w = wcwidth((wchar_t)cp);
		joins = prev == 0x200d || w == 0 || prompt_modifier(cp) ||
		    (flag && prompt_regional(cp));
		if (!joins)
			break;
		if (prompt_regional(cp))
			flag = false;
		end += (size_t)n;
		prev = cp;
	}
	return (end - pos);
}

/*
 * Splits s into glyphs, appending each one's sanitised form to disp.
 * *out (owned by the caller) receives the glyphs; returns their number.
 */
static size_t
prompt_glyphs(const char *s, size_t len, int flags, struct prompt_glyph **out,
    struct sbuf *disp)
{
	struct prompt_glyph	*g;
	size_t			 n = 0, pos = 0;
	int			 sflags;

	sflags = (flags & PROMPT_ASCII) ? SANITIZE_ASCII : 0;
	g = xreallocarray(NULL, len + 1, sizeof *g);
	while (pos < len) {
		g[n].start = pos;
		g[n].len = prompt_glyph_len(s, len, pos);
		g[n].dstart = disp->len;
		if ((unsigned char)s[pos] >= 0x20 &&
		    (unsigned char)s[pos] < 0x7f && g[n].len == 1)
			sbuf_append_char(disp, s[pos]);	/* the usual case */
		else
			sanitize_append(disp, s + pos, g[n].len, sflags);
		g[n].dlen = disp->len - g[n].dstart;
		g[n].cols = utf8_nwidth(disp->buf + g[n].dstart, g[n].dlen);
		pos += g[n].len;
		n++;
	}
	*out = g;
	return (n);
}

/* The start of the glyph before pos (0 at the start). */
static size_t
prompt_prev(const struct prompt *p, size_t pos)
{
	size_t	at = 0, prev = 0;

	while (at < pos && at < p->text.len) {
		prev = at;
		at += prompt_glyph_len(p->text.buf, p->text.len, at);
	}
	return (prev);
}

/* The end of the glyph at pos (len at the end). */
static size_t
prompt_next(const struct prompt *p, size_t pos)
{
	if (pos >= p->text.len)
		return (p->text.len);
	return (pos + prompt_glyph_len(p->text.buf, p->text.len, pos));
}

/* Moves the cursor forward to a glyph boundary if an edit left it
 * inside a glyph (a ZWJ typed between two letters joins them). */
static void
prompt_snap(struct prompt *p)
{
	size_t	at = 0;

	while (at < p->cursor)
		at += prompt_glyph_len(p->text.buf, p->text.len, at);
	p->cursor = at;
}

/* --- editing --------------------------------------------------------- */

/* Replaces text[a, b) with n bytes of s; the cursor ends after them.
 * False (and nothing changed) when the text would grow too long. */
static bool
prompt_replace(struct prompt *p, size_t a, size_t b, const char *s, size_t n)
{
	struct sbuf	*t = &p->text;

	if (t->len - (b - a) + n > PROMPT_MAX_BYTES) {
		p->note = "the line is full";
		return (false);
	}
	if (n > b - a)
		sbuf_grow(t, n - (b - a));
	if (t->cap > 0) {
		memmove(t->buf + a + n, t->buf + b, t->len - b + 1);
		memcpy(t->buf + a, s, n);
		t->len = t->len - (b - a) + n;
	}
	p->cursor = a + n;
	prompt_snap(p);
	return (true);
}

static void
prompt_insert(struct prompt *p, const char *s, size_t n)
{
	prompt_replace(p, p->cursor, p->cursor, s, n);
}

/* Deletes text[a, b), keeping it for C-y when kill. */
static void
prompt_delete(struct prompt *p, size_t a, size_t b, bool kill)
{
	if (a >= b)
		return;
	if (kill) {
		free(p->kill);
		p->kill = xstrndup(p->text.buf + a, b - a);
	}
	prompt_replace(p, a, b, "", 0);
}

void
prompt_set_text(struct prompt *p, const char *s)
{
	size_t	n;

	s = s != NULL ? s : "";
	n = strlen(s);
	if (n > PROMPT_MAX_BYTES) {
		n = PROMPT_MAX_BYTES;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	sbuf_reset(&p->text);
	sbuf_append(&p->text, s, n);
	p->cursor = p->text.len;
	p->scroll = 0;
}

static void
prompt_history_move(struct prompt *p, int dir)
{
	long	pos = p->hist_pos + dir;

	if (pos < -1 || pos >= (long)prompt_history_count(p->history))
		return;
	if (p->hist_pos == -1) {
		free(p->typed);
		p->typed = xstrdup(p->text.buf);
	}
	p->hist_pos = pos;
	prompt_set_text(p, pos == -1 ? p->typed :
	    prompt_history_get(p->history, (size_t)pos));
}

/* --- completion ------------------------------------------------------ */

static void
prompt_cands_clear(struct prompt *p)
{
	size_t	i;

	for (i = 0; i < p->ncands; i++)
		free(p->cands[i]);
	free(p->cands);
	p->cands = NULL;
	p->ncands = 0;
	p->cand_idx = -1;
	p->completing = false;
}

static int
prompt_lower(int c)
{
	return (c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
}

/* The longest common prefix of the candidates (any case; bytes of the
 * first), cut between UTF-8 characters. */
static size_t
prompt_common(char **v, size_t n)
{
	size_t	lcp, i, j;

	lcp = strlen(v[0]);
	for (i = 1; i < n; i++) {
		for (j = 0; j < lcp && v[i][j] != '\0' &&
		    prompt_lower((unsigned char)v[0][j]) ==
		    prompt_lower((unsigned char)v[i][j]); j++)
			;
		lcp = j;
	}
	while (lcp > 0 && ((unsigned char)v[0][lcp] & 0xc0) == 0x80)
		lcp--;
	return (lcp);
}

/* Puts candidate i in place of the word being completed. */
static void
prompt_cycle(struct prompt *p, int dir)
{
	long	n = (long)p->ncands, i;
	size_t	len;

	if (p->cand_idx < 0)
		i = dir > 0 ? 0 : n - 1;
	else
		i = ((p->cand_idx + dir) % n + n) % n;
	len = strlen(p->cands[i]);
	if (!prompt_replace(p, p->comp_start, p->comp_end, p->cands[i], len))
		return;
	p->cand_idx = i;
	p->comp_end = p->comp_start + len;
	p->cursor = p->comp_end;
	prompt_snap(p);
	p->completing = true;
}

static void
prompt_complete(struct prompt *p, int dir)
{
	const char *const	*list;
	size_t			 ws = p->cursor, n, lcp, typed;

	if (p->completing && p->ncands > 1) {
		prompt_cycle(p, dir);
		return;
	}
	prompt_cands_clear(p);
	list = p->complete != NULL ? p->complete(p->complete_arg,
	    p->text.buf, p->cursor, &ws) : NULL;
	/* Distrust the callback: the word must end at the cursor and start
	 * at a character. */
	if (ws > p->cursor || (ws < p->text.len &&
	    ((unsigned char)p->text.buf[ws] & 0xc0) == 0x80))
		ws = p->cursor;
	for (n = 0; list != NULL && list[n] != NULL && n < PROMPT_MAX_CANDS;
	    n++)
		;
	if (n == 0) {
		p->note = "no completions";
		return;
	}
	p->cands = xreallocarray(NULL, n, sizeof *p->cands);
	for (p->ncands = 0; p->ncands < n; p->ncands++)
		p->cands[p->ncands] = xstrdup(list[p->ncands]);
	typed = p->cursor - ws;
	if (n == 1) {
		if (prompt_replace(p, ws, p->cursor, p->cands[0],
		    strlen(p->cands[0])) && (p->cursor >= p->text.len ||
		    p->text.buf[p->cursor] != ' '))
			prompt_insert(p, " ", 1);
		prompt_cands_clear(p);
		return;
	}
	lcp = prompt_common(p->cands, p->ncands);
	if (lcp > typed || (lcp == typed &&
	    memcmp(p->cands[0], p->text.buf + ws, lcp) != 0))
		prompt_replace(p, ws, p->cursor, p->cands[0], lcp);
	p->comp_start = ws;
	p->comp_end = p->cursor;
	p->cand_idx = -1;
	p->completing = true;
}

/* --- keys ------------------------------------------------------------ */

static enum prompt_op
prompt_op(int is_keycode, wint_t ch)
{
	if (is_keycode) {
		switch (ch) {
		case KEY_LEFT:		return (PROMPT_OP_LEFT);
		case KEY_RIGHT:		return (PROMPT_OP_RIGHT);
		case KEY_HOME:		return (PROMPT_OP_HOME);
		case KEY_END:		return (PROMPT_OP_END);
		case KEY_BACKSPACE:	return (PROMPT_OP_BACKSPACE);
		case KEY_DC:		return (PROMPT_OP_DELETE);
		case KEY_UP:		return (PROMPT_OP_OLDER);
		case KEY_DOWN:		return (PROMPT_OP_NEWER);
		case KEY_BTAB:		return (PROMPT_OP_COMPLETE_BACK);
		case KEY_ENTER:		return (PROMPT_OP_ACCEPT);
		default:		return (PROMPT_OP_NONE);
		}
	}
	switch (ch) {
	case 'a' & 0x1f:	return (PROMPT_OP_HOME);
	case 'b' & 0x1f:	return (PROMPT_OP_LEFT);
	case 'd' & 0x1f:	return (PROMPT_OP_DELETE);
	case 'e' & 0x1f:	return (PROMPT_OP_END);
	case 'f' & 0x1f:	return (PROMPT_OP_RIGHT);
	case 'g' & 0x1f:	return (PROMPT_OP_CANCEL);
	case 'h' & 0x1f:	return (PROMPT_OP_BACKSPACE);
	case '\t':		return (PROMPT_OP_COMPLETE);
	case '\n':		return (PROMPT_OP_ACCEPT);
	case '\r':		return (PROMPT_OP_ACCEPT);
	case 'k' & 0x1f:	return (PROMPT_OP_KILL_END);
	case 'n' & 0x1f:	return (PROMPT_OP_NEWER);
	case 'p' & 0x1f:	return (PROMPT_OP_OLDER);
	case 'u' & 0x1f:	return (PROMPT_OP_KILL_START);
	case 'w' & 0x1f:	return (PROMPT_OP_KILL_WORD);
	case 'y' & 0x1f:	return (PROMPT_OP_YANK);
	case 27:		return (PROMPT_OP_CANCEL);
	case 127:		return (PROMPT_OP_BACKSPACE);
	default:		return (PROMPT_OP_NONE);
	}
}

/* A character to insert: printable, not a C0 or C1 control or DEL. */
static bool
prompt_insertable(wint_t ch)
{
	return (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0) &&
	    ch <= 0x10ffff);
}

enum prompt_result
prompt_key(struct prompt *p, int is_keycode, wint_t ch)
{
	enum prompt_op	op;
	char		u[4];
	size_t		a;
	int		n;

	if (!is_keycode && prompt_insertable(ch)) {
		p->note = NULL;
		prompt_cands_clear(p);
		if ((n = utf8_encode((uint32_t)ch, u)) > 0)
			prompt_insert(p, u, (size_t)n);
		return (PROMPT_CONTINUE);
	}
	if ((op = prompt_op(is_keycode, ch)) == PROMPT_OP_NONE)
		return (PROMPT_UNHANDLED);
	p->note = NULL;
	if (op != PROMPT_OP_COMPLETE && op != PROMPT_OP_COMPLETE_BACK)
		prompt_cands_clear(p);
	switch (op) {
	case PROMPT_OP_NONE:
		break;
	case PROMPT_OP_LEFT:
		p->cursor = prompt_prev(p, p->cursor);
		break;
	case PROMPT_OP_RIGHT:
		p->cursor = prompt_next(p, p->cursor);
		break;
	case PROMPT_OP_HOME:
		p->cursor = 0;
		break;
	case PROMPT_OP_END:
		p->cursor = p->text.len;
		break;
	case PROMPT_OP_BACKSPACE:
		if (p->text.len == 0)
			return (PROMPT_CANCEL);
		prompt_delete(p, prompt_prev(p, p->cursor), p->cursor, false);
		break;
	case PROMPT_OP_DELETE:
		prompt_delete(p, p->cursor, prompt_next(p, p->cursor), false);
		break;
	case PROMPT_OP_KILL_START:
		prompt_delete(p, 0, p->cursor, true);
		break;
	case PROMPT_OP_KILL_END:
		prompt_delete(p, p->cursor, p->text.len, true);
		break;
	case PROMPT_OP_KILL_WORD:
		a = p->cursor;
		while (a > 0 && (p->text.buf[a - 1] == ' ' ||
		    p->text.buf[a - 1] == '\t'))
			a--;
		while (a > 0 && p->text.buf[a - 1] != ' ' &&
		    p->text.buf[a - 1] != '\t')
			a--;
		prompt_delete(p, a, p->cursor, true);
		break;
	case PROMPT_OP_YANK:
		if (p->kill != NULL)
			prompt_insert(p, p->kill, strlen(p->kill));
		break;
	case PROMPT_OP_OLDER:
		prompt_history_move(p, 1);
		break;
	case PROMPT_OP_NEWER:
		prompt_history_move(p, -1);
		break;
	case PROMPT_OP_COMPLETE:
		prompt_complete(p, 1);
		break;
	case PROMPT_OP_COMPLETE_BACK:
		prompt_complete(p, -1);
		break;
	case PROMPT_OP_ACCEPT:
		prompt_history_add(p->history, p->text.buf);
		return (PROMPT_ACCEPT);
	case PROMPT_OP_CANCEL:
		return (PROMPT_CANCEL);
	}
	return (PROMPT_CONTINUE);
}

/* --- life ------------------------------------------------------------ */

struct prompt *
prompt_new(const struct prompt_config *cfg)
{
	struct prompt	*p;

	p = xcalloc(1, sizeof *p);
	p->label = xstrdup(cfg->label != NULL ? cfg->label : "");
	sbuf_init(&p->text, 64);
	prompt_set_text(p, cfg->text);
	p->history = cfg->history;
	p->hist_pos = -1;
	p->complete = cfg->complete;
	p->complete_arg = cfg->complete_arg;
	p->cand_idx = -1;
	return (p);
}

void
prompt_free(struct prompt *p)
{
	if (p == NULL)
		return;
	prompt_cands_clear(p);
	sbuf_release(&p->text);
	free(p->label);
	free(p->typed);
	free(p->kill);
	free(p);
}

const char *
prompt_text(const struct prompt *p)
{
	return (p->text.buf);
}

size_t
prompt_cursor_byte(const struct prompt *p)
{
	return (p->cursor);
}

/* --- layout ---------------------------------------------------------- */

/* Columns of glyphs [a, b). */
static int
prompt_width(const struct prompt_glyph *g, size_t a, size_t b)
{
	int	w = 0;

	while (a < b)
		w += g[a++].cols;
	return (w);
}

/* Columns the cursor needs from where it is on: its glyph and ">" when
 * glyphs follow, or one empty cell after the last glyph (c == n). */
static int
prompt_cursor_cols(const struct prompt_glyph *g, size_t n, size_t c)
{
	if (c == n)
		return (1);
	return (g[c].cols + (c + 1 < n));
}

/* The display width of s, sanitised as flags say. */
static int
prompt_cols(const char *s, int flags)
{
	char	*clean;
	int	 w;

	clean = sanitize_text(s, strlen(s), (flags & PROMPT_ASCII) ?
	    SANITIZE_ASCII : 0);
	w = utf8_width(clean);
	free(clean);
	return (w);
}

/* How many candidates from first fit in avail columns, leaving room for
 * "+N" when some are not shown. */
static size_t
prompt_fit_cands(const struct prompt *p, size_t first, int avail, int flags)
{
	char	count[32];
	size_t	i;
	int	x = 0, w, tail;

	for (i = first; i < p->ncands; i++) {
		w = prompt_cols(p->cands[i], flags);
		tail = 0;
		if (i + 1 < p->ncands || first > 0)
			tail = PROMPT_LIST_GAP + snprintf(count, sizeof count,
			    "+%zu", p->ncands);
		if (x + w + tail > avail)
			break;
		x += w + PROMPT_LIST_GAP;
	}
	return (i - first);
}

/* Which candidates to show: from the first, or from the one in place
 * when it would not be seen. */
static void
prompt_layout_cands(const struct prompt *p, int avail, int flags,
    struct prompt_view *v)
{
	v->cand_first = 0;
	v->cand_count = prompt_fit_cands(p, 0, avail, flags);
	if (p->cand_idx >= 0 && (size_t)p->cand_idx >= v->cand_count) {
		v->cand_first = (size_t)p->cand_idx;
		v->cand_count = prompt_fit_cands(p, v->cand_first, avail,
		    flags);
	}
}

void
prompt_layout(struct prompt *p, int cols, int flags, struct prompt_view *v)
{
	struct prompt_glyph	*g;
	struct sbuf		 disp = SBUF_INIT;
	char			*label;
	size_t			 n, c, s, k, end;
	int			 width, total, x, shown, tail, reserve;

	memset(v, 0, sizeof *v);
	v->extra_x = -1;
	if (cols < 0)
		cols = 0;

	/* The label, cut to leave the text two columns at least. */
	label = sanitize_text(p->label, strlen(p->label),
	    (flags & PROMPT_ASCII) ? SANITIZE_ASCII : 0);
	utf8_clip(label, cols - 2 > 0 ? cols - 2 : 0, &v->label_cols);
	free(label);
	width = cols - v->label_cols;
	/* A note ("the line is full") keeps its room when there is some. */
	if (p->note != NULL) {
		reserve = prompt_cols(p->note, flags) + PROMPT_LIST_GAP;
		if (width - reserve >= 4)
			width -= reserve;
	}

	n = prompt_glyphs(p->text.buf, p->text.len, flags, &g, &disp);
	for (c = 0; c < n && g[c].start < p->cursor; c++)
		;
	total = prompt_width(g, 0, n);

	/* The first visible glyph: keep the old one if the cursor is still
	 * in view, else scroll just enough; show as much as fits. */
	for (s = 0; s < n && g[s].start < p->scroll; s++)
		;
	if (total + 1 <= width) {
		s = 0;
	} else {
		if (s > c)
			s = c;
		/* Right until the cursor's glyph fits (shown: s..c-1)... */
		shown = prompt_width(g, s, c);
		while (s < c && (s > 0) + shown + prompt_cursor_cols(g, n, c) >
		    width) {
			shown -= g[s].cols;
			s++;
		}
		/* ...then left while everything from there on fits. */
		tail = prompt_width(g, s, n);
		while (s > 0 && (s - 1 > 0) + tail + g[s - 1].cols + 1 <=
		    width) {
			tail += g[s - 1].cols;
			s--;
		}
	}
	p->scroll = s < n ? g[s].start : p->text.len;

	v->more_left = s > 0;
	v->text_x = v->label_cols + v->more_left;
	x = v->more_left;
	for (k = s; k < n; k++) {
		if (x + g[k].cols + (k + 1 < n) > width)
			break;
		x += g[k].cols;
	}
	v->more_right = k < n;
	v->right_x = v->label_cols + width - 1;
	end = k > s ? g[k - 1].dstart + g[k - 1].dlen : 0;
	v->text = k > s ? xstrndup(disp.buf + g[s].dstart, end - g[s].dstart) :
	    xstrdup("");
	v->cursor_x = v->text_x + prompt_width(g, s, c < k ? c : k);
	if (v->cursor_x > cols - 1)
		v->cursor_x = cols - 1;
	if (v->cursor_x < 0)
		v->cursor_x = 0;

	/* Completions or a note after the text, when there is room. */
	x = v->more_right ? v->right_x + 1 : v->label_cols + x;
	if (x + PROMPT_LIST_GAP < cols && (p->note != NULL || p->ncands > 1)) {
		v->extra_x = x + PROMPT_LIST_GAP;
		if (p->note == NULL)
			prompt_layout_cands(p, cols - v->extra_x, flags, v);
	}
	free(g);
	sbuf_release(&disp);
}

void
prompt_view_release(struct prompt_view *v)
{
	free(v->text);
	v->text = NULL;
}

/* --- drawing --------------------------------------------------------- */

void
prompt_draw(struct prompt *p, WINDOW *w, int y)
{
	struct prompt_view	 v;
	char			 more[32];
	attr_t			 normal, dim;
	size_t			 i;
	int			 cols, x;

	cols = getmaxx(w);
	normal = theme_attr(CR_NORMAL);
	dim = theme_attr(CR_DIM);
	prompt_layout(p, cols, draw_ascii() ? PROMPT_ASCII : 0, &v);
	draw_bar(w, y, normal);
	draw_text(w, y, 0, p->label, v.label_cols, normal | A_BOLD,
	    DRAW_NO_PAD);
	if (v.more_left)
		draw_text(w, y, v.label_cols, "<", 1, dim, 0);
	draw_text(w, y, v.text_x, v.text, cols - v.text_x, normal,
	    DRAW_NO_PAD);
	if (v.more_right)
		draw_text(w, y, v.right_x, ">", 1, dim, 0);
	if (v.extra_x >= 0 && p->note != NULL) {
		draw_text(w, y, v.extra_x, p->note, cols - v.extra_x, dim,
		    DRAW_NO_PAD | DRAW_ELLIPSIS);
	} else if (v.extra_x >= 0) {
		x = v.extra_x;
		for (i = v.cand_first; i < v.cand_first + v.cand_count; i++) {
			x += draw_text(w, y, x, p->cands[i], cols - x,
			    (long)i == p->cand_idx ? theme_attr(CR_SELECTED) :
			    dim, DRAW_NO_PAD) + PROMPT_LIST_GAP;
		}
		if (v.cand_count < p->ncands && x < cols) {
			snprintf(more, sizeof more, "+%zu",
			    p->ncands - v.cand_count);
			draw_text(w, y, x, more, cols - x, dim, DRAW_NO_PAD);
		}
	}
	p->drawn = true;
	p->cur_y = y;
	p->cur_x = v.cursor_x;
	prompt_view_release(&v);
}

bool
prompt_cursor(const struct prompt *p, int *y, int *x)
{
	if (!p->drawn)
		return (false);
	*y = p->cur_y;
	*x = p->cur_x;
	return (true);
}

const char *const *
prompt_complete_words(const char *const *words, const char *text,
    size_t cursor, size_t *word_start)
{
	static const char	*found[32];
	size_t			 i, n = 0;

	*word_start = 0;
	for (i = 0; words[i] != NULL && n + 1 < 32; i++)
		if (strncmp(words[i], text, cursor) == 0)
			found[n++] = words[i];
	found[n] = NULL;
	return (n > 0 ? found : NULL);
}

char *
prompt_trimmed(const char *text)
{
	size_t	n;

	while (*text == ' ')
		text++;
	n = strlen(text);
	while (n > 0 && text[n - 1] == ' ')
		n--;
	return (xstrndup(text, n));
}
