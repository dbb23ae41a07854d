/* clitest.h — running build/mtcheck from tests: exit status, stdout and
 * stderr captured in memory; temporary folders. */
#ifndef MTC_CLITEST_H
#define MTC_CLITEST_H

#include <stddef.h>

typedef struct ct_result {
    int status;   /* exit status, or -1 when killed */
    char *out;    /* stdout, malloc'ed */
    size_t out_len;
    char *err;    /* stderr, malloc'ed */
} ct_result;

/* Runs `mtcheck ARGS` through /bin/sh (args is shell text), with stdin from
 * stdin_file (NULL = /dev/null), under `timeout 120`. */
ct_result ct_run(const char *args, const char *stdin_file);
/* The same with a command prefix (setpriv, /usr/bin/time), a timeout in
 * seconds, and standard input either from stdin_file or, when pipe_file is
 * set, through a pipe from it (so it is not a regular file). */
ct_result ct_run_full(const char *prefix, const char *args, const char *stdin_file,
                      const char *pipe_file, int timeout_s);
void ct_free(ct_result *r);
/* A fresh temporary directory (static buffer per call site: copy it). */
char *ct_tmpdir(void);
/* Writes len bytes to dir/name; returns the malloc'ed path. */
char *ct_write(const char *dir, const char *name, const char *data, size_t len);
/* Reads a whole file (malloc'ed, NUL-terminated); NULL if missing. */
char *ct_read(const char *path, size_t *len);
/* Path of the binary under test. */
const char *ct_bin(void);

#endif
