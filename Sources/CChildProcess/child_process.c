#define _GNU_SOURCE
#include "child_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/// Closes the descriptors from `first` to `last`; in the child, between fork and exec.
static void close_between(unsigned first, unsigned last) {
    if (first > last) return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, first, last, 0) == 0) return;
#endif
    long limit = sysconf(_SC_OPEN_MAX);
    if (limit < 0 || limit > 65536) limit = 65536;
    for (long fd = first; fd <= (long)last && fd < limit; fd++) close((int)fd);
}

pid_t juryreport_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                       int input, int output, int error_output, int *error) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        *error = errno;
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        *error = errno;
        close(report[0]);
        close(report[1]);
        return -1;
    }
    if (pid == 0) {
        // The child: only async-signal-safe calls until exec.
        int failure = 0;
        sigset_t none;
        sigemptyset(&none);
        for (int signal_number = 1; signal_number < NSIG; signal_number++) signal(signal_number, SIG_DFL);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (setpgid(0, 0) != 0 || chdir(directory) != 0) failure = errno;
        // Copy the three descriptors out of the way first (close-on-exec copies at 10 and
        // up), so one dup2 cannot overwrite another's source.
        int descriptors[3] = {input, output, error_output};
        for (int index = 0; index < 3 && failure == 0; index++) {
            int moved = fcntl(descriptors[index], F_DUPFD_CLOEXEC, 10);
            if (moved < 0) failure = errno; else descriptors[index] = moved;
        }
        for (int index = 0; index < 3 && failure == 0; index++) {
            if (dup2(descriptors[index], index) < 0) failure = errno;
        }
        if (failure == 0) {
            // Nothing of ours but 0, 1, 2 reaches the program: close the rest, except the
            // report pipe, which is close-on-exec.
            close_between(3, (unsigned)report[1] - 1);
            close_between((unsigned)report[1] + 1, ~0U);
            execve(path, argv, envp);
            failure = errno;
        }
        ssize_t written = write(report[1], &failure, sizeof failure);
        (void)written;
        _exit(127);
    }
    // Also set the group from the parent, so it exists before anyone signals it.
    setpgid(pid, pid);
    close(report[1]);
    int failure = 0;
    ssize_t count;
    do {
        count = read(report[0], &failure, sizeof failure);
    } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof failure) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        *error = failure;
        return -1;
    }
    return pid;
}

void juryreport_remove_trees(char *const paths[]) {
    if (paths[0] == NULL) return;
    // argv: rm -rf -- PATH... (at most 64 folders, enough for any run's workspaces).
    char *argv[68];
    int count = 0;
    argv[count++] = "rm";
    argv[count++] = "-rf";
    argv[count++] = "--";
    for (int index = 0; paths[index] != NULL && count < 67; index++) argv[count++] = paths[index];
    argv[count] = NULL;
    char *envp[] = {NULL};
    pid_t pid = fork();
    if (pid == 0) {
        execve("/bin/rm", argv, envp);
        _exit(127);
    }
    if (pid > 0) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    }
}

int juryreport_become_subreaper(void) {
#ifdef PR_SET_CHILD_SUBREAPER
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#else
    return -1;
#endif
}
