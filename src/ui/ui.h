/*
 * ui.h — the terminal client's screen: what app.c drives.
 *
 * The only way in for the event loop: start and stop curses, feed it
 * input when the terminal is readable, run timers, and draw one frame
 * (exactly one doupdate) per loop turn.
 */
#ifndef CME_UI_UI_H
#define CME_UI_UI_H

#include <stdbool.h>
#include <stdio.h>

struct model;
struct settings;
struct ui;

/* out: where the terminal output goes (counted by the caller), or NULL. */
struct ui	*ui_new(struct model *, const struct settings *, bool ascii,
		    const char *theme, FILE *out);
int		 ui_start(struct ui *);
void		 ui_stop(struct ui *);
void		 ui_free(struct ui *);
/* Reads every key waiting on the terminal. Returns false on hang-up. */
bool		 ui_input(struct ui *);
/* Milliseconds until ui_tick() wants to run, or -1. */
int		 ui_timeout_ms(const struct ui *);
/* Runs timers (the deferred detail fetch). */
void		 ui_tick(struct ui *);
void		 ui_frame(struct ui *);
bool		 ui_quit_requested(const struct ui *);
/* A one-line message in the status bar (copied). */
void		 ui_message(struct ui *, const char *);
/* Called with each action's name just before it runs (CME_TRACE). */
struct tty;
/* The counted terminal (tty.h), handed over around an editor. */
void		 ui_set_tty(struct ui *, struct tty *);
void		 ui_set_action_hook(struct ui *, void (*)(void *, const char *),
		     void *);
/* Restores the terminal from a fatal path (no allocation). */
void		 ui_emergency_stop(void);

#endif /* CME_UI_UI_H */
