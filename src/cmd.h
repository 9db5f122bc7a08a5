/*
 * cmd.h — the command-line subcommands other than the client (src/cmd_*.c).
 */
#ifndef CME_CMD_H
#define CME_CMD_H

struct db_params;

/* `cme db ...`: migrate, status, seed. Returns the exit status. */
int	cmd_db(int argc, char **argv, const struct db_params *);
/* `cme import attendance|returns ...` (cmd_import.c). */
int	cmd_import(int argc, char **argv, const struct db_params *);
/* `cme sweep ...` (cmd_sweep.c). */
int	cmd_sweep(int argc, char **argv, const struct db_params *);
/* `cme report cme-return ...` (cmd_report.c). */
int	cmd_report(int argc, char **argv, const struct db_params *);

#endif /* CME_CMD_H */
