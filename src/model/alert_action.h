/*
 * alert_action.h — acting on alerts through the database's definer
 * functions (src/model/alert_action.c).
 */
#ifndef CME_MODEL_ALERT_ACTION_H
#define CME_MODEL_ALERT_ACTION_H

#include <stddef.h>

struct model;

enum alert_act {
	ALERT_ACK,		/* acknowledge */
	ALERT_ASSIGN,		/* arg: a login name, or "team" */
	ALERT_SNOOZE,		/* arg: YYYY-MM-DD, after today */
	ALERT_ESCALATE,		/* arg: a note, may be empty */
	ALERT_OPEN_CASE,	/* arg: a CME reason code, may be empty */
	ALERT_RESOLVE,		/* arg: a note, required */
	ALERT_ACT_COUNT,
};

/* The alert as the officer saw it: its id and version. */
struct alert_target {
	char	alert_id[24];
	char	version[16];
};

/*
 * Acts on n alerts in one round trip (all or nothing when n > 1); the
 * outcome arrives as a model notice. Returns 0 when sent, or -1 with msg
 * when the argument is not acceptable (nothing sent).
 */
int		 model_alert_act(struct model *, const struct alert_target *,
		     size_t n, enum alert_act, const char *arg, char *msg,
		     size_t msgsize);
/* "acknowledged", "assigned", ... (static). */
const char	*alert_act_name(enum alert_act);

#endif /* CME_MODEL_ALERT_ACTION_H */
