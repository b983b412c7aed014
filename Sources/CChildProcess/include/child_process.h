#ifndef JURYREPORT_CHILD_PROCESS_H
#define JURYREPORT_CHILD_PROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated) in a process group of its own,
/// in `directory`, with standard input, output and error on the given descriptors, every
/// other descriptor closed, and signals at their defaults and unblocked. Returns the pid
/// (which is also the group's id), or -1 with `*error` set to the errno of what failed
/// (exec included: it is reported back through a close-on-exec pipe).
pid_t juryreport_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                       int input, int output, int error_output, int *error);

/// Removes the folders `paths` (NULL-terminated) with everything in them by running
/// /bin/rm, and waits for it. Uses only async-signal-safe calls (fork, execve, waitpid), so
/// a signal handler may call it.
void juryreport_remove_trees(char *const paths[]);

/// Makes this process the subreaper of its descendants (Linux's PR_SET_CHILD_SUBREAPER):
/// an orphan whose parent ends is reparented here rather than to init, so it can be reaped.
/// Returns 0, or -1 where the system has no such thing.
int juryreport_become_subreaper(void);

#endif
