/*
 * ui_screen.c — opening, closing, drawing and routing actions to the full
 * screens of screen.h (Workload, Reports).
 *
 * While a screen is open the frame draws the title and status bars and the
 * screen, and ui_frame() ends it with its doupdate() (design.md §7); the
 * panes under it
 * are not painted and keep their dirty bits, so closing the screen
 * repaints them in full. The screen repaints when its data's generation
 * counter moves (an answer arrived) or when an action marked it dirty.
 */
#include <curses.h>

#include "model/desk.h"
#include "model/model.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/screen.h"
#include "ui/ui.h"
#include "ui/ui_private.h"

void
ui_screen_init(struct ui *ui)
{
	ui->screens[UI_SCREEN_WORKLOAD] = pane_new(&screen_workload_ops, ui);
	ui->screens[UI_SCREEN_REPORTS] = pane_new(&screen_reports_ops, ui);
	ui->overlay = NULL;
}

void
ui_screen_release(struct ui *ui)
{
	int	i;

	for (i = 0; i < UI_SCREEN_COUNT; i++) {
		pane_free(ui->screens[i]);
		ui->screens[i] = NULL;
	}
	ui->overlay = NULL;
}

void
ui_screen_place(struct ui *ui)
{
	int	i, rows;

	rows = ui->rows - 2;
	for (i = 0; i < UI_SCREEN_COUNT; i++)
		pane_place(ui->screens[i], 1, 0, rows > 0 ? rows : 0,
		    ui->cols);
}

static unsigned long long
ui_screen_gen(struct pane *p)
{
	if (p->ops == &screen_workload_ops)
		return (screen_workload_gen(p));
	return (screen_reports_gen(p));
}

void
ui_screen_open(struct ui *ui, enum ui_screen_kind k)
{
	struct desk	*d = model_desk(ui->model);

	if ((unsigned)k >= UI_SCREEN_COUNT)
		return;
	ui->overlay = ui->screens[k];
	ui->overlay->focused = true;
	ui->overlay->dirty |= PANE_DIRTY_CONTENT | PANE_DIRTY_PAINT;
	if (k == UI_SCREEN_WORKLOAD)
		desk_refresh_workload(d);
	else
		desk_refresh_reports(d);
	ui->screen_seen = ui_screen_gen(ui->overlay);
	ui->bars_dirty = true;
	ui->full_redraw = true;
}

void
ui_screen_close(struct ui *ui)
{
	if (ui->overlay == NULL)
		return;
	ui->overlay = NULL;
	ui->full_redraw = true;
}

const char *
ui_screen_hint(const struct ui *ui)
{
	if (ui->overlay == ui->screens[UI_SCREEN_WORKLOAD])
		return (" j/k move  o/O sort  Enter caseload  C-r refresh  "
		    "? help  q back");
	return (" j/k scroll  C-r refresh  ? help  q back");
}

bool
ui_screen_action(struct ui *ui, enum action a)
{
	if (ui->overlay == NULL)
		return (false);
	switch (a) {
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_RECONNECT:
	case ACTION_HELP:
	case ACTION_COMMAND:
	case ACTION_WORKLOAD:
	case ACTION_REPORTS:
		return (false);		/* the global handler's */
	case ACTION_BACK:
		ui_screen_close(ui);
		return (true);
	default:
		break;
	}
	if (ui->overlay->ops->action != NULL)
		(void)ui->overlay->ops->action(ui->overlay, a);
	return (true);			/* nothing reaches the panes under it */
}

int
ui_screen_frame(struct ui *ui)
{
	struct pane		*p = ui->overlay;
	unsigned long long	 g;
	int			 y, x;

	if (p == NULL)
		return (-1);
	g = ui_screen_gen(p);
	if (g != ui->screen_seen) {
		ui->screen_seen = g;
		p->dirty |= PANE_DIRTY_CONTENT;
	}
	if (ui->full_redraw)
		p->dirty |= PANE_DIRTY_PAINT;
	if (!ui->bars_dirty && p->dirty == 0)
		return (0);
	if (ui->clear) {
		clearok(curscr, TRUE);
		ui->clear = false;
	}
	if (ui->bars_dirty || ui->full_redraw)
		ui_paint_bars(ui);
	ui->bars_dirty = false;
	if (p->dirty & PANE_DIRTY_CONTENT) {
		if (p->ops->sync != NULL)
			p->ops->sync(p);
		p->dirty |= PANE_DIRTY_PAINT;
	}
	if (p->visible && p->win != NULL && (p->dirty & PANE_DIRTY_PAINT)) {
		werase(p->win);
		p->ops->paint(p);
		wnoutrefresh(p->win);
	}
	p->dirty = 0;
	ui->full_redraw = false;
	if (ui->prompt != NULL && prompt_cursor(ui->prompt, &y, &x)) {
		curs_set(1);
		wmove(ui->status, y, x);
		wnoutrefresh(ui->status);
	} else {
		curs_set(0);
	}
	return (1);
}
