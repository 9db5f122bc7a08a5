/*
 * action.h — every user action, with its name and help text, in one table.
 *
 * This is the one X-macro of the code base (style.md §2.4): the table
 * generates the enum, the names used in the configuration file and the
 * help screen, so the three can never drift apart. Keys map to actions in
 * keymap.c; panes handle actions in their ops->action.
 */
#ifndef CME_UI_ACTION_H
#define CME_UI_ACTION_H

#define ACTION_TABLE(X)							\
	X(MOVE_UP,	"move-up",	"previous row")			\
	X(MOVE_DOWN,	"move-down",	"next row")			\
	X(PAGE_UP,	"page-up",	"previous page")		\
	X(PAGE_DOWN,	"page-down",	"next page")			\
	X(FIRST,	"first",	"first row")			\
	X(LAST,		"last",		"last row")			\
	X(OPEN,		"open",		"open the selected record")	\
	X(NEXT_PANE,	"next-pane",	"move to the next pane")	\
	X(BACK,		"back",		"go back; quit from the list")	\
	X(QUIT,		"quit",		"quit at once")			\
	X(REDRAW,	"redraw",	"redraw the whole screen")	\
	X(RECONNECT,	"reconnect",	"connect to the database again") \
	X(HELP,		"help",		"show the keys")			\
	X(SORT_NEXT,	"sort-next",	"sort the list by the next column") \
	X(SORT_REVERSE,	"sort-reverse",	"reverse the list's order")	\
	X(REFRESH,	"refresh",	"read the list and counts again") \
	X(SHOW_NEW,	"show-new",	"show alert and case changes pushed live") \
	X(MATCH_NEXT,	"match-next",	"next search result")		\
	X(MATCH_PREV,	"match-prev",	"previous search result")	\
	X(TAG,		"tag",		"tag or untag the row, then move on") \
	X(TAG_ALL,	"tag-all",	"tag every row of the list as limited; again: untag all") \
	X(TAG_PREFIX,	"tag-prefix",	"apply the next action to the tagged rows") \
	X(ALERT,	"alert",	"act on the alert: acknowledge, assign, snooze...") \
	X(CONTACT,	"contact",	"record a contact on the case")	\
	X(CONTACT_EDITOR, "contact-editor", "record a contact, the note in $EDITOR") \
	X(CLOSURE,	"closure",	"request closure; in Approvals, decide it") \
	X(ENQUIRY,	"enquiry",	"update an item of the enquiries checklist") \
	X(STATUS,	"status",	"change the case's status (escalate, transfer...)") \
	X(OPEN_CASE,	"open-case",	"open a CME case for the child")	\
	X(ASSIGN,	"assign",	"assign the case (or ; the tagged cases)") \
	X(RESUME,	"resume",	"reopen the draft kept after a failure or restart") \
	X(UNDO,		"undo",		"undo the last assignment (5 minutes)") \
	X(NEXT_QUEUE,	"queue-next",	"open the next queue")		\
	X(PREV_QUEUE,	"queue-prev",	"open the previous queue")	\
	X(TAB_SUMMARY,	"tab-summary",	"detail: Summary tab")		\
	X(TAB_TIMELINE,	"tab-timeline",	"detail: Timeline tab")		\
	X(TAB_ATTENDANCE, "tab-attendance", "detail: Attendance tab")	\
	X(TAB_ENQUIRIES, "tab-enquiries", "detail: Enquiries tab")	\
	X(TAB_FAMILY,	"tab-family",	"detail: Family tab")		\
	X(TAB_ALERTS,	"tab-alerts",	"detail: Alerts tab")		\
	X(TAB_NEXT,	"tab-next",	"detail: next tab")		\
	X(TAB_PREV,	"tab-prev",	"detail: previous tab")		\
	X(SEARCH,	"search",	"search the list (/ prompt)")	\
	X(LIMIT,	"limit",	"show only rows matching a pattern") \
	X(COMMAND,	"command",	"the : command line")		\
	X(WORKLOAD,	"workload",	"supervisor: workload per officer") \
	X(REPORTS,	"reports",	"supervisor: the DfE CME return, this term and last")

enum action {
	ACTION_NONE = 0,
#define ACTION_ENUM(id, name, help)	ACTION_##id,
	ACTION_TABLE(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

const char	*action_name(enum action);
const char	*action_help(enum action);
enum action	 action_from_name(const char *);

#endif /* CME_UI_ACTION_H */
