/*
 * screen.h — full screens over the panes: the supervisor desk's Workload
 * (screen_workload.c) and Reports (screen_reports.c) views.
 *
 * A screen is a pane (pane.h ops) that, while open, takes the whole body
 * between the title and status bars, like the help overlay: the frame
 * paints it instead of the three panes (which keep their state and dirty
 * bits), and actions reach it first (ui_screen.c). q closes it and the
 * panes come back as they were.
 */
#ifndef CME_UI_SCREEN_H
#define CME_UI_SCREEN_H

#include <stdbool.h>

#include "ui/action.h"

struct pane;
struct ui;

enum ui_screen_kind {
	UI_SCREEN_WORKLOAD,
	UI_SCREEN_REPORTS,
	UI_SCREEN_COUNT,
};

void	ui_screen_init(struct ui *);
void	ui_screen_release(struct ui *);
/* Places every screen over the body (after a relayout). */
void	ui_screen_place(struct ui *);
/* Opens a screen and asks for its data again. */
void	ui_screen_open(struct ui *, enum ui_screen_kind);
void	ui_screen_close(struct ui *);
/* True when a screen is open and took the action (q closes it). */
bool	ui_screen_action(struct ui *, enum action);
/* The bottom line's key hints for the open screen (static text). */
const char *ui_screen_hint(const struct ui *);
/* Draws what moved on the open screen: -1 none is open, 0 nothing to
 * draw, 1 drawn (the caller ends the frame with doupdate()). */
int	ui_screen_frame(struct ui *);

/* The screens' ops; their sync asks the model whether data moved. */
extern const struct pane_ops	screen_workload_ops;
extern const struct pane_ops	screen_reports_ops;
/* A screen's data generation (model side), to notice answers. */
unsigned long long screen_workload_gen(struct pane *);
unsigned long long screen_reports_gen(struct pane *);

#endif /* CME_UI_SCREEN_H */
