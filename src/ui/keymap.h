/*
 * keymap.h — keys to actions: the built-in defaults and key names.
 */
#ifndef CME_UI_KEYMAP_H
#define CME_UI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "ui/action.h"

struct keymap;
struct settings;

/*
 * A key is an int: a curses key code (KEY_UP...), an ASCII character or
 * control code (0..127), or KEYMAP_CHAR | code point for any other
 * character, so that "é" or "ö" can be bound on keyboards that have them
 * (that needs input read with wget_wch(): see keymap_input_key()).
 */
#define KEYMAP_CHAR	(1 << 24)

struct keymap	*keymap_new(void);		/* with the default bindings */
void		 keymap_free(struct keymap *);
enum action	 keymap_lookup(const struct keymap *, int key);
void		 keymap_bind(struct keymap *, int key, enum action);
/*
 * Parses a key name: "j", "Up", "PageDown", "C-l", "Enter", "Tab",
 * "Escape", "F1".."F24", "Space", "é" (any one character), "#N" (a raw
 * code, as keymap_key_name writes unnamed keys). Names are read in any
 * case ("pageup", "c-L"). Returns the key, or -1.
 */
int		 keymap_parse_key(const char *);
/* Writes the name of key into buf (size n; 16 is always enough). */
void		 keymap_key_name(int key, char *buf, size_t n);
/* The keys bound to an action, e.g. "k, Up", into buf. */
void		 keymap_keys_for(const struct keymap *, enum action, char *buf,
		     size_t n);

/* The key for what wget_wch() returned: is_keycode when it returned
 * KEY_CODE_YES. -1 for a value that is no key. */
int		 keymap_input_key(bool is_keycode, wint_t ch);
/*
 * Terminals send one key several ways: Enter as '\n', '\r' (C-m) or
 * KEY_ENTER, Backspace as KEY_BACKSPACE or DEL (127). Returns the one the
 * key is named and bound by ('\n', KEY_BACKSPACE); keymap_bind() binds
 * all of a key's forms, and keymap_parse_key(keymap_key_name(k)) ==
 * keymap_key_canonical(k) for every key k that has a name.
 */
int		 keymap_key_canonical(int key);
/* An action by name, any case; "none" (unbind) is ACTION_NONE. */
bool		 keymap_parse_action(const char *, enum action *);
/*
 * The nearest key or action name to a misspelt one ("PgDown" ->
 * "PageDown", "Ctrl-x" -> "C-x", "move-dwn" -> "move-down"), or NULL.
 * Borrowed: static, or valid until the next call.
 */
const char	*keymap_suggest_key(const char *);
const char	*keymap_suggest_action(const char *);
/* The i-th named key ("Up", "PageDown"...), for completion; NULL past the
 * last. */
const char	*keymap_key_name_at(size_t i);
/* The i-th built-in binding, as written in the table; false past the
 * last. Tests check etc/cme.conf against these. */
bool		 keymap_default_at(size_t i, const char **key,
		     const char **action);
/*
 * Applies the configuration file's keys list (settings.c has checked
 * every entry) over the current bindings, in file order; returns the
 * number applied.
 */
size_t		 keymap_apply_bindings(struct keymap *,
		     const struct settings *);

#endif /* CME_UI_KEYMAP_H */
