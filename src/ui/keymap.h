/*
 * keymap.h — keys to actions: the built-in defaults and key names.
 */
#ifndef CME_UI_KEYMAP_H
#define CME_UI_KEYMAP_H

#include <stddef.h>

#include "ui/action.h"

struct keymap;

struct keymap	*keymap_new(void);		/* with the default bindings */
void		 keymap_free(struct keymap *);
enum action	 keymap_lookup(const struct keymap *, int key);
void		 keymap_bind(struct keymap *, int key, enum action);
/* Parses "j", "Up", "PageDown", "C-l", "Enter", "Tab", "Escape", "F1"... */
int		 keymap_parse_key(const char *);
/* Writes the name of key into buf (size n). */
void		 keymap_key_name(int key, char *buf, size_t n);
/* The keys bound to an action, e.g. "k, Up", into buf. */
void		 keymap_keys_for(const struct keymap *, enum action, char *buf,
		     size_t n);

#endif /* CME_UI_KEYMAP_H */
