/* emitter.c — the functions analyzers emit issues with (analyzer.h):
 * mtc_emit applies the configured switch and severity of the rule and
 * appends the issue to the emitter (emitter.h), which owns it until the
 * pipeline takes the issues; mtc_issue_clear frees one issue's strings. */
#include "emitter.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"

static rule_state *find_rule(const analyzer_slot *slot, int rule)
{
    if (rule < 0 || (size_t)rule >= slot->an->n_rules)
        abort(); /* an index outside the analyzer's own enum: a programming error */
    return &slot->rules[rule];
}

int mtc_rule_on(const mtc_emitter *em, int rule)
{
    const rule_state *rs = find_rule(em->slot, rule);
    return rs->enabled;
}

mtc_issue *mtc_emit(mtc_emitter *em, int rule, mtc_severity sev, size_t start, size_t end,
                    const char *fmt, ...)
{
    rule_state *rs = find_rule(em->slot, rule);
    if (!rs->enabled)
        return NULL;
    if (start > em->text_len)
        start = em->text_len;
    if (end > em->text_len)
        end = em->text_len;
    if (end < start)
        end = start;
    mtc_grow((void **)&em->issues, &em->cap, em->n + 1, sizeof *em->issues);
    mtc_issue *is = &em->issues[em->n++];
    memset(is, 0, sizeof *is);
    is->start = start;
    is->end = end;
    is->count = 1;
    is->rule = rs->info->id;
    is->category = rs->info->category;
    is->severity = rs->severity_overridden || sev == MTC_SEV_DEFAULT ? rs->severity : sev;
    if (!strchr(fmt, '%')) { /* a fixed message (most are): no formatting */
        is->message = mtc_xstrdup(fmt);
        return is;
    }
    mtc_buf b = MTC_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    mtc_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    is->message = mtc_buf_detach(&b);
    return is;
}

void mtc_issue_source_span(mtc_issue *is, size_t start, size_t end)
{
    if (!is)
        return;
    is->has_source_span = 1;
    is->source_start = start;
    is->source_end = end < start ? start : end;
}

void mtc_issue_suggest(mtc_issue *is, const char *s, size_t len)
{
    if (!is || is->n_suggestions >= MTC_MAX_SUGGESTIONS)
        return;
    for (size_t i = 0; i < is->n_suggestions; i++)
        if (strlen(is->suggestions[i]) == len && memcmp(is->suggestions[i], s, len) == 0)
            return;
    is->suggestions[is->n_suggestions++] = mtc_xstrndup(s, len);
}

