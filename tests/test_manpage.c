/* test_manpage.c — mtcheck.1 documents every option of --help, every
 * format, every .mtcheck.ini key and every exit status; its rule list is
 * generated from --list-rules by make man-update (test_ci.c checks it). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "clitest.h"
#include "report.h"
#include "testutil.h"

/* The man page with roff's "\-" turned into "-". */
static char *man_text(void)
{
    char buf[4096];
    char *src = ct_read(tu_root_path("mtcheck.1", buf, sizeof buf), NULL);
    cr_assert_not_null(src, "mtcheck.1 is missing");
    size_t w = 0;
    for (size_t i = 0; src[i]; i++) {
        if (src[i] == '\\' && src[i + 1] == '-')
            continue;
        src[w++] = src[i];
    }
    src[w] = '\0';
    return src;
}

Test(manpage, documents_every_option)
{
    char *man = man_text();
    ct_result r = ct_run("--help", NULL);
    cr_assert_eq(r.status, 0);
    size_t n = 0;
    for (const char *p = r.out; (p = strstr(p, "--")) != NULL;) {
        size_t k = 2;
        while ((p[k] >= 'a' && p[k] <= 'z') || p[k] == '-')
            k++;
        char opt[64];
        snprintf(opt, sizeof opt, "%.*s", (int)k, p);
        if (k > 2) {
            cr_expect(strstr(man, opt), "mtcheck.1 does not document %s", opt);
            n++;
        }
        p += k;
    }
    cr_assert_gt(n, 20);
    ct_free(&r);
    free(man);
}

Test(manpage, documents_formats_keys_and_exit_codes)
{
    char *man = man_text();
    char *names = mtc_xstrdup(mtc_reporter_names());
    char *save = NULL;
    for (char *f = strtok_r(names, " ", &save); f; f = strtok_r(NULL, " ", &save)) {
        char want[64];
        snprintf(want, sizeof want, ".B %s\n", f);
        cr_expect(strstr(man, want), "format %s is not documented", f);
    }
    free(names);
    const char *keys[] = {"lang", "dict", "dicpath", "enable", "disable", "fail-on", "min-score",
                          "accept-both-variants", "include", "exclude", "[severity]"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        cr_expect(strstr(man, keys[i]), "config key %s is not documented", keys[i]);
    cr_assert(strstr(man, ".SH EXIT STATUS\n.TP\n.B 0\n"));
    cr_assert(strstr(man, ".B 1\n") && strstr(man, ".B 2\n"));
    cr_assert(strstr(man, "\n.\\\" BEGIN RULES") && strstr(man, "\n.\\\" END RULES\n"),
              "the rule list is generated (make man-update) between BEGIN and END RULES");
    cr_assert(strstr(man, "mtcheck-disable-next-line"));
    free(man);
}
