/* clitest.c — see clitest.h. */
#include "clitest.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

const char *ct_bin(void)
{
    const char *b = getenv("MTCHECK_BIN");
    return b && *b ? b : "build/mtcheck";
}

char *ct_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = mtc_xmalloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 2) {
            cap *= 2;
            buf = mtc_xrealloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

char *ct_tmpdir(void)
{
    char tmpl[] = "/tmp/mtcheck-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    cr_assert_not_null(d, "mkdtemp");
    return mtc_xstrdup(d);
}

char *ct_write(const char *dir, const char *name, const char *data, size_t len)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = mtc_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    cr_assert_not_null(f, "cannot write %s", p);
    fwrite(data, 1, len, f);
    fclose(f);
    return p;
}

ct_result ct_run_full(const char *prefix, const char *args, const char *stdin_file,
                      const char *pipe_file, int timeout_s)
{
    ct_result r;
    memset(&r, 0, sizeof r);
    char *dir = ct_tmpdir();
    size_t n = strlen(prefix) + strlen(args) + strlen(dir) * 2 + strlen(ct_bin()) + 256 +
               (stdin_file ? strlen(stdin_file) : 0) + (pipe_file ? strlen(pipe_file) : 0);
    char *cmd = mtc_xmalloc(n);
    if (pipe_file)
        snprintf(cmd, n, "cat '%s' | timeout %d %s '%s' %s > '%s/out' 2> '%s/err'", pipe_file,
                 timeout_s, prefix, ct_bin(), args, dir, dir);
    else
        snprintf(cmd, n, "timeout %d %s '%s' %s < '%s' > '%s/out' 2> '%s/err'", timeout_s, prefix,
                 ct_bin(), args, stdin_file ? stdin_file : "/dev/null", dir, dir);
    int st = system(cmd);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    char path[4200];
    snprintf(path, sizeof path, "%s/out", dir);
    r.out = ct_read(path, &r.out_len);
    unlink(path);
    snprintf(path, sizeof path, "%s/err", dir);
    r.err = ct_read(path, NULL);
    unlink(path);
    rmdir(dir);
    free(dir);
    free(cmd);
    if (!r.out)
        r.out = mtc_xstrdup("");
    if (!r.err)
        r.err = mtc_xstrdup("");
    return r;
}

ct_result ct_run(const char *args, const char *stdin_file)
{
    return ct_run_full("", args, stdin_file, NULL, 120);
}

void ct_free(ct_result *r)
{
    free(r->out);
    free(r->err);
    memset(r, 0, sizeof *r);
}
