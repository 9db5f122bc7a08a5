/*
 * tty.h — the counted terminal output stream (src/ui/tty.c).
 */
#ifndef CME_UI_TTY_H
#define CME_UI_TTY_H

#include <stdbool.h>
#include <stdio.h>

struct tty;

/* Starts the pty and the copying thread; NULL when it cannot (then draw
 * straight to stdout and count nothing). */
struct tty		*tty_start(void);
/* The stream curses should write to (owned by the tty). */
FILE			*tty_stream(struct tty *);
/* Copies the real terminal's size to the pty (call on SIGWINCH). */
void			 tty_sync_size(struct tty *);
/* Waits until everything written so far has been copied and counted. */
void			 tty_settle(struct tty *);
/* Bytes written to the real terminal so far. */
unsigned long long	 tty_bytes(const struct tty *);
/* Around another program on the terminal (an editor), after endwin():
 * the terminal back in its own modes, then in the client's again. */
void			 tty_suspend(struct tty *);
void			 tty_resume(struct tty *);
/* After endwin(): drains, restores the terminal's modes, frees. */
void			 tty_stop(struct tty *);
/* Restores the terminal's modes from a fatal path. */
void			 tty_emergency_restore(void);

#endif /* CME_UI_TTY_H */
